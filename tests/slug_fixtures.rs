//! `slug/word-count` on invented day files (`tests/fixtures/slug/`): each `NAME.txt` has
//! `NAME.txt.expect` beside it, one expected finding a line, `code «text» line`
//! (1-based); the test asks for exactly those `slug/` findings, and that each fix makes
//! the slug agree with the body.

use std::path::Path;

use copydesk::analysis::analyze;
use copydesk::article::Format;
use copydesk::config::Config;

fn slug_findings(text: &str) -> Vec<(String, String, usize)> {
    analyze(text, Format::Plain, &Config::default())
        .findings
        .into_iter()
        .filter(|f| f.code.starts_with("slug/"))
        .map(|f| {
            (
                f.code.to_string(),
                f.span.text(text).to_string(),
                1 + text[..f.span.start].matches('\n').count(),
            )
        })
        .collect()
}

#[test]
fn slug_fixtures_raise_exactly_their_findings_and_fixes_settle_them() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/slug");
    let mut n = 0;
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_none_or(|x| x != "txt") {
            continue;
        }
        n += 1;
        let text = std::fs::read_to_string(&p).unwrap();
        let expect = std::fs::read_to_string(p.with_extension("txt.expect")).unwrap();
        let want: Vec<(String, String, usize)> = expect
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let (code, rest) = l.split_once(" «").unwrap();
                let (t, line) = rest.split_once("» ").unwrap();
                (code.into(), t.into(), line.trim().parse().unwrap())
            })
            .collect();
        assert_eq!(slug_findings(&text), want, "{}", p.display());
        // Every fix applied: no slug finding is left.
        let a = analyze(&text, Format::Plain, &Config::default());
        let edits: Vec<_> = a
            .findings
            .iter()
            .filter(|f| f.code.starts_with("slug/"))
            .flat_map(|f| f.fixes[0].edits.clone())
            .collect();
        let fixed = copydesk::fix::apply(&text, &edits);
        assert_eq!(slug_findings(&fixed), [], "{}", p.display());
    }
    assert!(n >= 1, "no fixture in {}", dir.display());
}
