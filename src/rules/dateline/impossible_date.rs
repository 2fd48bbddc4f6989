use super::dateline;
use crate::declare_rule;
use crate::rules::{Context, Finding, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// The dateline date does not exist.
    ///
    /// September, April, June and November have 30 days; February 28, or 29 in a leap
    /// year. The year is the dateline's own (`March 3, 1987`) or the metadata line's
    /// (`Source: Xinhua| 2019-09-19 ...`); without one, Feb. 29 passes.
    ///
    /// ## Example
    ///
    /// ```text
    /// BEIJING, Sept. 31 (Xinhua) -- ...
    /// ```
    ///
    /// There is no automatic fix: only the reporter knows the right day.
    pub struct ImpossibleDate {
        code: "dateline/impossible-date",
        severity: Error,
        summary: "the dateline date does not exist",
    }
}

pub(super) fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub(super) fn days_in(month: u8, year: Option<i32>) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !is_leap(y) => 28,
            _ => 29,
        },
        _ => 31,
    }
}

impl Rule for ImpossibleDate {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((d, _)) = dateline(cx) else { return };
        let Some(date) = &d.date else { return };
        let year = date
            .year
            .map(|(_, y)| y)
            .or_else(|| cx.article.metadata_date().map(|m| m.year));
        let max = days_in(date.month_number, year);
        if (1..=max).contains(&date.day_number) {
            return;
        }
        let span = Span::new(
            date.month.start.min(date.day.start),
            date.month.end.max(date.day.end),
        );
        let month = super::profile::FULL_MONTHS
            .get(usize::from(date.month_number).saturating_sub(1))
            .copied()
            .unwrap_or("the month");
        let message = if date.month_number == 2 && date.day_number == 29 {
            format!(
                "Feb. 29 does not exist in {}: it is not a leap year",
                year.unwrap_or_default()
            )
        } else if date.day_number == 0 {
            "there is no day 0".to_string()
        } else {
            format!(
                "`{}` does not exist: {month} has {max} days",
                span.text(cx.text)
            )
        };
        out.push(Finding::new(&Self::META, span, message));
    }
}
