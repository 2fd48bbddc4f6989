//! Splitting text into lines and blank-line separated blocks, with byte spans.

use crate::span::Span;

/// One line: `content` excludes the terminator, `full` includes it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Line {
    pub content: Span,
    pub full: Span,
}

/// Lines break at `\n`, `\r\n` and `\r` only (as LSP clients count them).
pub fn lines(text: &str) -> Vec<Line> {
    // Most copy has no `\r`: then `str::find` on one ASCII byte (memchr) finds each break
    // many bytes at a time instead of one byte per step (this function was most of the
    // cost of analysing a large document; see BENCHMARKS.md).
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        any_lines(text)
    } else {
        lf_lines(text)
    }
}

/// [`lines`] for any text, one byte at a time.
fn any_lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() / 40 + 1);
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\n' => {
                out.push(Line {
                    content: Span::new(start, i),
                    full: Span::new(start, i + 1),
                });
                i += 1;
                start = i;
            }
            b'\r' => {
                let end = if bytes.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                out.push(Line {
                    content: Span::new(start, i),
                    full: Span::new(start, end),
                });
                i = end;
                start = i;
            }
            _ => i += 1,
        }
    }
    if start < bytes.len() {
        out.push(Line {
            content: Span::new(start, bytes.len()),
            full: Span::new(start, bytes.len()),
        });
    }
    out
}

/// [`lines`] for text without `\r`.
fn lf_lines(text: &str) -> Vec<Line> {
    let mut out = Vec::with_capacity(text.len() / 40 + 1);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', text.as_bytes()) {
        out.push(Line {
            content: Span::new(start, end),
            full: Span::new(start, end + 1),
        });
        start = end + 1;
    }
    if start < text.len() {
        out.push(Line {
            content: Span::new(start, text.len()),
            full: Span::new(start, text.len()),
        });
    }
    out
}

pub fn is_blank(text: &str, line: &Line) -> bool {
    let s = line.content.text(text);
    // Most lines start with a character that is not white space: no need to trim them.
    // (The ASCII characters `char::is_whitespace` accepts are \t \n \x0B \x0C \r and space.)
    match s.as_bytes().first() {
        None => true,
        Some(&b) if b.is_ascii() && !matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') => {
            false
        }
        Some(_) => s.trim().is_empty(),
    }
}

/// A run of non-blank lines: indices into the line list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Block {
    pub first: usize,
    /// Exclusive.
    pub last: usize,
}

pub fn blocks(text: &str, lines: &[Line]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if is_blank(text, &lines[i]) {
            i += 1;
            continue;
        }
        let first = i;
        while i < lines.len() && !is_blank(text, &lines[i]) {
            i += 1;
        }
        out.push(Block { first, last: i });
    }
    out
}

/// [`lines`] and [`blocks`] at once, into `lines` and `blocks` (cleared first: buffers kept
/// from one parse to the next). Text without `\r` is read in one pass.
pub fn lines_and_blocks(text: &str, lines: &mut Vec<Line>, blocks: &mut Vec<Block>) {
    lines.clear();
    blocks.clear();
    if memchr::memchr(b'\r', text.as_bytes()).is_some() {
        lines.extend(any_lines(text));
        blocks.extend(self::blocks(text, lines));
        return;
    }
    lines.reserve(text.len() / 40 + 1);
    blocks.reserve(text.len() / 160 + 1);
    let bytes = text.as_bytes();
    // `is_blank` of the line `start..end`.
    let blank = |start: usize, end: usize| match bytes[start..end].first() {
        None => true,
        Some(&b) if b.is_ascii() && !matches!(b, b'\t' | b'\n' | 0x0B | 0x0C | b'\r' | b' ') => {
            false
        }
        Some(_) => text[start..end].trim().is_empty(),
    };
    // The first line of the block being read.
    let mut open: Option<usize> = None;
    let mut step = |i: usize, is_blank: bool, blocks: &mut Vec<Block>| {
        if is_blank {
            if let Some(first) = open.take() {
                blocks.push(Block { first, last: i });
            }
        } else if open.is_none() {
            open = Some(i);
        }
    };
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', bytes) {
        step(lines.len(), blank(start, end), blocks);
        lines.push(Line {
            content: Span::new(start, end),
            full: Span::new(start, end + 1),
        });
        start = end + 1;
    }
    if start < text.len() {
        step(lines.len(), blank(start, text.len()), blocks);
        lines.push(Line {
            content: Span::new(start, text.len()),
            full: Span::new(start, text.len()),
        });
    }
    step(lines.len(), true, blocks);
}

