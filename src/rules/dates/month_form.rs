use super::{checkable, months, read_date, styled, Months};
use crate::declare_rule;
use crate::prose::Kind;
use crate::rules::{Finding, Fix, ParagraphContext, Rule, RuleMeta, Scope};

declare_rule! {
    /// A month before a day is not written the house way.
    ///
    /// AP, UPI, Xinhua and Bloomberg abbreviate a month with a specific date as `Jan.`,
    /// `Feb.`, `Aug.`, `Sept.`, `Oct.`, `Nov.` and `Dec.`, and spell out March, April,
    /// May, June and July; `Sep.` is wrong. Reuters' body form is unconfirmed, so by
    /// default Reuters copy may write AP's form, Reuters' dateline form (`Sept 19`) or the
    /// full name, and only the three-letter forms Reuters never uses (`Sep 19`, `Mar 3`)
    /// are flagged. AFP and the generic style accept every agency's form and flag only
    /// abbreviations no style uses (`Sep.`, `Mar.`, `Jun.`).
    ///
    /// `[dates] months = "ap" | "reuters" | "full" | "any"` in `copydesk.toml` sets the
    /// house form for every style.
    ///
    /// ## Example
    ///
    /// ```text
    /// The council meets on September 19 and again on Sep. 26.
    /// ```
    ///
    /// Write instead (AP) `on Sept. 19 and again on Sept. 26`. The quick fix writes the
    /// house form. The dateline's month is `dateline/month-format`'s; quotations, URLs,
    /// tickers and tables are left alone.
    pub struct MonthForm {
        code: "dates/month-form",
        severity: Warning,
        summary: "a month before a day is not in the house form",
    }
}

impl Rule for MonthForm {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        let mut form: Option<Months> = None;
        for f in cx.figures().iter().filter(|f| f.kind == Kind::Date) {
            let Some(d) = read_date(cx.text, f.span) else {
                continue;
            };
            if d.day_first {
                continue;
            }
            let form = *form.get_or_insert_with(|| months(cx));
            let written = d.month.text(cx.text);
            if form.accepts(d.month_number, written) || !checkable(cx, d.span) {
                continue;
            }
            let expected = form.expected(d.month_number, written);
            out.push(
                Finding::new(
                    &Self::META,
                    d.month,
                    styled(
                        cx,
                        format!("write the month before a day as `{expected}`, not `{written}`"),
                    ),
                )
                .with_fix(Fix::replace(
                    format!("Write `{expected}`"),
                    d.month,
                    expected,
                )),
            );
        }
    }
}
