use std::collections::HashMap;

use crate::declare_rule;
use crate::entities::lexicon::{CONNECTORS, DEMONYMS, ORG_WORDS, STOPWORDS, TITLES};
use crate::entities::tokens::{is_title_case, tokenize};
use crate::entities::{line_of, lookup_place, surname_of, EntityKind};
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
    /// The quick fix writes the known spelling. Two people whose given names differ
    /// (`Donald Regan`, `Ronald Reagan`) are not reported, nor are places, plurals and
    /// possessives.
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
    /// The given name of the person the word belongs to, if any.
    given: Option<String>,
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

fn given_name(canonical: &str) -> Option<String> {
    let (_, surname_first) = surname_of(canonical, None);
    let tokens: Vec<&str> = canonical.split_whitespace().collect();
    if tokens.len() < 2 {
        return None;
    }
    Some(if surname_first {
        tokens[1..].join(" ")
    } else {
        tokens[..tokens.len() - 1].join(" ")
    })
}

impl Rule for NearMiss {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        // Every capitalized word of the body, with its occurrences.
        let mut words: HashMap<&str, Vec<Span>> = HashMap::new();
        let mut order: Vec<&str> = Vec::new();
        for p in &cx.article.paragraphs {
            for t in tokenize(cx.text, p.span) {
                let w = t.text(cx.text);
                if !is_title_case(w) {
                    continue;
                }
                let spans = words.entry(w).or_default();
                if spans.is_empty() {
                    order.push(w);
                }
                spans.push(t.span);
            }
        }
        // The spellings taken as right.
        let mut refs: Vec<Reference> = Vec::new();
        for e in &cx.config.names.entries {
            let given = given_name(&e.name);
            for form in std::iter::once(&e.name).chain(e.aliases.iter()) {
                for w in form.split_whitespace() {
                    refs.push(Reference {
                        word: w.to_string(),
                        first: None,
                        from_file: true,
                        given: given.clone(),
                    });
                }
            }
        }
        for e in cx.entities.iter() {
            if e.kind != EntityKind::Person {
                continue;
            }
            let given = given_name(&e.canonical);
            for w in e.canonical.split_whitespace() {
                refs.push(Reference {
                    word: w.to_string(),
                    first: words.get(w).and_then(|s| s.first().copied()),
                    from_file: false,
                    given: given.clone(),
                });
            }
        }
        let owner = |w: &str| -> Option<String> {
            cx.entities
                .iter()
                .filter(|e| e.kind == EntityKind::Person && e.surname.as_deref() == Some(w))
                .find_map(|e| given_name(&e.canonical))
        };
        for w in order {
            let spans = &words[w];
            if STOPWORDS.contains(&w)
                || DEMONYMS.contains(&w)
                || TITLES.contains(&w)
                || ORG_WORDS.contains(&w)
                || CONNECTORS.contains(&w)
                || refs.iter().any(|r| r.word == w && r.from_file)
                || lookup_place(w).is_some()
            {
                continue;
            }
            let count = spans.len();
            let first = spans[0];
            let best = refs.iter().find(|r| {
                if r.word == w || !near(w, &r.word) {
                    return false;
                }
                if let (Some(g1), Some(g2)) = (owner(w), r.given.as_deref()) {
                    if g1 != g2 {
                        return false; // two different people
                    }
                }
                if r.from_file {
                    return true;
                }
                let n = words.get(r.word.as_str()).map_or(0, Vec::len);
                n > count || (n == count && r.first.is_some_and(|f| f.start < first.start))
            });
            let Some(r) = best else {
                continue;
            };
            let whence = match (r.from_file, r.first) {
                (true, _) => "the names file".to_string(),
                (false, Some(f)) => format!("line {}", line_of(cx.text, f.start)),
                (false, None) => "this article".to_string(),
            };
            for &span in spans {
                let mut f = Finding::new(
                    &Self::META,
                    span,
                    format!("`{w}` looks like a misspelling of `{}` ({whence})", r.word),
                )
                .with_fix(Fix::replace(
                    format!("Change to `{}`", r.word),
                    span,
                    r.word.clone(),
                ));
                if let Some(first) = r.first {
                    f = f.with_related(first, "the known spelling");
                }
                out.push(f);
            }
        }
    }
}
