//! In-process LSP tests: the real server on a `tokio::io::duplex` pair, framed JSON-RPC.

use serde_json::{json, Value};
use tokio::io::{
    AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream, ReadHalf, WriteHalf,
};
use tower_lsp::{LspService, Server};

use copydesk::lsp::Backend;

struct Harness {
    write: WriteHalf<DuplexStream>,
    read: BufReader<ReadHalf<DuplexStream>>,
    backlog: Vec<Value>,
    id: i64,
}

impl Harness {
    fn start() -> Harness {
        let (client, server) = tokio::io::duplex(1 << 20);
        let (sr, sw) = tokio::io::split(server);
        let (service, socket) = LspService::new(Backend::new);
        tokio::spawn(Server::new(sr, sw, socket).serve(service));
        let (cr, cw) = tokio::io::split(client);
        Harness {
            write: cw,
            read: BufReader::new(cr),
            backlog: Vec::new(),
            id: 0,
        }
    }

    async fn send(&mut self, v: Value) {
        let body = v.to_string();
        let frame = format!("Content-Length: {}\r\n\r\n{}", body.len(), body);
        self.write.write_all(frame.as_bytes()).await.unwrap();
    }

    async fn recv(&mut self) -> Value {
        let mut len = 0;
        loop {
            let mut line = String::new();
            self.read.read_line(&mut line).await.unwrap();
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                len = v.parse().unwrap();
            }
        }
        let mut buf = vec![0; len];
        self.read.read_exact(&mut buf).await.unwrap();
        serde_json::from_slice(&buf).unwrap()
    }

    async fn wait(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&pred) {
            return self.backlog.remove(i);
        }
        let fut = async {
            loop {
                let v = self.recv().await;
                if pred(&v) {
                    return v;
                }
                self.backlog.push(v);
            }
        };
        tokio::time::timeout(std::time::Duration::from_secs(10), fut)
            .await
            .expect("timed out waiting for a message")
    }

    async fn request(&mut self, method: &str, params: Value) -> Value {
        self.id += 1;
        let id = self.id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}))
            .await;
        self.wait(|v| v["id"] == json!(id)).await
    }

    async fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}))
            .await;
    }

    async fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let v = self
            .wait(|v| {
                v["method"] == "textDocument/publishDiagnostics"
                    && v["params"]["uri"] == uri
                    && v["params"]["version"] == json!(version)
            })
            .await;
        v["params"]["diagnostics"].as_array().unwrap().clone()
    }
}

const URI: &str = "file:///newsroom/story.txt";
const STORY: &str = "Headline\n\nOfficials met “on Monday.\n";

fn codes(d: &[Value]) -> Vec<&str> {
    d.iter().map(|d| d["code"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn defaults_to_utf16_and_reports_both_foundation_errors() {
    let mut h = Harness::start();
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
    let mut h = Harness::start();
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
    let mut h = Harness::start();
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
