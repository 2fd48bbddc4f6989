use super::{checkable, reads_as_year};
use crate::declare_rule;
use crate::prose::Kind;
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};
use crate::span::Span;
use crate::words;

declare_rule! {
    /// A comma between a month and a year with no day (`March, 2019`).
    ///
    /// A month with a year alone takes no comma: `March 2019`, `September 1986`. (With
    /// a day the comma belongs: `March 3, 2019`.) All styles.
    ///
    /// ## Example
    ///
    /// ```text
    /// The plant closed in January, 1986.
    /// ```
    ///
    /// Write instead `in January 1986`. The quick fix removes the comma.
    pub struct YearComma {
        code: "dates/year-comma",
        severity: Warning,
        summary: "a comma between a month and a year",
    }
}

/// The full month name that `before` ends with, after a word boundary.
fn ends_with_month(before: &str) -> Option<&'static str> {
    words::FULL_MONTHS.iter().copied().find(|m| {
        before.strip_suffix(m).is_some_and(|b| {
            b.chars()
                .next_back()
                .map_or(true, |c| !c.is_alphanumeric() && c != '-' && c != '\'')
        })
    })
}

impl Rule for YearComma {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        for f in cx.figures().iter().filter(|f| f.kind == Kind::Number) {
            let year = f.span.text(cx.text);
            if !reads_as_year(cx.text, f.span) {
                continue;
            }
            let Some(before) = cx.text[..f.span.start].strip_suffix(", ") else {
                continue;
            };
            let Some(month) = ends_with_month(before) else {
                continue;
            };
            let comma = Span::new(before.len(), before.len() + 1);
            let whole = Span::new(before.len() - month.len(), f.span.end);
            if !checkable(cx, whole) {
                continue;
            }
            out.push(
                Finding::new(
                    &Self::META,
                    comma,
                    format!("no comma between a month and a year: `{month} {year}`"),
                )
                .with_fix(Fix::replace("Remove the comma", comma, "")),
            );
        }
    }
}
