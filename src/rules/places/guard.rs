//! What the `places/`, `titles/` and `attribution/` rules never touch in a paragraph: the
//! dateline of the lede (the `dateline/` rules check it), quotations, URLs, e-mail
//! addresses, code spans, tickers (`<TXN.N>`) and tables of results.

use crate::article::ParagraphKind;
use crate::rules::ParagraphContext;
use crate::span::Span;

/// Where a paragraph's own prose starts and whether it is a table, read once per rule call.
pub(crate) struct Guard {
    /// The end of the lede's dateline (0 elsewhere).
    pub body_start: usize,
    /// The paragraph is a table of results: mostly figures.
    pub table: bool,
}

impl Guard {
    pub(crate) fn new(cx: &ParagraphContext<'_>) -> Guard {
        let body_start = match cx.kind {
            ParagraphKind::Lede => {
                match crate::article::dateline::read(cx.text, Span::new(0, cx.text.len())) {
                    crate::article::DatelineRead::Found(d) => d.span.end,
                    crate::article::DatelineRead::Unparseable { span, .. } => span.end,
                    crate::article::DatelineRead::None => 0,
                }
            }
            ParagraphKind::Body => 0,
        };
        Guard {
            body_start,
            table: is_table(cx),
        }
    }

    /// Whether a finding at `span` (relative to the paragraph) must not be raised: in the
    /// dateline, a quotation, a URL, an address, a code span or a ticker.
    pub(crate) fn skip(&self, cx: &ParagraphContext<'_>, span: Span) -> bool {
        span.start < self.body_start || cx.in_quotation(span) || protected(cx.text, span)
    }
}

/// A paragraph of results or prices: at least six words, and as many figures as two in
/// five of them.
fn is_table(cx: &ParagraphContext<'_>) -> bool {
    let words = cx.words.len();
    if words < 6 {
        return false;
    }
    let figures = cx
        .words
        .iter()
        .filter(|t| {
            t.text(cx.text)
                .as_bytes()
                .first()
                .is_some_and(u8::is_ascii_digit)
        })
        .count();
    figures * 5 >= words * 2
}

/// Whether `span` of `text` lies in a URL, an e-mail address, a ticker (`<TXN.N>`) or a
/// code span (between backticks on its line).
pub(crate) fn protected(text: &str, span: Span) -> bool {
    let (Some(before), Some(after)) = (text.get(..span.start), text.get(span.end..)) else {
        return true;
    };
    let start = before.rfind(char::is_whitespace).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    let end = span.end + after.find(char::is_whitespace).unwrap_or(after.len());
    let piece = &text[start..end];
    if piece.contains("://")
        || piece.contains("www.")
        || (piece.contains('@') && piece.contains('.'))
        || (piece.contains('<') && piece.contains('>'))
    {
        return true;
    }
    // A ticker's brackets hold no spaces; a code span is between backticks on its line.
    let line = before.rfind('\n').map_or(0, |i| i + 1);
    before[line..].matches('`').count() % 2 == 1
}

/// Whether the word before byte `at` of `text` (skipping spaces) ends with `.`, `!`, `?`
/// or nothing precedes it: `at` opens a sentence.
pub(crate) fn opens_sentence(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or_default().trim_end();
    let before = before.trim_end_matches(['"', '“', '‘', '\'', '(', '[', '”', '’', ')']);
    if before.is_empty() || before.ends_with(['!', '?', ':', '—']) {
        return true;
    }
    let Some(word) = before.strip_suffix('.') else {
        return false;
    };
    // `Sen. Ann`, `J. Ode`, `U.S. officials`: the period is the abbreviation's.
    let last = word
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '“' | '"'))
        .next()
        .unwrap_or("");
    !(crate::entities::lexicon::is_abbreviation(last)
        || last.contains('.')
        || last.chars().count() == 1
        || crate::rules::titles::ABBREVIATED
            .iter()
            .any(|(_, a)| a.strip_suffix('.') == Some(last)))
}

/// The word of letters (with `.`, `-`, `'`) ending right before byte `at`, skipping
/// spaces: its span.
pub(crate) fn word_before(text: &str, at: usize) -> Option<Span> {
    let before = text.get(..at)?;
    let trimmed = before.trim_end_matches([' ', '\u{a0}']);
    if trimmed.len() == before.len() && !before.is_empty() && at != 0 {
        // No space: not a separate word.
        return None;
    }
    let end = trimmed.len();
    let start = trimmed
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphanumeric() || matches!(c, '.' | '-' | '\'' | '’'))
        .last()
        .map(|(i, _)| i)?;
    (start < end).then(|| Span::new(start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_addresses_tickers_and_code_are_protected() {
        let t = "See https://x.com/US, mail a@b.us, Texas Instruments <TXN.N> and `US` 東京 US";
        for w in ["US,", "b.us", "TXN", "`US`"] {
            let at = t.find(w).unwrap() + usize::from(w.starts_with('`'));
            assert!(protected(t, Span::new(at, at + 2)), "{w}");
        }
        let last = t.rfind("US").unwrap();
        assert!(!protected(t, Span::new(last, last + 2)));
    }

    #[test]
    fn words_and_sentence_openings() {
        let t = "“Yes.” Sen. Ann Ode met 🎉 the president";
        assert!(opens_sentence(t, t.find("Sen.").unwrap()));
        assert!(!opens_sentence(t, t.find("Ann").unwrap()));
        let w = word_before(t, t.find("Ann").unwrap()).unwrap();
        assert_eq!(w.text(t), "Sen.");
        let w = word_before(t, t.find("president").unwrap()).unwrap();
        assert_eq!(w.text(t), "the");
        assert_eq!(word_before(t, 0), None);
    }
}
