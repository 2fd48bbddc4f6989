use rustc_hash::FxHashMap as HashMap;

use crate::declare_rule;
use crate::entities::lexicon::sets::{
    CONNECTORS, DEMONYMS, ORG_WORDS, OTHER_WORDS, STOPWORDS, TITLES,
};
use crate::entities::lookup_place;
use crate::entities::tokens::is_title_case;
use crate::entities::EntityKind;
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// A name is spelled almost like a name already in the story or in the names file.
    ///
    /// Transliterated names drift: `Medvedyev` beside `Medvedev`, `Keqaing` beside
    /// `Keqiang`. A word is reported when it is one or two letters away from a person's
    /// name in the article (the spelling used more often, or first, is taken as right) or
    /// from an entry of the desk's names file (always right).
    ///
    /// ## Example
    ///
    /// ```text
    /// Russian Prime Minister Dmitry Medvedev arrived on Thursday.
    ///
    /// Medvedyev said the deal would help farmers.
    /// ```
    ///
    /// Write instead:
    ///
    /// ```text
    /// Medvedev said the deal would help farmers.
    /// ```
    ///
    /// The quick fix writes the known spelling (preferred when the names file or a clear
    /// majority says so). Two people are not reported: a word with a given name the other
    /// never has (`Donald Regan` beside `President Reagan`), or a surname introduced with
    /// its own title. Plurals, possessives and given names are not checked. A word that
    /// names a place (`Paris` beside a `Daniel Parris`) is checked only where the story
    /// writes it as a person: after the person's given name (`Ellen Boden` beside `Ellen
    /// Bolden`), or every time inside a sentence as a subject, never after a preposition
    /// (`Paris also wanted`, not `in Paris`).
    pub struct NearMiss {
        code: "names/near-miss",
        severity: Warning,
        summary: "a name is spelled almost like a known name",
    }
}

/// A spelling taken as right: the word, where it first occurs, and whether the names
/// file says so.
struct Reference<'a> {
    word: &'a str,
    /// The word's length in characters.
    chars: usize,
    first: Option<Span>,
    from_file: bool,
}

/// `a` (of `la` characters) is one or two letters away from `b` (of `lb`).
pub(crate) fn near(a: &str, la: usize, b: &str, lb: usize) -> bool {
    if la < 4 || lb < 4 || a.chars().next() != b.chars().next() {
        return false;
    }
    let most = (la.min(lb) / 4).clamp(1, 2);
    // The distance is at least the difference in length: no need to compute it then.
    if la.abs_diff(lb) > most {
        return false;
    }
    if a.eq_ignore_ascii_case(b) || a.strip_suffix('s') == Some(b) || b.strip_suffix('s') == Some(a)
    {
        return false;
    }
    if !may_be_near(a, la, b, lb, most) {
        return false;
    }
    let d = strsim::damerau_levenshtein(a, b);
    d >= 1 && d <= most && strsim::jaro_winkler(a, b) >= similarity(d, la.min(lb))
}

/// The Jaro–Winkler similarity a spelling `d` edits away must reach. One letter replaced
/// inside a name can shift Jaro's matches (`Mervedev` for `Medvedev` scores 0.895, `Tramp`
/// for `Trump` 0.893): one edit in a name of five letters or more needs less than two
/// (`Late` for `Lane` does not pass).
fn similarity(d: usize, chars: usize) -> f64 {
    if d <= 1 && chars >= 5 {
        0.85
    } else {
        0.9
    }
}

