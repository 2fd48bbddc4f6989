//! The rule interface and the registry of every rule.
//!
//! One rule, one module. A rule has a stable kebab-case code grouped by family
//! (`dateline/missing`, `quotes/unclosed`), a default severity, a one-line summary, and a
//! doc comment that is its documentation (captured by [`declare_rule!`] into
//! [`RuleMeta::docs`]). Rules read the [`Context`] and push [`Finding`]s at their default
//! severity; they never see severity settings, which [`apply_levels`] applies afterwards.

pub mod dateline;
pub mod names;
pub mod quotes;
pub mod suppress;

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
}

impl Context<'_> {
    /// The sentences and figures of paragraph `i` (`article.paragraphs[i]`), relative to
    /// its start ([`crate::prose`]): kept from the last analysis when the paragraph's text
    /// is unchanged, else read now, once for every rule.
    pub fn prose(&self, i: usize) -> Option<&crate::prose::Prose> {
        let p = self.article.paragraphs.get(i)?;
        let cell = self.prose.get(i)?;
        let read = cell.get_or_init(|| {
            let block = self.text.get(p.span.start..p.span.end).unwrap_or_default();
            std::sync::Arc::new(crate::prose::read(block))
        });
        Some(read)
    }
}

pub trait Rule: Sync {
    fn meta(&self) -> &'static RuleMeta;
    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>);
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
        v.extend_from_slice(suppress::RULES);
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
    // With desk rule sheets, `[rules]` may name desk codes: `sheets::resolve` checks them.
    if !config.sheets.is_empty() || config.sheet.is_some() {
        return Ok(());
    }
    let Some(key) = config.rules.keys().find(|k| !known_rule_key(k)) else {
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
