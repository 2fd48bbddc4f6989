//! Words of a paragraph, with what recognition needs to know about each.

use super::lexicon::ABBREVIATIONS;
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
}

impl Tok {
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
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 2 && !w.chars().any(char::is_lowercase)
}

/// Title case: a capital followed by at least one lower-case letter.
pub fn is_title_case(w: &str) -> bool {
    is_cap(w) && w.chars().any(char::is_lowercase)
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The words of each block an analysis reads, tokenized once and shared by the
/// recognizer's passes and the `names/` rules.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TokenCache(std::collections::HashMap<Span, Vec<Tok>>);

impl TokenCache {
    /// Tokenize every span once.
    pub fn build<'s>(text: &str, spans: impl IntoIterator<Item = &'s Span>) -> TokenCache {
        TokenCache(
            spans
                .into_iter()
                .map(|&span| (span, tokenize(text, span)))
                .collect(),
        )
    }

    /// The words of `span`: cached, or tokenized now for a span the cache does not hold.
    pub fn get(&self, text: &str, span: Span) -> std::borrow::Cow<'_, [Tok]> {
        match self.0.get(&span) {
            Some(t) => std::borrow::Cow::Borrowed(t),
            None => std::borrow::Cow::Owned(tokenize(text, span)),
        }
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

/// Split `span` of `text` into words. Never panics: every index is a character boundary
/// reached by stepping whole characters.
pub fn tokenize(text: &str, span: Span) -> Vec<Tok> {
    let Some(s) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(s.len() / 6 + 1);
    let mut i = 0;
    let mut prev: Option<char> = None;
    let mut sentence_end = true;
    let mut joined = false;
    while let Some(c) = char_at(s, i) {
        if !is_word_char(c) {
            if matches!(c, '.' | '!' | '?' | ':') {
                sentence_end = true;
            }
            if !c.is_whitespace() || c == '\n' && prev == Some('\n') {
                joined = false;
            }
            prev = Some(c);
            i += c.len_utf8();
            continue;
        }
        let start = i;
        let mut j = i;
        let mut last = c;
        let bytes = s.as_bytes();
        loop {
            // Fast path: a run of ASCII letters and digits.
            let run = bytes[j..]
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count();
            if run > 0 {
                j += run;
                last = bytes[j - 1] as char;
            }
            let Some(c) = char_at(s, j) else { break };
            if is_word_char(c) {
                last = c;
                j += c.len_utf8();
                continue;
            }
            let next_is_word = char_at(s, j + c.len_utf8()).is_some_and(is_word_char);
            if matches!(c, '\'' | '’' | '-' | '&') && next_is_word {
                last = c;
                j += c.len_utf8();
                continue;
            }
            if c == '.' {
                let word = &s[start..j];
                let initials = word.split('.').all(|p| p.chars().count() == 1);
                if next_is_word && initials {
                    last = c;
                    j += 1; // U.S
                    continue;
                }
                if initials && word.chars().next().is_some_and(char::is_uppercase)
                    || ABBREVIATIONS.contains(&word)
                    || word.contains('.')
                {
                    last = c;
                    j += 1; // the period belongs to the word: `St.`, `U.S.`, `F.`
                }
            }
            break;
        }
        let mut word = &s[start..j];
        let mut possessive = false;
        for suffix in ["'s", "’s"] {
            if let Some(w) = word.strip_suffix(suffix) {
                if !w.is_empty() {
                    word = w;
                    possessive = true;
                }
            }
        }
        out.push(Tok {
            span: Span::new(span.start + start, span.start + start + word.len()),
            possessive,
            sent_start: sentence_end,
            joined: joined && !sentence_end,
        });
        sentence_end = false;
        joined = true;
        prev = Some(last);
        i = j;
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
        while i < chars.len() {
            let (_, c) = chars[i];
            if !is_word_char(c) {
                if matches!(c, '.' | '!' | '?' | ':') {
                    sentence_end = true;
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
                        || ABBREVIATIONS.contains(&word)
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
            for suffix in ["'s", "’s"] {
                if let Some(w) = word.strip_suffix(suffix) {
                    if !w.is_empty() {
                        word = w;
                        possessive = true;
                    }
                }
            }
            out.push(Tok {
                span: Span::new(span.start + a, span.start + a + word.len()),
                possessive,
                sent_start: sentence_end,
                joined: joined && !sentence_end,
            });
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
    }

    fn words(s: &str) -> Vec<(&str, bool, bool)> {
        tokenize(s, Span::new(0, s.len()))
            .iter()
            .map(|t| (t.text(s), t.sent_start, t.possessive))
            .collect()
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
