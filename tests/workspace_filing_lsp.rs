//! The workspace index's copy of an open document (`src/lsp/workspace.rs`): an edit that
//! leaves the story's people as they were is filed later (on the next read of the index,
//! or after a quiet moment), one that changes them at once. Whatever was deferred, a
//! request reading the index answers from the document's current text, and a document
//! closed unsaved goes back to its file on disk. Over the shared in-process client, with
//! curly quotes, em dashes, CJK and emoji before the names (UTF-16 columns).

#[path = "support/inprocess.rs"]
mod inprocess;

use std::time::Duration;

use inprocess::{url, Client as TestClient};
use serde_json::{json, Value};

const A: &str = "Talks go on — 会谈 🎉\n\
\n\
OSLO, March 3 (Reuters) - “Progress,” said Norwegian envoy Olaf Brandt on Tuesday.\n\
\n\
Brandt left for Bergen.\n";

const B: &str = "Envoy returns 🌊\n\
\n\
BERGEN, March 4 (Reuters) - Norwegian envoy Olaf Brandt arrived on Wednesday.\n";

/// `(line, UTF-16 column)` of byte `i` of `text`.
fn pos16(text: &str, i: usize) -> (u32, u32) {
    let line_start = text[..i].rfind('\n').map_or(0, |j| j + 1);
    let line = text[..i].matches('\n').count() as u32;
    (line, text[line_start..i].encode_utf16().count() as u32)
}

/// `(line, UTF-16 column)` of the `nth` `needle` in `text`.
fn at16(text: &str, needle: &str, nth: usize) -> (u32, u32) {
    let (i, _) = text.match_indices(needle).nth(nth).expect("needle in text");
    pos16(text, i)
}

/// Every range of `file` among the references to the name at `(line, character)` of `uri`.
async fn ranges_in(
    c: &mut TestClient,
    uri: &str,
    (line, character): (u32, u32),
    file: &str,
) -> Vec<(u64, u64)> {
    let refs = c
        .result(
            "textDocument/references",
            json!({
                "textDocument": {"uri": uri},
                "position": {"line": line, "character": character},
                "context": {"includeDeclaration": true},
            }),
        )
        .await;
    let mut out: Vec<(u64, u64)> = refs
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default()
        .iter()
        .filter(|l| l["uri"] == file)
        .map(|l| {
            let s = &l["range"]["start"];
            (
                s["line"].as_u64().unwrap(),
                s["character"].as_u64().unwrap(),
            )
        })
        .collect();
    out.sort_unstable();
    out
}

/// Where each mention of Olaf Brandt starts in `text` (`Olaf Brandt` is one mention,
/// from `Olaf`), as references report them.
fn brandts(text: &str) -> Vec<(u64, u64)> {
    let mut v: Vec<(u64, u64)> = text
        .match_indices("Brandt")
        .map(|(i, _)| {
            let start = if text[..i].ends_with("Olaf ") {
                i - 5
            } else {
                i
            };
            let (l, c) = pos16(text, start);
            (u64::from(l), u64::from(c))
        })
        .collect();
    v.sort_unstable();
    v
}

async fn change(c: &TestClient, uri: &str, version: i64, text: &str) {
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": version},
               "contentChanges": [{"text": text}]}),
    )
    .await;
}

/// A folder holding a.txt and b.txt, a client initialized in it with b.txt open (and
/// a.txt too when `open_a`), once the index holds a.txt: the references from b.txt's
/// Brandt into a.txt then (non-empty), and where that Brandt is. Bind `_dir` (the
/// folder is removed when it is dropped).
struct Desk {
    _dir: tempfile::TempDir,
    c: TestClient,
    a: String,
    b: String,
    in_b: (u32, u32),
    first: Vec<(u64, u64)>,
}

async fn desk(open_a: bool) -> Desk {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("a.txt"), A).unwrap();
    std::fs::write(root.join("b.txt"), B).unwrap();
    let (a, b) = (url(&root.join("a.txt")), url(&root.join("b.txt")));
    let mut c = TestClient::start();
    c.initialize_in(root, json!({}), Value::Null).await;
    if open_a {
        c.open(&a, A).await;
    }
    c.open(&b, B).await;
    if open_a {
        c.diagnostics(&a, 1).await;
    }
    c.diagnostics(&b, 1).await;
    let in_b = at16(B, "Brandt", 0);
    // The index is built in the background: ask until it holds a.txt.
    let mut first = Vec::new();
    for _ in 0..200 {
        first = ranges_in(&mut c, &b, in_b, &a).await;
        if !first.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    Desk {
        _dir: dir,
        c,
        a,
        b,
        in_b,
        first,
    }
}

