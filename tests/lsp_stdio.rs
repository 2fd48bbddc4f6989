//! End-to-end tests: spawn the real `copydesk lsp` binary and speak JSON-RPC over stdio.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

const TIMEOUT: Duration = Duration::from_secs(20);

/// A minimal LSP client over the child's stdio.
struct Client {
    child: Child,
    stdin: Option<ChildStdin>,
    rx: Receiver<Value>,
    backlog: Vec<Value>,
    next_id: i64,
}

fn read_frame(r: &mut impl BufRead) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            len = v.parse::<usize>().ok();
        }
    }
    let mut buf = vec![0; len?];
    r.read_exact(&mut buf).ok()?;
    serde_json::from_slice(&buf).ok()
}

impl Client {
    fn spawn(args: &[&str]) -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .args(args)
            .env("COPYDESK_LOG", "copydesk=debug")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn copydesk");
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let mut r = BufReader::new(stdout);
            while let Some(v) = read_frame(&mut r) {
                if tx.send(v).is_err() {
                    break;
                }
            }
        });
        let stdin = child.stdin.take();
        Client {
            child,
            stdin,
            rx,
            backlog: Vec::new(),
            next_id: 0,
        }
    }

    fn send(&mut self, v: Value) {
        let body = v.to_string();
        let stdin = self.stdin.as_mut().expect("stdin open");
        write!(stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body).unwrap();
        stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        let mut msg = json!({"jsonrpc": "2.0", "method": method});
        if !params.is_null() {
            msg["params"] = params;
        }
        self.send(msg);
    }

    /// Wait for a message matching `pred`, keeping the others for later.
    fn wait(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&pred) {
            return self.backlog.remove(i);
        }
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(v) if pred(&v) => return v,
                Ok(v) => self.backlog.push(v),
                Err(RecvTimeoutError::Timeout) => {
                    panic!("timed out waiting for {what}; got {:#?}", self.backlog)
                }
                Err(RecvTimeoutError::Disconnected) => {
                    panic!("server closed stdout waiting for {what}")
                }
            }
        }
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let mut msg = json!({"jsonrpc": "2.0", "id": id, "method": method});
        if !params.is_null() {
            msg["params"] = params;
        }
        self.send(msg);
        let resp = self.wait(method, |v| {
            v["id"] == json!(id) && v.get("method").is_none()
        });
        assert!(resp.get("error").is_none(), "{method} failed: {resp}");
        resp["result"].clone()
    }

    /// The next publishDiagnostics for `uri` with the given version.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let v = self.wait("publishDiagnostics", |v| {
            v["method"] == "textDocument/publishDiagnostics"
                && v["params"]["uri"] == uri
                && v["params"]["version"] == json!(version)
        });
        v["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn initialize(&mut self, encodings: &[&str]) -> Value {
        let r = self.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": null,
                "capabilities": {
                    "general": {"positionEncodings": encodings},
                    "workspace": {"workspaceEdit": {"documentChanges": true}}
                }
            }),
        );
        self.notify("initialized", json!({}));
        r
    }

    fn open(&mut self, uri: &str, lang: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": lang, "version": 1, "text": text}}),
        );
    }

    fn change(&mut self, uri: &str, version: i64, changes: Value) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes}),
        );
    }

    fn shutdown_and_exit(mut self) -> std::process::ExitStatus {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        self.stdin.take();
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return status;
            }
            assert!(
                Instant::now() < deadline,
                "server did not exit after `exit`"
            );
            std::thread::sleep(Duration::from_millis(10));
        }
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn range(d: &Value) -> (u64, u64, u64, u64) {
    let r = &d["range"];
    (
        r["start"]["line"].as_u64().unwrap(),
        r["start"]["character"].as_u64().unwrap(),
        r["end"]["line"].as_u64().unwrap(),
        r["end"]["character"].as_u64().unwrap(),
    )
}

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

const URI: &str = "file:///tmp/copydesk-test/story.txt";

/// Line 3 holds, before the unclosed mark: curly quotes (1 unit each in UTF-16, 3 bytes in
/// UTF-8), an em dash, CJK (1 unit / 3 bytes) and an emoji (2 units / 4 bytes).
const STORY: &str = "Grain deal signed\n\nBEIJING, Sept. 19 (Xinhua) -- Officials met.\n\n“Good,” 北京 — 😀 “We will go on, she said.\n\nOfficials agreed.\n\nNEW ROUTES\n\nTrains will run weekly.\n";