/// Cheap tests that only ever say no where [`near`]'s distances would: a word compared
/// with many spellings (a story naming thousands of people) is rejected in a pass over its
/// characters instead of two allocating dynamic programs.
///
/// * Letters in common (a multiset, ASCII words): each edit changes at most one on each
///   side, so `max(la, lb) - common` is at most the Damerau–Levenshtein distance; and the
///   Jaro similarity counts at most `common` matches, which bounds the Jaro–Winkler score
///   from above (`(m/la + m/lb + 1) / 3` plus the prefix bonus of at most four letters).
/// * One edit allowed: after the common prefix and suffix, what is left must be one
///   substitution, insertion, deletion or adjacent transposition.
fn may_be_near(a: &str, la: usize, b: &str, lb: usize, most: usize) -> bool {
    if most == 1 && !one_edit(a, b) {
        return false;
    }
    let common = if a.is_ascii() && b.is_ascii() {
        let mut count = [0i32; 128];
        for &c in a.as_bytes() {
            count[usize::from(c)] += 1;
        }
        let mut common = 0usize;
        for &c in b.as_bytes() {
            let k = &mut count[usize::from(c)];
            if *k > 0 {
                *k -= 1;
                common += 1;
            }
        }
        common
    } else {
        la.min(lb)
    };
    if la.max(lb) - common > most {
        return false;
    }
    if common == 0 {
        return false; // Jaro–Winkler 0
    }
    let m = common as f64;
    let jaro = (m / la as f64 + m / lb as f64 + 1.0) / 3.0;
    let prefix = a
        .chars()
        .zip(b.chars())
        .take(4)
        .take_while(|(x, y)| x == y)
        .count();
    let best = jaro + 0.1 * prefix as f64 * (1.0 - jaro);
    best >= similarity(1, 6) - 1e-9
}

/// `a` and `b` are at most one edit apart (equal, one substitution, insertion, deletion,
/// or one transposition of adjacent characters).
fn one_edit(a: &str, b: &str) -> bool {
    let p = a
        .char_indices()
        .zip(b.chars())
        .find(|((_, x), y)| x != y)
        .map_or(a.len().min(b.len()), |((i, _), _)| i);
    // `p` is a boundary in both: the characters before it are the same.
    let (ra, rb) = (&a[p..], &b[p..]);
    let s = ra
        .chars()
        .rev()
        .zip(rb.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum::<usize>();
    let (ra, rb) = (&ra[..ra.len() - s], &rb[..rb.len() - s]);
    let mut xa = ra.chars();
    let mut xb = rb.chars();
    match (
        xa.next(),
        xa.next(),
        xa.next(),
        xb.next(),
        xb.next(),
        xb.next(),
    ) {
        // Equal, or one insertion or deletion.
        (None, _, _, _, None, _) | (_, None, _, None, _, _) => true,
        // One substitution.
        (Some(_), None, _, Some(_), None, _) => true,
        // One transposition.
        (Some(x1), Some(x2), None, Some(y1), Some(y2), None) => x1 == y2 && x2 == y1,
        _ => false,
    }
}

/// A given name: not a common word, title, demonym or organization word.
fn given_name(w: &str) -> bool {
    !STOPWORDS.contains(w) && !TITLES.contains(w) && !DEMONYMS.contains(w) && !ORG_WORDS.contains(w)
}

/// Beside [`crate::words::PLACE_PREPOSITIONS`], the words a place's name follows (`the
/// Basra office`, `visited Basra`): after one of them a name is read as the place.
const PLACE_LEADS: &[&str] = &[
    "of", "into", "the", "around", "toward", "towards", "via", "through", "for", "by", "on",
    "inside", "between", "and", "or", "a", "an", "west", "east", "north", "south", "central",
    "northern", "southern", "eastern", "western", "visit", "visited", "visiting", "left", "reach",
    "reached",
];

/// Whether the word at `span` stands where a person does: inside a sentence (not
/// opening one), not after a word a place follows, and followed by a lowercase word (a verb: `Basya also believes`, `Moxon
/// proceeded`), not by punctuation, a capital or the end of the paragraph.
fn person_slot(text: &str, span: Span) -> bool {
    let before = text[..span.start].trim_end_matches(['"', '“', '‘', '\'', '(', ' ']);
    // A capital opening a sentence says nothing (`Young and new faces emerged`).
    if before.is_empty() || before.ends_with(['.', '!', '?', ':', '\n', '\r']) {
        return false;
    }
    let prev = before
        .rsplit(|c: char| c.is_whitespace())
        .next()
        .unwrap_or_default();
    if crate::words::PLACE_PREPOSITIONS
        .iter()
        .chain(PLACE_LEADS)
        .any(|l| prev.eq_ignore_ascii_case(l))
    {
        return false;
    }
    let after = &text[span.end..];
    let Some(rest) = after.strip_prefix(' ') else {
        return false;
    };
    rest.chars().next().is_some_and(char::is_lowercase)
}

/// End of a chain in [`Word`]'s lists.
const NONE: usize = usize::MAX;

/// The items of a chain of `(item, next)` links starting at `head`.
fn chain<T: Copy>(list: &[(T, usize)], head: usize) -> impl Iterator<Item = T> + '_ {
    std::iter::successors((head != NONE).then_some(head), move |&i| {
        let n = list[i].1;
        (n != NONE).then_some(n)
    })
    .map(move |i| list[i].0)
}

