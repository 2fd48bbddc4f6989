//! `dates/*`: how body text writes dates, per house style (wire-style.md §4, "Months" and
//! "Days").
//!
//! Every rule here is a [`Scope::Paragraph`](super::Scope::Paragraph) rule reading the
//! dates [`crate::prose`] recognized in the paragraph. None of them looks inside a
//! quotation, a URL, an e-mail address, a code span, a ticker (`<TXN.N>`), a table of
//! results or the dateline (the `dateline/*` rules check the dateline's own date). The
//! house settings are `[dates]` in `copydesk.toml` ([`crate::config::DatesConfig`]).

mod month_form;
mod month_spelled_out;
mod ordinal;
mod relative_day;
mod weekday;
mod year_comma;

#[cfg(test)]
mod tests;

pub use month_form::MonthForm;
pub use month_spelled_out::MonthSpelledOut;
pub use ordinal::Ordinal;
pub use relative_day::RelativeDay;
pub use weekday::Weekday;
pub use year_comma::YearComma;

use super::{ParagraphContext, Rule};
use crate::config::{MonthsSetting, Style, StyleSource};
use crate::span::Span;
use crate::words;

pub const RULES: &[&dyn Rule] = &[
    &MonthForm,
    &MonthSpelledOut,
    &Ordinal,
    &RelativeDay,
    &Weekday,
    &YearComma,
];

/// Whether a rule may look at `span` (relative to the paragraph): outside quotations, the
/// dateline, URLs, e-mail addresses, code spans and tickers, in a paragraph that is no
/// table of results.
pub(crate) fn checkable(cx: &ParagraphContext<'_>, span: Span) -> bool {
    !cx.in_quotation(span)
        && cx.dateline.map_or(true, |d| span.start >= d.end)
        && !in_dateline_of_a_later_dispatch(cx, span)
        && !in_special_piece(cx.text, span)
        && !is_table(cx.text)
}

/// A body paragraph that opens with a dateline of its own (a digest's next dispatch under
/// a subhead, `PARIS, Jan 1 (AFP) - `): its dateline is no body text either.
fn in_dateline_of_a_later_dispatch(cx: &ParagraphContext<'_>, span: Span) -> bool {
    if cx.dateline.is_some() || span.start > 120 {
        return false;
    }
    match crate::article::dateline::read(cx.text, Span::new(0, cx.text.len())) {
        crate::article::DatelineRead::Found(d) => span.start < d.span.end,
        _ => false,
    }
}

/// Is `span` inside a run of non-space characters that is a URL, an e-mail address or a
/// ticker, or inside a code span (between backticks)?
fn in_special_piece(text: &str, span: Span) -> bool {
    let (Some(before), Some(after)) = (text.get(..span.start), text.get(span.end..)) else {
        return true;
    };
    let start = before.rfind(char::is_whitespace).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = span.end + after.find(char::is_whitespace).unwrap_or(after.len());
    let piece = &text[start..end];
    if piece.contains("://") || piece.contains("www.") || piece.contains('@') {
        return true;
    }
    // A ticker: `<TXN.N>`, `<IBM>`.
    if piece.contains('<') || piece.contains('>') {
        return true;
    }
    // Inside a code span: an odd number of backticks before it on the paragraph.
    before.bytes().filter(|&b| b == b'`').count() % 2 == 1
}

/// A table of results: a paragraph of three or more lines most of which hold no sentence
/// (figures in columns, tab stops, runs of spaces, lines without a final mark).
pub(crate) fn is_table(text: &str) -> bool {
    if !text.contains('\n') {
        return text.contains('\t');
    }
    let mut lines = 0;
    let mut tabular = 0;
    for line in text
        .lines()
        .map(str::trim_end)
        .filter(|l| !l.trim().is_empty())
    {
        lines += 1;
        let inner = line.trim_start();
        let columns = inner.contains('\t') || inner.contains("   ");
        let sentence = inner.ends_with(['.', '?', '!', '"', '”', ',', ';', ':']);
        let figures = inner.bytes().any(|b| b.is_ascii_digit());
        if columns || (!sentence && figures && inner.split_whitespace().count() <= 10) {
            tabular += 1;
        }
    }
    lines >= 3 && tabular * 2 >= lines
}

/// Which style was applied and why, for the end of a message.
pub(crate) fn applied(style: Style, source: StyleSource) -> String {
    let name = match style {
        Style::Generic => "generic style".to_string(),
        s => format!("{} style", s.agency()),
    };
    match source {
        StyleSource::Configured => format!("{name}, configured"),
        StyleSource::Credit => format!("{name}, inferred from the credit"),
        StyleSource::Default => format!("{name}: no style configured and no known credit"),
    }
}

/// A message that depends on the house style, with the style applied appended.
pub(crate) fn styled(cx: &ParagraphContext<'_>, message: String) -> String {
    format!(
        "{message} ({})",
        applied(cx.story.style, cx.story.style_source)
    )
}

