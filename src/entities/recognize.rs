//! The recognizer behind [`super::extract`].

use std::borrow::Cow;
use std::sync::Arc;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::lexicon::WELL_KNOWN;
use super::lexicon::{class, sets, Classes};
use super::places::{lookup_place, region};
use super::tokens::{is_all_caps, is_cap, Tok, TokenCache};
use super::{surname_of, Entities, Entity, EntityKind, Mention, MentionForm, NamesConfig};
use crate::article::Article;
use crate::span::Span;

use crate::words::STRONG_TITLES;

use crate::words::PLACE_PREPOSITIONS;

/// Lower-case nouns after a name that make it a place (`Liaoning province`).
const ADMIN_NOUNS: &[&str] = &[
    "province",
    "region",
    "prefecture",
    "oblast",
    "krai",
    "county",
    "district",
    "municipality",
];

/// How a person was introduced.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Evidence {
    Title,
    Appositive,
    Speech,
    /// A given name of the Census list, a surname-first surname or a Census surname in a
    /// run of name-like words (`Harry Kane`, `Wong Pik-wan`).
    Names,
    /// A writer of the byline.
    Byline,
    /// `Dillard Spriggs of Petroleum Analysis Ltd`: a name of two or three words that
    /// none of the lists knows, then `of` and an organization.
    Affiliation,
    Other,
}

#[derive(Clone, Debug)]
struct Found {
    span: Span,
    kind: EntityKind,
    /// Shared: a found name is cloned into every analysis that reuses its block.
    canonical: Arc<str>,
    form: MentionForm,
    role: Option<String>,
    acronym: Option<String>,
    heading: bool,
    evidence: Evidence,
}

impl Found {
    /// A name found with no role, acronym or evidence of its own.
    fn new(
        span: Span,
        kind: EntityKind,
        canonical: impl Into<Arc<str>>,
        form: MentionForm,
        heading: bool,
    ) -> Found {
        Found {
            span,
            kind,
            canonical: canonical.into(),
            form,
            role: None,
            acronym: None,
            heading,
            evidence: Evidence::Other,
        }
    }
}

#[derive(Clone, Debug)]
struct Known {
    kind: EntityKind,
    canonical: Arc<str>,
    role: Option<String>,
    acronym: Option<String>,
    surname: Option<String>,
    surname_first: bool,
    note: Option<String>,
    from_file: bool,
    first_at: usize,
    evidence: Evidence,
}

#[derive(Default)]
struct Knowledge {
    known: Vec<Known>,
    /// Full name or alias -> index.
    full: HashMap<String, usize>,
    surnames: HashMap<String, Vec<usize>>,
    /// A person's given name (the first word of a name not written surname first) ->
    /// every known person with it: `Gloria` alone is `Gloria Mwangi` when she is the only
    /// Gloria of the story.
    given: HashMap<String, Vec<usize>>,
    acronyms: HashMap<String, usize>,
    /// The most words in a key of `full`.
    longest: usize,
    /// By kind ([`kind_index`]): the lower-cased name ([`key`]) of each known entity ->
    /// its index in `known`.
    by_key: [HashMap<Box<[u8]>, usize>; 4],
}

fn key(kind: EntityKind, canonical: &str) -> (EntityKind, String) {
    (kind, canonical.to_lowercase())
}

fn kind_index(kind: EntityKind) -> usize {
    match kind {
        EntityKind::Person => 0,
        EntityKind::Place => 1,
        EntityKind::Organization => 2,
        EntityKind::Other => 3,
    }
}

/// `s` lower-cased as [`str::to_lowercase`] does, as bytes, without allocating for a
/// short ASCII name: `f` is given the result.
fn with_lowercase<R>(s: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    let b = s.as_bytes();
    let mut buf = [0u8; 64];
    if b.len() <= buf.len() && b.is_ascii() {
        let out = &mut buf[..b.len()];
        for (o, &c) in out.iter_mut().zip(b) {
            *o = c.to_ascii_lowercase();
        }
        return f(out);
    }
    f(s.to_lowercase().as_bytes())
}

impl Knowledge {
    fn find(&self, kind: EntityKind, canonical: &str) -> Option<usize> {
        let map = &self.by_key[kind_index(kind)];
        with_lowercase(canonical, |k| map.get(k).copied())
    }

    fn add(&mut self, k: Known, aliases: &[String]) -> usize {
        if let Some(i) = self.find(k.kind, &k.canonical) {
            return i;
        }
        let i = self.known.len();
        let lower: Box<[u8]> = with_lowercase(&k.canonical, |b| b.into());
        self.by_key[kind_index(k.kind)].insert(lower, i);
        self.full.entry(String::from(&*k.canonical)).or_insert(i);
        for a in aliases {
            self.full.entry(a.clone()).or_insert(i);
        }
        for name in std::iter::once(&*k.canonical).chain(aliases.iter().map(String::as_str)) {
            self.longest = self.longest.max(name.split_whitespace().count());
        }
        if let Some(s) = &k.surname {
            if **s != *k.canonical && !k.surname_first {
                let (full, single) = surname_forms(&k.canonical, s);
                for f in full {
                    self.longest = self.longest.max(f.split(' ').count());
                    self.full.entry(f).or_insert(i);
                }
                for w in single {
                    self.surnames.entry(w).or_default().push(i);
                }
            }
            if **s != *k.canonical {
                self.surnames.entry(s.clone()).or_default().push(i);
                if !k.surname_first {
                    let first = k.canonical.split(' ').next().unwrap_or_default();
                    if first.len() > 2 && !first.ends_with('.') && first != s {
                        self.given.entry(first.to_string()).or_default().push(i);
                    }
                }
            }
        }
        if let Some(a) = &k.acronym {
            self.acronyms.entry(a.clone()).or_insert(i);
        }
        self.known.push(k);
        i
    }

    fn from_names(names: &NamesConfig) -> Knowledge {
        let mut kn = Knowledge::default();
        for e in &names.entries {
            let name = e.name.trim();
            if name.is_empty() {
                continue;
            }
            let kind = e
                .kind
                .unwrap_or_else(|| guess_kind(name, e.acronym.is_some()));
            let (surname, first) = if kind == EntityKind::Person {
                let (s, f) = surname_of(name, e.surname_first);
                (Some(s), f)
            } else {
                (None, false)
            };
            kn.add(
                Known {
                    kind,
                    canonical: name.into(),
                    role: e.role.clone(),
                    acronym: e.acronym.clone(),
                    surname,
                    surname_first: first,
                    note: e.note.clone(),
                    from_file: true,
                    first_at: 0,
                    evidence: Evidence::Other,
                },
                &e.aliases,
            );
        }
        kn
    }

    /// Hashes of what the second pass reads from the knowledge: its content (names,
    /// kinds, surnames, acronyms, the lookups), and separately where each first reference
    /// is — the index of its block (`starts`: the blocks' start offsets) and its rank
    /// among first references, not its offset, so an edit that only moves text keeps both.
    /// Only a block whose scan asked which of two people a surname means depends on the
    /// second.
    fn fingerprints(&self, starts: &[usize]) -> (u64, u64) {
        use std::hash::{Hash, Hasher};
        let mut content = rustc_hash::FxHasher::default();
        for k in &self.known {
            (
                k.kind,
                &k.canonical,
                &k.surname,
                &k.acronym,
                k.surname_first,
            )
                .hash(&mut content);
        }
        let mut full: Vec<(&String, &usize)> = self.full.iter().collect();
        full.sort_unstable();
        full.hash(&mut content);
        let mut acronyms: Vec<(&String, &usize)> = self.acronyms.iter().collect();
        acronyms.sort_unstable();
        acronyms.hash(&mut content);
        self.longest.hash(&mut content);

        let mut positions = rustc_hash::FxHasher::default();
        for k in &self.known {
            starts
                .partition_point(|&s| s <= k.first_at)
                .hash(&mut positions);
        }
        let mut order: Vec<usize> = (0..self.known.len()).collect();
        order.sort_by_key(|&i| self.known[i].first_at);
        order.hash(&mut positions);
        (content.finish(), positions.finish())
    }

    /// A hash of the knowledge a block's words can reach: the scanner looks names up only
    /// by keys that start with one of the block's capitalized words (full names and
    /// aliases by their first word, surnames, acronyms), so knowledge reached by none of
    /// them cannot change what it finds there. `by_first`: [`Knowledge::by_first_word`].
    fn visible_fingerprint(
        &self,
        by_first: &HashMap<&str, Vec<(&str, usize)>>,
        toks: &[Tok],
        block: &str,
    ) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = rustc_hash::FxHasher::default();
        let entry = |i: usize, h: &mut rustc_hash::FxHasher| {
            let k = &self.known[i];
            (k.kind, &k.canonical, &k.surname).hash(h);
        };
        for t in toks.iter().filter(|t| t.cap()) {
            let w = t.span.text(block);
            // A word in capitals is also looked up title-cased ([`Scanner::match_caps`]).
            if t.all_caps() && w.len() >= 3 {
                let shouted = title_case(w);
                if by_first.contains_key(shouted.as_str()) || self.surnames.contains_key(&shouted) {
                    (5u8, &shouted).hash(&mut h);
                    self.visible_word(by_first, &shouted, &mut h);
                }
            }
            let (full, surnames, acronym) =
                (by_first.get(w), self.surnames.get(w), self.acronyms.get(w));
            if full.is_none() && surnames.is_none() && acronym.is_none() {
                continue;
            }
            w.hash(&mut h);
            for &(key, i) in full.map_or(&[][..], |v| v.as_slice()) {
                (1u8, key).hash(&mut h);
                entry(i, &mut h);
            }
            for &i in surnames.map_or(&[][..], |v| v.as_slice()) {
                2u8.hash(&mut h);
                entry(i, &mut h);
            }
            if let Some(&i) = acronym {
                3u8.hash(&mut h);
                entry(i, &mut h);
            }
            4u8.hash(&mut h);
        }
        h.finish()
    }

    /// [`Knowledge::visible_fingerprint`]'s part for a capitals word looked up title-cased.
    fn visible_word(
        &self,
        by_first: &HashMap<&str, Vec<(&str, usize)>>,
        w: &str,
        h: &mut rustc_hash::FxHasher,
    ) {
        use std::hash::Hash;
        let ids = by_first
            .get(w)
            .into_iter()
            .flatten()
            .map(|&(_, i)| i)
            .chain(self.surnames.get(w).into_iter().flatten().copied());
        for i in ids {
            let k = &self.known[i];
            (k.kind, &k.canonical, &k.surname).hash(h);
        }
    }

    /// The keys of `full` by their first word, each list in key order.
    fn by_first_word(&self) -> HashMap<&str, Vec<(&str, usize)>> {
        let mut m: HashMap<&str, Vec<(&str, usize)>> = HashMap::default();
        for (key, &i) in &self.full {
            let first = key.split(' ').next().unwrap_or_default();
            m.entry(first).or_default().push((key.as_str(), i));
        }
        for v in m.values_mut() {
            v.sort_unstable();
        }
        m
    }

    /// Whether [`Knowledge::by_surname`] for `w` depends on the position asked about.
    fn ambiguous_surname(&self, w: &str) -> bool {
        self.surnames.get(w).is_some_and(|ids| ids.len() > 1)
    }

    /// The person a surname refers to at `pos`: the latest introduced before it, else the first.
    fn by_surname(&self, w: &str, pos: usize) -> Option<usize> {
        let ids = self.surnames.get(w)?;
        ids.iter()
            .copied()
            .filter(|&i| self.known[i].first_at <= pos)
            .max_by_key(|&i| self.known[i].first_at)
            .or_else(|| ids.iter().copied().min_by_key(|&i| self.known[i].first_at))
    }

    /// The one known person whose given name `w` is, unless the story has two (or `w` is
    /// also someone's surname).
    fn by_given(&self, w: &str) -> Option<usize> {
        match self.given.get(w)?.as_slice() {
            [i] if !self.surnames.contains_key(w) => Some(*i),
            _ => None,
        }
    }

    /// Learn the full names the first pass found. Returns every word of every key this
    /// added to or removed from the lookups (`full`, `surnames`, `acronyms`), as
    /// [`word_hash`]es: a block holding none of them scans the same with the new knowledge
    /// as without it (two words of one hash only make a block scanned again). Also
    /// returns, for each entry it added, its index in `known` and the index in `found` of
    /// the name that introduced it (its `first_at`).
    fn learn(&mut self, found: &[Found]) -> (HashSet<u64>, Vec<(usize, usize)>) {
        // Callers may pass only the [`learnable`] ones: the others are skipped here.
        let mut changed: HashSet<u64> = HashSet::default();
        let mut introduced = Vec::new();
        let mut note = |s: &str| {
            for w in s.split(' ') {
                changed.insert(word_hash(w));
            }
        };
        for (at, f) in found.iter().enumerate() {
            if !learnable(f) {
                continue;
            }
            if self.find(f.kind, &f.canonical).is_some() {
                continue;
            }
            let (surname, first) = if f.kind == EntityKind::Person {
                let (s, fst) = surname_of(&f.canonical, None);
                (Some(s), fst)
            } else {
                (None, false)
            };
            note(&f.canonical);
            if let Some(s) = &surname {
                note(s);
            }
            if let Some(a) = &f.acronym {
                note(a);
            }
            introduced.push((self.known.len(), at));
            let short = if f.kind == EntityKind::Organization {
                org_short_forms(&f.canonical)
            } else {
                Vec::new()
            };
            for a in &short {
                note(a);
            }
            let club = (f.kind == EntityKind::Organization)
                .then(|| club_alone(&f.canonical))
                .flatten()
                .map(str::to_string);
            let idx = self.add(
                Known {
                    kind: f.kind,
                    canonical: f.canonical.clone(),
                    role: f.role.clone(),
                    acronym: f.acronym.clone(),
                    surname,
                    surname_first: first,
                    note: None,
                    from_file: false,
                    first_at: f.span.start,
                    evidence: f.evidence,
                },
                &short,
            );
            // `Rovers` for `Blackburn Rovers`, `Colts` for `Indianapolis Colts`: a club's
            // last word (or nickname) alone names it.
            // Its words are the canonical name's, noted above.
            if let Some(club) = club {
                self.full.entry(club).or_insert(idx);
            }
        }
        // `the Community` for `European Community`, `the Fund` for `International
        // Monetary Fund`: the head word of the story's one organization ending with it.
        let mut heads: HashMap<&str, Option<usize>> = HashMap::default();
        for (i, k) in self.known.iter().enumerate() {
            let Some((_, head)) = k.canonical.rsplit_once(' ') else {
                continue;
            };
            if k.kind == EntityKind::Organization && !k.from_file && ORG_HEADS.contains(&head) {
                heads
                    .entry(head)
                    .and_modify(|e| *e = None)
                    .or_insert(Some(i));
            }
        }
        let mut heads: Vec<(&str, usize)> = heads
            .into_iter()
            .filter_map(|(h, i)| Some((h, i?)))
            .collect();
        heads.sort_unstable();
        for (head, i) in heads {
            if !self.full.contains_key(head) {
                note(head);
                self.full.insert(head.to_string(), i);
            }
        }
        // `Mr Volcker` before `Paul Volcker`: the one word is the surname, not a full name.
        let surnames = &self.surnames;
        self.full.retain(|name, _| {
            let keep = name.contains(' ') || !surnames.contains_key(name);
            if !keep {
                note(name);
            }
            keep
        });
        (changed, introduced)
    }
}

/// The last words of an organization's name that name it alone once the story has given
/// the whole name (`the Community`, `the Fund`, `the Commission`).
const ORG_HEADS: &[&str] = &[
    "Community",
    "Commission",
    "Fund",
    "Bank",
    "Committee",
    "Council",
    "Board",
    "Exchange",
    "Court",
    "Agency",
    "Authority",
    "Federation",
    "Organisation",
    "Organization",
];

/// Words that end a company's name as its legal form (`Comalco Ltd`, `General Motors
/// Corp`, `Pacific Telesis Group`): the name without them is the short form the rest of a
/// story uses.
const LEGAL_FORMS: &[&str] = &[
    "Corp",
    "Corp.",
    "Corporation",
    "Inc",
    "Inc.",
    "Co",
    "Co.",
    "Cos",
    "Cos.",
    "Company",
    "Ltd",
    "Ltd.",
    "Limited",
    "LLC",
    "Plc",
    "PLC",
    "plc",
    "AG",
    "SA",
    "S.A.",
    "NV",
    "N.V.",
    "BV",
    "B.V.",
    "GmbH",
    "SpA",
    "KK",
    "Bhd",
    "Pty",
    "Group",
    "Holdings",
];

/// Generic words after a company's first word (`Ford Motor`, `Salomon Brothers`): with
/// them gone the first word alone names the company (`Ford`, `Salomon`).
const GENERIC_BUSINESS: &[&str] = &[
    "Motor",
    "Motors",
    "Brothers",
    "Industries",
    "Airlines",
    "Airways",
    "Petroleum",
    "Oil",
    "Electric",
    "Chemical",
    "Chemicals",
    "Steel",
    "Pharmaceuticals",
    "Communications",
    "Computer",
    "Foods",
    "Stores",
    "Mining",
    "Resources",
    "Energy",
    "Enterprises",
    "International",
    "Equipment",
    "Worldwide",
    "Global",
    "Systems",
    "Technologies",
    "Holdings",
    "Textiles",
    "Mills",
    "Products",
    "Manufacturing",
    "Services",
    "Financial",
    "Investments",
    "Insurance",
    "Bancorp",
    "Bancshares",
    "Aviation",
    "Marine",
    "Aerospace",
    "Industrie",
    "Realty",
    "Properties",
    "Shipping",
];

/// The short forms a company's full name allows (`Comalco` for `Comalco Ltd`, `General
/// Motors` for `General Motors Corp`, `Goldman Sachs` for `Goldman Sachs and Co`, and
/// `Ford` for `Ford Motor Co`): keys of [`Knowledge::full`] for the same organization. A
/// short form that is a place's name, or a word of the lexicon's lists (a title, a
/// demonym, a common word), is not one (`Texas` of `Texas Industries Inc`, `General`).
fn org_short_forms(canonical: &str) -> Vec<String> {
    let words: Vec<&str> = canonical.split(' ').collect();
    let mut n = words.len();
    if n < 2 {
        return Vec::new();
    }
    let legal = LEGAL_FORMS.contains(&words[n - 1]);
    if legal {
        n -= 1;
        if n >= 2 && matches!(words[n - 1], "and" | "&") {
            n -= 1;
        }
    }
    let ok = |ws: &[&str]| {
        let name = ws.join(" ");
        let one_word_ok = ws.len() > 1
            || ws[0].chars().count() >= 3
                && super::lexicon::classes(ws[0])
                    & !(class::SURNAME
                        | class::COMMON_SURNAME
                        | class::GIVEN_NAME
                        | class::ORG_NAME)
                    == 0;
        (one_word_ok
            && ws.iter().all(|w| is_cap(w))
            && !ws
                .iter()
                .any(|w| LEGAL_FORMS.contains(w) || matches!(*w, "and" | "&" | "of"))
            && lookup_place(&name).is_none())
        .then_some(name)
    };
    let mut out = Vec::new();
    if legal {
        out.extend(ok(&words[..n]));
    }
    // `Consolidated TVX` for `Consolidated TVX Mining Corp`, `Shearson Lehman` for
    // `Shearson Lehman Brothers Inc`: the name without its generic last words.
    let k = (1..n)
        .rev()
        .take_while(|&k| GENERIC_BUSINESS.contains(&words[k]))
        .last()
        .unwrap_or(n);
    if (2..n).contains(&k) {
        out.extend(ok(&words[..k]));
    }
    // `Digital` for `Digital Equipment`, `Ford` for `Ford Motor Co`; not a word that
    // opens many names (`General Motors`, `National Westminster`).
    let first_alone = n >= 2 && !NAME_OPENERS.contains(&words[0]) && {
        if k == 1 {
            true
        } else {
            // `Shearson` for `Shearson Lehman Brothers Inc`, `Drexel` for `Drexel
            // Burnham Lambert Inc`: with a legal form, a first word that no list knows
            // names the company alone; not a surname (`Marchetti Hotels Corp` and the
            // late Gideon Marchetti).
            legal
                && words[0].len() >= 4
                && !matches!(words[1], "and" | "&" | "of" | "de" | "du" | "des")
                && super::lexicon::classes(words[0]) & !class::ORG_NAME == 0
        }
    };
    if first_alone {
        out.extend(ok(&words[..1]));
    }
    out
}

