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

/// Where the story's photo captions lie: a paragraph holding a picture credit (`Image:
/// UK Government.`, `Photo: …`, `(AP Photo/…)`) describes a picture, and the names in it
/// are not the story's references (`Braverman (left) and Sunak (right) …`). Paragraphs in
/// order, so a binary search answers "is this offset in a caption?".
pub(crate) struct Captions {
    ranges: Vec<(usize, usize)>,
}

impl Captions {
    pub(crate) fn new(text: &str, article: &crate::article::Article) -> Self {
        let mut ranges: Vec<(usize, usize)> = article
            .paragraphs
            .iter()
            .filter(|p| is_caption(p.span.text(text)))
            .map(|p| (p.span.start, p.span.end))
            .collect();
        ranges.sort_unstable();
        Captions { ranges }
    }

    pub(crate) fn contains(&self, offset: usize) -> bool {
        let k = self.ranges.partition_point(|r| r.0 <= offset);
        k > 0 && offset < self.ranges[k - 1].1
    }
}

/// A paragraph holding a picture credit: `Image:` / `Photo:` / `Photograph:` / `Picture:`
/// opening a line or a sentence, or an agency's `(AP Photo` / `(Reuters Photo`.
pub(crate) fn is_caption(p: &str) -> bool {
    const CREDITS: &[&str] = &[
        "Image:",
        "Photo:",
        "Photograph:",
        "Picture:",
        "Photo credit:",
    ];
    const AGENCY: &[&str] = &["(AP Photo", "(AFP Photo", "(Reuters Photo", "(Xinhua Photo"];
    // Every credit ends in a colon and every agency form holds `Photo`: most paragraphs
    // have neither, and are ruled out by one byte search each.
    static PHOTO: std::sync::OnceLock<memchr::memmem::Finder<'static>> = std::sync::OnceLock::new();
    let photo = PHOTO
        .get_or_init(|| memchr::memmem::Finder::new(b" Photo"))
        .find(p.as_bytes())
        .is_some();
    if !photo && memchr::memchr(b':', p.as_bytes()).is_none() {
        return false;
    }
    if photo && AGENCY.iter().any(|a| p.contains(a)) {
        return true;
    }
    CREDITS.iter().any(|c| {
        p.match_indices(c).any(|(at, _)| {
            let before = p[..at].trim_end_matches(' ');
            before.is_empty() || before.ends_with(['\n', '.', '!', '?', '|'])
        })
    })
}

/// The mention signs a statement off rather than naming someone in a sentence: it opens a
/// sentence (or its paragraph) and nothing after it to the end of the paragraph is a
/// lower-case word (`… misguided decision. John Cornyn, U.S. Senator (R-Texas)`).
pub(crate) fn sign_off(
    text: &str,
    article: &crate::article::Article,
    span: crate::span::Span,
) -> bool {
    let paras = &article.paragraphs;
    let k = paras.partition_point(|p| p.span.start <= span.start);
    let Some(p) = k.checked_sub(1).map(|k| &paras[k]) else {
        return false;
    };
    if span.end > p.span.end {
        return false;
    }
    let before = text[p.span.start..span.start].trim_end();
    let after = &text[span.end..p.span.end];
    if !(before.is_empty() || before.ends_with(['.', '!', '?', '"', '\u{201d}']))
        || after.len() > 80
        || after.trim().is_empty()
    {
        return false;
    }
    after.split_whitespace().all(|w| {
        w.chars()
            .find(|c| c.is_alphabetic())
            .map_or(true, char::is_uppercase)
    })
}

/// The name modifies a noun after an article (`the Tom Cruise video`, `a John Lennon
/// song`): it names a thing, not the person again.
pub(crate) fn attributive_name(text: &str, start: usize) -> bool {
    let before = &text[..start];
    ["the ", "The ", "a ", "A ", "an ", "An "].iter().any(|d| {
        before
            .strip_suffix(d)
            .is_some_and(|b| b.is_empty() || b.ends_with(|c: char| !c.is_alphanumeric()))
    })
}

