//! Random incremental edits against a model `String`:
//! (a) directly on `copydesk::text::Document` in utf-8, utf-16 and utf-32;
//! (b) through the LSP layer in process, with utf-16, utf-8 and utf-32 negotiated — after
//!     every edit the server's text equals the model, and every published diagnostic range
//!     lies inside the text it was computed for, on character boundaries of the encoding.
//!
//! `COPYDESK_EDIT_CASES` scales both (default: 64 proptest cases of up to 60 edits in each encoding;
//! 1,500 LSP didChange notifications per encoding; `COPYDESK_EDIT_CASES=N` gives N cases and
//! 6N notifications).

#[path = "support/inprocess.rs"]
mod inprocess;
#[path = "support/model.rs"]
mod model;

use std::collections::HashMap;
use std::time::Duration;

use copydesk::text::{Change, Document, Encoding, Position};
use inprocess::Client;
use model::{Edit, Op, Rng, PIECES};
use proptest::prelude::*;
use serde_json::{json, Value};

const ENCODINGS: [Encoding; 3] = [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32];

fn scale() -> Option<u32> {
    std::env::var("COPYDESK_EDIT_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
}

fn change_for(model: &str, e: &Edit, enc: Encoding) -> Change {
    if e.whole {
        return Change {
            range: None,
            text: e.text.clone(),
        };
    }
    let (l1, c1) = model::position(model, e.start, enc);
    let (l2, c2) = model::position(model, e.end, enc);
    Change {
        range: Some((Position::new(l1, c1), Position::new(l2, c2))),
        text: e.text.clone(),
    }
}

fn op_strategy() -> impl Strategy<Value = Op> {
    (
        any::<u8>(),
        any::<usize>(),
        0usize..40,
        proptest::collection::vec(0..PIECES.len(), 0..6),
    )
        .prop_map(|(kind, at, len, pieces)| Op {
            kind,
            at,
            len,
            pieces,
        })
}

fn start_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(0..PIECES.len(), 0..12)
        .prop_map(|v| v.into_iter().map(|i| PIECES[i]).collect())
}

