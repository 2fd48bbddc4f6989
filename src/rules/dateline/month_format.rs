use super::dateline;
use crate::declare_rule;
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};

declare_rule! {
    /// The dateline month is not written the house way.
    ///
    /// AP, UPI, Xinhua and Bloomberg abbreviate with a specific date Jan., Feb., Aug.,
    /// Sept., Oct., Nov. and Dec., and spell out March, April, May, June and July; `Sep.`
    /// is wrong. Reuters writes the same abbreviations without periods (`Jan`, `Sept`).
    /// AFP and the generic style accept either family or the full name, and flag only
    /// abbreviations no style uses (`Sep.`, `Mar.`, `Jun`).
    ///
    /// ## Example
    ///
    /// ```text
    /// BEIJING, September 19 (Xinhua) -- ...
    /// ```
    ///
    /// Write instead `BEIJING, Sept. 19 (Xinhua) -- `. The quick fix writes the house form.
    ///
    /// A misspelt month (`Spet. 19`, `Narch 2`, `Mach 4`: one letter or a transposition
    /// from a month) is reported here too, with the nearest month in the house form as the
    /// fix.
    pub struct MonthFormat {
        code: "dateline/month-format",
        severity: Warning,
        summary: "the dateline month is not in the house form",
    }
}

impl Rule for MonthFormat {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((d, p)) = dateline(cx) else { return };
        let Some(date) = &d.date else { return };
        let written = date.month.text(cx.text);
        // `Spet. 19` is not a month at all; `Sep. 19` is one in the wrong form. Either way
        // the fix is the nearest (or written) month in the house form.
        if !date.misspelt && p.month_ok(date.month_number, written) {
            return;
        }
        let Some(expected) = p.month(date.month_number, written) else {
            return;
        };
        let message = if date.misspelt {
            format!("`{written}` is not a month: write `{expected}`")
        } else {
            format!("write the month as `{expected}`, not `{written}`")
        };
        out.push(
            Finding::new(&Self::META, date.month, super::styled(cx, message)).with_fix(
                Fix::replace(format!("Write `{expected}`"), date.month, expected),
            ),
        );
    }
}
