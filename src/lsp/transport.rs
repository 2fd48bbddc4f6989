//! The stdio transport around tower-lsp's `Server`, fixing two things tower-lsp 0.20 gets
//! wrong for a server that must never die:
//!
//! - **Malformed messages.** tower-lsp answers the first undecodable message with a parse
//!   error and then stops reading (its `FramedRead` ends after a decoder error), so the server
//!   quits. Here every frame is read and checked first: a frame that is not UTF-8 JSON-RPC is
//!   replaced by an internal `$/copydesk/invalidMessage` request that [`Guarded`] answers
//!   with -32700 (parse error) or -32600 (invalid request), id null, and the server goes on.
//! - **`"params": null`.** tower-lsp answers a request whose handler takes no parameters
//!   (`shutdown`; also the `exit` notification) with -32602 when the message carries
//!   `"params": null`, which some clients send; the server then exits with status 1, as
//!   after `exit` without `shutdown`. [`Guarded`] reads a null `params` as no `params`
//!   ([`without_null_params`]): JSON-RPC allows only an object or an array there.
//! - **`exit`.** tower-lsp marks the service exited but keeps waiting for input; here `exit`
//!   ends [`serve`] at once. The exit code is 0 after `shutdown`, 1 without (LSP spec).
//!
//! Output is written whole frame by whole frame under one lock ([`Outbox`]), by two
//! writers: a `copydesk-output` thread that writes what tower-lsp produces (tower-lsp
//! writes into a [`FrameSink`], which cuts its byte stream into frames and queues them, so
//! the async runtime never blocks on a full pipe), and the analysis thread, which writes
//! its `publishDiagnostics` frames itself, serialised straight from the typed parameters.
//! (tower-lsp's `Client` would first build a `serde_json::Value` tree of every diagnostic,
//! serialise that, then free it: on a 1 MB document with ~880 findings that was most of
//! the server's own cost per keystroke; and each hop through its channels, the runtime and
//! tokio's blocking stdout wakes another thread.)

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll};
use std::time::Duration;

use futures::FutureExt;
use serde::Serialize;
use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::panic::AssertUnwindSafe;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::{mpsc, Notify};
use tower_lsp::jsonrpc::{Error, ErrorCode, Id, Request, Response};
use tower_lsp::{ExitedError, LspService, Server};
use tower_service::Service;
use tracing::{error, warn};

use super::Backend;

const INVALID: &str = "$/copydesk/invalidMessage";

/// Bodies larger than this are skipped with an error rather than held in memory.
const MAX_BODY: usize = 512 << 20;

/// The LSP service, answering invalid messages and watching for `shutdown` and `exit`.
pub struct Guarded {
    inner: LspService<Backend>,
    shutdown: Arc<AtomicBool>,
    exited: Arc<Notify>,
}

impl Service<Request> for Guarded {
    type Response = Option<Response>;
    type Error = ExitedError;
    type Future = Pin<Box<dyn Future<Output = Result<Option<Response>, ExitedError>> + Send>>;

    fn poll_ready(&mut self, cx: &mut Context<'_>) -> Poll<Result<(), ExitedError>> {
        self.inner.poll_ready(cx)
    }

