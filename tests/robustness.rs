//! Protocol robustness against the real binary (`copydesk lsp`) over stdio: bad JSON,
//! unknown methods, documents never opened, positions out of range, huge lines, control
//! characters, bursts of edits, panicking handlers, bad configuration, and every way of
//! ending a session.

#[path = "support/stdio.rs"]
mod stdio;

use std::time::{Duration, Instant};

use serde_json::{json, Value};
use stdio::Server;

const URI: &str = "file:///desk/ferry.txt";

const STORY: &str = "Ferry service resumes\n\nNORTHVALE, March 3 (Reuters) - The harbor ferry \
resumed on Tuesday after a two-week stoppage, said port chief Lena Markov.\n";

fn started() -> Server {
    let mut s = Server::spawn(None);
    s.initialize(json!({}), None);
    s
}

fn error_code(r: &Value) -> Option<i64> {
    r["error"]["code"].as_i64()
}

/// The server still answers requests and still checks documents.
fn assert_serving(s: &mut Server) {
    let uri = "file:///desk/alive-check.txt";
    s.open(uri, 1, "He said “nothing.\n");
    let d = s.wait_diagnostics(uri, |p| p["version"] == 1);
    assert!(
        d["params"]["diagnostics"].as_array().is_some(),
        "diagnostics published: {d}"
    );
    assert_eq!(s.text(uri)["text"], "He said “nothing.\n");
}

#[test]
fn malformed_json_gets_a_parse_error_and_the_server_keeps_serving() {
    let mut s = started();
    s.send_raw(b"{\"jsonrpc\": \"2.0\", \"id\": 7, \"method\": ");
    let r = s.wait_for("a parse error", |m| m.get("error").is_some());
    assert_eq!(error_code(&r), Some(-32700), "{r}");
    assert_eq!(r["id"], Value::Null);
    // Valid JSON that is not a JSON-RPC message.
    s.send_raw(b"[1, 2, 3]");
    let r = s.wait_for("an error for a non-message", |m| m.get("error").is_some());
    assert!(
        matches!(error_code(&r), Some(-32600 | -32700)),
        "invalid request: {r}"
    );
    // Not even UTF-8.
    s.send_raw(b"\xff\xfe{}");
    let r = s.wait_for("an error for bytes", |m| m.get("error").is_some());
    assert_eq!(error_code(&r), Some(-32700), "{r}");
    assert_serving(&mut s);
    assert!(s.shutdown().success());
}

#[test]
fn unknown_methods_and_bad_params_get_proper_errors() {
    let mut s = started();
    let r = s.call("copydesk/noSuchThing", json!({}));
    assert_eq!(error_code(&r), Some(-32601), "{r}");
    let r = s.call("textDocument/noSuchRequest", json!({}));
    assert_eq!(error_code(&r), Some(-32601), "{r}");
    // Unknown notifications are ignored, `$/` ones by the protocol's rule.
    s.notify("copydesk/noSuchNotification", json!({}));
    s.notify("$/noSuchNotification", json!({}));
    // Known method, wrong params.
    let r = s.call("textDocument/hover", json!({ "nonsense": true }));
    assert_eq!(error_code(&r), Some(-32602), "{r}");
    let r = s.call("textDocument/hover", json!([1, 2]));
    assert_eq!(error_code(&r), Some(-32602), "{r}");
    assert_serving(&mut s);
    assert!(s.shutdown().success());
}

#[test]
fn requests_before_initialize_are_refused() {
    let mut s = Server::spawn(None);
    let r = s.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": { "line": 0, "character": 0 } }),
    );
    assert_eq!(error_code(&r), Some(-32002), "{r}");
    s.initialize(json!({}), None);
    assert_serving(&mut s);
}

#[test]
fn requests_for_documents_never_opened_answer_null() {
    let mut s = started();
    let td = json!({ "uri": "file:///desk/never-opened.txt" });
    let pos = json!({ "line": 0, "character": 0 });
    let range = json!({ "start": pos, "end": pos });
    for (method, params) in [
        (
            "textDocument/hover",
            json!({ "textDocument": td, "position": pos }),
        ),
        ("textDocument/documentSymbol", json!({ "textDocument": td })),
        ("textDocument/foldingRange", json!({ "textDocument": td })),
        (
            "textDocument/codeAction",
            json!({ "textDocument": td, "range": range, "context": { "diagnostics": [] } }),
        ),
        ("copydesk/debugText", td.clone()),
    ] {
        let r = s.call(method, params);
        assert!(r.get("error").is_none(), "{method}: {r}");
        assert_eq!(r["result"], Value::Null, "{method}: {r}");
    }
    // Closing a document never opened is ignored too.
    s.notify("textDocument/didClose", json!({ "textDocument": td }));
    assert_serving(&mut s);
}

