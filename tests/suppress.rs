//! `copydesk-ignore` markers: parsing, suppression, `suppress/unused`, and the quick fix.

use copydesk::article::{ParagraphKind, SuppressionScope};
use copydesk::config::Config;
use copydesk::rules::suppress::marker_fix;
use copydesk::rules::{Finding, Fix, Severity};
use copydesk::{analyze, Format};

fn codes(text: &str, format: Format, config: &Config) -> Vec<&'static str> {
    analyze(text, format, config)
        .findings
        .iter()
        .map(|f| f.code)
        .collect()
}

fn apply(text: &str, fix: &Fix) -> String {
    let mut out = text.to_string();
    let mut edits = fix.edits.clone();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    for e in edits {
        out.replace_range(e.span.start..e.span.end, &e.replacement);
    }
    out
}

fn only<'a>(findings: &'a [Finding], code: &str) -> &'a Finding {
    let v: Vec<&Finding> = findings.iter().filter(|f| f.code == code).collect();
    assert_eq!(v.len(), 1, "expected one {code}: {findings:#?}");
    v[0]
}

/// An invented story: the second paragraph leaves a quotation open.
const STORY: &str = "\
Harbor town 🐟 votes to keep its ferry

PORT ELLIS, Maine (AP) — Voters in Port Ellis chose on Tuesday to keep the island ferry — 東京 visitors included — running all winter.

“We cannot leave the island cut off, the harbor master, Ines Okafor, told the meeting.

Officials said the vote was close.
";

#[test]
fn the_story_has_an_unclosed_quote() {
    assert_eq!(
        codes(STORY, Format::Plain, &Config::default()),
        ["quotes/unclosed"]
    );
}