    fn call(&mut self, req: Request) -> Self::Future {
        if req.method() == INVALID && req.id() == Some(&Id::Null) {
            let params = req.params().cloned().unwrap_or(Value::Null);
            let code = match params["code"].as_i64() {
                Some(-32600) => ErrorCode::InvalidRequest,
                _ => ErrorCode::ParseError,
            };
            let message = params["message"].as_str().unwrap_or("invalid message");
            let err = Error {
                code,
                message: message.to_string().into(),
                data: None,
            };
            return Box::pin(async move { Ok(Some(Response::from_error(Id::Null, err))) });
        }
        let req = with_spec_capability_names(without_null_params(req));
        let is_shutdown = req.method() == "shutdown";
        let is_exit = req.method() == "exit";
        let method = req.method().to_string();
        let id = req.id().cloned();
        let fut = self.inner.call(req);
        let shutdown = self.shutdown.clone();
        let exited = self.exited.clone();
        Box::pin(async move {
            // tower-lsp 0.20 does not catch panics: one would unwind through `Server::serve`
            // and end the process. Every handler runs under this: a request that panics is
            // answered with an internal error (-32603), a notification's panic is logged.
            let r = match AssertUnwindSafe(fut).catch_unwind().await {
                Ok(r) => r,
                Err(payload) => {
                    error!("{method} panicked: {}", super::panic_message(&*payload));
                    Ok(id.map(|id| {
                        Response::from_error(
                            id,
                            Error {
                                code: ErrorCode::InternalError,
                                message: format!(
                                    "copydesk: internal error in {method}; the server is still running"
                                )
                                .into(),
                                data: None,
                            },
                        )
                    }))
                }
            };
            if is_shutdown
                && r.as_ref()
                    .is_ok_and(|r| r.as_ref().is_some_and(|r| r.is_ok()))
            {
                shutdown.store(true, Ordering::SeqCst);
            }
            if is_exit {
                exited.notify_one();
            }
            r
        })
    }
}

/// `req` without its `params` member when that is `null`. For a method without parameters
/// that makes it valid; for one with parameters it stays invalid (-32602 either way).
fn without_null_params(req: Request) -> Request {
    if req.params() != Some(&Value::Null) {
        return req;
    }
    let (method, id, _) = req.into_parts();
    match id {
        Some(id) => Request::build(method).id(id).finish(),
        None => Request::build(method).finish(),
    }
}

/// `initialize` with the client's `workspace.diagnostics` (the protocol's name) also
/// under `workspace.diagnostic`, the name lsp-types 0.94 reads: without it a client's
/// `refreshSupport` for pull diagnostics would be lost.
fn with_spec_capability_names(req: Request) -> Request {
    let wanted = req.method() == "initialize"
        && req.params().is_some_and(|p| {
            let w = &p["capabilities"]["workspace"];
            w.get("diagnostics").is_some() && w.get("diagnostic").is_none()
        });
    if !wanted {
        return req;
    }
    let (method, id, params) = req.into_parts();
    let mut params = params.unwrap_or(Value::Null);
    if let Some(w) = params["capabilities"]["workspace"].as_object_mut() {
        if let Some(d) = w.get("diagnostics").cloned() {
            w.insert("diagnostic".into(), d);
        }
    }
    let b = Request::build(method).params(params);
    match id {
        Some(id) => b.id(id).finish(),
        None => b.finish(),
    }
}

/// How a session ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Ended {
    /// An `exit` notification, after a successful `shutdown` or not.
    Exit { after_shutdown: bool },
    /// The end of input: the client went away.
    InputClosed,
}

impl Ended {
    /// The process exit code: 1 for `exit` without `shutdown` (as LSP says), else 0.
    pub fn exit_code(self) -> u8 {
        match self {
            Ended::Exit {
                after_shutdown: false,
            } => 1,
            _ => 0,
        }
    }
}

/// The output, written one whole frame (`Content-Length` header and body) at a time.
#[derive(Clone)]
pub struct Outbox(Arc<std::sync::Mutex<Box<dyn Write + Send>>>);

impl Outbox {
    fn new(output: impl Write + Send + 'static) -> Outbox {
        Outbox(Arc::new(std::sync::Mutex::new(Box::new(output))))
    }

    /// Write and flush one whole frame, without another writer's bytes inside it.
    fn write(&self, frame: &[u8]) -> std::io::Result<()> {
        // A panic while writing leaves at worst a cut frame; the client will say so.
        let mut out = self.0.lock().unwrap_or_else(|p| p.into_inner());
        out.write_all(frame)?;
        out.flush()
    }