/// How body text writes a month with a day, in the style in force.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Months {
    /// `Jan.`, `Feb.`, `March` ... `Sept.`, `Oct.`, `Nov.`, `Dec.` only.
    Ap,
    /// `Jan`, `Feb`, `March` ... `Sept` (Reuters' dateline forms) only.
    Reuters,
    /// The full name only.
    Full,
    /// Reuters' body text, unconfirmed ([U]): AP's or Reuters' abbreviations or the full
    /// name; the three-letter forms Reuters does not use (`Sep`, `Mar`) are flagged.
    ReutersAny,
    /// Any form some agency uses (AP, Reuters, PTI's three letters, the full name); only
    /// abbreviations no style uses (`Sep.`, `Mar.`) are flagged.
    Any,
}

pub(crate) fn months(cx: &ParagraphContext<'_>) -> Months {
    match cx.config.dates.months {
        Some(MonthsSetting::Ap) => Months::Ap,
        Some(MonthsSetting::Reuters) => Months::Reuters,
        Some(MonthsSetting::Full) => Months::Full,
        Some(MonthsSetting::Any) => Months::Any,
        None => match cx.story.style {
            Style::Ap | Style::Upi | Style::Xinhua | Style::Bloomberg => Months::Ap,
            Style::Reuters => Months::ReutersAny,
            Style::Afp | Style::Generic => Months::Any,
        },
    }
}

impl Months {
    /// Whether `written` is a right form of month `n` (1–12) before a day.
    pub(crate) fn accepts(self, n: u8, written: &str) -> bool {
        let i = usize::from(n - 1);
        let ap = words::AP_MONTHS[i] == written;
        let reuters = words::REUTERS_MONTHS[i] == written;
        let full = words::FULL_MONTHS[i] == written;
        match self {
            Months::Ap => ap,
            Months::Reuters => reuters,
            Months::Full => full,
            Months::ReutersAny => ap || reuters || full,
            Months::Any => ap || reuters || full || words::SHORT_MONTHS[i] == written,
        }
    }

    /// The form to write for month `n` (1–12) as `written`.
    pub(crate) fn expected(self, n: u8, written: &str) -> &'static str {
        let i = usize::from(n - 1);
        match self {
            Months::Ap => words::AP_MONTHS[i],
            Months::Reuters | Months::ReutersAny => words::REUTERS_MONTHS[i],
            Months::Full => words::FULL_MONTHS[i],
            Months::Any if written.ends_with('.') => words::AP_MONTHS[i],
            Months::Any => words::REUTERS_MONTHS[i],
        }
    }
}

/// A date as written: `Sept. 3`, `March 14th`, `3 September`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WrittenDate {
    pub span: Span,
    pub month: Span,
    /// 1–12.
    pub month_number: u8,
    pub day: Span,
    pub day_number: u8,
    /// An ordinal suffix after the day (`th` of `19th`).
    pub suffix: Option<Span>,
    /// The day comes first (`3 September`).
    pub day_first: bool,
}

/// The month number of a month word a date figure holds, in the exact forms
/// [`crate::prose`] recognizes.
pub(crate) fn month_number(word: &str) -> Option<u8> {
    // Every form of a month opens with its three-letter form (`Jan`, `Sept.`, `September`):
    // the first three bytes name the month, and only that month's forms are compared.
    let m: u8 = match word.as_bytes().get(..3)? {
        b"Jan" => 1,
        b"Feb" => 2,
        b"Mar" => 3,
        b"Apr" => 4,
        b"May" => 5,
        b"Jun" => 6,
        b"Jul" => 7,
        b"Aug" => 8,
        b"Sep" => 9,
        b"Oct" => 10,
        b"Nov" => 11,
        b"Dec" => 12,
        _ => return None,
    };
    let i = usize::from(m - 1);
    let bare = word.strip_suffix('.').unwrap_or(word);
    (words::FULL_MONTHS[i] == word
        || words::AP_MONTHS[i] == word
        || words::REUTERS_MONTHS[i] == word
        || words::SHORT_MONTHS[i] == bare)
        .then_some(m)
}

/// Read a [`crate::prose::Kind::Date`] figure at `span` of `text`.
pub(crate) fn read_date(text: &str, span: Span) -> Option<WrittenDate> {
    let s = text.get(span.start..span.end)?;
    let split = s.find(char::is_whitespace)?;
    let (a, b) = (&s[..split], s[split..].trim_start());
    let b_at = span.start + (s.len() - b.len());
    let a_span = Span::new(span.start, span.start + a.len());
    let b_span = Span::new(b_at, b_at + b.len());
    let (month, month_span, day, day_span, day_first) = match month_number(a) {
        Some(m) => (m, a_span, b, b_span, false),
        None => (
            month_number(b.trim_end_matches(['.', ',']))?,
            b_span,
            a,
            a_span,
            true,
        ),
    };
    let digits = day.bytes().take_while(u8::is_ascii_digit).count();
    let day_number: u8 = day[..digits].parse().ok()?;
    let rest = day[digits..].trim_end_matches(['.', ',']);
    let suffix = (!rest.is_empty()).then(|| {
        Span::new(
            day_span.start + digits,
            day_span.start + digits + rest.len(),
        )
    });
    let month_span = if day_first {
        Span::new(
            month_span.start,
            month_span.start
                + text[month_span.start..month_span.end]
                    .trim_end_matches(['.', ','])
                    .len(),
        )
    } else {
        month_span
    };
    Some(WrittenDate {
        span,
        month: month_span,
        month_number: month,
        day: Span::new(day_span.start, day_span.start + digits),
        day_number,
        suffix,
        day_first,
    })
}