/// Words that open the names of many companies and bodies (`General Motors`, `General
/// Electric`, `National Steel`): never a company's short form alone.
const NAME_OPENERS: &[&str] = &[
    "General",
    "National",
    "International",
    "United",
    "First",
    "Royal",
    "American",
    "British",
    "Pacific",
    "Atlantic",
    "Western",
    "Eastern",
    "Northern",
    "Southern",
    "Central",
    "New",
    "Standard",
    "Universal",
    "Global",
    "Allied",
    "Consolidated",
    "Federal",
    "Union",
    "Great",
    "Mutual",
    "Security",
    "Commercial",
    "Public",
    "Home",
    "Old",
];

/// A club's last word that names it alone in sports copy (`United` for `Manchester
/// United`): not `City` or `Town`, which name places too.
const CLUB_ALONE: &[&str] = &[
    "United",
    "Rovers",
    "Wanderers",
    "Athletic",
    "Albion",
    "Villa",
    "Hotspur",
    "Rangers",
    "Celtic",
];

/// The words of a club's name that name it alone: `Rovers` of `Blackburn Rovers` (a
/// [`CLUB_ALONE`] word), `Colts` of `Indianapolis Colts` and `Red Sox` of `Boston Red Sox`
/// (a major-league nickname after a place's name).
fn club_alone(canonical: &str) -> Option<&str> {
    let (_, last) = canonical.rsplit_once(' ')?;
    if CLUB_ALONE.contains(&last) {
        return Some(last);
    }
    // Asked of every organization learned: most end in no nickname's last word.
    static LAST_WORDS: std::sync::LazyLock<HashSet<&'static str>> =
        std::sync::LazyLock::new(|| {
            super::lexicon::CLUB_NICKNAMES
                .iter()
                .map(|n| n.rsplit(' ').next().unwrap_or(n))
                .collect()
        });
    if !LAST_WORDS.contains(last) {
        return None;
    }
    super::lexicon::CLUB_NICKNAMES.iter().copied().find(|nick| {
        // `Tampa Bay Lightning`: the place may be named by its first word.
        canonical.strip_suffix(nick).is_some_and(|place| {
            place.strip_suffix(' ').is_some_and(|place| {
                let first = place.split(' ').next().unwrap_or(place);
                [place, first]
                    .iter()
                    .any(|p| lookup_place(p).is_some() || region(p).is_some())
            })
        })
    })
}

/// A word's hash, for the set of words [`Knowledge::learn`] changed.
fn word_hash(w: &str) -> u64 {
    use std::hash::BuildHasher;
    rustc_hash::FxBuildHasher.hash_one(w)
}

/// What [`Knowledge::learn`] learns from: a full name that is not a place's.
fn learnable(f: &Found) -> bool {
    f.form == MentionForm::Full && f.kind != EntityKind::Place
}

/// `al-Assad`, `el-Sisi`: an Arabic article joined to a capitalized name, which is a word
/// of the name however it is written.
fn arabic_article(w: &str) -> bool {
    // Byte tests first: this is asked of every lower-case word the scanner passes.
    let b = w.as_bytes();
    b.len() > 3
        && b[2] == b'-'
        && b[1] == b'l'
        && matches!(b[0], b'a' | b'e' | b'A' | b'E')
        && w.get(3..).is_some_and(is_cap)
}

/// Second references a person's name allows besides the surname alone: the surname with
/// its particles (`van der Berg` and `Van der Berg` for `Pieter van der Berg`), the two
/// surnames of a Spanish name (`García Márquez` for `Gabriel García Márquez`), and an
/// Arabic surname without its article (`Assad` for `Bashar al-Assad`). Keys of
/// [`Knowledge::full`] (several words) or of its surnames (one).
fn surname_forms(canonical: &str, surname: &str) -> (Vec<String>, Vec<String>) {
    let (mut full, mut single) = (Vec::new(), Vec::new());
    let words: Vec<&str> = canonical.split(' ').collect();
    if let Some(p) = (1..words.len().saturating_sub(1))
        .find(|&i| sets::PARTICLES.contains(words[i]) && words[i].starts_with(char::is_lowercase))
    {
        let with = words[p..].join(" ");
        let mut cap = with.clone();
        if let Some(f) = cap.get_mut(0..1) {
            f.make_ascii_uppercase();
        }
        full.push(with);
        full.push(cap);
        single.push(words[words.len() - 1].to_string());
    } else if words.len() == 3
        && words.iter().all(|w| is_cap(w) && !w.ends_with('.'))
        && !matches!(words[2], "Jr" | "Sr" | "II" | "III" | "IV")
        && words[1].chars().count() > 2
        && words[1].ends_with(|c: char| c.is_lowercase())
        && !sets::GIVEN_NAMES.contains(words[1])
    {
        // `Gabriel García Márquez`: a middle word that is no given name is a first surname.
        full.push(words[1..].join(" "));
    }
    for a in ["al-", "el-", "Al-", "El-"] {
        if let Some(rest) = surname.strip_prefix(a).filter(|r| is_cap(r)) {
            single.push(rest.to_string());
            let mut cap = surname.to_string();
            if let Some(f) = cap.get_mut(0..1) {
                f.make_ascii_uppercase();
            }
            single.push(cap);
        }
    }
    (full, single)
}

fn guess_kind(name: &str, has_acronym: bool) -> EntityKind {
    let words: Vec<&str> = name.split_whitespace().collect();
    if has_acronym || words.iter().any(|w| sets::ORG_WORDS.contains(w)) {
        EntityKind::Organization
    } else if lookup_place(name).is_some() {
        EntityKind::Place
    } else if (2..=4).contains(&words.len()) {
        EntityKind::Person
    } else {
        EntityKind::Other
    }
}

struct Scanner<'a> {
    /// The block being scanned: token spans, and the spans found, are relative to it.
    text: &'a str,
    /// Where the block starts in the document, for comparing with [`Known::first_at`].
    base: usize,
    know: &'a Knowledge,
    heading: bool,
    toks: &'a [Tok],
    out: Vec<Found>,
    /// A surname shared by several known people was resolved by position: the result
    /// depends on where the block is, not only on its text.
    positional: bool,
    /// Room for [`Scanner::with_joined`]'s words, kept across calls.
    scratch: std::cell::Cell<String>,
}

