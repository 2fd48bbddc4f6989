//! Desk rule sheets: a newsroom's own rules, written in TOML.
//!
//! A sheet is a list of `[[rule]]` tables, in a file named by `sheets = [...]` in
//! `copydesk.toml` (relative to it) or under `[[sheet.rule]]` in `copydesk.toml` itself:
//!
//! ```toml
//! [[rule]]
//! code = "desk/kyiv"                    # family/name; never a built-in family
//! message = "write `{fix}`, not `{found}`"
//! severity = "warning"                  # error | warning | info | hint
//! url = "https://desk.example.org/style#kyiv"
//! substitute = { "Kiev" = "Kyiv" }      # whole words; `KIEV` -> `KYIV`
//! unless_after = ["chicken"]            # not in `chicken Kiev`
//! scope = ["headline", "dateline", "body", "quotation"]
//! examples.match = ["Officials in Kiev said on Monday."]
//! examples.pass = ["The restaurant served chicken Kiev."]
//! ```
//!
//! A rule has exactly one of `substitute` (phrase -> replacement, a fix), `forbid` (a list
//! of phrases) or `pattern` (a regular expression, `replace` for its fix with `$1` /
//! `${name}` groups). Phrases match whole words: as written, in capitals, or with the first
//! letter capitalized (any case with `ignore_case = true`); a straight apostrophe or hyphen
//! in a phrase also matches the typographic one. `scope` (default: body outside
//! quotations) and `styles` (default: every house style) restrict where a rule runs;
//! `unless_before` / `unless_after` list words or phrases that, right after / right before
//! a match, exempt it.
//!
//! The module is engine code: [`resolve`] reads and compiles the sheets of one
//! configuration once (the compiled [`DeskRules`] rides in [`Config::desk`]), and
//! [`check`] is the rule family that analysis runs after the built-in rules.

mod examples;
mod load;
mod matcher;

use std::collections::HashSet;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

pub use examples::{run_examples, ExampleFailure};

pub use crate::config::SheetError;
use crate::config::{Config, DeskSlot, Style};
use crate::rules::{Context, Finding, Severity};
use crate::span::Span;

/// The compiled desk rules of one configuration; cheap to clone.
#[derive(Clone, Default)]
pub struct DeskRules(Option<Arc<Compiled>>);

impl fmt::Debug for DeskRules {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list()
            .entries(self.rules().iter().map(|r| r.code))
            .finish()
    }
}

impl PartialEq for DeskRules {
    fn eq(&self, other: &DeskRules) -> bool {
        match (&self.0, &other.0) {
            (None, None) => true,
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            _ => false,
        }
    }
}

pub(crate) struct Compiled {
    rules: Vec<DeskRule>,
    sources: Vec<Source>,
    matcher: matcher::Matcher,
    /// Each rule's severity (or off) for the `[rules]` levels and house style of the last
    /// few analyses: computed once per configuration and style, not per analysis.
    levels: Mutex<Vec<LevelsFor>>,
}

struct LevelsFor {
    style: Style,
    rules: std::collections::BTreeMap<String, crate::config::Level>,
    levels: Arc<[Option<Severity>]>,
    any: bool,
}

impl DeskRules {
    /// The desk rules compiled into `config` (none when it has no sheet).
    pub fn of(config: &Config) -> DeskRules {
        DeskRules(
            config
                .desk
                .compiled()
                .and_then(|c| c.clone().downcast::<Compiled>().ok()),
        )
    }

    /// For [`Config::desk`].
    fn into_slot(self) -> DeskSlot {
        match self.0 {
            None => DeskSlot::default(),
            Some(c) => {
                let codes = c.rules.iter().map(|r| (r.code, r.severity)).collect();
                DeskSlot::new(c, codes)
            }
        }
    }

    pub fn is_empty(&self) -> bool {
        self.rules().is_empty()
    }

    /// Every desk rule, in sheet order.
    pub fn rules(&self) -> &[DeskRule] {
        self.0.as_deref().map_or(&[], |c| &c.rules)
    }

    pub fn get(&self, code: &str) -> Option<&DeskRule> {
        self.rules().iter().find(|r| r.code == code)
    }

    /// The file a rule was read from.
    pub fn source_of(&self, rule: &DeskRule) -> Option<&Path> {
        self.0
            .as_deref()
            .and_then(|c| c.sources.get(rule.source))
            .map(|s| s.path.as_path())
    }

    /// Every sheet file read (the configuration file included when it has rules).
    pub fn files(&self) -> Vec<PathBuf> {
        self.0
            .as_deref()
            .map(|c| c.sources.iter().map(|s| s.path.clone()).collect())
            .unwrap_or_default()
    }

    fn compile(rules: Vec<DeskRule>, sources: Vec<Source>) -> DeskRules {
        if rules.is_empty() {
            return DeskRules(None);
        }
        let matcher = matcher::Matcher::new(&rules);
        DeskRules(Some(Arc::new(Compiled {
            rules,
            sources,
            matcher,
            levels: Mutex::new(Vec::new()),
        })))
    }
}

