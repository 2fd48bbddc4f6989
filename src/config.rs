//! House style and rule settings: `copydesk.toml`, LSP settings, defaults.
//!
//! The engine sees only [`Config`]; where the settings came from is the caller's business.
//! This module is plain data: the types, reading them from TOML or JSON, merging, and the
//! level a rule runs at. Checking rule codes against the registry is [`crate::rules`]'
//! job, and reading files (with the names file) [`crate::settings`]'.

use std::any::Any;
use std::fmt;
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::finding::Severity;
use crate::span::Span;

/// A house style: the agency whose conventions the copy follows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Style {
    Ap,
    Upi,
    Reuters,
    Afp,
    Xinhua,
    Bloomberg,
    /// Any consistent agency form.
    Generic,
}

impl Style {
    pub const ALL: [Style; 7] = [
        Style::Ap,
        Style::Upi,
        Style::Reuters,
        Style::Afp,
        Style::Xinhua,
        Style::Bloomberg,
        Style::Generic,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Style::Ap => "ap",
            Style::Upi => "upi",
            Style::Reuters => "reuters",
            Style::Afp => "afp",
            Style::Xinhua => "xinhua",
            Style::Bloomberg => "bloomberg",
            Style::Generic => "generic",
        }
    }

    pub fn parse(s: &str) -> Option<Style> {
        Style::ALL
            .into_iter()
            .find(|st| st.as_str().eq_ignore_ascii_case(s))
    }

    /// The style whose agency wrote this dateline credit (`Xinhua` -> Xinhua).
    ///
    /// The match ignores case (`(XINHUA)`, `(REUTERS)`): a credit in the wrong case still
    /// names its agency, and `dateline/credit` reports the spelling.
    pub fn from_credit(agency: &str) -> Option<Style> {
        [
            ("AP", Style::Ap),
            ("UPI", Style::Upi),
            ("Reuters", Style::Reuters),
            ("AFP", Style::Afp),
            ("Xinhua", Style::Xinhua),
            ("Bloomberg", Style::Bloomberg),
        ]
        .into_iter()
        .find(|(name, _)| name.eq_ignore_ascii_case(agency.trim()))
        .map(|(_, style)| style)
    }

    /// The agency display name used in messages.
    pub fn agency(self) -> &'static str {
        match self {
            Style::Ap => "AP",
            Style::Upi => "UPI",
            Style::Reuters => "Reuters",
            Style::Afp => "AFP",
            Style::Xinhua => "Xinhua",
            Style::Bloomberg => "Bloomberg",
            Style::Generic => "generic",
        }
    }
}

/// Where the house style an article was checked in came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StyleSource {
    /// Set in `copydesk.toml`, the editor settings or `--style`: enforced strictly.
    Configured,
    /// Inferred from the dateline credit: only what is wrong in every form that agency
    /// publishes (wire and web copy) is flagged.
    Credit,
    /// Nothing configured and no known credit: the generic style.
    Default,
}

impl StyleSource {
    pub fn is_configured(self) -> bool {
        self == StyleSource::Configured
    }
}

impl fmt::Display for Style {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a rule is set to: a severity, or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Off,
    Error,
    Warning,
    Info,
    Hint,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Error => Some(Severity::Error),
            Level::Warning => Some(Severity::Warning),
            Level::Info => Some(Severity::Info),
            Level::Hint => Some(Severity::Hint),
        }
    }
}

