//! The prose of one paragraph, read once for every rule: its sentences and its figures
//! (numbers, ordinals, money, percentages, times of day and dates).
//!
//! [`read`] works on the paragraph's text alone and returns spans relative to its start,
//! so `analysis` keeps the result by paragraph text across keystrokes (an edit re-reads
//! only the paragraphs it changed) and the rules find it in [`Context::prose`]
//! (`crate::rules::Context`), parallel to `article.paragraphs`.
//!
//! Below the rules, above the recognizer's lexicon, whose abbreviation list (with the
//! months AP abbreviates, from [`crate::words`]) decides which periods end no sentence.

use crate::entities::lexicon;
use crate::span::Span;
use crate::words;

/// What a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// A cardinal figure: `7`, `1,250`, `3.5`, `1,250.75`.
    Number,
    /// `14th`, `1st`, `22nd`, `3rd`.
    Ordinal,
    /// A currency sign and a figure, with a scale word if one follows: `$5`,
    /// `$5.2 million`, `€40`, `£3 billion`.
    Money,
    /// `5%`, `5 percent`, `5-percent`, `5.5 per cent`, `5 pct`.
    Percent,
    /// A time of day: `10:30 a.m.`, `10 p.m.`, `14:45`.
    Time,
    /// A month and a day: `Jan. 5`, `March 14`, `Sept. 3rd`.
    Date,
}

/// One figure of a paragraph: its span (relative to the paragraph's start; words a
/// figure takes, like `million` or `percent`, are inside it) and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Figure {
    pub span: Span,
    pub kind: Kind,
}

/// A paragraph read: its figures, and its sentences when first asked for
/// ([`Prose::sentences`]), in order, relative to the paragraph's start.
///
/// [`Prose::of`] reads the figures only around the paragraph's digits and leaves the
/// sentences to be read on first use: most paragraphs hold a figure some rule looks at,
/// few a candidate whose rule needs the whole sentence.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Prose {
    /// The figures, in order, never overlapping.
    pub figures: Vec<Figure>,
    /// Each sentence, from its first character to its final mark (and any closing quote
    /// or bracket after it); whitespace between sentences belongs to none.
    sentences: std::sync::OnceLock<Vec<Span>>,
}

impl Prose {
    /// The prose of the paragraph `text`: its figures now, its sentences on first use.
    pub fn of(text: &str) -> Prose {
        Prose {
            figures: read_figures(text),
            sentences: std::sync::OnceLock::new(),
        }
    }

    /// The sentences of the paragraph, read now if not yet; `text` is the paragraph's
    /// text, the one this was read from.
    pub fn sentences(&self, text: &str) -> &[Span] {
        self.sentences
            .get_or_init(|| sentences(text, &pieces(text)))
    }

    /// The figure that holds the word at `span` (relative to the paragraph), if any: the
    /// kind of a word, recognized once.
    pub fn figure_at(&self, span: Span) -> Option<&Figure> {
        let i = self.figures.partition_point(|f| f.span.end <= span.start);
        self.figures
            .get(i)
            .filter(|f| f.span.start <= span.start && span.end <= f.span.end)
    }

    /// The sentence holding byte `at` (relative to the paragraph) of `text`, the
    /// paragraph's text.
    pub fn sentence_at(&self, text: &str, at: usize) -> Option<Span> {
        let sentences = self.sentences(text);
        let i = sentences.partition_point(|s| s.end <= at);
        sentences.get(i).filter(|s| s.start <= at).copied()
    }
}

/// Read one paragraph's text: its sentences and figures at once, over every piece (what
/// [`Prose::of`] must agree with).
pub fn read(text: &str) -> Prose {
    let pieces = pieces(text);
    Prose {
        figures: figures(text, &pieces),
        sentences: sentences(text, &pieces).into(),
    }
}

/// Characters that may close a sentence after its final mark.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | ')' | ']' | '»')
}

/// Characters that may open a word before its first letter.
fn is_opener(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '‘' | '(' | '[' | '«')
}