/// Another entity of the story has the surname among its words (`Hilton Hotels Corp`
/// beside `Conrad Hilton`, `Dean Foods` beside `Howard Dean`): the full name tells them
/// apart. Asked only of a name that would be flagged.
pub(crate) fn surname_names_another(
    entities: &crate::entities::Entities,
    e: &crate::entities::Entity,
    surname: &str,
) -> bool {
    entities.iter().any(|o| {
        !std::ptr::eq(o, e)
            && o.canonical != e.canonical
            && o.canonical.split_whitespace().any(|w| w == surname)
    })
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
    entities: &crate::entities::Entities,
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
        // `Bill and Hillary Clinton`: the full name after a given name and `and` (a surname
        // after `the White House and` is no such pair).
        let before = &text[..m.span.start];
        let before = before
            .strip_suffix(" and ")
            .or_else(|| before.strip_suffix(" & "))
            .filter(|_| m.form == crate::entities::MentionForm::Full);
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
    // `Barron Hilton` beside `Conrad Hilton` (the son's given name is in no list, so he
    // is no entity): a capitalized word other than the person's own given names right
    // before the surname, that is not a title, a stopword or a demonym.
    let own: Vec<&str> = e.canonical.split_whitespace().collect();
    // Where the surname stands after a space: from the story's index of the words after
    // a space (built once per story) rather than a search of the whole text per person.
    // A surname with a space in it (never from `surname_of`) is searched for directly.
    let found: Vec<usize> =
        if surname.contains(char::is_whitespace) || leading_run(surname).is_empty() {
            text.match_indices(surname).map(|(at, _)| at).collect()
        } else {
            families
                .get_or_init(|| Families::new(text, entities))
                .after_space(text, surname)
        };
    for at in found {
        let end = at + surname.len();
        if text[end..].starts_with(|c: char| c.is_alphanumeric()) || !text[..at].ends_with(' ') {
            continue;
        }
        let before = text[..at - 1]
            .rsplit([' ', '\n', '(', '"', '\u{201c}'])
            .next()
            .unwrap_or_default();
        if before.is_empty()
            || own.contains(&before)
            || !crate::entities::tokens::is_title_case(before)
        {
            continue;
        }
        const NOT_GIVEN: crate::entities::lexicon::Classes = crate::entities::lexicon::class::TITLE
            | crate::entities::lexicon::class::STOPWORD
            | crate::entities::lexicon::class::DEMONYM
            | crate::entities::lexicon::class::CONNECTOR
            | crate::entities::lexicon::class::ORG_WORD
            | crate::entities::lexicon::class::ROLE_NOUN;
        let w = before.trim_end_matches('.');
        // A capital opening a sentence (`Only Volcker's allies`) is no given name unless the
        // lists say it may be one (`Barron Hilton`) or an appositive follows the pair
        // (`Tavin Brandvold, the senator's son, …`).
        let opens = text[..at - 1 - before.len()].trim_end_matches([' ', '(', '"', '\u{201c}']);
        let opens = opens.is_empty() || opens.ends_with(['.', '!', '?', '\n', ':']);
        if opens
            && !text[end..].starts_with(", ")
            && crate::entities::lexicon::classes(w)
                & (crate::entities::lexicon::class::GIVEN_NAME
                    | crate::entities::lexicon::class::SURNAME)
                == 0
        {
            continue;
        }
        if (crate::entities::lexicon::classes(w) | crate::entities::lexicon::classes(before))
            & NOT_GIVEN
            != 0
            || crate::entities::lexicon::is_abbreviation(before)
            || crate::entities::places::lookup_place(w).is_some()
        {
            continue;
        }
        return true;
    }
    let family = format!("{surname}s");
    families
        .get_or_init(|| Families::new(text, entities))
        .has(text, &family)
}

