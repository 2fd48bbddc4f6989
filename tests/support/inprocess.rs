//! The in-process LSP test client: the real service (`copydesk::lsp::service`) behind
//! tower-lsp's `Server` on a `tokio::io::duplex` pipe, spoken to in framed JSON-RPC as an
//! editor would. A reader task answers the server's own requests at once
//! (`workspace/configuration` with [`Client::settings`], `client/registerCapability`,
//! anything else with null) and records them in [`Client::seen`]; every other message
//! waits in arrival order for `recv`/`wait`.
//!
//! `LSP_TRACE=1` prints every message both ways on stderr.
#![allow(dead_code)]

use std::collections::VecDeque;
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader, DuplexStream, WriteHalf};
use tokio::sync::mpsc;

pub const TIMEOUT: Duration = Duration::from_secs(10);

type Writer = Arc<tokio::sync::Mutex<WriteHalf<DuplexStream>>>;

/// What the server has asked the client.
#[derive(Default)]
pub struct Seen {
    pub configuration_requests: usize,
    /// The params of every `client/registerCapability`.
    pub registrations: Vec<Value>,
    /// The method of every request the server sent, in order.
    pub requests: Vec<String>,
}

pub struct Client {
    writer: Writer,
    inbox: mpsc::UnboundedReceiver<Value>,
    /// Messages read but not yet taken, in arrival order.
    backlog: VecDeque<Value>,
    next_id: i64,
    /// The answer to `workspace/configuration` (the `copydesk` section).
    pub settings: Arc<Mutex<Value>>,
    pub seen: Arc<Mutex<Seen>>,
}

fn trace() -> bool {
    std::env::var_os("LSP_TRACE").is_some()
}

async fn send(writer: &Writer, msg: &Value) {
    if trace() {
        eprintln!(">> {msg}");
    }
    let body = serde_json::to_string(msg).unwrap();
    let mut w = writer.lock().await;
    w.write_all(format!("Content-Length: {}\r\n\r\n{body}", body.len()).as_bytes())
        .await
        .expect("the server's input is open");
    w.flush().await.unwrap();
}

/// Read one framed message; `None` at the end of the stream.
async fn read_message(r: &mut BufReader<tokio::io::ReadHalf<DuplexStream>>) -> Option<Value> {
    let mut len = None;
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).await.ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length:") {
            len = v.trim().parse::<usize>().ok();
        }
    }
    let mut body = vec![0; len?];
    r.read_exact(&mut body).await.ok()?;
    Some(serde_json::from_slice(&body).expect("the server sends valid JSON"))
}

impl Client {
    /// Start a server and its client (no message sent yet).
    pub fn start() -> Client {
        let _ = tracing_subscriber::fmt()
            .with_env_filter("copydesk=warn")
            .with_test_writer()
            .try_init();
        let (client_io, server_io) = tokio::io::duplex(1 << 20);
        let (sr, sw) = tokio::io::split(server_io);
        let (service, socket) = copydesk::lsp::service();
        tokio::spawn(tower_lsp::Server::new(sr, sw, socket).serve(service));

        let (cr, cw) = tokio::io::split(client_io);
        let writer: Writer = Arc::new(tokio::sync::Mutex::new(cw));
        let (tx, inbox) = mpsc::unbounded_channel();
        let settings = Arc::new(Mutex::new(Value::Null));
        let seen = Arc::new(Mutex::new(Seen::default()));
        let (w2, s2, seen2) = (writer.clone(), settings.clone(), seen.clone());
        tokio::spawn(async move {
            let mut r = BufReader::new(cr);
            while let Some(msg) = read_message(&mut r).await {
                if trace() && msg["method"] != "textDocument/publishDiagnostics" {
                    eprintln!("<< {msg}");
                }
                // Answer the server's requests to the client at once.
                if let (Some(method), Some(id)) = (msg.get("method"), msg.get("id")) {
                    seen2
                        .lock()
                        .unwrap()
                        .requests
                        .push(method.as_str().unwrap_or("").to_string());
                    let result = match method.as_str().unwrap_or("") {
                        "workspace/configuration" => {
                            seen2.lock().unwrap().configuration_requests += 1;
                            json!([s2.lock().unwrap().clone()])
                        }
                        "client/registerCapability" => {
                            let params = msg["params"].clone();
                            seen2.lock().unwrap().registrations.push(params);
                            Value::Null
                        }
                        _ => Value::Null,
                    };
                    send(&w2, &json!({"jsonrpc": "2.0", "id": id, "result": result})).await;
                    continue;
                }
                if tx.send(msg).is_err() {
                    return;
                }
            }
        });
        Client {
            writer,
            inbox,
            backlog: VecDeque::new(),
            next_id: 1,
            settings,
            seen,
        }
    }

    /// Send any message as it is.
    pub async fn send(&self, msg: Value) {
        send(&self.writer, &msg).await;
    }

    pub async fn notify(&self, method: &str, params: Value) {
        send(
            &self.writer,
            &json!({"jsonrpc": "2.0", "method": method, "params": params}),
        )
        .await;
    }