/// A capitalized word of the body. Its occurrences and the given names written before it
/// are chains through two lists shared by all words (one allocation each, not two per
/// word).
#[derive(Clone, Copy)]
struct Word<'t> {
    text: &'t str,
    /// Its word lists ([`crate::entities::lexicon::classes`], from its token).
    class: crate::entities::lexicon::Classes,
    first: Span,
    count: usize,
    /// First and last link of its chain in the occurrences.
    occ_head: usize,
    occ_tail: usize,
    /// First and last link of its chain in the capitalized words written right before it
    /// (its given names are those that pass [`given_name`]).
    given_head: usize,
    given_tail: usize,
    /// It is itself followed by a capitalized word: a given name or part of a longer name.
    leads: bool,
}

/// Append `item` to the chain `(head, tail)` in `list`.
fn link<T>(list: &mut Vec<(T, usize)>, head: &mut usize, tail: &mut usize, item: T) {
    let k = list.len();
    list.push((item, NONE));
    if *head == NONE {
        *head = k;
    } else {
        list[*tail].1 = k;
    }
    *tail = k;
}

impl Rule for NearMiss {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let text = cx.text;
        // Every capitalized word of the body, with its occurrences, in order of first use.
        let mut index: HashMap<&str, usize> = HashMap::default();
        let mut words: Vec<Word<'_>> = Vec::with_capacity(128);
        let mut occurrences: Vec<(Span, usize)> = Vec::with_capacity(256);
        let mut givens: Vec<(&str, usize)> = Vec::new();
        // The spellings taken as right: surnames of the people in the story, and every
        // word of the names file.
        let mut refs: Vec<Reference<'_>> = Vec::new();
        for e in &cx.config.names.entries {
            for form in std::iter::once(&e.name).chain(e.aliases.iter()) {
                // The names in a name, not its common words (`Union`, `of`).
                let names = form.split_whitespace().filter(|w| {
                    is_title_case(w)
                        && !ORG_WORDS.contains(w)
                        && !OTHER_WORDS.contains(w)
                        && !CONNECTORS.contains(w)
                });
                for w in names {
                    refs.push(Reference {
                        word: w,
                        chars: w.chars().count(),
                        first: None,
                        from_file: true,
                    });
                }
            }
        }
        for e in cx.entities.iter() {
            if e.kind != EntityKind::Person {
                continue;
            }
            if let Some(s) = e.surname.as_deref() {
                refs.push(Reference {
                    word: s,
                    chars: s.chars().count(),
                    first: None, // read from the index below
                    from_file: false,
                });
            }
        }
        // A near spelling starts with the same character, so the same byte: the references
        // by first byte, each group in the order above (the first near one is taken).
        let key = |w: &str| w.as_bytes().first().map_or(256, |&b| usize::from(b));
        if refs.is_empty() {
            return; // nothing to be near
        }
        let mut first_bytes = [false; 257];
        for r in &refs {
            first_bytes[key(r.word)] = true;
        }
        // Only the words opening with such a byte are read: no other word can be near a
        // reference, and no reference is such a word.
        // The capitalized words of each paragraph, from its part (kept across keystrokes
        // with its words) when there is one.
        let parts = (cx.names.len() == cx.article.paragraphs.len()).then_some(cx.names);
        for (k, (p, toks)) in cx.article.paragraphs.iter().zip(cx.words).enumerate() {
            // The paragraph's words, relative to its start: `block` is what their spans
            // index, `base` moves a span to document offsets.
            let block = p.span.text(text);
            let base = p.span.start;
            let kept = parts.and_then(|parts| parts[k].capitalized(toks));
            let all = || (0..toks.len()).filter(|&i| toks[i].title_case());
            let capitalized: &mut dyn Iterator<Item = usize> = match kept {
                Some(which) => &mut which.iter().map(|&i| i as usize),
                None => &mut all(),
            };
            for i in capitalized {
                let t = &toks[i];
                if !block
                    .as_bytes()
                    .get(t.span.start)
                    .is_some_and(|&b| first_bytes[usize::from(b)])
                {
                    continue;
                }
                let w = t.text(block);
                let at = t.shifted(base).span;
                let k = *index.entry(w).or_insert_with(|| {
                    words.push(Word {
                        text: w,
                        class: t.class,
                        first: at,
                        count: 0,
                        occ_head: NONE,
                        occ_tail: NONE,
                        given_head: NONE,
                        given_tail: NONE,
                        leads: false,
                    });
                    words.len() - 1
                });
                let word = &mut words[k];
                word.count += 1;
                link(&mut occurrences, &mut word.occ_head, &mut word.occ_tail, at);
                // The given name written right before it (`Donald` in `Donald Regan`).
                if let Some(prev) = i.checked_sub(1).map(|j| &toks[j]) {
                    if t.joined && !prev.possessive && prev.title_case() {
                        // Whether it is a given name and not a common word is asked when
                        // the list is read (rarely): see `given` below.
                        let g = prev.text(block);
                        link(&mut givens, &mut word.given_head, &mut word.given_tail, g);
                    }
                }
                let next = toks.get(i + 1);
                word.leads |= next.is_some_and(|n| n.joined && !t.possessive && n.title_case());
            }
        }

