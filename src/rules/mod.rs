//! The rule interface and the registry of every rule.
//!
//! One rule, one module. A rule has a stable kebab-case code grouped by family
//! (`dateline/missing`, `quotes/unclosed`), a default severity, a one-line summary, and a
//! doc comment that is its documentation (captured by [`declare_rule!`] into
//! [`RuleMeta::docs`]). Rules read the [`Context`] and push [`Finding`]s; they never see
//! configuration of severities, which [`crate::analysis::analyze`] applies afterwards.

pub mod dateline;
pub mod names;
pub mod quotes;
pub mod suppress;

use std::sync::OnceLock;

use serde::Serialize;

use crate::article::Article;
use crate::config::{Config, Style};
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
    Hint,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
            Severity::Hint => "hint",
        }
    }
}

/// What every rule declares about itself.
#[derive(Debug)]
pub struct RuleMeta {
    /// Stable, kebab-case, `family/name`.
    pub code: &'static str,
    pub default_severity: Severity,
    /// One line for `copydesk rules`.
    pub summary: &'static str,
    /// The rule's doc comment, Markdown.
    pub docs: &'static str,
}

impl RuleMeta {
    pub fn family(&self) -> &'static str {
        self.code.split('/').next().unwrap_or(self.code)
    }
}

/// A text replacement, in bytes of the analysed text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Edit {
    pub span: Span,
    pub replacement: String,
}

/// A fix offered for a finding: one or more edits applied together.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Fix {
    pub title: String,
    pub edits: Vec<Edit>,
    /// The fix is certain: editors may apply it without asking.
    pub preferred: bool,
}

impl Fix {
    pub fn replace(title: impl Into<String>, span: Span, replacement: impl Into<String>) -> Fix {
        Fix {
            title: title.into(),
            edits: vec![Edit {
                span,
                replacement: replacement.into(),
            }],
            preferred: true,
        }
    }

    pub fn not_preferred(mut self) -> Fix {
        self.preferred = false;
        self
    }
}

/// Another place that explains a finding (where a paragraph ends, the first reference).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Related {
    pub span: Span,
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub code: &'static str,
    pub severity: Severity,
    pub span: Span,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fixes: Vec<Fix>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub related: Vec<Related>,
}

impl Finding {
    pub fn new(meta: &RuleMeta, span: Span, message: impl Into<String>) -> Finding {
        Finding {
            code: meta.code,
            severity: meta.default_severity,
            span,
            message: message.into(),
            fixes: Vec::new(),
            related: Vec::new(),
        }
    }

    pub fn with_fix(mut self, fix: Fix) -> Finding {
        self.fixes.push(fix);
        self
    }

    pub fn with_related(mut self, span: Span, message: impl Into<String>) -> Finding {
        self.related.push(Related {
            span,
            message: message.into(),
        });
        self
    }
}

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
            pub const META: $crate::rules::RuleMeta = $crate::rules::RuleMeta {
                code: $code,
                default_severity: $crate::rules::Severity::$sev,
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

pub fn by_code(code: &str) -> Option<&'static dyn Rule> {
    all().iter().copied().find(|r| r.meta().code == code)
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