#[test]
fn marker_lines_are_not_article_content() {
    let marked = STORY
        .replace("“We cannot", "copydesk-ignore: quotes/unclosed\n“We cannot")
        .replace(
            "PORT ELLIS",
            "copydesk-ignore-file: dateline/*\n\nPORT ELLIS",
        );
    let plain = analyze(STORY, Format::Plain, &Config::default()).article;
    let a = analyze(&marked, Format::Plain, &Config::default()).article;
    assert_eq!(a.paragraphs.len(), plain.paragraphs.len());
    assert!(a.sections.is_empty());
    for p in &a.paragraphs {
        assert!(!p.span.text(&marked).contains("copydesk-ignore"), "{p:?}");
    }
    let lede = a.lede().expect("lede");
    assert_eq!(lede.kind, ParagraphKind::Lede);
    assert!(lede.span.text(&marked).starts_with("PORT ELLIS"));
    assert!(a.dateline().is_some(), "the dateline is still read");
    assert_eq!(
        a.headline.as_ref().map(|h| h.text.text(&marked)),
        Some("Harbor town 🐟 votes to keep its ferry")
    );
    assert_eq!(a.suppressions.len(), 2);
    assert_eq!(a.suppressions[0].scope, SuppressionScope::File);
    match a.suppressions[1].scope {
        SuppressionScope::Block(Some(s)) => {
            assert!(s.text(&marked).starts_with("“We cannot"));
            assert!(s.text(&marked).ends_with("meeting."));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_marker_in_the_middle_of_a_paragraph_splits_it_and_covers_the_rest() {
    let text = "\
PORT ELLIS, Maine (AP) — The ferry runs.
copydesk-ignore: quotes/unclosed
“It stays, the mayor said.

Next paragraph.
";
    let a = analyze(text, Format::Plain, &Config::default());
    assert_eq!(a.article.paragraphs.len(), 3);
    assert!(a.findings.is_empty(), "{:#?}", a.findings);
}

#[test]
fn a_paragraph_marker_suppresses_only_the_next_paragraph() {
    let marked = STORY.replace("“We cannot", "copydesk-ignore: quotes/unclosed\n“We cannot");
    assert!(codes(&marked, Format::Plain, &Config::default()).is_empty());

    // A marker above another paragraph does not reach the quotation: it is unused.
    let elsewhere = STORY.replace(
        "Officials said",
        "copydesk-ignore: quotes/unclosed\nOfficials said",
    );
    assert_eq!(
        codes(&elsewhere, Format::Plain, &Config::default()),
        ["quotes/unclosed", "suppress/unused"]
    );
}

#[test]
fn families_star_and_file_markers() {
    for marker in [
        "copydesk-ignore: quotes/*\n",
        "copydesk-ignore: *\n",
        "copydesk-ignore: dateline/missing, quotes/unclosed\n",
    ] {
        let marked = STORY.replace("“We cannot", &format!("{marker}“We cannot"));
        let got = codes(&marked, Format::Plain, &Config::default());
        if marker.contains("dateline/missing") {
            // dateline/missing finds nothing below: only that code is unused.
            assert_eq!(got, ["suppress/unused"], "{marker}");
        } else {
            assert!(got.is_empty(), "{marker}: {got:?}");
        }
    }
    let file = format!("copydesk-ignore-file: quotes/unclosed\n\n{STORY}");
    assert!(codes(&file, Format::Plain, &Config::default()).is_empty());
}

#[test]
fn html_comment_markers_in_markdown() {
    let md = STORY.replace("Harbor town", "# Harbor town").replace(
        "“We cannot",
        "<!-- copydesk-ignore: quotes/unclosed -->\n“We cannot",
    );
    let a = analyze(&md, Format::Markdown, &Config::default());
    assert!(a.findings.is_empty(), "{:#?}", a.findings);
    assert_eq!(a.article.paragraphs.len(), 3);
}

#[test]
fn unused_markers_are_reported_with_a_fix_that_deletes_them() {
    let text = STORY.replace(
        "Officials said",
        "copydesk-ignore: dateline/missing\nOfficials said",
    );
    let a = analyze(&text, Format::Plain, &Config::default());
    let f = only(&a.findings, "suppress/unused");
    assert_eq!(f.severity, Severity::Warning);
    assert_eq!(f.span.text(&text), "dateline/missing");
    assert!(f.message.contains("suppresses nothing"), "{}", f.message);
    let fixed = apply(&text, &f.fixes[0]);
    assert_eq!(fixed, STORY);

    // Two codes, one used: the fix removes only the unused one.
    let text = STORY.replace(
        "“We cannot",
        "copydesk-ignore: dateline/missing, quotes/unclosed\n“We cannot",
    );
    let a = analyze(&text, Format::Plain, &Config::default());
    let f = only(&a.findings, "suppress/unused");
    let fixed = apply(&text, &f.fixes[0]);
    assert!(fixed.contains("copydesk-ignore: quotes/unclosed\n“We cannot"));
    assert!(analyze(&fixed, Format::Plain, &Config::default())
        .findings
        .is_empty());
}

#[test]
fn a_marker_naming_no_rule_is_reported() {
    let text = STORY.replace("Officials said", "copydesk-ignore:\nOfficials said");
    let a = analyze(&text, Format::Plain, &Config::default());
    let f = only(&a.findings, "suppress/unused");
    assert_eq!(f.span.text(&text), "copydesk-ignore:");
    assert!(f.message.contains("names no rule"), "{}", f.message);
    assert_eq!(apply(&text, &f.fixes[0]), STORY);
}

#[test]
fn unknown_codes_and_rules_turned_off() {
    let text = format!("copydesk-ignore-file: quotes/no-such-rule\n\n{STORY}");
    let a = analyze(&text, Format::Plain, &Config::default());
    let f = only(&a.findings, "suppress/unused");
    assert!(f.message.contains("not a rule code"), "{}", f.message);

    let off = Config::from_toml("[rules]\n\"quotes/unclosed\" = \"off\"\n").unwrap();
    let text = format!("copydesk-ignore-file: quotes/unclosed\n\n{STORY}");
    let a = analyze(&text, Format::Plain, &off);
    let f = only(&a.findings, "suppress/unused");
    assert!(f.message.contains("turned off"), "{}", f.message);

    let quiet = Config::from_toml("[rules]\n\"suppress/unused\" = \"off\"\n").unwrap();
    assert!(analyze(&text, Format::Plain, &quiet).findings.is_empty());
    // ... or a file-wide marker for it.
    let text = format!("copydesk-ignore-file: suppress/unused\n{text}");
    assert!(analyze(&text, Format::Plain, &off).findings.is_empty());
}

#[test]
fn the_quick_fix_adds_a_marker_that_silences_the_finding() {
    for (text, format) in [
        (STORY.to_string(), Format::Plain),
        (STORY.replace("\n", "\r\n"), Format::Plain),
        (
            STORY.replace("Harbor town", "# Harbor town"),
            Format::Markdown,
        ),
    ] {
        let a = analyze(&text, format, &Config::default());
        let f = only(&a.findings, "quotes/unclosed");
        let fix = marker_fix(&text, format, f).expect("a fix");
        assert!(!fix.preferred);
        let fixed = apply(&text, &fix);
        let marker = match format {
            Format::Markdown => "<!-- copydesk-ignore: quotes/unclosed -->",
            Format::Plain => "copydesk-ignore: quotes/unclosed",
        };
        let nl = if text.contains("\r\n") { "\r\n" } else { "\n" };
        assert!(
            fixed.contains(&format!("{marker}{nl}“We cannot")),
            "{fixed}"
        );
        let after = analyze(&fixed, format, &Config::default());
        assert!(after.findings.is_empty(), "{:#?}", after.findings);
    }
}

#[test]
fn no_marker_fix_for_the_unused_marker_finding() {
    let text = format!("copydesk-ignore-file: quotes/no-such-rule\n\n{STORY}");
    let a = analyze(&text, Format::Plain, &Config::default());
    assert!(marker_fix(&text, Format::Plain, only(&a.findings, "suppress/unused")).is_none());
}

#[test]
fn prose_mentioning_the_marker_is_not_a_marker() {
    let text = STORY.replace(
        "Officials said the vote was close.",
        "Officials said the word copydesk-ignore: appeared in no minutes.",
    );
    let a = analyze(&text, Format::Plain, &Config::default());
    assert!(a.article.suppressions.is_empty());
    assert_eq!(a.article.paragraphs.len(), 3);
}

#[test]
fn the_article_wide_quick_fix_goes_on_top_or_below_front_matter() {
    use copydesk::rules::suppress::file_marker_fix;
    let a = analyze(STORY, Format::Plain, &Config::default());
    let f = only(&a.findings, "quotes/unclosed");
    let fix = file_marker_fix(STORY, &a.article, f).expect("a fix");
    assert!(!fix.preferred);
    let fixed = apply(STORY, &fix);
    assert!(fixed.starts_with("copydesk-ignore-file: quotes/unclosed\nHarbor town"));
    let after = analyze(&fixed, Format::Plain, &Config::default());
    assert!(after.findings.is_empty(), "{:#?}", after.findings);
    assert!(after.article.headline.is_some());

    let md = format!("---\nslug: ferry-vote\ndate: 2026-11-03\n---\n{STORY}");
    let a = analyze(&md, Format::Markdown, &Config::default());
    let f = only(&a.findings, "quotes/unclosed");
    let fixed = apply(&md, &file_marker_fix(&md, &a.article, f).unwrap());
    assert!(
        fixed.starts_with("---\nslug: ferry-vote\ndate: 2026-11-03\n---\n<!-- copydesk-ignore-file: quotes/unclosed -->\nHarbor"),
        "{fixed}"
    );
    let after = analyze(&fixed, Format::Markdown, &Config::default());
    assert!(after.findings.is_empty(), "{:#?}", after.findings);
    assert_eq!(after.article.metadata_date().map(|d| d.day), Some(3));
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("copydesk-ignore: quotes/unclosed\n".to_string()),
            Just("<!-- copydesk-ignore: *, dateline/* -->\n".to_string()),
            Just("copydesk-ignore-file: ,, x/ , \n".to_string()),
            Just("copydesk-ignore:".to_string()),
            Just("<!-- copydesk-ignore-file: quotes/*".to_string()),
            Just("\r\n".to_string()),
            Just("\n\n".to_string()),
            Just("“Quote é 東京 🚢".to_string()),
            Just("PORT ELLIS, Maine (AP) — ".to_string()),
            Just("---\n".to_string()),
            "[a-zA-Z ,.:*/-]{0,12}",
        ]
    }

    proptest! {
        #[test]
        fn markers_anywhere(pieces in proptest::collection::vec(piece(), 0..24), md in any::<bool>()) {
            let text: String = pieces.concat();
            let format = if md { Format::Markdown } else { Format::Plain };
            let a = analyze(&text, format, &Config::default());
            for f in &a.findings {
                prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
                for fix in f.fixes.iter().chain(marker_fix(&text, format, f).as_ref()) {
                    for e in &fix.edits {
                        prop_assert!(e.span.end <= text.len());
                        prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
                    }
                    let _ = analyze(&apply(&text, fix), format, &Config::default());
                }
            }
            for p in &a.article.paragraphs {
                let body = p.span.text(&text);
                prop_assert!(!body.lines().any(|l| {
                    let t = l.trim();
                    t.starts_with("copydesk-ignore:") || t.starts_with("copydesk-ignore-file:")
                }), "a marker line inside a paragraph: {:?}", body);
            }
        }
    }
}