/// The settings the engine runs with.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Config {
    /// The house style; `None` infers it from each article's dateline credit.
    pub style: Option<Style>,
    /// Rule levels keyed by code (`quotes/unclosed`) or family (`dateline/*`).
    pub rules: std::collections::BTreeMap<String, Level>,
    /// Where the rule pages live: `{docs_base_url}{code}.md` is a rule's page (LSP
    /// `codeDescription`, SARIF `helpUri`). `None`: the `docs/rules/` folder of the source tree.
    #[serde(alias = "docsBaseUrl", skip_serializing_if = "Option::is_none")]
    pub docs_base_url: Option<String>,
    /// `[quotes]`: how quotation marks nest.
    pub quotes: QuotesConfig,
    /// The names file: `[names]` (preferred spellings, kinds, roles, notes).
    #[serde(default)]
    pub names: crate::entities::NamesConfig,
    /// A names file to add to `[names]`, relative to the workspace root.
    #[serde(default)]
    pub names_file: Option<String>,
    /// `[dateline]`: house additions to the dateline place lists.
    #[serde(default)]
    pub dateline: DatelineConfig,
    /// `[dates]`: how body text writes dates (the `dates/*` rules).
    #[serde(default)]
    pub dates: DatesConfig,
    /// `[times]`: how body text writes times of day (the `times/*` rules).
    #[serde(default)]
    pub times: TimesConfig,
    /// `[numbers]`: the house's numbers settings (`numbers/*`).
    #[serde(default)]
    pub numbers: NumbersConfig,
    /// `[percent]`: the house form of a percentage (`percent/*`).
    #[serde(default)]
    pub percent: PercentConfig,
    /// `[places]`: house forms of U.S. states and `U.S.` in text (`places/*` rules).
    #[serde(default)]
    pub places: PlacesConfig,
    /// `[titles]`: whether titles are abbreviated before a full name (`titles/*` rules).
    #[serde(default)]
    pub titles: TitlesConfig,
    /// Desk rule sheet files, relative to `copydesk.toml` (read by [`crate::sheets`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sheets: Vec<String>,
    /// `[[sheet.rule]]`: the configuration's own desk rules, read with their positions by
    /// [`crate::sheets::resolve`]; here only so that the key is known.
    #[serde(default, skip_serializing)]
    pub sheet: Option<toml::Value>,
    /// The compiled desk rules ([`crate::sheets::resolve`]); not a setting.
    #[serde(skip)]
    pub desk: DeskSlot,
    /// `[workspace]`: which files of the folder the workspace index reads.
    #[serde(default, skip_serializing_if = "WorkspaceConfig::is_empty")]
    pub workspace: WorkspaceConfig,
}

/// `[workspace]`: the stories of the folder ([`crate::workspace`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct WorkspaceConfig {
    /// Gitignore-style globs, relative to the folder, of files and folders left out of
    /// the index (`archive/`, `**/drafts/*.md`), beside what `.gitignore` leaves out.
    pub exclude: Vec<String>,
}

impl WorkspaceConfig {
    pub fn is_empty(&self) -> bool {
        self.exclude.is_empty()
    }
}

