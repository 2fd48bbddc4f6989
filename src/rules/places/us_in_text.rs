use super::guard::Guard;
use crate::config::UsForm;
use crate::declare_rule;
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};
use crate::span::Span;

declare_rule! {
    /// `US` or `U.S.` in body text, not in the house form.
    ///
    /// AP, UPI, Reuters, Xinhua and Bloomberg write `U.S.` with periods in body text; AFP
    /// writes `US`. `[places] us = "U.S."`, `"US"` or `"any"` sets the house form (generic
    /// copy: any). The fix rewrites the abbreviation; at the end of a sentence the
    /// abbreviation's period is also the full stop (`in the U.S.`).
    ///
    /// Left alone: headlines (see `places/us-in-headline`), quotations, lines in capitals,
    /// `US$`, company names that write `US` (`US Airways`, `US Sprint`), URLs, e-mail
    /// addresses, tickers and code.
    ///
    /// ## Example
    ///
    /// ```text
    /// The US economy grew.
    /// ```
    ///
    /// Write instead (AP):
    ///
    /// ```text
    /// The U.S. economy grew.
    /// ```
    pub struct UsInText {
        code: "places/us-in-text",
        severity: Warning,
        summary: "`US` or `U.S.` in body text is not in the house form",
    }
}

/// Names that write `US` without periods.
const US_NAMES: &[&str] = &[
    "Air",
    "Airways",
    "Airline",
    "Airlines",
    "Sprint",
    "Bancorp",
    "West",
    "Cellular",
    "Robotics",
    "Foods",
    "Foodservice",
    "Oncology",
    "Weekly",
    "Xpress",
];

/// Most of the words around `at` in its sentence are in capitals (a caps line, a heading).
fn caps_sentence(cx: &ParagraphContext<'_>, at: usize) -> bool {
    let Some(words) = cx.sentence_words(at) else {
        return false;
    };
    let lower = words
        .iter()
        .filter(|w| w.chars().any(char::is_lowercase))
        .count();
    words.len() >= 3 && lower * 2 < words.len()
}

impl Rule for UsInText {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        let house = super::us_in_text(cx.story.style, cx.config);
        let (wrong, right) = match house {
            UsForm::Periods => ("US", "U.S."),
            UsForm::Bare => ("U.S.", "US"),
            UsForm::Any => return,
        };
        let text = cx.text;
        let mut guard: Option<Guard> = None;
        // The two searchers built once, not once per paragraph.
        static FINDERS: std::sync::OnceLock<[memchr::memmem::Finder<'static>; 2]> =
            std::sync::OnceLock::new();
        let finders = FINDERS.get_or_init(|| {
            [
                memchr::memmem::Finder::new(b"US"),
                memchr::memmem::Finder::new(b"U.S."),
            ]
        });
        let finder = &finders[usize::from(wrong == "U.S.")];
        for at in finder.find_iter(text.as_bytes()) {
            let before = text[..at].chars().next_back();
            if before.is_some_and(|c| {
                c.is_alphanumeric() || matches!(c, '.' | '$' | '/' | '@' | '-' | '_')
            }) {
                continue;
            }
            let mut span = Span::new(at, at + wrong.len());
            let after = &text[span.end..];
            let next = after.chars().next();
            if next.is_some_and(|c| c.is_alphanumeric() || matches!(c, '$' | '@' | '_')) {
                continue;
            }
            if wrong == "US" && after.starts_with('.') {
                // `U.S.A`-like runs and `US.` ending a sentence (fixed to `U.S.`).
                if after[1..].starts_with(|c: char| c.is_alphanumeric()) {
                    continue;
                }
                span.end += 1;
            }
            if wrong == "U.S." && after.starts_with(|c: char| c.is_alphabetic()) {
                continue; // `U.S.A`
            }
            let next_word = after
                .trim_start()
                .split(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let force = after
                .trim_start()
                .strip_prefix("Air")
                .is_some_and(|r| r.trim_start().to_ascii_lowercase().starts_with("force"));
            if US_NAMES.contains(&next_word) && !force {
                continue;
            }
            let guard = guard.get_or_insert_with(|| Guard::new(cx));
            if guard.table || guard.skip(cx, span) || caps_sentence(cx, at) {
                continue;
            }
            let mut replacement = right.to_string();
            if wrong == "U.S." && super::ends_sentence(text, cx.prose(), span.end) {
                replacement.push('.');
            }
            let agency = cx.story.style.agency();
            out.push(
                Finding::new(
                    &Self::META,
                    span,
                    format!("in {agency} style body text writes `{right}`, not `{wrong}`"),
                )
                .with_fix(Fix::replace(
                    format!("Write `{right}`"),
                    span,
                    replacement,
                )),
            );
        }
    }
}
