//! Open documents: a `ropey::Rope` plus its version, with position conversion.
//!
//! Positions here are plain `(line, column)` pairs in a chosen [`Encoding`]; they are
//! deliberately not `lsp_types` so that the engine and its tests never depend on the
//! protocol. Lines break at `\n`, `\r\n` and `\r` only — ropey is built without its
//! `unicode_lines` feature, so U+2028, U+2029 and U+0085 are ordinary characters, exactly
//! as LSP clients count them.
//!
//! Invariant: no function in this module panics, whatever the position it is given.
//! Out-of-range positions are clamped (and reported through [`Clamped`] so the caller can
//! log them).

use ropey::Rope;

use crate::span::Span;

/// How columns are counted, as negotiated with the client (LSP 3.17 `positionEncoding`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Encoding {
    /// Columns count UTF-8 bytes.
    Utf8,
    /// Columns count UTF-16 code units (the LSP default).
    #[default]
    Utf16,
    /// Columns count Unicode scalar values.
    Utf32,
}

impl Encoding {
    pub fn as_str(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16 => "utf-16",
            Encoding::Utf32 => "utf-32",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "utf-8" => Some(Encoding::Utf8),
            "utf-16" => Some(Encoding::Utf16),
            "utf-32" => Some(Encoding::Utf32),
            _ => None,
        }
    }
}

/// A zero-based line and column, the column counted in some [`Encoding`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

impl Position {
    pub const fn new(line: u32, column: u32) -> Self {
        Position { line, column }
    }
}

/// Whether a position given by the client had to be moved to fit the document.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Clamped(pub bool);

/// One edit as a client sends it: a range (or `None` for the whole text) and new text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub range: Option<(Position, Position)>,
    pub text: String,
}

/// An open document.
#[derive(Clone, Debug)]
pub struct Document {
    rope: Rope,
    version: i32,
}

impl Document {
    pub fn new(text: &str, version: i32) -> Self {
        Document {
            rope: Rope::from_str(text),
            version,
        }
    }

    pub fn rope(&self) -> &Rope {
        &self.rope
    }

    pub fn version(&self) -> i32 {
        self.version
    }

    pub fn text(&self) -> String {
        // Sized once (`to_string` would go through `Display` and grow as it copies).
        String::from(&self.rope)
    }

    /// Apply one client edit. Returns whether any position had to be clamped.
    ///
    /// A reversed range (end before start) is treated as the range between the two points.
    pub fn apply(&mut self, change: &Change, encoding: Encoding) -> Clamped {
        match change.range {
            None => {
                self.rope = Rope::from_str(&change.text);
                Clamped(false)
            }
            Some((a, b)) => {
                let (start, c1) = position_to_char(&self.rope, a, encoding);
                let (end, c2) = position_to_char(&self.rope, b, encoding);
                let (start, end) = if start <= end {
                    (start, end)
                } else {
                    (end, start)
                };
                self.rope.remove(start..end);
                self.rope.insert(start, &change.text);
                Clamped(c1.0 || c2.0)
            }
        }
    }

    pub fn set_version(&mut self, version: i32) {
        self.version = version;
    }

    /// Byte offset of a client position (clamped into the document).
    pub fn offset(&self, pos: Position, encoding: Encoding) -> (usize, Clamped) {
        let (ch, clamped) = position_to_char(&self.rope, pos, encoding);
        (self.rope.char_to_byte(ch), clamped)
    }

    /// Client position of a byte offset. Offsets past the end, or inside a character,
    /// are moved to the end or to the start of that character.
    pub fn position(&self, offset: usize, encoding: Encoding) -> Position {
        byte_to_position(&self.rope, offset, encoding)
    }

    pub fn range(&self, span: Span, encoding: Encoding) -> (Position, Position) {
        (
            self.position(span.start, encoding),
            self.position(span.end, encoding),
        )
    }
}