/// The compiled desk rules of a configuration, opaque at this layer: `crate::sheets`
/// compiles them and reads them back (`sheets::DeskRules::of`). `config` sits below the
/// rules, which read it, so it cannot name their type; what the rules themselves need of
/// the desk rules (their codes and default severities, for the suppression markers) is kept
/// beside them as plain data. Cheap to clone; equal when it is the same compilation.
#[derive(Clone, Default)]
pub struct DeskSlot {
    compiled: Option<Arc<dyn Any + Send + Sync>>,
    codes: Arc<[(&'static str, Severity)]>,
}

impl DeskSlot {
    pub fn new(compiled: Arc<dyn Any + Send + Sync>, codes: Vec<(&'static str, Severity)>) -> Self {
        DeskSlot {
            compiled: Some(compiled),
            codes: codes.into(),
        }
    }

    pub fn compiled(&self) -> Option<&Arc<dyn Any + Send + Sync>> {
        self.compiled.as_ref()
    }

    /// Every desk rule's code and default severity, in sheet order.
    pub fn codes(&self) -> &[(&'static str, Severity)] {
        &self.codes
    }

    pub fn is_empty(&self) -> bool {
        self.compiled.is_none()
    }
}

impl fmt::Debug for DeskSlot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.codes.iter().map(|c| c.0))
            .finish()
    }
}

impl PartialEq for DeskSlot {
    fn eq(&self, other: &DeskSlot) -> bool {
        match (&self.compiled, &other.compiled) {
            (None, None) => true,
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

/// A mistake in a sheet (or in the `[sheet]`/`sheets` part of `copydesk.toml`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetError {
    pub path: PathBuf,
    pub message: String,
    /// The byte span of the mistake in the file's text.
    pub span: Option<Span>,
    /// 1-based line and column (in characters) of the span's start.
    pub line: usize,
    pub column: usize,
    /// The file's text, for converting the span to editor positions.
    pub text: Arc<str>,
}

/// `[quotes]` settings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct QuotesConfig {
    /// `"us"` (single inside double, the default) or `"british"` (double inside single).
    pub nesting: Option<crate::article::quotes::Nesting>,
}

/// `[dateline]` in `copydesk.toml`: places and stand-alone cities the house adds to (or
/// removes from) the built-in lists. Names are matched case-insensitively, `ST.` = `SAINT`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DatelineConfig {
    /// Cities that stand alone in a dateline, in addition to the style's list.
    pub standalone_add: Vec<String>,
    /// Cities removed from the style's stand-alone list (they then need a region).
    pub standalone_remove: Vec<String>,
    /// Places the gazetteer does not know that are nevertheless right (`FORT MEADE`).
    pub places: Vec<String>,
    /// The desk's usual dateline place (`WASHINGTON`): what the dateline completion
    /// offers on an empty lede ([`crate::snippets`]); no rule reads it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// The desk's time zone (an IANA name: `America/New_York`, `Asia/Shanghai`): the day
    /// the dateline completion writes is today there. Unset: the system's time zone.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub timezone: Option<TimeZoneName>,
}

/// An IANA time zone name the system knows (`[dateline] timezone`); an unknown name is a
/// configuration error at its place in the file.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct TimeZoneName(pub String);

impl<'de> Deserialize<'de> for TimeZoneName {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        match jiff::tz::TimeZone::get(&name) {
            Ok(_) => Ok(TimeZoneName(name)),
            Err(_) => Err(serde::de::Error::custom(format!(
                "unknown time zone `{name}`: write an IANA name such as `America/New_York` \
                 or `Asia/Shanghai`"
            ))),
        }
    }
}

/// `[dates]` in `copydesk.toml`: the house's date forms where the style sheets disagree
/// or are unconfirmed (wire-style.md §4 [U]). Unset keys take the house style's default.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct DatesConfig {
    /// How the body writes a month before a day (`dates/month-form`): `"ap"` (`Sept. 19`,
    /// AP, UPI, Xinhua and Bloomberg's default), `"reuters"` (`Sept 19`), `"full"`
    /// (`September 19`) or `"any"` (every agency's form; AFP and generic's default).
    /// Reuters' default accepts AP's, Reuters' and the full form, its body form being
    /// unconfirmed.
    pub months: Option<MonthsSetting>,
    /// Flag `today`, `yesterday`, `tomorrow` and `tonight` (`dates/relative-day`): the
    /// house writes the day of the week. Default: on for AP, off for the others.
    pub relative_days: Option<bool>,
}

/// `[dates] months`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MonthsSetting {
    Ap,
    Reuters,
    Full,
    Any,
}

/// `[times]` in `copydesk.toml`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TimesConfig {
    /// How `a.m.` and `p.m.` are written (`times/meridiem`): `"ap"` (`9 a.m.`, `2:30
    /// p.m.`: lower case, periods, no `:00`; the default of AP, UPI, Xinhua and
    /// Bloomberg) or `"lenient"` (`9am`, `9 AM`, `9:00 a.m.` accepted; only a malformed
    /// `a.m` or `A.m.` is flagged; the default of Reuters, AFP and the generic style).
    pub meridiem: Option<MeridiemSetting>,
}

