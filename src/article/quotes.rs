//! Finding quotations: pairing quotation marks paragraph by paragraph, with nesting.
//!
//! Every `"` `“` `”` `'` `‘` `’` in the headline and the body paragraphs is read from its
//! neighbours first, then paired:
//!
//! * A single mark between two letters (`don't`, `O’Reilly`), a leading elision from the
//!   lexicon (`’90s`, `’em`, `’tis`, `class of ’62`, `rock ’n’ roll`) and a figure's prime
//!   (`6'2"`) are never quotation marks. A single mark after a word (`countries’`,
//!   `goin’`) is a *possible* closing mark: it closes a single quotation only when one is
//!   open and no later mark closes it; otherwise it is an apostrophe.
//! * A straight `"` after a figure reads as inches (`6'2"`, `a 7" record`) unless a
//!   quotation is open; between two letters (`country"s`) it is a mistyped apostrophe.
//! * The outer kind (double in US/AP copy, single in British copy) pairs per paragraph with
//!   the running-quote rule: a paragraph may end inside a quotation only when the next
//!   paragraph opens with a mark of the same kind. The inner kind pairs inside each outer
//!   quotation. AP headlines use single marks for quotations.
//!
//! The result keeps every mark with its reading ([`QuoteMark`]) so that rules and the
//! typographic conversion ([`to_typographic`]) never re-read the text.

use serde::Serialize;

use crate::finding::Edit;
use crate::span::Span;

/// A quotation: an opening mark and, when it was found, its closing mark.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Quotation {
    pub open: Span,
    /// `None` when the quotation runs on into the next paragraph or is never closed.
    pub close: Option<Span>,
    /// Index into [`crate::article::Article::paragraphs`]; 0 for headline quotations.
    pub paragraph: usize,
    /// The paragraph ends inside this quotation and the next one opens with a mark.
    pub runs_on: bool,
    /// Double or single marks.
    pub kind: MarkKind,
    /// 1 for an outer quotation, 2 for one inside it, 3 for a mark of the outer kind nested
    /// inside a quotation of the same kind (wrong nesting).
    pub level: u8,
    /// The quotation is in the headline, not in a body paragraph.
    pub headline: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MarkKind {
    Double,
    Single,
}

impl MarkKind {
    pub fn other(self) -> MarkKind {
        match self {
            MarkKind::Double => MarkKind::Single,
            MarkKind::Single => MarkKind::Double,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            MarkKind::Double => "double",
            MarkKind::Single => "single",
        }
    }
}

/// What a mark turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    /// Opens a quotation (paired or not).
    Open,
    /// Closes a quotation, or a closing mark with no opener.
    Close,
    /// An apostrophe: contraction, possessive, elision, dropped g, name.
    Apostrophe,
    /// A prime or inch sign after a figure (`6'2"`).
    Prime,
    /// A straight `"` between two letters (`country"s`): a mistyped apostrophe.
    InWord,
    /// A mark that could not be read (a lone `'` between spaces).
    Unknown,
}

/// One quotation-mark character with its reading.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct QuoteMark {
    pub span: Span,
    pub ch: char,
    pub kind: MarkKind,
    pub role: Role,
    pub headline: bool,
}

impl QuoteMark {
    pub fn straight(&self) -> bool {
        matches!(self.ch, '"' | '\'')
    }
}

/// Where quotations nest: US/AP (single inside double) or British (double inside single).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Nesting {
    #[default]
    Us,
    British,
}

impl Nesting {
    pub fn outer(self) -> MarkKind {
        match self {
            Nesting::Us => MarkKind::Double,
            Nesting::British => MarkKind::Single,
        }
    }
}

/// How to read the marks of one article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Settings {
    pub nesting: Nesting,
    /// Headlines quote with single marks (AP, UPI): double marks there are the wrong kind.
    pub headline_singles: bool,
}

/// A pair of marks of the wrong kind for their nesting level, or in a headline.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct WrongNesting {
    pub open: Span,
    pub close: Span,
    /// The kind the marks should be.
    pub expected: MarkKind,
    pub headline: bool,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Quotes {
    /// Body quotations in text order of their opening marks.
    pub quotations: Vec<Quotation>,
    /// Quotations in the headline.
    pub headline_quotations: Vec<Quotation>,
    /// Closing marks with no opening mark before them in their paragraph.
    pub unmatched_closes: Vec<Span>,
    /// Typographic marks whose glyph points the wrong way for the role they play.
    pub wrong_direction: Vec<Span>,
    pub wrong_nesting: Vec<WrongNesting>,
    /// Every mark in the headline and body, in text order.
    pub marks: Vec<QuoteMark>,
}

impl Quotes {
    /// Quotations that are opened and never closed (not running quotes).
    pub fn unclosed(&self) -> impl Iterator<Item = &Quotation> {
        self.quotations
            .iter()
            .chain(&self.headline_quotations)
            .filter(|q| q.close.is_none() && !q.runs_on)
    }

    /// The reading of the mark at `span`.
    pub fn mark_at(&self, span: Span) -> Option<&QuoteMark> {
        self.marks
            .binary_search_by_key(&span.start, |m| m.span.start)
            .ok()
            .map(|i| &self.marks[i])
    }
}