/// The runs of non-whitespace of `text`, as byte ranges. An em or en dash between words
/// (`city—and`) separates them too.
///
/// A byte loop: a run of ASCII that is not whitespace is taken whole; other characters
/// are decoded where they start (whitespace beyond ASCII, `—`, `–`).
fn pieces(text: &str) -> Vec<Span> {
    let bytes = text.as_bytes();
    let n = bytes.len();
    let mut out = Vec::with_capacity(n / 6 + 1);
    // Whether the character at byte `i` separates pieces, and its length.
    let gap_at = |i: usize| -> (bool, usize) {
        let b = bytes[i];
        if b < 0x80 {
            (matches!(b, b'\t'..=b'\r' | b' '), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            (c.is_whitespace() || c == '—' || c == '–', c.len_utf8())
        }
    };
    let mut i = 0;
    loop {
        // The gap before the piece.
        while i < n {
            let (gap, len) = gap_at(i);
            if !gap {
                break;
            }
            i += len;
        }
        if i >= n {
            break;
        }
        let start = i;
        loop {
            while i < n && !PIECE_MAY_END[usize::from(bytes[i])] {
                i += 1;
            }
            if i >= n {
                break;
            }
            let (gap, len) = gap_at(i);
            if gap {
                break;
            }
            i += len;
        }
        out.push(Span::new(start, i));
        // One space before the next piece (the commonest gap): step over it here.
        if i + 1 < n && bytes[i] == b' ' && !PIECE_MAY_END[usize::from(bytes[i + 1])] {
            i += 1;
        }
    }
    out
}

/// Bytes where a piece may end: ASCII whitespace and every byte beyond ASCII (decoded
/// to tell).
static PIECE_MAY_END: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b >= 0x80 || matches!(b as u8, b'\t'..=b'\r' | b' ');
        b += 1;
    }
    t
};

/// The piece without opening and closing punctuation; the trailing period stays (it
/// may belong to the word: `a.m.`, `Jan.`).
fn core(text: &str, piece: Span) -> Span {
    let s = &text[piece.start..piece.end];
    let lead = s.len() - s.trim_start_matches(is_opener).len();
    let rest = &s[lead..];
    let trail = |c: char| is_closer(c) || matches!(c, ',' | ';' | ':' | '!' | '?');
    let mut kept = rest.trim_end_matches(trail);
    // `billion).`: a period after a closing bracket or quote is the sentence's.
    if let Some(before) = kept.strip_suffix('.') {
        if before.ends_with(is_closer) {
            kept = before.trim_end_matches(trail);
        }
    }
    Span::new(piece.start + lead, piece.start + lead + kept.len())
}

/// Whether the period that ends `word` (given without it) belongs to the word: an
/// abbreviation of the lexicon or a month AP abbreviates (`Mr`, `Jan`), an initial
/// (`J`), or a word with periods inside (`U.S`, `a.m`).
fn period_is_part(word: &str) -> bool {
    let word = word.trim_start_matches(is_opener);
    if word.is_empty() {
        return false;
    }
    if lexicon::is_abbreviation(word) || word.contains('.') {
        return true;
    }
    let mut chars = word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
}

fn sentences(text: &str, pieces: &[Span]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (k, &p) in pieces.iter().enumerate() {
        start.get_or_insert(p.start);
        if !piece_ends_sentence(text, p) {
            continue;
        }
        // A sentence ends before a word that does not open in lower case (a capital, a
        // figure, CJK, an emoji) or at the paragraph's end.
        let next_opens = pieces.get(k + 1).map_or(true, |&n| piece_opens(text, n));
        if next_opens {
            if let Some(st) = start.take() {
                out.push(Span::new(st, p.end));
            }
        }
    }
    if let (Some(st), Some(last)) = (start, pieces.last()) {
        out.push(Span::new(st, last.end));
    }
    out
}

/// Does the piece `p` end in a final mark that ends a sentence when a word that does not
/// open in lower case follows: `!`, `?`, or a period that belongs to no abbreviation
/// (any closing quotes or brackets after it)?
fn piece_ends_sentence(text: &str, p: Span) -> bool {
    // Only a piece that ends in a final mark or a closer (ASCII, or the last byte of
    // `”`, `’`, `»`) may end a sentence.
    let last = text.as_bytes()[p.end - 1];
    if last < 0x80 && !matches!(last, b'.' | b'!' | b'?' | b'"' | b'\'' | b')' | b']') {
        return false;
    }
    let s = &text[p.start..p.end];
    let body = s.trim_end_matches(is_closer);
    match body.as_bytes().last() {
        Some(b'!' | b'?') => true,
        Some(b'.') => !period_is_part(&body[..body.len() - 1]) || body.ends_with("..."),
        _ => false,
    }
}

/// Does the piece `p` open in other than lower case (after any opening marks)?
fn piece_opens(text: &str, p: Span) -> bool {
    text[p.start..p.end]
        .trim_start_matches(is_opener)
        .chars()
        .next()
        .is_some_and(|c| !c.is_lowercase())
}

/// Whether `s` is a cardinal figure: digits, with thousands separators in groups of
/// three or none, and an optional decimal part.
fn is_number(s: &str) -> bool {
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i, Some(f)),
        None => (s, None),
    };
    if let Some(f) = frac {
        if f.is_empty() || !f.bytes().all(|b| b.is_ascii_digit()) {
            return false;
        }
    }
    if int.is_empty() || !int.bytes().all(|b| b.is_ascii_digit() || b == b',') {
        return false;
    }
    let mut groups = int.split(',');
    let first = groups.next().unwrap_or("");
    if !int.contains(',') {
        return !first.is_empty();
    }
    (1..=3).contains(&first.len()) && groups.all(|g| g.len() == 3)
}

