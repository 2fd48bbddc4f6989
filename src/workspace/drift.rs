//! `names/spelling-drift` ([`crate::rules::names::SpellingDrift`]): a person's surname
//! spelled here otherwise than in the other stories of the folder.
//!
//! For each person of the story, the spellings that may be the same name are looked up,
//! never scanned: the same folded form (case, diacritics, apostrophes: the index's
//! `folds`) and the spellings one or two edits away (its [`super::NearIndex`], each
//! candidate then checked exactly with `names/near-miss`'s test), found once per pair of
//! spellings when the later is filed ([`relatives_of`]). What is reported and when is the
//! rule's documentation. [`drift_dependents`] says which stories' findings a change of
//! one story can change (the server refreshes only those open documents).

use std::path::Path;

use rustc_hash::FxHashSet;

use super::{Index, StoryId};
use crate::config::Config;
use crate::entities::lexicon::sets::SURNAMES;
use crate::entities::tokens::is_all_caps;
use crate::entities::{lookup_place, Entities, EntityKind, MentionForm};
use crate::finding::{FilePlace, Finding, Fix, Related};
use crate::gazetteer::key as fold;
use crate::rules::names::near_miss::near;
use crate::rules::names::SpellingDrift;
use crate::span::Span;

/// At most this many other stories are listed as related information.
const RELATED: usize = 5;

/// A spelling is the folder's only when at least this many other stories write it: every
/// test [`folder_target`] makes asks for more stories than this story's own spelling has
/// (at least one, itself) or for three. [`drift_dependents`] relies on it: a spelling
/// fewer stories write is no story's target, whatever changed.
const TARGET_STORIES: usize = 2;

/// Does the text before `at` end a sentence (or the line), so that a capital there says
/// nothing about how a name is spelled?
pub(super) fn sentence_start(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or_default();
    let trimmed = before.trim_end_matches([' ', '\t']);
    match trimmed.chars().next_back() {
        None => true,
        Some(c) => matches!(
            c,
            '.' | '!'
                | '?'
                | ':'
                | '"'
                | '“'
                | '”'
                | '\''
                | '‘'
                | '’'
                | '\n'
                | '\r'
                | '('
                | '—'
                | '-'
                | '–'
                | '*'
                | '#'
                | '>'
        ),
    }
}

/// Where in a mention's span the surname `surname` is written, if it is.
fn surname_span(text: &str, span: Span, surname: &str) -> Option<Span> {
    let written = text.get(span.start..span.end)?;
    let at = written.rfind(surname)?;
    Some(Span::new(span.start + at, span.start + at + surname.len()))
}

/// Where in a mention's span a word written as `surname` is, whatever its case and
/// diacritics (the last such word).
fn folded_span(text: &str, span: Span, surname: &str) -> Option<Span> {
    let written = text.get(span.start..span.end)?;
    let want = fold(surname);
    let mut found = None;
    let mut at = 0;
    for w in written.split(' ') {
        if fold(w) == want {
            found = Some(Span::new(span.start + at, span.start + at + w.len()));
        }
        at += w.len() + 1;
    }
    found
}

/// The two spellings differ only in the case of their first letter.
fn first_case_only(a: &str, b: &str) -> bool {
    let (mut x, mut y) = (a.chars(), b.chars());
    match (x.next(), y.next()) {
        (Some(p), Some(q)) => p != q && p.to_lowercase().eq(q.to_lowercase()) && x.eq(y),
        _ => false,
    }
}

/// The `names/spelling-drift` findings of the story at `path` (its `text` and
/// `entities`, as just analysed) against the other stories of `index`, at the severity
/// `config` sets (none when the rule is off).
pub fn spelling_drift(
    index: &Index,
    path: &Path,
    text: &str,
    entities: &Entities,
    config: &Config,
) -> Vec<Finding> {
    let people = entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter_map(|e| {
            Some(Person {
                surname: e.surname.as_deref()?,
                canonical: &e.canonical,
                in_names_file: e.in_names_file,
                body: Body::Live(&e.mentions),
            })
        });
    drift_of(index, path, text, people, config)
}