fn col_of(line: &str, needle: &str, enc: &str) -> u64 {
    let prefix = &line[..line.find(needle).unwrap()];
    (match enc {
        "utf-8" => prefix.len(),
        "utf-16" => prefix.encode_utf16().count(),
        _ => prefix.chars().count(),
    }) as u64
}

fn encoding_round_trip(offered: &[&str], expected: &str) {
    let mut c = Client::spawn(&["lsp"]);
    let init = c.initialize(offered);
    assert_eq!(init["capabilities"]["positionEncoding"], expected);
    assert_eq!(
        init["capabilities"]["textDocumentSync"]["change"], 2,
        "incremental sync"
    );
    c.open(URI, "plaintext", STORY);
    let diags = c.diagnostics(URI, 1);
    assert_eq!(codes(&diags), ["quotes/unclosed"]);
    let line4 = STORY.lines().nth(4).unwrap();
    let col = col_of(line4, "“We", expected);
    assert_eq!(
        range(&diags[0]),
        (4, col, 4, col + if expected == "utf-8" { 3 } else { 1 })
    );
    assert_eq!(diags[0]["source"], "copydesk");
    assert_eq!(diags[0]["severity"], 1);

    // Insert text before the bad mark, after the emoji: the diagnostic moves by its length.
    let emoji_end = col_of(line4, " “We", expected);
    c.change(
        URI,
        2,
        json!([{"range": {"start": {"line": 4, "character": emoji_end}, "end": {"line": 4, "character": emoji_end}}, "text": " añadido — 北京 😀"}]),
    );
    let diags = c.diagnostics(URI, 2);
    let added = match expected {
        "utf-8" => " añadido — 北京 😀".len(),
        "utf-16" => " añadido — 北京 😀".encode_utf16().count(),
        _ => " añadido — 北京 😀".chars().count(),
    } as u64;
    assert_eq!(range(&diags[0]).1, col + added);

    // Close the quotation: the diagnostic goes away.
    let comma = col_of(line4, ", she", expected) + added;
    c.change(
        URI,
        3,
        json!([{"range": {"start": {"line": 4, "character": comma + 1}, "end": {"line": 4, "character": comma + 1}}, "text": "”"}]),
    );
    assert_eq!(c.diagnostics(URI, 3), Vec::<Value>::new());
    assert!(c.shutdown_and_exit().success());
}

#[test]
fn utf16_positions_survive_incremental_edits() {
    encoding_round_trip(&["utf-16"], "utf-16");
}

#[test]
fn utf8_is_chosen_when_offered() {
    encoding_round_trip(&["utf-16", "utf-8"], "utf-8");
}

#[test]
fn utf32_when_only_utf32_offered() {
    encoding_round_trip(&["utf-32"], "utf-32");
}

#[test]
fn document_symbols_outline_sections() {
    let mut c = Client::spawn(&["lsp", "--stdio"]);
    c.initialize(&[]);
    c.open(URI, "plaintext", STORY);
    let syms = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": URI}}),
    );
    let article = &syms[0];
    assert_eq!(article["name"], "Grain deal signed");
    let children: Vec<&str> = article["children"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(children, ["Lede", "NEW ROUTES"]);
    let section = &article["children"][1];
    assert_eq!(section["selectionRange"]["start"]["line"], 8);
    assert_eq!(section["range"]["end"]["line"], 10);
    let folds = c.request(
        "textDocument/foldingRange",
        json!({"textDocument": {"uri": URI}}),
    );
    assert_eq!(folds[0]["startLine"], 8);
    assert_eq!(folds[0]["endLine"], 10);
}

