//! The table test of `slug/*`: whole stories, the expected finding's span marked
//! `⟦…⟧` (none marked: no finding), and the text after the rule's fix.

use super::word_count::slug_count;
use crate::analysis::analyze;
use crate::article::{Format, MetaKind};
use crate::config::Config;
use crate::fix::apply;

const CODE: &str = "slug/word-count";

/// A body of `n` words: a dateline, then prose with curly quotes, CJK and an emoji.
fn body(n: usize) -> String {
    let mut words = vec!["DALLAS".to_string(), "(AP)".into(), "—".into()];
    let filler = [
        "“Café”",
        "会谈",
        "council",
        "voted",
        "🎉ok",
        "on",
        "Tuesday.",
    ];
    let mut i = 0;
    while words.len() - 1 < n {
        words.push(filler[i % filler.len()].into());
        i += 1;
    }
    words.join(" ")
}

/// (story, expected fixed story or `None` for no finding).
fn cases() -> Vec<(String, Option<String>)> {
    let b = body(100);
    let b2 = body(60);
    vec![
        // AP: the count after a comma.
        (
            format!("BC-Council-Budget,⟦650⟧\nCouncil approves budget\n\n{b}\n"),
            Some(format!(
                "BC-Council-Budget,100\nCouncil approves budget\n\n{b}\n"
            )),
        ),
        (
            format!("BC-US--Council Budget, ⟦0650⟧\nCouncil approves budget\n\n{b}\n"),
            Some(format!(
                "BC-US--Council Budget, 0100\nCouncil approves budget\n\n{b}\n"
            )),
        ),
        // Within 10 %: nothing (109 and 91 against 100).
        (
            format!("BC-Council-Budget,109\nCouncil approves budget\n\n{b}\n"),
            None,
        ),
        (
            format!("BC-Council-Budget,92\nCouncil approves budget\n\n{b}\n"),
            None,
        ),
        // Reuters: `(N words)` on the slug.
        (
            format!("USA-BUDGET/ (⟦200⟧ words)\nCouncil approves budget\n\n{b}\n"),
            Some(format!(
                "USA-BUDGET/ (100 words)\nCouncil approves budget\n\n{b}\n"
            )),
        ),
        // A `Words:` field.
        (
            format!("Council approves budget\nWords: ⟦80⟧\n\n{b}\n"),
            Some(format!("Council approves budget\nWords: 100\n\n{b}\n")),
        ),
        // No count, or no slug: nothing.
        (
            format!("BC-Council-Budget\nCouncil approves budget\n\n{b}\n"),
            None,
        ),
        (format!("Council approves budget\n\n{b}\n"), None),
        // A count in body text is not a slug's.
        (
            format!("Council approves budget\n\n{b} (650 words)\n"),
            None,
        ),
        // Each story of a file against its own slug: the second one drifts.
        (
            format!("BC-One,100\nFirst story\n\n{b}\n\nBC-Two,⟦100⟧\nSecond story\n\n{b2}\n"),
            Some(format!(
                "BC-One,100\nFirst story\n\n{b}\n\nBC-Two,60\nSecond story\n\n{b2}\n"
            )),
        ),
    ]
}

#[test]
fn word_count_table() {
    for (marked, fixed) in cases() {
        let (text, want) = match (marked.find('⟦'), marked.find('⟧')) {
            (Some(a), Some(b)) => {
                let text = marked.replace(['⟦', '⟧'], "");
                (text, Some((a, b - '⟦'.len_utf8())))
            }
            _ => (marked.clone(), None),
        };
        let a = analyze(&text, Format::Plain, &Config::default());
        let got: Vec<_> = a.findings.iter().filter(|f| f.code == CODE).collect();
        match want {
            None => assert!(got.is_empty(), "{text}: {got:?}"),
            Some((s, e)) => {
                assert_eq!(got.len(), 1, "{text}: {got:?}");
                assert_eq!((got[0].span.start, got[0].span.end), (s, e), "{text}");
                let fix = &got[0].fixes[0];
                assert!(!fix.preferred, "not for fix-all");
                assert_eq!(Some(apply(&text, &fix.edits)), fixed, "{text}");
            }
        }
    }
}

#[test]
fn slug_count_forms() {
    assert_eq!(
        slug_count("BC-Budget,650", MetaKind::Slug).map(|c| c.0),
        Some(650)
    );
    assert_eq!(
        slug_count("BC-Budget, 650 ", MetaKind::Slug).map(|c| c.0),
        Some(650)
    );
    assert_eq!(slug_count("BC-Budget-2024", MetaKind::Slug), None);
    assert_eq!(slug_count("BC-Budget,0", MetaKind::Slug), None);
    assert_eq!(
        slug_count("USA-BUDGET/ (650 words)", MetaKind::Slug).map(|c| c.0),
        Some(650)
    );
    assert_eq!(slug_count("(Adds 650 words)", MetaKind::Advisory), None);
    assert_eq!(
        slug_count("Word count: 412", MetaKind::Field).map(|c| c.0),
        Some(412)
    );
    assert_eq!(slug_count("Words: many", MetaKind::Field), None);
    assert_eq!(slug_count("Source: Xinhua, 650", MetaKind::Field), None);
}