/// Leading elisions: a mark before these words is an apostrophe (`’em`, `’Tis`).
const ELISIONS: &[&str] = &[
    "em",
    "tis",
    "twas",
    "til",
    "till",
    "cause",
    "cos",
    "bout",
    "round",
    "cept",
    "nuff",
    "kay",
    "twixt",
    "neath",
    "gainst",
    "tween",
    "sup",
    "n",
    "er",
    "ere",
    "ow",
    "scuse",
    "fraid",
    "specially",
    "cuz",
    "ello",
    "ol",
    "allo",
    "taint",
    "twill",
    "twould",
    "twere",
    "ave",
];

/// What follows an apostrophe inside a word: `country's`, `don't`, `we'll`.
const APOSTROPHE_SUFFIXES: &[&str] = &["s", "t", "ll", "re", "ve", "d", "m", "S", "T"];

fn is_word(c: char) -> bool {
    c.is_alphanumeric()
}

fn is_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '\'' | '‘' | '’')
}

fn kind_of(c: char) -> Option<MarkKind> {
    match c {
        '"' | '“' | '”' | '„' => Some(MarkKind::Double),
        '\'' | '‘' | '’' => Some(MarkKind::Single),
        _ => None,
    }
}

/// Characters after which a mark opens: start, space, bracket, dash, slash, another mark.
fn opening_before(c: Option<char>) -> bool {
    match c {
        None => true,
        // `*` and `_`: Markdown emphasis around a quotation (`*"Yes"*`).
        Some(c) => {
            c.is_whitespace() || matches!(c, '(' | '[' | '{' | '—' | '–' | '-' | '/' | '*' | '_')
        }
    }
}

/// Characters before which a mark closes: end, space, punctuation, bracket, dash.
fn closing_after(c: Option<char>) -> bool {
    match c {
        None => true,
        Some(c) => {
            c.is_whitespace()
                || matches!(
                    c,
                    ',' | '.'
                        | ';'
                        | ':'
                        | '!'
                        | '?'
                        | ')'
                        | ']'
                        | '}'
                        | '—'
                        | '–'
                        | '-'
                        | '…'
                        | '*'
                        | '_'
                )
        }
    }
}

/// How a mark reads before pairing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Read {
    Open,
    /// Opens only if something closes it; otherwise an apostrophe (`'Bama`).
    WeakOpen,
    Close,
    /// Closes an open quotation of its kind if no later mark does; otherwise an apostrophe
    /// (`countries’`, `goin’`) or a prime (`6'`).
    MaybeClose,
    /// Like `MaybeClose` after a figure (`the 12' boat`): a prime when it closes nothing.
    MaybePrime,
    /// Direction from state: closes if a quotation is open, else opens.
    Either,
    /// A straight `"` after a figure: inches unless a quotation is open.
    Inches,
    Fixed(Role),
}

/// How sure we are that a straight `"` after a figure is the inch sign.
fn inches(para: &str, i: usize) -> Option<bool> {
    let before = &para[..i];
    let prev = before.chars().next_back()?;
    if !prev.is_ascii_digit() {
        return None;
    }
    let digits = before.trim_end_matches(|c: char| c.is_ascii_digit());
    if digits.ends_with(['\'', '′', '’']) {
        return Some(true);
    }
    let mut chars = para[i + 1..].chars();
    if matches!(chars.next(), Some(' ') | Some('-')) && chars.next().is_some_and(char::is_lowercase)
    {
        Some(false)
    } else {
        None
    }
}

/// The word that starts at `s` (letters and digits).
fn word_at(s: &str) -> &str {
    let end = s.find(|c: char| !is_word(c)).unwrap_or(s.len());
    &s[..end]
}

/// A leading elision: `’90s`, `’62`, `’em`, `’Tis`.
fn is_elision(after: &str) -> bool {
    let w = word_at(after);
    let digits = w.chars().take_while(char::is_ascii_digit).count();
    if digits == 2 && w[2..].chars().all(|c| c == 's') && w.len() <= 3 {
        return true;
    }
    if w.is_ascii() {
        // No allocation for the common case (`to_lowercase` is ASCII lowercasing here).
        return ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(w));
    }
    let lower = w.to_lowercase();
    ELISIONS.contains(&lower.as_str())
}

/// The characters of `para` that may be quotation marks, with their byte offsets: those
/// starting with `"`, `'` or 0xE2, the lead byte of “ ” ‘ ’ „ (U+2018..U+201E). Those are
/// never UTF-8 continuation bytes, so each offset is a char boundary. Testing bytes skips
/// ordinary text without decoding it: this loop was most of the cost of analysing an
/// article (see BENCHMARKS.md); `memchr3` tests many bytes at a time.
fn mark_candidates(para: &str) -> impl Iterator<Item = (usize, char)> + '_ {
    memchr::memchr3_iter(b'"', b'\'', 0xE2, para.as_bytes())
        .filter_map(move |i| Some((i, para.get(i..)?.chars().next()?)))
}

