//! Words of a paragraph, with what recognition needs to know about each.

use super::lexicon::{self, Classes};
use crate::span::Span;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tok {
    /// The word, without a possessive `'s`.
    pub span: Span,
    /// The word carried `'s` / `’s`, which ends any name it is part of.
    pub possessive: bool,
    /// The word opens a sentence (or a paragraph).
    pub sent_start: bool,
    /// Only spaces separate this word from the previous one.
    pub joined: bool,
    /// The word lists that hold the word ([`lexicon::classes`]).
    pub class: Classes,
    /// [`CAP`], [`TITLE_CASE`] and [`ALL_CAPS`] bits.
    pub case: u8,
}

/// `word` without its possessive `'s` / `’s` (`'S` / `’S` after a word in capitals:
/// `REAGAN'S`), if it has one and something is left.
fn strip_possessive(word: &str) -> Option<&str> {
    for suffix in ["'s", "’s", "'S", "’S"] {
        if let Some(w) = word.strip_suffix(suffix) {
            let upper = suffix.ends_with('S');
            if !w.is_empty() && (!upper || !w.chars().any(char::is_lowercase)) {
                return Some(w);
            }
        }
    }
    None
}

/// A line shorter than this many bytes ends a sentence at its line break.
const SHORT_LINE: usize = 40;

/// The first character is upper case ([`is_cap`]).
pub const CAP: u8 = 1;
/// [`is_title_case`].
pub const TITLE_CASE: u8 = 2;
/// [`is_all_caps`].
pub const ALL_CAPS: u8 = 4;

/// The case bits of a word: [`CAP`], [`TITLE_CASE`], [`ALL_CAPS`].
#[inline]
pub fn case_of(w: &str) -> u8 {
    let bytes = w.as_bytes();
    // Most words open with a lower-case letter: not capitalized, and not all capitals.
    if bytes.first().is_some_and(u8::is_ascii_lowercase) {
        return 0;
    }
    if bytes.is_ascii() {
        return ascii_case(bytes);
    }
    case_bits(
        w.chars().next().is_some_and(char::is_uppercase),
        w.chars().any(char::is_lowercase),
        w.chars().filter(|c| c.is_alphabetic()).count(),
    )
}

/// [`case_of`] of a word that is all ASCII.
#[inline]
fn ascii_case(bytes: &[u8]) -> u8 {
    let mut lower = false;
    let mut letters = 0usize;
    for &b in bytes {
        lower |= b.is_ascii_lowercase();
        letters += usize::from(b.is_ascii_alphabetic());
    }
    case_bits(
        bytes.first().is_some_and(u8::is_ascii_uppercase),
        lower,
        letters,
    )
}

#[inline]
fn case_bits(upper_first: bool, lower: bool, letters: usize) -> u8 {
    let mut case = 0;
    if upper_first {
        case |= CAP;
        if lower {
            case |= TITLE_CASE;
        }
    }
    if letters >= 2 && !lower {
        case |= ALL_CAPS;
    }
    case
}

impl Tok {
    /// A token for the word at `span` of `text`, classified.
    pub fn new(text: &str, span: Span, possessive: bool, sent_start: bool, joined: bool) -> Tok {
        let w = span.text(text);
        Tok {
            span,
            possessive,
            sent_start,
            joined,
            class: lexicon::classes(w),
            case: case_of(w),
        }
    }

    /// The same word with its span moved `by` bytes on.
    pub fn shifted(&self, by: usize) -> Tok {
        Tok {
            span: Span::new(self.span.start + by, self.span.end + by),
            ..*self
        }
    }

    /// [`is_cap`] of the word.
    pub fn cap(&self) -> bool {
        self.case & CAP != 0
    }

    /// [`is_title_case`] of the word.
    pub fn title_case(&self) -> bool {
        self.case & TITLE_CASE != 0
    }

    /// [`is_all_caps`] of the word.
    pub fn all_caps(&self) -> bool {
        self.case & ALL_CAPS != 0
    }

    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.text(text)
    }
}