/// [`spelling_drift`] for a story of the index itself (`check` over a folder), read from
/// what the index keeps of it instead of its analysis: so that `check` holds no file's
/// entities while it waits for the folder. `text` is the story's text, as indexed.
/// Nothing when `path` is not in the index.
pub fn spelling_drift_indexed(
    index: &Index,
    path: &Path,
    text: &str,
    config: &Config,
) -> Vec<Finding> {
    let Some(story) = index.id_of(path).and_then(|id| index.story(id)) else {
        return Vec::new();
    };
    let people = story
        .entities
        .iter()
        .filter(|e| e.kind == EntityKind::Person)
        .filter_map(|e| {
            Some(Person {
                surname: e.surname.as_deref()?,
                canonical: &e.name,
                in_names_file: e.in_names_file,
                body: Body::Indexed(&e.mentions),
            })
        });
    drift_of(index, path, text, people, config)
}

/// What the rule reads of a person of the story, from an analysis or from the index.
struct Person<'e> {
    surname: &'e str,
    canonical: &'e str,
    in_names_file: bool,
    body: Body<'e>,
}

enum Body<'e> {
    Live(&'e [crate::entities::Mention]),
    Indexed(&'e [super::IndexedMention]),
}

impl Body<'_> {
    /// The spans of the mentions in the body (not in headings), in text order.
    fn spans(&self) -> Vec<Span> {
        match self {
            Body::Live(m) => m.iter().filter(|m| !m.in_heading).map(|m| m.span).collect(),
            Body::Indexed(m) => m.iter().filter(|m| !m.in_heading).map(|m| m.span).collect(),
        }
    }
}

fn drift_of<'e>(
    index: &Index,
    path: &Path,
    text: &str,
    people: impl Iterator<Item = Person<'e>>,
    config: &Config,
) -> Vec<Finding> {
    let meta = &SpellingDrift::META;
    let Some(severity) = config.severity(meta.code, meta.default_severity) else {
        return Vec::new();
    };
    let me = index.id_of(path);
    // The names file's words: spelled as it spells them, and by folded form.
    let mut file_words: FxHashSet<&str> = FxHashSet::default();
    let mut file_folds: rustc_hash::FxHashMap<String, &str> = Default::default();
    for e in &config.names.entries {
        for form in std::iter::once(&e.name).chain(e.aliases.iter()) {
            for w in form.split_whitespace() {
                file_words.insert(w);
                file_folds.entry(fold(w)).or_insert(w);
            }
        }
    }
    let mut out = Vec::new();
    for e in people {
        let s = e.surname;
        let body = e.body.spans();
        if e.in_names_file {
            // Linked to the names file whatever the case it is written in: each mention
            // whose surname differs from the file's in case alone is this rule's.
            for &m in &body {
                let Some(span) = folded_span(text, m, s) else {
                    continue;
                };
                let w = span.text(text);
                if w == s || (sentence_start(text, span.start) && first_case_only(w, s)) {
                    continue;
                }
                let fix = Fix::replace(format!("Change to `{s}`"), span, s);
                let mut f = Finding::new(
                    meta,
                    span,
                    format!("`{w}` is spelled `{s}` in the names file"),
                )
                .with_fix(fix);
                f.severity = severity;
                out.push(f);
            }
            continue;
        }
        let chars = s.chars().count();
        if chars < 4 || is_all_caps(s) || file_words.contains(s) {
            continue;
        }
        let folded = fold(s);
        // Where the story writes the surname: in the body, and whether mid-sentence.
        let written: Vec<(Span, bool)> = body
            .iter()
            .filter_map(|&m| surname_span(text, m, s))
            .map(|sp| (sp, !sentence_start(text, sp.start)))
            .collect();
        if written.is_empty() {
            continue;
        }
        let mid_sentence = written.iter().any(|&(_, mid)| mid);

        // The spelling to write, and from where.
        // A near misspelling of a names-file word is `names/near-miss`'s; a difference
        // of case alone (which it leaves) is this rule's, at the names file's spelling.
        let near_file = || {
            file_words
                .iter()
                .any(|f| near(s, chars, f, f.chars().count()))
        };
        let target: Option<Target<'_>> = match file_folds.get(&folded) {
            _ if near_file() => None,
            Some(&f) if f != s => {
                (mid_sentence || !first_case_only(s, f)).then_some(Target::File(f))
            }
            Some(_) => None,
            None => folder_target(index, me, s, chars, &folded, e.canonical, mid_sentence)
                .map(Target::Folder),
        };
        let Some(target) = target else {
            continue;
        };
        let (v, message, preferred, related) = match target {
            Target::File(f) => (
                f.to_string(),
                format!("`{s}` is spelled `{f}` in the names file"),
                true,
                Vec::new(),
            ),
            Target::Folder(t) => {
                let others = t.stories;
                let message = format!(
                    "`{s}` is spelled `{}` in {others} other stor{} of the folder{}",
                    t.spelling,
                    if others == 1 { "y" } else { "ies" },
                    if t.here > 1 {
                        format!(" (this spelling: {} stories)", t.here)
                    } else {
                        String::new()
                    }
                );
                (
                    t.spelling.to_string(),
                    message,
                    others >= 2 * t.here,
                    t.related,
                )
            }
        };
        for &(span, mid) in &written {
            // A capital opening a sentence is right there, whatever the name's case.
            if !mid && first_case_only(s, &v) {
                continue;
            }
            let fix = Fix::replace(format!("Change to `{v}`"), span, v.clone());
            let mut f = Finding::new(meta, span, message.clone()).with_fix(if preferred {
                fix
            } else {
                fix.not_preferred()
            });
            f.severity = severity;
            f.related = related.clone();
            out.push(f);
        }
    }
    out.sort_by_key(|f| (f.span.start, f.span.end));
    out
}