/// `[times] meridiem`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MeridiemSetting {
    Ap,
    Lenient,
}

/// `[numbers]` in `copydesk.toml` (`numbers/*`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NumbersConfig {
    /// Counts below this are spelled out and counts from it on are figures: 10 (one to
    /// nine in words, the default of every house profile); 11 for a house that spells out
    /// ten as well; 0 leaves both to the writer (`numbers/small-in-words` and
    /// `numbers/large-in-figures` fall silent).
    pub spell_out_below: Option<u32>,
    /// The word `numbers/millions` writes for a million: `"million"` (the default) or
    /// `"mln"` (Reuters' financial copy of the 1980s).
    pub million_word: Option<String>,
}

impl NumbersConfig {
    /// [`NumbersConfig::spell_out_below`], or its default, 10.
    pub fn spell_out_below(&self) -> u32 {
        self.spell_out_below.unwrap_or(10).min(100)
    }
}

/// How a house writes a percentage with a figure (`[percent] form`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PercentForm {
    /// `3.1%` (AP since 2019).
    #[serde(rename = "sign", alias = "%")]
    Sign,
    /// `3.1 percent` (Xinhua).
    #[serde(rename = "percent")]
    Percent,
    /// `3.1 per cent` (British usage).
    #[serde(rename = "per cent")]
    PerCent,
    /// `3.1 pct` (Reuters' financial copy of the 1980s).
    #[serde(rename = "pct")]
    Pct,
    /// Any of them: the form is not checked.
    #[serde(rename = "any")]
    Any,
}

impl PercentForm {
    /// What follows the figure in this form (`%`, ` percent`); empty for [`PercentForm::Any`].
    pub fn suffix(self) -> &'static str {
        match self {
            PercentForm::Sign => "%",
            PercentForm::Percent => " percent",
            PercentForm::PerCent => " per cent",
            PercentForm::Pct => " pct",
            PercentForm::Any => "",
        }
    }

    /// The house default: `%` for AP (its 2019 change), `percent` for Xinhua; for UPI,
    /// Reuters, AFP, Bloomberg and generic no form is known for certain (wire-style.md
    /// marks them unconfirmed), so none is checked unless `[percent] form` sets one.
    pub fn default_for(style: Style) -> PercentForm {
        match style {
            Style::Ap => PercentForm::Sign,
            Style::Xinhua => PercentForm::Percent,
            _ => PercentForm::Any,
        }
    }
}

/// `[percent]` in `copydesk.toml` (`percent/*`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PercentConfig {
    /// The house form of a percentage with a figure: `"sign"` (`3.1%`), `"percent"`,
    /// `"per cent"`, `"pct"` or `"any"`; unset, the style's default
    /// ([`PercentForm::default_for`]).
    pub form: Option<PercentForm>,
}

impl PercentConfig {
    /// The form in force under `style`.
    pub fn form(&self, style: Style) -> PercentForm {
        self.form.unwrap_or_else(|| PercentForm::default_for(style))
    }
}

/// How a house writes U.S. state names in body text (`[places] states`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum StateNames {
    /// Spelled out (`Springfield, Illinois`): AP since 2014.
    Spelled,
    /// AP's abbreviations (`Springfield, Ill.`): AP before 2014; postal codes still flagged.
    Abbreviated,
    /// Either; only postal codes outside addresses are flagged.
    Any,
}

/// How a house writes the United States' abbreviation (`[places] us`,
/// `[places] headline_us`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum UsForm {
    #[serde(rename = "U.S.")]
    Periods,
    #[serde(rename = "US")]
    Bare,
    #[serde(rename = "any")]
    Any,
}

