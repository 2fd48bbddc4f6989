//! Compiler-style rendering of one finding.

use std::io::{self, Write};
use std::path::Path;

use unicode_width::UnicodeWidthChar;

use crate::article::lines;
use crate::rules::Finding;

/// `path:line:col: severity[code]: message`, the source line, and a marker under the span.
/// Lines and columns are 1-based; columns count characters.
pub fn human(
    out: &mut dyn Write,
    path: &Path,
    text: &str,
    f: &Finding,
    _color: bool,
) -> io::Result<()> {
    let all = lines::lines(text);
    let idx = all
        .iter()
        .position(|l| {
            f.span.start < l.full.end || (l.full.is_empty() && f.span.start == l.full.start)
        })
        .unwrap_or(all.len().saturating_sub(1));
    let (line_no, line) = match all.get(idx) {
        Some(l) => (idx + 1, l.content),
        None => (1, crate::span::Span::empty(0)),
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
        let rl = all
            .iter()
            .position(|l| r.span.start <= l.content.end)
            .map_or(all.len(), |i| i + 1);
        writeln!(out, "{gutter} = note: line {rl}: {}", r.message)?;
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