/// The spellings of the index that [`folder_target`] may weigh against `s` (its
/// candidates, `s` left out): the same folded form, or near it by the rule's test (asked
/// both ways round); ids in increasing order. Every other candidate of the near index is
/// one the rule passes over (not near), so looking at these alone finds the same target.
pub(super) fn relatives_of(index: &Index, s: &str) -> Vec<u32> {
    let chars = s.chars().count();
    let mut ids: Vec<u32> = index
        .folds
        .get(fold(s).as_str())
        .map_or_else(Vec::new, |v| v.clone());
    ids.extend(index.near.candidates(s).map(|i| i as u32).filter(|&i| {
        let sp = &index.spellings[i as usize];
        near(s, chars, &sp.text, sp.chars) || near(&sp.text, sp.chars, s, chars)
    }));
    ids.sort_unstable();
    ids.dedup();
    ids.retain(|&i| &*index.spellings[i as usize].text != s);
    ids
}

/// [`relatives_of`] `s`: kept with the spelling when the index has it.
fn relatives<'a>(index: &'a Index, s: &str) -> std::borrow::Cow<'a, [u32]> {
    match index.spelling_ids.get(s) {
        Some(&id) => std::borrow::Cow::Borrowed(&index.spellings[id as usize].relatives),
        None => std::borrow::Cow::Owned(relatives_of(index, s)),
    }
}

