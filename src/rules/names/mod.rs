//! `names/*`: reference style for people and organizations (AP): full name first, surname
//! after, one spelling throughout, acronyms spelled out before they stand alone.
//!
//! The rules read the entities recognized by [`crate::entities`] (in [`super::Context`]).

mod acronym_before_spelled_out;
mod full_name_repeated;
pub(crate) mod near_index;
pub(crate) mod near_miss;
pub(crate) mod paragraphs;
mod spelling_drift;
mod surname_before_full;

pub use acronym_before_spelled_out::AcronymBeforeSpelledOut;
pub use full_name_repeated::FullNameRepeated;
pub use near_miss::NearMiss;
pub use paragraphs::ParagraphNames;
pub use spelling_drift::SpellingDrift;
pub use surname_before_full::SurnameBeforeFull;

use rustc_hash::FxHashMap;

use super::Rule;

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

/// What the story-wide `names/` rules share in one analysis ([`super::Context`]).
#[derive(Default)]
pub(crate) struct Shared {
    pub(crate) captions: std::cell::OnceCell<Captions>,
    pub(crate) quoted: std::cell::OnceCell<Quoted>,
}

/// Where the story's photo captions lie: a paragraph holding a picture credit (`Image:
/// UK Government.`, `Photo: …`, `(AP Photo/…)`) describes a picture, and the names in it
/// are not the story's references (`Braverman (left) and Sunak (right) …`). Paragraphs in
/// order, so a binary search answers "is this offset in a caption?".
pub(crate) struct Captions {
    ranges: Vec<(usize, usize)>,
}

impl Captions {
    /// From the paragraphs' parts (kept across keystrokes), or the text when they do not
    /// fit the paragraphs.
    pub(crate) fn new(cx: &super::Context<'_>) -> Self {
        let (text, article) = (cx.text, cx.article);
        let fits = cx.names.len() == article.paragraphs.len();
        let mut ranges: Vec<(usize, usize)> = article
            .paragraphs
            .iter()
            .enumerate()
            .filter(|&(i, p)| {
                let para = p.span.text(text);
                if fits {
                    cx.names[i].caption(para)
                } else {
                    is_caption(para)
                }
            })
            .map(|(_, p)| (p.span.start, p.span.end))
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

/// For each word of the story's entity names, a name holding it and whether every name
/// holding it is that one: built once, when a rule first asks, instead of asking every
/// entity for each name that would be flagged (quadratic in a long story's names).
pub(crate) struct WordNames<'a>(FxHashMap<&'a str, (&'a str, bool)>);

impl<'a> WordNames<'a> {
    pub(crate) fn new(entities: &'a crate::entities::Entities) -> Self {
        let mut map: FxHashMap<&'a str, (&'a str, bool)> = FxHashMap::default();
        for o in entities.iter() {
            let name = o.canonical.as_str();
            for w in name.split_whitespace() {
                map.entry(w)
                    .and_modify(|(first, same)| *same &= *first == name)
                    .or_insert((name, true));
            }
        }
        WordNames(map)
    }

    /// Another entity of the story has the surname among its words (`Hilton Hotels Corp`
    /// beside `Conrad Hilton`, `Dean Foods` beside `Howard Dean`): the full name tells them
    /// apart. `name`: the person's canonical name.
    pub(crate) fn other_than(&self, surname: &str, name: &str) -> bool {
        self.0
            .get(surname)
            .is_some_and(|&(first, same)| !same || first != name)
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
    cx: &super::Context<'a>,
    e: &crate::entities::Entity,
    families: &std::cell::OnceCell<Families<'a>>,
) -> bool {
    const SUFFIXES: &[&str] = &["Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV"];
    let text = cx.text;
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
    // a space (merged from the paragraphs' parts) rather than a search of the whole text
    // per person. A surname with a space in it (never from `surname_of`), or one the
    // index does not hold (opening with a lower-case letter), is searched for directly.
    let run = leading_run(surname);
    let found: Vec<usize> = if surname.contains(char::is_whitespace)
        || run.is_empty()
        || !paragraphs::indexed_first_byte(run.as_bytes()[0])
    {
        text.match_indices(surname).map(|(at, _)| at).collect()
    } else {
        families
            .get_or_init(|| Families::new(cx))
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
        if !given_name_like(before) {
            continue;
        }
        return true;
    }
    let family = format!("{surname}s");
    let run = leading_run(&family);
    if run.is_empty() {
        return false;
    }
    if !paragraphs::indexed_first_byte(run.as_bytes()[0]) {
        // Not in the index: every `the ` of the text.
        return memchr::memmem::find_iter(text.as_bytes(), b"the ").any(|at| {
            text[at + 4..]
                .strip_prefix(family.as_str())
                .is_some_and(|rest| !rest.starts_with(|c: char| c.is_alphanumeric()))
        });
    }
    families
        .get_or_init(|| Families::new(cx))
        .has(text, &family)
}

/// A capitalized word `has_relative` may take for a relative's given name before a
/// surname, whatever the surname and the person: not a title, a stopword, a demonym, a
/// connector, an organization word or a role noun, an abbreviation or a place.
pub(crate) fn given_name_like(before: &str) -> bool {
    const NOT_GIVEN: crate::entities::lexicon::Classes = crate::entities::lexicon::class::TITLE
        | crate::entities::lexicon::class::STOPWORD
        | crate::entities::lexicon::class::DEMONYM
        | crate::entities::lexicon::class::CONNECTOR
        | crate::entities::lexicon::class::ORG_WORD
        | crate::entities::lexicon::class::ROLE_NOUN;
    if before.is_empty() || !crate::entities::tokens::is_title_case(before) {
        return false;
    }
    let w = before.trim_end_matches('.');
    (crate::entities::lexicon::classes(w) | crate::entities::lexicon::classes(before)) & NOT_GIVEN
        == 0
        && !crate::entities::lexicon::is_abbreviation(before)
        && crate::entities::places::lookup_place(w).is_none()
}

/// Where `the ` is followed by a word (`the Clintons`), by that word, and where a surname
/// stands after a space: merged per analysis from the paragraphs' parts
/// ([`paragraphs::ParagraphNames`], kept across keystrokes by paragraph text) and a pass
/// over the text between paragraphs, built the first time a rule asks. (A search of the
/// whole story for each name was quadratic; a pass over the whole story on each
/// keystroke was most of the cost of a long one.)
pub(crate) struct Families<'a> {
    /// The run of alphanumeric characters after each `the ` -> the offsets where it starts,
    /// for the runs a family of the story's entities can open with (`{surname}s`).
    after_the: FxHashMap<&'a str, Vec<usize>>,
    /// The same after each space, for the runs a surname of the story's entities opens
    /// (in the paragraphs: only where the word before may be a given name).
    after_space: FxHashMap<&'a str, Vec<usize>>,
}

/// The runs [`Families`] keeps: those some entity's surname (`after_space`) or family
/// (`{surname}s`, `after_the`) opens with.
struct Keys<'a> {
    /// Leading runs of the surnames.
    surnames: rustc_hash::FxHashSet<&'a str>,
    /// Surnames all letters and digits: their family's run is the surname and `s`.
    whole: rustc_hash::FxHashSet<&'a str>,
    /// The family's run of the other surnames (their leading run, `s` not reached).
    other: rustc_hash::FxHashSet<&'a str>,
}

impl Keys<'_> {
    fn family(&self, run: &str) -> bool {
        run.strip_suffix('s')
            .is_some_and(|s| self.whole.contains(s))
            || self.other.contains(run)
    }
}