/// `[places]` in `copydesk.toml`: the house forms the `places/*` rules hold body text and
/// headlines to. Every key is optional; unset, the house style's default applies (see each
/// rule's page): AP spells states out, writes `U.S.` in text and `US` in headlines.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct PlacesConfig {
    /// State names after a city in body text: `"spelled"`, `"abbreviated"` or `"any"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub states: Option<StateNames>,
    /// The United States abbreviated in body text: `"U.S."`, `"US"` or `"any"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub us: Option<UsForm>,
    /// The same in headlines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub headline_us: Option<UsForm>,
    /// Whether a city that stands alone in a dateline takes no state or country in body text
    /// (`Paris`, not `Paris, France`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standalone_in_text: Option<bool>,
}

/// Whether a house abbreviates titles before a full name (`[titles] abbreviate`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TitleAbbreviation {
    /// `Gov.`, `Sen.`, `Rep.`, `the Rev.`, `Gen.` before a full name (AP, UPI).
    BeforeFullName,
    /// `Governor`, `Senator`: spelled out everywhere (Xinhua).
    Never,
    /// Either.
    Any,
}

/// `[titles]` in `copydesk.toml`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct TitlesConfig {
    /// `"before-full-name"`, `"never"` or `"any"`; unset, the house style's default.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub abbreviate: Option<TitleAbbreviation>,
}

/// The configuration file's name, looked up at the workspace root (LSP) and in each
/// checked file's folder or its parents (CLI).
pub const CONFIG_FILE: &str = "copydesk.toml";

/// The top-level keys of [`Config`], as `copydesk.toml` spells them.
pub const SETTINGS_KEYS: &[&str] = &[
    "style",
    "rules",
    "docs_base_url",
    "quotes",
    "names",
    "names_file",
    "dateline",
    "dates",
    "times",
    "numbers",
    "percent",
    "places",
    "titles",
    "sheets",
    "sheet",
];

/// The settings key an unknown key was probably meant to be (`stlye` -> `style`).
pub fn near_setting_key(key: &str) -> Option<&'static str> {
    let snake = snake_case(key);
    SETTINGS_KEYS
        .iter()
        .copied()
        .find(|k| strsim::damerau_levenshtein(k, &snake) <= 2 && snake.len() >= 3)
}

/// `namesFile` -> `names_file`.
fn snake_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Configuration that could not be read, with where the mistake is: typed, so that the
/// command line and the language server each render it their own way (line and column,
/// a diagnostic) without reading positions back out of a message.
#[derive(Clone, Debug, PartialEq)]
pub struct ConfigError {
    /// What is wrong, without the file or position (`unknown rule `x` in [rules]; …`).
    pub message: String,
    /// Byte span of the mistake in [`ConfigError::text`], when known.
    pub span: Option<Span>,
    /// The configuration file being loaded; `None` for text or settings read directly.
    pub path: Option<PathBuf>,
    /// The text `span` points into (the file's contents), when it was read.
    pub text: Option<String>,
    pub kind: ConfigErrorKind,
}

/// What kind of mistake a [`ConfigError`] is.
#[derive(Clone, Debug, PartialEq)]
pub enum ConfigErrorKind {
    /// The configuration file could not be read (the message is the system's).
    Read(std::io::ErrorKind),
    /// Its syntax, a value or a rule code is wrong.
    Invalid,
    /// The names file it names could not be read or is invalid. Holds the configuration
    /// without that file's names, for a caller that goes on with it (the language server).
    NamesFile(Box<Config>),
    /// A desk rule sheet has mistakes ([`crate::sheets`]); the error is the first of them.
    /// Holds the configuration with the valid desk rules, and every mistake.
    Sheets(Box<(Config, Vec<SheetError>)>),
}