#[test]
fn did_change_for_a_document_never_opened_is_ignored() {
    let mut s = started();
    let uri = "file:///desk/ghost.txt";
    s.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": uri, "version": 2 },
            "contentChanges": [{ "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 0 } }, "text": "boo" }],
        }),
    );
    assert_eq!(s.text(uri), Value::Null);
    assert_serving(&mut s);
}

#[test]
fn positions_out_of_range_are_clamped_not_fatal() {
    let mut s = started();
    s.open(URI, 1, "ab😀\ncd");
    s.wait_diagnostics(URI, |p| p["version"] == 1);
    let far = json!({ "line": 4_000_000_000u32, "character": 4_000_000_000u32 });
    let eol = json!({ "line": 0, "character": 999 });
    let mid_surrogate = json!({ "line": 0, "character": 3 });
    for pos in [&far, &eol, &mid_surrogate] {
        let r = s.call(
            "textDocument/hover",
            json!({ "textDocument": { "uri": URI }, "position": pos }),
        );
        assert!(r.get("error").is_none(), "hover at {pos}: {r}");
        let r = s.call(
            "textDocument/codeAction",
            json!({ "textDocument": { "uri": URI }, "range": { "start": pos, "end": far }, "context": { "diagnostics": [] } }),
        );
        assert!(r.get("error").is_none(), "codeAction at {pos}: {r}");
    }
    // Edits at clamped positions: past the end of a line -> its end; past the last line ->
    // the end of the text; inside a surrogate pair -> before the emoji; reversed -> ordered.
    let change = |version: i32, start: &Value, end: &Value, text: &str| {
        json!({
            "textDocument": { "uri": URI, "version": version },
            "contentChanges": [{ "range": { "start": start, "end": end }, "text": text }],
        })
    };
    s.notify("textDocument/didChange", change(2, &eol, &eol, "!"));
    assert_eq!(s.text(URI)["text"], "ab😀!\ncd");
    s.notify("textDocument/didChange", change(3, &far, &far, "?"));
    assert_eq!(s.text(URI)["text"], "ab😀!\ncd?");
    s.notify(
        "textDocument/didChange",
        change(4, &mid_surrogate, &mid_surrogate, "<"),
    );
    assert_eq!(s.text(URI)["text"], "ab<😀!\ncd?");
    s.notify(
        "textDocument/didChange",
        change(
            5,
            &json!({ "line": 1, "character": 1 }),
            &json!({ "line": 0, "character": 1 }),
            "",
        ),
    );
    assert_eq!(s.text(URI)["text"], "ad?");
    let d = s.wait_diagnostics(URI, |p| p["version"] == 5);
    assert!(d["params"]["diagnostics"].is_array());
    assert_serving(&mut s);
}

#[test]
fn a_one_megabyte_line_without_a_newline() {
    let mut s = started();
    let mut text = String::from("NORTHVALE, March 3 (Reuters) - “");
    while text.len() < 1 << 20 {
        text.push_str("harbor ferry 北京 😀 — ");
    }
    let started_at = Instant::now();
    s.open(URI, 1, &text);
    let d = s.wait_diagnostics(URI, |p| p["version"] == 1);
    let elapsed = started_at.elapsed();
    assert!(d["params"]["diagnostics"].is_array());
    // Hover at the far end, an edit at the end of the line, and the text is intact.
    let end_col = text.encode_utf16().count();
    let r = s.call(
        "textDocument/hover",
        json!({ "textDocument": { "uri": URI }, "position": { "line": 0, "character": end_col } }),
    );
    assert!(r.get("error").is_none(), "{r}");
    s.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": URI, "version": 2 },
            "contentChanges": [{ "range": { "start": { "line": 0, "character": end_col }, "end": { "line": 0, "character": end_col } }, "text": "”" }],
        }),
    );
    text.push('”');
    let got = s.text(URI);
    assert_eq!(got["text"].as_str().map(str::len), Some(text.len()));
    assert!(got["text"] == text.as_str());
    s.wait_diagnostics(URI, |p| p["version"] == 2);
    eprintln!(
        "1 MB line: first diagnostics after {:?} (debug build)",
        elapsed
    );
    assert!(s.shutdown().success());
}

