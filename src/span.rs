//! Byte spans into an article's text: the one coordinate system of the engine.

use serde::Serialize;

/// A half-open byte range `start..end` into the analysed text.
///
/// Both ends always lie on UTF-8 character boundaries of the text they were made from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub const fn empty(at: usize) -> Self {
        Span { start: at, end: at }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    pub fn text(self, source: &str) -> &str {
        &source[self.start..self.end]
    }

    pub const fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// Like [`Span::contains`] but also true at `end`, as a cursor right after a word is still "on" it.
    pub const fn touches(self, offset: usize) -> bool {
        self.start <= offset && offset <= self.end
    }

    /// Whether the two spans share a byte (`a.start < b.end && b.start < a.end`).
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span read at offset `from` moved to `to` (a span relative to a paragraph or
    /// block made absolute, `moved(0, at)`, and back, `moved(at, 0)`).
    pub const fn moved(self, from: usize, to: usize) -> Span {
        Span::new(self.start - from + to, self.end - from + to)
    }

    /// A sub-span given relative to this span's start.
    pub const fn sub(self, start: usize, end: usize) -> Span {
        Span::new(self.start + start, self.start + end)
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(r: std::ops::Range<usize>) -> Self {
        Span::new(r.start, r.end)
    }
}