        for r in refs.iter_mut().filter(|r| !r.from_file) {
            r.first = index.get(r.word).map(|&k| words[k].first);
        }
        let mut by_byte: Vec<usize> = (0..refs.len()).collect();
        by_byte.sort_by_key(|&i| (key(refs[i].word), i));
        let group = |w: &str| {
            let k = key(w);
            let from = by_byte.partition_point(|&i| key(refs[i].word) < k);
            let to = by_byte.partition_point(|&i| key(refs[i].word) <= k);
            by_byte[from..to].iter().map(|&i| &refs[i])
        };
        // Many references: compare each word with those an index says may be near it
        // (the same ones in the same order, fewer to skip), not with its whole group.
        let index_of = |refs: &[Reference<'_>]| {
            (refs.len() >= super::near_index::WORTH_IT).then(|| {
                let mut ix = super::near_index::NearIndex::default();
                for (i, r) in refs.iter().enumerate() {
                    ix.insert(i, r.word);
                }
                ix
            })
        };
        // The names file's words come first: for a word that only they can correct (see
        // `only_file` below), those alone. Both indexes are built when first needed.
        let n_file = refs.iter().take_while(|r| r.from_file).count();
        let near_index = std::cell::OnceCell::new();
        let file_index = std::cell::OnceCell::new();
        let from_file: rustc_hash::FxHashSet<&str> = refs
            .iter()
            .filter(|r| r.from_file)
            .map(|r| r.word)
            .collect();
        // Surnames introduced with a title or role, gathered when first needed.
        // A courtesy title (`Mr. Medvedyev`) says nothing of who is meant: it does not make
        // a person of its own.
        const COURTESY: &[&str] = &["Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Miss"];
        fn title_of(role: &str) -> &str {
            role.split_whitespace().last().unwrap_or_default()
        }
        let introduced: std::cell::OnceCell<rustc_hash::FxHashMap<&str, &str>> =
            std::cell::OnceCell::new();
        let introduced_map = || {
            introduced.get_or_init(|| {
                cx.entities
                    .iter()
                    .filter(|e| e.kind == EntityKind::Person)
                    .filter_map(|e| Some((e.surname.as_deref()?, title_of(e.role.as_deref()?))))
                    .filter(|(_, t)| !COURTESY.contains(t))
                    .collect()
            })
        };
        let introduced_set = || introduced_map();
        let count_of = |w: &str| index.get(w).map_or(0, |&k| words[k].count);
        let lines = super::Lines::new(text);

