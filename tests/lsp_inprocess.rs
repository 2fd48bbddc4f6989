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
