//! What the name rules read of one paragraph, relative to its start: whether it is a photo
//! caption, and the words a relative's given name or a family (`the Clintons`) may stand
//! in. Read on first use and kept by `analysis` with the paragraph's text across
//! keystrokes (as its words and prose are), so a keystroke re-reads one paragraph instead
//! of the whole story. [`super::Families`] and [`super::Captions`] are merged from these
//! parts per analysis.

use std::sync::{Arc, OnceLock};

use crate::entities::tokens::Tok;

/// One paragraph's part (see the module). Filled on first use: most analyses never ask
/// for the runs (only a name that would be flagged does).
#[derive(Debug, Default)]
pub struct ParagraphNames {
    caption: OnceLock<bool>,
    runs: OnceLock<Runs>,
    /// The paragraph's words (those it was read from) and which of them are capitalized
    /// (`names/near-miss` reads those alone).
    capitalized: OnceLock<(Arc<[Tok]>, Vec<u32>)>,
}

/// A run of letters and digits of the paragraph, relative to its start: `(start, length)`.
/// A run that reaches the paragraph's end may go on in the text after it: it is read again
/// from the whole text when merged.
pub(super) type Run = (usize, usize);

/// The runs [`super::Families`] indexes, found in the paragraph alone.
#[derive(Debug, Default)]
pub(super) struct Runs {
    /// Each run right after a space (`start >= 1`), opening with a capital or a non-ASCII
    /// letter, whose word before (when the paragraph holds it whole) may be a given name:
    /// a superset of the places `has_relative` can accept (it checks each one again).
    pub(super) spaced: Vec<Run>,
    /// Each run right after `the ` (`start >= 4`), opening with a capital or a non-ASCII
    /// letter.
    pub(super) the: Vec<Run>,
}

impl ParagraphNames {
    /// The paragraph (text `para`) holds a picture credit ([`super::is_caption`]).
    pub(super) fn caption(&self, para: &str) -> bool {
        *self.caption.get_or_init(|| super::is_caption(para))
    }

    /// Which of `words` (the paragraph's) are title case ([`Tok::title_case`]), in order:
    /// kept with the words they were read from, so words read again (another `Arc`, as
    /// kept ones are the same) are not answered from the old ones: `None` then.
    pub(super) fn capitalized(&self, words: &Arc<[Tok]>) -> Option<&[u32]> {
        let (of, which) = self.capitalized.get_or_init(|| {
            let which = (0..words.len())
                .filter(|&i| words[i].title_case())
                .filter_map(|i| u32::try_from(i).ok())
                .collect();
            (words.clone(), which)
        });
        Arc::ptr_eq(of, words).then_some(which.as_slice())
    }

    /// The paragraph's runs (text `para`).
    pub(super) fn runs(&self, para: &str) -> &Runs {
        self.runs.get_or_init(|| Runs::read(para))
    }
}

/// The first bytes the parts index runs by: an ASCII capital or the first byte of a
/// non-ASCII character. A surname opening otherwise (`al-Assad`) is searched for in the
/// whole text instead.
pub(super) fn indexed_first_byte(b: u8) -> bool {
    b.is_ascii_uppercase() || b >= 0x80
}

impl Runs {
    fn read(para: &str) -> Runs {
        let bytes = para.as_bytes();
        let mut runs = Runs::default();
        for at in 1..bytes.len() {
            if !indexed_first_byte(bytes[at]) {
                continue;
            }
            let prev = bytes[at - 1];
            if prev == b' ' {
                let run = super::leading_run(&para[at..]);
                if !run.is_empty() {
                    if at >= 4 && &bytes[at - 4..at] == b"the " {
                        runs.the.push((at, run.len()));
                    }
                    if may_follow_given_name(para, at) {
                        runs.spaced.push((at, run.len()));
                    }
                }
            }
        }
        runs
    }
}

/// The word before the space before `at` may be a relative's given name, as far as the
/// paragraph tells: false only when the paragraph holds that whole word and it is no
/// capitalized word that `has_relative` could take for a given name (whatever the
/// surname).
fn may_follow_given_name(para: &str, at: usize) -> bool {
    let head = &para[..at - 1];
    let Some(i) = head.rfind([' ', '\n', '(', '"', '\u{201c}']) else {
        // The word may start before the paragraph: the whole text decides.
        return true;
    };
    let delimiter = head[i..].chars().next().map_or(1, char::len_utf8);
    super::given_name_like(&head[i + delimiter..])
}