/// Number of chars of line `line` excluding its terminator (`\n`, `\r\n` or `\r`).
fn line_content_chars(rope: &Rope, line: usize) -> usize {
    let slice = rope.line(line);
    let mut n = slice.len_chars();
    if n > 0 && slice.char(n - 1) == '\n' {
        n -= 1;
        if n > 0 && slice.char(n - 1) == '\r' {
            n -= 1;
        }
    } else if n > 0 && slice.char(n - 1) == '\r' {
        n -= 1;
    }
    n
}

/// Char index of a position, clamped to the document and to the line's content.
pub fn position_to_char(rope: &Rope, pos: Position, encoding: Encoding) -> (usize, Clamped) {
    let line = pos.line as usize;
    let lines = rope.len_lines();
    if line >= lines {
        return (rope.len_chars(), Clamped(true));
    }
    let line_start = rope.line_to_char(line);
    let content = line_content_chars(rope, line);
    let col = pos.column as usize;
    let (chars, clamped) = match encoding {
        Encoding::Utf32 => {
            if col > content {
                (content, true)
            } else {
                (col, false)
            }
        }
        Encoding::Utf8 => {
            let base = rope.char_to_byte(line_start);
            let content_bytes = rope.char_to_byte(line_start + content) - base;
            if col > content_bytes {
                (content, true)
            } else {
                // A column inside a multi-byte character snaps to that character's start.
                let ch = rope.byte_to_char(base + col) - line_start;
                let exact = rope.char_to_byte(line_start + ch) == base + col;
                (ch, !exact)
            }
        }
        Encoding::Utf16 => {
            let base = rope.char_to_utf16_cu(line_start);
            let content_cu = rope.char_to_utf16_cu(line_start + content) - base;
            if col > content_cu {
                (content, true)
            } else {
                let ch = rope.utf16_cu_to_char(base + col) - line_start;
                let exact = rope.char_to_utf16_cu(line_start + ch) == base + col;
                (ch, !exact)
            }
        }
    };
    (line_start + chars, Clamped(clamped))
}

/// Position of a byte offset.
pub fn byte_to_position(rope: &Rope, offset: usize, encoding: Encoding) -> Position {
    let offset = offset.min(rope.len_bytes());
    // byte_to_char rounds down into the character containing the byte.
    let ch = rope.byte_to_char(offset);
    let line = rope.char_to_line(ch);
    let line_start = rope.line_to_char(line);
    let column = match encoding {
        Encoding::Utf32 => ch - line_start,
        Encoding::Utf8 => rope.char_to_byte(ch) - rope.char_to_byte(line_start),
        Encoding::Utf16 => rope.char_to_utf16_cu(ch) - rope.char_to_utf16_cu(line_start),
    };
    Position::new(line as u32, column as u32)
}

/// How many bytes `a` and `b` share at their start (compared 64 at a time, then one by one).
fn common_prefix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let mut i = 0;
    while i + 64 <= n && a[i..i + 64] == b[i..i + 64] {
        i += 64;
    }
    i + a[i..n]
        .iter()
        .zip(&b[i..n])
        .take_while(|(x, y)| x == y)
        .count()
}

/// How many bytes `a` and `b` share at their end.
fn common_suffix(a: &[u8], b: &[u8]) -> usize {
    let n = a.len().min(b.len());
    let (a, b) = (&a[a.len() - n..], &b[b.len() - n..]);
    let mut k = 0;
    while k + 64 <= n && a[n - k - 64..n - k] == b[n - k - 64..n - k] {
        k += 64;
    }
    k + a[..n - k]
        .iter()
        .rev()
        .zip(b[..n - k].iter().rev())
        .take_while(|(x, y)| x == y)
        .count()
}

/// The length of `s` in UTF-16 code units: one per character, two for a character beyond
/// the Basic Multilingual Plane (the ones UTF-8 writes in four bytes, led by `0xF0`–`0xF4`).
/// Counted over the bytes (`chars().count()` is word-at-a-time in `core`; the second count
/// vectorizes), not character by character: the lines of wire copy are whole paragraphs,
/// and curly quotes put most of them outside ASCII.
pub fn utf16_len(s: &str) -> usize {
    s.chars().count() + s.bytes().filter(|&b| b >= 0xF0).count()
}

