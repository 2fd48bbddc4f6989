//! `names/*`: reference style for people and organizations (AP): full name first, surname
//! after, one spelling throughout, acronyms spelled out before they stand alone.
//!
//! The rules read the entities recognized by [`crate::entities`] (in [`super::Context`]).

mod acronym_before_spelled_out;
mod full_name_repeated;
mod near_miss;
mod surname_before_full;

pub use acronym_before_spelled_out::AcronymBeforeSpelledOut;
pub use full_name_repeated::FullNameRepeated;
pub use near_miss::NearMiss;
pub use surname_before_full::SurnameBeforeFull;

use super::Rule;

pub const RULES: &[&dyn Rule] = &[
    &AcronymBeforeSpelledOut,
    &FullNameRepeated,
    &NearMiss,
    &SurnameBeforeFull,
];

/// Is byte `offset` inside a quotation? Quoted speech names people as the speaker does.
pub(crate) fn in_quotation(article: &crate::article::Article, offset: usize) -> bool {
    article.quotes.quotations.iter().any(|q| {
        let end = match q.close {
            Some(c) => c.end,
            None => article
                .paragraphs
                .get(q.paragraph)
                .map_or(q.open.end, |p| p.span.end),
        };
        q.open.start <= offset && offset < end
    })
}

/// Line numbers for messages, from an index of the text's line breaks built on first use.
///
/// [`crate::entities::line_of`] counts breaks from the start of the text on every call:
/// on a large document with many findings that is quadratic. This gives the same number
/// (breaks at `\n`, `\r\n` and `\r`) by binary search.
/// The story names a relative who shares the person's surname, so a surname alone or a
/// repeated full name may be the relative's: `Bill and Hillary Clinton` (a given name and
/// `and` before the full name), `the Clintons`, `Michael Flynn Jr.` beside `Michael Flynn`
/// (a generational suffix on either).
pub(crate) fn has_relative(text: &str, e: &crate::entities::Entity) -> bool {
    const SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];
    let Some(surname) = e.surname.as_deref() else {
        return false;
    };
    if e.canonical
        .split_whitespace()
        .any(|w| SUFFIXES.contains(&w.trim_end_matches(',')))
    {
        return true;
    }
    for m in &e.mentions {
        let before = &text[..m.span.start];
        let before = before
            .strip_suffix(" and ")
            .or_else(|| before.strip_suffix(" & "));
        if let Some(b) = before {
            let prev = b.rsplit([' ', '\n']).next().unwrap_or_default();
            if crate::entities::tokens::is_title_case(prev) {
                return true;
            }
        }
        let after = text[m.span.end..].trim_start_matches([',', ' ']);
        if SUFFIXES.iter().any(|s| {
            after
                .strip_prefix(s)
                .is_some_and(|r| !r.starts_with(|c: char| c.is_alphanumeric()))
        }) {
            return true;
        }
    }
    let family = format!("{surname}s");
    text.match_indices(family.as_str()).any(|(at, _)| {
        let end = at + family.len();
        text[..at].ends_with("the ") && !text[end..].starts_with(|c: char| c.is_alphanumeric())
    })
}

pub(crate) struct Lines<'a> {
    text: &'a str,
    /// Offsets of the bytes that end a line: every `\n`, and every `\r` not followed by `\n`.
    breaks: std::cell::OnceCell<Vec<usize>>,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Lines {
            text,
            breaks: std::cell::OnceCell::new(),
        }
    }

    /// 1-based line of byte `offset`, as [`crate::entities::line_of`] gives it.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        let breaks = self.breaks.get_or_init(|| {
            let b = self.text.as_bytes();
            memchr::memchr2_iter(b'\n', b'\r', b)
                .filter(|&at| b[at] == b'\n' || b.get(at + 1) != Some(&b'\n'))
                .collect()
        });
        let end = offset.min(self.text.len());
        1 + breaks.partition_point(|&p| p < end)
    }
}

#[cfg(test)]
mod tests;
