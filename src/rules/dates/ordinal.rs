use super::{checkable, read_date};
use crate::declare_rule;
use crate::prose::Kind;
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};

declare_rule! {
    /// A day of the month is written as an ordinal (`Sept. 19th`, `March 3rd`).
    ///
    /// Every house style writes the day of a date as a figure alone: `Sept. 19`, not
    /// `Sept. 19th`; `19 September`, not `19th September`. All styles.
    ///
    /// ## Example
    ///
    /// ```text
    /// The vote is set for March 3rd.
    /// ```
    ///
    /// Write instead `March 3`. The quick fix removes the suffix. The dateline's day is
    /// `dateline/ordinal`'s; quotations are left alone (`"on the 3rd"` is the speaker's).
    pub struct Ordinal {
        code: "dates/ordinal",
        severity: Warning,
        summary: "a date's day is written with an ordinal suffix",
    }
}

impl Rule for Ordinal {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        for f in cx.figures().iter().filter(|f| f.kind == Kind::Date) {
            let Some(d) = read_date(cx.text, f.span) else {
                continue;
            };
            let Some(suffix) = d.suffix else { continue };
            let written = suffix.text(cx.text);
            if !["st", "nd", "rd", "th"].contains(&written.to_ascii_lowercase().as_str())
                || !checkable(cx, d.span)
            {
                continue;
            }
            let day = d.day.text(cx.text);
            out.push(
                Finding::new(
                    &Self::META,
                    suffix,
                    format!("write the day as a figure alone: `{day}`, not `{day}{written}`"),
                )
                .with_fix(Fix::replace(format!("Remove `{written}`"), suffix, "")),
            );
        }
    }
}