#[tokio::test]
async fn references_from_another_story_follow_an_edit_that_changed_no_name() {
    let Desk {
        _dir,
        mut c,
        a,
        b,
        in_b,
        first,
        ..
    } = desk(true).await;
    assert_eq!(first, brandts(A), "before the edit");

    // Two lines and some wide characters above every mention; the same people.
    let edited = A.replacen("OSLO", "Update 🎉 — 北京\n\nOSLO", 1);
    change(&c, &a, 2, &edited).await;
    c.diagnostics(&a, 2).await;
    // At once (well within the quiet time before a deferred filing): the read files it.
    let got = ranges_in(&mut c, &b, in_b, &a).await;
    assert_eq!(got, brandts(&edited), "right after the edit");
    assert_ne!(got, brandts(A));

    // After the quiet time too, and after another edit that this time adds a person.
    tokio::time::sleep(Duration::from_millis(400)).await;
    assert_eq!(ranges_in(&mut c, &b, in_b, &a).await, brandts(&edited));
    let more = format!("{edited}\nBrandt met Ingrid Solberg — “briefly.”\n");
    change(&c, &a, 3, &more).await;
    c.diagnostics(&a, 3).await;
    assert_eq!(ranges_in(&mut c, &b, in_b, &a).await, brandts(&more));
}