/// The span of a line's content with surrounding whitespace removed.
pub fn trimmed(text: &str, span: Span) -> Span {
    let s = span.text(text);
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead == s.len() {
        return Span::empty(span.start);
    }
    Span::new(span.start + lead, span.end - trail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_terminators() {
        let t = "a\r\nb\rc\nd";
        let ls = lines(t);
        let contents: Vec<&str> = ls.iter().map(|l| l.content.text(t)).collect();
        assert_eq!(contents, ["a", "b", "c", "d"]);
        assert_eq!(ls[0].full, Span::new(0, 3));
    }

    #[test]
    fn lf_only_and_mixed_terminators_agree_with_the_byte_loop() {
        // The fast path (no `\r`) must give exactly what the general loop gives.
        for t in [
            "",
            "\n",
            "a",
            "a\n",
            "a\n\n",
            "\n\na",
            "“北京” — 😀\nb\n\nc",
            "x\u{2028}y\n\u{85}z",
        ] {
            let fast = lf_lines(t);
            let with_cr = t.replace('\n', "\r\n");
            let slow = lines(&with_cr);
            assert_eq!(fast.len(), slow.len(), "{t:?}");
            for (f, s) in fast.iter().zip(&slow) {
                assert_eq!(f.content.text(t), s.content.text(&with_cr), "{t:?}");
            }
            assert_eq!(lines(t), fast, "{t:?}");
            assert_eq!(any_lines(t), fast, "{t:?}");
        }
    }

    proptest::proptest! {
        /// The first-byte shortcut says what trimming says.
        #[test]
        fn is_blank_is_trim_empty(t in "[a \t\x0B\x0C\u{A0}\u{2028}\u{85}“😀]{0,6}") {
            let line = Line { content: Span::new(0, t.len()), full: Span::new(0, t.len()) };
            proptest::prop_assert_eq!(is_blank(&t, &line), t.trim().is_empty());
        }

        /// One pass gives what the two give, into buffers that held something else.
        #[test]
        fn lines_and_blocks_equal_lines_then_blocks(t in "[a\n\r“😀 \t\u{2028}\u{85}\u{A0}]{0,40}") {
            let mut ls = vec![Line { content: Span::new(1, 2), full: Span::new(0, 9) }];
            let mut bs = vec![Block { first: 7, last: 9 }];
            lines_and_blocks(&t, &mut ls, &mut bs);
            let expected = lines(&t);
            proptest::prop_assert_eq!(&bs, &blocks(&t, &expected));
            proptest::prop_assert_eq!(ls, expected);
        }

        #[test]
        fn fast_path_equals_byte_loop(t in "[a\n“😀 \u{2028}\u{85}]{0,40}") {
            proptest::prop_assert_eq!(lf_lines(&t), any_lines(&t));
        }
    }

    #[test]
    fn unicode_separators_do_not_break_lines() {
        let t = "a\u{2028}b\u{85}c";
        assert_eq!(lines(t).len(), 1);
    }

    #[test]
    fn blocks_split_on_blank_lines() {
        let t = "h\n\n p1\np1b\n  \np2\n";
        let ls = lines(t);
        let bs = blocks(t, &ls);
        assert_eq!(bs.len(), 3);
        assert_eq!(bs[1], Block { first: 2, last: 4 });
    }
}
