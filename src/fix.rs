//! Fix-all: every certain fix of an analysis, collected into one set of non-overlapping
//! edits and applied to the text, for `copydesk check --fix` / `--diff` and the language
//! server's `source.fixAll.copydesk` action.
//!
//! A fix is taken when it is *preferred* (the rule is certain of it: [`Fix::preferred`])
//! and none of its edits overlaps an edit already taken. Findings are visited in a fixed
//! order — by the start of the fix's first edit, then rule code, then message — so the same
//! analysis always gives the same edits. An edit identical to one already taken (two rules
//! proposing the same change) is taken once. Two insertions at one offset conflict (their
//! order would be a guess); an insertion touching a replacement's end does not.
//!
//! [`fix_text`] repeats analyse-and-fix until nothing certain is left (or a pass limit is
//! reached), because one fix may only become possible once another has been applied (two
//! fixes of one span). Every pass changes only the bytes of its edits; [`Pass`] keeps them
//! so that a caller can prove it.

use std::io::Write;
use std::path::Path;

use crate::analysis::{analyze, Analysis};
use crate::article::Format;
use crate::config::Config;
use crate::finding::{Edit, Finding, Fix};

/// How many analyse-and-fix passes [`fix_text`] runs at most (ruff stops at 100; copy
/// settles in two or three).
pub const MAX_PASSES: usize = 10;

/// The fixes taken from one analysis: their edits, sorted by position and not
/// overlapping, and how many findings they fix.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CertainFixes {
    pub edits: Vec<Edit>,
    /// Findings whose preferred fix was taken.
    pub fixed: usize,
}

impl CertainFixes {
    pub fn is_empty(&self) -> bool {
        self.edits.is_empty()
    }
}

/// Do two edits conflict? Overlapping ranges, or two insertions at one offset.
fn conflicts(a: &Edit, b: &Edit) -> bool {
    if a.span.is_empty() && b.span.is_empty() {
        return a.span.start == b.span.start;
    }
    a.span.start < b.span.end && b.span.start < a.span.end
}

/// The first certain fix of `f`, if it has one.
fn preferred(f: &Finding) -> Option<&Fix> {
    f.fixes.iter().find(|x| x.preferred && !x.edits.is_empty())
}

/// Every certain fix of `findings` that fits with the others (see the module
/// documentation for the order and the conflicts), as edits sorted by position.
pub fn certain_fixes(findings: &[Finding]) -> CertainFixes {
    let mut candidates: Vec<(&Finding, &Fix)> = findings
        .iter()
        .filter_map(|f| preferred(f).map(|fix| (f, fix)))
        .collect();
    let start = |fix: &Fix| {
        fix.edits
            .iter()
            .map(|e| (e.span.start, e.span.end))
            .min()
            .unwrap_or_default()
    };
    candidates.sort_by(|(fa, a), (fb, b)| {
        start(a)
            .cmp(&start(b))
            .then_with(|| fa.code.cmp(fb.code))
            .then_with(|| fa.message.cmp(&fb.message))
    });
    let mut taken: Vec<Edit> = Vec::new();
    let mut fixed = 0;
    for (_, fix) in candidates {
        // A fix applies whole or not at all; its own edits must fit together too.
        let mut new: Vec<&Edit> = Vec::new();
        let fits = fix.edits.iter().all(|e| {
            if taken.contains(e) || new.contains(&e) {
                return true;
            }
            let ok = !taken.iter().any(|t| conflicts(t, e)) && !new.iter().any(|t| conflicts(t, e));
            if ok {
                new.push(e);
            }
            ok
        });
        if fits {
            taken.extend(new.into_iter().cloned());
            fixed += 1;
        }
    }
    taken.sort_by_key(|e| (e.span.start, e.span.end));
    CertainFixes {
        edits: taken,
        fixed,
    }
}

