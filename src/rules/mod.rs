//! The rule interface and the registry of every rule.
//!
//! One rule, one module. A rule has a stable kebab-case code grouped by family
//! (`dateline/missing`, `quotes/unclosed`), a default severity, a one-line summary, and a
//! doc comment that is its documentation (captured by [`declare_rule!`] into
//! [`RuleMeta::docs`]). Rules read the [`Context`] and push [`Finding`]s at their default
//! severity; they never see severity settings, which [`apply_levels`] applies afterwards.

pub mod attribution;
pub mod dateline;
pub mod dates;
pub mod names;
pub mod numbers;
pub mod percent;
pub mod places;
#[cfg(test)]
mod prefilter_tests;
pub mod quotes;
pub mod slug;
pub mod suppress;
#[cfg(test)]
pub(crate) mod test_support;
pub mod times;
pub mod titles;
pub(crate) mod words_seen;

use std::sync::OnceLock;

use crate::article::Article;
use crate::config::{Config, ConfigError, Style};
pub use crate::finding::{Edit, Finding, Fix, Related, RuleMeta, Severity};
use crate::span::Span;

/// What a rule sees.
pub struct Context<'a> {
    pub text: &'a str,
    pub article: &'a Article,
    /// The house style in force: configured, or inferred from the dateline credit.
    pub style: Style,
    /// Where the style came from: configured styles are enforced strictly, inferred ones
    /// flag only what is wrong in every form the agency publishes.
    pub style_source: crate::config::StyleSource,
    pub config: &'a Config,
    /// The article's entities (people, places, organizations).
    pub entities: &'a crate::entities::Entities,
    /// The words of each paragraph (`article.paragraphs[i]`), relative to its start.
    pub words: &'a [std::sync::Arc<[crate::entities::tokens::Tok]>],
    /// The sentences and figures of each paragraph (`article.paragraphs[i]`), read on
    /// first use: ask [`Context::prose`]. `analysis` keeps what was read by paragraph
    /// text across keystrokes.
    pub prose: &'a [std::sync::OnceLock<std::sync::Arc<crate::prose::Prose>>],
    /// What the `names/` rules read of each paragraph (`article.paragraphs[i]`), filled on
    /// first use; `analysis` keeps it by paragraph text across keystrokes.
    pub names: &'a [std::sync::Arc<names::ParagraphNames>],
    /// What the story-wide `names/` rules share, built on first use by the first of them
    /// to ask ([`Context::captions`], [`Context::quoted`]).
    pub(crate) shared: names::Shared,
}

impl Context<'_> {
    /// The story's photo captions, found once for every `names/` rule.
    pub(crate) fn captions(&self) -> &names::Captions {
        self.shared
            .captions
            .get_or_init(|| names::Captions::new(self))
    }

    /// The story's quotations, as the `names/` rules read them, found once for all.
    pub(crate) fn quoted(&self) -> &names::Quoted {
        self.shared
            .quoted
            .get_or_init(|| names::Quoted::new(self.article))
    }

    /// The sentences and figures of paragraph `i` (`article.paragraphs[i]`), relative to
    /// its start ([`crate::prose`]): kept from the last analysis when the paragraph's text
    /// is unchanged, else read now, once for every rule.
    pub fn prose(&self, i: usize) -> Option<&crate::prose::Prose> {
        let p = self.article.paragraphs.get(i)?;
        let cell = self.prose.get(i)?;
        let read = cell.get_or_init(|| {
            let block = self.text.get(p.span.start..p.span.end).unwrap_or_default();
            std::sync::Arc::new(crate::prose::Prose::of(block))
        });
        Some(read)
    }
}

/// What a rule's findings depend on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    /// The whole story: [`Rule::check`] runs once per story, on every analysis.
    Story,
    /// One body paragraph and the facts a [`ParagraphContext`] carries, nothing else:
    /// [`Rule::check_paragraph`] runs once per paragraph, and `analysis` keeps its findings
    /// by paragraph text and facts across keystrokes, so an edit re-checks only the
    /// paragraphs it changed.
    Paragraph,
}

/// The year, month and day of the story, as far as its metadata, front matter, dateline
/// and text tell ([`story_date`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct StoryDate {
    pub year: Option<i32>,
    /// 1–12.
    pub month: Option<u8>,
    pub day: Option<u8>,
}