/// The first character is upper case (`Li`, `BeiDou`, `SCO`).
pub fn is_cap(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Two or more letters, all upper case (`SCO`, `U.S.`, `G20`).
pub fn is_all_caps(w: &str) -> bool {
    case_of(w) & ALL_CAPS != 0
}

/// Title case: a capital followed by at least one lower-case letter.
pub fn is_title_case(w: &str) -> bool {
    case_of(w) & TITLE_CASE != 0
}

fn is_word_char(c: char) -> bool {
    // General Punctuation (curly quotes, dashes, ellipsis: the non-ASCII characters of
    // wire copy) holds no letter or digit; answered without the Unicode tables.
    !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric()
}

/// The words of each block an analysis reads, tokenized once and shared by the
/// recognizer's passes and the `names/` rules. Each block's words are held relative to the
/// block's start and shared (not copied) with the per-paragraph reuse.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TokenCache(rustc_hash::FxHashMap<Span, std::sync::Arc<[Tok]>>);

impl TokenCache {
    /// Tokenize every span once.
    pub fn build<'s>(text: &str, spans: impl IntoIterator<Item = &'s Span>) -> TokenCache {
        let mut cache = TokenCache::default();
        for &span in spans {
            let block = span.text(text);
            cache.insert_relative(span, tokenize(block, Span::new(0, block.len())).into());
        }
        cache
    }

    /// An empty cache with room for `n` blocks.
    pub fn with_capacity(n: usize) -> TokenCache {
        TokenCache(rustc_hash::FxHashMap::with_capacity_and_hasher(
            n,
            Default::default(),
        ))
    }

    /// Hold `toks`, the words of `span` tokenized relative to its start.
    pub fn insert_relative(&mut self, span: Span, toks: std::sync::Arc<[Tok]>) {
        self.0.insert(span, toks);
    }

    /// The words of `span` relative to its start, if the cache holds the span.
    pub fn get_shared(&self, span: Span) -> Option<&std::sync::Arc<[Tok]>> {
        self.0.get(&span)
    }

    /// The words of `span` relative to its start (tokenized now if the cache does not
    /// hold the span): word spans index `span.text(text)`.
    pub fn get_relative(&self, text: &str, span: Span) -> std::borrow::Cow<'_, [Tok]> {
        match self.0.get(&span) {
            Some(t) => std::borrow::Cow::Borrowed(t),
            None => {
                let block = text.get(span.start..span.end).unwrap_or_default();
                std::borrow::Cow::Owned(tokenize(block, Span::new(0, block.len())))
            }
        }
    }

    /// The words of `span` at document offsets.
    pub fn get(&self, text: &str, span: Span) -> Vec<Tok> {
        self.get_relative(text, span)
            .iter()
            .map(|t| t.shifted(span.start))
            .collect()
    }
}

/// The character at byte `i` of `s` (a character boundary), ASCII without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    match s.as_bytes().get(i) {
        None => None,
        Some(&b) if b < 0x80 => Some(b as char),
        Some(_) => s.get(i..).and_then(|r| r.chars().next()),
    }
}

/// ASCII letters and digits, as a table (one load per byte in the tokenizer's inner loop).
static ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// [`BYTE_KIND`]: an ASCII letter or digit.
const WORD: u8 = 0;
/// [`BYTE_KIND`]: a space, tab, carriage return, vertical tab or form feed.
const BLANK: u8 = 1;
/// [`BYTE_KIND`]: `.`, `!`, `?` or `:`, which end a sentence.
const STOP: u8 = 2;
/// [`BYTE_KIND`]: `\n`.
const NEWLINE: u8 = 3;
/// [`BYTE_KIND`]: any other ASCII character.
const OTHER: u8 = 4;
/// [`BYTE_KIND`]: a byte of a character that is not ASCII.
const NOT_ASCII: u8 = 5;

/// What each byte is to the tokenizer between words (one load and one branch per byte).
static BYTE_KIND: [u8; 256] = {
    let mut t = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if c.is_ascii_alphanumeric() {
            WORD
        } else {
            match c {
                b'.' | b'!' | b'?' | b':' => STOP,
                b'\n' => NEWLINE,
                b'\t' | b'\x0b' | b'\x0c' | b'\r' | b' ' => BLANK,
                _ => OTHER,
            }
        };
        b += 1;
    }
    t
};

/// `word` is initials: one character between periods (`U`, `U.S`, `F`).
fn initials(word: &str) -> bool {
    let mut count = 0;
    for c in word.chars() {
        if c == '.' {
            if count != 1 {
                return false;
            }
            count = 0;
        } else {
            count += 1;
        }
    }
    count == 1
}

