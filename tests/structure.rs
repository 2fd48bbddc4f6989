//! The article structure on copy as it arrives (issue 13): fixture articles under
//! `tests/fixtures/structure/` with their findings and what the parser saw snapshotted
//! beside them, and web-residue variants of every fixture, every sample and (with
//! `COPYDESK_CORPORA` set) every real corpus story, each of which must raise exactly what
//! the clean story raises.

use std::fmt::Write;
use std::path::{Path, PathBuf};

use copydesk::analysis::analyze;
use copydesk::article::{DatelineRead, Format};
use copydesk::config::Config;
use copydesk::outline::render_structure;
use copydesk::text::Document;

#[path = "support/render.rs"]
mod render;

fn articles(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("txt" | "md")))
        .filter(|p| p.file_name().is_some_and(|n| n != "README.md"))
        .collect();
    v.sort();
    v
}

fn root(dir: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(dir)
}

fn format_of(path: &Path) -> Format {
    Format::from_path(&path.to_string_lossy())
}

/// Findings, one a line (`line:col-line:col severity code «text» message`), then the
/// structure as `copydesk outline` prints it.
fn render(text: &str, path: &Path) -> String {
    let a = analyze(text, format_of(path), &Config::default());
    let doc = Document::new(text, 0);
    let mut out = String::new();
    for f in &a.findings {
        writeln!(out, "{}", render::finding_line(&doc, text, f)).unwrap();
    }
    if out.is_empty() {
        out.push_str("(no findings)\n");
    }
    out.push_str("\n-- structure --\n");
    out.push_str(&render_structure(text, &a.article));
    out.push_str("\n-- outline --\n");
    for s in &a.outline {
        writeln!(out, "{:?} {:?}", s.kind, s.name).unwrap();
        for c in &s.children {
            writeln!(out, "  {:?} {:?} {:?}", c.kind, c.name, c.detail).unwrap();
        }
    }
    out
}

#[test]
fn structure_fixtures() {
    let dir = root("tests/fixtures/structure");
    let paths = articles(&dir);
    assert!(paths.len() >= 10, "fixtures missing in {}", dir.display());
    for path in paths {
        let text = std::fs::read_to_string(&path).unwrap();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        insta::with_settings!({
            snapshot_path => &dir,
            prepend_module_to_snapshot => false,
            snapshot_suffix => "",
            input_file => &path,
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name, render(&text, &path));
        });
    }
}

/// Each finding as (code, severity, start, end, message), with the positions at or after
/// `at` moved back by `shift` (the residue inserted there).
type Key = (&'static str, &'static str, usize, usize, String);

fn keys(text: &str, format: Format, at: usize, shift: usize) -> Vec<Key> {
    let a = analyze(text, format, &Config::default());
    let back = |p: usize| if p >= at + shift { p - shift } else { p };
    let mut v: Vec<Key> = a
        .findings
        .iter()
        .map(|f| {
            (
                f.code,
                f.severity.as_str(),
                back(f.span.start),
                back(f.span.end),
                without_line_numbers(&f.message),
            )
        })
        .collect();
    v.sort();
    v
}

/// Messages name lines (`introduced on line 9`), which residue moves: compare without.
fn without_line_numbers(m: &str) -> String {
    let mut out = String::with_capacity(m.len());
    let mut rest = m;
    while let Some(i) = rest.find("line ") {
        out.push_str(&rest[..i + 5]);
        rest = rest[i + 5..].trim_start_matches(|c: char| c.is_ascii_digit());
        out.push('N');
    }
    out.push_str(rest);
    out
}

const RESIDUE_BEFORE: &str =
    "Video Player\nClose\nShare | Print | Email\nFont size: A A A\n48213377120\n\n";
const RESIDUE_AFTER_HEADLINE: &str =
    "\nEditor: Web Desk\nVideo Player\n\nA view of the harbor at dawn. (Example News/Staff)\nPhoto: Staff";
const TRAILERS: &str = "\n\n(Reporting by Ann Lee; Editing by Bo Chan)\n\nKEY WORDS: trade, harbor\nEXPLORE EXAMPLE NEWS\n\nEDITOR'S CHOICE\n\nRelated stories:\nHarbor reopens after storm\nRail freight rises in May\n\n© 2024 Example News. All rights reserved.\n";

struct Story {
    name: String,
    text: String,
    format: Format,
}

/// What a variant raised that the clean story did not, and the other way round.
fn differ(what: &str, name: &str, clean: &[Key], got: &[Key]) -> Option<String> {
    (clean != got).then(|| {
        let extra: Vec<&Key> = got.iter().filter(|k| !clean.contains(k)).collect();
        let lost: Vec<&Key> = clean.iter().filter(|k| !got.contains(k)).collect();
        format!("{name} ({what}): raised {extra:?}, lost {lost:?}")
    })
}