/// The facts about the whole story a paragraph rule may read (part of its reuse key).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StoryFacts {
    /// The house style in force for the story.
    pub style: Style,
    pub style_source: crate::config::StyleSource,
    /// When the story was written.
    pub date: StoryDate,
}

/// What a [`Scope::Paragraph`] rule sees: one body paragraph, with every span relative to
/// its start (findings too: `analysis` moves them to the paragraph's place in the text).
///
/// Everything a paragraph rule may depend on is here; `analysis` reuses its findings
/// while the paragraph's text, kind, quotations, entity mentions, the [`StoryFacts`] and
/// the configuration are unchanged. A rule that needs more than this is a story rule.
pub struct ParagraphContext<'a> {
    /// Index in `article.paragraphs` (not part of the reuse key: do not depend on it).
    pub index: usize,
    pub kind: crate::article::ParagraphKind,
    /// The paragraph's text.
    pub text: &'a str,
    /// The paragraph's words.
    pub words: &'a [crate::entities::tokens::Tok],
    /// Its sentences and figures, read on first use ([`ParagraphContext::prose`]; most
    /// paragraphs hold no figure and most rules need no sentence).
    pub(crate) prose: Option<&'a OnceLock<std::sync::Arc<crate::prose::Prose>>>,
    /// Whether the text holds an ASCII digit (every figure holds one).
    pub(crate) has_digit: bool,
    /// The quotations in the paragraph, each from its opening mark through its closing
    /// mark (or to the paragraph's end when it runs on), in order.
    pub quoted: &'a [Span],
    /// The entity mentions in the paragraph, in order.
    pub mentions: &'a [(Span, crate::entities::EntityKind)],
    /// The dateline at the start of the lede (or what looks like one), relative to the
    /// paragraph: rules on body text leave it to the `dateline/*` rules.
    pub dateline: Option<Span>,
    pub story: &'a StoryFacts,
    pub config: &'a Config,
    /// The set of the paragraph's words, built on first use ([`Self::may_hold_any`]).
    pub(crate) seen: std::cell::OnceCell<words_seen::WordsSeen>,
}

impl ParagraphContext<'_> {
    /// The paragraph's sentences and figures ([`crate::prose::read`] of its text): read
    /// on first use, once for every rule, and kept by `analysis` across keystrokes.
    pub fn prose(&self) -> &crate::prose::Prose {
        static EMPTY: OnceLock<crate::prose::Prose> = OnceLock::new();
        match self.prose {
            Some(cell) => {
                cell.get_or_init(|| std::sync::Arc::new(crate::prose::Prose::of(self.text)))
            }
            None => EMPTY.get_or_init(crate::prose::Prose::default),
        }
    }

    /// The paragraph's figures, in order: `prose().figures`, without reading the prose
    /// of a paragraph with no digit (every figure holds one).
    pub fn figures(&self) -> &[crate::prose::Figure] {
        if self.has_digit {
            &self.prose().figures
        } else {
            &[]
        }
    }

    /// The words (runs of non-space holding a letter) of the sentence holding `at`, if
    /// `at` is in a sentence.
    pub fn sentence_words(&self, at: usize) -> Option<Vec<&str>> {
        let s = self.prose().sentence_at(self.text, at)?;
        Some(
            s.text(self.text)
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphabetic))
                .collect(),
        )
    }

    /// Is `span` (relative to the paragraph) inside or across a quotation?
    pub fn in_quotation(&self, span: Span) -> bool {
        let i = self.quoted.partition_point(|q| q.end <= span.start);
        self.quoted.get(i).is_some_and(|q| q.start < span.end)
    }

    /// The kind of the entity mention covering `span` (relative), if any.
    pub fn mention_at(&self, span: Span) -> Option<crate::entities::EntityKind> {
        let i = self.mentions.partition_point(|(m, _)| m.end <= span.start);
        self.mentions
            .get(i)
            .filter(|(m, _)| m.start <= span.start && span.end <= m.end)
            .map(|&(_, k)| k)
    }

    /// May the paragraph hold a word with one of `keys` ([`words_seen::key`]: a word's
    /// first eight bytes up to a `-` or `.`, in any case)? `false` is certain: a rule that
    /// reports only at such words has nothing to do in the paragraph.
    pub(crate) fn may_hold_any(&self, keys: &[u64]) -> bool {
        #[cfg(test)]
        if words_seen::tests::unfiltered() {
            return true;
        }
        self.seen
            .get_or_init(|| words_seen::WordsSeen::of(self.text, self.words))
            .may_hold_any(keys)
    }
}

