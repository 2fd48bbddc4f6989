use rustc_hash::FxHashMap as HashMap;

use crate::declare_rule;
use crate::entities::lexicon::sets::{
    CONNECTORS, DEMONYMS, ORG_WORDS, OTHER_WORDS, STOPWORDS, TITLES,
};
use crate::entities::tokens::{is_title_case, Tok};
use crate::entities::{line_of, lookup_place, EntityKind};
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
struct Reference {
    word: String,
    first: Option<Span>,
    from_file: bool,
}

fn near(a: &str, b: &str) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la < 4 || lb < 4 || a.chars().next() != b.chars().next() {
        return false;
    }
    if a.eq_ignore_ascii_case(b) || a.strip_suffix('s') == Some(b) || b.strip_suffix('s') == Some(a)
    {
        return false;
    }
    let d = strsim::damerau_levenshtein(a, b);
    d >= 1 && d <= (la.min(lb) / 4).clamp(1, 2) && strsim::jaro_winkler(a, b) >= 0.9
}

/// The given name written right before a word (`Donald` in `Donald Regan`).
fn given_before(cx: &Context<'_>, toks: &[Tok], i: usize) -> Option<String> {
    let prev = toks.get(i.checked_sub(1)?)?;
    let w = prev.text(cx.text);
    (toks[i].joined
        && !prev.possessive
        && is_title_case(w)
        && !STOPWORDS.contains(w)
        && !TITLES.contains(w)
        && !DEMONYMS.contains(w)
        && !ORG_WORDS.contains(w))
    .then(|| w.to_string())
}

#[derive(Default)]
struct Word {
    spans: Vec<Span>,
    /// Given names written before it.
    given: Vec<String>,
    /// It is itself followed by a capitalized word: a given name or part of a longer name.
    leads: bool,
}

impl Rule for NearMiss {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        // Every capitalized word of the body, with its occurrences.
        let mut words: HashMap<&str, Word> = HashMap::default();
        let mut order: Vec<&str> = Vec::new();
        for p in &cx.article.paragraphs {
            let toks = cx.entities.tokens.get(cx.text, p.span);
            for (i, t) in toks.iter().enumerate() {
                let w = t.text(cx.text);
                if !is_title_case(w) {
                    continue;
                }
                let entry = words.entry(w).or_default();
                if entry.spans.is_empty() {
                    order.push(w);
                }
                entry.spans.push(t.span);
                if let Some(g) = given_before(cx, &toks, i) {
                    entry.given.push(g);
                }
                let next_cap = toks
                    .get(i + 1)
                    .is_some_and(|n| n.joined && !t.possessive && is_title_case(n.text(cx.text)));
                entry.leads |= next_cap;
            }
        }
        // The spellings taken as right: surnames of the people in the story, and every
        // word of the names file.
        let mut refs: Vec<Reference> = Vec::new();
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
                        word: w.to_string(),
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
            if let Some(s) = &e.surname {
                refs.push(Reference {
                    word: s.clone(),
                    first: words.get(s.as_str()).and_then(|w| w.spans.first().copied()),
                    from_file: false,
                });
            }
        }
        for w in order {
            let word = &words[w];
            if STOPWORDS.contains(w)
                || DEMONYMS.contains(w)
                || TITLES.contains(w)
                || ORG_WORDS.contains(w)
                || CONNECTORS.contains(w)
                || refs.iter().any(|r| r.word == w && r.from_file)
                || lookup_place(w).is_some()
            {
                continue;
            }
            let count = word.spans.len();
            let first = word.spans[0];
            let best = refs.iter().find(|r| {
                if r.word == w || !near(w, &r.word) {
                    return false;
                }
                if r.from_file {
                    return true;
                }
                if word.leads {
                    return false; // a given name, or part of a longer name
                }
                // `Donald Regan` beside `Ronald Reagan`: a given name the other never has.
                let other = words.get(r.word.as_str());
                let other_given = other.map(|o| o.given.as_slice()).unwrap_or_default();
                if word.given.iter().any(|g| !other_given.contains(g)) {
                    return false;
                }
                if count >= 2
                    && !other_given.is_empty()
                    && !other_given.iter().any(|g| word.given.contains(g))
                {
                    return false; // used often, and never with the other's given name
                }
                let introduced = cx.entities.iter().any(|e| {
                    e.kind == EntityKind::Person
                        && e.surname.as_deref() == Some(w)
                        && e.role.is_some()
                });
                if introduced {
                    return false; // a person of its own, introduced with a title or role
                }
                let n = other.map_or(0, |o| o.spans.len());
                n > count || (n == count && r.first.is_some_and(|f| f.start < first.start))
            });
            let Some(r) = best else {
                continue;
            };
            let n = words.get(r.word.as_str()).map_or(0, |o| o.spans.len());
            let whence = match (r.from_file, r.first) {
                (true, _) => "the names file".to_string(),
                (false, Some(f)) if n == count => {
                    format!(
                        "line {}; one of the two spellings is wrong",
                        line_of(cx.text, f.start)
                    )
                }
                (false, Some(f)) => format!("line {}", line_of(cx.text, f.start)),
                (false, None) => "this article".to_string(),
            };
            for &span in &word.spans {
                let mut f = Finding::new(
                    &Self::META,
                    span,
                    format!("`{w}` looks like a misspelling of `{}` ({whence})", r.word),
                );
                let fix = Fix::replace(format!("Change to `{}`", r.word), span, r.word.clone());
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