/// Read every mark of one stretch of text (a paragraph or the headline).
fn read_marks(text: &str, span: Span, headline: bool) -> Vec<(QuoteMark, Read)> {
    let para = span.text(text);
    let mut out: Vec<(QuoteMark, Read)> = Vec::new();
    // Marks already decided by a look-ahead (the second mark of `’n’`).
    let mut apostrophe_at: Option<usize> = None;
    for (i, c) in mark_candidates(para) {
        let Some(kind) = kind_of(c) else { continue };
        let prev = para[..i].chars().next_back();
        let after = &para[i + c.len_utf8()..];
        let next = after.chars().next();
        let read = if apostrophe_at == Some(i) {
            Read::Fixed(Role::Apostrophe)
        } else {
            match kind {
                MarkKind::Double => read_double(para, i, c, prev, next),
                MarkKind::Single => {
                    let r = read_single(para, i, c, prev, after);
                    // `rock ’n’ roll`: both marks are apostrophes.
                    if r == Read::Fixed(Role::Apostrophe) {
                        let mut rest = after.chars();
                        if rest.next().is_some_and(|n| n == 'n' || n == 'N')
                            && rest.next().is_some_and(|m| matches!(m, '\'' | '’' | '‘'))
                            && !rest.next().is_some_and(is_word)
                        {
                            apostrophe_at = Some(i + c.len_utf8() + 1);
                        }
                    }
                    r
                }
            }
        };
        out.push((
            QuoteMark {
                span: span.sub(i, i + c.len_utf8()),
                ch: c,
                kind,
                role: Role::Unknown,
                headline,
            },
            read,
        ));
    }
    out
}

fn read_double(para: &str, i: usize, c: char, prev: Option<char>, next: Option<char>) -> Read {
    if c == '„' {
        return Read::Open;
    }
    if c == '"' {
        match inches(para, i) {
            Some(true) => return Read::Fixed(Role::Prime),
            Some(false) => return Read::Inches,
            None => {}
        }
        // `country"s`, `don"t`: an apostrophe typed as a double mark. `said"It` is a
        // missing space before an opening mark instead.
        if prev.is_some_and(char::is_alphabetic) && next.is_some_and(char::is_alphabetic) {
            let w = word_at(&para[i + 1..]);
            if APOSTROPHE_SUFFIXES.contains(&w) {
                return Read::Fixed(Role::InWord);
            }
        }
    }
    let opens = opening_before(prev) || prev.is_some_and(is_mark);
    let closes = closing_after(next) || next.is_some_and(is_mark);
    match (opens && !closes, closes && !opens) {
        (true, _) => Read::Open,
        (_, true) => Read::Close,
        _ => match c {
            '“' => Read::Open,
            '”' => Read::Close,
            _ => Read::Either,
        },
    }
}

fn read_single(para: &str, i: usize, c: char, prev: Option<char>, after: &str) -> Read {
    let next = after.chars().next();
    let word_before = prev.is_some_and(is_word);
    let word_after = next.is_some_and(is_word);
    match (word_before, word_after) {
        // don't, O’Reilly, Li’s, 6'2
        (true, true) => {
            if prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit())
            {
                Read::Fixed(Role::Prime)
            } else {
                Read::Fixed(Role::Apostrophe)
            }
        }
        // countries’, goin’, 'quoted', 6'
        (true, false) if prev.is_some_and(|p| p.is_ascii_digit()) => Read::MaybePrime,
        (true, false) => Read::MaybeClose,
        // ’90s, ’em, 'quoted
        (false, true) => {
            if is_elision(after) {
                Read::Fixed(Role::Apostrophe)
            } else if c == '‘' || prev.is_some_and(|p| matches!(p, '"' | '“')) {
                Read::Open
            } else {
                Read::WeakOpen
            }
        }
        // said.’  ’”  “‘  a lone ' between spaces
        (false, false) => {
            let before = &para[..i];
            match prev {
                Some('.') => {
                    // `U.S.'` is a possessive: a letter before the period.
                    let mut b = before.chars().rev();
                    b.next();
                    if b.next().is_some_and(|x| x.is_uppercase())
                        && b.next().map_or(true, |x| x == '.' || x.is_whitespace())
                    {
                        Read::MaybeClose
                    } else {
                        Read::Close
                    }
                }
                Some(',' | '!' | '?' | ';' | ':' | '…' | '—' | '–') => Read::Close,
                Some(p) if matches!(p, '"' | '”') && closing_after(next) => Read::Close,
                Some(p) if matches!(p, '"' | '“' | '(' | '[') && !closing_after(next) => {
                    Read::Open
                }
                None if next.is_some_and(|n| matches!(n, '"' | '“')) => Read::Open,
                _ if opening_before(prev) && next.is_some_and(|n| matches!(n, '"' | '“')) => {
                    Read::Open
                }
                _ => Read::Fixed(Role::Unknown),
            }
        }
    }
}

/// One pairing pass over the marks of one kind in one stretch.
#[derive(Default)]
struct Pairing {
    /// (open, close, parent open) as indices into the marks.
    pairs: Vec<(usize, usize, Option<usize>)>,
    /// Strong openers left open at the end, outermost first.
    open_left: Vec<usize>,
    /// Weak openers (`'word` after a space) left open with no possible closer.
    weak_left: Vec<usize>,
    unmatched: Vec<usize>,
}