/// The stories whose `names/spelling-drift` findings ([`spelling_drift`]) may have
/// changed when one story of `index` was filed again, or removed: `before` and `after` are
/// its people's surnames (sorted, each once) before and after, and `index` is as it is
/// after. Every other story's findings are what they were. In order, each once (the story
/// itself may be among them).
///
/// A story's findings read, for each of its surnames `s`, the uses of `s` itself and of its
/// relatives (the candidates of [`folder_target`]: the same folded form, or near). The story
/// filed changed the uses of each spelling `c` it writes or wrote, so the stories to ask
/// again are:
/// * those writing a relative of `c`, when `c` is or was written by enough stories to be a
///   target ([`TARGET_STORIES`]); a spelling fewer stories write is no story's target;
/// * those writing `c` itself, when a relative of `c` is written by enough stories to be
///   their target (`c`'s own count weighs only against a target).
pub fn drift_dependents(index: &Index, before: &[Box<str>], after: &[Box<str>]) -> Vec<StoryId> {
    let mut changed: Vec<&str> = before.iter().chain(after).map(|s| &**s).collect();
    changed.sort_unstable();
    changed.dedup();
    let mut out: Vec<StoryId> = Vec::new();
    let uses_of = |sp: &super::Spelling, out: &mut Vec<StoryId>| {
        out.extend(sp.uses.iter().map(|u| u.0));
    };
    for c in changed {
        let own = index
            .spelling_ids
            .get(c)
            .map(|&id| &index.spellings[id as usize]);
        let now = own.map_or(0, |sp| sp.stories as usize);
        // The filed story counts once for each spelling it writes.
        let wrote = |v: &[Box<str>]| usize::from(v.binary_search_by(|b| (**b).cmp(c)).is_ok());
        let then = (now + wrote(before)).saturating_sub(wrote(after));
        let c_is_target = now.max(then) >= TARGET_STORIES;
        let mut relative_is_target = false;
        for &r in relatives(index, c).iter() {
            let sp = &index.spellings[r as usize];
            if c_is_target {
                uses_of(sp, &mut out);
            }
            relative_is_target |= sp.stories as usize >= TARGET_STORIES;
        }
        if relative_is_target {
            if let Some(sp) = own {
                uses_of(sp, &mut out);
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

enum Target<'a> {
    File(&'a str),
    Folder(FolderTarget<'a>),
}

/// The folder's spelling for a surname spelled otherwise here.
struct FolderTarget<'a> {
    spelling: &'a str,
    /// Other stories that write it.
    stories: usize,
    /// Stories that write the spelling of this one (this one included).
    here: usize,
    related: Vec<Related>,
}

/// The distinct stories of `uses`, leaving `me` out.
fn stories_of(uses: &[(StoryId, u32)], me: Option<StoryId>) -> usize {
    let mut ids: Vec<StoryId> = uses
        .iter()
        .map(|u| u.0)
        .filter(|&i| Some(i) != me)
        .collect();
    ids.sort_unstable();
    ids.dedup();
    ids.len()
}

/// What the story `me` itself contributes to a spelling's summary: whether it uses it,
/// and the given names (folded) it writes with it.
fn own_part(index: &Index, me: Option<StoryId>, spelling: &str) -> (bool, Vec<String>) {
    let Some(story) = me.and_then(|id| index.story(id)) else {
        return (false, Vec::new());
    };
    let mut uses = false;
    let mut givens = Vec::new();
    for e in story.entities.iter() {
        if e.surname.as_deref() == Some(spelling) {
            uses = true;
            if !e.given.is_empty() {
                givens.push(fold(&e.given));
            }
        }
    }
    (uses, givens)
}

/// The stories other than `me` using `sp`, and the given names they write with it.
fn others_of<'a>(
    index: &Index,
    me: Option<StoryId>,
    sp: &'a super::Spelling,
) -> (usize, FxHashSet<&'a str>) {
    let (uses, mine) = own_part(index, me, &sp.text);
    let stories = sp.stories as usize - usize::from(uses && sp.stories > 0);
    let givens = sp
        .givens
        .iter()
        .filter(|(g, &n)| n as usize > mine.iter().filter(|m| m.as_str() == &***g).count())
        .map(|(g, _)| &**g)
        .collect();
    (stories, givens)
}

fn folder_target<'a>(
    index: &'a Index,
    me: Option<StoryId>,
    s: &str,
    chars: usize,
    folded: &str,
    canonical: &str,
    mid_sentence: bool,
) -> Option<FolderTarget<'a>> {
    let own = index
        .spelling_ids
        .get(s)
        .map(|&id| &index.spellings[id as usize]);
    let (own_stories, own_givens) =
        own.map_or_else(Default::default, |sp| others_of(index, me, sp));
    let here = 1 + own_stories;
    // This person's given name, when the story gives one; else the given names the
    // folder writes with this spelling.
    let given_here: String = canonical
        .split_whitespace()
        .filter(|w| *w != s)
        .collect::<Vec<_>>()
        .join(" ");
    let w_given: FxHashSet<String> = if given_here.is_empty() {
        own_givens.iter().map(|g| g.to_string()).collect()
    } else {
        std::iter::once(fold(&given_here)).collect()
    };
    let is_place = std::cell::OnceCell::new();
    // The spellings of the same folded form (ids in increasing order).
    let same_folds: &[u32] = index.folds.get(folded).map_or(&[], |v| &v[..]);
    // The candidates: the same folded form, or near (the near index's other candidates
    // are not near, and would be passed over below).
    let candidates = relatives(index, s);
    let mut best: Option<(usize, &'a super::Spelling)> = None;
    for &id in candidates.iter() {
        let sp = &index.spellings[id as usize];
        if &*sp.text == s || sp.uses.is_empty() {
            continue;
        }
        let same_fold = same_folds.binary_search(&id).is_ok();
        // A difference in the first letter's case counts only the stories that write the
        // name mid-sentence (`Al-Assad said` opens a sentence).
        let n = if same_fold && first_case_only(s, &sp.text) {
            let mid: Vec<(StoryId, u32)> = sp
                .uses
                .iter()
                .copied()
                .filter(|&u| index.entity(u).is_some_and(|(_, e)| e.surname_mid))
                .collect();
            stories_of(&mid, me)
        } else {
            others_of(index, me, sp).0
        };
        if n < TARGET_STORIES {
            continue;
        }
        if same_fold {
            // Case, hyphen or diacritics: a majority is enough.
            if n <= here || (!mid_sentence && first_case_only(s, &sp.text)) {
                continue;
            }
        } else {
            if !near(s, chars, &sp.text, sp.chars) {
                continue;
            }
            if *is_place.get_or_init(|| lookup_place(s).is_some()) {
                continue;
            }
            let v_given = others_of(index, me, sp).1;
            let shared = w_given.iter().any(|g| v_given.contains(g.as_str()));
            if !shared {
                // Different given names: two people. No given name to compare: only a
                // spelling used once against a well-established one, and never two
                // surnames both in the Census lists (`Baker`, `Barker`).
                let conflict = !w_given.is_empty() && !v_given.is_empty();
                let both_known = SURNAMES.contains(s) && SURNAMES.contains(&sp.text);
                if conflict || both_known || here > 1 || n < 3 {
                    continue;
                }
            } else if n <= here {
                continue;
            }
        }
        if best.map_or(true, |(m, _)| n > m) {
            best = Some((n, sp));
        }
    }
    let (n, sp) = best?;
    // The other stories that write it, earliest first.
    let mut uses: Vec<(StoryId, u32)> = Vec::with_capacity(RELATED + 1);
    for &u in sp.uses.iter().filter(|u| Some(u.0) != me) {
        if uses.iter().any(|x| x.0 == u.0) {
            continue;
        }
        let key = |u: &(StoryId, u32)| index.story(u.0).map(|s| s.order_key());
        let at = uses.partition_point(|x| key(x) <= key(&u));
        if at < RELATED {
            uses.insert(at, u);
            uses.truncate(RELATED);
        }
    }
    let related = uses
        .iter()
        .filter_map(|&u| index.entity(u))
        .filter_map(|(story, e)| {
            let m = e
                .mentions
                .iter()
                .find(|m| !m.in_heading && m.form != MentionForm::Acronym)
                .or(e.first_mention())?;
            Some(Related {
                span: Span::new(0, 0),
                message: format!("`{}` in “{}”", sp.text, story.title()),
                file: Some(Box::new(FilePlace {
                    path: story.path.to_path_buf(),
                    start: m.start,
                    end: m.end,
                })),
            })
        })
        .take(RELATED)
        .collect();
    Some(FolderTarget {
        spelling: &sp.text,
        stories: n,
        here,
        related,
    })
}