/// Where `the ` is followed by a word (`the Clintons`), by that word: one pass over the
/// story, built the first time a rule asks, instead of a search of the whole story for each
/// name it would flag (which was quadratic on a long story of many names).
pub(crate) struct Families<'a> {
    /// The run of alphanumeric characters after each `the ` -> the offsets where it starts,
    /// for the runs a family of the story's entities can open with (`{surname}s`).
    after_the: FxHashMap<&'a str, Vec<usize>>,
    /// The same after each space, for the runs a surname of the story's entities opens.
    after_space: FxHashMap<&'a str, Vec<usize>>,
}

impl<'a> Families<'a> {
    /// Only the runs some entity's family (`{surname}s`) opens with are kept: the only
    /// ones [`Families::has`] is asked about, as `has_relative` asks of the story's
    /// entities. A first-byte table rules out most words before their run is read.
    pub(crate) fn new(text: &'a str, entities: &crate::entities::Entities) -> Self {
        let mut keys: rustc_hash::FxHashSet<String> = rustc_hash::FxHashSet::default();
        let mut surname_keys: rustc_hash::FxHashSet<&str> = rustc_hash::FxHashSet::default();
        let mut first_bytes = [false; 256];
        for s in entities.iter().filter_map(|o| o.surname.as_deref()) {
            let run = leading_run(s);
            if !run.is_empty() {
                surname_keys.insert(run);
            }
            let family = format!("{s}s");
            let run = leading_run(&family);
            if let Some(&b) = run.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
                keys.insert(run.to_string());
            }
        }
        let mut after_the: FxHashMap<&'a str, Vec<usize>> = FxHashMap::default();
        let mut after_space: FxHashMap<&'a str, Vec<usize>> = FxHashMap::default();
        if keys.is_empty() {
            return Families {
                after_the,
                after_space,
            };
        }
        // A surname opens with the same byte as its family (`Clinton`, `Clintons`).
        // Spaces are every few bytes: a plain pass over byte pairs beats a memchr call
        // per space.
        let bytes = text.as_bytes();
        for (at, pair) in bytes.windows(2).enumerate() {
            if pair[0] != b' ' || !first_bytes[usize::from(pair[1])] {
                continue;
            }
            let start = at + 1;
            let run = leading_run(&text[start..]);
            if !run.is_empty() && surname_keys.contains(run) {
                after_space.entry(run).or_default().push(start);
            }
        }
        for at in memchr::memmem::find_iter(text.as_bytes(), b"the ") {
            let start = at + 4;
            if !text
                .as_bytes()
                .get(start)
                .is_some_and(|&b| first_bytes[usize::from(b)])
            {
                continue;
            }
            let run = leading_run(&text[start..]);
            if !run.is_empty() && keys.contains(run) {
                after_the.entry(run).or_default().push(start);
            }
        }
        Families {
            after_the,
            after_space,
        }
    }

    /// Every offset where `surname` (no whitespace in it) starts right after a space, in
    /// text order: what `text.match_indices(surname)` finds there.
    fn after_space(&self, text: &str, surname: &str) -> Vec<usize> {
        self.after_space
            .get(leading_run(surname))
            .map(|starts| {
                starts
                    .iter()
                    .copied()
                    .filter(|&at| text[at..].starts_with(surname))
                    .collect()
            })
            .unwrap_or_default()
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
    // ASCII letters and digits byte by byte; from the first other byte on, by character.
    let ascii = s
        .bytes()
        .position(|b| !b.is_ascii_alphanumeric())
        .unwrap_or(s.len());
    if s.as_bytes().get(ascii).map_or(true, |&b| b.is_ascii()) {
        return &s[..ascii];
    }
    let end = s[ascii..]
        .find(|c: char| !c.is_alphanumeric())
        .map_or(s.len(), |i| ascii + i);
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