/// One desk rule.
#[derive(Debug)]
pub struct DeskRule {
    pub code: &'static str,
    pub message: String,
    pub severity: Severity,
    /// Its documentation page (LSP `codeDescription`, SARIF `helpUri`).
    pub url: Option<String>,
    pub(crate) kind: Kind,
    pub(crate) scope: Scope,
    /// The house styles it applies to; empty: all.
    pub styles: Vec<Style>,
    /// Lower-cased words or phrases that exempt a match they follow / precede.
    pub(crate) unless_before: Vec<String>,
    pub(crate) unless_after: Vec<String>,
    pub(crate) examples: Vec<Example>,
    /// Where the code is written in its sheet.
    pub(crate) code_span: Span,
    pub(crate) source: usize,
}

impl DeskRule {
    pub fn family(&self) -> &'static str {
        self.code.split('/').next().unwrap_or(self.code)
    }

    /// How many examples (`examples.match` and `examples.pass`) the rule has.
    pub fn example_count(&self) -> usize {
        self.examples.len()
    }

    /// One line for `copydesk rules`: what the rule looks for.
    pub fn summary(&self) -> String {
        let list = |phrases: &[Phrase]| {
            let shown: Vec<String> = phrases
                .iter()
                .take(3)
                .map(|p| match &p.replacement {
                    Some(r) => format!("`{}` -> `{r}`", p.text),
                    None => format!("`{}`", p.text),
                })
                .collect();
            let more = phrases.len().saturating_sub(3);
            if more > 0 {
                format!("{} and {more} more", shown.join(", "))
            } else {
                shown.join(", ")
            }
        };
        match &self.kind {
            Kind::Phrases { phrases, .. } if phrases[0].replacement.is_some() => {
                format!("desk substitution: {}", list(phrases))
            }
            Kind::Phrases { phrases, .. } => format!("desk forbids {}", list(phrases)),
            Kind::Pattern { source, .. } => format!("desk pattern `{source}`"),
        }
    }

    /// The rule's documentation page for `copydesk rules` and SARIF: its message, what it
    /// matches, where, and its examples.
    pub fn docs(&self) -> String {
        let mut out = format!("{}\n\n{}.\n", self.message, self.summary());
        let scopes: Vec<&str> = Scope::NAMES
            .iter()
            .filter(|(_, bit)| self.scope.has(*bit))
            .map(|(n, _)| *n)
            .collect();
        out.push_str(&format!("\nScope: {}.\n", scopes.join(", ")));
        let matching: Vec<&Example> = self.examples.iter().filter(|e| e.must_match).collect();
        if !matching.is_empty() {
            out.push_str("\n## Example\n\n");
            for e in matching {
                out.push_str(&format!("- {}\n", e.text));
            }
        }
        out
    }
}

#[derive(Debug)]
pub(crate) enum Kind {
    /// `substitute` (every phrase has a replacement) or `forbid` (none has).
    Phrases {
        phrases: Vec<Phrase>,
        ignore_case: bool,
    },
    Pattern {
        source: String,
        regex: regex::Regex,
        replace: Option<String>,
    },
}

#[derive(Debug)]
pub(crate) struct Phrase {
    pub text: String,
    pub replacement: Option<String>,
}

/// An example sentence of a rule, and where it is written.
#[derive(Debug, Clone)]
pub(crate) struct Example {
    pub text: String,
    /// `examples.match` (it must raise the rule) or `examples.pass` (it must not).
    pub must_match: bool,
    pub source: usize,
    pub span: Span,
}

/// Where in an article a rule runs: a set of parts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Scope(u8);

impl Scope {
    pub const HEADLINE: Scope = Scope(1);
    pub const DATELINE: Scope = Scope(2);
    pub const BODY: Scope = Scope(4);
    pub const QUOTATION: Scope = Scope(8);
    pub const TRAILER: Scope = Scope(16);
    const NAMES: [(&'static str, Scope); 5] = [
        ("headline", Scope::HEADLINE),
        ("dateline", Scope::DATELINE),
        ("body", Scope::BODY),
        ("quotation", Scope::QUOTATION),
        ("trailer", Scope::TRAILER),
    ];

    fn parse(s: &str) -> Option<Scope> {
        Scope::NAMES
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(s.trim()))
            .map(|(_, b)| *b)
    }

    fn with(self, other: Scope) -> Scope {
        Scope(self.0 | other.0)
    }

    pub fn has(self, part: Scope) -> bool {
        self.0 & part.0 != 0
    }

    fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// A sheet's text and path.
pub(crate) struct Source {
    pub path: PathBuf,
    pub text: Arc<str>,
}

impl SheetError {
    fn new(path: PathBuf, text: Arc<str>, span: Option<Span>, message: String) -> SheetError {
        let (line, column) = span.map_or((1, 1), |s| line_col(&text, s.start));
        SheetError {
            path,
            message,
            span,
            line,
            column,
            text,
        }
    }
}

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.path.display(),
            self.line,
            self.column,
            self.message
        )
    }
}