/// `s` without one final period, when what is left is a figure (`rose 5.`).
fn strip_period(s: &str) -> &str {
    match s.strip_suffix('.') {
        Some(t) if !t.ends_with('.') => t,
        _ => s,
    }
}

/// `3/4`, `7-3/4`: a fraction, or a whole figure and a fraction (Reuters' bond yields).
fn is_fraction(s: &str) -> bool {
    if !s.as_bytes().contains(&b'/') {
        return false;
    }
    let s = strip_period(s);
    let (whole, frac) = match s.split_once('-') {
        Some((w, f)) => (Some(w), f),
        None => (None, s),
    };
    let digits = |t: &str| !t.is_empty() && t.len() <= 3 && t.bytes().all(|b| b.is_ascii_digit());
    whole.map_or(true, digits)
        && frac
            .split_once('/')
            .is_some_and(|(a, b)| digits(a) && digits(b) && b != "0")
}

fn is_ordinal(s: &str) -> bool {
    let s = strip_period(s);
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let suffix = &s[digits..];
    digits > 0
        && ["st", "nd", "rd", "th"]
            .iter()
            .any(|o| suffix.eq_ignore_ascii_case(o))
}

/// The length of the `a.m.`/`p.m.` that `s` is, in any case, with or without its periods
/// (`a.m.`, `A.M.`, `am`, `PM`, `a.m`); a final period after `am` or `pm` is the
/// sentence's and not counted (`am.` gives 2).
fn meridiem_len(s: &str) -> Option<usize> {
    let b = s.as_bytes();
    let am_pm = |c: u8| matches!(c.to_ascii_lowercase(), b'a' | b'p');
    let m = |c: u8| c.eq_ignore_ascii_case(&b'm');
    match b {
        [a, b'.', n, b'.'] if am_pm(*a) && m(*n) => Some(4),
        [a, b'.', n] if am_pm(*a) && m(*n) => Some(3),
        [a, n] | [a, n, b'.'] if am_pm(*a) && m(*n) => Some(2),
        _ => None,
    }
}

fn is_meridiem(s: &str) -> bool {
    meridiem_len(s).is_some()
}

/// An hour a meridiem may follow: 1 to 12, one or two digits.
fn is_hour12(s: &str) -> bool {
    (1..=2).contains(&s.len()) && s.parse::<u8>().is_ok_and(|h| (1..=12).contains(&h))
}

/// `9.30`: an hour and minutes with a period, as British copy writes them before `am`.
fn is_dot_clock(s: &str) -> bool {
    s.split_once('.').is_some_and(|(h, m)| {
        is_hour12(h) && m.len() == 2 && m.bytes().all(|b| b.is_ascii_digit()) && m < "60"
    })
}

/// A time written in one piece, the meridiem joined to the figure (`9am`, `10:30p.m.`,
/// `9.30pm`): the length of the time in `s` (a sentence's final period left out).
fn joined_time(s: &str) -> Option<usize> {
    let digits = s
        .bytes()
        .take_while(|b| b.is_ascii_digit() || matches!(b, b':' | b'.'))
        .count();
    // The figure ends before the meridiem's letter (`9.` in `9.a.m.` is no figure).
    let fig = s[..digits].trim_end_matches('.');
    let rest = &s[fig.len()..];
    if fig.is_empty() || !rest.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return None;
    }
    let time = is_hour12(fig) || is_clock(fig) || is_dot_clock(fig);
    let m = meridiem_len(rest)?;
    time.then_some(fig.len() + m)
}

/// `H:MM` or `HH:MM`, hours to 24, minutes to 59.
fn is_clock(s: &str) -> bool {
    let Some((h, m)) = strip_period(s).split_once(':') else {
        return false;
    };
    (1..=2).contains(&h.len())
        && m.len() == 2
        && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
        && h.parse::<u8>().is_ok_and(|h| h <= 24)
        && m.parse::<u8>().is_ok_and(|m| m < 60)
}

/// A month as a date writes it: its full name, AP's or Reuters' abbreviation, or its
/// three letters with or without a period (`Sep.`, `Mar`: wrong forms, recognized so
/// that the rules can name them).
fn is_month(s: &str) -> bool {
    let bare = s.strip_suffix('.').unwrap_or(s);
    s.len() <= 10
        && s.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && (words::FULL_MONTHS.contains(&s)
            || words::AP_MONTHS.contains(&s)
            || words::REUTERS_MONTHS.contains(&s)
            || words::SHORT_MONTHS.contains(&bare))
}

