//! `names/*`: reference style for people and organizations (AP): full name first, surname
//! after, one spelling throughout, acronyms spelled out before they stand alone.
//!
//! The rules read the entities recognized by [`crate::entities`] (in [`super::Context`]).

mod acronym_before_spelled_out;
mod full_name_repeated;
mod near_index;
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

/// Where the body's quotations lie, merged into disjoint ranges, to answer "is this
/// offset inside a quotation?" by binary search (asking every quotation each time was
/// quadratic on a story of many quotations and names).
pub(crate) struct Quoted {
    /// Disjoint `[start, end)` ranges in order.
    ranges: Vec<(usize, usize)>,
}

impl Quoted {
    pub(crate) fn new(article: &crate::article::Article) -> Self {
        let mut all: Vec<(usize, usize)> = article
            .quotes
            .quotations
            .iter()
            .map(|q| {
                let end = match q.close {
                    Some(c) => c.end,
                    None => article
                        .paragraphs
                        .get(q.paragraph)
                        .map_or(q.open.end, |p| p.span.end),
                };
                (q.open.start, end)
            })
            .filter(|&(s, e)| s < e)
            .collect();
        all.sort_unstable();
        let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(all.len());
        for (s, e) in all {
            match ranges.last_mut() {
                Some(last) if s <= last.1 => last.1 = last.1.max(e),
                _ => ranges.push((s, e)),
            }
        }
        Quoted { ranges }
    }

    /// Is byte `offset` inside a quotation? Quoted speech names people as the speaker does.
    pub(crate) fn contains(&self, offset: usize) -> bool {
        let k = self.ranges.partition_point(|r| r.0 <= offset);
        k > 0 && offset < self.ranges[k - 1].1
    }
}

/// Line numbers for messages, from an index of the text's line breaks built on first use.
///
/// [`crate::entities::line_of`] counts breaks from the start of the text on every call:
/// on a large document with many findings that is quadratic. This gives the same number
/// (breaks at `\n`, `\r\n` and `\r`) by binary search.
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