/// Every residue variant of every story; returns the stories whose variant differs.
fn check_variants(stories: &[Story]) -> (usize, Vec<String>) {
    let mut failures = Vec::new();
    let mut checked = 0;
    let clean: Vec<Vec<Key>> = stories
        .iter()
        .map(|s| keys(&s.text, s.format, 0, 0))
        .collect();
    for (i, s) in stories.iter().enumerate() {
        let front_matter = s.text.starts_with("---") || s.text.starts_with("+++");
        // Residue before the headline.
        if !front_matter {
            let v = format!("{RESIDUE_BEFORE}{}", s.text);
            let got = keys(&v, s.format, 0, RESIDUE_BEFORE.len());
            failures.extend(differ("residue before", &s.name, &clean[i], &got));
            checked += 1;
        }
        // Residue glued under the headline, before the lede.
        let a = analyze(&s.text, s.format, &Config::default());
        if let Some(h) = &a.article.headline {
            let first_line_end = s.text.find('\n').unwrap_or(s.text.len());
            if !front_matter && h.span.end == first_line_end && a.article.metadata.is_empty() {
                let v = format!(
                    "{}{RESIDUE_AFTER_HEADLINE}{}",
                    &s.text[..first_line_end],
                    &s.text[first_line_end..]
                );
                let got = keys(&v, s.format, first_line_end, RESIDUE_AFTER_HEADLINE.len());
                failures.extend(differ("residue after headline", &s.name, &clean[i], &got));
                checked += 1;
            }
        }
        // Trailers and page furniture after the story.
        let v = format!("{}{TRAILERS}", s.text.trim_end());
        let got = keys(&v, s.format, usize::MAX / 2, 0);
        failures.extend(differ("trailers", &s.name, &clean[i], &got));
        checked += 1;
        // Two stories in one file, split by an end mark: each raises what it raises alone.
        if let Some(next) = stories.get(i + 1) {
            let b = analyze(&next.text, next.format, &Config::default());
            let readable = !matches!(b.article.dateline_read, Some(DatelineRead::None) | None);
            if readable && !next.text.starts_with("---") && !next.text.starts_with("+++") {
                let head = format!("{}\n\n-30-\n\n", s.text.trim_end());
                let v = format!("{head}{}", next.text);
                let got = keys(&v, s.format, 0, 0);
                let mut want = keys(&s.text, s.format, 0, 0);
                want.extend(clean[i + 1].iter().map(|(c, sev, a, b, m)| {
                    (*c, *sev, a + head.len(), b + head.len(), m.clone())
                }));
                want.sort();
                failures.extend(differ("two stories", &s.name, &want, &got));
                checked += 1;
            }
        }
    }
    (checked, failures)
}

fn stories_in(dir: &Path) -> Vec<Story> {
    articles(dir)
        .into_iter()
        .filter_map(|p| {
            let text = std::fs::read_to_string(&p).ok()?;
            Some(Story {
                name: p.display().to_string(),
                format: format_of(&p),
                text,
            })
        })
        .collect()
}

#[test]
fn residue_variants_of_fixtures_and_samples_raise_what_the_story_raises() {
    let mut stories = stories_in(&root("tests/fixtures/structure"));
    stories.extend(stories_in(&root("samples")));
    let (checked, failures) = check_variants(&stories);
    assert!(checked >= 40, "only {checked} variants");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The same over every real story, when the corpora are there (`COPYDESK_CORPORA`); the
/// stories are read in place, never copied.
#[test]
fn residue_variants_of_real_copy_raise_what_the_story_raises() {
    let Some(corpora) = std::env::var_os("COPYDESK_CORPORA") else {
        eprintln!("COPYDESK_CORPORA not set: skipped");
        return;
    };
    let mut total = 0;
    let mut all_failures = Vec::new();
    for corpus in ["reuters-1987", "agnews-2004", "ner-dev"] {
        let dir = Path::new(&corpora).join(corpus);
        if !dir.is_dir() {
            continue;
        }
        let stories = stories_in(&dir);
        let (checked, failures) = check_variants(&stories);
        eprintln!(
            "{corpus}: {} stories, {checked} variants, {} differ",
            stories.len(),
            failures.len()
        );
        total += checked;
        all_failures.extend(failures);
    }
    assert!(total > 0, "no corpus under {corpora:?}");
    assert!(
        all_failures.is_empty(),
        "{} variants differ:\n{}",
        all_failures.len(),
        all_failures
            .iter()
            .take(40)
            .cloned()
            .collect::<Vec<_>>()
            .join("\n")
    );
}