fn pair(marks: &[(QuoteMark, Read)], idxs: impl IntoIterator<Item = usize>) -> Pairing {
    struct Open {
        at: usize,
        weak: bool,
        tentative: Option<usize>,
    }
    let mut out = Pairing::default();
    let mut stack: Vec<Open> = Vec::new();
    let close_top = |stack: &mut Vec<Open>, out: &mut Pairing, close: usize| {
        if let Some(top) = stack.pop() {
            let parent = stack.last().map(|o| o.at);
            out.pairs.push((top.at, close, parent));
            true
        } else {
            false
        }
    };
    for i in idxs {
        let read = marks[i].1;
        let read = match read {
            Read::Either if stack.is_empty() => Read::Open,
            Read::Either => Read::Close,
            Read::Inches if stack.is_empty() => continue,
            Read::Inches => Read::Close,
            r => r,
        };
        match read {
            Read::Open | Read::WeakOpen => {
                // A possible closer before a new opener closes the open quotation.
                if let Some(t) = stack.last().and_then(|o| o.tentative) {
                    close_top(&mut stack, &mut out, t);
                }
                stack.push(Open {
                    at: i,
                    weak: read == Read::WeakOpen,
                    tentative: None,
                });
            }
            Read::Close => {
                let closed = close_top(&mut stack, &mut out, i);
                if !closed {
                    out.unmatched.push(i);
                }
            }
            Read::MaybeClose | Read::MaybePrime => {
                if let Some(top) = stack.last_mut() {
                    top.tentative = Some(i);
                }
            }
            _ => {}
        }
    }
    while let Some(top) = stack.pop() {
        if let Some(t) = top.tentative {
            let parent = stack.last().map(|o| o.at);
            out.pairs.push((top.at, t, parent));
        } else if !top.weak {
            out.open_left.push(top.at);
        } else {
            out.weak_left.push(top.at);
        }
    }
    out.open_left.reverse();
    out
}

/// Does this paragraph open with a mark of `kind` (a running quote continues)?
fn opens_with_mark(text: &str, span: Span, kind: MarkKind) -> bool {
    let t = span.text(text).trim_start();
    let t = t.trim_start_matches(['>', ' ']);
    match kind {
        MarkKind::Double => t.starts_with(['"', '“']),
        MarkKind::Single => {
            let mut chars = t.chars();
            chars.next().is_some_and(|c| matches!(c, '\'' | '‘'))
                && chars.as_str().starts_with(|c: char| !c.is_whitespace())
                && !is_elision(chars.as_str())
        }
    }
}

/// Pair the quotation marks of each paragraph with US nesting and no headline.
pub fn scan(text: &str, paragraphs: &[Span]) -> Quotes {
    scan_with(text, None, paragraphs, Settings::default())
}

struct Stretch<'a> {
    marks: Vec<(QuoteMark, Read)>,
    /// Every pair found, as indices into `marks`.
    pairs: Vec<(usize, usize)>,
    quotes: &'a mut Quotes,
}

/// Pair the quotation marks of the headline and each paragraph.
pub fn scan_with(
    text: &str,
    headline: Option<Span>,
    paragraphs: &[Span],
    settings: Settings,
) -> Quotes {
    scan_kept(text, headline, paragraphs, settings, None, None)
}

/// [`scan_with`], reusing the paragraphs kept in `kept` (when given) from the last scan;
/// `may_hold`: [`may_hold_marks`] of each paragraph, when known.
pub(crate) fn scan_kept(
    text: &str,
    headline: Option<Span>,
    paragraphs: &[Span],
    settings: Settings,
    mut kept: Option<&mut Kept>,
    may_hold: Option<&[bool]>,
) -> Quotes {
    let mut quotes = Quotes::default();
    if let Some(kept) = kept.as_deref_mut() {
        kept.reserve(&mut quotes);
    }
    if let Some(h) = headline {
        let outer = if settings.headline_singles {
            MarkKind::Single
        } else {
            settings.nesting.outer()
        };
        let mut st = Stretch {
            marks: read_marks(text, h, true),
            pairs: Vec::new(),
            quotes: &mut quotes,
        };
        st.run(outer, 0, h, None, true, settings.headline_singles);
        let marks = st.marks;
        quotes.marks.extend(marks.into_iter().map(|(m, _)| m));
    }
    for (p, &span) in paragraphs.iter().enumerate() {
        let next = paragraphs.get(p + 1).copied();
        if let Some(kept) = kept.as_deref_mut() {
            let marks = may_hold.and_then(|m| m.get(p).copied());
            kept.paragraph(text, p, span, next, settings, marks, &mut quotes);
        } else {
            scan_paragraph(text, p, span, next, settings, &mut quotes);
        }
    }
    if let Some(kept) = kept {
        kept.sized(&quotes);
    }
    // (Paragraphs come in text order; a paragraph's quotations and marks kept in a store
    // are already sorted and deduplicated, so those of a reused scan need no sort.)
    if !sorted_by(&quotes.quotations, |q| q.open.start) {
        quotes.quotations.sort_by_key(|q| q.open.start);
    }
    quotes.headline_quotations.sort_by_key(|q| q.open.start);
    if !sorted_by(&quotes.unmatched_closes, |s| *s) {
        quotes.unmatched_closes.sort();
    }
    if !sorted_by(&quotes.wrong_direction, |s| *s) {
        quotes.wrong_direction.sort();
    }
    quotes.wrong_direction.dedup();
    quotes
}

/// Is `v` sorted by `key` (`slice::is_sorted_by_key`, newer than the crate's MSRV)?
fn sorted_by<T, K: Ord>(v: &[T], key: impl Fn(&T) -> K) -> bool {
    v.windows(2).all(|w| key(&w[0]) <= key(&w[1]))
}

/// Pair the marks of paragraph `p` (at `span`; `next`: the paragraph after it) and add
/// what was found to `quotes`.
fn scan_paragraph(
    text: &str,
    p: usize,
    span: Span,
    next: Option<Span>,
    settings: Settings,
    quotes: &mut Quotes,
) {
    let mut st = Stretch {
        marks: read_marks(text, span, false),
        pairs: Vec::new(),
        quotes,
    };
    // (A paragraph without marks has no quotation to run on.)
    let runs_on = !st.marks.is_empty()
        && next.is_some_and(|n| opens_with_mark(text, n, settings.nesting.outer()));
    st.run(
        settings.nesting.outer(),
        p,
        span,
        Some(runs_on),
        false,
        false,
    );
    let marks = st.marks;
    quotes.marks.extend(marks.into_iter().map(|(m, _)| m));
}