#[test]
fn control_characters_and_nul_bytes() {
    let mut s = started();
    let mut text = String::from("\u{feff}Headline\0with NUL\n\n");
    for c in (0u8..0x20).chain([0x7f]) {
        text.push(c as char);
        text.push_str("x ");
    }
    text.push_str("\u{85}\u{2028}\u{2029}\u{200b}\u{202e}reversed\u{fffd}\nNORTHVALE\0, March 3 (AP) — “\0”\r");
    s.open(URI, 1, &text);
    let d = s.wait_diagnostics(URI, |p| p["version"] == 1);
    assert!(d["params"]["diagnostics"].is_array());
    assert_eq!(s.text(URI)["text"], text.as_str());
    for method in ["textDocument/documentSymbol", "textDocument/foldingRange"] {
        let r = s.call(method, json!({ "textDocument": { "uri": URI } }));
        assert!(r.get("error").is_none(), "{method}: {r}");
    }
    assert_serving(&mut s);
}

#[test]
fn a_burst_of_a_thousand_changes_loses_nothing() {
    let mut s = started();
    s.open(URI, 1, STORY);
    let mut model = STORY.to_string();
    let pieces = ["a", "“", "😀", "\r\n", "北", " ", "\r", "e\u{301}"];
    for i in 0..1000 {
        let piece = pieces[i % pieces.len()];
        // Insert at the end of the last line (utf-16 columns).
        let lines = stdio_lines(&model);
        let line = lines.len() as u32 - 1;
        let col = lines.last().map_or(0, |l| l.encode_utf16().count()) as u32;
        s.notify(
            "textDocument/didChange",
            json!({
                "textDocument": { "uri": URI, "version": i + 2 },
                "contentChanges": [{ "range": { "start": { "line": line, "character": col }, "end": { "line": line, "character": col } }, "text": piece }],
            }),
        );
        model.push_str(piece);
    }
    let got = s.text(URI);
    assert_eq!(got["version"], 1001);
    assert_eq!(got["text"], model.as_str());
    // Diagnostics arrive in version order, end with the last version, and none follow.
    let mut versions = Vec::new();
    while versions.last() != Some(&1001) {
        let d = s.wait_diagnostics(URI, |_| true);
        versions.push(d["params"]["version"].as_i64().expect("a version"));
    }
    assert!(versions.windows(2).all(|w| w[0] < w[1]), "{versions:?}");
    for m in s.drain(Duration::from_millis(300)) {
        if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == URI {
            panic!("diagnostics published after the last version's: {m}");
        }
    }
    eprintln!(
        "burst of 1,000 didChange: diagnostics published for {} versions",
        versions.len()
    );
    assert!(s.shutdown().success());
}

/// Line contents, breaking at `\n`, `\r\n` and `\r`.
fn stdio_lines(s: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let b = s.as_bytes();
    let (mut start, mut i) = (0, 0);
    while i < b.len() {
        if b[i] == b'\n' || b[i] == b'\r' {
            out.push(&s[start..i]);
            if b[i] == b'\r' && b.get(i + 1) == Some(&b'\n') {
                i += 1;
            }
            start = i + 1;
        }
        i += 1;
    }
    out.push(&s[start..]);
    out
}

#[test]
fn close_and_reopen_quickly_publishes_for_the_reopened_document() {
    let mut s = started();
    for round in 0..20 {
        s.open(URI, 1, STORY);
        s.notify(
            "textDocument/didClose",
            json!({ "textDocument": { "uri": URI } }),
        );
        s.open(URI, 1, "He said “nothing.\n");
        let d = s.wait_diagnostics(URI, |p| {
            p["version"] == 1
                && p["diagnostics"]
                    .as_array()
                    .is_some_and(|a| a.iter().any(|d| d["code"] == "quotes/unclosed"))
        });
        assert!(d.is_object(), "round {round}");
        assert_eq!(s.text(URI)["text"], "He said “nothing.\n");
        s.notify(
            "textDocument/didClose",
            json!({ "textDocument": { "uri": URI } }),
        );
        s.drain(Duration::from_millis(20));
    }
}

#[test]
fn a_panicking_handler_gets_an_internal_error_and_the_store_survives() {
    let mut s = started();
    s.open(URI, 1, STORY);
    s.wait_diagnostics(URI, |p| p["version"] == 1);
    for _ in 0..3 {
        let r = s.call("copydesk/debugPanic", Value::Null);
        assert_eq!(error_code(&r), Some(-32603), "{r}");
        assert!(
            r["error"]["message"]
                .as_str()
                .is_some_and(|m| m.contains("still running")),
            "{r}"
        );
    }
    // The panic happened with the store locked: it is still there, unchanged, and editable.
    assert_eq!(s.text(URI)["text"], STORY);
    s.notify(
        "textDocument/didChange",
        json!({
            "textDocument": { "uri": URI, "version": 2 },
            "contentChanges": [{ "range": { "start": { "line": 0, "character": 0 }, "end": { "line": 0, "character": 5 } }, "text": "Boat" }],
        }),
    );
    assert_eq!(
        s.text(URI)["text"],
        STORY.replacen("Ferry", "Boat", 1).as_str()
    );
    s.wait_diagnostics(URI, |p| p["version"] == 2);
    assert_serving(&mut s);
    assert!(s.shutdown().success());
}