/// Check the document against the model: text, line count, and conversions both ways at
/// every cursor offset (or a sample of them for long texts).
fn check_document(doc: &Document, model: &str, enc: Encoding) -> Result<(), TestCaseError> {
    prop_assert_eq!(doc.text(), model);
    let lines = model::lines(model);
    prop_assert_eq!(doc.rope().len_lines(), lines.len());
    let cursors = model::cursor_offsets(model);
    let step = (cursors.len() / 16).max(1);
    for &off in cursors.iter().step_by(step).chain(cursors.last()) {
        let (line, col) = model::position_in(model, &lines, off, enc);
        let p = doc.position(off, enc);
        prop_assert_eq!((p.line, p.column), (line, col), "position of byte {}", off);
        let (back, clamped) = doc.offset(p, enc);
        prop_assert_eq!(back, off);
        prop_assert!(!clamped.0);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig {
        cases: scale().unwrap_or(64),
        // Failures print their shrunk input; no regression files are written.
        failure_persistence: None,
        ..ProptestConfig::default()
    })]

    /// Each case applies up to 60 edits in each of the three encodings: with 64 cases,
    /// about 5,700 edits.
    #[test]
    fn document_matches_model(
        start in start_text(),
        ops in proptest::collection::vec(op_strategy(), 1..60),
    ) {
        for enc in ENCODINGS {
            let mut model = start.clone();
            let mut doc = Document::new(&model, 0);
            for (n, op) in ops.iter().enumerate() {
                let e = model::concretize(&model, op);
                let change = change_for(&model, &e, enc);
                let clamped = doc.apply(&change, enc);
                prop_assert!(!clamped.0, "edit {} ({:?}) was clamped", n, change);
                model::apply(&mut model, &e);
                check_document(&doc, &model, enc)?;
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// (b) Through the LSP layer.

/// `initialize` offering `offered` position encodings; the negotiated one.
async fn initialize(h: &mut Client, offered: Option<&[&str]>) -> String {
    let mut caps = json!({});
    if let Some(o) = offered {
        caps = json!({ "general": { "positionEncodings": o } });
    }
    let result = h.initialize(caps).await;
    result["capabilities"]["positionEncoding"]
        .as_str()
        .unwrap_or("utf-16")
        .to_string()
}

/// Check one publishDiagnostics against the text of the version it names.
fn check_published(msg: &Value, texts: &HashMap<i64, String>, enc: Encoding) {
    let params = &msg["params"];
    let Some(version) = params["version"].as_i64() else {
        return;
    };
    let text = texts
        .get(&version)
        .unwrap_or_else(|| panic!("diagnostics for a version never sent: {version}"));
    for d in params["diagnostics"].as_array().expect("an array") {
        let related = d["relatedInformation"]
            .as_array()
            .cloned()
            .unwrap_or_default();
        let ranges =
            std::iter::once(&d["range"]).chain(related.iter().map(|r| &r["location"]["range"]));
        for r in ranges {
            check_range(d, r, text, version, enc);
        }
    }
}

fn check_range(d: &Value, r: &Value, text: &str, version: i64, enc: Encoding) {
    let get = |p: &Value| {
        (
            p["line"].as_u64().expect("line") as u32,
            p["character"].as_u64().expect("character") as u32,
        )
    };
    let (sl, sc) = get(&r["start"]);
    let (el, ec) = get(&r["end"]);
    let start = model::offset(text, sl, sc, enc);
    let end = model::offset(text, el, ec, enc);
    match (start, end) {
        (Ok(s), Ok(e)) => assert!(s <= e, "reversed range {r} in version {version}"),
        (s, e) => panic!(
            "diagnostic {} has a bad range {r} ({}) in version {version}: start {s:?}, end {e:?}\ntext: {text:?}",
            d["code"],
            enc.as_str()
        ),
    }
}

async fn lsp_sequence(offered: Option<&[&str]>, expect: Encoding, seed: u64, edits: usize) {
    let mut h = Client::start();
    let negotiated = initialize(&mut h, offered).await;
    assert_eq!(negotiated, expect.as_str());
    let enc = expect;
    let uri = "file:///desk/story.txt";
    let mut rng = Rng::new(seed);
    let mut model: String =
        "WELLSPORT, Ore. (AP) — “Ferries 😀 北京 e\u{301}\r\nline\rtwo\u{2028}".into();
    let mut version = 1i64;
    let mut texts = HashMap::from([(version, model.clone())]);
    h.notify(
        "textDocument/didOpen",
        json!({ "textDocument": { "uri": uri, "languageId": "plaintext", "version": version, "text": model } }),
    )
    .await;
    let mut published = 0usize;
    let mut last_seen = None;
    for n in 0..edits {
        // Sometimes several changes in one notification, as editors batch them.
        let batch = 1 + rng.below(3);
        let mut changes = Vec::new();
        for _ in 0..batch {
            let e = model::concretize(&model, &rng.op());
            let c = change_for(&model, &e, enc);
            changes.push(match c.range {
                None => json!({ "text": c.text }),
                Some((a, b)) => json!({
                    "range": {
                        "start": { "line": a.line, "character": a.column },
                        "end": { "line": b.line, "character": b.column },
                    },
                    "text": c.text,
                }),
            });
            model::apply(&mut model, &e);
        }
        version += 1;
        texts.insert(version, model.clone());
        h.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": changes }),
        )
        .await;
        let got = h.text(uri).await;
        assert_eq!(
            got["text"].as_str(),
            Some(model.as_str()),
            "after edit {n} ({}): {changes:?}",
            enc.as_str()
        );
        assert_eq!(got["version"].as_i64(), Some(version));
        for msg in h.drain() {
            if msg["method"] == "textDocument/publishDiagnostics" {
                check_published(&msg, &texts, enc);
                published += 1;
                last_seen = msg["params"]["version"].as_i64();
            }
        }
        if n % 50 == 0 {
            // Let the worker catch up now and then, so diagnostics of many versions are seen.
            tokio::time::sleep(Duration::from_millis(1)).await;
        }
    }
    // The last version's diagnostics arrive, and are right.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while last_seen != Some(version) {
        let left = deadline.saturating_duration_since(tokio::time::Instant::now());
        let msg = h.recv_timeout(left).await.unwrap_or_else(|| {
                for v in last_seen.unwrap_or(0) + 1..=version {
                    let t = texts[&v].clone();
                    let (tx, rx) = std::sync::mpsc::channel();
                    let t2 = t.clone();
                    std::thread::spawn(move || {
                        let _ = copydesk::analyze(&t2, copydesk::Format::Plain, &Default::default());
                        let _ = tx.send(());
                    });
                    if rx.recv_timeout(Duration::from_secs(3)).is_err() {
                        panic!("analysis of version {v} hangs: {t:?}");
                    }
                }
                panic!("no diagnostics for the last version {version} within 20 s; {published} seen, last {last_seen:?}")
            });
        if msg["method"] == "textDocument/publishDiagnostics" {
            check_published(&msg, &texts, enc);
            published += 1;
            last_seen = msg["params"]["version"].as_i64();
        }
    }
    assert!(published > 0);
    eprintln!(
        "{}: {edits} didChange notifications, {published} publishDiagnostics checked",
        enc.as_str()
    );
}

fn lsp_edits() -> usize {
    scale().map_or(1500, |n| n as usize * 6)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lsp_edits_utf16_by_default() {
    lsp_sequence(None, Encoding::Utf16, 0x5eed_0016, lsp_edits()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lsp_edits_utf8_when_offered() {
    lsp_sequence(
        Some(&["utf-16", "utf-8"]),
        Encoding::Utf8,
        0x5eed_0008,
        lsp_edits(),
    )
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lsp_edits_utf32_when_only_offered() {
    lsp_sequence(Some(&["utf-32"]), Encoding::Utf32, 0x5eed_0032, lsp_edits()).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn lsp_debug_text_is_null_for_unknown_documents() {
    let mut h = Client::start();
    h.initialize(json!({})).await;
    assert_eq!(h.text("file:///never/opened.txt").await, Value::Null);
}
