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
use crate::text::LineIndex;

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

/// Line numbers for messages, from the text's [`LineIndex`], built on first use (most
/// checks report nothing and need none).
pub(crate) struct Lines<'a> {
    text: &'a str,
    index: std::cell::OnceCell<LineIndex>,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Lines {
            text,
            index: std::cell::OnceCell::new(),
        }
    }

    /// 1-based line of byte `offset` (lines break at `\n`, `\r\n` and `\r`).
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        let index = self.index.get_or_init(|| LineIndex::new(self.text));
        1 + index.line(offset.min(self.text.len()))
    }
}

#[cfg(test)]
mod tests;
