//! A paragraph's words as a set that answers "certainly not here" cheaply: a Bloom filter
//! of one key per word ([`key`]: how the word opens), built once per paragraph on first use
//! ([`super::ParagraphContext::may_hold_any`]) and shared by every rule.
//!
//! A rule that reports only at words of a known list (`today`, `President`, `twelve`)
//! asks whether any of its words may be in the paragraph before its own loop over the
//! words: a paragraph that holds none of them costs it a few instructions. The set never
//! answers "no" for a word the paragraph holds, so the rule's findings are the same.

use crate::entities::tokens::Tok;

/// The key of a word: its first four bytes (all of a shorter word), with bit 5 of each
/// byte set (ASCII letters in lower case), mixed. `Jan`, `JAN` and `Janet` share a key
/// (`Jan.` has another), as do `twenty-five` and `Twenty`, and `President` and `Press`:
/// a rule asks with the key of each way the words it looks for can open a word (`jan`,
/// `jan.`, `ten`, `ten-`), and any word that opens that way makes the answer "maybe".
pub(crate) const fn key(word: &str) -> u64 {
    let b = word.as_bytes();
    let mut x = 0u32;
    let mut i = 0;
    while i < b.len() && i < 4 {
        x |= ((b[i] | 0x20) as u32) << (8 * i);
        i += 1;
    }
    mix(x)
}

#[inline]
const fn mix(x: u32) -> u64 {
    (x as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)
}

/// The bytes of a word of `len` bytes that [`key`] reads, as a mask of a `u32`.
const LEN_MASK: [u32; 5] = [0, 0xff, 0xffff, 0x00ff_ffff, 0xffff_ffff];

/// [`key`] of the word at `start..end` of `text`, four bytes at a time.
#[inline]
fn key_at(text: &[u8], start: usize, end: usize) -> u64 {
    let len = end.saturating_sub(start).min(4);
    let x = match text.get(start..start + 4) {
        Some(b) => u32::from_le_bytes([b[0], b[1], b[2], b[3]]),
        None => {
            let mut buf = [0u8; 4];
            let rest = text.get(start..).unwrap_or_default();
            let n = rest.len().min(4);
            buf[..n].copy_from_slice(&rest[..n]);
            u32::from_le_bytes(buf)
        }
    };
    let m = LEN_MASK[len];
    mix((x | 0x2020_2020) & m)
}

/// The set: 1024 bits in 16 words; a key sets two bits of one word. Words of one or two
/// bytes are left out.
#[derive(Clone, Debug)]
pub(crate) struct WordsSeen {
    bits: [u64; 16],
}

/// The word of the set and the two bits in it that `key` sets.
#[inline]
fn bits_of(key: u64) -> (usize, u64) {
    (
        (key >> 60) as usize,
        (1 << ((key >> 54) & 63)) | (1 << ((key >> 48) & 63)),
    )
}

impl WordsSeen {
    /// The set of the words `words` of `text`.
    pub(crate) fn of(text: &str, words: &[Tok]) -> WordsSeen {
        let mut bits = [0u64; 16];
        let bytes = text.as_bytes();
        for t in words {
            // No list a rule asks about holds a word of one or two bytes ([`keys`]).
            if t.span.len() < 3 {
                continue;
            }
            let (at, mask) = bits_of(key_at(bytes, t.span.start, t.span.end));
            bits[at] |= mask;
        }
        WordsSeen { bits }
    }

    /// May a word with key `key` be in the set? `false` is certain.
    #[inline]
    pub(crate) fn may_hold(&self, key: u64) -> bool {
        let (at, mask) = bits_of(key);
        self.bits[at] & mask == mask
    }

    /// May a word with one of the keys `keys` be in the set?
    pub(crate) fn may_hold_any(&self, keys: &[u64]) -> bool {
        keys.iter().any(|&k| self.may_hold(k))
    }
}