impl ConfigError {
    /// An invalid value or syntax at `span` of the text being read.
    pub fn invalid(message: impl Into<String>, span: Option<Span>) -> ConfigError {
        ConfigError {
            message: message.into(),
            span,
            path: None,
            text: None,
            kind: ConfigErrorKind::Invalid,
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl Config {
    /// Read `copydesk.toml` text as data: its syntax and the type of every value, with the
    /// byte span of the first mistake. Rule codes are not checked against the registry;
    /// [`Config::from_toml`] (in [`crate::settings`]) does that too.
    pub fn parse_toml(text: &str) -> Result<Config, ConfigError> {
        toml::from_str(text)
            .map_err(|e| ConfigError::invalid(e.message(), e.span().map(Span::from)))
    }

    /// Read LSP settings as data, as editors send them: a whole `copydesk` section (or the
    /// inner object alone), which also holds editor-only keys (`path`, `trace`,
    /// `documentSelector`). Keys copydesk does not know are left out and returned, so one
    /// editor key never discards the user's settings; camelCase names (`namesFile`) are
    /// read as their snake_case keys. Rule codes are not checked against the registry;
    /// [`Config::from_settings`] (in [`crate::settings`]) does that too.
    pub fn parse_settings(value: &serde_json::Value) -> Result<(Config, Vec<String>), ConfigError> {
        let inner = value.get("copydesk").unwrap_or(value);
        if inner.is_null() {
            return Ok((Config::default(), Vec::new()));
        }
        let mut inner = inner.clone();
        let mut ignored = Vec::new();
        if let Some(obj) = inner.as_object_mut() {
            let keys: Vec<String> = obj.keys().cloned().collect();
            for key in keys {
                let snake = snake_case(&key);
                if !SETTINGS_KEYS.contains(&snake.as_str()) {
                    obj.remove(&key);
                    ignored.push(key);
                } else if snake != key {
                    if let Some(v) = obj.remove(&key) {
                        obj.insert(snake, v);
                    }
                }
            }
        }
        let config: Config =
            serde_json::from_value(inner).map_err(|e| ConfigError::invalid(e.to_string(), None))?;
        Ok((config, ignored))
    }

    /// `self` overridden by `over`: its style when set, its rule levels key by key.
    pub fn merged(mut self, over: &Config) -> Config {
        if over.style.is_some() {
            self.style = over.style;
        }
        if over.quotes.nesting.is_some() {
            self.quotes.nesting = over.quotes.nesting;
        }
        for (k, v) in &over.rules {
            self.rules.insert(k.clone(), *v);
        }
        self.names.extend(&over.names);
        if over.names_file.is_some() {
            self.names_file = over.names_file.clone();
        }
        let d = &over.dateline;
        self.dateline
            .standalone_add
            .extend(d.standalone_add.iter().cloned());
        self.dateline
            .standalone_remove
            .extend(d.standalone_remove.iter().cloned());
        self.dateline.places.extend(d.places.iter().cloned());
        if d.place.is_some() {
            self.dateline.place = d.place.clone();
        }
        if d.timezone.is_some() {
            self.dateline.timezone = d.timezone.clone();
        }
        let (p, t) = (&over.places, &over.titles);
        self.places.states = p.states.or(self.places.states);
        self.places.us = p.us.or(self.places.us);
        self.places.headline_us = p.headline_us.or(self.places.headline_us);
        self.places.standalone_in_text = p.standalone_in_text.or(self.places.standalone_in_text);
        self.titles.abbreviate = t.abbreviate.or(self.titles.abbreviate);
        if over.dates.months.is_some() {
            self.dates.months = over.dates.months;
        }
        if over.dates.relative_days.is_some() {
            self.dates.relative_days = over.dates.relative_days;
        }
        if over.times.meridiem.is_some() {
            self.times.meridiem = over.times.meridiem;
        }
        if over.numbers.spell_out_below.is_some() {
            self.numbers.spell_out_below = over.numbers.spell_out_below;
        }
        if over.numbers.million_word.is_some() {
            self.numbers
                .million_word
                .clone_from(&over.numbers.million_word);
        }
        if over.percent.form.is_some() {
            self.percent.form = over.percent.form;
        }
        if over.docs_base_url.is_some() {
            self.docs_base_url.clone_from(&over.docs_base_url);
        }
        if !over.desk.is_empty() {
            self.desk = over.desk.clone();
        }
        self.workspace
            .exclude
            .extend(over.workspace.exclude.iter().cloned());
        self
    }

    /// The severity a rule runs at, or `None` when it is off. An exact code beats its
    /// family (`dateline/*`), which beats `*`.
    pub fn severity(&self, code: &str, default: Severity) -> Option<Severity> {
        // Asked for every rule on every analysis: most configurations set no level.
        if self.rules.is_empty() {
            return Some(default);
        }
        if let Some(level) = self.rules.get(code) {
            return level.severity();
        }
        let family = code.split('/').next().unwrap_or(code);
        // `{family}/*` without building the key: the family's entry, if any, sorts
        // among the keys that open with `{family}/`.
        let wildcard = self
            .rules
            .range::<str, _>((
                std::ops::Bound::Included(family),
                std::ops::Bound::Unbounded,
            ))
            .take_while(|(k, _)| k.starts_with(family))
            .find(|(k, _)| k.len() == family.len() + 2 && k.ends_with("/*"));
        if let Some((_, level)) = wildcard {
            return level.severity();
        }
        if let Some(level) = self.rules.get("*") {
            return level.severity();
        }
        Some(default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_with_rules() {
        let c = Config::from_toml(
            "style = \"ap\"\n[rules]\n\"quotes/unclosed\" = \"warning\"\n\"dateline/*\" = \"off\"\n",
        )
        .unwrap();
        assert_eq!(c.style, Some(Style::Ap));
        assert_eq!(
            c.severity("quotes/unclosed", Severity::Error),
            Some(Severity::Warning)
        );
        assert_eq!(c.severity("dateline/missing", Severity::Error), None);
    }

    #[test]
    fn errors_point_at_the_mistake() {
        let text = "style = \"apx\"\n";
        let e = Config::from_toml(text).unwrap_err();
        let span = e.span.unwrap();
        assert_eq!(span.text(text), "\"apx\"");
        let e = Config::from_toml("[rules]\n\"no/such\" = \"off\"\n").unwrap_err();
        assert!(e.message.contains("no/such"), "{}", e.message);
    }

    #[test]
    fn settings_keys_list_every_field() {
        let c = Config {
            docs_base_url: Some("x".into()),
            sheets: vec!["x".into()],
            ..Config::default()
        };
        let v = serde_json::to_value(&c).unwrap();
        for key in v.as_object().unwrap().keys() {
            assert!(
                SETTINGS_KEYS.contains(&key.as_str()),
                "{key} missing from SETTINGS_KEYS"
            );
        }
        // `sheet` (the inline desk rules) is read from the file, never written back.
        assert_eq!(v.as_object().unwrap().len() + 1, SETTINGS_KEYS.len());
    }

    #[test]
    fn editor_keys_are_ignored_and_camel_case_is_read() {
        let v = serde_json::json!({"copydesk": {
            "style": "ap",
            "path": "/usr/bin/copydesk",
            "documentSelector": [{"language": "markdown"}],
            "trace": {"server": "off"},
            "namesFile": "names.toml",
            "rules": {"quotes/unclosed": "warning"}
        }});
        let (c, mut ignored) = Config::from_settings(&v).unwrap();
        ignored.sort();
        assert_eq!(ignored, ["documentSelector", "path", "trace"]);
        assert_eq!(c.style, Some(Style::Ap));
        assert_eq!(c.names_file.as_deref(), Some("names.toml"));
        // A bad value in a known key is still an error.
        assert!(Config::from_settings(&serde_json::json!({"style": "apx"})).is_err());
    }

    #[test]
    fn json_settings_with_or_without_wrapper() {
        let v = serde_json::json!({"copydesk": {"style": "xinhua"}});
        assert_eq!(Config::from_json(&v).unwrap().style, Some(Style::Xinhua));
        let v = serde_json::json!({"style": "reuters"});
        assert_eq!(Config::from_json(&v).unwrap().style, Some(Style::Reuters));
    }
}
