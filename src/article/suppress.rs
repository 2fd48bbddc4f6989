//! Suppression markers: lines a copy editor writes to silence a rule.
//!
//! ```text
//! copydesk-ignore: quotes/unclosed, dateline/*
//! <!-- copydesk-ignore: quotes/unclosed -->
//! copydesk-ignore-file: dateline/missing
//! ```
//!
//! A marker stands alone on its line. `copydesk-ignore` applies to the block of text that
//! follows it (the next paragraph, subhead or headline); `copydesk-ignore-file` to the whole
//! article. Marker lines are not article content: the parser treats them like blank lines.

use serde::Serialize;

use super::lines::{self, Block, Line};
use crate::span::Span;

pub const IGNORE: &str = "copydesk-ignore";
pub const IGNORE_FILE: &str = "copydesk-ignore-file";

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum SuppressionScope {
    /// The block after the marker; `None` when nothing follows it.
    Block(Option<Span>),
    /// The whole article.
    File,
}

/// One code (`quotes/unclosed`), family (`dateline/*`) or `*` named by a marker.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SuppressedCode {
    pub span: Span,
    /// Where the code and the separator before or after it lie: what removing it deletes.
    pub removal: Span,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Suppression {
    /// The marker's line, without its terminator.
    pub line: Span,
    /// The line with its terminator: what deleting the marker removes.
    pub full_line: Span,
    pub scope: SuppressionScope,
    pub codes: Vec<SuppressedCode>,
}

impl Suppression {
    /// Does this marker name `code`, by itself, its family or `*`? Returns which entry.
    pub fn matching(&self, text: &str, code: &str) -> Option<usize> {
        self.codes
            .iter()
            .position(|c| code_matches(c.span.text(text), code))
    }

    /// Does this marker's scope hold `offset`?
    pub fn covers(&self, offset: usize) -> bool {
        match self.scope {
            SuppressionScope::File => true,
            SuppressionScope::Block(Some(s)) => s.touches(offset),
            SuppressionScope::Block(None) => false,
        }
    }
}

/// `pattern` as written in a marker (`quotes/unclosed`, `dateline/*`, `*`) against a code.
pub fn code_matches(pattern: &str, code: &str) -> bool {
    if pattern == "*" || pattern == code {
        return true;
    }
    match pattern.strip_suffix("/*") {
        Some(family) => code.split_once('/').is_some_and(|(f, _)| f == family),
        None => false,
    }
}

/// If `line` is a marker, whether it is file-wide and the span of its code list (relative).
fn marker(line: &str) -> Option<(bool, usize, usize)> {
    let lead = line.len() - line.trim_start().len();
    let mut t = line.trim();
    let mut start = lead;
    let comment = t.starts_with("<!--");
    if comment {
        let inner = t.strip_prefix("<!--")?.strip_suffix("-->")?;
        start += 4 + (inner.len() - inner.trim_start().len());
        t = inner.trim();
    }
    let (file, rest) = if let Some(r) = t.strip_prefix(IGNORE_FILE) {
        (true, r)
    } else if let Some(r) = t.strip_prefix(IGNORE) {
        (false, r)
    } else {
        return None;
    };
    let after_key = rest.strip_prefix(':')?;
    start += t.len() - after_key.len();
    Some((file, start, start + after_key.len()))
}

/// The codes in a marker's list, with the spans that removing each one deletes.
fn codes(text: &str, list: Span) -> Vec<SuppressedCode> {
    let s = list.text(text);
    let mut items: Vec<Span> = Vec::new();
    let mut pos = 0;
    for part in s.split(',') {
        let lead = part.len() - part.trim_start().len();
        let word = part.trim();
        if !word.is_empty() {
            items.push(Span::new(
                list.start + pos + lead,
                list.start + pos + lead + word.len(),
            ));
        }
        pos += part.len() + 1;
    }
    let n = items.len();
    items
        .iter()
        .enumerate()
        .map(|(i, &span)| {
            // Remove the code with the comma after it, or for the last, the comma before it.
            let removal = if n == 1 {
                span
            } else if i + 1 < n {
                Span::new(span.start, items[i + 1].start)
            } else {
                Span::new(items[i - 1].end, span.end)
            };
            SuppressedCode { span, removal }
        })
        .collect()
}