/// Does `para` hold a byte a quotation mark may start with? When not, a scan of it finds
/// nothing.
pub(crate) fn may_hold_marks(para: &str) -> bool {
    memchr::memchr3(b'"', b'\'', 0xE2, para.as_bytes()).is_some()
}

/// What [`scan_paragraph`] adds for one paragraph, relative to its start, under one key.
#[derive(Clone, Debug)]
struct KeptParagraph {
    settings: Settings,
    /// The next paragraph opens with a mark of the outer kind.
    next_opens: bool,
    /// Generation last used.
    used: u64,
    marks: Vec<QuoteMark>,
    /// With `paragraph` 0.
    quotations: Vec<Quotation>,
    unmatched_closes: Vec<Span>,
    wrong_direction: Vec<Span>,
    wrong_nesting: Vec<WrongNesting>,
}

/// The marks of each paragraph kept from one scan of a document to the next, by
/// paragraph text: a paragraph's marks are read and paired from its own text, the
/// settings and whether the next paragraph opens with a mark (a running quote), so a
/// paragraph whose text and neighbour are unchanged gives what it gave before.
#[derive(Debug, Default)]
pub struct Kept {
    generation: u64,
    /// Entries used in this generation.
    live: usize,
    paragraphs: rustc_hash::FxHashMap<Box<str>, Vec<KeptParagraph>>,
    /// How many marks, quotations, unmatched closes, wrong directions and wrong nestings
    /// each story's scan found last time (by scan in this generation), to reserve room.
    sizes: Vec<[usize; 5]>,
    /// Scans made in this generation.
    scans: usize,
}

impl Kept {
    /// Before a scan of the whole document (every story).
    pub(crate) fn start(&mut self) {
        self.generation += 1;
        self.live = 0;
        self.scans = 0;
    }

    /// Room in `quotes` for what this story's scan found the last time.
    fn reserve(&self, quotes: &mut Quotes) {
        if let Some(&[a, b, c, d, e]) = self.sizes.get(self.scans) {
            quotes.marks.reserve(a);
            quotes.quotations.reserve(b);
            quotes.unmatched_closes.reserve(c);
            quotes.wrong_direction.reserve(d);
            quotes.wrong_nesting.reserve(e);
        }
    }

    /// After a story's scan: remember its sizes.
    fn sized(&mut self, q: &Quotes) {
        let sizes = [
            q.marks.len(),
            q.quotations.len(),
            q.unmatched_closes.len(),
            q.wrong_direction.len(),
            q.wrong_nesting.len(),
        ];
        self.sizes.truncate(self.scans);
        self.sizes.push(sizes);
        self.scans += 1;
    }

    /// After it: forget the paragraphs the text no longer holds, once they outnumber the
    /// ones it does (a pass over the store on every keystroke would cost more than it
    /// frees).
    pub(crate) fn finish(&mut self) {
        if self.paragraphs.len() > 2 * self.live + 64 {
            let generation = self.generation;
            self.paragraphs.retain(|_, kept| {
                kept.retain(|k| k.used == generation);
                !kept.is_empty()
            });
        }
    }

    /// How many paragraph texts are kept.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.paragraphs.len()
    }

    /// `marks`: [`may_hold_marks`] of the paragraph, when known.
    #[allow(clippy::too_many_arguments)]
    fn paragraph(
        &mut self,
        text: &str,
        p: usize,
        span: Span,
        next: Option<Span>,
        settings: Settings,
        marks: Option<bool>,
        quotes: &mut Quotes,
    ) {
        let para = span.text(text);
        if !marks.unwrap_or_else(|| may_hold_marks(para)) {
            // No mark at all: nothing to read, nothing to keep.
            return;
        }
        let next_opens = next.is_some_and(|n| opens_with_mark(text, n, settings.nesting.outer()));
        let generation = self.generation;
        if let Some(kept) = self.paragraphs.get_mut(para) {
            if let Some(k) = kept
                .iter_mut()
                .find(|k| k.settings == settings && k.next_opens == next_opens)
            {
                if k.used != generation {
                    k.used = generation;
                    self.live += 1;
                }
                let at = span.start;
                quotes.marks.extend(k.marks.iter().map(|m| QuoteMark {
                    span: m.span.moved(0, at),
                    ..*m
                }));
                quotes
                    .quotations
                    .extend(k.quotations.iter().map(|q| Quotation {
                        open: q.open.moved(0, at),
                        close: q.close.map(|c| c.moved(0, at)),
                        paragraph: p,
                        ..*q
                    }));
                quotes
                    .unmatched_closes
                    .extend(k.unmatched_closes.iter().map(|&s| s.moved(0, at)));
                quotes
                    .wrong_direction
                    .extend(k.wrong_direction.iter().map(|&s| s.moved(0, at)));
                quotes
                    .wrong_nesting
                    .extend(k.wrong_nesting.iter().map(|w| WrongNesting {
                        open: w.open.moved(0, at),
                        close: w.close.moved(0, at),
                        ..*w
                    }));
                return;
            }
        }
        // Read afresh, then keep it relative to the paragraph, sorted as the whole scan
        // sorts (stably: these all lie in this paragraph, after the ones before it).
        let mut local = Quotes::default();
        scan_paragraph(text, p, span, next, settings, &mut local);
        local.quotations.sort_by_key(|q| q.open.start);
        local.unmatched_closes.sort();
        local.wrong_direction.sort();
        local.wrong_direction.dedup();
        let at = span.start;
        let k = KeptParagraph {
            settings,
            next_opens,
            used: generation,
            marks: local
                .marks
                .iter()
                .map(|m| QuoteMark {
                    span: m.span.moved(at, 0),
                    ..*m
                })
                .collect(),
            quotations: local
                .quotations
                .iter()
                .map(|q| Quotation {
                    open: q.open.moved(at, 0),
                    close: q.close.map(|c| c.moved(at, 0)),
                    paragraph: 0,
                    ..*q
                })
                .collect(),
            unmatched_closes: local
                .unmatched_closes
                .iter()
                .map(|&s| s.moved(at, 0))
                .collect(),
            wrong_direction: local
                .wrong_direction
                .iter()
                .map(|&s| s.moved(at, 0))
                .collect(),
            wrong_nesting: local
                .wrong_nesting
                .iter()
                .map(|w| WrongNesting {
                    open: w.open.moved(at, 0),
                    close: w.close.moved(at, 0),
                    ..*w
                })
                .collect(),
        };
        self.live += 1;
        self.paragraphs.entry(Box::from(para)).or_default().push(k);
        quotes.marks.append(&mut local.marks);
        quotes.quotations.append(&mut local.quotations);
        quotes.unmatched_closes.append(&mut local.unmatched_closes);
        quotes.wrong_direction.append(&mut local.wrong_direction);
        quotes.wrong_nesting.append(&mut local.wrong_nesting);
    }
}

