//! `names/*`: reference style for people and organizations (AP): full name first, surname
//! after, one spelling throughout, acronyms spelled out before they stand alone.
//!
//! The rules read the entities recognized by [`crate::entities`] (in [`super::Context`]).

mod acronym_before_spelled_out;
mod full_name_repeated;
pub(crate) mod near_index;
pub(crate) mod near_miss;
mod spelling_drift;
mod surname_before_full;

pub use acronym_before_spelled_out::AcronymBeforeSpelledOut;
pub use full_name_repeated::FullNameRepeated;
pub use near_miss::NearMiss;
pub use spelling_drift::SpellingDrift;
pub use surname_before_full::SurnameBeforeFull;

use rustc_hash::FxHashMap;

use super::Rule;
use crate::text::LineIndex;

pub const RULES: &[&dyn Rule] = &[
    &AcronymBeforeSpelledOut,
    &FullNameRepeated,
    &NearMiss,
    &SpellingDrift,
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

/// The entity is surely a person: titled or given a role, in the names file, a surname-first
/// name, or a name opening with a given name of the Census lists. A "person" known only from
/// `Hoechst Celanese said` is as likely a company, and the name rules leave it alone.
pub(crate) fn surely_person(e: &crate::entities::Entity) -> bool {
    e.role.is_some()
        || e.in_names_file
        || e.surname_first
        || e.canonical
            .split_whitespace()
            .next()
            .is_some_and(|w| crate::entities::lexicon::sets::GIVEN_NAMES.contains(w))
}

/// The story names a relative who shares the person's surname, so a surname alone or a
/// repeated full name may be the relative's: `Bill and Hillary Clinton` (a given name and
/// `and` before the full name), `the Clintons`, `Michael Flynn Jr.` beside `Michael Flynn`
/// (a generational suffix on either).
pub(crate) fn has_relative<'a>(
    text: &'a str,
    e: &crate::entities::Entity,
    families: &std::cell::OnceCell<Families<'a>>,
) -> bool {
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
    families
        .get_or_init(|| Families::new(text))
        .has(text, &family)
}

/// Where `the ` is followed by a word (`the Clintons`), by that word: one pass over the
/// story, built the first time a rule asks, instead of a search of the whole story for each
/// name it would flag (which was quadratic on a long story of many names).
pub(crate) struct Families<'a> {
    /// The run of alphanumeric characters after each `the ` -> the offsets where it starts.
    after_the: FxHashMap<&'a str, Vec<usize>>,
}

impl<'a> Families<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut after_the: FxHashMap<&'a str, Vec<usize>> = FxHashMap::default();
        for (at, _) in text.match_indices("the ") {
            let start = at + 4;
            let run = leading_run(&text[start..]);
            if !run.is_empty() {
                after_the.entry(run).or_default().push(start);
            }
        }
        Families { after_the }
    }

    /// `family` stands right after a `the ` and no letter or digit follows it.
    fn has(&self, text: &str, family: &str) -> bool {
        let Some(starts) = self.after_the.get(leading_run(family)) else {
            return false;
        };
        starts.iter().any(|&at| {
            text[at..]
                .strip_prefix(family)
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
        })
    }
}

/// The letters and digits `s` opens with.
fn leading_run(s: &str) -> &str {
    let end = s.find(|c: char| !c.is_alphanumeric()).unwrap_or(s.len());
    &s[..end]
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