/// Whether the character starting at byte `i` of `s` is a word character.
#[inline]
fn word_char_at(s: &str, i: usize) -> bool {
    match s.as_bytes().get(i) {
        None => false,
        Some(b) if b.is_ascii() => b.is_ascii_alphanumeric(),
        Some(_) => char_at(s, i).is_some_and(is_word_char),
    }
}

/// The end of the run of ASCII letters and digits that starts at byte `i`: eight bytes
/// at a time (SWAR), then byte by byte at the end of the text.
#[inline]
fn alnum_run_end(bytes: &[u8], mut i: usize) -> usize {
    const LOW7: u64 = 0x7f7f_7f7f_7f7f_7f7f;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let x = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        // Each byte's low seven bits (no carry leaves a byte below), range-tested by
        // adding so that the byte's top bit says `>= lo` or `> hi`.
        let x7 = x & LOW7;
        let digit = (x7 + ONES * (0x80 - 0x30)) & !(x7 + ONES * (0x7f - 0x39));
        let folded = x7 | (ONES * 0x20);
        let letter = (folded + ONES * (0x80 - 0x61)) & !(folded + ONES * (0x7f - 0x7a));
        let not_alnum = !((digit | letter) & !x) & HIGH;
        if not_alnum != 0 {
            return i + (not_alnum.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while i < bytes.len() && ASCII_ALNUM[usize::from(bytes[i])] {
        i += 1;
    }
    i
}

/// The bytes after which a run of ASCII letters and digits may go on as one word: `'`,
/// `-`, `&`, `.` and every byte of a character beyond ASCII.
static MAY_CONTINUE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        t[b] = b >= 0x80 || matches!(b as u8, b'\'' | b'-' | b'&' | b'.');
        b += 1;
    }
    t
};

/// The end of the word that starts at byte `start` of `s`, read on from byte `j` (a
/// character boundary; the characters from `start` to `j` are the word's).
fn word_end(s: &str, start: usize, mut j: usize) -> usize {
    let bytes = s.as_bytes();
    let n = bytes.len();
    loop {
        j += bytes[j..]
            .iter()
            .position(|&b| !ASCII_ALNUM[usize::from(b)])
            .unwrap_or(n - j);
        let Some(c) = char_at(s, j) else { break };
        let after = j + c.len_utf8();
        if !c.is_ascii() && is_word_char(c) {
            j = after;
            continue;
        }
        if matches!(c, '\'' | '’' | '-' | '&') && word_char_at(s, after) {
            j = after;
            continue;
        }
        if c == '.' {
            let word = &s[start..j];
            let initials = initials(word);
            if initials && word_char_at(s, after) {
                j = after; // U.S
                continue;
            }
            if word.contains('.')
                || initials && word.chars().next().is_some_and(char::is_uppercase)
                || lexicon::is_abbreviation(word)
            {
                j = after; // the period belongs to the word: `St.`, `U.S.`, `F.`
            }
        }
        break;
    }
    j
}

