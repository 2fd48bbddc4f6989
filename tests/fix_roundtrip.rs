//! `check --fix` round-trips: fixing a story and checking it again raises no finding with
//! a certain (preferred) fix, and no byte outside the fixes' edits changes — over every
//! fixture, and (opt-in, `COPYDESK_CORPORA=/work/shared/corpus`) over every real story.
//! Also the CLI's `--fix` (atomic, in place, CRLF kept) and `--diff` (unified diff, nothing
//! written) and their exit status.

use std::path::{Path, PathBuf};
use std::process::Command;

use copydesk::article::Format;
use copydesk::config::Config;
use copydesk::finding::Edit;
use copydesk::fix::{certain_fixes, fix_text, Pass};

/// Every byte of `before` outside `edits` is in `after`, in order, and between them stand
/// exactly the edits' replacements (line breaks written the file's way): derived from the
/// edit list alone, not through `fix::apply`.
fn only_the_edits_changed(before: &str, edits: &[Edit], after: &str) -> Result<(), String> {
    let mut at = 0; // in before
    let mut out = 0; // in after
    for e in edits {
        let gap = &before[at..e.span.start];
        if !after[out..].starts_with(gap) {
            return Err(format!(
                "bytes {at}..{} outside the edits changed: {:?} became {:?}",
                e.span.start,
                gap,
                &after[out..(out + gap.len()).min(after.len())]
            ));
        }
        out += gap.len();
        let crlf = e.replacement.replace('\n', "\r\n");
        let cr = e.replacement.replace('\n', "\r");
        let written = [e.replacement.as_str(), crlf.as_str(), cr.as_str()]
            .into_iter()
            .find(|r| after[out..].starts_with(r))
            .ok_or_else(|| format!("edit {e:?} not found at byte {out} of the fixed text"))?;
        out += written.len();
        at = e.span.end;
    }
    if after[out..] != before[at..] {
        return Err(format!(
            "the text after the last edit (from byte {at}) changed"
        ));
    }
    Ok(())
}

/// Fix `text`; check the round trip. Returns the number of findings fixed.
fn round_trip(name: &str, text: &str, format: Format, config: &Config) -> usize {
    let fixed = fix_text(text, format, config);
    let mut current = text;
    for (i, Pass { before, edits }) in fixed.passes.iter().enumerate() {
        assert_eq!(
            before, current,
            "{name}: pass {i} did not start where the last ended"
        );
        let after = fixed
            .passes
            .get(i + 1)
            .map_or(fixed.text.as_str(), |p| p.before.as_str());
        if let Err(e) = only_the_edits_changed(before, edits, after) {
            panic!("{name}: pass {i}: {e}");
        }
        current = after;
    }
    let left = certain_fixes(&fixed.remaining.findings);
    let left_codes: Vec<_> = fixed
        .remaining
        .findings
        .iter()
        .filter(|f| f.fixes.iter().any(|x| x.preferred))
        .map(|f| f.code)
        .collect();
    assert!(
        left.is_empty(),
        "{name}: findings with a certain fix remain after --fix ({} passes): {left_codes:?}",
        fixed.passes.len()
    );
    // No new kind of line break appears.
    if !text.contains('\r') {
        assert!(!fixed.text.contains('\r'), "{name}: a \\r appeared");
    }
    fixed.fixed
}

fn files_under(dir: &Path, exts: &[&str]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p
                .extension()
                .and_then(|x| x.to_str())
                .is_some_and(|x| exts.contains(&x))
            {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn fixtures_round_trip() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = files_under(&root.join("tests/fixtures"), &["txt", "md"]);
    files.extend(files_under(&root.join("tests/editors/fixtures"), &["txt"]));
    assert!(files.len() > 15, "fixtures not found");
    let mut total = 0;
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap();
        let format = Format::from_path(&f.to_string_lossy());
        for style in ["auto", "ap", "reuters", "xinhua"] {
            let config = if style == "auto" {
                Config::default()
            } else {
                Config::from_toml(&format!("style = \"{style}\"\n")).unwrap()
            };
            let name = format!("{} ({style})", f.display());
            total += round_trip(&name, &text, format, &config);
            // The same story with CRLF line breaks fixes the same way and stays CRLF.
            let crlf = text.replace('\n', "\r\n");
            let fixed = fix_text(&crlf, format, &config);
            assert!(
                !fixed.text.replace("\r\n", "").contains('\n'),
                "{name}: a bare \\n in a CRLF file after --fix"
            );
        }
    }
    assert!(
        total > 0,
        "no fixture had a certain fix: the test proves nothing"
    );
}

