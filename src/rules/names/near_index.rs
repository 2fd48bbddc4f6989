//! An index of the spellings [`super::near_miss`] compares words with, so that each word
//! is compared with the spellings that may be near it instead of with every one.
//!
//! A near spelling is one or two edits away (Damerau–Levenshtein, adjacent transpositions
//! included, [`strsim::damerau_levenshtein`]), the bound depending on the length: one for
//! words of 4 to 7 characters, two from 8 on. Two filters give every spelling that may be
//! that near (a superset: each candidate is then checked exactly, so the index decides
//! nothing, it only skips spellings that cannot be near):
//!
//! * **Deletion neighbourhood** (symmetric delete), for spellings of up to
//!   [`SHORT`] characters: a spelling is filed under every string that deleting up to `k`
//!   of its characters gives (`k` its own bound). Words `d <= k` edits apart share such a
//!   string: the characters neither edit touched are common to both, and each side loses at
//!   most `d` of its own (a substitution or a transposition costs each side one character,
//!   an insertion or deletion one side one).
//! * **Positional pieces**, for longer spellings (where the neighbourhood, quadratic in the
//!   length, would cost too much): the first five sixths of a spelling in five pieces of
//!   `len / 6` characters (at least 4). Two edits touch at most four of them (an edit
//!   touches at most three adjacent characters of the spelling, so two pieces), so one
//!   piece is intact in the word, where it was give or take the two characters the edits
//!   can shift it.
//!
//! Strings are filed by a 64-bit hash; a collision only adds a candidate. Candidates come
//! out in the order of the spellings (their index), as the rule's scan of every spelling
//! took them: the first that passes the rule's test is the same one.

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};

/// The longest spelling filed by its deletion neighbourhood (up to 301 strings).
pub(crate) const SHORT: usize = 24;

/// Below this many spellings the rule scans them all: building the index costs more.
pub(crate) const WORTH_IT: usize = 48;

/// The edit bound a spelling of `chars` characters is compared with (see `near`).
fn bound(chars: usize) -> usize {
    (chars / 4).clamp(1, 2)
}

#[derive(Default)]
pub(crate) struct NearIndex {
    /// Deletion-neighbourhood string hash → spellings, in order, each once.
    deletions: FxHashMap<u64, Vec<u32>>,
    /// (spelling length, piece, piece hash) → spellings, in order.
    pieces: FxHashMap<(u32, u32, u64), Vec<u32>>,
}

fn hash_chars(chars: &[char], skip: [usize; 2]) -> u64 {
    let mut h = FxHasher::default();
    let mut n = 0usize;
    for (i, c) in chars.iter().enumerate() {
        if i != skip[0] && i != skip[1] {
            c.hash(&mut h);
            n += 1;
        }
    }
    n.hash(&mut h);
    h.finish()
}

/// Every string up to `k` deletions from `chars` gives (as hashes; repeats possible).
fn neighbourhood(chars: &[char], k: usize, mut each: impl FnMut(u64)) {
    const NO: usize = usize::MAX;
    each(hash_chars(chars, [NO, NO]));
    for i in 0..chars.len() {
        each(hash_chars(chars, [i, NO]));
        if k >= 2 {
            for j in i + 1..chars.len() {
                each(hash_chars(chars, [i, j]));
            }
        }
    }
}

fn piece_len(chars: usize) -> usize {
    chars / 6
}

fn push(list: &mut Vec<u32>, i: u32) {
    if list.last() != Some(&i) {
        list.push(i);
    }
}

impl NearIndex {
    /// File spelling number `i` (`i` increasing from one call to the next).
    pub(crate) fn insert(&mut self, i: usize, word: &str) {
        let chars: Vec<char> = word.chars().collect();
        let n = chars.len();
        // `near` never holds for a spelling under four characters.
        if n < 4 {
            return;
        }
        let i = i as u32;
        if n <= SHORT {
            neighbourhood(&chars, bound(n), |h| {
                push(self.deletions.entry(h).or_default(), i)
            });
        } else {
            let q = piece_len(n);
            for j in 0..5 {
                let h = hash_chars(&chars[j * q..j * q + q], [usize::MAX; 2]);
                push(self.pieces.entry((n as u32, j as u32, h)).or_default(), i);
            }
        }
    }