/// Split `span` of `text` into words. Never panics: every index is a character boundary
/// reached by stepping whole characters.
///
/// A byte loop: ASCII (nearly all of wire copy) is classified without decoding; other
/// characters are decoded where they start. `reference_tokenize` in the tests is the plain
/// character-by-character version it must agree with.
pub fn tokenize(text: &str, span: Span) -> Vec<Tok> {
    let Some(s) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    let bytes = s.as_bytes();
    let n = bytes.len();
    let mut out = Vec::with_capacity(n / 5 + 1);
    let lexicon = lexicon::table();
    let mut i = 0;
    let mut prev_newline = false;
    let mut sentence_end = true;
    let mut joined = false;
    let mut line_start = 0;
    // `i` is at a word's first byte (after a single space): no byte to classify.
    let mut at_word = false;
    while i < n {
        if !at_word {
            let b = bytes[i];
            match BYTE_KIND[usize::from(b)] {
                WORD => {}
                BLANK => {
                    // A run of spaces: nothing but `prev_newline` changes.
                    i += 1;
                    while i < n && BYTE_KIND[usize::from(bytes[i])] == BLANK {
                        i += 1;
                    }
                    prev_newline = false;
                    continue;
                }
                STOP => {
                    sentence_end = true;
                    joined = false;
                    prev_newline = false;
                    i += 1;
                    continue;
                }
                NEWLINE => {
                    // A short line (a caption, a list item, a dateline) ends what it
                    // holds; a long one is wrapped text, and a name may go on below.
                    if i - line_start < SHORT_LINE {
                        sentence_end = true;
                        joined = false;
                    }
                    joined &= !prev_newline;
                    line_start = i + 1;
                    prev_newline = true;
                    i += 1;
                    continue;
                }
                OTHER => {
                    joined = false;
                    prev_newline = false;
                    i += 1;
                    continue;
                }
                _ => {
                    let Some(c) = char_at(s, i) else { break };
                    if !is_word_char(c) {
                        joined &= c.is_whitespace();
                        prev_newline = false;
                        i += c.len_utf8();
                        continue;
                    }
                }
            }
        }
        let start = i;
        // A run of ASCII letters and digits (most words are nothing else), then, only
        // where the byte after it may carry the word on (`'`, `-`, `&`, `.`, a character
        // beyond ASCII), the general steps.
        let mut j = alnum_run_end(bytes, i);
        let (class, case, end, possessive) = if j < n && MAY_CONTINUE[usize::from(bytes[j])] {
            j = word_end(s, start, j);
            let mut word = &s[start..j];
            let mut possessive = false;
            // Both suffixes end in `s` (and hold an apostrophe, which only the general
            // steps take into a word).
            if word.ends_with(['s', 'S']) {
                if let Some(w) = strip_possessive(word) {
                    word = w;
                    possessive = true;
                }
            }
            let class = lexicon.classes(word);
            (class, case_of(word), start + word.len(), possessive)
        } else {
            // ASCII letters and digits only: read as bytes.
            let word = &bytes[start..j];
            let case = if word.first().is_some_and(u8::is_ascii_lowercase) {
                0
            } else {
                ascii_case(word)
            };
            (lexicon.classes_of_bytes(word), case, j, false)
        };
        out.push(Tok {
            span: Span::new(span.start + start, span.start + end),
            possessive,
            sent_start: sentence_end,
            joined: joined && !sentence_end,
            class,
            case,
        });
        sentence_end = false;
        joined = true;
        prev_newline = false;
        i = j;
        // One space and the next word (the commonest gap): the space changes nothing.
        at_word = i + 1 < n && bytes[i] == b' ' && ASCII_ALNUM[usize::from(bytes[i + 1])];
        i += usize::from(at_word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The first, simple tokenizer: the reference the fast one must agree with.
    fn reference_tokenize(text: &str, span: Span) -> Vec<Tok> {
        let mut out = Vec::new();
        let Some(s) = text.get(span.start..span.end) else {
            return out;
        };
        let chars: Vec<(usize, char)> = s.char_indices().collect();
        let mut i = 0;
        let mut sentence_end = true;
        let mut joined = false;
        let mut line_start = 0;
        while i < chars.len() {
            let (at, c) = chars[i];
            if !is_word_char(c) {
                if matches!(c, '.' | '!' | '?' | ':') {
                    sentence_end = true;
                }
                if c == '\n' {
                    if at - line_start < SHORT_LINE {
                        sentence_end = true;
                    }
                    line_start = at + 1;
                }
                if !c.is_whitespace() || c == '\n' && i > 0 && chars[i - 1].1 == '\n' {
                    joined = false;
                }
                i += 1;
                continue;
            }
            let start = i;
            let mut j = i;
            while j < chars.len() {
                let c = chars[j].1;
                if is_word_char(c) {
                    j += 1;
                    continue;
                }
                let next_is_word = chars.get(j + 1).is_some_and(|&(_, n)| is_word_char(n));
                if matches!(c, '\'' | '’' | '-' | '&') && next_is_word {
                    j += 1;
                    continue;
                }
                if c == '.' {
                    let word = &s[chars[start].0..chars[j].0];
                    let initials = word.split('.').all(|p| p.chars().count() == 1);
                    if next_is_word && initials {
                        j += 1; // U.S
                        continue;
                    }
                    if initials && word.chars().next().is_some_and(char::is_uppercase)
                        || lexicon::is_abbreviation(word)
                        || word.contains('.')
                    {
                        j += 1; // the period belongs to the word: `St.`, `U.S.`, `F.`
                    }
                }
                break;
            }
            let a = chars[start].0;
            let b = chars.get(j).map_or(s.len(), |&(o, _)| o);
            let mut word = &s[a..b];
            let mut possessive = false;
            if let Some(w) = strip_possessive(word) {
                word = w;
                possessive = true;
            }
            out.push(Tok::new(
                text,
                Span::new(span.start + a, span.start + a + word.len()),
                possessive,
                sentence_end,
                joined && !sentence_end,
            ));
            sentence_end = false;
            joined = true;
            i = j;
        }
        out
    }

    proptest! {
        #[test]
        fn fast_tokenizer_agrees_with_the_reference(
            s in "([A-Za-z0-9 .,’'&:!?\\-\n]|St\\.|U\\.S\\.|’s|'s|森山|🌊|é){0,80}"
        ) {
            let span = Span::new(0, s.len());
            prop_assert_eq!(tokenize(&s, span), reference_tokenize(&s, span));
        }

        /// The ASCII fast path against the reference on wire copy's other characters:
        /// curly quotes, dashes, CJK, emoji, accented letters, tabs and line breaks, and
        /// words longer than the lexicon's short keys.
        #[test]
        fn fast_path_agrees_on_every_kind_of_character(
            s in "([a-zA-Z0-9]{1,20}|[ \\t\\n.,;:!?'&()\\-\\$%]|“|”|‘|’|—|–|…|\u{a0}|森山|東京|🌊|🎉|é|Ünsal|’s|'s|Mr\\.|Jan\\.|U\\.S\\.|a\\.m\\.|St\\.){0,60}"
        ) {
            let span = Span::new(0, s.len());
            prop_assert_eq!(tokenize(&s, span), reference_tokenize(&s, span));
            // A span inside the text: offsets stay the text's.
            let mut a = s.len() / 3;
            while !s.is_char_boundary(a) {
                a -= 1;
            }
            let inner = Span::new(a, s.len());
            prop_assert_eq!(tokenize(&s, inner), reference_tokenize(&s, inner));
        }
    }

    #[test]
    fn alnum_runs_end_at_the_first_other_byte() {
        // Every byte value at every place of a chunk, after a run of letters and digits.
        let run = b"aZ09mzAQ";
        for b in 0..=255u8 {
            for at in 0..12 {
                let mut v: Vec<u8> = run.iter().cycle().take(12).copied().collect();
                v[at] = b;
                v.extend_from_slice(b"xyz");
                let want = v
                    .iter()
                    .position(|&c| !c.is_ascii_alphanumeric())
                    .unwrap_or(v.len());
                assert_eq!(alnum_run_end(&v, 0), want, "{b:#x} at {at}");
                let from = at.min(3);
                let want_from = from
                    + v[from..]
                        .iter()
                        .position(|&c| !c.is_ascii_alphanumeric())
                        .unwrap_or(v.len() - from);
                assert_eq!(
                    alnum_run_end(&v, from),
                    want_from,
                    "{b:#x} at {at} from {from}"
                );
            }
        }
    }

    fn words(s: &str) -> Vec<(&str, bool, bool)> {
        tokenize(s, Span::new(0, s.len()))
            .iter()
            .map(|t| (t.text(s), t.sent_start, t.possessive))
            .collect()
    }

    #[test]
    fn general_punctuation_holds_no_word_character() {
        for c in '\u{2000}'..='\u{206f}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
            assert!(!is_word_char(c));
        }
        assert!(is_word_char('é') && is_word_char('森') && !is_word_char('🌊'));
    }

    #[test]
    fn a_possessive_in_capitals() {
        let w = words("REAGAN'S HOPES, KIM’S PLAN, CHRIS'S and Andreas'S");
        let got: Vec<(&str, bool)> = w.iter().map(|x| (x.0, x.2)).collect();
        assert_eq!(
            got,
            [
                ("REAGAN", true),
                ("HOPES", false),
                ("KIM", true),
                ("PLAN", false),
                ("CHRIS", true),
                ("and", false),
                // `'S` after a word with lower-case letters is not a possessive.
                ("Andreas'S", false),
            ]
        );
    }

    #[test]
    fn words_abbreviations_and_possessives() {
        let w = words("“Li’s plan,” said St. Petersburg’s U.S. envoy. Then 森山 left 🌊 O’Neill.");
        let texts: Vec<&str> = w.iter().map(|x| x.0).collect();
        assert_eq!(
            texts,
            [
                "Li",
                "plan",
                "said",
                "St.",
                "Petersburg",
                "U.S.",
                "envoy",
                "Then",
                "森山",
                "left",
                "O’Neill"
            ]
        );
        assert!(w[0].1 && w[0].2);
        assert!(!w[4].1 && w[4].2);
        assert!(w[7].1, "Then opens a sentence");
    }
}