/// The dominant line break of `text` (`\r\n`, `\r` or `\n`), for edits that bring their
/// own: a fix written with `\n` keeps a CRLF file CRLF.
fn line_break(text: &str) -> &'static str {
    let crlf = text.matches("\r\n").count();
    let cr = text.matches('\r').count() - crlf;
    let lf = text.matches('\n').count() - crlf;
    if crlf > lf && crlf >= cr {
        "\r\n"
    } else if cr > lf {
        "\r"
    } else {
        "\n"
    }
}

/// `replacement` with its `\n` line breaks written as `eol`.
fn with_line_breaks(replacement: &str, eol: &str) -> String {
    if eol == "\n" || !replacement.contains('\n') || replacement.contains('\r') {
        return replacement.to_string();
    }
    replacement.replace('\n', eol)
}

/// `text` with `edits` applied. The edits must be sorted and not overlap (as
/// [`certain_fixes`] gives them) and lie on character boundaries of `text`; an edit that
/// does not is skipped rather than a panic. Line breaks inside replacements follow the
/// text's own (`\r\n` files stay `\r\n`); every byte outside the edits is kept.
pub fn apply(text: &str, edits: &[Edit]) -> String {
    let eol = line_break(text);
    let mut out = String::with_capacity(text.len() + 64);
    let mut at = 0;
    for e in edits {
        let (s, end) = (e.span.start, e.span.end);
        if s < at
            || end < s
            || end > text.len()
            || !text.is_char_boundary(s)
            || !text.is_char_boundary(end)
        {
            continue;
        }
        out.push_str(&text[at..s]);
        out.push_str(&with_line_breaks(&e.replacement, eol));
        at = end;
    }
    out.push_str(&text[at..]);
    out
}

/// One analyse-and-fix pass of [`fix_text`]: the text it started from and the edits it
/// applied to it.
#[derive(Clone, Debug)]
pub struct Pass {
    pub before: String,
    pub edits: Vec<Edit>,
}

/// What [`fix_text`] did.
#[derive(Debug)]
pub struct Fixed {
    /// The text with every certain fix applied.
    pub text: String,
    /// Findings fixed, over all passes.
    pub fixed: usize,
    /// The passes that changed something, in order.
    pub passes: Vec<Pass>,
    /// The analysis of [`Fixed::text`]: what remains.
    pub remaining: Analysis,
}

impl Fixed {
    pub fn changed(&self) -> bool {
        !self.passes.is_empty()
    }
}

/// Fix every certain finding of `text`: analyse, apply [`certain_fixes`], and again on
/// the result until no certain fix is left or [`MAX_PASSES`] passes have run (a pass that
/// would return to an earlier text stops too: two rules undoing each other).
pub fn fix_text(text: &str, format: Format, config: &Config) -> Fixed {
    let mut current = text.to_string();
    let mut passes = Vec::new();
    let mut fixed = 0;
    let mut analysis = analyze(&current, format, config);
    for _ in 0..MAX_PASSES {
        let fixes = certain_fixes(&analysis.findings);
        if fixes.is_empty() {
            break;
        }
        let next = apply(&current, &fixes.edits);
        if next == current || passes.iter().any(|p: &Pass| p.before == next) {
            break;
        }
        fixed += fixes.fixed;
        passes.push(Pass {
            before: std::mem::replace(&mut current, next),
            edits: fixes.edits,
        });
        analysis = analyze(&current, format, config);
    }
    Fixed {
        text: current,
        fixed,
        passes,
        remaining: analysis,
    }
}

