use super::dateline;
use super::profile::DateUse;
use crate::declare_rule;
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// The dateline carries a date where the house style has none.
    ///
    /// AP wire datelines give the place and the credit only: `DALLAS (AP) — `. Newspapers
    /// that add the date set `[rules] "dateline/date-forbidden" = "off"`.
    ///
    /// ## Example
    ///
    /// ```text
    /// DALLAS, June 2 (AP) — The council voted ...
    /// ```
    ///
    /// Write instead `DALLAS (AP) — `. The quick fix removes the date.
    pub struct DateForbidden {
        code: "dateline/date-forbidden",
        severity: Warning,
        summary: "the dateline has a date the style does not use",
    }
}

impl Rule for DateForbidden {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((d, p)) = dateline(cx) else { return };
        if p.date != DateUse::Forbidden {
            return;
        }
        let Some(date) = &d.date else { return };
        let prev_end = d
            .regions
            .iter()
            .map(|r| r.end)
            .filter(|&e| e <= date.span.start)
            .max()
            .unwrap_or(d.place.end);
        let remove = Span::new(prev_end.min(date.span.start), date.span.end);
        out.push(
            Finding::new(
                &Self::META,
                date.span,
                super::styled(
                    cx,
                    format!(
                        "the dateline carries no date in this style: drop `{}`",
                        date.span.text(cx.text)
                    ),
                ),
            )
            .with_fix(Fix::replace("Remove the date", remove, "").not_preferred()),
        );
    }
}