    /// The spellings that may be near `word` (every one that is, and others), in order,
    /// each once, lazily: the caller stops at the first it accepts.
    pub(crate) fn candidates(&self, word: &str) -> impl Iterator<Item = usize> + '_ {
        let chars: Vec<char> = word.chars().collect();
        let n = chars.len();
        let mut lists: Vec<&[u32]> = Vec::new();
        if n >= 4 {
            // Spellings filed by neighbourhood have at most SHORT characters, and a near one
            // is within two of `n`.
            if n <= SHORT + 2 {
                let mut seen: Vec<u64> = Vec::new();
                neighbourhood(&chars, bound(n), |h| seen.push(h));
                seen.sort_unstable();
                seen.dedup();
                lists.extend(
                    seen.iter()
                        .filter_map(|h| self.deletions.get(h))
                        .map(|v| &v[..]),
                );
            }
            if n + 2 > SHORT {
                for len in n.saturating_sub(2).max(SHORT + 1)..=n + 2 {
                    let q = piece_len(len);
                    for j in 0..5 {
                        for shift in -2isize..=2 {
                            let Some(at) = (j * q).checked_add_signed(shift) else {
                                continue;
                            };
                            let Some(piece) = chars.get(at..at + q) else {
                                continue;
                            };
                            let h = hash_chars(piece, [usize::MAX; 2]);
                            if let Some(v) = self.pieces.get(&(len as u32, j as u32, h)) {
                                lists.push(v);
                            }
                        }
                    }
                }
            }
        }
        Merge::new(lists)
    }
}

/// The union of sorted lists, in order, without repeats.
struct Merge<'a> {
    lists: Vec<&'a [u32]>,
    heap: BinaryHeap<Reverse<(u32, usize)>>,
    last: Option<u32>,
}

impl<'a> Merge<'a> {
    fn new(lists: Vec<&'a [u32]>) -> Self {
        let heap = lists
            .iter()
            .enumerate()
            .filter_map(|(l, v)| v.first().map(|&x| Reverse((x, l))))
            .collect();
        let lists = lists
            .into_iter()
            .map(|v| v.get(1..).unwrap_or_default())
            .collect();
        Merge {
            lists,
            heap,
            last: None,
        }
    }
}

impl Iterator for Merge<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        loop {
            let Reverse((x, l)) = self.heap.pop()?;
            if let Some((&y, rest)) = self.lists[l].split_first() {
                self.lists[l] = rest;
                self.heap.push(Reverse((y, l)));
            }
            if self.last != Some(x) {
                self.last = Some(x);
                return Some(x as usize);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the rule's distance test needs of the index: every spelling within the bound
    /// is a candidate.
    fn within(a: &str, b: &str) -> bool {
        let (la, lb) = (a.chars().count(), b.chars().count());
        la >= 4 && lb >= 4 && strsim::damerau_levenshtein(a, b) <= bound(la.min(lb))
    }

    fn check(words: &[String]) {
        let mut ix = NearIndex::default();
        for (i, w) in words.iter().enumerate() {
            ix.insert(i, w);
        }
        for q in words {
            let got: Vec<usize> = ix.candidates(q).collect();
            assert!(
                got.windows(2).all(|p| p[0] < p[1]),
                "{got:?} in order, once"
            );
            for (i, w) in words.iter().enumerate() {
                if within(q, w) {
                    assert!(got.contains(&i), "{w:?} is near {q:?} but not a candidate");
                }
            }
        }
    }

    #[test]
    fn near_spellings_are_candidates() {
        let words: Vec<String> = [
            "Medvedev",
            "Medvedyev",
            "Mdevedev",
            "Keqiang",
            "Keqaing",
            "Kiqiang",
            "Regan",
            "Reagan",
            "Łukaszenka",
            "Łukashenka",
            "北京大学",
            "北京大字",
            "Abcdefghijklmnopqrstuvwxyzab",
            "Abcdefghijklmnopqrstuvwxyba",
            "Abcdefghijklmnopqrstuvwxyzabc",
            "Abcdefghijklmnopqrsuvwxyzab",
            "Abcdefghijklmnopqrstuvwxy",
            "Abcdefghijklmnopqrstuvw",
            "Abcdefghijklmnopqrstuvwxyzabcd",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        check(&words);
    }

    proptest::proptest! {
        #[test]
        fn index_finds_every_near_spelling(
            base in "[A-C][a-c]{2,30}",
            edits in proptest::collection::vec((0usize..40, 0u8..4, "[a-cé]"), 0..3),
            more in proptest::collection::vec("[A-B][ab]{3,28}", 0..6),
        ) {
            // The base and a few edited copies of it (0..2 edits), and a few others.
            let mut words = vec![base.clone()];
            let mut w: Vec<char> = base.chars().collect();
            for (at, op, c) in edits {
                let at = at % w.len().max(1);
                let c = c.chars().next().unwrap();
                match op {
                    0 => w[at] = c,
                    1 => w.insert(at, c),
                    2 if w.len() > 1 => { w.remove(at); }
                    _ if at + 1 < w.len() => w.swap(at, at + 1),
                    _ => {}
                }
                words.push(w.iter().collect());
            }
            words.extend(more);
            check(&words);
        }
    }
}