/// 1-based line and column (characters) of byte `at` in `text`; lines break at `\n`,
/// `\r\n` and `\r`.
pub(crate) fn line_col(text: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let before = &text[..at];
    let mut line = 1;
    let mut line_start = 0;
    let b = before.as_bytes();
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                line += 1;
                line_start = i + 1;
            }
            b'\r' if b.get(i + 1) != Some(&b'\n') => {
                line += 1;
                line_start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    (line, before[line_start..].chars().count() + 1)
}

/// A `&'static str` for a desk rule's code. Findings carry static codes; a code is
/// stored once for the life of the process however often its sheet is reloaded.
pub(crate) fn intern(code: &str) -> &'static str {
    static CODES: OnceLock<Mutex<HashSet<&'static str>>> = OnceLock::new();
    let mut set = CODES
        .get_or_init(Default::default)
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(c) = set.get(code) {
        return c;
    }
    let leaked: &'static str = Box::leak(code.to_string().into_boxed_str());
    set.insert(leaked);
    leaked
}

/// What [`resolve`] read: the compiled rules are in the configuration; these are the
/// mistakes (the rules they concern are left out, the others apply).
#[derive(Debug, Default)]
pub struct Resolved {
    pub errors: Vec<SheetError>,
}

/// Read and compile the desk rules of the configuration `config_text` at `config_path`
/// into `config.desk`, and check `[rules]` keys against the built-in and desk codes.
/// Valid rules are compiled even when others are not.
pub fn resolve(config: &mut Config, config_text: &str, config_path: &Path) -> Resolved {
    let loaded = load::load(config_text, config_path);
    let mut errors = loaded.errors;
    let desk_codes: Vec<&str> = loaded.rules.iter().map(|r| r.code).collect();
    for (key, span) in &loaded.level_keys {
        if !known_level_key(key, &desk_codes) {
            errors.push(SheetError::new(
                config_path.to_path_buf(),
                Arc::from(config_text),
                Some(*span),
                format!("unknown rule `{key}` in [rules]; `copydesk rules` lists the codes"),
            ));
        }
    }
    config.desk = DeskRules::compile(loaded.rules, loaded.sources).into_slot();
    Resolved { errors }
}

/// A built-in or desk rule code, a family of either (`dateline/*`, `desk/*`), or `*`.
fn known_level_key(key: &str, desk: &[&str]) -> bool {
    let family_of = |code: &str| code.split('/').next().unwrap_or(code).to_string();
    match key.strip_suffix("/*") {
        Some(family) => {
            crate::rules::all()
                .iter()
                .any(|r| r.meta().family() == family)
                || desk.iter().any(|c| family_of(c) == family)
        }
        None => key == "*" || crate::rules::by_code(key).is_some() || desk.contains(&key),
    }
}

/// Desk rules as one rule family: push every desk finding for the article in `cx`, at the
/// severity the configuration sets for each code (rules that are off do not run).
pub fn check(cx: &Context<'_>, out: &mut Vec<Finding>) {
    let desk = DeskRules::of(cx.config);
    let Some(compiled) = desk.0.as_deref() else {
        return;
    };
    let (levels, any) = compiled.levels_for(cx.config, cx.style);
    if any {
        compiled
            .matcher
            .run(&compiled.rules, &levels, cx.text, cx.article, out);
    }
}

impl Compiled {
    /// Each rule's severity under `config`'s levels in `style`, and whether any is on.
    fn levels_for(&self, config: &Config, style: Style) -> (Arc<[Option<Severity>]>, bool) {
        let mut cache = self.levels.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(hit) = cache
            .iter()
            .find(|c| c.style == style && c.rules == config.rules)
        {
            return (hit.levels.clone(), hit.any);
        }
        let (levels, any) = compute_levels(&self.rules, config, style);
        let levels: Arc<[Option<Severity>]> = levels.into();
        if cache.len() >= 8 {
            cache.remove(0);
        }
        cache.push(LevelsFor {
            style,
            rules: config.rules.clone(),
            levels: levels.clone(),
            any,
        });
        (levels, any)
    }
}

fn compute_levels(
    desk: &[DeskRule],
    config: &Config,
    style: Style,
) -> (Vec<Option<Severity>>, bool) {
    // `Config::severity` without its allocation per code: the `family/*` and `*` levels
    // are looked up once, then each rule's exact code.
    let rules = &config.rules;
    let families: Vec<(&str, crate::config::Level)> = rules
        .iter()
        .filter_map(|(k, v)| k.strip_suffix("/*").map(|f| (f, *v)))
        .collect();
    let star = rules.get("*").copied();
    let mut levels: Vec<Option<Severity>> = Vec::with_capacity(desk.len());
    let mut any = false;
    for r in desk {
        let on = if r.styles.is_empty() || r.styles.contains(&style) {
            let level = if rules.is_empty() {
                None
            } else {
                rules.get(r.code).copied().or_else(|| {
                    let family = r.family();
                    families
                        .iter()
                        .find(|(f, _)| *f == family)
                        .map(|(_, l)| *l)
                        .or(star)
                })
            };
            match level {
                Some(l) => l.severity(),
                None => Some(r.severity),
            }
        } else {
            None
        };
        any |= on.is_some();
        levels.push(on);
    }
    (levels, any)
}

#[cfg(test)]
mod tests;
