use super::{checkable, day_number, days_in_month, read_date, weekday_of, year_after, WEEKDAYS};
use crate::declare_rule;
use crate::prose::Kind;
use crate::rules::{Finding, ParagraphContext, Rule, RuleMeta, Scope, StoryDate};
use crate::span::Span;

declare_rule! {
    /// The day of the week does not fall on the date beside it (`Tuesday, Sept. 3` when
    /// Sept. 3 is a Wednesday).
    ///
    /// A day written with a date must be that date's day of the week. The year is the one
    /// written after the date (`Tuesday, Sept. 3, 2019`), else the story's: from its
    /// metadata or front matter (`date: 2019-09-01`), the dateline (`March 3, 1987`), or a
    /// full date in the story's first paragraphs close to the dateline's day. A date
    /// without a year near a year's end is read in the year that puts it closest to the
    /// story's date (`Thursday, Jan. 2` in a story of Dec. 30, 2019 is Jan. 2, 2020). When
    /// the year is unknown nothing is checked: the rule never guesses it. All styles.
    ///
    /// ## Example
    ///
    /// ```text
    /// ---
    /// date: 2019-08-30
    /// ---
    /// The hearing opens Tuesday, Sept. 4.
    /// ```
    ///
    /// Sept. 4, 2019 was a Wednesday: either the day or the date is wrong. There is no
    /// quick fix, as only the writer knows which. Days joined to another (`Tuesday and
    /// Wednesday, Sept. 3 and 4`) and quotations are left alone.
    pub struct Weekday {
        code: "dates/weekday",
        severity: Warning,
        summary: "the day of the week does not match the date",
    }
}

/// The weekday `before` ends with (after `, ` or a space), and where it starts.
fn weekday_before(before: &str) -> Option<(usize, usize)> {
    let b = before.strip_suffix(' ')?;
    let b = b.strip_suffix(',').unwrap_or(b);
    WEEKDAYS.iter().enumerate().find_map(|(i, w)| {
        let head = b.strip_suffix(w)?;
        let boundary = head.chars().next_back().map_or(true, |c| {
            !c.is_alphanumeric() && c != '-' && c != '/' && c != '–'
        });
        // `Tuesday and Wednesday, Sept. 3 and 4`: the day is one of several.
        let joined = ["and ", "or ", "to ", "through ", "& ", "-", "–", "/"]
            .iter()
            .filter_map(|j| head.strip_suffix(j))
            .any(|h| WEEKDAYS.iter().any(|w| h.trim_end().ends_with(w)));
        (boundary && !joined).then_some((i, head.len()))
    })
}

/// The year a date without one is read in: the story's, or the one next to it that puts
/// the date closest to the story's date.
fn story_year(story: StoryDate, month: u8, day: u8) -> Option<i32> {
    let y = story.year?;
    let (Some(sm), Some(sd)) = (story.month, story.day) else {
        return Some(y);
    };
    if sd > days_in_month(y, sm) {
        return Some(y);
    }
    let at = day_number(y, sm, sd);
    [y - 1, y, y + 1]
        .into_iter()
        .filter(|&cand| day <= days_in_month(cand, month))
        .min_by_key(|&cand| (day_number(cand, month, day) - at).abs())
}

impl Rule for Weekday {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn scope(&self) -> Scope {
        Scope::Paragraph
    }

    fn check_paragraph(&self, cx: &ParagraphContext<'_>, out: &mut Vec<Finding>) {
        for f in cx.figures().iter().filter(|f| f.kind == Kind::Date) {
            let Some((written_day, start)) = weekday_before(&cx.text[..f.span.start]) else {
                continue;
            };
            let Some(d) = read_date(cx.text, f.span) else {
                continue;
            };
            let explicit = year_after(cx.text, d.span.end);
            let year = match explicit {
                Some((_, y)) => Some(y),
                None => story_year(cx.story.date, d.month_number, d.day_number),
            };
            let Some(year) = year else { continue };
            if d.day_number == 0 || d.day_number > days_in_month(year, d.month_number) {
                continue; // an impossible date is no weekday's
            }
            let end = explicit.map_or(d.span.end, |(y, _)| y.end);
            let span = Span::new(start, end);
            let actual = weekday_of(year, d.month_number, d.day_number);
            if actual == written_day || !checkable(cx, span) {
                continue;
            }
            let date = Span::new(d.span.start, end).text(cx.text);
            let whose = if explicit.is_some() {
                String::new()
            } else {
                format!(" in {year}, the story's year")
            };
            out.push(Finding::new(
                &Self::META,
                span,
                format!(
                    "{date} falls on a {}{whose}, not a {}: correct the day or the date",
                    WEEKDAYS[actual], WEEKDAYS[written_day]
                ),
            ));
        }
    }
}
