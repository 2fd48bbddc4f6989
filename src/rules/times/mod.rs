//! `times/*`: how body text writes times of day (wire-style.md §4, "Times").
//!
//! Paragraph rules reading the times [`crate::prose`] recognized, with the same guards as
//! `dates/*` ([`super::dates::checkable`]: no quotation, URL, e-mail address, code span,
//! ticker, table or dateline). A 24-hour time (`1430 GMT`, `14:30`), Reuters' form for
//! GMT, has no `a.m.` or `p.m.` and is never flagged. House settings: `[times]` in
//! `copydesk.toml` ([`crate::config::TimesConfig`]).

mod meridiem;
mod noon_midnight;
mod redundant;

#[cfg(test)]
mod tests;

pub use meridiem::Meridiem;
pub use noon_midnight::NoonMidnight;
pub use redundant::Redundant;

use super::Rule;
use crate::span::Span;

pub const RULES: &[&dyn Rule] = &[&Meridiem, &NoonMidnight, &Redundant];

/// A time of day with `a.m.` or `p.m.` as written: `9 a.m.`, `10:30PM`, `9.30 am`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct WrittenTime {
    pub span: Span,
    pub hour: u8,
    /// The minutes' digits, after `:` or `.`.
    pub minutes: Option<Span>,
    /// The meridiem as written (`a.m.`, `AM`, `pm`).
    pub meridiem: Span,
    pub pm: bool,
}

/// Read a [`crate::prose::Kind::Time`] figure at `span` of `text`; `None` for a time
/// without `a.m.` or `p.m.` (`14:45`).
pub(crate) fn read_time(text: &str, span: Span) -> Option<WrittenTime> {
    let s = span.text(text);
    let hour_len = s.bytes().take_while(u8::is_ascii_digit).count();
    let hour: u8 = s.get(..hour_len)?.parse().ok()?;
    let mut at = hour_len;
    let mut minutes = None;
    if s[at..].starts_with([':', '.'])
        && s.get(at + 1..at + 3)
            .is_some_and(|m| m.bytes().all(|b| b.is_ascii_digit()))
    {
        minutes = Some(Span::new(span.start + at + 1, span.start + at + 3));
        at += 3;
    }
    let rest = &s[at..];
    let m = rest.trim_start();
    let first = m.chars().next()?.to_ascii_lowercase();
    if !matches!(first, 'a' | 'p') {
        return None;
    }
    let m_at = span.start + at + (rest.len() - m.len());
    Some(WrittenTime {
        span,
        hour,
        minutes,
        meridiem: Span::new(m_at, span.end),
        pm: first == 'p',
    })
}

/// The span to replace for a fix that writes `a.m.`/`p.m.` at the end of `span`: with
/// the sentence's period after it, when there is one (`at 9 am.` → `at 9 a.m.`).
pub(crate) fn with_final_period(text: &str, span: Span) -> Span {
    if text[span.end..].starts_with('.') && !text[span.end..].starts_with("..") {
        Span::new(span.start, span.end + 1)
    } else {
        span
    }
}
