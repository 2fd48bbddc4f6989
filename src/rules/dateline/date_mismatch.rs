use super::dateline;
use crate::declare_rule;
use crate::rules::{Context, Finding, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// The dateline date disagrees with the metadata date.
    ///
    /// Web copy carries a metadata line with the filing date (`Source: Xinhua|
    /// 2019-09-19 14:05:29|Editor: huaxia`). The dateline day must be that day, or the day
    /// before (a story filed late in the evening where it was reported may be stamped the
    /// next day in the agency's time zone).
    ///
    /// ## Example
    ///
    /// ```text
    /// Source: Xinhua| 2019-09-19 14:05:29|Editor: huaxia
    ///
    /// BEIJING, Sept. 12 (Xinhua) -- ...
    /// ```
    ///
    /// Check which date is right; there is no automatic fix.
    pub struct DateMismatch {
        code: "dateline/date-mismatch",
        severity: Warning,
        summary: "the dateline date disagrees with the metadata date",
    }
}

/// Days since 1970-01-01 (proleptic Gregorian), for comparing dates.
fn day_number(y: i32, m: u32, d: u32) -> i64 {
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (m + if m > 2 { -3 } else { 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

impl Rule for DateMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((d, _)) = dateline(cx) else { return };
        let Some(date) = &d.date else { return };
        let Some(meta) = cx.article.metadata_date() else {
            return;
        };
        let year = date.year.map_or(meta.year, |(_, y)| y);
        let max = super::impossible_date::days_in(date.month_number, Some(year));
        if !(1..=max).contains(&date.day_number) {
            return; // dateline/impossible-date speaks
        }
        let meta_day = day_number(meta.year, u32::from(meta.month), u32::from(meta.day));
        let mut dl = day_number(year, u32::from(date.month_number), date.day_number);
        // A late-December dateline on a January 1 stamp belongs to the year before.
        if date.year.is_none() && dl > meta_day + 300 {
            dl = day_number(year - 1, u32::from(date.month_number), date.day_number);
        }
        if dl == meta_day || dl + 1 == meta_day {
            return;
        }
        let span = Span::new(date.month.start, date.span.end.max(date.day.end));
        out.push(Finding::new(
            &Self::META,
            span,
            format!(
                "the dateline says `{}` but the metadata line dates the story {:04}-{:02}-{:02}",
                span.text(cx.text),
                meta.year,
                meta.month,
                meta.day
            ),
        ));
    }
}