impl<'a> Scanner<'a> {
    fn w(&self, i: usize) -> &'a str {
        self.toks[i].span.text(self.text)
    }

    fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b - 1].span.end)
    }

    /// The words `a..b` joined by single spaces (one word is borrowed, not copied).
    fn joined(&self, a: usize, b: usize) -> Cow<'a, str> {
        if b == a + 1 {
            return Cow::Borrowed(self.w(a));
        }
        let mut s = String::new();
        for i in a..b {
            if i > a {
                s.push(' ');
            }
            s.push_str(self.w(i));
        }
        Cow::Owned(s)
    }

    /// `f` of the words `a..b` joined by single spaces ([`Scanner::joined`]), written into
    /// a buffer the scanner keeps instead of a new string.
    fn with_joined<R>(&self, a: usize, b: usize, f: impl FnOnce(&str) -> R) -> R {
        if b == a + 1 {
            return f(self.w(a));
        }
        let mut s = self.scratch.take();
        s.clear();
        for i in a..b {
            if i > a {
                s.push(' ');
            }
            s.push_str(self.w(i));
        }
        let r = f(&s);
        self.scratch.set(s);
        r
    }

    /// The words `a..b` joined by single spaces, as a name to keep.
    fn joined_arc(&self, a: usize, b: usize) -> Arc<str> {
        self.with_joined(a, b, |s| Arc::from(s))
    }

    fn push(
        &mut self,
        span: Span,
        kind: EntityKind,
        canonical: impl Into<Arc<str>>,
        form: MentionForm,
    ) {
        self.out
            .push(Found::new(span, kind, canonical, form, self.heading));
    }

    fn push_known(&mut self, span: Span, idx: usize, form: MentionForm) {
        let k = &self.know.known[idx];
        self.push(span, k.kind, k.canonical.clone(), form);
    }

    /// Whether word `i` is [`arabic_article`]'s, testing its bytes before slicing it.
    /// Asked of every lower-case word [`Scanner::scan`] passes: kept inline.
    #[inline(always)]
    fn arabic(&self, i: usize) -> bool {
        let s = self.toks[i].span;
        let b = self.text.as_bytes();
        s.end > s.start + 3
            && b.get(s.start + 2) == Some(&b'-')
            && b[s.start + 1] == b'l'
            && arabic_article(self.w(i))
    }

    /// Scan the block (`self.text`) and its words (`self.toks`).
    fn scan(&mut self) {
        let n = self.toks.len();
        let mut i = 0;
        while i < n {
            if !self.toks[i].cap() && !self.arabic(i) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < n && !self.toks[j - 1].possessive {
                // `Ostrander Holdings Inc. Ostrander is`: a legal form with its period ends
                // a name (not `Samsung Electronics Co. Ltd.`).
                let prev = self.w(j - 1);
                if prev.ends_with('.')
                    && LEGAL_FORMS.contains(&prev)
                    && !LEGAL_FORMS.contains(&self.w(j))
                {
                    break;
                }
                if self.toks[j].joined
                    && (self.toks[j].cap() || self.arabic(j) || self.w(j) == "plc")
                {
                    // `Barclays Bank plc`: the legal form in lower case ends the name.
                    j += 1;
                } else if let Some(skip) = self.connector_bridge(j) {
                    j += skip;
                } else if let Some(skip) = self.particle_bridge(j) {
                    j += skip;
                } else {
                    break;
                }
            }
            self.run(i, j);
            i = j;
        }
        self.people_in_lists();
        self.table_lines();
        self.city_and_state();
    }

    /// `(D-Ill)`, `(R-Tenn.)`, `Sen. Carl Levin, D-Mich,`: the state of a U.S.
    /// legislator's party tag.
    fn party_states(&mut self) {
        let text = self.text;
        let b = text.as_bytes();
        for dash in memchr::memchr_iter(b'-', b) {
            if dash == 0
                || !matches!(b[dash - 1], b'D' | b'R' | b'I')
                || !(dash < 2 || matches!(b[dash - 2], b'(' | b' '))
            {
                continue;
            }
            let rest = &text[dash + 1..];
            let len = rest
                .bytes()
                .take_while(|c| c.is_ascii_alphabetic() || *c == b'.')
                .count();
            let abbr = &rest[..len];
            if !rest[len..].starts_with([')', ',', ' ', ';']) && len != rest.len() {
                continue;
            }
            let with_period;
            let key = if abbr.ends_with('.') {
                abbr
            } else {
                with_period = format!("{abbr}.");
                &with_period
            };
            let Some(full) = crate::words::state_abbreviation(key).or_else(|| {
                crate::words::AP_STATES
                    .iter()
                    .find(|(_, full, ap)| *ap == abbr && full == ap)
                    .map(|&(_, full, _)| full)
            }) else {
                continue;
            };
            let sp = Span::new(dash + 1, dash + 1 + len);
            let over = |f: &Found| f.span.overlaps(sp);
            // The tag read as a name of its own (`D-Ill`) gives way.
            self.out
                .retain(|f| !(over(f) && f.kind == EntityKind::Other));
            if !self.out.iter().any(over) {
                self.push(sp, EntityKind::Place, full, MentionForm::Name);
            }
        }
    }

    /// `Houston, Tex.`, `Goldendale, Washington`, `of Lugano, Switzerland`: a state's
    /// abbreviation after a city and a comma is the state; one or two capitalized words no
    /// pass recognized, after a place preposition and before a comma and a state or
    /// country, are a place.
    #[inline(never)]
    fn city_and_state(&mut self) {
        if self.heading {
            return;
        }
        self.party_states();
        let text = self.text;
        let toks = self.toks;
        let taken = |out: &[Found], sp: Span| out.iter().any(|f| f.span.overlaps(sp));
        for i in 1..toks.len() {
            let t = &toks[i];
            if !t.cap() || text.as_bytes().get(t.span.start.wrapping_sub(2)) != Some(&b',') {
                continue;
            }
            let prev = &toks[i - 1];
            if !prev.cap() || prev.possessive || text.get(prev.span.end..t.span.start) != Some(", ")
            {
                continue;
            }
            // The state's abbreviation (the token, and the period after it).
            let w = t.span.text(text);
            let with_period = text
                .get(t.span.start..t.span.end + 1)
                .filter(|s| s.ends_with('.') && !w.ends_with('.'))
                .unwrap_or(w);
            let region = if let Some(full) = crate::words::state_abbreviation(with_period) {
                let sp = Span::new(t.span.start, t.span.start + with_period.len());
                if !taken(&self.out, sp) {
                    self.push(sp, EntityKind::Place, full, MentionForm::Name);
                }
                true
            } else {
                self.out.iter().any(|f| {
                    f.span.start == t.span.start
                        && f.kind == EntityKind::Place
                        && lookup_place(&f.canonical).is_some_and(|pl| pl.kind != "city")
                })
            };
            if !region {
                continue;
            }
            // The city before the comma: one or two capitalized words after a place
            // preposition.
            let end = i - 1;
            let start = if end >= 1 && toks[end - 1].cap() && toks[end].joined {
                end - 1
            } else {
                end
            };
            if start == 0 || !toks[start].joined {
                continue;
            }
            let before = toks[start - 1].span.text(text);
            if !matches!(
                before,
                "in" | "at" | "of" | "from" | "near" | "outside" | "to"
            ) {
                continue;
            }
            const NOT_PLACES: Classes = class::TITLE
                | class::ORG_WORD
                | class::OTHER_WORD
                | class::DEMONYM
                | class::STOPWORD
                | class::ORG_NAME;
            if (start..=end).any(|k| toks[k].class & NOT_PLACES != 0 || toks[k].all_caps()) {
                continue;
            }
            let sp = Span::new(toks[start].span.start, toks[end].span.end);
            if taken(&self.out, sp) {
                continue;
            }
            let name = single_spaced(sp.text(text));
            self.push(sp, EntityKind::Place, name, MentionForm::Name);
        }
    }

    /// Results and standings lines (`Leeds 2 Everton 0`, `Japan 2 Syria 1 ( halftime
    /// 1-0 )`, `Leeds 6 4 1 1 10 4 13`): each name before the numbers is a team's. A
    /// country's is the place (national teams are typed as places); any other is an
    /// organization (a club, even one named after a city), learned for the rest of the
    /// story; a person found there stays one (a golfer's line of scores).
    #[inline(never)]
    fn table_lines(&mut self) {
        if self.heading {
            return;
        }
        let text = self.text;
        let mut teams: Vec<Span> = Vec::new();
        let mut places: Vec<Span> = Vec::new();
        for (start, line) in lines_at(text) {
            // A table's line is short and ends with a number or a parenthesis (`( halftime
            // 1-0 )`); a line of prose ends with a stop or a quotation mark.
            let last = line.trim_end().bytes().last().unwrap_or(b' ');
            if line.len() > 120 || !(last.is_ascii_digit() || last == b')') {
                continue;
            }
            teams_in_line(line, start, &mut teams);
            paren_places(line, start, &mut places);
        }
        for sp in places {
            if !self
                .out
                .iter()
                .any(|f| f.span == sp && f.kind == EntityKind::Place)
            {
                let name = single_spaced(sp.text(text));
                let canonical = lookup_place(&name).map_or(name, |pl| pl.name.to_string());
                self.out.retain(|f| !f.span.overlaps(sp));
                self.push(sp, EntityKind::Place, canonical, MentionForm::Name);
            }
        }
        for sp in teams {
            self.team(sp);
        }
    }

    /// [`Scanner::table_lines`]' decision for one team's name at `sp`.
    fn team(&mut self, sp: Span) {
        let overlaps = |f: &Found| f.span.overlaps(sp);
        if self
            .out
            .iter()
            .any(|f| overlaps(f) && f.kind == EntityKind::Person && f.span == sp)
        {
            return;
        }
        let (Ok(p), Ok(e)) = (
            self.toks.binary_search_by_key(&sp.start, |t| t.span.start),
            self.toks.binary_search_by_key(&sp.end, |t| t.span.end),
        ) else {
            return;
        };
        let e = e + 1;
        let raw = &self.text[sp.start..sp.end];
        let name = if raw.chars().any(char::is_lowercase) {
            single_spaced(raw)
        } else {
            title_case(&single_spaced(raw))
        };
        const CLUB: Classes = class::CLUB_WORD | class::ORG_WORD | class::ORG_NAME;
        let club = (p..e).any(|i| self.toks[i].class & CLUB != 0);
        let place = lookup_place(&name).filter(|pl| pl.kind != "city");
        let (kind, canonical, form, evidence) = match place {
            Some(pl) if !club => (
                EntityKind::Place,
                Arc::from(pl.name),
                MentionForm::Name,
                Evidence::Other,
            ),
            _ if !club && e - p >= 2 && self.person_run(p, e, None) == Some(e - p) => (
                EntityKind::Person,
                Arc::from(name),
                MentionForm::Full,
                Evidence::Names,
            ),
            _ => (
                EntityKind::Organization,
                Arc::from(name),
                MentionForm::Full,
                Evidence::Other,
            ),
        };
        self.out.retain(|f| !overlaps(f));
        self.out.push(Found {
            span: sp,
            kind,
            canonical,
            form,
            role: None,
            acronym: None,
            heading: false,
            evidence,
        });
    }

    /// `Romelu Lukaku, Yannick Carrasco and Dries Mertens`, `Jan Novak (Czech Republic)`:
    /// two or three capitalized words with no other evidence (an `other` name) are a
    /// person's when a list puts them beside a person (`, ` / `, and ` / ` and ` between)
    /// or a country or state follows in parentheses, as in a results table.
    fn people_in_lists(&mut self) {
        if self.heading || self.out.is_empty() {
            return;
        }
        let text = self.text;
        const NOT_NAMES: Classes = class::ORG_WORD
            | class::OTHER_WORD
            | class::DEMONYM
            | class::STOPWORD
            | class::TITLE
            | class::FEATURE_WORD
            | class::CLUB_WORD
            | class::ORG_NAME;
        // Two or three capitalized words, none a word of another kind or a place's; when
        // not `listed`, not after a preposition (`Raymond Chan of People Power, and …`:
        // an organization's or a place's name there).
        let words_ok = |f: &Found, listed: bool| {
            let t = f.span.text(text);
            let after_preposition = || {
                let before = text[..f.span.start].trim_end_matches(' ');
                before
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .is_some_and(|w| {
                        matches!(
                            w,
                            "of" | "at" | "in" | "for" | "from" | "on" | "by" | "to" | "the"
                        )
                    })
            };
            (1..=2).contains(&t.bytes().filter(|&b| b == b' ').count())
                && !t.contains(['\n', '\t', '.', '&'])
                && (listed || !after_preposition())
                && t.split(' ').all(|w| {
                    w.starts_with(|c: char| c.is_uppercase())
                        && w.chars()
                            .skip(1)
                            .all(|c| c.is_lowercase() || c == '-' || c == '\'')
                        && super::lexicon::classes(w) & NOT_NAMES == 0
                        && lookup_place(w).is_none()
                })
        };
        let list_sep =
            |x: usize, y: usize| matches!(text.get(x..y), Some(", " | ", and " | " and " | "; "));
        let country_after = |end: usize| {
            let rest = text.get(end..).unwrap_or_default();
            let Some(inner) = rest.strip_prefix(" (").or_else(|| rest.strip_prefix('(')) else {
                return false;
            };
            let Some(close) = inner.find(')').filter(|&c| c <= 40) else {
                return false;
            };
            // A city's name too on a results line (`Ato Boldon ( Trinidad ) 20.11`).
            let results = || {
                inner[close..]
                    .split('\n')
                    .next()
                    .is_some_and(|l| l.bytes().any(|b| b.is_ascii_digit()))
            };
            let inner = inner[..close].trim();
            lookup_place(inner).is_some_and(|pl| pl.kind != "city" || results())
        };
        // A cricket scorecard's `c Inzamam-ul-Haq b Wasim Akram`: the fielder and the
        // bowler.
        let bowled = |start: usize| {
            let before = &text[..start];
            (before.ends_with(" b ") || before.ends_with(" c "))
                && text[start..]
                    .split('\n')
                    .next()
                    .is_some_and(|l| l.bytes().any(|b| b.is_ascii_digit()))
        };
        let promote = |f: &mut Found| {
            f.kind = EntityKind::Person;
            f.form = MentionForm::Full;
            f.evidence = Evidence::Names;
        };
        let n = self.out.len();
        for i in 0..n {
            let sp = self.out[i].span;
            match self.out[i].kind {
                // `Leeds 1 Barnsley 3`: a city in a results line is its club.
                EntityKind::Place
                    if text
                        .as_bytes()
                        .get(sp.end + 1)
                        .is_some_and(u8::is_ascii_digit)
                        && score_line(text, sp)
                        && lookup_place(&self.out[i].canonical)
                            .is_some_and(|pl| pl.kind == "city") =>
                {
                    self.out[i].kind = EntityKind::Organization;
                }
                EntityKind::Other => {
                    let prev = i > 0
                        && self.out[i - 1].kind == EntityKind::Person
                        && list_sep(self.out[i - 1].span.end, sp.start);
                    let scorecard = || {
                        bowled(sp.start)
                            && sp.text(text).split(' ').count() <= 3
                            && !sp.text(text).contains(['.', '\n'])
                    };
                    if (prev || country_after(sp.end)) && words_ok(&self.out[i], true)
                        || scorecard()
                    {
                        promote(&mut self.out[i]);
                    }
                }
                _ => {}
            }
        }
        for i in (0..n.saturating_sub(1)).rev() {
            let (sp, next) = (self.out[i].span, self.out[i + 1].span);
            if self.out[i].kind != EntityKind::Other
                || self.out[i + 1].kind != EntityKind::Person
                || !list_sep(sp.end, next.start)
            {
                continue;
            }
            // After a preposition, only the first of a list of three or more (`the crew
            // of Joren Vlaminck, Patrick Dunne and Teodor Maes`).
            let three = self
                .out
                .get(i + 2)
                .is_some_and(|f| list_sep(next.end, f.span.start));
            if words_ok(&self.out[i], three) {
                promote(&mut self.out[i]);
            }
        }
    }

    /// A word that is a name by its shape or the gazetteer, not a common noun capitalized
    /// inside a longer name (`Telephone` in `Nippon Telegraph and Telephone`): an
    /// acronym or a word with a capital inside (`DHL`, `USAir`), a place (`Iceland`), a
    /// bank's one-word name (`Commerzbank`).
    fn name_of_its_own(&self, i: usize) -> bool {
        let w = self.w(i);
        w.chars().skip(1).any(char::is_uppercase) || bank_name(w) || lookup_place(w).is_some()
    }

    /// One or two connectors at `j` followed by a capitalized word (`of the Petroleum`):
    /// how many words to take.
    fn connector_bridge(&self, j: usize) -> Option<usize> {
        let n = self.toks.len();
        for len in 1..=2 {
            if j + len >= n {
                return None;
            }
            let all = (j..=j + len).all(|i| self.toks[i].joined);
            let conns = (j..j + len).all(|i| sets::CONNECTORS.has(self.toks[i].class));
            if !all || !conns {
                return None;
            }
            if self.toks[j + len].cap() {
                return Some(len + 1);
            }
        }
        None
    }

    /// A lower-case particle inside a name at `i` (`van`, `de`, `bin` after a capitalized
    /// word, before one, possibly after another particle).
    fn particle_in_name(&self, i: usize) -> bool {
        let t = &self.toks[i];
        i > 0
            && t.joined
            && !t.cap()
            && sets::PARTICLES.has(t.class)
            && (self.toks[i - 1].title_case() && !self.toks[i - 1].possessive
                || i > 1 && self.toks[i - 1].joined && self.particle_in_name(i - 1))
    }

    /// One or two particles at `j` and then a capitalized word (`van der Berg`): how many
    /// words to take.
    fn particle_bridge(&self, j: usize) -> Option<usize> {
        let n = self.toks.len();
        (1..=2).find_map(|len| {
            (j + len < n
                && (j..j + len).all(|i| self.particle_in_name(i))
                && self.toks[j + len].joined
                && self.toks[j + len].title_case())
            .then_some(len + 1)
        })
    }

    fn run(&mut self, mut a: usize, mut b: usize) {
        while a < b
            && (sets::STOPWORDS.has(self.toks[a].class) || sets::CONNECTORS.has(self.toks[a].class))
        {
            a += 1;
        }
        while b > a
            && (sets::CONNECTORS.has(self.toks[b - 1].class)
                || b - a > 1 && sets::STOPWORDS.has(self.toks[b - 1].class))
        {
            b -= 1;
        }
        if a >= b {
            return;
        }
        if !self.heading && self.titled(a, b) {
            return;
        }
        if self.org_or_other(a, b) {
            return;
        }
        // `Trinidad and Tobago`, `Bosnia and Herzegovina`: a place with a connector inside.
        if (a..b).any(|i| sets::CONNECTORS.has(self.toks[i].class)) && b - a <= 5 {
            if let Some(info) = self.with_joined(a, b, lookup_place) {
                let span = self.span(a, b);
                self.push(span, EntityKind::Place, info.name, MentionForm::Name);
                return;
            }
        }
        let mut s = a;
        for k in a..=b {
            if k == b
                || sets::CONNECTORS.has(self.toks[k].class)
                    && !(self.particle_in_name(k) && self.particle_bridge(k).is_some())
                    && !(k > a && self.particle_in_name(k - 1) && self.particle_in_name(k))
            {
                if s < k && (self.heading || !self.titled(s, k)) {
                    self.names(s, k);
                }
                s = k + 1;
            }
        }
    }

    fn name_token_ok(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let w = self.w(i);
        let initial = w.len() <= 3 && w.ends_with('.') && t.cap();
        const NOT_NAMES: Classes = class::ORG_WORD
            | class::OTHER_WORD
            | class::DEMONYM
            | class::STOPWORD
            | class::TITLE
            | class::FEATURE_WORD;
        (t.title_case() || initial || arabic_article(w)) && t.class & NOT_NAMES == 0
    }

    /// `[Nationality] Title Name`: a person introduced with a title.
    fn titled(&mut self, a: usize, b: usize) -> bool {
        let Some(k) = (a..b).rev().find(|&k| sets::TITLES.has(self.toks[k].class)) else {
            return false;
        };
        // `Chief of Staff Howard Baker`: the name is the last two words after a connector.
        let mut name_start = k + 1;
        if let Some(c) = (k + 1..b)
            .rev()
            .find(|&c| sets::CONNECTORS.has(self.toks[c].class))
        {
            if b - (c + 1) < 3 {
                return false;
            }
            name_start = b - 2;
            // `… and Ludwig van Beethoven`: the particle belongs to the name.
            while name_start > c + 1 && self.particle_in_name(name_start) {
                name_start -= 1;
            }
            // `Director of the National Iodine Nutrition study`: after `of the` the words
            // name an organization or a thing, unless the lists say a person's name ends it.
            if (k + 1..=c).any(|i| self.w(i) == "the")
                && !sets::GIVEN_NAMES.has(self.toks[name_start].class)
                && !sets::SURNAMES.has(self.toks[b - 1].class)
            {
                return false;
            }
        }
        let name = name_start..b;
        let particles = name.clone().filter(|&i| self.particle_in_name(i)).count();
        if name.is_empty()
            || name.len() - particles > 4
            || !name
                .clone()
                .all(|i| self.name_token_ok(i) || self.particle_in_name(i) && i + 1 < b)
        {
            return false;
        }
        // `Chinese Premier Li Keqiang and Russian Prime Minister Dmitry Medvedev`: the
        // title's own stretch starts after the last connector before it.
        let a = match (a..k)
            .rev()
            .find(|&c| sets::CONNECTORS.has(self.toks[c].class))
        {
            Some(c) if !(c..k).any(|i| sets::TITLES.has(self.toks[i].class)) || c + 1 < k => {
                if (a..c).any(|i| sets::TITLES.has(self.toks[i].class)) {
                    self.run(a, c);
                    c + 1
                } else {
                    a
                }
            }
            _ => a,
        };
        let title = self.w(k);
        let single = name.len() == 1;
        // The name's one word (`single`).
        let word = self.w(name_start);
        let span = self.span(name_start, b);
        if single && !STRONG_TITLES.contains(&title) && !self.know.surnames.contains_key(word) {
            return false;
        }
        let role = Some(single_spaced(
            Span::new(self.toks[a].span.start, self.toks[name_start - 1].span.end).text(self.text),
        ));
        // `Federal Reserve Chairman Paul Volcker`, `former Iowa Congressman Berkley Bedell`:
        // an organization or a place named in the title is one of the story's names too.
        if k > a {
            let before = self.out.len();
            self.run(a, k);
            // Not a minister's portfolios (`Finance and Petroleum Minister`), but a
            // committee's name (`House Ways and Means Committee Chairman`).
            let text = self.text;
            let named = self.out.split_off(before);
            self.out.extend(named.into_iter().filter(|f| {
                let name = f.span.text(text);
                let org_last = name
                    .rsplit(' ')
                    .next()
                    .is_some_and(|w| ORG_HEADS.contains(&w));
                f.kind == EntityKind::Place
                    || f.kind == EntityKind::Organization && (!name.contains(" and ") || org_last)
            }));
        }
        if single && self.know.ambiguous_surname(word) {
            self.positional = true;
        }
        let by_surname = single
            .then(|| self.know.by_surname(word, self.base + span.start))
            .flatten();
        let know = self.know;
        let (kind, canonical, form) = if let Some(idx) = by_surname {
            let kn = &know.known[idx];
            (kn.kind, kn.canonical.clone(), MentionForm::Surname)
        } else {
            self.with_joined(name_start, b, |name| match know.full.get(name) {
                Some(&idx) => {
                    let kn = &know.known[idx];
                    (kn.kind, kn.canonical.clone(), MentionForm::Full)
                }
                None => (EntityKind::Person, Arc::from(name), MentionForm::Full),
            })
        };
        self.out.push(Found {
            span,
            kind,
            canonical,
            form,
            role,
            acronym: None,
            heading: self.heading,
            evidence: Evidence::Title,
        });
        true
    }

    /// A capitalized name holding an organization word (or an initiative word), with an
    /// acronym in parentheses after it.
    fn org_or_other(&mut self, a: usize, b: usize) -> bool {
        if self.split_names(a, b) {
            return true;
        }
        let has = |list: &sets::WordSet| (a..b).any(|i| list.has(self.toks[i].class));
        // `Shares of Warner Communications Inc`: a sentence's first word before `of` and a
        // company's name is no part of the name.
        if b - a > 3
            && self.toks[a].sent_start
            && self.w(a + 1) == "of"
            && !sets::ORG_WORDS.has(self.toks[a].class)
            && LEGAL_FORMS.contains(&self.w(b - 1))
        {
            self.run(a + 2, b);
            return true;
        }
        if has(&sets::ORG_WORDS) {
            // `Defense Department Inspector General`, `Treasury Department Secretary James
            // Baker`: a title after the organization's word starts a stretch of its own.
            if let Some(k) = (a + 2..b).find(|&k| {
                sets::TITLES.has(self.toks[k].class)
                    && sets::ORG_WORDS.has(self.toks[k - 1].class)
                    && !(k..b).any(|i| sets::ORG_WORDS.has(self.toks[i].class))
            }) {
                self.run(a, k);
                self.run(k, b);
                return true;
            }
            // `Chairman of the Australian Centre for …`, `CEO of the Refugee Council`: the
            // title before `of` is no part of the organization's name.
            if b - a > 2
                && (sets::TITLES.has(self.toks[a].class) || self.w(a) == "CEO")
                && self.w(a + 1) == "of"
            {
                let start = (a + 1..b)
                    .find(|&i| !sets::CONNECTORS.has(self.toks[i].class))
                    .unwrap_or(b);
                if start < b && (start..b).any(|i| sets::ORG_WORDS.has(self.toks[i].class)) {
                    self.run(start, b);
                    return true;
                }
            }
            // `the Refugee Council Enver Solomon`: a name the lists call a person's after
            // the organization word that ends an organization's name.
            if let Some(k) = (a..b)
                .rev()
                .find(|&i| sets::ORG_WORDS.has(self.toks[i].class))
            {
                if k > a
                    && (2..=3).contains(&(b - k - 1))
                    && !(a..k).any(|i| sets::CONNECTORS.has(self.toks[i].class))
                    && self.person_run(k + 1, b, None) == Some(b - k - 1)
                {
                    self.run(a, k + 1);
                    self.run(k + 1, b);
                    return true;
                }
            }
        }
        let span = self.span(a, b);
        let acronym = paren_acronym(self.text, span.end);
        // `Asia-Pacific Economic Cooperation (APEC)`: a name spelled out before its acronym.
        let spelled_out = acronym
            .is_some_and(|(acr, _)| acr.chars().next() == self.w(a).chars().next() && b - a >= 2);
        // `Tampa Bay Lightning`: a place and a major-league nickname is a club.
        let club = || {
            self.with_joined(a, b, |j| {
                club_alone(j).is_some_and(|c| !CLUB_ALONE.contains(&c))
            })
        };
        let mut kind = if has(&sets::ORG_WORDS)
            || spelled_out && !has(&sets::OTHER_WORDS)
            || has(&sets::FEATURE_WORDS) && club()
        {
            EntityKind::Organization
        } else if has(&sets::FEATURE_WORDS) {
            // `board chairman John Tower`, `John Tower said`: a person's name, which
            // [`Scanner::leftover`] reads with that evidence.
            if b - a == 2
                && sets::GIVEN_NAMES.has(self.toks[a].class)
                && sets::SURNAMES.has(self.toks[a + 1].class)
                && (self.role_before(a)
                    || self.speech_after(a + 1)
                    || appositive(self.text, self.toks[a + 1].span.end).is_some())
            {
                return false;
            }
            EntityKind::Place
        } else if has(&sets::OTHER_WORDS) {
            EntityKind::Other
        } else {
            return false;
        };
        let mut a = a;
        let mut span = span;
        // `Heinl's Nursery Inc`, `Moody's Investors Service Inc`: a founder's possessive
        // opens a company's name of a word or two and its legal form (not `Japan's
        // Sumitomo Corp`).
        let mut possessive_name = false;
        if kind == EntityKind::Organization
            && a > 0
            && (2..=3).contains(&(b - a))
            && LEGAL_FORMS.contains(&self.w(b - 1))
        {
            let prev = self.toks[a - 1];
            let between = self
                .text
                .get(prev.span.end..self.toks[a].span.start)
                .unwrap_or_default();
            const KNOWN: Classes =
                class::ORG_NAME | class::DEMONYM | class::STOPWORD | class::TITLE;
            // One word with the possessive, not the end of a longer name (`National
            // Fuel's Seneca Resources Corp`: a unit of National Fuel).
            let longer =
                a >= 2 && prev.joined && self.toks[a - 2].cap() && !self.w(a - 2).contains('-');
            if prev.possessive
                && !longer
                && prev.title_case()
                && matches!(between, "'s " | "’s ")
                && prev.class & KNOWN == 0
                && lookup_place(self.w(a - 1)).is_none()
                && !self.know.full.contains_key(self.w(a - 1))
                && !self.know.surnames.contains_key(self.w(a - 1))
            {
                a -= 1;
                span = self.span(a, b);
                possessive_name = true;
                self.out.retain(|f| !f.span.overlaps(prev.span));
            }
        }
        if kind == EntityKind::Place {
            // `China and the Korean Peninsula`: the place is what follows the last `and`.
            if let Some(c) = (a..b).rev().find(|&i| matches!(self.w(i), "and" | "&")) {
                let start = (c + 1..b)
                    .find(|&i| !sets::CONNECTORS.has(self.toks[i].class))
                    .unwrap_or(b);
                if start >= b {
                    return false;
                }
                self.run(a, c);
                a = start;
                span = self.span(a, b);
            }
        }
        let words = (a..b)
            .filter(|&i| !sets::CONNECTORS.has(self.toks[i].class))
            .count();
        if words < 2 {
            return false;
        }
        let know = self.know;
        let canonical: Arc<str> = if possessive_name {
            Arc::from(single_spaced(span.text(self.text)))
        } else {
            self.with_joined(a, b, |joined| match know.full.get(joined) {
                Some(&idx) => {
                    kind = know.known[idx].kind;
                    know.known[idx].canonical.clone()
                }
                None => Arc::from(joined),
            })
        };
        let form = if kind == EntityKind::Place {
            MentionForm::Name
        } else {
            MentionForm::Full
        };
        self.out.push(Found {
            span,
            kind,
            canonical: canonical.clone(),
            form,
            role: None,
            acronym: acronym.map(|(s, _)| s.to_string()),
            heading: self.heading,
            evidence: Evidence::Other,
        });
        if let Some((_, sp)) = acronym {
            self.push(sp, kind, canonical, MentionForm::Acronym);
        }
        true
    }

    /// Two names joined by a connector are two names: `Civic Party and the Democratic
    /// Party` (an organization word on each side of `and`), `Alvin Yeung of Civic Party` (a
    /// person's name, by the name lists, before `of`). Scans each part on its own.
    fn split_names(&mut self, a: usize, b: usize) -> bool {
        let org =
            |s: &Self, x: usize, y: usize| (x..y).any(|i| sets::ORG_WORDS.has(s.toks[i].class));
        for c in a + 1..b.saturating_sub(1) {
            let w = self.w(c);
            let mut affiliated = false;
            let split = match w {
                // `Laurie Milbank and Co`: a company's name with its legal form.
                "and" | "&" if c + 2 == b && LEGAL_FORMS.contains(&self.w(c + 1)) => false,
                // `House Ways and Means Committee`, `Nippon Telegraph and Telephone Corp`:
                // a word that ends no organization's name before `and`, a common word after
                // it, and an organization's last word.
                "and" | "&"
                    if c + 2 < b
                        && c > a + 1
                        && !(a..c).any(|i| sets::CONNECTORS.has(self.toks[i].class))
                        && !ORG_HEADS.contains(&self.w(c - 1))
                        && !LEGAL_FORMS.contains(&self.w(c - 1))
                        && !matches!(
                            self.w(c - 1),
                            "Senate" | "House" | "Department" | "Ministry"
                        )
                        && self.toks[c + 1].title_case()
                        && self.toks[c + 1].class & (class::ORG_WORD | class::ORG_NAME) == 0
                        && !self.name_of_its_own(c + 1)
                        && lookup_place(self.w(c + 1)).is_none()
                        && !NAME_OPENERS.contains(&self.w(c + 1))
                        && self.person_run(a, c, None) != Some(c - a)
                        && !self.with_joined(a, c, |j| self.know.full.contains_key(j))
                        && (LEGAL_FORMS.contains(&self.w(b - 1))
                            || ORG_HEADS.contains(&self.w(b - 1))) =>
                {
                    false
                }
                // `House and Senate`: the two chambers.
                "and" | "&"
                    if c == a + 1
                        && b == c + 2
                        && matches!(self.w(a), "House" | "Senate")
                        && matches!(self.w(c + 1), "House" | "Senate") =>
                {
                    for i in [a, c + 1] {
                        let name = self.w(i);
                        let found = Found::new(
                            self.toks[i].span,
                            EntityKind::Organization,
                            name,
                            MentionForm::Full,
                            self.heading,
                        );
                        self.out.push(found);
                    }
                    return true;
                }
                "and" | "&" => {
                    let right = if self.w(c + 1) == "the" { c + 2 } else { c + 1 };
                    // An organization and then an organization or a person; a person
                    // and then an organization.
                    let left_org = org(self, a, c);
                    let right_org = right < b && org(self, right, b);
                    // `the White House and Volcker`: a person known by surname or in full.
                    let right_known = right < b
                        && (b - right == 1 && self.know.surnames.contains_key(self.w(right))
                            || self.with_joined(right, b, |j| self.know.full.contains_key(j)));
                    // `NWSC and the Democratic Party`: an acronym is an organization's; one
                    // organization's word alone is none (`Securities and Exchange
                    // Commission`).
                    let left_org = if c == a + 1 {
                        self.org_acronym(a)
                            || sets::ORG_NAMES.has(self.toks[a].class)
                            || bank_name(self.w(a))
                    } else {
                        left_org
                    };
                    // `Deutsche Bank and Commerzbank`: a name ending in an organization's
                    // word, with no connector (`Office of Management and Budget`), then one
                    // more word.
                    let ends_org = c > a + 1
                        && (a..c).all(|i| !sets::CONNECTORS.has(self.toks[i].class))
                        && right == c + 1
                        && b == right + 1
                        && sets::ORG_WORDS.has(self.toks[c - 1].class)
                        && self.name_of_its_own(right);
                    ends_org
                        || right < b
                            && if left_org || right == c + 2 && right_org {
                                right_org
                                    || right_known
                                    || self.person_run(right, b, None).is_some()
                            } else {
                                right_org && self.person_run(a, c, None) == Some(c - a)
                            }
                }
                // `Colorado State University of the US`: an organization, then the
                // country or state it is in.
                "of" if c + 2 < b
                    && self.w(c + 1) == "the"
                    && c - a >= 2
                    && org(self, a, c)
                    && self
                        .with_joined(c + 2, b, lookup_place)
                        .is_some_and(|pl| pl.kind != "city") =>
                {
                    true
                }
                // `Woodco Inc of Houston`, `Sedio N.V. of Lugano`: a company's legal form
                // ends its name; so does `Division` before its parent company's.
                "of" if c > a + 1 && LEGAL_FORMS.contains(&self.w(c - 1)) => true,
                "of" if c > a + 1
                    && matches!(self.w(c - 1), "Division" | "Unit" | "Subsidiary")
                    && LEGAL_FORMS.contains(&self.w(b - 1)) =>
                {
                    true
                }
                "of" => {
                    let acronym = c + 2 == b && self.toks[c + 1].all_caps();
                    if !org(self, a, c) && (org(self, c + 1, b) || acronym) {
                        if self.person_run(a, c, None) == Some(c - a) {
                            true
                        } else if self.unlisted_person(a, c) {
                            affiliated = true;
                            true
                        } else {
                            false
                        }
                    } else {
                        false
                    }
                }
                _ => false,
            };
            if split {
                if affiliated {
                    let name = self.joined_arc(a, c);
                    self.out.push(Found {
                        evidence: Evidence::Affiliation,
                        ..Found::new(
                            self.span(a, c),
                            EntityKind::Person,
                            name,
                            MentionForm::Full,
                            self.heading,
                        )
                    });
                } else {
                    self.run(a, c);
                }
                self.run(c + 1, b);
                return true;
            }
        }
        false
    }

    /// Words `a..b` read as a person's name the given-name list does not know (`Dillard
    /// Spriggs`, `Bijan Moussavar-Rahmani`): two or three capitalized words, none a word
    /// of the lexicon's other lists nor a place's name, the last a surname of the Census
    /// list or a double-barrelled one (not `National Museum`).
    fn unlisted_person(&self, a: usize, b: usize) -> bool {
        const NOT_NAMES: Classes = class::CLUB_WORD | class::ORG_NAME | class::ROLE_NOUN;
        (2..=3).contains(&(b - a))
            && (sets::SURNAMES.has(self.toks[b - 1].class) || self.w(b - 1).contains('-'))
            && (a..b).all(|i| {
                self.name_token_ok(i)
                    && self.toks[i].class & NOT_NAMES == 0
                    && !self.toks[i].all_caps()
                    && lookup_place(self.w(i)).is_none()
            })
    }

    /// [`lexicon::UNMISTAKABLE_CLUBS`](super::lexicon::UNMISTAKABLE_CLUBS) at `p`: how many
    /// words, when the club is the whole run `p..e` or opens a headline's.
    fn unmistakable_club(&self, p: usize, e: usize) -> Option<usize> {
        static SET: std::sync::LazyLock<HashSet<&'static str>> = std::sync::LazyLock::new(|| {
            super::lexicon::UNMISTAKABLE_CLUBS.iter().copied().collect()
        });
        (1..=2.min(e - p)).rev().find(|&len| {
            (p + len == e || self.heading) && self.with_joined(p, p + len, |j| SET.contains(j))
        })
    }

    fn match_full(&self, p: usize, e: usize) -> Option<(usize, usize)> {
        if self.know.full.is_empty() {
            return None;
        }
        (1..=(e - p).min(self.know.longest)).rev().find_map(|len| {
            self.with_joined(p, p + len, |j| self.know.full.get(j).map(|&i| (len, i)))
        })
    }

    /// `Staff Builders` after `Staff Buildiers Inc`, `Gideon Marchetti` after `Marchetti
    /// Hotels Corp`: an organization's one-word short form inside a longer run of
    /// capitalized words `s..e` is part of another name, before a word no list knows or
    /// after a capitalized word.
    fn short_form_in_longer(&self, s: usize, p: usize, e: usize, idx: usize) -> bool {
        let kn = &self.know.known[idx];
        // Not in a headline in title case, where every word is capitalized.
        !self.heading
            && kn.kind == EntityKind::Organization
            && *kn.canonical != *self.w(p)
            && (p + 1 < e
                && self.toks[p + 1].title_case()
                && self.toks[p + 1].class == 0
                && !self.toks[p].possessive
                || p > s
                    && self.toks[p - 1].title_case()
                    && (!self.toks[p - 1].sent_start
                        || sets::GIVEN_NAMES.has(self.toks[p - 1].class)))
    }

    /// A known person or organization written in capitals at `p` (`HARRY KANE`, `KANE`,
    /// `KIM JONG-UN`): how many words, which, and the form.
    fn match_caps(&self, p: usize, e: usize) -> Option<(usize, usize, MentionForm)> {
        if self.w(p).len() < 3 || self.know.known.is_empty() {
            return None;
        }
        let caps = (p..e).take_while(|&i| self.toks[i].all_caps()).count();
        for len in (1..=caps.min(self.know.longest.max(1))).rev() {
            // `BANK OF CEYLON` for `Bank of Ceylon`: a connector inside in lower case.
            let connector = |i: usize| i > p && sets::CONNECTORS.has(self.toks[i].class);
            let name = if len > 2 && (p..p + len).any(connector) {
                (p..p + len)
                    .map(|i| {
                        let w = self.w(i);
                        if connector(i) {
                            w.to_lowercase()
                        } else {
                            title_case(w)
                        }
                    })
                    .collect::<Vec<_>>()
                    .join(" ")
            } else {
                title_case(&self.joined(p, p + len))
            };
            // `AFG INDUSTRIES` for `AFG Industries`: a short word in capitals may be an
            // acronym inside the name.
            let hit = self.know.full.get(&name).or_else(|| {
                (len > 1 && (p..p + len).any(|i| self.w(i).len() <= 4)
                    || (p..p + len).any(|i| self.w(i).contains('-')))
                .then(|| {
                    let mixed: Vec<String> = (p..p + len)
                        .map(|i| {
                            let w = self.w(i);
                            if w.len() <= 4 {
                                w.to_string()
                            } else {
                                // `ALLIS-CHALMERS` for `Allis-Chalmers`.
                                w.split('-').map(title_case).collect::<Vec<_>>().join("-")
                            }
                        })
                        .collect();
                    self.know.full.get(&mixed.join(" "))
                })
                .flatten()
            });
            // Not `IOWA BANK` for the story's `World Bank`: a one-word head in capitals.
            let hit = hit.filter(|&&idx| {
                !(len == 1
                    && ORG_HEADS.contains(&name.as_str())
                    && *self.know.known[idx].canonical != *name)
            });
            if let Some(&idx) = hit {
                let kn = &self.know.known[idx];
                let surname = kn.surname.as_deref().unwrap_or_default();
                let form = if len == 1 && surname == name
                    || len > 1
                        && kn.kind == EntityKind::Person
                        && !kn
                            .canonical
                            .starts_with(name.split(' ').next().unwrap_or_default())
                        && surname_forms(&kn.canonical, surname).0.contains(&name)
                {
                    MentionForm::Surname
                } else {
                    MentionForm::Full
                };
                return Some((len, idx, form));
            }
            if len == 1 && !self.know.ambiguous_surname(&name) {
                if let Some(idx) = self
                    .know
                    .by_surname(&name, self.base + self.toks[p].span.start)
                {
                    return Some((1, idx, MentionForm::Surname));
                }
            }
        }
        None
    }

    fn match_place(&self, p: usize, e: usize) -> Option<(usize, &'static str)> {
        for len in (1..=(e - p).min(4)).rev() {
            let found = self.with_joined(p, p + len, |name| match region(name) {
                Some(r) => Some(Err(r)),
                None => lookup_place(name).map(Ok),
            });
            let info = match found {
                Some(Ok(info)) => info,
                Some(Err(region)) => return Some((len, region)),
                None => continue,
            };
            let after_preposition =
                p > 0 && self.toks[p].joined && PLACE_PREPOSITIONS.contains(&self.w(p - 1));
            let floor = if self.toks[p].sent_start {
                1_000_000
            } else if after_preposition {
                TOWN
            } else {
                100_000
            };
            // `Liverpool 0 Leeds 3`: a line of results opens with a club's city.
            // `Leeds United went top`: a city before a club's word is the club's.
            let club_after = || {
                self.toks
                    .get(p + len)
                    .is_some_and(|t| t.joined && sets::CLUB_WORDS.has(t.class))
            };
            let big = info.kind != "city"
                || info.population >= floor
                || info.population >= TOWN && club_after()
                || self.toks[p].sent_start
                    && info.population >= TOWN
                    && score_line(self.text, self.toks[p].span);
            if len >= 2 || big {
                return Some((len, info.name));
            }
        }
        None
    }

    /// A person's name by the name lists at `p` (before `e`): how many words. The first
    /// word is a given name (`Harry Kane`), or a surname that comes first (`Wong
    /// Pik-wan`), or the last is a surname after a word that is not one (`Dries Mertens`);
    /// a given name that is also a place (`Paris`, `Jordan`) needs a surname after it. A
    /// longer place (`Virginia Beach`, `San Jose`) is not a person.
    fn person_run(&self, p: usize, e: usize, place: Option<usize>) -> Option<usize> {
        if !self.toks[p].title_case() || !self.name_token_ok(p) {
            return None;
        }
        let mut q = p + 1;
        let mut particles = 0;
        while q < e && q - p - particles < 4 && !self.toks[q - 1].possessive {
            if self.name_token_ok(q) {
                q += 1;
            } else if self.particle_in_name(q) {
                particles += 1;
                q += 1;
            } else {
                break;
            }
        }
        // A trailing initial (`John Smith A.`) or particle is not part of a name.
        while q > p + 1 && !self.toks[q - 1].title_case() && !arabic_article(self.w(q - 1)) {
            q -= 1;
        }
        if q - p < 2 || sets::CLUB_WORDS.has(self.toks[q - 1].class) {
            return None;
        }
        // `Yau Wai-ching`, `Kim Min-Woo`: a short word and a hyphenated given name of two
        // short syllables is an East Asian name, written surname first.
        if self.hyphenated_given(p) {
            return Some(2);
        }
        let first = self.toks[p].class;
        let last = self.toks[q - 1].class;
        let given = sets::GIVEN_NAMES.has(first);
        let surname_first = sets::SURNAME_FIRST.has(first);
        // `Administrator Charles Bolden`, `Yesterday Mohamed Ali`: a name that starts at a
        // given name further on starts there; a capital opening a sentence is no evidence.
        if !given
            && !surname_first
            && (self.toks[p].sent_start
                || (p + 1..q - 1).any(|i| sets::GIVEN_NAMES.has(self.toks[i].class))
                || q - p > 2 && sets::GIVEN_NAMES.has(self.toks[q - 1].class))
        {
            return None;
        }
        // A small town's name (`Kyle`, `Walker`: towns of a few thousand) is no evidence
        // against a person's: a region, a country or state, or a city of `floor` people.
        let place_of = |i: usize, floor: u64| {
            let w = self.w(i);
            region(w).is_some()
                || lookup_place(w).is_some_and(|pl| pl.kind != "city" || pl.population >= floor)
        };
        let place_word = |i: usize| place_of(i, TOWN);
        if place.is_some_and(|len| len >= 2) {
            return None;
        }
        // `Statistics Canada`, `Harriet Canada`: a name ending in a country or a state is
        // not a person's by the lists alone.
        if lookup_place(self.w(q - 1)).is_some_and(|pl| pl.kind != "city") {
            return None;
        }
        // `the DAB's Regina Ip`, `Belgium's Dries Mertens`: two or three name-like words
        // after a possessive, no place's but maybe the first, are a person's name.
        let after_possessive = p > 0
            && self.toks[p - 1].possessive
            && self.toks[p].joined
            && q - p <= 3
            && !self.toks[p].sent_start
            && !(p + 1..q).any(place_word)
            && (sets::GIVEN_NAMES.has(self.toks[p].class)
                || sets::SURNAMES.has(self.toks[q - 1].class)
                || sets::SURNAME_FIRST.has(self.toks[p].class | self.toks[q - 1].class));
        let by_lists = if after_possessive {
            true
        } else if given {
            // `David Wright`: after a given name, a surname that is also a town's name
            // (Wright, Florida: 23,000 people) is a surname; a city's of 100,000 or more
            // still counts against a person.
            place.is_none() && !place_word(p)
                || sets::SURNAMES.has(self.toks[p + 1].class) && !place_of(p + 1, 100_000)
        } else if surname_first {
            q - p <= 3 && !place_word(p + 1)
        } else {
            sets::COMMON_SURNAMES.has(last)
                && !sets::SURNAMES.has(first)
                && !place_word(q - 1)
                && !sets::CLUB_WORDS.has(last)
                && place.is_none()
                && !place_word(p)
        };
        by_lists.then_some(q - p)
    }

    /// `Yau Wai-ching`, `Kim Jong-un`, `Kim Min-Woo` at `p`: a capitalized word of two to
    /// five letters, then a given name of two syllables of one to five letters each joined
    /// by a hyphen — the second in lower case, or both capitalized after a surname that
    /// comes first (`Kim`, `Lee`). Neither word a place, an organization's or a stopword.
    fn hyphenated_given(&self, p: usize) -> bool {
        let Some(next) = self.toks.get(p + 1) else {
            return false;
        };
        let (w, g) = (self.w(p), self.w(p + 1));
        let short = |s: &str, lower: bool| {
            (1..=5).contains(&s.len())
                && s.bytes().enumerate().all(|(i, b)| {
                    b.is_ascii_lowercase() || i == 0 && !lower && b.is_ascii_uppercase()
                })
        };
        let Some((x, y)) = g.split_once('-') else {
            return false;
        };
        let surname_first = sets::SURNAME_FIRST.has(self.toks[p].class);
        (2..=5).contains(&w.len())
            && next.joined
            && !self.toks[p].possessive
            && w.as_bytes()[0].is_ascii_uppercase()
            && short(&w[1..], true)
            && x.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
            && short(&x[1..], true)
            && (short(y, true) || surname_first && short(y, false) && y.len() >= 2)
            && self.name_token_ok(p)
            && self.toks[p + 1].class & (class::ORG_WORD | class::STOPWORD | class::CLUB_WORD) == 0
            && (surname_first || lookup_place(w).is_none())
            && lookup_place(g).is_none()
    }

    /// `Real Madrid`, `Sheffield United`, `Kowloon West`, `Melbourne Cricket Ground`: a
    /// place inside a longer capitalized name belongs to that name. `found` is what the
    /// scan of the stretch `s..e` found: when that is one place and nothing but other
    /// capitalized words beside it, the whole stretch is one name — an organization with a
    /// club word or other words beside the place, a place with a compass word.
    fn place_in_name(&self, s: usize, e: usize, found: &[Found]) -> Option<EntityKind> {
        if !(2..=5).contains(&(e - s)) {
            return None;
        }
        let mut places = found.iter().filter(|f| f.kind == EntityKind::Place);
        let place = places.next()?;
        if places.next().is_some()
            || found
                .iter()
                .any(|f| f.kind != EntityKind::Place && f.kind != EntityKind::Other)
        {
            return None;
        }
        const NOT_IN: Classes = class::DEMONYM | class::STOPWORD | class::TITLE;
        if (s..e).any(|i| self.toks[i].class & NOT_IN != 0 || !self.toks[i].cap())
            || (s..e - 1).any(|i| self.toks[i].possessive)
        {
            return None;
        }
        let outside: Vec<usize> = (s..e)
            .filter(|&i| !place.span.contains(self.toks[i].span.start))
            .collect();
        if outside.is_empty() || self.toks[s].sent_start && outside == [s] {
            // `Sunday Beijing ...`: a capital that opens the sentence says nothing.
            return None;
        }
        let club = outside
            .iter()
            .any(|&i| sets::CLUB_WORDS.has(self.toks[i].class));
        // `United States Hamdullah Mohib`: a country or state, then two or more words of
        // no club, is the place and then another name (a person's, usually), not one name.
        if !club
            && outside.len() >= 2
            && place.span.start == self.toks[s].span.start
            && lookup_place(&place.canonical).is_some_and(|pl| pl.kind != "city")
        {
            return None;
        }
        let compass = outside.iter().all(|&i| {
            matches!(
                self.w(i),
                "North"
                    | "South"
                    | "East"
                    | "West"
                    | "Central"
                    | "Upper"
                    | "Lower"
                    | "Greater"
                    | "D.C."
            )
        });
        // `Washington D.C.`: capitals and initials beside a place are not a name's words.
        if !club
            && !compass
            && outside
                .iter()
                .any(|&i| !self.toks[i].title_case() || self.w(i).contains('.'))
        {
            return None;
        }
        Some(if compass && !club {
            EntityKind::Place
        } else {
            EntityKind::Organization
        })
    }

    /// A stretch of capitalized words with no connector.
    fn names(&mut self, s: usize, e: usize) {
        let before = self.out.len();
        self.names_in(s, e);
        // Not in a headline in title case, where every word is capitalized (`Tokyo Stocks
        // Flat`): a name there that the story knows was matched whole.
        if self.heading && !(s..e).all(|i| self.toks[i].all_caps() || !self.toks[i].cap()) {
            return;
        }
        if let Some(kind) = self.place_in_name(s, e, &self.out[before..]) {
            self.out.truncate(before);
            let span = self.span(s, e);
            let name: Arc<str> = self.joined_arc(s, e);
            let form = if kind == EntityKind::Place {
                MentionForm::Name
            } else {
                MentionForm::Full
            };
            self.push(span, kind, name, form);
        }
    }

    fn names_in(&mut self, s: usize, e: usize) {
        let mut left: Vec<usize> = Vec::new();
        let mut p = s;
        while p < e {
            let w = self.w(p);
            if let Some((len, idx)) = self.match_full(p, e).filter(|&(len, idx)| {
                !(len == 1
                    && (self.club_as_place(p, idx) || self.short_form_in_longer(s, p, e, idx)))
            }) {
                self.leftover(&mut left);
                let kn = &self.know.known[idx];
                let several = || {
                    let s = kn.surname.as_deref().unwrap_or_default();
                    let forms = surname_forms(&kn.canonical, s).0;
                    self.with_joined(p, p + len, |j| forms.iter().any(|f| f == j))
                };
                let form = if len == 1 && kn.surname.as_deref() == Some(w)
                    || len > 1
                        && kn.kind == EntityKind::Person
                        && !kn.canonical.starts_with(w)
                        && several()
                {
                    // `Van der Berg`, `García Márquez`: a surname of several words.
                    MentionForm::Surname
                } else {
                    MentionForm::Full
                };
                self.push_known(self.span(p, p + len), idx, form);
                p += len;
                continue;
            }
            if self.toks[p].class & (class::DEMONYM | class::STOPWORD | class::TITLE) != 0
                || !self.toks[p].cap() && !arabic_article(w)
            {
                self.leftover(&mut left);
                p += 1;
                continue;
            }
            // `the Yankees`, `Expos End Life in Montreal`: a major-league nickname no other
            // word is spelled as, standing alone (or opening a headline's run).
            if p == s {
                if let Some(len) = self.unmistakable_club(p, e) {
                    self.leftover(&mut left);
                    let name = self.joined_arc(p, p + len);
                    self.push(
                        self.span(p, p + len),
                        EntityKind::Organization,
                        name,
                        MentionForm::Full,
                    );
                    p += len;
                    continue;
                }
            }
            let sp = self.toks[p].span;
            if self.know.ambiguous_surname(w) {
                self.positional = true;
            }
            if let Some(idx) = self
                .know
                .by_surname(w, self.base + sp.start)
                .filter(|_| !self.place_used_as_place(p))
                // `New South Wales` after someone surnamed `New`: a place of several words.
                .filter(|_| self.match_place(p, e).map_or(true, |(len, _)| len < 2))
            {
                self.leftover(&mut left);
                self.push_known(sp, idx, MentionForm::Surname);
                p += 1;
                continue;
            }
            // `Gloria` alone, after `Gloria Mwangi`: the story's only Gloria (not a place's
            // name, not the start of a longer name).
            if e == p + 1 && !self.toks[p].all_caps() && !self.know.given.is_empty() {
                if let Some(idx) = self.know.by_given(w).filter(|_| lookup_place(w).is_none()) {
                    self.leftover(&mut left);
                    self.push_known(sp, idx, MentionForm::Name);
                    p += 1;
                    continue;
                }
            }
            if self.toks[p].all_caps() {
                if let Some(&idx) = self.know.acronyms.get(w) {
                    self.leftover(&mut left);
                    self.push_known(sp, idx, MentionForm::Acronym);
                    p += 1;
                    continue;
                }
                // `KANE SCORES TWICE`: a shouted line names the story's people too.
                if let Some((len, idx, form)) = self.match_caps(p, e) {
                    self.leftover(&mut left);
                    self.push_known(self.span(p, p + len), idx, form);
                    p += len;
                    continue;
                }
                if let Some(&(_, full, kind)) = WELL_KNOWN.iter().find(|x| x.0 == w) {
                    self.leftover(&mut left);
                    self.push(sp, kind, full.to_string(), MentionForm::Acronym);
                    p += 1;
                    continue;
                }
                if self.org_acronym(p) {
                    self.leftover(&mut left);
                    self.push(sp, EntityKind::Organization, w, MentionForm::Acronym);
                    p += 1;
                    continue;
                }
            }
            // `Citibank`, `Commerzbank`: a bank's one-word name.
            if sets::ORG_NAMES.has(self.toks[p].class) || bank_name(w) && self.toks[p].title_case()
            {
                self.leftover(&mut left);
                self.push(sp, EntityKind::Organization, w, MentionForm::Full);
                p += 1;
                continue;
            }
            // `M. Atherton`, `J. Crawley`: an initial and a surname, as sports copy writes
            // players (not `W. Germany`, `N. Korea`).
            if p == s && p + 2 == e && self.initial_and_surname(p) {
                self.leftover(&mut left);
                self.out.push(Found {
                    span: self.span(p, e),
                    kind: EntityKind::Person,
                    canonical: self.joined_arc(p, e),
                    form: MentionForm::Full,
                    role: None,
                    acronym: None,
                    heading: self.heading,
                    evidence: Evidence::Names,
                });
                p = e;
                continue;
            }
            let place = self.match_place(p, e);
            // A headline's capitals make any run of words look like a name: there, a place
            // opening the run stays the place unless the story knows the name
            // (`Tokyo Stocks Flat`).
            let person = self
                .person_run(p, e, place.as_ref().map(|x| x.0))
                .filter(|&len| {
                    !self.heading
                        || place.is_none()
                        || self.with_joined(p, p + len, |n| self.know.full.contains_key(n))
                });
            if let Some(len) = person {
                self.leftover(&mut left);
                let span = self.span(p, p + len);
                let know = self.know;
                let (kind, canonical) =
                    self.with_joined(p, p + len, |name| match know.full.get(name) {
                        Some(&idx) => (know.known[idx].kind, know.known[idx].canonical.clone()),
                        None => (EntityKind::Person, Arc::from(name)),
                    });
                let role = appositive(self.text, self.toks[p + len - 1].span.end);
                self.out.push(Found {
                    span,
                    kind,
                    canonical,
                    form: MentionForm::Full,
                    role,
                    acronym: None,
                    heading: self.heading,
                    evidence: Evidence::Names,
                });
                p += len;
                continue;
            }
            // `Valeska Paris, an Australian woman,`: a name and then a one-word place, with
            // an appositive after it, is a person whose surname is the place's name.
            if let (Some((1, _)), [prev]) = (place, left.as_slice()) {
                let prev = *prev;
                let role = (p + 1 == e && prev + 1 == p && self.name_token_ok(prev))
                    .then(|| appositive(self.text, self.toks[p].span.end))
                    .flatten();
                if role.is_some() && lookup_place(self.w(prev)).is_none() {
                    left.clear();
                    self.out.push(Found {
                        span: self.span(prev, p + 1),
                        kind: EntityKind::Person,
                        canonical: self.joined_arc(prev, p + 1),
                        form: MentionForm::Full,
                        role,
                        acronym: None,
                        heading: self.heading,
                        evidence: Evidence::Appositive,
                    });
                    p += 1;
                    continue;
                }
            }
            if let Some((len, canonical)) = place {
                self.leftover(&mut left);
                self.push(
                    self.span(p, p + len),
                    EntityKind::Place,
                    canonical,
                    MentionForm::Name,
                );
                p += len;
                continue;
            }
            left.push(p);
            p += 1;
        }
        self.leftover(&mut left);
    }

    /// A one-word organization learned from a results line (`Leeds`), at `p` used as the
    /// city (`in Leeds`) or as part of a longer club name (`Leeds United`).
    fn club_as_place(&self, p: usize, idx: usize) -> bool {
        let k = &self.know.known[idx];
        if k.kind != EntityKind::Organization || k.from_file {
            return false;
        }
        let club_after = self
            .toks
            .get(p + 1)
            .is_some_and(|t| t.joined && sets::CLUB_WORDS.has(t.class));
        let after_in = p > 0 && self.toks[p].joined && matches!(self.w(p - 1), "in" | "near");
        (club_after || after_in) && lookup_place(self.w(p)).is_some()
    }

    /// `M. Atherton`: a single capital's initial at `p`, then a capitalized surname (three
    /// letters or more, no initial, no country or state: `W. Germany`). Only where the name
    /// starts (`Harvey T. Lyon` is the scanner's as before).
    fn initial_and_surname(&self, p: usize) -> bool {
        let (w, next) = (self.w(p), self.w(p + 1));
        let t = &self.toks[p + 1];
        // A word of its own (`Japan-U.S. Trade` is no initial).
        let start = self.toks[p].span.start;
        let alone = start == 0 || self.text.as_bytes()[start - 1].is_ascii_whitespace();
        alone
            && w.len() == 2
            && w.as_bytes()[0].is_ascii_uppercase()
            && w.ends_with('.')
            && t.joined
            && t.title_case()
            && next.len() >= 3
            && !next.contains('.')
            && self.name_token_ok(p + 1)
            && !lookup_place(next).is_some_and(|pl| pl.kind != "city")
    }

    /// A surname that is also a place's name, used there as the place: after a place
    /// preposition (`in Paris`) or before a country or state (`Paris, France`). One sense
    /// per document gives the story's person the word otherwise.
    fn place_used_as_place(&self, p: usize) -> bool {
        let t = &self.toks[p];
        let after_preposition = p > 0 && t.joined && PLACE_PREPOSITIONS.contains(&self.w(p - 1));
        if !after_preposition && !self.text[t.span.end..].starts_with(", ") {
            return false;
        }
        if lookup_place(self.w(p)).is_none() {
            return false;
        }
        after_preposition
            || self.toks.get(p + 1).is_some_and(|n| {
                n.cap() && lookup_place(self.w(p + 1)).is_some_and(|pl| pl.kind != "city")
            })
    }

    /// An acronym in running text (`DAB`, `KPA`, `FTU`) is an organization's: two to six
    /// capitals (and digits or `&`), not a place (`UK`), not a Roman numeral, not one of the
    /// acronyms of things ([`lexicon::NOT_ORG_ACRONYMS`]), and not inside capitals (a
    /// shouted line).
    fn org_acronym(&self, i: usize) -> bool {
        let w = self.w(i);
        let shape = (2..=6).contains(&w.len())
            && w.bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'&')
            && w.bytes().filter(u8::is_ascii_uppercase).count() >= 2;
        if !shape
            || w.bytes().all(|b| b"IVXLCDM".contains(&b))
            || super::lexicon::NOT_ORG_ACRONYMS.contains(&w)
        {
            return false;
        }
        let caps = |j: usize| self.toks.get(j).is_some_and(|t| t.all_caps() && t.joined);
        if i > 0 && caps(i - 1) && self.toks[i].joined || caps(i + 1) {
            return false;
        }
        lookup_place(w).is_none()
    }

    fn speech_before(&self, i: usize) -> bool {
        i > 0 && self.toks[i].joined && sets::SPEECH_VERBS.has(self.toks[i - 1].class)
    }

    /// `A spokeswoman, Renee Castillo, said`, `spokesman Li Wei`: a role noun right before.
    fn role_before(&self, i: usize) -> bool {
        let Some(prev) = i.checked_sub(1).map(|p| self.toks[p]) else {
            return false;
        };
        let between = self
            .text
            .get(prev.span.end..self.toks[i].span.start)
            .unwrap_or_default();
        let w = prev.text(self.text);
        (between == " " || between == ", ")
            && w.chars().all(|c| !c.is_uppercase())
            && (sets::ROLE_NOUNS.has(prev.class)
                // `sixth-seeded Vera Zvonareva`
                || w.ends_with("-seeded")
                || w == "seeded")
    }

    fn speech_after(&self, i: usize) -> bool {
        i + 1 < self.toks.len()
            && self.toks[i + 1].joined
            && !self.toks[i].possessive
            && sets::SPEECH_VERBS.has(self.toks[i + 1].class)
    }

    /// Capitalized words nothing else claimed.
    fn leftover(&mut self, left: &mut Vec<usize>) {
        let (Some(&first), Some(&last)) = (left.first(), left.last()) else {
            return;
        };
        let count = left.len();
        // `board chairman John Tower`: a given name and a surname that is also a place
        // word reads as a person's only with the evidence below.
        let given_and_feature = count == 2
            && sets::GIVEN_NAMES.has(self.toks[first].class)
            && self.name_token_ok(first)
            && sets::FEATURE_WORDS.has(self.toks[last].class)
            && sets::SURNAMES.has(self.toks[last].class)
            && self.toks[last].title_case();
        let all_names = given_and_feature || left.iter().all(|&i| self.name_token_ok(i));
        // Emptied, not dropped: the caller's vector is used again for the next group.
        left.clear();
        let end = last + 1;
        let particle = sets::PARTICLES.has(self.toks[first].class);
        if !self.heading && (2..=4).contains(&count) && all_names && !particle {
            let role = appositive(self.text, self.toks[last].span.end);
            let speech = role.is_none() && (self.speech_before(first) || self.speech_after(last));
            // `Peyton Manning threw`, `Bode Miller won`: a given name the Census list
            // lacks and a surname it has, asked only when nothing else says person. The
            // surname one of the commonest (rarer ones are often words: `Hope Creek`,
            // `Writers Guild`); not a name twice (`Duran Duran`), after `of` (`the ouster
            // of People Power`: a party's), a hyphen (`Masjid Al-Haram`), nor a sentence's
            // first word that no list knows (`Yesterday Mohamed`).
            let unlisted = || {
                sets::COMMON_SURNAMES.has(self.toks[last].class)
                    && self.w(first) != self.w(last)
                    && !(first > 0 && self.w(first - 1) == "of")
                    && (!self.toks[first].sent_start || sets::SURNAMES.has(self.toks[first].class))
                    && self.unlisted_person(first, end)
                    && (first..end).all(|i| !self.w(i).contains('-'))
            };
            let evidence = if role.is_some() {
                Some(Evidence::Appositive)
            } else if speech {
                Some(Evidence::Speech)
            } else if unlisted() {
                Some(Evidence::Names)
            } else if self.role_before(first) {
                Some(Evidence::Speech)
            } else {
                None
            };
            if let Some(evidence) = evidence {
                self.out.push(Found {
                    span: self.span(first, end),
                    kind: EntityKind::Person,
                    canonical: self.joined_arc(first, end),
                    form: MentionForm::Full,
                    role,
                    acronym: None,
                    heading: false,
                    evidence,
                });
                return;
            }
        }
        let first = if self.toks[first].sent_start {
            first + 1
        } else {
            first
        };
        if first >= end {
            return;
        }
        let span = self.span(first, end);
        let name = || self.joined_arc(first, end);
        let admin_after = self.toks.get(end).is_some_and(|t| {
            t.joined && ADMIN_NOUNS.contains(&t.text(self.text)) && !self.toks[last].possessive
        });
        if admin_after || end - first >= 2 && sets::FEATURE_WORDS.has(self.toks[last].class) {
            let name = name();
            self.push(span, EntityKind::Place, name, MentionForm::Name);
        } else if ticker_after(self.text, span.end)
            && !(end - first == 1 && LEGAL_FORMS.contains(&self.w(first)))
        {
            // `Digital Equipment <DEC>`, `PACTEL <PAC>`: the name a stock ticker follows is
            // a company's.
            let name = if is_all_caps(span.text(self.text)) {
                Arc::from(title_case(&single_spaced(span.text(self.text))))
            } else {
                name()
            };
            self.push(span, EntityKind::Organization, name, MentionForm::Full);
        } else if end - first == 1 {
            let w = self.w(first);
            let camel = is_cap(w)
                && w.chars().skip(1).any(char::is_uppercase)
                && w.chars().any(char::is_lowercase);
            if camel {
                self.push(span, EntityKind::Other, w, MentionForm::Name);
            }
        } else {
            let name = name();
            self.push(span, EntityKind::Other, name, MentionForm::Name);
        }
    }
}