/// Byte offset -> position over one immutable text: the start of every line, found once
/// (a `memchr` pass, ~30 µs per MB), then each conversion is a binary search plus a count
/// of the characters between the line start and the offset. Converting the hundreds of
/// findings of a large document this way is far cheaper than walking the rope for each
/// (four O(log n) rope descents, each counting inside a 1 KB chunk). Gives exactly what
/// [`byte_to_position`] gives on a rope of the same text.
#[derive(Clone, Debug)]
pub struct LineIndex {
    /// Byte offset where each line starts: 0, then after every `\n`, `\r\n` and lone `\r`.
    starts: Vec<usize>,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let bytes = text.as_bytes();
        let mut starts = Vec::with_capacity(bytes.len() / 64 + 1);
        starts.push(0);
        for i in memchr::memchr2_iter(b'\n', b'\r', bytes) {
            // `\r\n` is one break, counted at its `\n`.
            if bytes[i] == b'\r' && bytes.get(i + 1) == Some(&b'\n') {
                continue;
            }
            starts.push(i + 1);
        }
        LineIndex { starts }
    }

    /// The index of `new`, from `self`, the index of `old` (an edit of it): the line
    /// starts before the first byte that differs are kept, those after the last one move
    /// by the change in length, and only the stretch between is searched. Equal to
    /// `LineIndex::new(new)`; on a 1 MB document after a keystroke, comparing the two
    /// texts costs a few percent of searching the whole of `new`.
    pub fn updated(&self, old: &str, new: &str) -> LineIndex {
        let (o, n) = (old.as_bytes(), new.as_bytes());
        let prefix = common_prefix(o, n);
        let most = o.len().min(n.len()) - prefix;
        let suffix = common_suffix(&o[o.len() - most..], &n[n.len() - most..]);
        // A line starts at `s` when byte `s - 1` is `\n`, or a `\r` not followed by a
        // `\n` at `s`: decided by bytes `s - 1` and `s`. Below `prefix` both are the old
        // ones; from `n.len() - suffix + 1` on both are in the common suffix.
        let (changed_end, old_end) = (n.len() - suffix, o.len() - suffix);
        let mut starts = Vec::with_capacity(self.starts.len() + 16);
        starts.push(0);
        starts.extend(self.starts.iter().copied().filter(|&s| s > 0 && s < prefix));
        for s in prefix.max(1)..=changed_end {
            let starts_here = match n[s - 1] {
                b'\n' => true,
                b'\r' => n.get(s) != Some(&b'\n'),
                _ => false,
            };
            if starts_here {
                starts.push(s);
            }
        }
        let kept = self.starts.partition_point(|&s| s <= old_end);
        starts.extend(
            self.starts[kept..]
                .iter()
                .map(|&s| s - old_end + changed_end),
        );
        LineIndex { starts }
    }

    /// The position of byte `offset` of `text` (the text the index was built from).
    /// Offsets past the end, or inside a character, move to the end or to the start of
    /// that character.
    pub fn position(&self, text: &str, offset: usize, encoding: Encoding) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        // The last line starting at or before the offset.
        let line = self
            .starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1);
        let start = self.starts.get(line).copied().unwrap_or(0).min(offset);
        let before = text.get(start..offset).unwrap_or("");
        let column = match encoding {
            Encoding::Utf8 => before.len(),
            _ if before.is_ascii() => before.len(),
            Encoding::Utf32 => before.chars().count(),
            Encoding::Utf16 => utf16_len(before),
        };
        Position::new(line as u32, column as u32)
    }

    /// The positions of a span's ends ([`LineIndex::position`]).
    pub fn range(&self, text: &str, span: Span, encoding: Encoding) -> (Position, Position) {
        (
            self.position(text, span.start, encoding),
            self.position(text, span.end, encoding),
        )
    }

    /// The zero-based line of byte `offset` (offsets past the end are on the last line).
    /// A line break belongs to the line it ends.
    pub fn line(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&s| s <= offset)
            .saturating_sub(1)
    }

    /// How many lines there are: one more than there are line breaks.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// Never: even the empty text has one (empty) line.
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }

    /// Byte offset where line `line` starts (the end of the text past the last line).
    pub fn line_start(&self, line: usize, text: &str) -> usize {
        self.starts.get(line).copied().unwrap_or(text.len())
    }

    /// The content of line `line` of `text`, without its terminator (`\n`, `\r\n`, `\r`).
    pub fn line_span(&self, text: &str, line: usize) -> Span {
        let start = self.line_start(line, text);
        let end = match self.starts.get(line + 1) {
            Some(&next) => {
                let b = text.as_bytes();
                if next >= 2 && b[next - 1] == b'\n' && b[next - 2] == b'\r' {
                    next - 2
                } else {
                    next - 1
                }
            }
            None => text.len(),
        };
        Span::new(start, end.max(start))
    }
}