    /// Send a request and wait for its response (the whole message: `result` or `error`).
    /// What arrives meanwhile stays queued for `recv`.
    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        send(
            &self.writer,
            &json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}),
        )
        .await;
        self.wait(|m| m.get("method").is_none() && m["id"] == json!(id))
            .await
    }

    /// A request's result; an error response fails the test.
    pub async fn result(&mut self, method: &str, params: Value) -> Value {
        let r = self.request(method, params).await;
        assert!(r.get("error").is_none(), "{method} failed: {r}");
        r["result"].clone()
    }

    /// The next message, waiting up to `timeout`; `None` when nothing came.
    pub async fn recv_timeout(&mut self, timeout: Duration) -> Option<Value> {
        if let Some(v) = self.backlog.pop_front() {
            return Some(v);
        }
        tokio::time::timeout(timeout, self.inbox.recv())
            .await
            .ok()
            .map(|m| m.expect("the server is running"))
    }

    /// The next message; fails the test after [`TIMEOUT`].
    pub async fn recv(&mut self) -> Value {
        self.recv_timeout(TIMEOUT)
            .await
            .expect("timed out waiting for the server")
    }

    /// The first message, in arrival order, that satisfies `pred`; the others stay queued.
    pub async fn wait(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.backlog.iter().position(&pred) {
            return self.backlog.remove(i).unwrap();
        }
        let deadline = tokio::time::Instant::now() + TIMEOUT;
        loop {
            let msg = tokio::time::timeout_at(deadline, self.inbox.recv())
                .await
                .expect("timed out waiting for a message")
                .expect("the server is running");
            if pred(&msg) {
                return msg;
            }
            self.backlog.push_back(msg);
        }
    }

    /// Every message that has arrived so far, without waiting.
    pub fn drain(&mut self) -> Vec<Value> {
        let mut out: Vec<Value> = self.backlog.drain(..).collect();
        while let Ok(v) = self.inbox.try_recv() {
            out.push(v);
        }
        out
    }

    /// The diagnostics published for `uri` at `version`.
    pub async fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let v = self
            .wait(|v| {
                v["method"] == "textDocument/publishDiagnostics"
                    && v["params"]["uri"] == uri
                    && v["params"]["version"] == json!(version)
            })
            .await;
        v["params"]["diagnostics"].as_array().unwrap().clone()
    }

    /// Wait for diagnostics on `uri` that satisfy `want`.
    pub async fn diagnostics_until(
        &mut self,
        uri: &str,
        want: impl Fn(&[Value]) -> bool,
    ) -> Vec<Value> {
        self.all_diagnostics_until(&[uri], want).await.remove(0)
    }

    /// Wait until the latest diagnostics of every one of `uris` satisfy `want` (publishes
    /// for different documents may arrive in any order). Publications read on the way are
    /// consumed.
    pub async fn all_diagnostics_until(
        &mut self,
        uris: &[&str],
        want: impl Fn(&[Value]) -> bool,
    ) -> Vec<Vec<Value>> {
        let mut latest: Vec<Option<Vec<Value>>> = vec![None; uris.len()];
        loop {
            let msg = self.recv().await;
            if msg["method"] != "textDocument/publishDiagnostics" {
                continue;
            }
            if let Some(i) = uris.iter().position(|u| msg["params"]["uri"] == *u) {
                latest[i] = Some(msg["params"]["diagnostics"].as_array().unwrap().clone());
                if latest.iter().all(|d| d.as_deref().is_some_and(&want)) {
                    return latest.into_iter().map(Option::unwrap).collect();
                }
            }
        }
    }

    /// `initialize` with `params` and `initialized`; the initialize result.
    pub async fn initialize_with(&mut self, params: Value) -> Value {
        let r = self.result("initialize", params).await;
        self.notify("initialized", json!({})).await;
        r
    }

    /// `initialize` with `capabilities` and no root; the initialize result.
    pub async fn initialize(&mut self, capabilities: Value) -> Value {
        self.initialize_with(
            json!({"processId": null, "rootUri": null, "capabilities": capabilities}),
        )
        .await
    }

    /// `initialize` with a workspace root (as `rootUri` and the one workspace folder),
    /// `capabilities` and `initializationOptions`.
    pub async fn initialize_in(
        &mut self,
        root: &Path,
        capabilities: Value,
        options: Value,
    ) -> Value {
        let root_uri = url(root);
        self.initialize_with(json!({
            "processId": null,
            "rootUri": root_uri,
            "workspaceFolders": [{"uri": root_uri, "name": "desk"}],
            "capabilities": capabilities,
            "initializationOptions": options,
        }))
        .await
    }

    /// `didOpen` a plain-text document at version 1.
    pub async fn open(&self, uri: &str, text: &str) {
        self.open_version(uri, 1, text).await;
    }

    pub async fn open_version(&self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": version, "text": text}}),
        )
        .await;
    }

    /// The text and version the server holds (`copydesk/debugText`), or null.
    pub async fn text(&mut self, uri: &str) -> Value {
        self.result("copydesk/debugText", json!({"uri": uri})).await
    }
}

/// The `file:` URL of a path.
pub fn url(p: &Path) -> String {
    tower_lsp::lsp_types::Url::from_file_path(p)
        .unwrap()
        .to_string()
}