/// Find the marker lines; returns them with the scopes still to be resolved, and whether
/// each line is one (an empty list when no line holds `copydesk-ignore`).
pub(crate) fn find(text: &str, all: &[Line]) -> (Vec<Suppression>, Vec<bool>) {
    let mut out = Vec::new();
    let mut is_marker = Vec::new();
    // Most copy has no marker: one search of the whole text instead of one per line.
    static FINDER: std::sync::OnceLock<memchr::memmem::Finder<'static>> =
        std::sync::OnceLock::new();
    let finder = FINDER.get_or_init(|| memchr::memmem::Finder::new(IGNORE.as_bytes()));
    if finder.find(text.as_bytes()).is_none() {
        return (out, is_marker);
    }
    is_marker = vec![false; all.len()];
    for (i, l) in all.iter().enumerate() {
        let line = l.content.text(text);
        if !line.contains(IGNORE) {
            continue;
        }
        if let Some((file, a, b)) = marker(line) {
            is_marker[i] = true;
            let list = Span::new(l.content.start + a, l.content.start + b);
            out.push(Suppression {
                line: l.content,
                full_line: l.full,
                scope: if file {
                    SuppressionScope::File
                } else {
                    SuppressionScope::Block(None)
                },
                codes: codes(text, list),
            });
        }
    }
    (out, is_marker)
}

/// Split blocks at marker lines, which count as blank.
pub(crate) fn split_blocks(blocks: &[Block], is_marker: &[bool]) -> Vec<Block> {
    let mut out = Vec::with_capacity(blocks.len());
    for b in blocks {
        let mut i = b.first;
        while i < b.last {
            if is_marker[i] {
                i += 1;
                continue;
            }
            let first = i;
            while i < b.last && !is_marker[i] {
                i += 1;
            }
            out.push(Block { first, last: i });
        }
    }
    out
}

/// Give each block marker the span of the first block after it.
pub(crate) fn resolve(sups: &mut [Suppression], blocks: &[Block], all: &[Line]) {
    for s in sups {
        if s.scope == SuppressionScope::File {
            continue;
        }
        // Blocks are in text order: the first starting at or after the marker's end, by
        // binary search (a scan per marker was quadratic in the markers).
        let next = blocks.get(blocks.partition_point(|b| all[b.first].content.start < s.line.end));
        s.scope = SuppressionScope::Block(
            next.map(|b| Span::new(all[b.first].content.start, all[b.last - 1].content.end)),
        );
    }
}

/// Where a marker for a finding at `offset` goes: the start of the first line of the block
/// holding `offset` (marker lines and blank lines end blocks).
pub fn block_start(text: &str, offset: usize) -> usize {
    let all = lines::lines(text);
    let Some(mut i) = all.iter().position(|l| offset < l.full.end) else {
        return all.last().map_or(0, |l| l.content.start);
    };
    while i > 0 {
        let prev = &all[i - 1];
        let prev_text = prev.content.text(text);
        if prev_text.trim().is_empty() || marker(prev_text).is_some() {
            break;
        }
        i -= 1;
    }
    all[i].content.start
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marker_forms() {
        assert_eq!(
            marker("copydesk-ignore: quotes/unclosed"),
            Some((false, 16, 32))
        );
        assert!(marker("  <!-- copydesk-ignore: a/b -->").is_some());
        assert_eq!(marker("copydesk-ignore-file: a/b").map(|m| m.0), Some(true));
        assert_eq!(marker("copydesk-ignore quotes/unclosed"), None);
        assert_eq!(marker("The copydesk-ignore: line"), None);
        assert_eq!(marker("<!-- copydesk-ignore: a/b"), None);
    }

    #[test]
    fn code_lists_and_removal_spans() {
        let text = "copydesk-ignore: a/b,  c/*, d/e";
        let (sups, _) = find(text, &lines::lines(text));
        let cs: Vec<&str> = sups[0].codes.iter().map(|c| c.span.text(text)).collect();
        assert_eq!(cs, ["a/b", "c/*", "d/e"]);
        let removals: Vec<&str> = sups[0].codes.iter().map(|c| c.removal.text(text)).collect();
        assert_eq!(removals, ["a/b,  ", "c/*, ", ", d/e"]);
    }

    #[test]
    fn patterns() {
        assert!(code_matches("dateline/*", "dateline/missing"));
        assert!(!code_matches("date/*", "dateline/missing"));
        assert!(code_matches("*", "quotes/unclosed"));
        assert!(!code_matches("quotes/unclosed", "quotes/unclosed-x"));
    }

    #[test]
    fn block_start_walks_up_to_a_blank_or_marker_line() {
        let text = "Head\n\n“Ä line one\nline two\n";
        let at = text.find("two").unwrap();
        assert_eq!(block_start(text, at), text.find('“').unwrap());
        let text = "copydesk-ignore: a/b\nline\n";
        assert_eq!(block_start(text, 22), 21);
    }
}
