//! Fixture articles with their expected findings kept beside them (insta snapshots).
//!
//! `tests/fixtures/broken/NAME` has `tests/fixtures/broken/NAME.snap` next to it; the
//! samples shipped in `samples/` must raise nothing at all, and their outline is
//! snapshotted. Review changes with `cargo insta review` (or `INSTA_UPDATE=always`).

use std::fmt::Write;
use std::path::{Path, PathBuf};

use copydesk::analysis::analyze;
use copydesk::article::Format;
use copydesk::config::Config;
use copydesk::outline::Symbol;
use copydesk::text::{Document, Encoding};

#[path = "support/render.rs"]
mod render;

fn articles(dir: &str) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut v: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap_or_else(|e| panic!("{}: {e}", root.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")))
        .collect();
    v.sort();
    assert!(!v.is_empty(), "no articles in {dir}");
    v
}

/// One line per finding: `line:col-line:col severity code «text» message`, then its fixes
/// with the text they produce. Columns are 1-based and count characters.
fn render_findings(text: &str, path: &Path) -> String {
    let a = analyze(
        text,
        Format::from_path(&path.to_string_lossy()),
        &Config::default(),
    );
    let doc = Document::new(text, 0);
    let mut out = String::new();
    for f in &a.findings {
        writeln!(out, "{}", render::finding_line(&doc, text, f)).unwrap();
        for fix in &f.fixes {
            let mut fixed = text.to_string();
            let mut edits = fix.edits.clone();
            edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
            for e in &edits {
                fixed.replace_range(e.span.start..e.span.end, &e.replacement);
            }
            let line = doc.position(f.span.start, Encoding::Utf32).line as usize;
            let after = fixed.lines().nth(line).unwrap_or("");
            writeln!(
                out,
                "    fix{}: {} => {}",
                if fix.preferred { " (preferred)" } else { "" },
                fix.title,
                after
            )
            .unwrap();
        }
    }
    if out.is_empty() {
        out.push_str("(no findings)\n");
    }
    out
}

fn render_outline(text: &str, syms: &[Symbol], depth: usize, out: &mut String) {
    for s in syms {
        let first_line = s.span.text(text).lines().next().unwrap_or("");
        writeln!(
            out,
            "{}{:?} {:?} [{}..{}] «{}»",
            "  ".repeat(depth),
            s.kind,
            s.name,
            s.span.start,
            s.span.end,
            first_line.chars().take(40).collect::<String>()
        )
        .unwrap();
        render_outline(text, &s.children, depth + 1, out);
    }
}

#[test]
fn broken_fixtures_raise_their_findings() {
    for path in articles("tests/fixtures/broken") {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        insta::with_settings!({
            snapshot_path => path.parent().unwrap(),
            prepend_module_to_snapshot => false,
            snapshot_suffix => "",
            input_file => &path,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name, render_findings(&text, &path));
        });
    }
}

#[test]
fn samples_are_clean() {
    for path in articles("samples") {
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            render_findings(&text, &path),
            "(no findings)\n",
            "{} should be clean copy",
            path.display()
        );
    }
}

#[test]
fn sample_outlines() {
    for path in articles("samples") {
        let text = std::fs::read_to_string(&path).unwrap();
        let a = analyze(
            &text,
            Format::from_path(&path.to_string_lossy()),
            &Config::default(),
        );
        let mut out = String::new();
        render_outline(&text, &a.outline, 0, &mut out);
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        insta::with_settings!({
            prepend_module_to_snapshot => false,
            input_file => &path,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(format!("outline-{name}"), out);
        });
    }
}
