//! In-process LSP tests over the shared in-process client (`tests/support/inprocess.rs`).

#[path = "support/inprocess.rs"]
mod inprocess;

use inprocess::Client;
use serde_json::{json, Value};

const URI: &str = "file:///newsroom/story.txt";
const STORY: &str = "Headline\n\nOfficials met “on Monday.\n";

fn codes(d: &[Value]) -> Vec<&str> {
    d.iter().map(|d| d["code"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn defaults_to_utf16_and_reports_both_foundation_errors() {
    let mut h = Client::start();
    let init = h.request("initialize", json!({"capabilities": {}})).await;
    assert_eq!(init["result"]["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(init["result"]["serverInfo"]["name"], "copydesk");
    h.notify("initialized", json!({})).await;
    h.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "plaintext", "version": 7, "text": STORY}}),
    )
    .await;
    let d = h.diagnostics(URI, 7).await;
    assert_eq!(codes(&d), ["dateline/missing", "quotes/unclosed"]);
    let related = &d[1]["relatedInformation"][0];
    assert_eq!(related["message"], "the paragraph ends here");
    assert_eq!(
        related["location"]["range"]["start"],
        json!({"line": 2, "character": 25})
    );
}

#[tokio::test]
async fn settings_turn_rules_off_and_change_them_live() {
    let mut h = Client::start();
    h.request(
        "initialize",
        json!({"capabilities": {}, "initializationOptions": {"copydesk": {"rules": {"dateline/*": "off"}}}}),
    )
    .await;
    h.notify("initialized", json!({})).await;
    h.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "plaintext", "version": 1, "text": STORY}}),
    )
    .await;
    assert_eq!(codes(&h.diagnostics(URI, 1).await), ["quotes/unclosed"]);
    h.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"rules": {"quotes/unclosed": "hint"}}}}),
    )
    .await;
    let d = h.diagnostics(URI, 1).await;
    assert_eq!(codes(&d), ["dateline/missing", "quotes/unclosed"]);
    assert_eq!(d[1]["severity"], 4);
}

#[tokio::test]
async fn requests_for_unknown_documents_answer_null() {
    let mut h = Client::start();
    h.request("initialize", json!({"capabilities": {}})).await;
    h.notify("initialized", json!({})).await;
    // A change for a document never opened is ignored, not a crash.
    h.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": 2}, "contentChanges": [{"text": "x"}]}),
    )
    .await;
    let r = h
        .request(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": URI}}),
        )
        .await;
    assert_eq!(r["result"], Value::Null);
    let r = h
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": URI}, "position": {"line": 99, "character": 99}}),
        )
        .await;
    assert_eq!(r["result"], Value::Null);
}

/// A story long enough that its analysis takes a while (distinct paragraphs, names and
/// quotations, so no paragraph's work is shared with another's).
fn long_story(paragraphs: usize) -> String {
    let mut s = String::from("Harbor board meets\n\nPORT ELLIS, Maine (AP) — The board met.\n\n");
    for i in 0..paragraphs {
        s.push_str(&format!(
            "“We will vote on item {i},” said board member Ada Quill{i} of Ward {i} — 北京 😀.\n\n"
        ));
    }
    s
}

#[tokio::test]
async fn a_request_after_an_edit_answers_from_the_edited_text() {
    let mut h = Client::start();
    h.initialize(json!({})).await;
    let uri = "file:///newsroom/board.md";
    h.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": "# Board\n\nText.\n"}}),
    )
    .await;
    // No waiting for diagnostics: the request must see version 2.
    h.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{
            "range": {"start": {"line": 2, "character": 5}, "end": {"line": 2, "character": 5}},
            "text": "\n\n## Vote “now” 😀\n\nMore.",
        }]}),
    )
    .await;
    let symbols = h
        .result(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    let text = symbols.to_string();
    assert!(text.contains("Vote “now” 😀"), "{symbols}");
}

/// While a request waits for a long analysis, the runtime goes on: another document is
/// opened and read, and closing the document the request is about answers it with null.
#[tokio::test]
async fn a_waiting_request_blocks_nothing_and_closing_answers_it() {
    let mut h = Client::start();
    h.initialize(json!({})).await;
    let slow = "file:///newsroom/long.txt";
    let quick = "file:///newsroom/quick.txt";
    h.open(slow, &long_story(300)).await;
    let waiting = json!({"jsonrpc": "2.0", "id": 900, "method": "textDocument/documentSymbol",
        "params": {"textDocument": {"uri": slow}}});
    h.send(waiting).await;
    h.open(quick, STORY).await;
    let text = h.text(quick).await;
    assert_eq!(text["text"], STORY);
    h.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": slow}}),
    )
    .await;
    let r = h.wait(|m| m["id"] == 900).await;
    assert_eq!(r["result"], Value::Null, "{r}");
    // And the server still analyses.
    assert_eq!(
        codes(&h.diagnostics(quick, 1).await),
        ["dateline/missing", "quotes/unclosed"]
    );
}