fn is_full_month(s: &str) -> bool {
    words::FULL_MONTHS.contains(&s)
}

fn is_day(s: &str) -> bool {
    let s = strip_period(s);
    let s = if is_ordinal(s) {
        s.trim_end_matches(|c: char| c.is_ascii_alphabetic())
    } else {
        s
    };
    (1..=2).contains(&s.len()) && s.parse::<u8>().is_ok_and(|d| (1..=31).contains(&d))
}

/// The kind of the figure that opens with a digit, `w`, and how many pieces it takes;
/// `next`: the piece after it, `after_next()` the one after that.
fn digit_figure<'t>(
    w: &str,
    next: &'t str,
    after_next: impl Fn() -> &'t str,
) -> Option<(Kind, usize)> {
    let unit = |next: &str| {
        let next = strip_period(next);
        if next == "percent" || next == "pct" {
            Some(2)
        } else if next == "per" && strip_period(after_next()) == "cent" {
            Some(3)
        } else {
            None
        }
    };
    if let Some(n) = strip_period(w).strip_suffix('%') {
        (is_number(n) || is_fraction(n)).then_some((Kind::Percent, 1))
    } else if let Some(n) = strip_period(w).strip_suffix("-percent") {
        is_number(n).then_some((Kind::Percent, 1))
    } else if is_fraction(w) {
        // `7-3/4 pct`, `4-3/4%`, `1/2 percent`: a fraction is a percentage only with its
        // unit (alone it is a date or a ratio).
        unit(next).map(|n| (Kind::Percent, n))
    } else if is_clock(w) {
        Some((Kind::Time, if is_meridiem(next) { 2 } else { 1 }))
    } else if is_dot_clock(w) && is_meridiem(next) {
        Some((Kind::Time, 2))
    } else if joined_time(w).is_some() {
        Some((Kind::Time, 1))
    } else if is_day(w) && is_full_month(strip_period(next)) {
        // Day before month, as British and AFP copy write it: `3 September`.
        Some((Kind::Date, 2))
    } else if is_ordinal(w) {
        Some((Kind::Ordinal, 1))
    } else if is_number(strip_period(w)) {
        if let Some(n) = unit(next) {
            Some((Kind::Percent, n))
        } else if is_meridiem(next) && is_hour12(w) {
            Some((Kind::Time, 2))
        } else {
            Some((Kind::Number, 1))
        }
    } else {
        None
    }
}

fn figures(text: &str, pieces: &[Span]) -> Vec<Figure> {
    let mut out = Vec::new();
    // Every figure holds a digit.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    let mut k = 0;
    while k < pieces.len() {
        match figure_at(text, pieces[k], |j| pieces.get(k + j).copied()) {
            Some((figure, n, _)) => {
                out.push(figure);
                k += n;
            }
            None => k += 1,
        }
    }
    out
}

/// The figure that opens at the piece `piece`, if any, how many pieces it takes and where
/// the last of them ends; `next(j)`: the `j`-th piece after it (1 or 2).
fn figure_at(
    text: &str,
    piece: Span,
    next: impl Fn(usize) -> Option<Span>,
) -> Option<(Figure, usize, usize)> {
    let piece_of = |j: usize| if j == 0 { Some(piece) } else { next(j) };
    let core_of = |j: usize| piece_of(j).map(|p| core(text, p));
    let word = |j: usize| core_of(j).map_or("", |c| &text[c.start..c.end]);
    // Every figure opens with a digit, a currency sign or a month's capital (after any
    // opening marks).
    let raw = text.as_bytes()[piece.start];
    let may_open = raw.is_ascii_digit()
        || raw.is_ascii_uppercase()
        || raw >= 0x80
        || matches!(raw, b'$' | b'"' | b'\'' | b'(' | b'[');
    // A capital opens only a month (`is_month`): `J`, `F`, `M`, `A`, `S`, `O`, `N`, `D`.
    if !may_open || raw.is_ascii_uppercase() && !b"JFMASOND".contains(&raw) {
        return None;
    }
    let here = core(text, piece);
    let w = &text[here.start..here.end];
    let first = w.as_bytes().first().copied().unwrap_or(0);
    if !(first.is_ascii_digit() || first.is_ascii_uppercase() || first >= 0x80 || first == b'$') {
        return None;
    }
    // The figure's kind and how many pieces it takes: a capital opens only a date, a
    // sign (or any character beyond ASCII) only money, a digit the rest.
    let (kind, n) = if first.is_ascii_uppercase() {
        (is_month(w) && is_day(word(1))).then_some((Kind::Date, 2))
    } else if first == b'$' || first >= 0x80 {
        w.strip_prefix(['$', '€', '£', '¥']).and_then(|amount| {
            is_number(strip_period(amount)).then(|| {
                let scale = matches!(strip_period(word(1)), "million" | "billion" | "trillion");
                (Kind::Money, if scale { 2 } else { 1 })
            })
        })
    } else {
        digit_figure(w, word(1), || word(2))
    }?;
    let last_piece = piece_of(n - 1).unwrap_or(piece);
    let last = core(text, last_piece);
    let end_word = &text[last.start..last.end];
    // A final period ends the sentence, not the figure (`a.m.` keeps its own).
    let time_len = match kind {
        Kind::Time if n == 1 => joined_time(end_word),
        Kind::Time => meridiem_len(end_word),
        _ => None,
    };
    let end = if let Some(len) = time_len {
        last.start + len
    } else if end_word.ends_with('.') {
        last.end - 1
    } else {
        last.end
    };
    Some((
        Figure {
            span: Span::new(here.start, end),
            kind,
        },
        n,
        last_piece.end,
    ))
}