/// The population from which a city is a place even where the words around it say little
/// (after a place preposition, opening a results line), and below which its name is no
/// evidence against a person's (`Kyle`, `Walker`: towns of a few thousand).
const TOWN: u64 = 15_000;

/// The population from which a city a headline names is a place even if the body never
/// names it.
const HEADLINE_CITY: u64 = 1_000_000;

/// Whether the line holding `span` is a results line: capitalized words, a score, more
/// capitalized words and a score (`Leeds 1 Barnsley 3`, `Real Sociedad 2 Sevilla 0`), and
/// at most a parenthesis after it.
fn score_line(text: &str, span: Span) -> bool {
    // A results line is short: look no further than 80 bytes either side.
    const NEAR: usize = 80;
    let b = text.as_bytes();
    let from = span.start.saturating_sub(NEAR);
    let start = match b[from..span.start].iter().rposition(|&c| c == b'\n') {
        Some(i) => from + i + 1,
        None if from == 0 => 0,
        None => return false,
    };
    let to = (span.end + NEAR).min(b.len());
    let end = match b[span.end..to].iter().position(|&c| c == b'\n') {
        Some(i) => span.end + i,
        None if to == b.len() => to,
        None => return false,
    };
    let Some(line) = text.get(start..end) else {
        return false;
    };
    let line = line.split('(').next().unwrap_or_default();
    let mut scores = 0;
    let mut words_before = 0;
    for w in line.split_whitespace() {
        if w.bytes().all(|b| b.is_ascii_digit()) && w.len() <= 2 {
            if words_before == 0 {
                return false;
            }
            scores += 1;
            words_before = 0;
        } else if w.starts_with(|c: char| c.is_uppercase()) && scores < 2 {
            words_before += 1;
        } else {
            return false;
        }
    }
    scores == 2 && words_before == 0
}