#[tokio::test]
async fn a_document_closed_unsaved_is_indexed_from_its_file_again() {
    let Desk {
        _dir,
        mut c,
        a,
        b,
        in_b,
        ..
    } = desk(true).await;
    // An unsaved edit (deferred: the same people), then the document is closed.
    let edited = A.replacen("OSLO", "Update 🎉 — 北京\n\nOSLO", 1);
    change(&c, &a, 2, &edited).await;
    c.diagnostics(&a, 2).await;
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": a}}))
        .await;
    // The closing clears its diagnostics once the worker has taken the file again.
    c.wait(|m| {
        m["method"] == "textDocument/publishDiagnostics"
            && m["params"]["uri"] == a.as_str()
            && m["params"]["diagnostics"] == json!([])
    })
    .await;
    let mut got = Vec::new();
    for _ in 0..40 {
        got = ranges_in(&mut c, &b, in_b, &a).await;
        if got == brandts(A) {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert_eq!(got, brandts(A), "the file on disk, not the closed buffer");
}

/// Reading a story from disk is no change to it: the server's own watcher (used when the
/// client offers none) must not take the read's `open` event for an edit, re-read the
/// story, and so on for ever, re-checking every open document each time.
#[tokio::test]
async fn reading_a_story_does_not_make_the_watcher_read_it_again() {
    let Desk { _dir, mut c, .. } = desk(false).await;
    // Let the first indexing's refreshes finish, then listen while nothing changes.
    tokio::time::sleep(Duration::from_millis(300)).await;
    c.drain();
    tokio::time::sleep(Duration::from_millis(600)).await;
    let republished = c
        .drain()
        .iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics")
        .count();
    assert_eq!(republished, 0, "b.txt re-checked with nothing changed");
}

/// An open story's `names/spelling-drift` follows edits of another open story, while its
/// own text stays as it was (the worker then only computes the drift findings again): the
/// finding goes when the other story takes its spelling, and comes back when it returns
/// to its own, with the UTF-16 column of the name after wide characters.
#[tokio::test]
async fn drift_in_an_open_story_follows_edits_of_another() {
    const FIRST: &str = "Talks go on — 会谈 🎉\n\
\n\
OSLO, March 3 (Reuters) - “Progress,” said Norwegian envoy Olaf Vestergaard on Tuesday.\n\
\n\
Vestergaard left for Bergen.\n";
    const LATE: &str = "Envoy returns — 会谈 🌊\n\
\n\
BERGEN, March 4 (Reuters) - Norwegian envoy Olaf Vestergard arrived on Wednesday.\n";
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // Two more stories on disk write `Vestergaard`: with a.txt, the folder's majority.
    for n in ["c1.txt", "c2.txt"] {
        std::fs::write(root.join(n), FIRST.replace("OSLO", "BERGEN")).unwrap();
    }
    std::fs::write(root.join("a.txt"), FIRST).unwrap();
    std::fs::write(root.join("b.txt"), LATE).unwrap();
    let (a, b) = (url(&root.join("a.txt")), url(&root.join("b.txt")));
    let mut c = TestClient::start();
    c.initialize_in(root, json!({}), Value::Null).await;
    c.open(&a, FIRST).await;
    c.open(&b, LATE).await;
    let drift = |d: &[Value]| {
        d.iter()
            .filter(|x| x["code"] == "names/spelling-drift")
            .map(|x| {
                let s = &x["range"]["start"];
                (
                    s["line"].as_u64().unwrap(),
                    s["character"].as_u64().unwrap(),
                )
            })
            .collect::<Vec<_>>()
    };
    let (l, col) = at16(LATE, "Vestergard", 0);
    let at = (u64::from(l), u64::from(col));
    // `Vestergard` here, `Vestergaard` in three stories with the same given name: drift,
    // once the index holds them.
    let got = c.diagnostics_until(&b, |d| !drift(d).is_empty()).await;
    assert_eq!(drift(&got), vec![at]);
    // a.txt takes b.txt's spelling (two stories against two, no majority): no drift left in
    // b.txt, whose text did not change.
    let same = FIRST.replace("Vestergaard", "Vestergard");
    change(&c, &a, 2, &same).await;
    let got = c.diagnostics_until(&b, |d| drift(d).is_empty()).await;
    assert!(drift(&got).is_empty());
    // And back: the finding returns, at the same place.
    change(&c, &a, 3, FIRST).await;
    let got = c.diagnostics_until(&b, |d| !drift(d).is_empty()).await;
    assert_eq!(drift(&got), vec![at]);
}

/// When another open story's people change, only the open stories whose drift findings
/// may change with them are checked and published again: one whose surname is near the
/// spelling that changed is (its finding now counts one story more), one whose people have
/// no spelling near it is not.
#[tokio::test]
async fn only_the_stories_near_a_changed_surname_are_published_again() {
    const FIRST: &str = "Talks go on — 会谈 🎉\n\
\n\
OSLO, March 3 (Reuters) - “Progress,” said Norwegian envoy Olaf Vestergaard on Tuesday.\n\
\n\
Vestergaard left for Bergen.\n";
    const LATE: &str = "Envoy returns — 会谈 🌊\n\
\n\
BERGEN, March 4 (Reuters) - Norwegian envoy Olaf Vestergard arrived on Wednesday.\n";
    const FAR: &str = "Fishing quotas agreed 🐟\n\
\n\
TROMSO, March 4 (Reuters) - Fisheries minister Ingrid Solberg signed the quotas on Wednesday.\n\
\n\
Solberg thanked the crews.\n";
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    // Two stories on disk write `Vestergaard`; a.txt names someone else for now.
    for n in ["c1.txt", "c2.txt"] {
        std::fs::write(root.join(n), FIRST.replace("OSLO", "BERGEN")).unwrap();
    }
    let other = FIRST
        .replace("Olaf Vestergaard", "Harald Lindqvist")
        .replace("Vestergaard", "Lindqvist");
    std::fs::write(root.join("a.txt"), &other).unwrap();
    std::fs::write(root.join("b.txt"), LATE).unwrap();
    std::fs::write(root.join("q.txt"), FAR).unwrap();
    let (a, b, q) = (
        url(&root.join("a.txt")),
        url(&root.join("b.txt")),
        url(&root.join("q.txt")),
    );
    let mut c = TestClient::start();
    c.initialize_in(root, json!({}), Value::Null).await;
    c.open(&a, &other).await;
    c.open(&b, LATE).await;
    c.open(&q, FAR).await;
    let drift_says = |d: &[Value], what: &str| {
        d.iter().any(|x| {
            x["code"] == "names/spelling-drift" && x["message"].as_str().unwrap().contains(what)
        })
    };
    // Once the index holds the folder: b.txt's `Vestergard` against two other stories.
    c.diagnostics_until(&b, |d| drift_says(d, "in 2 other stories"))
        .await;
    // Let the first indexing's refreshes finish.
    tokio::time::sleep(Duration::from_millis(300)).await;
    c.drain();

    // a.txt now names Olaf Vestergaard too: b.txt's finding counts three stories.
    change(&c, &a, 2, FIRST).await;
    c.diagnostics(&a, 2).await;
    c.diagnostics_until(&b, |d| drift_says(d, "in 3 other stories"))
        .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let published_q = c
        .drain()
        .iter()
        .filter(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == q.as_str()
        })
        .count();
    assert_eq!(
        published_q, 0,
        "q.txt (Solberg) checked again for a Vestergaard"
    );
}