#[test]
fn hover_on_dateline_and_quick_fix() {
    let mut c = Client::spawn(&["--stdio"]);
    c.initialize(&["utf-16"]);
    c.open(URI, "plaintext", STORY);
    let hover = c.request(
        "textDocument/hover",
        json!({"textDocument": {"uri": URI}, "position": {"line": 2, "character": 3}}),
    );
    let md = hover["contents"]["value"].as_str().unwrap();
    assert!(md.contains("place: `BEIJING`"), "{md}");
    assert!(md.contains("Xinhua"), "{md}");

    let diags = c.diagnostics(URI, 1);
    let actions = c.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": URI}, "range": diags[0]["range"], "context": {"diagnostics": diags}}),
    );
    let action = &actions[0];
    assert_eq!(action["kind"], "quickfix");
    let edit = &action["edit"]["documentChanges"][0];
    assert_eq!(edit["textDocument"]["version"], 1);
    let te = &edit["edits"][0];
    assert_eq!(te["newText"], "”");
    // After "said." on line 4 (UTF-16 units).
    let line4 = STORY.lines().nth(4).unwrap();
    let after = col_of(line4, "said.", "utf-16") + 5;
    assert_eq!(te["range"]["start"], json!({"line": 4, "character": after}));
}

#[test]
fn burst_of_edits_applies_in_order() {
    let mut c = Client::spawn(&["lsp"]);
    c.initialize(&["utf-16"]);
    let uri = "file:///tmp/copydesk-test/burst.md";
    c.open(uri, "markdown", "");
    c.diagnostics(uri, 1);
    // Type a story one character at a time, each edit at the end of the previous one.
    let story = "# Talks\n\nBEIJING, March 30 (Xinhua) -- “Talks — 会谈 😀 went well,” he said.\n\nSecond “paragraph.\n";
    let mut line = 0u64;
    let mut col = 0u64;
    let mut version = 1;
    for ch in story.chars() {
        version += 1;
        c.change(
            uri,
            version,
            json!([{"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col}}, "text": ch.to_string()}]),
        );
        if ch == '\n' {
            line += 1;
            col = 0;
        } else {
            col += ch.len_utf16() as u64;
        }
    }
    let diags = c.diagnostics(uri, version);
    // Only the unclosed mark in the last paragraph: every edit landed where it was meant.
    assert_eq!(codes(&diags), ["quotes/unclosed"]);
    assert_eq!(range(&diags[0]), (4, 7, 4, 8));
    let syms = c.request(
        "textDocument/documentSymbol",
        json!({"textDocument": {"uri": uri}}),
    );
    assert_eq!(syms[0]["name"], "Talks");
    assert!(c.shutdown_and_exit().success());
}

#[test]
fn crlf_and_lone_cr_count_as_line_breaks_but_u2028_does_not() {
    let mut c = Client::spawn(&["lsp"]);
    c.initialize(&["utf-16"]);
    let text =
        "Headline\r\n\r\nBEIJING, March 30 (Xinhua) -- Rain\u{2028}fell.\r\rHe said “no.\r\n";
    c.open(URI, "plaintext", text);
    let diags = c.diagnostics(URI, 1);
    assert_eq!(codes(&diags), ["quotes/unclosed"]);
    // Lines: 0 Headline, 1 "", 2 dateline (U+2028 is not a break), 3 "", 4 He said ...
    assert_eq!(range(&diags[0]), (4, 8, 4, 9));
}

#[test]
fn closing_a_document_clears_its_diagnostics() {
    let mut c = Client::spawn(&["lsp"]);
    c.initialize(&[]);
    c.open(URI, "plaintext", STORY);
    assert_eq!(c.diagnostics(URI, 1).len(), 1);
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": URI}}),
    );
    let v = c.wait("cleared diagnostics", |v| {
        v["method"] == "textDocument/publishDiagnostics" && v["params"]["diagnostics"] == json!([])
    });
    assert_eq!(v["params"]["uri"], URI);
}

#[test]
fn missing_dateline_is_reported_on_the_first_word() {
    let mut c = Client::spawn(&["lsp"]);
    c.initialize(&[]);
    c.open(URI, "plaintext", "Headline\n\n“Officials” met on Monday.\n");
    let diags = c.diagnostics(URI, 1);
    assert_eq!(codes(&diags), ["dateline/missing"]);
    assert_eq!(range(&diags[0]), (2, 0, 2, 11));
}

#[test]
fn exits_when_stdin_closes() {
    let mut c = Client::spawn(&["lsp"]);
    c.initialize(&[]);
    c.stdin.take();
    let deadline = Instant::now() + TIMEOUT;
    while c.child.try_wait().unwrap().is_none() {
        assert!(
            Instant::now() < deadline,
            "server kept running after stdin closed"
        );
        std::thread::sleep(Duration::from_millis(10));
    }
}