    /// Queue a JSON-RPC notification, serialised straight from `params`.
    pub fn notify<P: Serialize>(&self, method: &str, params: &P) -> std::io::Result<()> {
        #[derive(Serialize)]
        struct Notification<'a, P> {
            jsonrpc: &'static str,
            method: &'a str,
            params: &'a P,
        }
        let body = serde_json::to_vec(&Notification {
            jsonrpc: "2.0",
            method,
            params,
        })?;
        // One buffer, so that the frame leaves in one write(2), not two.
        let header = format!("Content-Length: {}\r\n\r\n", body.len());
        let mut frame = Vec::with_capacity(header.len() + body.len());
        frame.extend_from_slice(header.as_bytes());
        frame.extend_from_slice(&body);
        self.write(&frame)
    }
}

impl Outbox {
    /// Queue a JSON-RPC notification whose `params` are already JSON (one value).
    pub fn notify_json(&self, method: &str, params: &[u8]) -> std::io::Result<()> {
        let head = format!(
            "{{\"jsonrpc\":\"2.0\",\"method\":{},\"params\":",
            serde_json::to_string(method)?
        );
        let len = head.len() + params.len() + 1;
        let header = format!("Content-Length: {len}\r\n\r\n");
        let mut frame = Vec::with_capacity(header.len() + len);
        frame.extend_from_slice(header.as_bytes());
        frame.extend_from_slice(head.as_bytes());
        frame.extend_from_slice(params);
        frame.push(b'}');
        self.write(&frame)
    }
}

/// tower-lsp's output: collects its bytes and passes each complete frame to the outbox, so
/// that frames from tower-lsp and from the analysis worker never interleave.
pub struct FrameSink {
    buf: Vec<u8>,
    out: std::sync::mpsc::Sender<Vec<u8>>,
}

impl FrameSink {
    /// Move every complete frame at the start of `buf` to the outbox.
    fn forward(&mut self) -> std::io::Result<()> {
        loop {
            let Some(end) = self.buf.windows(4).position(|w| w == b"\r\n\r\n") else {
                return Ok(());
            };
            let len = String::from_utf8_lossy(&self.buf[..end])
                .lines()
                .find_map(|l| {
                    let (k, v) = l.split_once(':')?;
                    k.trim()
                        .eq_ignore_ascii_case("content-length")
                        .then(|| v.trim().parse::<usize>().ok())?
                })
                .unwrap_or(0);
            let total = end + 4 + len;
            if self.buf.len() < total {
                return Ok(());
            }
            let rest = self.buf.split_off(total);
            let frame = std::mem::replace(&mut self.buf, rest);
            self.out.send(frame).map_err(|_| {
                std::io::Error::new(std::io::ErrorKind::BrokenPipe, "output closed")
            })?;
        }
    }
}

impl AsyncWrite for FrameSink {
    fn poll_write(
        mut self: Pin<&mut Self>,
        _cx: &mut Context<'_>,
        data: &[u8],
    ) -> Poll<std::io::Result<usize>> {
        self.buf.extend_from_slice(data);
        Poll::Ready(self.forward().map(|()| data.len()))
    }

    fn poll_flush(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }

    fn poll_shutdown(self: Pin<&mut Self>, _cx: &mut Context<'_>) -> Poll<std::io::Result<()>> {
        Poll::Ready(Ok(()))
    }
}

/// The output thread: write queued frames in order. An empty frame is a barrier:
/// everything before it has been written when `drained` is notified.
fn write_frames(rx: std::sync::mpsc::Receiver<Vec<u8>>, out: Outbox, drained: Arc<Notify>) {
    for frame in rx {
        if frame.is_empty() {
            drained.notify_one();
        } else if out.write(&frame).is_err() {
            return;
        }
    }
}