impl<'a> Families<'a> {
    /// Only the runs some entity's surname or family (`{surname}s`) opens with are kept:
    /// the only ones [`Families::has`] and [`Families::after_space`] are asked about, as
    /// `has_relative` asks of the story's entities.
    pub(crate) fn new(cx: &super::Context<'a>) -> Self {
        let text = cx.text;
        let mut keys = Keys {
            surnames: Default::default(),
            whole: Default::default(),
            other: Default::default(),
        };
        let mut first_bytes = [false; 256];
        for s in cx.entities.iter().filter_map(|o| o.surname.as_deref()) {
            let run = leading_run(s);
            if let Some(&b) = run.as_bytes().first() {
                // A surname opens with the same byte as its family (`Clinton`, `Clintons`).
                first_bytes[usize::from(b)] = true;
                keys.surnames.insert(run);
                if run.len() == s.len() {
                    keys.whole.insert(s);
                } else {
                    keys.other.insert(run);
                }
            }
        }
        let mut families = Families {
            after_the: FxHashMap::default(),
            after_space: FxHashMap::default(),
        };
        if keys.surnames.is_empty() {
            return families;
        }
        let paras = &cx.article.paragraphs;
        let parts_fit = cx.names.len() == paras.len()
            && paras.iter().all(|p| {
                p.span.start <= p.span.end && text.get(p.span.start..p.span.end).is_some()
            })
            && paras.windows(2).all(|w| w[0].span.end <= w[1].span.start);
        if !parts_fit {
            families.scan(text, 0, text.len(), 0, text.len(), &keys, &first_bytes);
            return families;
        }
        // The text before, between and after the paragraphs, and the first places of each
        // (whose space or `the ` may stand before it), read here; the rest from the parts.
        let mut from = 0;
        for (p, part) in paras.iter().zip(cx.names) {
            let (s, e) = (p.span.start, p.span.end);
            families.scan(
                text,
                from,
                (s + 1).min(e).max(from),
                from,
                (s + 4).min(e).max(from),
                &keys,
                &first_bytes,
            );
            let para = &text[s..e];
            let runs = part.runs(para);
            let run_at = |&(at, len): &paragraphs::Run| {
                let start = s + at;
                let run = if at + len == para.len() {
                    leading_run(&text[start..])
                } else {
                    &text[start..start + len]
                };
                (start, run)
            };
            for (start, run) in runs.the.iter().map(run_at) {
                if keys.family(run) {
                    families.after_the.entry(run).or_default().push(start);
                }
            }
            for (start, run) in runs.spaced.iter().map(run_at) {
                if keys.surnames.contains(run) {
                    families.after_space.entry(run).or_default().push(start);
                }
            }
            from = e.max(from);
        }
        families.scan(
            text,
            from,
            text.len(),
            from,
            text.len(),
            &keys,
            &first_bytes,
        );
        families
    }