/// Replace the file at `path` with `bytes` atomically: write a temporary file in the same
/// folder, flush it to disk, give it the original's permissions, and rename it over the
/// original. A reader sees the old file or the new one, never half of one; on any error
/// the original is untouched.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let permissions = std::fs::metadata(path).ok().map(|m| m.permissions());
    let mut tmp = tempfile::Builder::new()
        .prefix(".copydesk-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    if let Some(p) = permissions {
        tmp.as_file().set_permissions(p)?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::{Finding, Fix, RuleMeta, Severity};
    use crate::span::Span;

    static META: RuleMeta = RuleMeta {
        code: "test/rule",
        default_severity: Severity::Warning,
        summary: "",
        docs: "",
    };

    fn finding(span: (usize, usize), fix: Option<Fix>) -> Finding {
        let mut f = Finding::new(&META, Span::new(span.0, span.1), "m");
        f.fixes.extend(fix);
        f
    }

    fn edit(s: usize, e: usize, r: &str) -> Edit {
        Edit {
            span: Span::new(s, e),
            replacement: r.into(),
        }
    }

    #[test]
    fn takes_preferred_fixes_only_and_skips_overlaps() {
        let fs = vec![
            finding((4, 8), Some(Fix::replace("b", Span::new(4, 8), "B"))),
            finding((0, 3), Some(Fix::replace("a", Span::new(0, 3), "A"))),
            // overlaps the first taken (4..8)
            finding((6, 10), Some(Fix::replace("c", Span::new(6, 10), "C"))),
            // not certain
            finding(
                (12, 13),
                Some(Fix::replace("d", Span::new(12, 13), "D").not_preferred()),
            ),
            finding((14, 15), None),
        ];
        let got = certain_fixes(&fs);
        assert_eq!(got.edits, vec![edit(0, 3, "A"), edit(4, 8, "B")]);
        assert_eq!(got.fixed, 2);
        // The same whatever order the findings come in.
        let mut rev = fs.clone();
        rev.reverse();
        assert_eq!(certain_fixes(&rev), got);
    }

    #[test]
    fn two_insertions_at_one_offset_conflict_but_identical_edits_merge() {
        let ins = |at, r: &str| finding((at, at), Some(Fix::replace("i", Span::new(at, at), r)));
        let got = certain_fixes(&[ins(5, "x"), ins(5, "y")]);
        assert_eq!(got.edits, vec![edit(5, 5, "x")]);
        let got = certain_fixes(&[ins(5, "x"), ins(5, "x")]);
        assert_eq!((got.edits.len(), got.fixed), (1, 2));
        // An insertion at a replacement's end fits.
        let rep = finding((2, 5), Some(Fix::replace("r", Span::new(2, 5), "R")));
        assert_eq!(certain_fixes(&[rep, ins(5, "!")]).edits.len(), 2);
    }

    #[test]
    fn a_fix_applies_whole_or_not_at_all() {
        let two = Fix {
            title: "two".into(),
            edits: vec![edit(0, 1, "a"), edit(8, 9, "b")],
            preferred: true,
        };
        let blocker = finding((7, 10), Some(Fix::replace("x", Span::new(7, 10), "X")));
        // The blocker starts later but the two-edit fix's second edit overlaps it: the
        // two-edit fix (first by position) is taken, the blocker is not.
        let got = certain_fixes(&[blocker, finding((0, 1), Some(two))]);
        assert_eq!(got.edits, vec![edit(0, 1, "a"), edit(8, 9, "b")]);
    }

    #[test]
    fn apply_keeps_every_other_byte_and_the_line_breaks() {
        let text = "“Curly” — 粮食 🚢\r\nnext\r\n";
        let at = text.find("粮食").unwrap();
        let out = apply(text, &[edit(at, at + "粮食".len(), "grain\nline")]);
        assert_eq!(out, "“Curly” — grain\r\nline 🚢\r\nnext\r\n");
        // Not on a character boundary: skipped, never a panic.
        assert_eq!(apply(text, &[edit(1, 2, "x")]), text);
        assert_eq!(apply("a\nb", &[edit(1, 1, "\n")]), "a\n\nb");
    }

    #[test]
    fn write_atomic_replaces_the_file_and_keeps_its_permissions() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("story.txt");
        std::fs::write(&p, "old").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o640)).unwrap();
        }
        write_atomic(&p, "new “text”".as_bytes()).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "new “text”");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&p).unwrap().permissions().mode() & 0o777;
            assert_eq!(mode, 0o640);
        }
        let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(left.len(), 1, "no temporary file left behind");
        assert!(write_atomic(&dir.path().join("missing/x.txt"), b"x").is_err());
    }
}