        for word in &words {
            let w = word.text;
            // (Every word of the index opens with a reference's first byte. Whether `w` is
            // a place is asked last, below: it is the dearest question, and only a word with
            // a near spelling needs the answer. The word lists from its token's classes.)
            let class = word.class;
            if STOPWORDS.has(class)
                || DEMONYMS.has(class)
                || TITLES.has(class)
                || ORG_WORDS.has(class)
                || CONNECTORS.has(class)
                || (!from_file.is_empty() && from_file.contains(w))
            {
                continue;
            }
            let count = word.count;
            let first = word.first;
            let chars = w.chars().count();
            let accept = |r: &&Reference<'_>| {
                if r.word == w || !near(w, chars, r.word, r.chars) {
                    return false;
                }
                if r.from_file {
                    return true;
                }
                if word.leads {
                    return false; // a given name, or part of a longer name
                }
                // `Donald Regan` beside `Ronald Reagan`: a given name the other never has.
                let other = index.get(r.word).map(|&k| &words[k]);
                let other_given = || {
                    chain(&givens, other.map_or(NONE, |o| o.given_head)).filter(|g| given_name(g))
                };
                let given = || chain(&givens, word.given_head).filter(|g| given_name(g));
                if given().any(|g| !other_given().any(|o| o == g)) {
                    return false;
                }
                if count >= 2
                    && other_given().next().is_some()
                    && !other_given().any(|o| given().any(|g| g == o))
                {
                    return false; // used often, and never with the other's given name
                }
                // A person of its own, introduced with a title or role, unless the known
                // person has that very title (`Prime Minister Medvedyev` beside `Prime
                // Minister Dmitry Medvedev`: the same minister, misspelt).
                if let Some(t) = introduced_set().get(w) {
                    if introduced_set().get(r.word) != Some(t) {
                        return false;
                    }
                }
                let n = other.map_or(0, |o| o.count);
                n > count || (n == count && r.first.is_some_and(|f| f.start < first.start))
            };
            // A given name or part of a longer name, or a surname introduced with a title:
            // `accept` takes only a names-file spelling for it (every other path says no),
            // so those are the only ones to try.
            let only_file = word.leads;
            let best = if only_file {
                match file_index.get_or_init(|| index_of(&refs[..n_file])) {
                    Some(ix) => ix.candidates(w).map(|i| &refs[i]).find(accept),
                    None => refs[..n_file]
                        .iter()
                        .filter(|r| key(r.word) == key(w))
                        .find(accept),
                }
            } else {
                match near_index.get_or_init(|| index_of(&refs)) {
                    Some(ix) => ix.candidates(w).map(|i| &refs[i]).find(accept),
                    None => group(w).find(accept),
                }
            };
            let Some(r) = best else {
                continue;
            };
            // A place's name is left alone (`Basra` beside a `Basya`), unless the story
            // writes it as a person: after the known person's given name (`Charles Boden`
            // beside `Charles Bolden`), or every time as a clause's subject, never after a
            // preposition (`Basra also believes`, not `in Basra`).
            if lookup_place(w).is_some() {
                let other = index.get(r.word).map(|&k| &words[k]);
                let their_given = || chain(&givens, other.map_or(NONE, |o| o.given_head));
                let after_their_given = chain(&givens, word.given_head)
                    .any(|g| given_name(g) && their_given().any(|o| o == g));
                let as_subject =
                    || chain(&occurrences, word.occ_head).all(|span| person_slot(text, span));
                if !(after_their_given || as_subject()) {
                    continue;
                }
            }
            let n = count_of(r.word);
            let whence = match (r.from_file, r.first) {
                (true, _) => "the names file".to_string(),
                (false, Some(f)) if n == count => {
                    format!(
                        "line {}; one of the two spellings is wrong",
                        lines.line_of(f.start)
                    )
                }
                (false, Some(f)) => format!("line {}", lines.line_of(f.start)),
                (false, None) => "this article".to_string(),
            };
            for span in chain(&occurrences, word.occ_head) {
                let mut f = Finding::new(
                    &Self::META,
                    span,
                    format!("`{w}` looks like a misspelling of `{}` ({whence})", r.word),
                );
                let fix = Fix::replace(format!("Change to `{}`", r.word), span, r.word);
                f = f.with_fix(if r.from_file || n > count {
                    fix
                } else {
                    fix.not_preferred()
                });
                if let Some(first) = r.first {
                    f = f.with_related(first, "the known spelling");
                }
                out.push(f);
            }
        }
    }
}