/// A year written right after a date or a month: `, 2019` or ` 2019` from byte `at` of
/// `text`; its span and value (1000–2999, not followed by another digit).
pub(crate) fn year_after(text: &str, at: usize) -> Option<(Span, i32)> {
    let rest = text.get(at..)?;
    let trimmed = rest.strip_prefix(',').unwrap_or(rest);
    let digits_at = trimmed.strip_prefix(' ')?;
    let year = digits_at.get(..4)?;
    if !year.bytes().all(|b| b.is_ascii_digit()) || !matches!(year.as_bytes()[0], b'1' | b'2') {
        return None;
    }
    if digits_at[4..].starts_with(|c: char| c.is_ascii_digit() || c.is_alphabetic()) {
        return None;
    }
    let start = at + (rest.len() - digits_at.len());
    Some((Span::new(start, start + 4), year.parse().ok()?))
}

/// Whether the four-digit figure at `span` reads as a year rather than a count (`March,
/// 1986.` but not `In March, 1500 workers`): 1000–2999, followed by punctuation, the
/// paragraph's end or a word that does not take a count (`and`, `when`, `the`).
pub(crate) fn reads_as_year(text: &str, span: Span) -> bool {
    let year = span.text(text);
    if year.len() != 4
        || !year.bytes().all(|b| b.is_ascii_digit())
        || !matches!(year.as_bytes()[0], b'1' | b'2')
    {
        return false;
    }
    let after = &text[span.end..];
    let value: u16 = year.parse().unwrap_or(0);
    let Some(next) = after.strip_prefix(' ') else {
        // Punctuation or the end; `1986-87` or `1986s` are no year here.
        return !after.starts_with(|c: char| c.is_alphanumeric() || c == '-' || c == '%');
    };
    let word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
    const AFTER_YEAR: &[&str] = &[
        "and", "or", "but", "when", "while", "the", "a", "an", "to", "in", "on", "at", "for",
        "with", "by", "after", "before", "as", "until", "that", "which", "from", "through",
    ];
    // Counts of people read as counts (`In June, 2000 people`); any other word after a
    // figure of the last two centuries leaves it a year (`ended February, 1987 were`).
    const COUNTED: &[&str] = &[
        "people",
        "men",
        "women",
        "children",
        "police",
        "troops",
        "staff",
        "personnel",
        "cattle",
        "more",
        "others",
        "other",
        "of",
    ];
    AFTER_YEAR.contains(&word.as_str())
        || ((1900..=2099).contains(&value)
            && !word.ends_with('s')
            && !COUNTED.contains(&word.as_str()))
}

/// Every full date with a year `block` writes (`March 3, 1987`, `Sept. 19, 2019`): month,
/// day and year.
pub(crate) fn full_dates(block: &str) -> impl Iterator<Item = (u8, u8, i32)> + '_ {
    block.match_indices(", ").filter_map(move |(at, _)| {
        let (_, year) = year_after(block, at)?;
        let before = &block[..at];
        let day_len = before.bytes().rev().take_while(u8::is_ascii_digit).count();
        if !(1..=2).contains(&day_len) {
            return None;
        }
        let day: u8 = before[before.len() - day_len..].parse().ok()?;
        let month_part = before[..before.len() - day_len].strip_suffix(' ')?;
        let word_start = month_part
            .rfind(|c: char| !c.is_ascii_alphabetic() && c != '.')
            .map_or(0, |i| i + 1);
        let month = month_number(&month_part[word_start..])?;
        Some((month, day, year))
    })
}

pub(crate) use crate::words::WEEKDAYS;

pub(crate) fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub(crate) fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a valid date (proleptic Gregorian).
pub(crate) fn day_number(y: i32, m: u8, d: u8) -> i64 {
    // Howard Hinnant's days_from_civil.
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The day of the week (0 = Sunday) of a valid date.
pub(crate) fn weekday_of(y: i32, m: u8, d: u8) -> usize {
    // 1970-01-01 was a Thursday.
    (day_number(y, m, d) + 4).rem_euclid(7) as usize
}

/// The date `days` after day number `n` (days since 1970-01-01): (year, month, day).
pub(crate) fn civil(n: i64) -> (i32, u8, u8) {
    let z = n + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
    (y, m, d)
}