#[test]
fn corpora_round_trip_opt_in() {
    let Some(corpora) = std::env::var_os("COPYDESK_CORPORA") else {
        eprintln!("COPYDESK_CORPORA not set: skipped");
        return;
    };
    let files = files_under(Path::new(&corpora), &["txt"]);
    assert!(!files.is_empty(), "no stories under {corpora:?}");
    let config = Config::default();
    let mut fixed = 0;
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        fixed += round_trip(&f.display().to_string(), &text, Format::Plain, &config);
    }
    eprintln!("{} stories, {fixed} findings fixed", files.len());
}

fn copydesk() -> Command {
    Command::new(env!("CARGO_BIN_EXE_copydesk"))
}

/// A story with an unclosed quotation (its fix: the closing mark) and CRLF line breaks.
const STORY: &str = "Grain deal signed in Beijing\r\n\r\nBEIJING, Sept. 19 (Xinhua) -- China and Brazil signed a grain deal on Tuesday.\r\n\r\nA Brazilian official said “the first cargoes will leave Santos in October.\r\n\r\nThe agreement covers soybeans and corn.\r\n";

#[test]
fn check_fix_writes_in_place_and_diff_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("story.txt");
    std::fs::write(&p, STORY).unwrap();

    // --diff: a unified diff on stdout, the file untouched.
    let out = copydesk()
        .args(["check", "--diff"])
        .arg(&p)
        .output()
        .unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stdout.contains("--- a/") && stdout.contains("+++ b/"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "-A Brazilian official said “the first cargoes will leave Santos in October.\r\n"
        ) && stdout.contains(
            "+A Brazilian official said “the first cargoes will leave Santos in October.”\r\n"
        ),
        "diff:\n{stdout}"
    );
    assert!(stderr.contains("would fix 1 finding in 1 file"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(&p).unwrap(),
        STORY,
        "--diff wrote the file"
    );
    // quotes/unclosed is an error: it would be fixed, so the exit status is clean.
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    // Without --diff the same file fails on it.
    let plain = copydesk().arg("check").arg(&p).output().unwrap();
    assert_eq!(plain.status.code(), Some(1));

    // --fix: written in place, CRLF kept, nothing else changed, nothing left behind.
    let out = copydesk()
        .args(["check", "--fix"])
        .arg(&p)
        .output()
        .unwrap();
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("fixed 1 finding in 1 file"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let want = STORY.replace("in October.\r\n", "in October.”\r\n");
    assert_eq!(std::fs::read_to_string(&p).unwrap(), want);
    assert_eq!(
        std::fs::read_dir(dir.path()).unwrap().count(),
        1,
        "a temporary file was left"
    );

    // Fixed files check clean; a second --fix changes nothing and says nothing of fixes.
    let again = copydesk()
        .args(["check", "--fix"])
        .arg(&p)
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&again.stderr).contains("fixed"));
    assert_eq!(std::fs::read_to_string(&p).unwrap(), want);

    // Standard input: the fixed text on stdout.
    let mut child = copydesk()
        .args(["check", "--fix", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(STORY.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), want);
    assert_eq!(out.status.code(), Some(0));

    // --fix and --diff together: a usage error.
    let both = copydesk()
        .args(["check", "--fix", "--diff"])
        .arg(&p)
        .output()
        .unwrap();
    assert_eq!(both.status.code(), Some(2));
}