#[cfg(test)]
mod oracle_tests {
    use super::*;

    /// `near` before the cheap tests: the two distances alone (the oracle).
    fn near_by_distances(a: &str, la: usize, b: &str, lb: usize) -> bool {
        if la < 4 || lb < 4 || a.chars().next() != b.chars().next() {
            return false;
        }
        let most = (la.min(lb) / 4).clamp(1, 2);
        if la.abs_diff(lb) > most {
            return false;
        }
        if a.eq_ignore_ascii_case(b)
            || a.strip_suffix('s') == Some(b)
            || b.strip_suffix('s') == Some(a)
        {
            return false;
        }
        let d = strsim::damerau_levenshtein(a, b);
        d >= 1
            && d <= most
            && strsim::jaro_winkler(a, b) >= if d <= 1 && la.min(lb) >= 5 { 0.85 } else { 0.9 }
    }

    fn same(a: &str, b: &str) {
        let (la, lb) = (a.chars().count(), b.chars().count());
        assert_eq!(
            near(a, la, b, lb),
            near_by_distances(a, la, b, lb),
            "{a:?} {b:?}"
        );
        assert_eq!(
            one_edit(a, b),
            strsim::damerau_levenshtein(a, b) <= 1,
            "{a:?} {b:?}"
        );
    }

    #[test]
    fn cheap_tests_agree_with_the_distances() {
        for (a, b) in [
            ("Medvedev", "Medvedyev"),
            ("Keqiang", "Keqaing"),
            ("Regan", "Reagan"),
            ("Kaaaa", "Kbaaa"),
            ("Kaaaa", "Kaaab"),
            ("Łukaszenka", "Łukashenka"),
            ("Müller", "Muller"),
            ("北京大学", "北京大字"),
            ("Abcd", "Abdc"),
            ("Aaab", "Aaba"),
            ("Abcdefgh", "Abcdefhg"),
        ] {
            same(a, b);
            same(b, a);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(4000))]
        #[test]
        fn near_equals_the_distances(
            a in "[AB][abcé]{2,10}",
            edits in proptest::collection::vec((0usize..12, 0u8..4, "[abcé]"), 0..3),
            other in "[AB][abcé]{2,10}",
        ) {
            let mut w: Vec<char> = a.chars().collect();
            for (at, op, c) in edits {
                let at = at % w.len();
                let c = c.chars().next().unwrap();
                match op {
                    0 => w[at] = c,
                    1 => w.insert(at, c),
                    2 if w.len() > 1 => { w.remove(at); }
                    _ if at + 1 < w.len() => w.swap(at, at + 1),
                    _ => {}
                }
            }
            let b: String = w.iter().collect();
            same(&a, &b);
            same(&b, &a);
            same(&a, &other);
        }
    }
}
