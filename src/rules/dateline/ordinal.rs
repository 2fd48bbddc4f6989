use super::dateline;
use crate::declare_rule;
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};

declare_rule! {
    /// The dateline day carries an ordinal suffix.
    ///
    /// Dates are written in figures only: `Sept. 19`, never `Sept. 19th` or `March 1st`.
    ///
    /// ## Example
    ///
    /// ```text
    /// BEIJING, Sept. 19th (Xinhua) -- ...
    /// ```
    ///
    /// Write instead `BEIJING, Sept. 19 (Xinhua) -- `. The quick fix removes the suffix.
    pub struct Ordinal {
        code: "dateline/ordinal",
        severity: Warning,
        summary: "the dateline day has an ordinal suffix",
    }
}

impl Rule for Ordinal {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((d, _)) = dateline(cx) else { return };
        let Some(date) = &d.date else { return };
        let Some(suffix) = date.suffix else { return };
        let s = suffix.text(cx.text);
        let day = date.day.text(cx.text);
        out.push(
            Finding::new(
                &Self::META,
                suffix,
                format!("write the day as a figure alone: `{day}`, not `{day}{s}`"),
            )
            .with_fix(Fix::replace(format!("Remove `{s}`"), suffix, "")),
        );
    }
}