/// `n` with a comma between each group of three digits: `1,234`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits_by_three() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(10_000), "10,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    fn doc(s: &str) -> Document {
        Document::new(s, 0)
    }

    #[test]
    fn lines_break_only_at_lf_crlf_cr() {
        let d = doc("a\nb\r\nc\rd\u{2028}e\u{85}f\u{2029}g");
        assert_eq!(d.rope().len_lines(), 4);
        // "d\u{2028}e\u{85}f\u{2029}g" is one line.
        let g = d.text().find('g').unwrap();
        assert_eq!(d.position(g, Encoding::Utf16), Position::new(3, 6));
    }

    #[test]
    fn columns_in_each_encoding_after_non_ascii() {
        // “ (3 bytes, 1 cu), — (3 bytes, 1 cu), 北 (3 bytes, 1 cu), 😀 (4 bytes, 2 cu).
        let s = "“Hi”—北😀x";
        let d = doc(s);
        let x = s.find('x').unwrap();
        assert_eq!(d.position(x, Encoding::Utf8), Position::new(0, 18));
        assert_eq!(d.position(x, Encoding::Utf16), Position::new(0, 8));
        assert_eq!(d.position(x, Encoding::Utf32), Position::new(0, 7));
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            let p = d.position(x, enc);
            assert_eq!(d.offset(p, enc), (x, Clamped(false)));
        }
    }

    #[test]
    fn out_of_range_positions_clamp() {
        let d = doc("ab\r\ncd");
        assert_eq!(
            d.offset(Position::new(0, 99), Encoding::Utf16),
            (2, Clamped(true))
        );
        assert_eq!(
            d.offset(Position::new(9, 0), Encoding::Utf16),
            (6, Clamped(true))
        );
        // Inside a surrogate pair snaps to the emoji's start.
        let d = doc("a😀b");
        assert_eq!(
            d.offset(Position::new(0, 2), Encoding::Utf16),
            (1, Clamped(true))
        );
        assert_eq!(
            d.offset(Position::new(0, 3), Encoding::Utf8),
            (1, Clamped(true))
        );
    }

    #[test]
    fn incremental_edits_in_utf16() {
        let mut d = doc("“Quote” — 北京\nsecond");
        // Replace 北京 (cols 10..12) with Beijing.
        d.apply(
            &Change {
                range: Some((Position::new(0, 10), Position::new(0, 12))),
                text: "Beijing".into(),
            },
            Encoding::Utf16,
        );
        assert_eq!(d.text(), "“Quote” — Beijing\nsecond");
        // Delete across the line break.
        d.apply(
            &Change {
                range: Some((Position::new(0, 17), Position::new(1, 0))),
                text: " ".into(),
            },
            Encoding::Utf16,
        );
        assert_eq!(d.text(), "“Quote” — Beijing second");
    }

    #[test]
    fn line_index_lines_agree_with_the_rope() {
        let texts = [
            "",
            "plain ascii\nsecond line\n",
            "a\nb\r\nc\rd\u{2028}e\u{85}f\u{2029}g",
            "\r\r\n\n\r",
            "“Hi”—北😀x\r\n‘quoted’ — 京\rend😀",
        ];
        for t in texts {
            let d = doc(t);
            let idx = LineIndex::new(t);
            assert_eq!(idx.len(), d.rope().len_lines(), "{t:?}");
            for k in 0..idx.len() {
                let line = d.rope().line(k).to_string();
                let content = line.trim_end_matches(['\n', '\r']);
                // `\r\r` ends two lines; trim only one terminator.
                let content = if line.ends_with("\r\n") {
                    &line[..line.len() - 2]
                } else if line.ends_with(['\n', '\r']) {
                    &line[..line.len() - 1]
                } else {
                    content
                };
                assert_eq!(idx.line_span(t, k).text(t), content, "{t:?} line {k}");
            }
            for offset in 0..=t.len() + 2 {
                let p = d.position(offset, Encoding::Utf8);
                assert_eq!(idx.line(offset), p.line as usize, "{t:?} at {offset}");
            }
        }
    }

    #[test]
    fn line_index_agrees_with_the_rope_at_every_byte() {
        let texts = [
            "",
            "plain ascii\nsecond line\n",
            "a\nb\r\nc\rd\u{2028}e\u{85}f\u{2029}g",
            "\r\r\n\n\r",
            "“Hi”—北😀x\r\n‘quoted’ — 京\rend😀",
            "trailing cr\r",
        ];
        for t in texts {
            let d = doc(t);
            let idx = LineIndex::new(t);
            for offset in 0..=t.len() + 2 {
                for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
                    assert_eq!(
                        idx.position(t, offset, enc),
                        d.position(offset, enc),
                        "{t:?} at {offset} in {enc:?}"
                    );
                }
            }
        }
    }

    /// Edits that join a `\r` and a `\n` into one break, or part them into two.
    #[test]
    fn updated_line_index_at_breaks_that_join_or_part() {
        for (old, new) in [
            ("a\rb", "a\r\nb"),
            ("a\r\nb", "a\rb"),
            ("a\r\nb", "a\r—\nb"),
            ("a\r", "a\r\n"),
            ("a\r\n", "a\r"),
            ("\n\n\n", "\n\r\n\n"),
            ("", "\r\n🎉\r"),
            ("北\r\n京", ""),
            ("same\ntext", "same\ntext"),
        ] {
            assert_eq!(
                LineIndex::new(old).updated(old, new).starts,
                LineIndex::new(new).starts,
                "{old:?} -> {new:?}"
            );
        }
    }

    proptest::proptest! {
        #[test]
        fn utf16_len_counts_code_units(t in "\\PC{0,60}") {
            proptest::prop_assert_eq!(utf16_len(&t), t.chars().map(char::len_utf16).sum::<usize>());
        }

        #[test]
        fn an_updated_line_index_is_the_new_texts(
            old in "[a\r\n“—北😀 ]{0,50}",
            at in 0usize..60,
            cut in 0usize..10,
            put in "[b\r\n—🎉]{0,6}",
        ) {
            // An edit on character boundaries: `cut` characters at `at` replaced by `put`.
            let chars: Vec<char> = old.chars().collect();
            let at = at.min(chars.len());
            let end = (at + cut).min(chars.len());
            let new: String = chars[..at].iter().chain(put.chars().collect::<Vec<_>>().iter()).chain(chars[end..].iter()).collect();
            let updated = LineIndex::new(&old).updated(&old, &new);
            proptest::prop_assert_eq!(updated.starts, LineIndex::new(&new).starts);
        }

        #[test]
        fn line_index_agrees_with_the_rope(
            t in "[a\r\n“—北😀 \u{85}\u{2028}]{0,40}",
            offset in 0usize..200,
        ) {
            let d = doc(&t);
            let idx = LineIndex::new(&t);
            for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
                proptest::prop_assert_eq!(idx.position(&t, offset, enc), d.position(offset, enc));
            }
        }
    }

    #[test]
    fn whole_text_replacement() {
        let mut d = doc("old");
        d.apply(
            &Change {
                range: None,
                text: "new\r\ntext".into(),
            },
            Encoding::Utf8,
        );
        assert_eq!(d.text(), "new\r\ntext");
        assert_eq!(d.rope().len_lines(), 2);
    }
}
