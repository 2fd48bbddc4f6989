//! The real server over stdio: quick fixes and the source action that converts an
//! article's quotation marks to typographic form.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{json, Value};

struct Server {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn copydesk lsp");
        let stdin = child.stdin.take().expect("stdin");
        let stdout = BufReader::new(child.stdout.take().expect("stdout"));
        Server {
            child,
            stdin,
            stdout,
        }
    }

    fn send(&mut self, msg: Value) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).expect("write");
        self.stdin.flush().expect("flush");
    }

    fn read(&mut self) -> Value {
        let mut len = 0usize;
        loop {
            let mut line = String::new();
            assert!(
                self.stdout.read_line(&mut line).expect("read") > 0,
                "server closed"
            );
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                len = n.parse().expect("length");
            }
        }
        let mut body = vec![0; len];
        self.stdout.read_exact(&mut body).expect("body");
        serde_json::from_slice(&body).expect("json")
    }

    /// Send a request and return its result, skipping notifications and server requests.
    fn request(&mut self, id: u64, method: &str, params: Value) -> Value {
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let msg = self.read();
            if msg.get("id") == Some(&json!(id)) && msg.get("method").is_none() {
                return msg["result"].clone();
            }
        }
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const URI: &str = "file:///tmp/copydesk-quotes-lsp/story.txt";

fn open(text: &str) -> Server {
    let mut s = Server::start();
    let init = s.request(1, "initialize", json!({"capabilities": {}}));
    let kinds = &init["capabilities"]["codeActionProvider"]["codeActionKinds"];
    assert!(
        kinds
            .as_array()
            .is_some_and(|k| k.contains(&json!("source.convertQuotes.copydesk"))),
        "{kinds}"
    );
    s.notify("initialized", json!({}));
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": URI, "languageId": "plaintext", "version": 1, "text": text}}),
    );
    s
}

fn code_actions(s: &mut Server, id: u64, only: Option<Value>, line: u32) -> Vec<Value> {
    let mut context = json!({"diagnostics": []});
    if let Some(only) = only {
        context["only"] = only;
    }
    let result = s.request(
        id,
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": URI},
            "range": {"start": {"line": line, "character": 0}, "end": {"line": line, "character": 200}},
            "context": context,
        }),
    );
    result.as_array().cloned().unwrap_or_default()
}

/// The TextEdits of an action, whichever WorkspaceEdit form the server chose.
fn edits(action: &Value) -> Vec<Value> {
    let edit = &action["edit"];
    if let Some(changes) = edit["changes"][URI].as_array() {
        return changes.clone();
    }
    edit["documentChanges"][0]["edits"]
        .as_array()
        .cloned()
        .unwrap_or_default()
}

const TEXT: &str = "WASHINGTON (AP) — Officials met on Monday.\n\n\"We don't know,\" the 😀 mayor said of the '90s.\n";

#[test]
fn source_action_converts_marks_to_typographic() {
    let mut s = open(TEXT);
    let actions = code_actions(&mut s, 2, Some(json!(["source"])), 2);
    assert_eq!(actions.len(), 1, "{actions:?}");
    assert_eq!(actions[0]["kind"], "source.convertQuotes.copydesk");
    let edits = edits(&actions[0]);
    let mut got: Vec<(u64, String)> = edits
        .iter()
        .map(|e| {
            assert_eq!(e["range"]["start"]["line"], 2);
            (
                e["range"]["start"]["character"]
                    .as_u64()
                    .expect("character"),
                e["newText"].as_str().expect("text").to_string(),
            )
        })
        .collect();
    got.sort();
    // UTF-16 columns: the emoji before `'90s` counts two units (41 code points, 42 units).
    let want: Vec<(u64, String)> = [(0, "“"), (7, "’"), (15, "”"), (42, "’")]
        .into_iter()
        .map(|(c, t)| (c, t.to_string()))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn quickfix_only_requests_get_no_source_action() {
    let mut s = open(TEXT);
    let actions = code_actions(&mut s, 2, Some(json!(["quickfix"])), 2);
    assert!(
        actions
            .iter()
            .all(|a| a["kind"] != "source.convertQuotes.copydesk"),
        "{actions:?}"
    );
    // Without `only`, the source action is offered too.
    let actions = code_actions(&mut s, 3, None, 2);
    assert!(actions
        .iter()
        .any(|a| a["kind"] == "source.convertQuotes.copydesk"));
}

#[test]
fn quickfix_closes_an_unclosed_quotation() {
    let text = "WASHINGTON (AP) — Officials met on Monday.\n\n“We will go on, he said.\n\nOfficials agreed.\n";
    let mut s = open(text);
    let actions = code_actions(&mut s, 2, Some(json!(["quickfix"])), 2);
    let fix = actions
        .iter()
        .find(|a| a["title"] == "Close the quotation with ”")
        .unwrap_or_else(|| panic!("{actions:?}"));
    assert_eq!(fix["kind"], "quickfix");
    let edits = edits(fix);
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0]["newText"], "”");
    assert_eq!(
        edits[0]["range"]["start"],
        json!({"line": 2, "character": 24})
    );
}