impl Stretch<'_> {
    /// Pair the outer kind, then the inner kind inside each outer quotation; in a headline
    /// with `strict_headline`, double marks are the wrong kind.
    fn run(
        &mut self,
        outer: MarkKind,
        p: usize,
        span: Span,
        runs_on: Option<bool>,
        headline: bool,
        strict_headline: bool,
    ) {
        if self.marks.is_empty() {
            // No marks, nothing to pair or record (most paragraphs).
            return;
        }
        if self.marks.iter().all(|(_, r)| matches!(r, Read::Fixed(_))) {
            // Only apostrophes and the like (`city’s`, `don't`): pairing reads none of
            // them, so each keeps the role it was read with.
            for (m, r) in &mut self.marks {
                if let Read::Fixed(role) = r {
                    m.role = *role;
                }
            }
            return;
        }
        let inner = outer.other();
        let pairing = pair(&self.marks, self.indices(outer, None));
        // The openers that were closed, sorted for binary search.
        let mut closed: Vec<usize> = pairing.pairs.iter().map(|&(o, _, _)| o).collect();
        closed.sort_unstable();
        // Outer quotations at level 1: those whose parent never closed are not nested.
        let mut interiors: Vec<Span> = Vec::new();
        for &(o, c, parent) in &pairing.pairs {
            let nested = parent.is_some_and(|pa| closed.binary_search(&pa).is_ok());
            self.paired(o, c);
            let (os, cs) = (self.marks[o].0.span, self.marks[c].0.span);
            if nested {
                self.quotes.wrong_nesting.push(WrongNesting {
                    open: os,
                    close: cs,
                    expected: inner,
                    headline,
                });
            } else {
                interiors.push(Span::new(os.end, cs.start));
            }
            self.push(Quotation {
                open: os,
                close: Some(cs),
                paragraph: p,
                runs_on: false,
                kind: outer,
                level: if nested { 3 } else { 1 },
                headline,
            });
        }
        // The interiors of closed outer quotations come first.
        let closed_interiors = interiors.len();
        for &o in &pairing.open_left {
            self.set(o, Role::Open);
        }
        for &u in &pairing.unmatched {
            self.set(u, Role::Close);
        }
        for &o in &pairing.open_left {
            let os = self.marks[o].0.span;
            // An unclosed quotation reaches to the next mark of its kind, or the paragraph
            // end; only one that reaches the end can run on into the next paragraph.
            let next = self.marks[o + 1..]
                .iter()
                .find(|(m, _)| m.kind == outer && matches!(m.role, Role::Open | Role::Close))
                .map(|(m, _)| m.span.start);
            interiors.push(Span::new(os.end, next.unwrap_or(span.end)));
            self.push(Quotation {
                open: os,
                close: None,
                paragraph: p,
                runs_on: runs_on.unwrap_or(false) && next.is_none(),
                kind: outer,
                level: 1,
                headline,
            });
        }
        for &u in &pairing.unmatched {
            self.quotes.unmatched_closes.push(self.marks[u].0.span);
        }
        // Inner marks inside each outer quotation.
        for (n, interior) in interiors.iter().enumerate() {
            let mut pr = pair(&self.marks, self.indices(inner, Some(*interior)));
            // Inside a quotation that is closed, a straight `'word` left open is an inner
            // quotation never closed before the outer one ends (`"It was 'a farce," she
            // said.`), not an elision: the outer close bounds it.
            if n < closed_interiors && !pr.weak_left.is_empty() {
                pr.open_left.append(&mut pr.weak_left);
                pr.open_left.sort_unstable();
            }
            for &(o, c, parent) in &pr.pairs {
                self.paired(o, c);
                let (os, cs) = (self.marks[o].0.span, self.marks[c].0.span);
                self.push(Quotation {
                    open: os,
                    close: Some(cs),
                    paragraph: p,
                    runs_on: false,
                    kind: inner,
                    level: if parent.is_some() { 3 } else { 2 },
                    headline,
                });
            }
            for &o in &pr.open_left {
                self.set(o, Role::Open);
                let os = self.marks[o].0.span;
                self.push(Quotation {
                    open: os,
                    close: None,
                    paragraph: p,
                    runs_on: false,
                    kind: inner,
                    level: 2,
                    headline,
                });
            }
            for &u in &pr.unmatched {
                self.set(u, Role::Close);
                self.quotes.unmatched_closes.push(self.marks[u].0.span);
            }
        }
        // Inner marks outside every outer quotation: quotations in the wrong kind.
        let mut sorted = interiors.clone();
        sorted.sort();
        let inside = |at: usize| {
            let k = sorted.partition_point(|s| s.start <= at);
            k > 0 && sorted[k - 1].contains(at)
        };
        let outside = (0..self.marks.len())
            .filter(|&i| self.marks[i].0.kind == inner && !inside(self.marks[i].0.span.start));
        let pr = pair(&self.marks, outside);
        for &(o, c, _) in &pr.pairs {
            self.paired(o, c);
            let (os, cs) = (self.marks[o].0.span, self.marks[c].0.span);
            // In a lenient headline either kind may quote; elsewhere the outer kind must.
            if !headline || strict_headline {
                self.quotes.wrong_nesting.push(WrongNesting {
                    open: os,
                    close: cs,
                    expected: outer,
                    headline,
                });
            }
            self.push(Quotation {
                open: os,
                close: Some(cs),
                paragraph: p,
                runs_on: false,
                kind: inner,
                level: 1,
                headline,
            });
        }
        // Whatever is still unread: apostrophes, primes, stray marks.
        for (m, r) in &mut self.marks {
            if m.role == Role::Unknown {
                m.role = match r {
                    Read::Fixed(role) => *role,
                    Read::Inches | Read::MaybePrime => Role::Prime,
                    // A single mark that opened nothing is an elision the lexicon lacks
                    // (`’Bama`); one that closed nothing is a possessive or dropped g.
                    Read::MaybeClose | Read::WeakOpen | Read::Open => {
                        if m.kind == MarkKind::Single {
                            Role::Apostrophe
                        } else {
                            Role::Unknown
                        }
                    }
                    _ => Role::Unknown,
                };
            }
        }
        // Typographic marks of a pair pointing the wrong way for the role they play. An
        // unpaired mark is reported as unclosed or unmatched instead.
        for &(o, c) in &self.pairs {
            let (open, close) = (&self.marks[o].0, &self.marks[c].0);
            if matches!(open.ch, '”' | '’') {
                self.quotes.wrong_direction.push(open.span);
            }
            // `„…“` is the German pair: `“` closes it rightly.
            if close.ch == '‘' || (close.ch == '“' && open.ch != '„') {
                self.quotes.wrong_direction.push(close.span);
            }
        }
    }

    fn paired(&mut self, o: usize, c: usize) {
        self.set(o, Role::Open);
        self.set(c, Role::Close);
        self.pairs.push((o, c));
    }

    /// Marks of `kind`, within `within` when given. Marks are in text order, so the
    /// range is found by binary search: pairing stays linear in the number of marks.
    fn indices(&self, kind: MarkKind, within: Option<Span>) -> impl Iterator<Item = usize> + '_ {
        let (from, to) = match within {
            Some(s) => (
                self.marks.partition_point(|(m, _)| m.span.start < s.start),
                self.marks.partition_point(|(m, _)| m.span.start < s.end),
            ),
            None => (0, self.marks.len()),
        };
        (from..to).filter(move |&i| self.marks[i].0.kind == kind)
    }

    fn set(&mut self, i: usize, role: Role) {
        self.marks[i].0.role = role;
    }

    fn push(&mut self, q: Quotation) {
        if q.headline {
            self.quotes.headline_quotations.push(q);
        } else {
            self.quotes.quotations.push(q);
        }
    }
}