/// The keys of `words`, for a `const` list. Each word has three bytes or more: the set
/// leaves out the words of one or two (`a`, `of`, `to`, a quarter of the copy).
pub(crate) const fn keys<const N: usize>(words: [&str; N]) -> [u64; N] {
    let mut out = [0u64; N];
    let mut i = 0;
    while i < N {
        assert!(
            words[i].len() >= 3,
            "the set holds no word of one or two bytes"
        );
        out[i] = key(words[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    thread_local! {
        static UNFILTERED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }

    /// Whether [`crate::rules::ParagraphContext::may_hold_any`] answers "maybe" to every
    /// question on this thread (the rules then run as they would without the set).
    pub(crate) fn unfiltered() -> bool {
        UNFILTERED.with(|u| u.get())
    }

    /// Run `f` with the set answering "maybe" to everything on this thread.
    pub(crate) fn without_the_set<T>(f: impl FnOnce() -> T) -> T {
        UNFILTERED.with(|u| u.set(true));
        let out = f();
        UNFILTERED.with(|u| u.set(false));
        out
    }
    use crate::entities::tokens::tokenize;
    use crate::span::Span;

    /// The four-bytes-at-a-time key of every word is the byte-by-byte [`key`], at the
    /// end of the text too, and every word of a paragraph is in its set.
    #[test]
    fn key_at_equals_key_and_every_word_is_held() {
        let mut texts: Vec<String> = vec![
            "Mid-Jan. and mid-Jan. the U.S. twenty-five TWELVE Sept. 3, 東京 “It’s” 🎉 end é"
                .into(),
            "Vice-President Aroha Tane—smiling—said: ‘Today’ … tonight, a.m., p.m. x".into(),
            "a-b .a a. -- .. A.B.C.D.E.F.G.H.I abcdefgh abcdefghi ABCDEFGH- abcdefg. é-è x".into(),
        ];
        let sample = concat!(env!("CARGO_MANIFEST_DIR"), "/samples/ap-city-council.txt");
        texts.push(std::fs::read_to_string(sample).expect("the sample"));
        for text in &texts {
            let words = tokenize(text, Span::new(0, text.len()));
            assert!(!words.is_empty());
            let seen = WordsSeen::of(text, &words);
            for t in words.iter() {
                let w = t.span.text(text);
                assert_eq!(
                    key_at(text.as_bytes(), t.span.start, t.span.end),
                    key(w),
                    "{w:?}"
                );
                if w.len() >= 3 {
                    assert!(seen.may_hold(key(w)), "{w:?}");
                    assert!(seen.may_hold(key(&w.to_ascii_uppercase())), "{w:?}");
                }
            }
            // Every word at the very end of the text, where fewer than 4 bytes are left.
            for start in text.len().saturating_sub(5)..text.len() {
                if text.is_char_boundary(start) {
                    assert_eq!(
                        key_at(text.as_bytes(), start, text.len()),
                        key(&text[start..])
                    );
                }
            }
        }
        assert_eq!(key("JAN"), key("jan"));
        assert_ne!(key("Jan."), key("jan"));
        assert_eq!(key("twenty-five"), key("Twenty"));
        assert_eq!(key("mid-Dec."), key("mid-"));
        assert_ne!(key("today"), key("tonight"));
    }

    /// The set answers "no" for most words it does not hold.
    #[test]
    fn absent_words_are_mostly_ruled_out() {
        let text = "The council voted on Wednesday to create the city’s first live music \
                    district, a plan that supporters say will shield the clubs from rents.";
        let seen = WordsSeen::of(text, &tokenize(text, Span::new(0, text.len())));
        let absent = [
            "today",
            "yesterday",
            "tomorrow",
            "tonight",
            "twelve",
            "President",
            "Jan",
            "Sept",
            "Mayor",
            "forty",
        ];
        let maybe = absent.iter().filter(|w| seen.may_hold(key(w))).count();
        assert!(maybe <= 1, "{maybe}");
        assert!(seen.may_hold(key("Wednesday")) && seen.may_hold(key("rents")));
    }
}