#[test]
fn shutdown_then_exit_exits_zero_promptly() {
    let mut s = started();
    s.open(URI, 1, STORY);
    let t = Instant::now();
    let status = s.shutdown();
    assert!(status.success(), "{status:?}");
    assert!(t.elapsed() < Duration::from_secs(3), "{:?}", t.elapsed());
}

/// Some clients send `"params": null` with `shutdown` and `exit`: both are accepted, and the
/// session ends with status 0.
#[test]
fn shutdown_and_exit_with_null_params_exit_zero() {
    let mut s = started();
    s.open(URI, 1, STORY);
    s.wait_diagnostics(URI, |p| p["version"] == 1);
    s.send(&json!({"jsonrpc": "2.0", "id": 99, "method": "shutdown", "params": null}));
    let r = s.wait_response(99);
    assert!(
        r.get("error").is_none(),
        "shutdown with null params failed: {r}"
    );
    assert_eq!(r["result"], Value::Null);
    s.send(&json!({"jsonrpc": "2.0", "method": "exit", "params": null}));
    let status = s
        .wait_exit(Duration::from_secs(5))
        .expect("the server exits within 5 s of `exit`");
    assert_eq!(status.code(), Some(0), "{status:?}");
}

#[test]
fn exit_without_shutdown_exits_one() {
    let mut s = started();
    s.notify("exit", Value::Null);
    let status = s
        .wait_exit(Duration::from_secs(5))
        .expect("the server exits within 5 s of `exit`");
    assert_eq!(status.code(), Some(1));
}

#[test]
fn garbage_headers_are_answered_and_skipped() {
    let mut s = started();
    s.send_bytes(b"Content-Type: text/plain\r\n\r\n");
    let r = s.wait_for("a parse error", |m| m.get("error").is_some());
    assert_eq!(error_code(&r), Some(-32700), "{r}");
    s.send_bytes(b"Content-Length: lots\r\n\r\n");
    let r = s.wait_for("a parse error", |m| m.get("error").is_some());
    assert_eq!(error_code(&r), Some(-32700), "{r}");
    // A JSON object that is not JSON-RPC.
    s.send_raw(br#"{"hello": "world"}"#);
    let r = s.wait_for("an invalid request", |m| m.get("error").is_some());
    assert_eq!(error_code(&r), Some(-32600), "{r}");
    assert_serving(&mut s);
    assert!(s.shutdown().success());
}

#[test]
fn closing_stdin_ends_the_process() {
    let mut s = started();
    s.open(URI, 1, STORY);
    s.wait_diagnostics(URI, |p| p["version"] == 1);
    s.close_stdin();
    let status = s
        .wait_exit(Duration::from_secs(5))
        .expect("the server exits within 5 s when stdin closes");
    assert!(status.code().is_some(), "exited normally: {status:?}");
}

#[test]
fn closing_stdin_before_initialize_ends_the_process() {
    let mut s = Server::spawn(None);
    s.close_stdin();
    assert!(s.wait_exit(Duration::from_secs(5)).is_some());
}

#[test]
fn a_malformed_config_file_gets_a_diagnostic_and_defaults() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().canonicalize().expect("canonical root");
    // Line 2, columns 9..15 (zero-based 1:8..1:14): an unknown style.
    std::fs::write(
        root.join("copydesk.toml"),
        "# house rules\nstyle = \"apx\"\n",
    )
    .expect("write config");
    let mut s = Server::spawn(Some(&root));
    s.initialize(json!({}), Some(&root));
    let config_uri = format!("file://{}/copydesk.toml", root.display());
    let d = s.wait_diagnostics(&config_uri, |p| {
        p["diagnostics"].as_array().is_some_and(|a| !a.is_empty())
    });
    let diag = &d["params"]["diagnostics"][0];
    assert_eq!(diag["range"]["start"], json!({ "line": 1, "character": 8 }));
    assert_eq!(diag["range"]["end"], json!({ "line": 1, "character": 13 }));
    assert_eq!(diag["severity"], 1);
    assert!(
        diag["message"]
            .as_str()
            .is_some_and(|m| m.contains("defaults")),
        "{diag}"
    );
    // The server keeps running on its defaults and checks documents.
    assert_serving(&mut s);
    assert!(s.shutdown().success());
}
