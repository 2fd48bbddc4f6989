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
    /// its own title. Places, plurals, possessives and given names are not checked.
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
fn near(a: &str, la: usize, b: &str, lb: usize) -> bool {
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
    let d = strsim::damerau_levenshtein(a, b);
    d >= 1 && d <= most && strsim::jaro_winkler(a, b) >= 0.9
}

/// A given name: not a common word, title, demonym or organization word.
fn given_name(w: &str) -> bool {
    !STOPWORDS.contains(w) && !TITLES.contains(w) && !DEMONYMS.contains(w) && !ORG_WORDS.contains(w)
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
        index.reserve(128);
        let mut words: Vec<Word<'_>> = Vec::with_capacity(128);
        let mut occurrences: Vec<(Span, usize)> = Vec::with_capacity(256);
        let mut givens: Vec<(&str, usize)> = Vec::new();
        for (p, toks) in cx.article.paragraphs.iter().zip(cx.words) {
            // The paragraph's words, relative to its start: `block` is what their spans
            // index, `base` moves a span to document offsets.
            let block = p.span.text(text);
            let base = p.span.start;
            for (i, t) in toks.iter().enumerate() {
                // Most words are not capitalized (a case bit of the token).
                if !t.title_case() {
                    continue;
                }
                let w = t.text(block);
                let at = t.shifted(base).span;
                let k = *index.entry(w).or_insert_with(|| {
                    words.push(Word {
                        text: w,
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
                    first: index.get(s).map(|&k| words[k].first),
                    from_file: false,
                });
            }
        }
        // A near spelling starts with the same character, so the same byte: the references
        // by first byte, each group in the order above (the first near one is taken).
        let key = |w: &str| w.as_bytes().first().map_or(256, |&b| usize::from(b));
        let mut by_byte: Vec<usize> = (0..refs.len()).collect();
        by_byte.sort_by_key(|&i| (key(refs[i].word), i));
        let group = |w: &str| {
            let k = key(w);
            let from = by_byte.partition_point(|&i| key(refs[i].word) < k);
            let to = by_byte.partition_point(|&i| key(refs[i].word) <= k);
            by_byte[from..to].iter().map(|&i| &refs[i])
        };
        // Surnames introduced with a title or role, gathered when first needed.
        let introduced: std::cell::OnceCell<rustc_hash::FxHashSet<&str>> =
            std::cell::OnceCell::new();
        let count_of = |w: &str| index.get(w).map_or(0, |&k| words[k].count);
        let lines = super::Lines::new(text);

        for word in &words {
            let w = word.text;
            // No reference starts with its first byte: nothing to be near, nor to be.
            if group(w).next().is_none() {
                continue;
            }
            // (Whether `w` is a place is asked last, below: it is the dearest question, and
            // only a word with a near spelling needs the answer.)
            if STOPWORDS.contains(w)
                || DEMONYMS.contains(w)
                || TITLES.contains(w)
                || ORG_WORDS.contains(w)
                || CONNECTORS.contains(w)
                || group(w).any(|r| r.word == w && r.from_file)
            {
                continue;
            }
            let count = word.count;
            let first = word.first;
            let chars = w.chars().count();
            let best = group(w).find(|r| {
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
                let introduced = introduced.get_or_init(|| {
                    cx.entities
                        .iter()
                        .filter(|e| e.kind == EntityKind::Person && e.role.is_some())
                        .filter_map(|e| e.surname.as_deref())
                        .collect()
                });
                if introduced.contains(w) {
                    return false; // a person of its own, introduced with a title or role
                }
                let n = other.map_or(0, |o| o.count);
                n > count || (n == count && r.first.is_some_and(|f| f.start < first.start))
            });
            let Some(r) = best else {
                continue;
            };
            if lookup_place(w).is_some() {
                continue;
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