/// Does `c` separate pieces ([`pieces`]): whitespace, an em or an en dash?
fn is_gap(c: char) -> bool {
    c.is_whitespace() || c == '—' || c == '–'
}

/// The piece that holds byte `at` of `text` (a character boundary, not in a gap).
fn piece_around(text: &str, at: usize) -> Span {
    let start = text[..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_gap(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = text[at..].find(is_gap).map_or(text.len(), |i| at + i);
    Span::new(start, end)
}

/// The first piece that opens at or after byte `from`, if any.
fn piece_from(text: &str, from: usize) -> Option<Span> {
    let start = from + text[from..].find(|c: char| !is_gap(c))?;
    Some(piece_around(text, start))
}

/// The last piece that ends at or before byte `to`, if any.
fn piece_before(text: &str, to: usize) -> Option<Span> {
    let (i, _) = text[..to].char_indices().rev().find(|&(_, c)| !is_gap(c))?;
    Some(piece_around(text, i))
}

/// The figures of `text`, as [`read`] finds them, read only around its digits: every
/// figure holds one, in its first piece or (a month before its day) in the next, so
/// only those pieces can open one, and the pieces between are never read.
pub fn read_figures(text: &str) -> Vec<Figure> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    // Pieces at or after this byte may open a figure: before it, a figure has taken
    // them, or they were tried already.
    let mut free = 0;
    let mut at = 0;
    while let Some(d) = bytes[at..].iter().position(u8::is_ascii_digit) {
        let holder = piece_around(text, at + d);
        let before = piece_before(text, holder.start);
        for piece in before.into_iter().chain([holder]) {
            if piece.start < free {
                continue;
            }
            match figure_at(text, piece, |j| {
                let mut p = piece;
                for _ in 0..j {
                    p = piece_from(text, p.end)?;
                }
                Some(p)
            }) {
                Some((figure, _, end)) => {
                    free = end;
                    out.push(figure);
                }
                None => free = piece.end,
            }
        }
        at = holder.end.max(free);
    }
    out
}

/// Does a sentence of `text` ([`read`]'s) open at byte `at`? Read at `at` alone: `at`
/// opens a piece that opens in other than lower case, and the piece before it, if any,
/// ends a sentence.
pub fn opens_sentence(text: &str, at: usize) -> bool {
    // A character that is no gap at `at` (a boundary inside the text), first of its piece.
    let holds_piece = text
        .get(at..)
        .and_then(|t| t.chars().next())
        .is_some_and(|c| !is_gap(c));
    if !holds_piece {
        return false;
    }
    let here = piece_around(text, at);
    if here.start != at {
        return false;
    }
    match piece_before(text, at) {
        None => true,
        Some(before) => piece_ends_sentence(text, before) && piece_opens(text, here),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first reader, before its fast paths: the reference `read` must agree with.
    mod reference {
        use super::super::*;

        pub fn read(text: &str) -> Prose {
            let pieces = pieces(text);
            Prose {
                figures: figures(text, &pieces),
                sentences: sentences(text, &pieces).into(),
            }
        }

        /// The runs of non-whitespace of `text`, as byte ranges. An em or en dash between words
        /// (`city—and`) separates them too.
        ///
        /// A byte loop: ASCII is classified without decoding; other characters are decoded where
        /// they start (whitespace beyond ASCII, `—`, `–`).
        fn pieces(text: &str) -> Vec<Span> {
            let bytes = text.as_bytes();
            let mut out = Vec::with_capacity(bytes.len() / 6 + 1);
            let mut start = None;
            let mut i = 0;
            while i < bytes.len() {
                let b = bytes[i];
                let (gap, len) = if b < 0x80 {
                    (matches!(b, b'\t'..=b'\r' | b' '), 1)
                } else {
                    let c = text[i..].chars().next().unwrap_or(' ');
                    (c.is_whitespace() || c == '—' || c == '–', c.len_utf8())
                };
                if gap {
                    if let Some(s) = start.take() {
                        out.push(Span::new(s, i));
                    }
                } else if start.is_none() {
                    start = Some(i);
                }
                i += len;
            }
            if let Some(s) = start {
                out.push(Span::new(s, text.len()));
            }
            out
        }
        fn sentences(text: &str, pieces: &[Span]) -> Vec<Span> {
            let mut out = Vec::new();
            let mut start: Option<usize> = None;
            for (k, &p) in pieces.iter().enumerate() {
                let s = &text[p.start..p.end];
                start.get_or_insert(p.start);
                let body = s.trim_end_matches(is_closer);
                let ends = match body.as_bytes().last() {
                    Some(b'!' | b'?') => true,
                    Some(b'.') => !period_is_part(&body[..body.len() - 1]) || body.ends_with("..."),
                    _ => false,
                };
                if !ends {
                    continue;
                }
                // A sentence ends before a word that does not open in lower case (a capital, a
                // figure, CJK, an emoji) or at the paragraph's end.
                let next_opens = match pieces.get(k + 1) {
                    None => true,
                    Some(n) => text[n.start..n.end]
                        .trim_start_matches(is_opener)
                        .chars()
                        .next()
                        .is_some_and(|c| !c.is_lowercase()),
                };
                if next_opens {
                    if let Some(st) = start.take() {
                        out.push(Span::new(st, p.end));
                    }
                }
            }
            if let (Some(st), Some(last)) = (start, pieces.last()) {
                out.push(Span::new(st, last.end));
            }
            out
        }
        fn figures(text: &str, pieces: &[Span]) -> Vec<Figure> {
            let mut out = Vec::new();
            // Every figure holds a digit.
            if !text.bytes().any(|b| b.is_ascii_digit()) {
                return out;
            }
            let core_of = |k: usize| pieces.get(k).map(|&p| core(text, p));
            let word = |k: usize| core_of(k).map_or("", |c| &text[c.start..c.end]);
            let mut k = 0;
            while k < pieces.len() {
                // Every figure opens with a digit, a currency sign or a month's capital (after
                // any opening marks).
                let raw = text.as_bytes()[pieces[k].start];
                let may_open = raw.is_ascii_digit()
                    || raw.is_ascii_uppercase()
                    || raw >= 0x80
                    || matches!(raw, b'$' | b'"' | b'\'' | b'(' | b'[');
                if !may_open {
                    k += 1;
                    continue;
                }
                let here = core(text, pieces[k]);
                let w = &text[here.start..here.end];
                let first = w.as_bytes().first().copied().unwrap_or(0);
                if !(first.is_ascii_digit()
                    || first.is_ascii_uppercase()
                    || first >= 0x80
                    || first == b'$')
                {
                    k += 1;
                    continue;
                }
                // The figure's kind and how many pieces it takes: a capital opens only a date,
                // a sign (or any character beyond ASCII) only money, a digit the rest.
                let found = if first.is_ascii_uppercase() {
                    (is_month(w) && is_day(word(k + 1))).then_some((Kind::Date, 2))
                } else if first == b'$' || first >= 0x80 {
                    w.strip_prefix(['$', '€', '£', '¥']).and_then(|amount| {
                        is_number(strip_period(amount)).then(|| {
                            let scale = matches!(
                                strip_period(word(k + 1)),
                                "million" | "billion" | "trillion"
                            );
                            (Kind::Money, if scale { 2 } else { 1 })
                        })
                    })
                } else {
                    digit_figure(w, word(k + 1), || word(k + 2))
                };
                match found {
                    Some((kind, n)) => {
                        let last = core_of(k + n - 1).unwrap_or(here);
                        let end_word = &text[last.start..last.end];
                        // A final period ends the sentence, not the figure (`a.m.` keeps its own).
                        let time_len = match kind {
                            Kind::Time if n == 1 => joined_time(end_word),
                            Kind::Time => meridiem_len(end_word),
                            _ => None,
                        };
                        let end = if let Some(len) = time_len {
                            last.start + len
                        } else if end_word.ends_with('.') {
                            last.end - 1
                        } else {
                            last.end
                        };
                        out.push(Figure {
                            span: Span::new(here.start, end),
                            kind,
                        });
                        k += n;
                    }
                    None => k += 1,
                }
            }
            out
        }
    }

    /// Text for [`read_agrees_with_the_reference`]: words, figures and marks of wire copy
    /// (curly quotes, dashes, CJK, emoji, no-break spaces), mostly separated by spaces.
    fn wire_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let word = "[a-zA-Z]{1,9}|[A-Z][a-z]{1,6}|[0-9]{1,2}|[0-9]{1,5}|[“‘\"'(\\[«]?(Jan\\.|Sept|March|September|Mr\\.|U\\.S\\.|a\\.m\\.|p\\.m\\.|am|PM|pct|percent|per|cent|million|1,250|3rd|14th|10:30|9\\.30|7-3/4|4%|\\$5|€40|£3|¥1,200|森山|東京|🌊|🎉|é|Ünsal|it’s|J|\\.\\.\\.)[”’\"')\\]»]?[.,;:!?]?";
        let sep = " | | |  |\n|\t|\u{a0}|\u{2003}|—|–| — |[.,;:!?\"')”’]+ ";
        proptest::collection::vec((word, sep), 0..40)
            .prop_map(|v| v.into_iter().map(|(w, s)| w + &s).collect())
    }

    proptest::proptest! {
        /// The fast paths (pieces taken a run at a time, pieces that cannot end a
        /// sentence or open a figure passed over) against the first reader.
        #[test]
        fn read_agrees_with_the_reference(s in wire_text()) {
            proptest::prop_assert_eq!(read(&s), reference::read(&s));
        }

        /// What the rules read ([`Prose::of`]: figures around the digits, sentences on
        /// first use; [`opens_sentence`] at one byte) against the reader of every piece.
        #[test]
        fn lazy_prose_agrees_with_the_reference(s in wire_text()) {
            let full = reference::read(&s);
            let lazy = Prose::of(&s);
            proptest::prop_assert_eq!(&lazy.figures, &full.figures);
            proptest::prop_assert_eq!(lazy.sentences(&s), full.sentences(&s));
            for at in 0..=s.len() {
                let opens = full.sentences(&s).iter().any(|x| x.start == at);
                proptest::prop_assert_eq!(opens_sentence(&s, at), opens, "at {}", at);
            }
        }
    }

    /// The lazy reader on the paragraphs of every story shipped in the repository, and of
    /// the real corpora when `COPYDESK_CORPORA` names their folder.
    #[test]
    fn lazy_prose_agrees_on_the_repository_stories() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut dirs: Vec<std::path::PathBuf> = ["samples", "demo", "tests/fixtures"]
            .iter()
            .map(|d| root.join(d))
            .collect();
        dirs.extend(std::env::var_os("COPYDESK_CORPORA").map(std::path::PathBuf::from));
        let mut paragraphs = 0;
        for dir in dirs {
            for entry in walkdir::WalkDir::new(dir) {
                let entry = entry.unwrap();
                let Ok(text) = std::fs::read_to_string(entry.path()) else {
                    continue;
                };
                for para in text.split("\n\n") {
                    let full = reference::read(para);
                    let lazy = Prose::of(para);
                    assert_eq!(lazy.figures, full.figures, "{para:?}");
                    for at in 0..=para.len() {
                        let opens = full.sentences(para).iter().any(|x| x.start == at);
                        assert_eq!(opens_sentence(para, at), opens, "{para:?} at {at}");
                    }
                    paragraphs += 1;
                }
            }
        }
        assert!(paragraphs > 500, "{paragraphs} paragraphs");
    }

    fn sentences_of(text: &str) -> Vec<&str> {
        Prose::of(text)
            .sentences(text)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    fn figures_of(text: &str) -> Vec<(&str, Kind)> {
        Prose::of(text)
            .figures
            .iter()
            .map(|f| (&text[f.span.start..f.span.end], f.kind))
            .collect()
    }

    #[test]
    fn sentences_split_at_final_marks_not_abbreviations() {
        assert_eq!(
            sentences_of(
                "Mr. Okafor met U.S. officials on Jan. 5 in St. Paul. They agreed. Did they? Yes!"
            ),
            [
                "Mr. Okafor met U.S. officials on Jan. 5 in St. Paul.",
                "They agreed.",
                "Did they?",
                "Yes!"
            ]
        );
        // Initials are no sentence end; a capital after a plain period is.
        assert_eq!(
            sentences_of("J. R. Mbeki spoke. The vote was 5-4."),
            ["J. R. Mbeki spoke.", "The vote was 5-4."]
        );
        // A lower-case word after a period continues the sentence.
        assert_eq!(
            sentences_of("It rose 2.5 pct. in May"),
            ["It rose 2.5 pct. in May"]
        );
        assert_eq!(sentences_of(""), Vec::<&str>::new());
        assert_eq!(sentences_of("  \n "), Vec::<&str>::new());
    }

    #[test]
    fn sentences_with_curly_quotes_dashes_cjk_and_emoji() {
        let text = "“We won,” said Ms. Lindqvist—smiling. “It’s 東京 now.” 🎉 Fans cheered.";
        assert_eq!(
            sentences_of(text),
            [
                "“We won,” said Ms. Lindqvist—smiling.",
                "“It’s 東京 now.”",
                "🎉 Fans cheered."
            ]
        );
        // Every span lies on character boundaries.
        let p = Prose::of(text);
        for s in p.sentences(text) {
            assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
        }
        let sentence = |i: usize| Some(p.sentences(text)[i]);
        let tokyo = text.find("東京").unwrap();
        assert_eq!(p.sentence_at(text, tokyo), sentence(1));
        assert_eq!(p.sentence_at(text, text.find("Fans").unwrap()), sentence(2));
    }

    #[test]
    fn figures_of_every_kind() {
        assert_eq!(
            figures_of("Sales rose 5% to $5.2 million, or 1,250,000 units, on March 14."),
            [
                ("5%", Kind::Percent),
                ("$5.2 million", Kind::Money),
                ("1,250,000", Kind::Number),
                ("March 14", Kind::Date),
            ]
        );
        assert_eq!(
            figures_of("At 10:30 a.m. on Sept. 3rd, the 14th vote gained 5 percent, 2.5 per cent, $5 and 3.75."),
            [
                ("10:30 a.m.", Kind::Time),
                ("Sept. 3rd", Kind::Date),
                ("14th", Kind::Ordinal),
                ("5 percent", Kind::Percent),
                ("2.5 per cent", Kind::Percent),
                ("$5", Kind::Money),
                ("3.75", Kind::Number),
            ]
        );
        assert_eq!(
            figures_of("Doors open at 7 p.m. and 14:45; 12,34 and 1,2345 are no figures."),
            [("7 p.m.", Kind::Time), ("14:45", Kind::Time)]
        );
        assert_eq!(figures_of("May I? The dog ate 25:99 treats."), []);
        assert_eq!(
            figures_of("Bonds pay 7-3/4 pct, 4-3/4% or 1/2 per cent; 9/11 and 3/4 of them."),
            [
                ("7-3/4 pct", Kind::Percent),
                ("4-3/4%", Kind::Percent),
                ("1/2 per cent", Kind::Percent),
            ]
        );
        assert_eq!(
            figures_of("A 4.5-percent rise, 3 pct more; 2 percentage points, 70%."),
            [
                ("4.5-percent", Kind::Percent),
                ("3 pct", Kind::Percent),
                ("2", Kind::Number),
                ("70%", Kind::Percent),
            ]
        );
    }

    #[test]
    fn times_and_dates_in_every_agency_form() {
        assert_eq!(
            figures_of(
                "At 9am, 10 AM, 9.30 pm, 10:30p.m. and 7 a.m on Sept 19, Sep. 3 and 3 September."
            ),
            [
                ("9am", Kind::Time),
                ("10 AM", Kind::Time),
                ("9.30 pm", Kind::Time),
                ("10:30p.m.", Kind::Time),
                ("7 a.m", Kind::Time),
                ("Sept 19", Kind::Date),
                ("Sep. 3", Kind::Date),
                ("3 September", Kind::Date),
            ]
        );
        // A sentence's period after `am` is not the time's; 24-hour times stay times.
        assert_eq!(
            figures_of("Doors open at 9 am. Trading began at 1430 GMT and 14:30."),
            [
                ("9 am", Kind::Time),
                ("1430", Kind::Number),
                ("14:30", Kind::Time)
            ]
        );
        // No hour 13 before `pm`, no `am` after a count.
        assert_eq!(
            figures_of("The 13 pm and 150 am figures."),
            [("13", Kind::Number), ("150", Kind::Number)]
        );
    }

    #[test]
    fn figures_with_curly_quotes_dashes_cjk_and_emoji() {
        let text = "“Prices hit ¥1,200—up 5%,” 東京 traders said 🎉 on Jan. 9 (about $3 billion).";
        assert_eq!(
            figures_of(text),
            [
                ("¥1,200", Kind::Money),
                ("5%", Kind::Percent),
                ("Jan. 9", Kind::Date),
                ("$3 billion", Kind::Money),
            ]
        );
        let p = Prose::of(text);
        let at = text.find("5%").unwrap();
        assert_eq!(
            p.figure_at(Span::new(at, at + 1)).map(|f| f.kind),
            Some(Kind::Percent)
        );
        let traders = text.find("traders").unwrap();
        assert_eq!(p.figure_at(Span::new(traders, traders + 7)), None);
    }
}
