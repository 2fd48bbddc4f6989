//! A deliberately naive model of an LSP text document: a `String`, with lines and columns
//! computed by scanning it, independent of ropey and of `copydesk::text`.
#![allow(dead_code)]

use copydesk::text::Encoding;

/// Byte ranges of each line's content (without its terminator). Lines break at `\n`,
/// `\r\n` and `\r` only.
pub fn lines(s: &str) -> Vec<(usize, usize)> {
    let b = s.as_bytes();
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < b.len() {
        match b[i] {
            b'\n' => {
                out.push((start, i));
                start = i + 1;
            }
            b'\r' => {
                out.push((start, i));
                if b.get(i + 1) == Some(&b'\n') {
                    i += 1;
                }
                start = i + 1;
            }
            _ => {}
        }
        i += 1;
    }
    out.push((start, b.len()));
    out
}

/// Length of `s` in the encoding's units.
pub fn units(s: &str, enc: Encoding) -> usize {
    match enc {
        Encoding::Utf8 => s.len(),
        Encoding::Utf16 => s.encode_utf16().count(),
        Encoding::Utf32 => s.chars().count(),
    }
}

/// Every byte offset an editor can put a cursor at: character boundaries, except between
/// the `\r` and `\n` of a CRLF.
pub fn cursor_offsets(s: &str) -> Vec<usize> {
    let b = s.as_bytes();
    (0..=s.len())
        .filter(|&i| s.is_char_boundary(i))
        .filter(|&i| !(i > 0 && i < b.len() && b[i - 1] == b'\r' && b[i] == b'\n'))
        .collect()
}

/// The position of a cursor offset (see [`cursor_offsets`]).
pub fn position(s: &str, offset: usize, enc: Encoding) -> (u32, u32) {
    position_in(s, &lines(s), offset, enc)
}

/// [`position`] with the text's [`lines`] already computed.
pub fn position_in(s: &str, ls: &[(usize, usize)], offset: usize, enc: Encoding) -> (u32, u32) {
    let line = ls
        .partition_point(|&(start, _)| start <= offset)
        .saturating_sub(1);
    let (start, end) = ls[line];
    assert!(offset <= end, "offset {offset} is inside a line break");
    (line as u32, units(&s[start..offset], enc) as u32)
}

/// The byte offset of a position, or why it is not a valid position in `s`: past the last
/// line, past the end of its line's content, or inside a character's encoding.
pub fn offset(s: &str, line: u32, col: u32, enc: Encoding) -> Result<usize, String> {
    let ls = lines(s);
    let Some(&(start, end)) = ls.get(line as usize) else {
        return Err(format!("line {line} past the last line {}", ls.len() - 1));
    };
    let content = &s[start..end];
    let mut acc = 0usize;
    for (i, c) in content.char_indices() {
        if acc == col as usize {
            return Ok(start + i);
        }
        let w = match enc {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        };
        if acc + w > col as usize {
            return Err(format!(
                "column {col} of line {line} is inside {c:?} ({})",
                enc.as_str()
            ));
        }
        acc += w;
    }
    if acc == col as usize {
        Ok(end)
    } else {
        Err(format!(
            "column {col} of line {line} is past its end ({acc} {} units)",
            enc.as_str()
        ))
    }
}

/// Text pieces edits are made of: line breaks of every kind, emoji (surrogate pairs in
/// UTF-16), CJK, combining marks, U+2028/U+2029/U+0085 (not line breaks in LSP), curly
/// quotes, dashes, and wire-copy fragments that make the rules fire.
pub const PIECES: &[&str] = &[
    "a",
    "Zed ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "😀",
    "👩‍💻",
    "北京",
    "e\u{301}",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "“",
    "”",
    "\"",
    "—",
    "\t",
    "\0",
    "NORTHVALE, Jan. 5 (Reuters) - ",
    "BEIJING, Marhc 3 (Xinhua) -- ",
    "WELLSPORT, Ore. (AP) — ",
    "“The harbor will reopen,” said Mira Toll.",
    "He said “nothing",
    "# Heading\n",
    "Headline about a ferry\n\n",
];

/// An edit in the abstract, made concrete against the current text by [`concretize`], so
/// that random sequences stay valid (and shrink well) whatever the text has become.
#[derive(Clone, Debug)]
pub struct Op {
    pub kind: u8,
    pub at: usize,
    pub len: usize,
    pub pieces: Vec<usize>,
}

/// A concrete edit: replace bytes `start..end` (or everything, when `whole`) with `text`.
#[derive(Clone, Debug)]
pub struct Edit {
    pub whole: bool,
    pub start: usize,
    pub end: usize,
    pub text: String,
}

pub fn concretize(s: &str, op: &Op) -> Edit {
    let text: String = op
        .pieces
        .iter()
        .map(|&i| PIECES[i % PIECES.len()])
        .collect();
    let cursors = cursor_offsets(s);
    let i = op.at % cursors.len();
    // Keep documents from growing without bound: long texts get longer deletions.
    let len = if s.len() > 4000 { op.len * 20 } else { op.len };
    let j = (i + len).min(cursors.len() - 1);
    match op.kind % 16 {
        0 => Edit {
            whole: true,
            start: 0,
            end: s.len(),
            text,
        },
        1..=4 => Edit {
            whole: false,
            start: cursors[i],
            end: cursors[j],
            text: String::new(),
        },
        5..=9 => Edit {
            whole: false,
            start: cursors[i],
            end: cursors[i],
            text,
        },
        _ => Edit {
            whole: false,
            start: cursors[i],
            end: cursors[j],
            text,
        },
    }
}

pub fn apply(s: &mut String, e: &Edit) {
    s.replace_range(e.start..e.end, &e.text);
}

/// A small deterministic generator (xorshift64*), for tests that drive async code outside
/// proptest.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed.max(1))
    }
    pub fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    pub fn op(&mut self) -> Op {
        let n = self.below(6);
        Op {
            kind: self.below(16) as u8,
            at: self.next() as usize,
            len: self.below(40),
            pieces: (0..n).map(|_| self.below(PIECES.len())).collect(),
        }
    }
}