/// When the story was written: the first `YYYY-MM-DD` of its metadata or front matter,
/// else the dateline's month and day, with the year the dateline gives, or else the year
/// of a full date (`March 3, 1987`) in the story's first paragraphs that lies within a
/// week of the dateline's day. A year is never guessed.
pub fn story_date(text: &str, article: &Article) -> StoryDate {
    if let Some(d) = article.metadata.iter().find_map(|m| m.date) {
        return StoryDate {
            year: Some(d.year),
            month: Some(d.month),
            day: Some(d.day),
        };
    }
    match article.dateline().and_then(|d| d.date.as_ref()) {
        Some(d) => {
            let day = u8::try_from(d.day_number).ok();
            let year = d.year.map(|(_, y)| y).or_else(|| {
                let day = day.filter(|&n| (1..=31).contains(&n))?;
                year_near(text, article, d.month_number, day)
            });
            StoryDate {
                year,
                month: Some(d.month_number),
                day,
            }
        }
        None => StoryDate::default(),
    }
}

/// The year of a full date in the first paragraphs of `article` within a week of month
/// `m`, day `d` (the dateline's, whose year is unknown).
fn year_near(text: &str, article: &Article, m: u8, d: u8) -> Option<i32> {
    use dates::day_number;
    if !(1..=12).contains(&m) {
        return None;
    }
    article.paragraphs.iter().take(4).find_map(|p| {
        let block = text.get(p.span.start..p.span.end)?;
        dates::full_dates(block).find_map(|(fm, fd, fy)| {
            if !(1..=12).contains(&fm) || fd == 0 || fd > dates::days_in_month(fy, fm) {
                return None;
            }
            let at = day_number(fy, fm, fd);
            // The dateline's day in the date's year or the one next to it.
            [fy - 1, fy, fy + 1]
                .into_iter()
                .find(|&y| d <= dates::days_in_month(y, m) && (day_number(y, m, d) - at).abs() <= 7)
        })
    })
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    /// What the rule's findings depend on; a [`Scope::Paragraph`] rule implements
    /// [`Rule::check_paragraph`], a [`Scope::Story`] rule [`Rule::check`].
    fn scope(&self) -> Scope {
        Scope::Story
    }
    /// A story rule: check the whole story.
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let _ = (cx, out);
    }
    /// A paragraph rule: check one body paragraph; spans relative to its start.
    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        let _ = (cx, out);
    }
}

/// Declare a rule struct whose doc comment becomes its documentation.
///
/// ```ignore
/// declare_rule! {
///     /// What it checks, why, and an example.
///     pub struct Unclosed {
///         code: "quotes/unclosed",
///         severity: Error,
///         summary: "a quotation mark is opened and never closed",
///     }
/// }
/// ```
#[macro_export]
macro_rules! declare_rule {
    (
        $(#[doc = $doc:literal])*
        $vis:vis struct $name:ident {
            code: $code:literal,
            severity: $sev:ident,
            summary: $summary:literal $(,)?
        }
    ) => {
        $(#[doc = $doc])*
        $vis struct $name;

        impl $name {
            pub const META: $crate::rules::RuleMeta = $crate::finding::RuleMeta {
                code: $code,
                default_severity: $crate::finding::Severity::$sev,
                summary: $summary,
                docs: concat!($($doc, "\n"),*),
            };
        }
    };
}

/// Every rule, in a stable order (family, then code).
pub fn all() -> &'static [&'static dyn Rule] {
    static ALL: OnceLock<Vec<&'static dyn Rule>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut v: Vec<&'static dyn Rule> = Vec::new();
        v.extend_from_slice(dateline::RULES);
        v.extend_from_slice(quotes::RULES);
        v.extend_from_slice(names::RULES);
        v.extend_from_slice(numbers::RULES);
        v.extend_from_slice(percent::RULES);
        v.extend_from_slice(suppress::RULES);
        v.extend_from_slice(places::RULES);
        v.extend_from_slice(titles::RULES);
        v.extend_from_slice(attribution::RULES);
        v.extend_from_slice(dates::RULES);
        v.extend_from_slice(times::RULES);
        v.extend_from_slice(slug::RULES);
        v.sort_by_key(|r| r.meta().code);
        v
    })
}

