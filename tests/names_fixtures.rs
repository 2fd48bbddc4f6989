//! The `names/` rules on invented articles that hold each class of real-copy false alarm
//! (`tests/fixtures/names/`): photo captions, relatives who share a surname (one of them in
//! no name list), a suffix, a full name quoted, modifying a noun or signing a statement
//! off, companies and studies named like people, a surname inside an organization's name,
//! and copy that must still be flagged.
//!
//! Each `NAME.txt` has `NAME.txt.expect` beside it: one expected finding a line, `code
//! «text» line` (1-based). The test asks for exactly those findings and reports precision
//! and recall per rule over all fixtures (held at ≥ 0.95).

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use copydesk::analysis::analyze;
use copydesk::article::Format;
use copydesk::config::Config;

type Item = (String, String, String, usize);

fn line_of(text: &str, offset: usize) -> usize {
    1 + text[..offset].matches('\n').count()
}

#[test]
fn names_fixtures_raise_exactly_their_findings() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/names");
    let mut paths: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 5, "fixtures missing in {}", dir.display());
    let mut expected: BTreeSet<Item> = BTreeSet::new();
    let mut got: BTreeSet<Item> = BTreeSet::new();
    for p in &paths {
        let name = p.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(p).unwrap();
        let exp = std::fs::read_to_string(p.with_extension("txt.expect")).unwrap();
        for l in exp.lines().filter(|l| !l.trim().is_empty()) {
            let (code, rest) = l.split_once(" «").expect("code «text» line");
            let (t, line) = rest.split_once("» ").expect("code «text» line");
            expected.insert((
                name.clone(),
                code.into(),
                t.into(),
                line.trim().parse().unwrap(),
            ));
        }
        for f in analyze(&text, Format::Plain, &Config::default()).findings {
            if f.code.starts_with("names/") {
                got.insert((
                    name.clone(),
                    f.code.into(),
                    f.span.text(&text).into(),
                    line_of(&text, f.span.start),
                ));
            }
        }
    }
    // Per rule: (true positives, found, expected).
    let mut per: BTreeMap<String, (usize, usize, usize)> = BTreeMap::new();
    for i in &got {
        let e = per.entry(i.1.clone()).or_default();
        e.1 += 1;
        if expected.contains(i) {
            e.0 += 1;
        }
    }
    for i in &expected {
        per.entry(i.1.clone()).or_default().2 += 1;
    }
    for (code, (tp, found, exp)) in &per {
        let p = if *found == 0 {
            1.0
        } else {
            *tp as f64 / *found as f64
        };
        let r = if *exp == 0 {
            1.0
        } else {
            *tp as f64 / *exp as f64
        };
        eprintln!("{code}: precision {p:.3} recall {r:.3} ({tp}/{found} found, {exp} expected)");
        assert!(
            p >= 0.95 && r >= 0.95,
            "{code}: precision {p:.3}, recall {r:.3}"
        );
    }
    let missing: Vec<_> = expected.difference(&got).collect();
    let extra: Vec<_> = got.difference(&expected).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "missing {missing:#?}\nunexpected {extra:#?}"
    );
}