/// `Ato Boldon ( Trinidad ) 20.11`: a place's name in parentheses after a capitalized
/// word, on a line of results (a number after it): where the competitor is from.
fn paren_places(line: &str, base: usize, out: &mut Vec<Span>) {
    let mut from = 0;
    while let Some(i) = line[from..].find('(') {
        let open = from + i;
        from = open + 1;
        let before = line[..open].trim_end();
        if !before.ends_with(|c: char| c.is_alphabetic()) {
            continue;
        }
        let Some(close) = line[from..].find(')').filter(|&c| c <= 40) else {
            continue;
        };
        let raw = &line[from..from + close];
        let inner = raw.trim();
        if inner.is_empty()
            || !inner
                .split(' ')
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
            || !line[from + close..].bytes().any(|b| b.is_ascii_digit())
            || lookup_place(inner).is_none()
        {
            continue;
        }
        let start = base + from + (inner.as_ptr() as usize - raw.as_ptr() as usize);
        out.push(Span::new(start, start + inner.len()));
    }
}

/// Words that open a line of numbers without naming a team (`Group 2`, `Round 3`); the
/// months and days of the week too ([`not_team`]).
const NOT_TEAMS: &[&str] = &[
    "Group", "Round", "Day", "Week", "Section", "Article", "Chapter", "Page", "No", "Game",
    "Match", "Race", "Stage", "Heat", "Leg", "Set", "Part", "Total", "Division", "Pool", "Level",
];