/// Pair the marks of the article's headline and paragraphs with `settings`.
pub fn scan_article(text: &str, article: &mut crate::article::Article, settings: Settings) {
    scan_article_kept(text, article, settings, None, None);
}

/// [`scan_article`], reusing the paragraphs kept in `kept` (when given); `may_hold`:
/// [`may_hold_marks`] of each paragraph, when known.
pub(crate) fn scan_article_kept(
    text: &str,
    article: &mut crate::article::Article,
    settings: Settings,
    kept: Option<&mut Kept>,
    may_hold: Option<&[bool]>,
) {
    let headline = article.headline.as_ref().map(|h| h.text);
    let spans: Vec<Span> = article.paragraphs.iter().map(|p| p.span).collect();
    article.quotes = scan_kept(text, headline, &spans, settings, kept, may_hold);
}

/// The typographic form of a mark in its role: apostrophes become ’, never ‘.
pub fn typographic(m: &QuoteMark) -> Option<char> {
    let want = match (m.kind, m.role) {
        (_, Role::Prime) | (_, Role::Unknown) => return None,
        (MarkKind::Double, Role::Open) => '“',
        (MarkKind::Double, Role::Close) => '”',
        (MarkKind::Double, Role::Apostrophe) | (MarkKind::Double, Role::InWord) => '’',
        (MarkKind::Single, Role::Open) => '‘',
        (MarkKind::Single, Role::Close) => '’',
        (MarkKind::Single, Role::Apostrophe) | (MarkKind::Single, Role::InWord) => '’',
    };
    (want != m.ch).then_some(want)
}