/// Serve LSP over `input`/`output` until `exit` or the end of input.
pub async fn serve<I, O>(input: I, output: O) -> Ended
where
    I: Read + Send + 'static,
    O: Write + Send + 'static,
{
    let out = Outbox::new(output);
    let (tx, rx) = std::sync::mpsc::channel();
    let (service, socket) = super::service_with_outbox(Some(out.clone()));
    let tx_end = tx.clone();
    let sink = FrameSink {
        buf: Vec::new(),
        out: tx,
    };
    let drained = Arc::new(Notify::new());
    let notify = drained.clone();
    if let Err(e) = std::thread::Builder::new()
        .name("copydesk-output".into())
        .spawn(move || write_frames(rx, out, notify))
    {
        error!("cannot start the output thread: {e}");
        return Ended::InputClosed;
    }
    let shutdown = Arc::new(AtomicBool::new(false));
    let exited = Arc::new(Notify::new());
    let guarded = Guarded {
        inner: service,
        shutdown: shutdown.clone(),
        exited: exited.clone(),
    };
    let (to_server, from_input) = mpsc::unbounded_channel();
    if let Err(e) = std::thread::Builder::new()
        .name("copydesk-input".into())
        .spawn(move || filter_input(input, to_server))
    {
        error!("cannot start the input thread: {e}");
        return Ended::InputClosed;
    }
    let reader = FrameSource {
        rx: from_input,
        frame: Vec::new(),
        at: 0,
    };
    let ended = tokio::select! {
        _ = Server::new(reader, sink, socket).serve(guarded) => Ended::InputClosed,
        _ = exited.notified() => Ended::Exit {
            after_shutdown: shutdown.load(Ordering::SeqCst),
        },
    };
    // Let what is already queued (the last responses) reach the client, briefly.
    if tx_end.send(Vec::new()).is_ok() {
        let _ = tokio::time::timeout(Duration::from_millis(200), drained.notified()).await;
    }
    ended
}