    /// Index the runs starting in `[space_from, space_to)` after a space and in
    /// `[the_from, the_to)` after `the `, reading the text itself.
    #[allow(clippy::too_many_arguments)]
    fn scan(
        &mut self,
        text: &'a str,
        space_from: usize,
        space_to: usize,
        the_from: usize,
        the_to: usize,
        keys: &Keys<'_>,
        first_bytes: &[bool; 256],
    ) {
        let bytes = text.as_bytes();
        for start in space_from.max(1)..space_to.min(bytes.len()) {
            if bytes[start - 1] != b' ' || !first_bytes[usize::from(bytes[start])] {
                continue;
            }
            let run = leading_run(&text[start..]);
            if !run.is_empty() && keys.surnames.contains(run) {
                self.after_space.entry(run).or_default().push(start);
            }
        }
        let (the_from, the_to) = (the_from.max(4), the_to.min(bytes.len()));
        let mut each = |start: usize| {
            if !first_bytes[usize::from(bytes[start])] {
                return;
            }
            let run = leading_run(&text[start..]);
            if !run.is_empty() && keys.family(run) {
                self.after_the.entry(run).or_default().push(start);
            }
        };
        if the_to.saturating_sub(the_from) > 64 {
            // A long stretch (the whole text, for a single analysis): one search.
            static THE: std::sync::OnceLock<memchr::memmem::Finder<'static>> =
                std::sync::OnceLock::new();
            let finder = THE.get_or_init(|| memchr::memmem::Finder::new(b"the "));
            for at in finder.find_iter(&bytes[the_from - 4..the_to]) {
                // `the ` ends by `the_to`; the run must start before it.
                if the_from + at < the_to {
                    each(the_from + at);
                }
            }
        } else {
            for start in the_from..the_to {
                if &bytes[start - 4..start] == b"the " {
                    each(start);
                }
            }
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

/// Line numbers for messages: the line starts read on first use, only as far into the
/// text as asked (the references a message names are mostly near the top: a long story
/// is not read to its end for them), as [`crate::text::LineIndex`] counts lines.
pub(crate) struct Lines<'a> {
    text: &'a str,
    /// Where each line starts, for the breaks before `scanned`.
    starts: std::cell::RefCell<Vec<usize>>,
    scanned: std::cell::Cell<usize>,
}

impl<'a> Lines<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        Lines {
            text,
            starts: std::cell::RefCell::new(vec![0]),
            scanned: std::cell::Cell::new(0),
        }
    }

    /// 1-based line of byte `offset` (lines break at `\n`, `\r\n` and `\r`).
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        let bytes = self.text.as_bytes();
        let offset = offset.min(bytes.len());
        let mut starts = self.starts.borrow_mut();
        let scanned = self.scanned.get();
        if offset > scanned {
            // Read on, at least twice as far as before, so a long text is read once.
            const FIRST: usize = if cfg!(test) { 3 } else { 1 << 16 };
            let to = offset
                .max(scanned.saturating_mul(2))
                .max(FIRST)
                .min(bytes.len());
            for i in memchr::memchr2_iter(b'\n', b'\r', &bytes[scanned..to]) {
                let i = scanned + i;
                // `\r\n` is one break, counted at its `\n`.
                if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                    continue;
                }
                starts.push(i + 1);
            }
            self.scanned.set(to);
        }
        // Every break before `offset` is read: it is at most `scanned`.
        starts.partition_point(|&s| s <= offset)
    }
}

#[cfg(test)]
mod tests;