/// A word that opens a line of numbers without naming a team: [`NOT_TEAMS`], a month in
/// any form a date writes it (`crate::words`), or a day of the week.
fn not_team(w: &str) -> bool {
    use crate::words::{FULL_MONTHS, REUTERS_MONTHS, SHORT_MONTHS, WEEKDAYS};
    NOT_TEAMS.contains(&w)
        || [&FULL_MONTHS[..], &REUTERS_MONTHS, &SHORT_MONTHS, &WEEKDAYS]
            .iter()
            .any(|list| list.contains(&w))
}

/// The teams' names (block offsets) of `line` (at `base`), if it is a results line (`Name
/// N Name N`, then nothing or a parenthesis) or a standings line (`Name` and three or more
/// numbers, nothing else), after an optional rank (`1.`).
fn teams_in_line(line: &str, base: usize, out: &mut Vec<Span>) {
    let mut words: Vec<(usize, &str)> = Vec::with_capacity(12);
    for w in line.split_ascii_whitespace() {
        words.push((w.as_ptr() as usize - line.as_ptr() as usize, w));
        if words.len() > 16 {
            return;
        }
    }
    let num = |i: usize| {
        words
            .get(i)
            .is_some_and(|(_, w)| w.len() <= 3 && w.bytes().all(|b| b.is_ascii_digit()))
    };
    let cap = |i: usize| {
        words.get(i).is_some_and(|(_, w)| {
            w.starts_with(|c: char| c.is_uppercase()) && !w.ends_with([',', ':', ';'])
        })
    };
    // A name: up to five capitalized words, `and` / `de` / `of` between two of them.
    let group = |i: usize| -> Option<usize> {
        if !cap(i) || not_team(words[i].1) {
            return None;
        }
        let mut j = i + 1;
        while j - i < 5 {
            if cap(j) {
                j += 1;
            } else if words
                .get(j)
                .is_some_and(|(_, w)| matches!(*w, "and" | "de" | "of" | "del" | "la"))
                && cap(j + 1)
            {
                j += 2;
            } else {
                break;
            }
        }
        Some(j)
    };
    let span = |a: usize, b: usize| {
        let (s, _) = words[a];
        let (t, w) = words[b - 1];
        Span::new(base + s, base + t + w.len())
    };
    let mut i = 0;
    if words.first().is_some_and(|(_, w)| {
        w.len() >= 2 && w.ends_with('.') && w[..w.len() - 1].bytes().all(|b| b.is_ascii_digit())
    }) {
        i = 1;
    }
    let Some(g1) = group(i) else { return };
    let mut j = g1;
    while num(j) {
        j += 1;
    }
    let n1 = j - g1;
    if n1 >= 3 && j == words.len() {
        out.push(span(i, g1));
        return;
    }
    if n1 != 1 {
        return;
    }
    let Some(g2) = group(j) else { return };
    if !num(g2) || num(g2 + 1) {
        return;
    }
    let rest = g2 + 1;
    if rest == words.len() || words[rest].1.starts_with('(') {
        out.push(span(i, g1));
        out.push(span(j, g2));
    }
}

/// Why the recognizer took a name for what it is, for the hover.
fn basis(
    kind: EntityKind,
    evidence: Evidence,
    in_names_file: bool,
    form: MentionForm,
) -> Option<&'static str> {
    if in_names_file {
        return Some("in the desk's names file");
    }
    Some(match (kind, evidence) {
        (EntityKind::Person, Evidence::Title) => "introduced with a title",
        (EntityKind::Person, Evidence::Appositive) => "introduced with an appositive",
        (EntityKind::Person, Evidence::Speech) => "named beside a verb of speech",
        (EntityKind::Person, Evidence::Names) => "a given name or surname of the Census name lists",
        (EntityKind::Person, Evidence::Byline) => "a writer of the story's byline",
        (EntityKind::Person, Evidence::Affiliation) => {
            "named with its organization (`… of Acme Corp`)"
        }
        (EntityKind::Organization, _) if form == MentionForm::Acronym => {
            "an acronym (well known, spelled out in the story, or used in running text)"
        }
        (EntityKind::Organization, _) => {
            "an organization's word or suffix, a club's word beside a place, or a well-known name"
        }
        (EntityKind::Place, _) => "the gazetteer or a place word",
        _ => return None,
    })
}

/// A bank's one-word name (`Citibank`, `Commerzbank`, `Bundesbank`).
fn bank_name(w: &str) -> bool {
    w.len() > 6 && w.ends_with("bank")
}

/// ` <DEC>`, ` <CMAC.S>`, `<F>` right after `end`: a stock ticker in angle brackets, as
/// Reuters writes one after a company's name.
fn ticker_after(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or_default();
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let Some(inner) = rest.strip_prefix('<') else {
        return false;
    };
    let len = inner
        .bytes()
        .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == &b'.')
        .count();
    (1..=10).contains(&len)
        && inner.as_bytes().get(len) == Some(&b'>')
        && inner.as_bytes()[0].is_ascii_uppercase()
}

/// `DIGITAL EQUIPMENT <DEC> SEEKS COST EFFECTIVENESS`: the name in capitals that opens a
/// headline before a stock ticker is a company's. Found where the body first writes it in
/// mixed case (`Digital Equipment said`), so that the story learns it as it is written
/// there, with its short forms (`Digital`); nothing when the body never writes it so, or
/// when the body already gives it a longer name (`Digital Equipment Corp`), which teaches
/// the same. `first` is what the body's first pass found.
fn headline_companies(text: &str, headings: &[Span], first: &[Found]) -> Vec<Found> {
    let mut out = Vec::new();
    for h in headings {
        let line = h.text(text);
        let Some(lt) = memchr::memchr(b'<', line.as_bytes()) else {
            continue;
        };
        let name = line[..lt].trim_end();
        let end = h.start + name.len();
        if name.is_empty() || !ticker_after(text, end) || !in_capitals(name) {
            continue;
        }
        let words: Vec<&str> = name.split_whitespace().collect();
        // `JURY FINDS FOR DOW <DOW>`, `FED SAYS ...`: a headline's sentence, not a name.
        const NOT_IN_NAME: Classes = class::STOPWORD | class::SPEECH_VERB | class::TITLE;
        if words.len() > 6
            || words.iter().any(|w| {
                let t = title_case(w);
                super::lexicon::classes(&t) & NOT_IN_NAME != 0 && !matches!(*w, "AND" | "OF" | "&")
                    || !w.bytes().any(|b| b.is_ascii_alphabetic())
            })
        {
            continue;
        }
        let Some(found) = body_casing(text, h.end, &words) else {
            continue;
        };
        let lower = found.text(text).to_lowercase();
        let taught = first.iter().any(|f| {
            f.kind == EntityKind::Organization && f.canonical.to_lowercase().starts_with(&lower)
        });
        if !taught {
            let canonical = single_spaced(found.text(text));
            out.push(Found::new(
                found,
                EntityKind::Organization,
                canonical,
                MentionForm::Full,
                false,
            ));
        }
    }
    out
}

/// Where the text after `from` first writes `words` (a name in capitals) in mixed case,
/// word for word: `Digital Equipment` for `DIGITAL EQUIPMENT`, `NL Industries` for `NL
/// INDUSTRIES`.
fn body_casing(text: &str, from: usize, words: &[&str]) -> Option<Span> {
    let first = words.first()?;
    let rest = text.get(from..)?;
    let mut best: Option<Span> = None;
    for needle in [title_case(first), first.to_string()] {
        for at in memchr::memmem::find_iter(rest.as_bytes(), needle.as_bytes()) {
            let start = from + at;
            if best.is_some_and(|b| b.start <= start) {
                break;
            }
            let before = text[..start].chars().next_back();
            if before.is_some_and(char::is_alphanumeric) {
                continue;
            }
            // The other words, each after one space, compared without case.
            let mut end = start + first.len();
            let ok = words[1..].iter().all(|w| {
                let next = text.get(end..end + 1 + w.len());
                let hit =
                    next.is_some_and(|n| n.starts_with(' ') && n[1..].eq_ignore_ascii_case(w));
                if hit {
                    end += 1 + w.len();
                }
                hit
            });
            // `Baker International corp` for `BAKER`: the capitalized words that go on.
            if ok {
                while let Some(w) = text[end..]
                    .strip_prefix(' ')
                    .and_then(|r| r.split([' ', ',', '\n', '.', '\'', '’']).next())
                    .filter(|w| is_cap(w) && w.chars().skip(1).all(char::is_lowercase))
                    .filter(|w| LEGAL_FORMS.contains(w) || GENERIC_BUSINESS.contains(w))
                {
                    end += 1 + w.len();
                }
            }
            let after = text[end..].chars().next();
            let span = Span::new(start, end);
            if ok && !after.is_some_and(char::is_alphanumeric) && !is_all_caps(span.text(text)) {
                best = Some(span);
                break;
            }
        }
    }
    best
}

/// `the U.S. Market reduce its restrictions`, `British and U.S. Securities houses`: copy
/// that capitalizes the word after an abbreviation's period. A name ending in `U.S.` or
/// `U.K.` and one word that the story also writes in lower case (or a function word) is
/// the place alone, whose span this gives; not an institution's name (`U.S. Treasury`,
/// `U.S. Embassy`), and not when a name rather than a demonym comes before.
fn abbreviation_and_common_word(text: &str, span: Span) -> Option<Span> {
    let name = span.text(text);
    // Asked of every name found: most hold no `U.S. ` or `U.K. `.
    memchr::memmem::find(name.as_bytes(), b". ")?;
    let (head, word) = name.rsplit_once(' ')?;
    let (before, abbr) = head.rsplit_once(' ').unwrap_or(("", head));
    if !matches!(abbr, "U.S." | "U.K.") || !word.chars().skip(1).all(char::is_lowercase) {
        return None;
    }
    let classes = super::lexicon::classes(word);
    const INSTITUTIONS: &[&str] = &[
        "Embassy",
        "Army",
        "Navy",
        "Department",
        "Administration",
        "Mint",
        "Steel",
    ];
    if classes & class::ORG_NAME != 0 || INSTITUTIONS.contains(&word) {
        return None;
    }
    let demonyms = before
        .split([' ', ','])
        .filter(|w| !w.is_empty())
        .all(|w| super::lexicon::classes(w) & (class::DEMONYM | class::CONNECTOR) != 0);
    if !demonyms {
        return None;
    }
    let lower = word.to_lowercase();
    let written_lower = || {
        memchr::memmem::find_iter(text.as_bytes(), lower.as_bytes()).any(|at| {
            let b = text.as_bytes();
            let end = at + lower.len();
            (at == 0 || !b[at - 1].is_ascii_alphanumeric())
                && b.get(end).map_or(true, |c| !c.is_ascii_alphanumeric())
        })
    };
    // Words copy writes in lower case, whatever the story does with them.
    const FUNCTION_WORDS: &[&str] = &[
        "Should", "Would", "Could", "Will", "Must", "Can", "Is", "Are", "Was", "Were", "Has",
        "Have", "Had", "Out", "Over", "Off", "Up", "Into", "Against",
    ];
    if classes & class::STOPWORD == 0 && !FUNCTION_WORDS.contains(&word) && !written_lower() {
        return None;
    }
    let start = span.start + head.len() - abbr.len();
    Some(Span::new(start, start + abbr.len()))
}

/// `from Norfolk Southern Corp.` at a sentence's end: the period after the legal form
/// that ends `span` ends the sentence too, and the name is written without it (as a
/// name in mid-sentence, `Inc. said`, keeps it).
fn legal_form_ends_sentence(text: &str, span: Span) -> bool {
    let name = span.text(text);
    // Asked of every name found: the cheap test first.
    if !name.ends_with('.') {
        return false;
    }
    let last = name.rsplit(' ').next().unwrap_or_default();
    if !LEGAL_FORMS.contains(&last) || last.matches('.').count() > 1 {
        return false;
    }
    let rest = text.get(span.end..).unwrap_or_default();
    let mut after = rest.chars();
    match after.next() {
        None | Some('\n' | '\r') => true,
        Some(' ' | '\t') => after
            .next()
            .is_some_and(|c| c.is_uppercase() || matches!(c, '"' | '“' | '\'' | '‘')),
        _ => false,
    }
}

/// `(SCO)` right after a name: the acronym and its span.
fn paren_acronym(text: &str, end: usize) -> Option<(&str, Span)> {
    let rest = text.get(end..)?;
    let lead = rest.len() - rest.trim_start_matches([' ', '\u{a0}']).len();
    if lead > 2 {
        return None;
    }
    let inner_start = end + lead + rest[lead..].strip_prefix('(').map(|_| 1)?;
    let after = text.get(inner_start..)?;
    let close = after.find(')')?;
    let inner = &after[..close];
    let ok = (2..=10).contains(&inner.len())
        && is_all_caps(inner)
        && inner
            .chars()
            .all(|c| c.is_alphanumeric() || c == '&' || c == '-');
    ok.then(|| (inner, Span::new(inner_start, inner_start + inner.len())))
}

/// `, the Chinese premier,` after a name: the role (`Chinese premier`).
fn appositive(text: &str, end: usize) -> Option<String> {
    let rest = text.get(end..)?.strip_prefix(", ")?;
    let stop = appositive_end(rest);
    let phrase = rest.get(..stop)?.trim();
    // Only ASCII white space but a vertical tab in ASCII text: split it byte by byte.
    let mut words: Vec<&str> = if phrase.is_ascii() && !phrase.contains('\x0b') {
        phrase.split_ascii_whitespace().collect()
    } else {
        phrase.split_whitespace().collect()
    };
    if words.len() > 12 {
        return None;
    }
    if words.first() == Some(&"who") && words.len() >= 2 {
        // `Dale Whitaker, who runs a store,`: only people are `who`.
        return Some(words[1..].join(" "));
    }
    if matches!(words.first(), Some(&("the" | "a" | "an"))) {
        words.remove(0);
    } else if words.first().is_some_and(|w| is_cap(w)) {
        return None; // a list of names, not an appositive
    }
    words
        .iter()
        .take(6)
        .any(|w| {
            let lower = w.chars().all(|c| !c.is_uppercase());
            sets::ROLE_NOUNS.contains(w.trim_end_matches('s'))
                || sets::ROLE_NOUNS.contains(w)
                // `, an Australian woman,`, `, a local man,`
                || matches!(*w, "man" | "woman")
                || lower
                    && w.len() > 5
                    && (w.ends_with("ist")
                        || w.ends_with("man")
                        || w.ends_with("woman")
                        || w.ends_with("ian"))
        })
        .then(|| words.join(" "))
}

/// Where an appositive after a name ends: at the first of `, . ; — ( " “ ” \n`, and
/// within 120 bytes (`rest.find([…]).unwrap_or(rest.len()).min(120)`, reading no further).
fn appositive_end(rest: &str) -> usize {
    let b = rest.as_bytes();
    let limit = b.len().min(120);
    for i in 0..limit {
        match b[i] {
            b',' | b'.' | b';' | b'(' | b'"' | b'\n' => return i,
            // `—` (U+2014), `“` (U+201C), `”` (U+201D): E2 80 94 / 9C / 9D.
            0xE2 if b.get(i + 1) == Some(&0x80)
                && matches!(b.get(i + 2), Some(0x94 | 0x9C | 0x9D)) =>
            {
                return i
            }
            _ => {}
        }
    }
    limit
}

/// `s`'s words joined by single spaces (`s.split_whitespace().collect::<Vec<_>>().join(" ")`).
fn single_spaced(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}

