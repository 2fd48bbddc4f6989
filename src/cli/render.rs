//! Compiler-style rendering of one finding.

use std::io::{self, Write};
use std::path::Path;

use unicode_width::UnicodeWidthChar;

use crate::rules::Finding;
use crate::span::Span;
use crate::text::LineIndex;

/// `path:line:col: severity[code]: message`, the source line, and a marker under the span.
/// Lines and columns are 1-based; columns count characters. `lines` is the index of
/// `text`, built once for all of a file's findings.
pub fn human(
    out: &mut dyn Write,
    path: &Path,
    text: &str,
    lines: &LineIndex,
    f: &Finding,
    _color: bool,
) -> io::Result<()> {
    // Lines as the article sees them: the empty text has none, and a break at the very
    // end opens no line.
    let count = if text.is_empty() {
        0
    } else if lines.line_start(lines.len() - 1, text) == text.len() {
        lines.len() - 1
    } else {
        lines.len()
    };
    let (line_no, line) = if count == 0 {
        (1, Span::empty(0))
    } else {
        let idx = lines.line(f.span.start).min(count - 1);
        (idx + 1, lines.line_span(text, idx))
    };
    let start = f.span.start.clamp(line.start, line.end);
    let end = f.span.end.clamp(start, line.end);
    let col = text[line.start..start].chars().count() + 1;
    writeln!(
        out,
        "{}:{}:{}: {}[{}]: {}",
        path.display(),
        line_no,
        col,
        f.severity.as_str(),
        f.code,
        f.message
    )?;
    let src = line.text(text);
    let gutter = " ".repeat(line_no.to_string().len());
    writeln!(out, "{gutter} |")?;
    writeln!(out, "{line_no} | {}", printable(src))?;
    let pad: String = text[line.start..start]
        .chars()
        .map(|c| {
            if c == '\t' {
                "\t".to_string()
            } else {
                " ".repeat(width(c))
            }
        })
        .collect();
    let marks = text[start..end].chars().map(width).sum::<usize>().max(1);
    writeln!(out, "{gutter} | {pad}{}", "^".repeat(marks))?;
    for r in &f.related {
        if let Some(place) = &r.file {
            writeln!(
                out,
                "{gutter} = note: {}:{}:{}: {}",
                place.path.display(),
                place.start.line + 1,
                place.start.chars + 1,
                r.message
            )?;
            continue;
        }
        // The first line whose content ends at or after the place (a place inside a
        // `\r\n` is on the next line).
        let at = lines.line(r.span.start);
        let rl = if r.span.start <= lines.line_span(text, at).end {
            at + 1
        } else {
            at + 2
        };
        writeln!(
            out,
            "{gutter} = note: line {}: {}",
            rl.min(count),
            r.message
        )?;
    }
    for fix in &f.fixes {
        writeln!(out, "{gutter} = fix: {}", fix.title)?;
    }
    writeln!(out)
}

fn width(c: char) -> usize {
    if c == '\t' || c.is_control() {
        1
    } else {
        c.width().unwrap_or(0)
    }
}

/// Control characters would garble the terminal: show them as `�`.
fn printable(s: &str) -> String {
    s.chars()
        .map(|c| {
            if c.is_control() && c != '\t' {
                '\u{FFFD}'
            } else {
                c
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::lines;
    use crate::finding::{Related, Severity};

    /// Line and column as the renderer found them before it had a line index: the lines
    /// split again for every finding. The reference for the edge cases (a break at the
    /// very end, a place inside `\r\n`, past the end, the empty text).
    fn reference(text: &str, start: usize, related: usize) -> (usize, usize, usize) {
        let all = lines::lines(text);
        let idx = all
            .iter()
            .position(|l| start < l.full.end || (l.full.is_empty() && start == l.full.start))
            .unwrap_or(all.len().saturating_sub(1));
        let (line_no, line) = match all.get(idx) {
            Some(l) => (idx + 1, l.content),
            None => (1, Span::empty(0)),
        };
        let s = start.clamp(line.start, line.end);
        let col = text[line.start..s].chars().count() + 1;
        let rl = all
            .iter()
            .position(|l| related <= l.content.end)
            .map_or(all.len(), |i| i + 1);
        (line_no, col, rl)
    }

    #[test]
    fn positions_match_splitting_the_lines_for_every_finding() {
        let texts = [
            "",
            "\n",
            "one line",
            "“Quoted” — 北京 😀\nsecond\n",
            "a\r\nb\rc\n\nd😀\r\n",
            "\r\r\n\n\r",
        ];
        for text in texts {
            let idx = LineIndex::new(text);
            for start in
                (0..=text.len() + 1).filter(|&i| i > text.len() || text.is_char_boundary(i))
            {
                for related in 0..=text.len() + 1 {
                    let f = Finding {
                        code: "test/x",
                        severity: Severity::Hint,
                        span: Span::new(start, start),
                        message: "m".into(),
                        fixes: vec![],
                        related: vec![Related {
                            span: Span::new(related, related),
                            message: "r".into(),
                            file: None,
                        }],
                    };
                    let mut out = Vec::new();
                    human(&mut out, Path::new("p"), text, &idx, &f, false).unwrap();
                    let out = String::from_utf8(out).unwrap();
                    let (line, col, rl) = reference(text, start, related);
                    assert!(
                        out.starts_with(&format!("p:{line}:{col}: hint[test/x]")),
                        "{text:?} at {start}: {out}"
                    );
                    assert!(
                        out.contains(&format!("= note: line {rl}: r")),
                        "{text:?} related at {related}: {out}"
                    );
                }
            }
        }
    }
}