/// The input thread: read framed messages from `input` (blocking reads) and pass each to
/// `output` as a whole frame, replacing each invalid one by an
/// `$/copydesk/invalidMessage` request. Ends at the end of input, or when nobody listens.
fn filter_input(input: impl Read, output: mpsc::UnboundedSender<Vec<u8>>) {
    let mut input = BufReader::with_capacity(1 << 16, input);
    loop {
        let mut len: Option<usize> = None;
        let mut bad_header = None;
        let mut any = false;
        loop {
            let mut line = Vec::new();
            match input.read_until(b'\n', &mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let text = String::from_utf8_lossy(&line);
            let text = text.trim();
            if text.is_empty() {
                if any {
                    break;
                }
                continue; // stray blank lines between messages
            }
            any = true;
            if let Some((name, value)) = text.split_once(':') {
                if name.trim().eq_ignore_ascii_case("content-length") {
                    match value.trim().parse() {
                        Ok(n) => len = Some(n),
                        Err(_) => {
                            bad_header = Some(format!("bad Content-Length `{}`", value.trim()))
                        }
                    }
                }
            } else {
                bad_header = Some("a header line without a colon".to_string());
            }
        }
        let replacement = match (len, bad_header) {
            (Some(n), None) if n <= MAX_BODY => {
                let mut body = vec![0; n];
                if input.read_exact(&mut body).is_err() {
                    return;
                }
                match check(&body) {
                    Ok(()) => {
                        if output.send(frame(&body)).is_err() {
                            return;
                        }
                        continue;
                    }
                    Err(e) => e,
                }
            }
            (Some(n), None) => {
                let skipped = std::io::copy(&mut (&mut input).take(n as u64), &mut std::io::sink());
                if skipped.is_err() {
                    return;
                }
                (-32600, format!("message of {n} bytes is too large"))
            }
            (_, Some(why)) => (-32700, format!("Parse error: {why}")),
            (None, None) => (-32700, "Parse error: no Content-Length header".to_string()),
        };
        warn!("invalid message from the client: {}", replacement.1);
        let req = json!({
            "jsonrpc": "2.0",
            "id": null,
            "method": INVALID,
            "params": { "code": replacement.0, "message": replacement.1 },
        });
        let body = serde_json::to_vec(&req).unwrap_or_default();
        if output.send(frame(&body)).is_err() {
            return;
        }
    }
}

/// Is `body` a JSON-RPC message tower-lsp will accept? Otherwise the error to answer.
fn check(body: &[u8]) -> Result<(), (i64, String)> {
    let value: Value =
        serde_json::from_slice(body).map_err(|e| (-32700, format!("Parse error: {e}")))?;
    if !value.is_object() {
        return Err((-32600, "Invalid request: not a JSON object".into()));
    }
    let ok = serde_json::from_value::<Request>(value.clone()).is_ok()
        || serde_json::from_value::<Response>(value).is_ok();
    if ok {
        Ok(())
    } else {
        Err((-32600, "Invalid request: not a JSON-RPC 2.0 message".into()))
    }
}

/// `body` with its `Content-Length` header.
fn frame(body: &[u8]) -> Vec<u8> {
    let header = format!("Content-Length: {}\r\n\r\n", body.len());
    let mut frame = Vec::with_capacity(header.len() + body.len());
    frame.extend_from_slice(header.as_bytes());
    frame.extend_from_slice(body);
    frame
}

/// tower-lsp's input: the frames the input thread passes on, as a byte stream.
struct FrameSource {
    rx: mpsc::UnboundedReceiver<Vec<u8>>,
    frame: Vec<u8>,
    at: usize,
}

impl AsyncRead for FrameSource {
    fn poll_read(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut tokio::io::ReadBuf<'_>,
    ) -> Poll<std::io::Result<()>> {
        while self.at == self.frame.len() {
            match self.rx.poll_recv(cx) {
                Poll::Ready(Some(frame)) => {
                    self.frame = frame;
                    self.at = 0;
                }
                Poll::Ready(None) => return Poll::Ready(Ok(())), // end of input
                Poll::Pending => return Poll::Pending,
            }
        }
        let n = buf.remaining().min(self.frame.len() - self.at);
        let at = self.at;
        buf.put_slice(&self.frame[at..at + n]);
        self.at += n;
        Poll::Ready(Ok(()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn null_params_are_no_params() {
        let req: Request =
            serde_json::from_str(r#"{"jsonrpc":"2.0","id":3,"method":"shutdown","params":null}"#)
                .unwrap();
        assert_eq!(req.params(), Some(&Value::Null));
        let req = without_null_params(req);
        assert_eq!(req.params(), None);
        assert_eq!(req.id(), Some(&Id::Number(3)));
        assert_eq!(req.method(), "shutdown");
        // Real parameters are kept.
        let req: Request =
            serde_json::from_str(r#"{"jsonrpc":"2.0","method":"exit","params":{"x":"“é” 😀"}}"#)
                .unwrap();
        let kept = without_null_params(req.clone());
        assert_eq!(kept, req);
    }

    #[test]
    fn frame_sink_passes_on_whole_frames_however_the_bytes_arrive() {
        let (tx, rx) = std::sync::mpsc::channel();
        let mut sink = FrameSink {
            buf: Vec::new(),
            out: tx,
        };
        let a = frame(br#"{"jsonrpc":"2.0","id":1,"result":null}"#);
        let b = frame(r#"{"jsonrpc":"2.0","method":"m","params":"“Hi” — 北京 😀"}"#.as_bytes());
        let mut all = a.clone();
        all.extend_from_slice(&b);
        for piece in all.chunks(3) {
            sink.buf.extend_from_slice(piece);
            sink.forward().unwrap();
        }
        assert_eq!(
            rx.try_iter().collect::<Vec<_>>(),
            vec![a.clone(), b.clone()]
        );
        // Both in one write.
        sink.buf.extend_from_slice(&all);
        sink.forward().unwrap();
        assert_eq!(rx.try_iter().collect::<Vec<_>>(), vec![a, b]);
        assert!(sink.buf.is_empty());
    }
}