fn title_case(s: &str) -> String {
    s.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f
                    .to_uppercase()
                    .chain(c.flat_map(char::to_lowercase))
                    .collect(),
                None => String::new(),
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// The blocks recognition reads: body paragraphs (the lede after its dateline), then
/// the headline and subheads, which only mention what the body introduces.
fn blocks(text: &str, article: &Article) -> (Vec<Span>, Vec<Span>) {
    let dl_end = article.dateline().map(|d| d.span.end);
    let spans = article.paragraphs.iter().map(|p| match dl_end {
        Some(e) if p.span.contains(e) || p.span.end == e => Span::new(e, p.span.end),
        _ => p.span,
    });
    // The headline's kicker names too (`NFL Wrap: Colts Beat Titans`).
    let mut headings: Vec<Span> = article
        .headline
        .iter()
        .flat_map(|h| h.kicker.into_iter().chain(std::iter::once(h.text)))
        .chain(article.sections.iter().map(|s| s.title))
        .collect();
    let mut body = Vec::new();
    for s in spans {
        let t = s.text(text);
        // A paragraph in capitals is a headline or subhead the parser could not tell apart.
        if in_capitals(t) {
            headings.push(s);
            continue;
        }
        if memchr::memchr(b'\n', t.as_bytes()).is_none() {
            body.push(s);
            continue;
        }
        // Copy with a line a sentence and no blank lines (`SOCCER - LEEDS GO TOP .` over
        // `LONDON 1996-09-14` over the story): a line in capitals is a heading too.
        let mut from = s.start;
        for (offset, line) in lines_at(t) {
            let start = s.start + offset;
            let at = start + line.len();
            let l = line.trim_end();
            if l.bytes().filter(u8::is_ascii_uppercase).count() >= 2 && in_capitals(l) {
                let before = text[from..start].trim_end();
                if !before.is_empty() {
                    body.push(Span::new(from, from + before.len()));
                }
                headings.push(Span::new(start, start + l.len()));
                from = at;
            }
        }
        if from == s.start {
            body.push(s);
        } else if from < s.end {
            body.push(Span::new(from, s.end));
        }
    }
    (body, headings)
}

/// `text.split_inclusive('\n')`, each line with its offset in `text`: the line ends are
/// found by `memchr`'s vector search, which is several times quicker than `str`'s
/// searcher over long paragraphs and a whole file.
fn lines_at(text: &str) -> impl Iterator<Item = (usize, &str)> + '_ {
    let mut from = 0;
    memchr::memchr_iter(b'\n', text.as_bytes())
        .map(|i| i + 1)
        .chain(std::iter::once(text.len()))
        .filter_map(move |end| {
            let start = from;
            if end <= start {
                return None;
            }
            from = end;
            text.get(start..end).map(|line| (start, line))
        })
}

/// `LONDON 1996-08-30`, `AL-AIN , United Arab Emirates 1996-12-06`: a line of a place in
/// capitals (and a country or region after a comma) and an ISO date, the dateline of wire
/// copy that the article parser does not read as one. Its places, found as in the body.
fn iso_datelines(text: &str) -> Vec<Found> {
    let mut out = Vec::new();
    for (start, line) in lines_at(text) {
        let l = line.trim_end();
        if !(13..=80).contains(&l.len()) || !l.is_char_boundary(l.len() - 11) {
            continue;
        }
        let (head, date) = l.split_at(l.len() - 11);
        let d = date.as_bytes();
        let iso = d[0] == b' '
            && d[5] == b'-'
            && d[8] == b'-'
            && [1, 2, 3, 4, 6, 7, 9, 10]
                .iter()
                .all(|&i| d[i].is_ascii_digit());
        if !iso {
            continue;
        }
        let head = head.trim_end();
        let (place, region) = match head.split_once(',') {
            Some((p, r)) => (p.trim_end(), Some(r)),
            None => (head, None),
        };
        let words = place.split(' ').count();
        if place.is_empty()
            || words > 4
            || !place.starts_with(|c: char| c.is_uppercase())
            || place.chars().any(char::is_lowercase)
        {
            continue;
        }
        let mut push = |name: &str, canonical: String| {
            let from = start + (name.as_ptr() as usize - line.as_ptr() as usize);
            out.push(Found::new(
                Span::new(from, from + name.len()),
                EntityKind::Place,
                canonical,
                MentionForm::Name,
                false,
            ));
        };
        let canonical = lookup_place(place).map_or_else(|| title_case(place), |i| i.name.into());
        push(place, canonical);
        if let Some(r) = region.map(str::trim).filter(|r| !r.is_empty()) {
            if r.split(' ')
                .all(|w| w.starts_with(|c: char| c.is_uppercase()))
            {
                let canonical = lookup_place(r).map_or_else(|| r.to_string(), |i| i.name.into());
                push(r, canonical);
            }
        }
    }
    out
}

/// No lower-case letter and some capital: a block in capitals.
fn in_capitals(t: &str) -> bool {
    // Body text has a lower-case ASCII letter within its first few bytes.
    let b = t.as_bytes();
    match b
        .iter()
        .position(|c| !c.is_ascii() || c.is_ascii_lowercase())
    {
        Some(i) if b[i].is_ascii() => false,
        Some(i) => {
            let (head, rest) = t.split_at(i);
            !rest.chars().any(char::is_lowercase)
                && (head.bytes().any(|c| c.is_ascii_uppercase())
                    || rest.chars().any(char::is_uppercase))
        }
        None => b.iter().any(u8::is_ascii_uppercase),
    }
}

fn dateline_places(text: &str, article: &Article) -> Vec<Found> {
    let Some(d) = article.dateline() else {
        return Vec::new();
    };
    // `TEHRAN (Reuters) -`: the agency of the credit.
    let credit = d
        .credit
        .as_ref()
        .map(|c| c.agency)
        .filter(|s| !s.is_empty())
        .map(|span| {
            let raw = span.text(text);
            let form = if is_all_caps(raw) {
                MentionForm::Acronym
            } else {
                MentionForm::Full
            };
            Found::new(span, EntityKind::Organization, raw, form, false)
        });
    d.places
        .iter()
        .chain(d.regions.iter())
        .filter(|s| !s.is_empty())
        .filter_map(|&span| {
            let raw = span.text(text).trim_end_matches(',');
            let span = Span::new(span.start, span.start + raw.len());
            let known = lookup_place(raw)
                .map(|info| info.name)
                // `HARTFORD, Conn.`: a state's abbreviation.
                .or_else(|| crate::words::state_abbreviation(raw));
            let canonical = match known {
                Some(name) => name.to_string(),
                // An unknown region (`Fla.`) is the dateline rules' business.
                None if d.regions.contains(&span) || raw.ends_with('.') => return None,
                None => title_case(raw),
            };
            Some(Found::new(
                span,
                EntityKind::Place,
                canonical,
                MentionForm::Name,
                false,
            ))
        })
        .chain(credit)
        .collect()
}

/// `By David Hume, Reuters`, `BY TED D'AFFLISIO, Reuters`, `By Ann Lee and Sam Roe`: the
/// writers of the byline are people (learned for the story, like a name of the body), and
/// the agency after them an organization.
fn byline_names(text: &str, article: &Article) -> Vec<Found> {
    let Some(line) = article.byline else {
        return Vec::new();
    };
    let raw = line.text(text);
    let lead = raw.len() - raw.trim_start_matches([' ', '*', '_']).len();
    let Some(body) = raw[lead..]
        .strip_prefix("By ")
        .or_else(|| raw[lead..].strip_prefix("by "))
        .or_else(|| raw[lead..].strip_prefix("BY "))
    else {
        return Vec::new();
    };
    let mut at = line.start + lead + 3;
    let body = body.trim_end_matches([' ', '*', '_', '\r', '\n']);
    let mut out = Vec::new();
    for (n, part) in body.split(", ").enumerate() {
        let start = at;
        at += part.len() + 2;
        if n == 0 {
            let mut from = start;
            for name in part.split(" and ") {
                let span = Span::new(from, from + name.len());
                from += name.len() + 5;
                let words: Vec<&str> = name.split(' ').collect();
                // Not `Staff Writer`, `The Associated Press`, `Reuters Staff`.
                const NOT_NAMES: Classes = class::TITLE
                    | class::ROLE_NOUN
                    | class::ORG_WORD
                    | class::ORG_NAME
                    | class::STOPWORD
                    | class::DEMONYM;
                let name_like = (2..=4).contains(&words.len())
                    && words.iter().all(|w| {
                        let classes = super::lexicon::classes(&title_case(w))
                            | super::lexicon::classes(&w.to_lowercase());
                        classes & NOT_NAMES == 0 && !w.eq_ignore_ascii_case("staff")
                    })
                    && words.iter().all(|w| {
                        w.starts_with(|c: char| c.is_uppercase())
                            && w.chars()
                                .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '-'))
                    });
                if name_like {
                    let canonical = if is_all_caps(name) {
                        title_case(name)
                    } else {
                        name.to_string()
                    };
                    out.push(Found {
                        evidence: Evidence::Byline,
                        ..Found::new(
                            span,
                            EntityKind::Person,
                            canonical,
                            MentionForm::Full,
                            false,
                        )
                    });
                }
            }
        } else {
            // `Reuters`, `AP Business Writer`: a well-known agency's name first.
            let first = part.split(' ').next().unwrap_or_default();
            let known = sets::ORG_NAMES.has(super::lexicon::classes(first))
                || WELL_KNOWN
                    .iter()
                    .any(|x| x.0 == first && x.2 == EntityKind::Organization);
            if known {
                let span = Span::new(start, start + first.len());
                let form = if is_all_caps(first) {
                    MentionForm::Acronym
                } else {
                    MentionForm::Full
                };
                out.push(Found::new(
                    span,
                    EntityKind::Organization,
                    first,
                    form,
                    false,
                ));
            }
        }
    }
    out
}

/// Per-block work kept between analyses of one document (an open editor buffer), keyed
/// by the block's text: after an edit only the blocks whose text changed are tokenized
/// and scanned again. Everything stored is relative to the block's start, so blocks that
/// moved are reused too.
///
/// A block's words and its first-pass names depend on its text alone. The second pass
/// reads what the first pass learned from the whole story, so its result is kept with a
/// fingerprint of that knowledge ([`Knowledge::fingerprint`]) and the block's index, and
/// reused only when both are unchanged.
#[derive(Default)]
pub struct Reuse {
    /// For one analysis only ([`Reuse::once`]): nothing is kept for a next one.
    once: bool,
    generation: u64,
    names: u64,
    /// By (hash of the block's text, heading); the text is kept to rule out collisions.
    blocks: HashMap<(u64, bool), BlockWork>,
    /// The last analysis's story knowledge.
    learned: Option<Learned>,
    /// How many learnable and found names the last analysis had (capacities).
    sizes: (usize, usize),
}

/// What the story pass learned from the first pass's names ([`Knowledge::learn`]), kept
/// for the next analysis.
struct Learned {
    /// The names file's entries it started from.
    names: Vec<super::names::NameEntry>,
    /// The learnable names it learned from, in order, without their positions.
    input: Vec<LearnInput>,
    know: Knowledge,
    /// [`Knowledge::learn`]'s first result.
    changed: HashSet<u64>,
    /// [`Knowledge::learn`]'s second result: entries of `know.known` and the index in
    /// `input` of the name that introduced each.
    introduced: Vec<(usize, usize)>,
}

/// What [`Knowledge::learn`] reads of a found name, besides its position.
type LearnInput = (
    EntityKind,
    MentionForm,
    Arc<str>,
    Option<String>,
    Option<String>,
    Evidence,
);

impl Learned {
    fn input_of(f: &Found) -> LearnInput {
        (
            f.kind,
            f.form,
            f.canonical.clone(),
            f.role.clone(),
            f.acronym.clone(),
            f.evidence,
        )
    }

    fn same_input(&self, found: &[Found]) -> bool {
        self.input.len() == found.len()
            && self.input.iter().zip(found).all(|(a, f)| {
                a.0 == f.kind
                    && a.1 == f.form
                    && (Arc::ptr_eq(&a.2, &f.canonical) || a.2 == f.canonical)
                    && a.3 == f.role
                    && a.4 == f.acronym
                    && a.5 == f.evidence
            })
    }
}

struct BlockWork {
    text: Box<str>,
    /// The analysis that last used it; blocks no analysis used are dropped.
    used: u64,
    toks: std::sync::Arc<[Tok]>,
    first: Option<Vec<Found>>,
    /// The second pass's result, with what it depended on.
    second: Option<Second>,
}

struct Second {
    /// [`Knowledge::fingerprints`]' content hash.
    content: u64,
    /// [`Knowledge::visible_fingerprint`] of the block: the part of the knowledge its
    /// words can reach. Equal under a changed `content`, the result still holds.
    visible: u64,
    /// For a positional result: the positions hash and the block's index.
    position: Option<(u64, usize)>,
    found: Vec<Found>,
}

impl Reuse {
    /// For a single analysis (`copydesk check`): repeated paragraphs are still read once,
    /// but nothing is prepared for reuse by a later analysis.
    pub fn once() -> Reuse {
        Reuse {
            once: true,
            ..Reuse::default()
        }
    }

    /// The work kept for the block `span` of `text`, made now if there is none. `hash`:
    /// the block text's hash when the caller has it already.
    fn work(
        &mut self,
        text: &str,
        span: Span,
        heading: bool,
        hash: Option<u64>,
    ) -> (u64, &mut BlockWork) {
        let generation = self.generation;
        let block = span.text(text);
        let hash = hash.unwrap_or_else(|| {
            use std::hash::BuildHasher;
            rustc_hash::FxBuildHasher.hash_one(block)
        });
        let fresh = || BlockWork {
            text: Box::from(block),
            used: generation,
            toks: super::tokens::tokenize(block, Span::new(0, block.len())).into(),
            first: None,
            second: None,
        };
        let w = self.blocks.entry((hash, heading)).or_insert_with(fresh);
        if *w.text != *block {
            *w = fresh(); // another text with the same hash
        }
        w.used = generation;
        (hash, w)
    }
}

/// The found spans moved from block-relative to document offsets.
fn shifted<'a>(
    found: impl IntoIterator<Item = &'a Found> + 'a,
    base: usize,
) -> impl Iterator<Item = Found> + 'a {
    found.into_iter().map(move |f| {
        let mut f = f.clone();
        f.span = Span::new(f.span.start + base, f.span.end + base);
        f
    })
}

/// Run the scanner over one block with `know`: what it found, and whether that depends on
/// the block's position ([`Scanner::positional`]).
fn scan_block(
    block: &str,
    base: usize,
    toks: &[Tok],
    know: &Knowledge,
    heading: bool,
) -> (Vec<Found>, bool) {
    let mut sc = Scanner {
        text: block,
        base,
        know,
        heading,
        toks,
        out: Vec::new(),
        positional: false,
        scratch: std::cell::Cell::default(),
    };
    sc.scan();
    (sc.out, sc.positional)
}

/// Recognize the entities of an article.
pub fn extract(text: &str, article: &Article, names: &NamesConfig) -> Entities {
    extract_reusing(text, article, names, &mut Reuse::once())
}

/// [`extract`], reusing the per-paragraph work `reuse` kept from the last call on the same
/// document: same result, less work after a small edit.
pub fn extract_reusing(
    text: &str,
    article: &Article,
    names: &NamesConfig,
    reuse: &mut Reuse,
) -> Entities {
    extract_with_words(text, article, names, reuse).0
}