/// The level of every rule of [`all`] under `config`, in the same order: its severity, or
/// `None` when it is off.
pub fn levels(config: &Config) -> Vec<Option<Severity>> {
    all()
        .iter()
        .map(|r| {
            let m = r.meta();
            config.severity(m.code, m.default_severity)
        })
        .collect()
}

/// Give each finding the severity its rule is configured at (`levels`, from [`levels`]);
/// a finding of a rule that is off is dropped. The one place severity is applied: rules
/// report at their default severity and never read severity settings.
pub fn apply_levels(levels: &[Option<Severity>], findings: &mut Vec<Finding>) {
    let rules = all();
    // A rule's findings come together: look its code up once per run of them.
    let mut last: Option<(&'static str, Option<Option<Severity>>)> = None;
    findings.retain_mut(|f| {
        let level = match last {
            Some((code, level)) if std::ptr::eq(code, f.code) => level,
            _ => {
                // `None`: not a built-in rule but a desk rule (rule sheets), which
                // `sheets::check` ran at its configured level.
                let level = rules
                    .binary_search_by(|r| r.meta().code.cmp(f.code))
                    .ok()
                    .map(|i| levels.get(i).copied().flatten());
                last = Some((f.code, level));
                level
            }
        };
        match level {
            None => true,
            Some(Some(severity)) => {
                f.severity = severity;
                true
            }
            Some(None) => false,
        }
    });
}

pub fn by_code(code: &str) -> Option<&'static dyn Rule> {
    all().iter().copied().find(|r| r.meta().code == code)
}

/// A rule code, a family (`dateline/*`) or `*`: a key `[rules]` may hold.
pub fn known_rule_key(key: &str) -> bool {
    match key.strip_suffix("/*") {
        Some(family) => all().iter().any(|r| r.meta().family() == family),
        None => key == "*" || by_code(key).is_some(),
    }
}

/// Check `config`'s `[rules]` keys against the registry. `toml`: the text the
/// configuration was read from, so that the error points at the unknown key.
pub fn check_rule_keys(config: &Config, toml: Option<&str>) -> Result<(), ConfigError> {
    check_rule_keys_knowing(config, toml, &[])
}

/// [`check_rule_keys`], where the codes in `desk` (desk rules read elsewhere: the editor
/// settings may set levels for the rules of the workspace's sheets) are known too.
pub fn check_rule_keys_knowing(
    config: &Config,
    toml: Option<&str>,
    desk: &[(&'static str, Severity)],
) -> Result<(), ConfigError> {
    // With desk rule sheets, `[rules]` may name desk codes: `sheets::resolve` checks them.
    if !config.sheets.is_empty() || config.sheet.is_some() {
        return Ok(());
    }
    let known = |k: &str| known_rule_key(k) || desk.iter().any(|(c, _)| *c == k);
    let Some(key) = config.rules.keys().find(|k| !known(k)) else {
        return Ok(());
    };
    Err(ConfigError::invalid(
        format!("unknown rule `{key}` in [rules]; `copydesk rules` lists the codes"),
        toml.and_then(unknown_rule_key_span),
    ))
}

/// The span of the first unknown key in the `[rules]` table of `text`.
fn unknown_rule_key_span(text: &str) -> Option<Span> {
    #[derive(serde::Deserialize)]
    struct Rules {
        #[serde(default)]
        rules: std::collections::BTreeMap<toml::Spanned<String>, toml::Value>,
    }
    let rules: Rules = toml::from_str(text).ok()?;
    rules
        .rules
        .keys()
        .find(|k| !known_rule_key(k.get_ref()))
        .map(|k| Span::from(k.span()))
}

/// Strip the doc comment's leading space from each line (`/// text` gives ` text`).
pub fn docs_markdown(meta: &RuleMeta) -> String {
    let mut out = String::new();
    for line in meta.docs.lines() {
        out.push_str(line.strip_prefix(' ').unwrap_or(line));
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for r in all() {
            let m = r.meta();
            assert!(seen.insert(m.code), "duplicate code {}", m.code);
            let (family, name) = m.code.split_once('/').expect("family/name");
            for part in [family, name] {
                assert!(
                    !part.is_empty()
                        && part
                            .chars()
                            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-'),
                    "{} is not kebab-case",
                    m.code
                );
            }
            assert!(m.docs.trim().len() > 80, "{} needs a doc comment", m.code);
            assert!(!m.summary.is_empty());
        }
    }
}