/// Edits that turn every straight or misdirected mark of the article into its typographic
/// form: “ ” for double quotations, ‘ ’ for single ones, ’ for every apostrophe (a leading
/// `‘` curled the wrong way, as in `‘Twas`, becomes `’`). Typographic marks already right,
/// other languages' marks (`„`), primes and marks that cannot be read are left alone.
pub fn to_typographic(text: &str, article: &crate::article::Article) -> Vec<Edit> {
    // Every story of the file, each with its own marks.
    article
        .all_stories()
        .flat_map(|story| story_typographic(text, story))
        .collect()
}

fn story_typographic(text: &str, article: &crate::article::Article) -> Vec<Edit> {
    article
        .quotes
        .marks
        .iter()
        .filter(|m| m.span.end <= text.len())
        .filter(|m| {
            m.straight()
                || (m.ch == '‘' && m.role == Role::Apostrophe)
                || article
                    .quotes
                    .wrong_direction
                    .binary_search(&m.span)
                    .is_ok()
        })
        .filter_map(|m| {
            typographic(m).map(|c| Edit {
                span: m.span,
                replacement: c.to_string(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan_paras(paras: &[&str]) -> (String, Quotes) {
        let text = paras.join("\n\n");
        let mut spans = Vec::new();
        let mut at = 0;
        for p in paras {
            spans.push(Span::new(at, at + p.len()));
            at += p.len() + 2;
        }
        let q = scan(&text, &spans);
        (text, q)
    }

    #[test]
    fn balanced_straight_and_curly() {
        let (_, q) = scan_paras(&[
            "\"We will go on,\" the minister said.",
            "“北京 is ready — 😀,” he said.",
        ]);
        assert_eq!(q.unclosed().count(), 0);
        assert!(q.unmatched_closes.is_empty());
        assert_eq!(q.quotations.len(), 2);
    }

    #[test]
    fn running_quote_is_not_unclosed() {
        let (_, q) = scan_paras(&[
            "\"We will go on. We will not stop.",
            "\"Nobody can stop us,\" she said.",
        ]);
        assert_eq!(q.unclosed().count(), 0);
        assert!(q.quotations[0].runs_on);
    }

    #[test]
    fn unclosed_when_next_paragraph_does_not_open() {
        let (t, q) = scan_paras(&["He said “we will go on.", "Officials agreed."]);
        let u: Vec<_> = q.unclosed().collect();
        assert_eq!(u.len(), 1);
        assert_eq!(u[0].open.text(&t), "“");
    }

    #[test]
    fn inches_are_not_quotes() {
        let (_, q) = scan_paras(&["The 6'2\" center bought a 7\" record."]);
        assert!(q.quotations.is_empty());
        assert!(q.unmatched_closes.is_empty());
    }

    #[test]
    fn stray_closer() {
        let (t, q) = scan_paras(&["The plan works,” he said."]);
        assert_eq!(q.unmatched_closes.len(), 1);
        assert_eq!(q.unmatched_closes[0].text(&t), "”");
    }

    #[test]
    fn possessive_inside_single_quotation() {
        let (t, q) = scan_paras(&["“He said ‘the countries’ leaders met’ today,” she said."]);
        let inner: Vec<_> = q.quotations.iter().filter(|q| q.level == 2).collect();
        assert_eq!(inner.len(), 1);
        let c = inner[0].close.unwrap();
        assert_eq!(&t[c.start - 3..c.end], "met’");
    }

    #[test]
    fn typographic_conversion_never_curls_apostrophes_left() {
        let (t, q) = scan_paras(&["\"'Tis the '90s, don't 'quote' me,\" he said."]);
        let mut out = t.clone();
        let mut marks: Vec<_> = q
            .marks
            .iter()
            .filter_map(|m| typographic(m).map(|c| (m.span, c)))
            .collect();
        marks.reverse();
        for (s, c) in marks {
            out.replace_range(s.start..s.end, &c.to_string());
        }
        assert_eq!(out, "“’Tis the ’90s, don’t ‘quote’ me,” he said.");
    }
}

#[cfg(test)]
mod candidate_tests {
    use super::*;

    /// What `read_marks` looked at before the byte prefilter: every char that is a mark.
    fn marks_by_chars(para: &str) -> Vec<(usize, char)> {
        para.char_indices()
            .filter(|&(_, c)| kind_of(c).is_some())
            .collect()
    }

    fn marks_by_candidates(para: &str) -> Vec<(usize, char)> {
        mark_candidates(para)
            .filter(|&(_, c)| kind_of(c).is_some())
            .collect()
    }

    #[test]
    fn prefilter_finds_every_mark() {
        let s = "“北京 — ‘we’ll’ go,” he said. \"6'2\" „Ja“ 😀 ’90s … – ‰ €";
        assert_eq!(marks_by_candidates(s), marks_by_chars(s));
        assert_eq!(marks_by_chars(s).len(), 11);
    }

    proptest::proptest! {
        #[test]
        fn prefilter_equals_char_scan(s in "[a \"'“”‘’„—–…€😀北]{0,40}") {
            proptest::prop_assert_eq!(marks_by_candidates(&s), marks_by_chars(&s));
        }
    }
}