/// [`extract_reusing`], also handing back the words of every block it read (tokenized
/// relative to the block, shared with `reuse`), so that the caller need not tokenize them
/// again.
pub fn extract_with_words(
    text: &str,
    article: &Article,
    names: &NamesConfig,
    reuse: &mut Reuse,
) -> (Entities, TokenCache) {
    let (body, headings) = blocks(text, article);
    let mut know = Knowledge::from_names(names);
    let names_fp = know.fingerprints(&[]).0;
    if names_fp != reuse.names {
        reuse.blocks.clear();
        reuse.learned = None;
        reuse.names = names_fp;
    }
    reuse.generation += 1;

    // First pass over the body: what the story itself teaches (full names, acronyms).
    // Room for as many names as the last analysis of the document found.
    let mut first: Vec<Found> = Vec::with_capacity(reuse.sizes.0);
    let mut tokens = TokenCache::with_capacity(body.len() + headings.len());
    let mut body_hashes: Vec<u64> = Vec::with_capacity(body.len());
    let byline = byline_names(text, article);
    first.extend(byline.iter().filter(|f| learnable(f)).cloned());
    for &span in &body {
        let (hash, w) = reuse.work(text, span, false, None);
        body_hashes.push(hash);
        if w.first.is_none() {
            // The names file's people were all introduced "before" the story (offset 0),
            // so a first-pass result never depends on the block's position.
            w.first = Some(scan_block(span.text(text), span.start, &w.toks, &know, false).0);
        }
        // Only what `learn` reads: full names other than places.
        let learn_from = w.first.iter().flatten().filter(|f| learnable(f));
        first.extend(shifted(learn_from, span.start));
        tokens.insert_relative(span, w.toks.clone());
    }
    // A company a headline's ticker names is no person, however the body's first pass
    // read it (`Digital Equipment said`).
    let companies = headline_companies(text, &headings, &first);
    if !companies.is_empty() {
        first.retain(|f| {
            f.kind != EntityKind::Person
                || !companies
                    .iter()
                    .any(|c| c.canonical.eq_ignore_ascii_case(&f.canonical))
        });
        first.extend(companies);
    }
    // What the story teaches depends on its learnable names and their order, not on
    // where they are: when they are the last analysis's, its knowledge is taken back with
    // each learned entry's position updated (`first_at`, what positions are read from).
    // The names file's entries are compared whole: a note or a role is read from the
    // knowledge but is no part of the names fingerprint.
    let kept_story = reuse
        .learned
        .take()
        .filter(|l| l.names == names.entries && l.same_input(&first));
    let (know, changed, introducers, input) = match kept_story {
        Some(l) => {
            let mut know = l.know;
            for &(i, at) in &l.introduced {
                know.known[i].first_at = first[at].span.start;
            }
            (know, l.changed, l.introduced, l.input)
        }
        None => {
            let (changed, introducers) = know.learn(&first);
            let input = if reuse.once {
                Vec::new()
            } else {
                first.iter().map(Learned::input_of).collect()
            };
            (know, changed, introducers, input)
        }
    };
    // Whether the knowledge learned can change what the scanner finds in a block: only if
    // the block holds a word of a changed key (else every lookup answers as before).
    let touched = |toks: &[Tok], block: &str| {
        toks.iter().any(|t| {
            let w = t.span.text(block);
            changed.contains(&word_hash(w))
                || t.all_caps() && w.len() >= 3 && changed.contains(&word_hash(&title_case(w)))
        })
    };

    // Second pass, body then headings, with that knowledge.
    let starts: Vec<usize> = body.iter().map(|s| s.start).collect();
    let (content, positions) = know.fingerprints(&starts);
    let by_first = std::cell::OnceCell::new();
    let reuse_once = reuse.once;
    let mut found = dateline_places(text, article);
    found.extend(iso_datelines(text));
    found.extend(byline);
    found.reserve(reuse.sizes.1);
    for (spans, heading) in [(&body, false), (&headings, true)] {
        for (index, &span) in spans.iter().enumerate() {
            let hash = (!heading)
                .then(|| body_hashes.get(index).copied())
                .flatten();
            let (_, w) = reuse.work(text, span, heading, hash);
            if heading {
                tokens.insert_relative(span, w.toks.clone());
            }
            let block = span.text(text);
            let valid = match &mut w.second {
                Some(s) if s.position.map_or(true, |p| p == (positions, index)) => {
                    if s.content == content {
                        true
                    } else {
                        // The story's knowledge changed: does the block see the change?
                        let by_first = by_first.get_or_init(|| know.by_first_word());
                        if s.visible == know.visible_fingerprint(by_first, &w.toks, block) {
                            s.content = content;
                            true
                        } else {
                            false
                        }
                    }
                }
                _ => false,
            };
            if !valid {
                let (found, positional) = match &w.first {
                    Some(first) if !heading && !touched(&w.toks, block) => (first.clone(), false),
                    _ => scan_block(block, span.start, &w.toks, &know, heading),
                };
                let visible = if reuse_once {
                    0 // only read by a later analysis
                } else {
                    let by_first = by_first.get_or_init(|| know.by_first_word());
                    know.visible_fingerprint(by_first, &w.toks, block)
                };
                w.second = Some(Second {
                    content,
                    visible,
                    position: positional.then_some((positions, index)),
                    found,
                });
            }
            if let Some(s) = &w.second {
                found.extend(shifted(&s.found, span.start));
            }
        }
    }
    let generation = reuse.generation;
    reuse.blocks.retain(|_, w| w.used == generation);

    found.sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.span.end)));
    if !reuse_once {
        reuse.sizes = (first.len(), found.len());
    }
    let mut kept: Vec<Found> = Vec::with_capacity(found.len());
    for f in found {
        if f.span.is_empty() || kept.last().is_some_and(|k| f.span.start < k.span.end) {
            continue;
        }
        kept.push(f);
    }
    for f in &mut kept {
        if f.kind != EntityKind::Place {
            if let Some(abbr) = abbreviation_and_common_word(text, f.span) {
                let name = lookup_place(abbr.text(text)).map_or("", |p| p.name);
                *f = Found::new(abbr, EntityKind::Place, name, MentionForm::Name, f.heading);
                continue;
            }
        }
        if f.kind == EntityKind::Organization && legal_form_ends_sentence(text, f.span) {
            f.span.end -= 1;
            if let Some(c) = f.canonical.strip_suffix('.') {
                f.canonical = Arc::from(c);
            }
        }
    }
    // `President Putin` and `Vladimir Putin` in one story are one person: a one-word
    // "full name" that is the surname of exactly one longer name joins it.
    let mut by_surname: HashMap<String, HashSet<Arc<str>>> = HashMap::default();
    let mut seen: HashSet<&str> = HashSet::default();
    for f in &kept {
        if f.kind == EntityKind::Person && f.canonical.contains(' ') && seen.insert(&f.canonical) {
            let (s, _) = surname_of(&f.canonical, None);
            by_surname.entry(s).or_default().insert(f.canonical.clone());
        }
    }
    drop(seen);
    for f in &mut kept {
        if f.kind != EntityKind::Person || f.canonical.contains(' ') {
            continue;
        }
        if let Some(full) = by_surname.get(&*f.canonical).filter(|s| s.len() == 1) {
            if let Some(full) = full.iter().next() {
                f.canonical = full.clone();
                f.form = MentionForm::Surname;
            }
        }
    }
    // Well-known acronyms join their spelled-out organization, if the article has it.
    // Each mention's entity key (kind, lower-cased name) as a number; a name is lower-cased
    // once however often it is mentioned.
    // By key: whether a known person introduced by speech has it.
    let speech_known: HashSet<(EntityKind, String)> = know
        .known
        .iter()
        .filter(|k| k.evidence == Evidence::Speech)
        .map(|k| key(k.kind, &k.canonical))
        .collect();
    let mut speech_key: Vec<bool> = Vec::new();
    let keys: Vec<usize> = {
        // Room for every mention's name: a story names far fewer, but growing costs more.
        let room = kept.len();
        let mut by_key: HashMap<(EntityKind, String), usize> =
            HashMap::with_capacity_and_hasher(room, Default::default());
        let mut by_name: HashMap<(EntityKind, &str), usize> =
            HashMap::with_capacity_and_hasher(room, Default::default());
        kept.iter()
            .map(|f| {
                *by_name.entry((f.kind, &*f.canonical)).or_insert_with(|| {
                    let k = key(f.kind, &f.canonical);
                    let next = by_key.len();
                    *by_key.entry(k).or_insert_with_key(|k| {
                        speech_key.push(speech_known.contains(k));
                        next
                    })
                })
            })
            .collect()
    };
    let key_count = speech_key.len();
    let mut in_body = vec![false; key_count];
    for (f, &k) in kept.iter().zip(&keys) {
        in_body[k] |= !f.heading;
    }

    let mut entities: Vec<Entity> = Vec::new();
    let mut index: Vec<Option<usize>> = vec![None; key_count];
    // By entity id: a role given with the full name, a mention introduced by speech, one
    // introduced otherwise (a title, an appositive, name evidence).
    let mut role_full: Vec<bool> = Vec::new();
    let mut speech_only: Vec<bool> = Vec::new();
    let mut introduced: Vec<bool> = Vec::new();
    for (f, &k) in kept.into_iter().zip(keys.iter()) {
        // A name only a headline gives is dropped, unless it is a country or state
        // (`GOLF - MONTGOMERIE LEADS IN GERMANY`), a city of a million people or more
        // whose name is nobody's given name (`Stocks Flat in Tokyo`; not `Jordan`,
        // `Victoria`), or a company that opens the line and a stock ticker follows
        // (`TRIANGLE INDUSTRIES INC <TRI>`).
        let headline_place = || {
            f.kind == EntityKind::Place
                && lookup_place(&f.canonical).is_some_and(|pl| {
                    pl.kind != "city"
                        || pl.population >= HEADLINE_CITY
                            && !f
                                .canonical
                                .split(' ')
                                .any(|w| sets::GIVEN_NAMES.has(super::lexicon::classes(w)))
                })
        };
        let headline_company = || {
            f.kind == EntityKind::Organization
                && (f.span.start == 0 || text.as_bytes()[f.span.start - 1] == b'\n')
                && ticker_after(text, f.span.end)
        };
        // `NFL Wrap: ...`: a well-known acronym is certain anywhere.
        // Not a ticker in angle brackets (`UNILEVER'S <UN>`).
        let well_known = || {
            f.form == MentionForm::Acronym
                && f.kind == EntityKind::Organization
                && (f.span.start == 0 || text.as_bytes()[f.span.start - 1] != b'<')
                && WELL_KNOWN.iter().any(|x| *x.1 == *f.canonical)
        };
        if f.heading && !in_body[k] && !headline_place() && !headline_company() && !well_known() {
            continue;
        }
        let speech = speech_key[k];
        // Look the key up before cloning it: most mentions are of an entity seen before.
        let id = match index[k] {
            Some(id) => id,
            None => {
                let known = know.find(f.kind, &f.canonical).map(|i| &know.known[i]);
                let (surname, surname_first) = match (f.kind, known) {
                    (EntityKind::Person, Some(kn)) => (kn.surname.clone(), kn.surname_first),
                    (EntityKind::Person, None) => {
                        let (s, fst) = surname_of(&f.canonical, None);
                        (Some(s), fst)
                    }
                    _ => (None, false),
                };
                let acronym = known.and_then(|k| k.acronym.clone()).or_else(|| {
                    WELL_KNOWN
                        .iter()
                        .find(|x| x.1 == &*f.canonical && x.0 != x.1 && !x.0.contains('.'))
                        .map(|x| x.0.to_string())
                });
                entities.push(Entity {
                    id: entities.len(),
                    kind: f.kind,
                    canonical: String::from(&*f.canonical),
                    role: known.and_then(|k| k.role.clone()),
                    surname,
                    surname_first,
                    acronym,
                    note: known.and_then(|k| k.note.clone()),
                    in_names_file: known.is_some_and(|k| k.from_file),
                    place: (f.kind == EntityKind::Place)
                        .then(|| lookup_place(&f.canonical))
                        .flatten(),
                    mentions: Vec::new(),
                    first: 0,
                    basis: None,
                });
                index[k] = Some(entities.len() - 1);
                role_full.push(false);
                speech_only.push(false);
                introduced.push(false);
                entities.len() - 1
            }
        };
        let evidence = if speech { Evidence::Speech } else { f.evidence };
        match evidence {
            Evidence::Speech => {
                speech_only[id] = true;
            }
            Evidence::Title
            | Evidence::Appositive
            | Evidence::Names
            | Evidence::Affiliation
            | Evidence::Byline => {
                introduced[id] = true;
            }
            Evidence::Other => {}
        }
        let e = &mut entities[id];
        if e.basis.is_none() {
            let learned = know
                .find(f.kind, &f.canonical)
                .map(|i| &know.known[i])
                .filter(|k| !k.from_file)
                .map(|k| k.evidence);
            e.basis = basis(e.kind, learned.unwrap_or(evidence), e.in_names_file, f.form);
        }
        // The role given with the full name beats one given with a surname alone.
        let from_full = f.form == MentionForm::Full;
        if f.role.is_some() && (e.role.is_none() || from_full && !role_full[id]) {
            e.role = f.role;
            if from_full {
                role_full[id] = true;
            }
        }
        if e.acronym.is_none() {
            e.acronym = f.acronym;
        }
        e.mentions.push(Mention {
            span: f.span,
            form: f.form,
            in_heading: f.heading,
        });
    }
    for (s, &i) in speech_only.iter_mut().zip(&introduced) {
        *s &= !i;
    }
    // A "person" known only from `X said`, repeated in full and never by surname alone, is
    // most likely a company or a publication (`Pizza Inn said`).
    for (id, e) in entities.iter_mut().enumerate() {
        let fulls = e
            .mentions
            .iter()
            .filter(|m| m.form == MentionForm::Full)
            .count();
        let surnames = e
            .mentions
            .iter()
            .filter(|m| m.form == MentionForm::Surname)
            .count();
        if e.kind == EntityKind::Person
            && speech_only[id]
            && !e.in_names_file
            && fulls >= 2
            && surnames == 0
        {
            e.kind = EntityKind::Other;
            e.surname = None;
            for m in &mut e.mentions {
                m.form = MentionForm::Name;
            }
        }
    }
    for e in &mut entities {
        e.mentions.sort_by_key(|m| m.span.start);
        e.first = e
            .mentions
            .iter()
            .position(|m| !m.in_heading && m.form == MentionForm::Full)
            .or_else(|| e.mentions.iter().position(|m| !m.in_heading))
            .unwrap_or(0);
    }
    entities.sort_by_key(|e| e.first_mention().map_or(usize::MAX, |m| m.span.start));
    for (i, e) in entities.iter_mut().enumerate() {
        e.id = i;
    }
    if !reuse.once {
        reuse.learned = Some(Learned {
            names: names.entries.clone(),
            input,
            know,
            changed,
            introduced: introducers,
        });
    }
    (Entities { entities }, tokens)
}

#[cfg(test)]
mod tests {
    /// `lines_at` is `split_inclusive('\n')` with each line's offset, on every ending
    /// and on curly quotes, em dashes, CJK and emoji.
    #[test]
    fn lines_at_equals_split_inclusive() {
        for t in [
            "",
            "\n",
            "a",
            "a\n",
            "a\n\nb",
            "\n\n",
            "“東京” — 🎉\r\nLONDON 1996-09-14\rx\n",
            "no newline “at” all — 北京",
        ] {
            let mut at = 0;
            let want: Vec<(usize, &str)> = t
                .split_inclusive('\n')
                .map(|l| {
                    at += l.len();
                    (at - l.len(), l)
                })
                .collect();
            assert_eq!(super::lines_at(t).collect::<Vec<_>>(), want, "{t:?}");
        }
    }

    use super::*;

    #[test]
    fn in_capitals_agrees_with_the_char_test() {
        let reference =
            |t: &str| !t.chars().any(char::is_lowercase) && t.chars().any(char::is_uppercase);
        for t in [
            "",
            "PARIS",
            "Paris",
            "123 —",
            "“UN” TALKS",
            "“UN” Talks",
            "— é",
            "— É",
            "ÉCOLE",
            "ÉCOLe",
            "12 ÉCOLE",
            "森山",
            "森山 A",
            "A 🌊 b",
            "ΣΑΣ",
        ] {
            assert_eq!(in_capitals(t), reference(t), "{t:?}");
        }
    }

    #[test]
    fn appositive_end_agrees_with_the_char_search() {
        let reference = |rest: &str| {
            rest.find([',', '.', ';', '—', '(', '"', '“', '”', '\n'])
                .unwrap_or(rest.len())
                .min(120)
        };
        let long = "x".repeat(130);
        let dash_at_119 = format!("{}— y", "x".repeat(119));
        let quote_at_121 = format!("{}“ y", "x".repeat(121));
        let accents = format!("{}é, z", "é".repeat(58));
        for rest in [
            "",
            "the Chinese premier, said",
            "who runs a store.",
            "a spokeswoman — said",
            "an aide “quoted”",
            "an aide ”closing",
            "50 € (euro) and",
            "line\nbreak",
            "emoji 🌊; then",
            "森山 (CJK)",
            long.as_str(),
            dash_at_119.as_str(),
            quote_at_121.as_str(),
            accents.as_str(),
        ] {
            assert_eq!(appositive_end(rest), reference(rest), "{rest:?}");
        }
    }

    #[test]
    fn single_spaced_agrees_with_split_and_join() {
        for s in [
            "",
            "  ",
            "Chinese  Premier",
            " a\tb\u{a0}c ",
            "Prime\nMinister",
            "一 二",
        ] {
            let reference = s.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(single_spaced(s), reference, "{s:?}");
        }
    }

    #[test]
    fn a_company_s_short_forms() {
        assert_eq!(org_short_forms("Comalco Ltd"), ["Comalco"]);
        assert_eq!(org_short_forms("General Motors Corp"), ["General Motors"]);
        assert_eq!(org_short_forms("Goldman Sachs and Co"), ["Goldman Sachs"]);
        assert_eq!(org_short_forms("Ford Motor Co"), ["Ford Motor", "Ford"]);
        assert_eq!(
            org_short_forms("Viacom International Inc"),
            ["Viacom International", "Viacom"]
        );
        assert_eq!(org_short_forms("Digital Equipment"), ["Digital"]);
        // A place, a word that opens many names, no legal form and no generic word.
        assert!(org_short_forms("Texas Inc").is_empty());
        assert_eq!(org_short_forms("National Steel Corp"), ["National Steel"]);
        assert!(org_short_forms("Pacific Shipping Council").is_empty());
        assert!(org_short_forms("Reuters").is_empty());
        // Without the generic last words; a first word no list knows, with a legal form.
        assert_eq!(
            org_short_forms("Consolidated TVX Mining Corp"),
            ["Consolidated TVX Mining", "Consolidated TVX"]
        );
        assert_eq!(
            org_short_forms("Shearson Lehman Brothers Inc"),
            ["Shearson Lehman Brothers", "Shearson Lehman", "Shearson"]
        );
        assert_eq!(
            org_short_forms("Outboard Marine Corp"),
            ["Outboard Marine", "Outboard"]
        );
        // Not a surname (a founder of the story), nor `of` after the first word.
        assert_eq!(
            org_short_forms("Marchetti Hotels Corp"),
            ["Marchetti Hotels"]
        );
        assert!(org_short_forms("Bank of Ceylon Ltd").is_empty());
    }

    #[test]
    fn a_club_s_name_alone() {
        assert_eq!(club_alone("Blackburn Rovers"), Some("Rovers"));
        assert_eq!(club_alone("Indianapolis Colts"), Some("Colts"));
        assert_eq!(club_alone("Boston Red Sox"), Some("Red Sox"));
        assert_eq!(club_alone("Tampa Bay Lightning"), Some("Lightning"));
        // A nickname after no place's name, or no nickname.
        assert_eq!(club_alone("Ascent Colts"), None);
        assert_eq!(club_alone("Texas Instruments"), None);
        assert_eq!(club_alone("Colts"), None);
    }

    #[test]
    fn a_legal_form_s_period_at_a_sentence_s_end() {
        let t = "with Norfolk Southern Corp. The offer";
        assert!(legal_form_ends_sentence(t, Span::new(5, 27)));
        let t = "from Morgan Stanley Inc.";
        assert!(legal_form_ends_sentence(t, Span::new(5, 24)));
        // Mid-sentence, the period stays the abbreviation's.
        let t = "Time Warner Inc. said";
        assert!(!legal_form_ends_sentence(t, Span::new(0, 16)));
        // No period, or not a legal form.
        assert!(!legal_form_ends_sentence(
            "Comalco Ltd said",
            Span::new(0, 11)
        ));
        assert!(!legal_form_ends_sentence("the U.S. Then", Span::new(4, 8)));
    }

    #[test]
    fn a_common_word_capitalized_after_an_abbreviation() {
        let t = "that the U.S. Market reduce curbs in the market";
        assert_eq!(
            abbreviation_and_common_word(t, Span::new(9, 20)),
            Some(Span::new(9, 13))
        );
        let t = "Japanese, British and U.S. Securities houses";
        assert_eq!(abbreviation_and_common_word(t, Span::new(10, 37)), None);
        let t = "British and U.S. Securities houses bought securities";
        assert_eq!(
            abbreviation_and_common_word(t, Span::new(0, 27)),
            Some(Span::new(12, 16))
        );
        // A function word needs no lower-case use elsewhere.
        let t = "The U.S. Should act";
        assert_eq!(
            abbreviation_and_common_word(t, Span::new(4, 15)),
            Some(Span::new(4, 8))
        );
        // An institution, a word never written in lower case, a name before.
        let t = "the U.S. Treasury said the treasury";
        assert_eq!(abbreviation_and_common_word(t, Span::new(4, 17)), None);
        let t = "the U.S. Embassy said";
        assert_eq!(abbreviation_and_common_word(t, Span::new(4, 16)), None);
        let t = "the U.S. Pershing missiles";
        assert_eq!(abbreviation_and_common_word(t, Span::new(4, 17)), None);
    }

    #[test]
    fn a_headline_company_as_the_body_writes_it() {
        let t = "DIGITAL EQUIPMENT <DEC> SEEKS\n\nBOSTON - DIGITAL said Digital Equipment said";
        assert_eq!(
            body_casing(t, 29, &["DIGITAL", "EQUIPMENT"]).map(|s| s.text(t)),
            Some("Digital Equipment")
        );
        let t = "BAKER <BKO> SUES\n\nBaker International corp said";
        assert_eq!(
            body_casing(t, 16, &["BAKER"]).map(|s| s.text(t)),
            Some("Baker International")
        );
        let t = "NL INDUSTRIES <NL> NET\n\nNL Industries Inc said";
        assert_eq!(
            body_casing(t, 22, &["NL", "INDUSTRIES"]).map(|s| s.text(t)),
            Some("NL Industries Inc")
        );
        // Not a longer word, not only in capitals.
        assert_eq!(body_casing("X\n\nDigitalis said", 1, &["DIGITAL"]), None);
        assert_eq!(body_casing("X\n\nDIGITAL said", 1, &["DIGITAL"]), None);
    }

    #[test]
    fn a_ticker_after_a_name() {
        assert!(ticker_after("Comalco Ltd <CMAC.S> said", 11));
        assert!(ticker_after("Ford <F>", 4));
        assert!(!ticker_after("Ford <f>", 4));
        assert!(!ticker_after("Ford <Royal Bank of Canada>", 4));
        assert!(!ticker_after("Ford", 4));
        assert!(!ticker_after("Ford <", 4));
    }

    #[test]
    fn lowercase_without_allocating_agrees_with_to_lowercase() {
        let long = "A".repeat(70);
        for s in [
            "Li Keqiang",
            "li",
            "",
            "ÉCOLE",
            "ΟΔΟΣ",
            "U.S. Fed",
            long.as_str(),
        ] {
            assert_eq!(
                with_lowercase(s, <[u8]>::to_vec),
                s.to_lowercase().into_bytes(),
                "{s}"
            );
        }
    }
}
