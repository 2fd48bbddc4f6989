//! End-to-end latency harness: drives a language server over stdio as an editor does.
//!
//! ```text
//! cargo build --release
//! cargo run --release --example lsp_latency                      # copydesk lsp
//! cargo run --release --example lsp_latency -- -- harper-ls --stdio
//! cargo run --release --example lsp_latency -- --help
//! ```
//!
//! It spawns the server (by default `$CARGO_TARGET_DIR/release/copydesk lsp`, or
//! `target/release/copydesk lsp`; or any command given after `--`), and measures:
//!
//! 1. process start -> `initialize` answered;
//! 2. `didOpen` of the 1,000-word sample -> its first `publishDiagnostics`;
//! 3. a paragraph typed one character at a time into that article (`didChange`, incremental
//!    UTF-16 ranges when the server accepts them, else the full text as editors send it):
//!    keystroke -> the `publishDiagnostics` for that version (p50/p90/p99/max);
//! 4. the same on a 1 MB document of many stories, end marks removed so all of it is checked;
//! 5. resident memory (VmRSS from /proc/PID/status) after opening 1,000 distinct
//!    1,000-word articles and receiving diagnostics for each, and the time from the first
//!    `didOpen` to the last of their diagnostics; each article's three renamed people take
//!    distinct Census surnames (`--numbered-names`: `Pruitt0`, `Pruitt1`, ...).
//!
//! Keystrokes are sent one after another: the next is typed when the previous one's
//! diagnostics have arrived (an editor types far slower than that). Servers that publish
//! diagnostics without a version are matched by the first publication for the document
//! after the keystroke. Only serde_json and std threads are used.

use std::collections::HashSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::PathBuf;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError, Sender};
use std::thread;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

#[path = "../benches/support/stories.rs"]
mod stories;

/// Typed into the article after its lede, one character at a time (our own words; curly
/// quotes and an em dash so UTF-16 columns are exercised).
const PARAGRAPH: &str = "Council member Idris Moffatt, who abstained, said the district \
would need more than rules on paper. “We are asking bartenders to be sound engineers,” he \
said — and he asked the city to pay for meters at every club before the summer season opens.";

const USAGE: &str = "\
usage: lsp_latency [OPTIONS] [-- SERVER COMMAND...]

options:
  --article PATH      article to open and type into (default: samples/ap-city-council.txt)
  --language-id ID    languageId sent in didOpen (default: plaintext)
  --chars N           characters to type into the article (default: the whole paragraph)
  --big-chars N       characters to type into the 1 MB document (default: 100)
  --big-bytes N       size of the big document (default: 1048576)
  --docs N            articles to open for the memory figure (default: 1000)
  --starts N          also start the server N more times, initialize and shut down, for a
                      median of process start -> initialize answered (default: 10)
  --skip-big          skip the 1 MB document
  --hints-lens        after each keystroke's diagnostics, also ask for the inlay hints and
                      code lenses of the document (as VS Code does) and time those answers
  --skip-memory       skip the memory figure
  --numbered-names    name the people of the many open articles Pruitt0, Pruitt1, ...
                      (a thousand surnames one or two edits apart: the drift rule's worst
                      case) instead of distinct Census surnames
  --timeout-ms N      give up waiting for one publication after N ms (default: 10000)
  --server-log        let the server write its stderr to ours

The server defaults to `$CARGO_TARGET_DIR/release/copydesk lsp` (or target/release/...).";

struct Options {
    article: PathBuf,
    language_id: String,
    chars: Option<usize>,
    big_chars: usize,
    big_bytes: usize,
    docs: usize,
    starts: usize,
    skip_big: bool,
    skip_memory: bool,
    numbered_names: bool,
    hints_lens: bool,
    timeout: Duration,
    server_log: bool,
    command: Vec<String>,
}

fn parse_args() -> Options {
    let mut o = Options {
        article: PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/samples/ap-city-council.txt"
        )),
        language_id: "plaintext".into(),
        chars: None,
        big_chars: 100,
        big_bytes: 1 << 20,
        docs: 1000,
        starts: 10,
        skip_big: false,
        skip_memory: false,
        numbered_names: false,
        hints_lens: false,
        timeout: Duration::from_secs(10),
        server_log: false,
        command: Vec::new(),
    };
    let mut args = std::env::args().skip(1);
    let num = |v: Option<String>, name: &str| -> usize {
        v.and_then(|s| s.parse().ok()).unwrap_or_else(|| {
            eprintln!("{name} needs a number\n\n{USAGE}");
            std::process::exit(2)
        })
    };
    while let Some(a) = args.next() {
        match a.as_str() {
            "--article" => o.article = args.next().map(PathBuf::from).unwrap_or_default(),
            "--language-id" => o.language_id = args.next().unwrap_or_default(),
            "--chars" => o.chars = Some(num(args.next(), "--chars")),
            "--big-chars" => o.big_chars = num(args.next(), "--big-chars"),
            "--big-bytes" => o.big_bytes = num(args.next(), "--big-bytes"),
            "--docs" => o.docs = num(args.next(), "--docs"),
            "--starts" => o.starts = num(args.next(), "--starts"),
            "--timeout-ms" => {
                o.timeout = Duration::from_millis(num(args.next(), "--timeout-ms") as u64)
            }
            "--skip-big" => o.skip_big = true,
            "--hints-lens" => o.hints_lens = true,
            "--skip-memory" => o.skip_memory = true,
            "--numbered-names" => o.numbered_names = true,
            "--server-log" => o.server_log = true,
            "--" => {
                o.command = args.by_ref().collect();
                break;
            }
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0)
            }
            other => {
                eprintln!("unknown argument `{other}`\n\n{USAGE}");
                std::process::exit(2)
            }
        }
    }
    if o.command.is_empty() {
        let target = std::env::var("CARGO_TARGET_DIR")
            .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/target").into());
        o.command = vec![format!("{target}/release/copydesk"), "lsp".into()];
    }
    o
}

/// A message from the server and when it was read.
struct Incoming {
    at: Instant,
    msg: Value,
}

struct Server {
    child: Child,
    stdin: Sender<Vec<u8>>,
    rx: Receiver<Incoming>,
    next_id: i64,
    timeout: Duration,
}

/// Frame a message and hand it to the writer thread. Writing happens on its own thread so
/// that neither the main thread nor the reader ever blocks on a full pipe: a server that
/// waits for our answer to its own request before it reads more input cannot deadlock us.
fn write_message(w: &Sender<Vec<u8>>, msg: &Value) {
    let body = serde_json::to_vec(msg).expect("JSON serialises");
    let mut framed = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    framed.extend_from_slice(&body);
    let _ = w.send(framed);
}

fn writer(mut stdin: ChildStdin, rx: Receiver<Vec<u8>>) {
    for m in rx {
        if stdin.write_all(&m).and_then(|()| stdin.flush()).is_err() {
            eprintln!("lsp_latency: the server closed its input");
            return;
        }
    }
}

/// Read framed JSON-RPC messages; answer the server's own requests (configuration,
/// capability registration, progress) so it never waits on us; pass everything on.
fn reader(stdout: impl Read, stdin: Sender<Vec<u8>>, tx: Sender<Incoming>) {
    let mut r = BufReader::with_capacity(1 << 16, stdout);
    let mut line = String::new();
    loop {
        let mut len = None;
        loop {
            line.clear();
            match r.read_line(&mut line) {
                Ok(0) | Err(_) => return,
                Ok(_) => {}
            }
            let l = line.trim_end();
            if l.is_empty() {
                break;
            }
            if let Some((k, v)) = l.split_once(':') {
                if k.eq_ignore_ascii_case("content-length") {
                    len = v.trim().parse::<usize>().ok();
                }
            }
        }
        let Some(len) = len else { continue };
        let mut body = vec![0; len];
        if r.read_exact(&mut body).is_err() {
            return;
        }
        let at = Instant::now();
        let Ok(msg) = serde_json::from_slice::<Value>(&body) else {
            continue;
        };
        if msg.get("method").is_some() && msg.get("id").is_some() {
            let result = match msg["method"].as_str() {
                Some("workspace/configuration") => {
                    let n = msg["params"]["items"].as_array().map_or(0, Vec::len);
                    Value::Array(vec![Value::Null; n])
                }
                _ => Value::Null,
            };
            write_message(
                &stdin,
                &json!({"jsonrpc": "2.0", "id": msg["id"].clone(), "result": result}),
            );
        }
        if tx.send(Incoming { at, msg }).is_err() {
            return;
        }
    }
}

impl Server {
    fn spawn(command: &[String], server_log: bool, timeout: Duration) -> (Server, Instant) {
        let start = Instant::now();
        let mut child = Command::new(&command[0])
            .args(&command[1..])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(if server_log {
                Stdio::inherit()
            } else {
                Stdio::null()
            })
            .spawn()
            .unwrap_or_else(|e| {
                eprintln!("lsp_latency: cannot start `{}`: {e}", command.join(" "));
                std::process::exit(2)
            });
        let (stdin, to_write) = mpsc::channel();
        let pipe = child.stdin.take().expect("piped stdin");
        thread::spawn(move || writer(pipe, to_write));
        let stdout = child.stdout.take().expect("piped stdout");
        let (tx, rx) = mpsc::channel();
        let w = stdin.clone();
        thread::spawn(move || reader(stdout, w, tx));
        (
            Server {
                child,
                stdin,
                rx,
                next_id: 1,
                timeout,
            },
            start,
        )
    }

    fn notify(&self, method: &str, params: Value) {
        write_message(
            &self.stdin,
            &json!({"jsonrpc": "2.0", "method": method, "params": params}),
        );
    }

    fn request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        write_message(
            &self.stdin,
            &json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}),
        );
        id
    }

    /// The first message satisfying `want`, or `None` after the timeout.
    fn wait_for(&self, mut want: impl FnMut(&Value) -> bool) -> Option<Incoming> {
        let deadline = Instant::now() + self.timeout;
        loop {
            let left = deadline.saturating_duration_since(Instant::now());
            match self.rx.recv_timeout(left) {
                Ok(m) if want(&m.msg) => return Some(m),
                Ok(_) => {}
                Err(RecvTimeoutError::Timeout) | Err(RecvTimeoutError::Disconnected) => {
                    return None
                }
            }
        }
    }

    fn response(&self, id: i64) -> Option<Incoming> {
        self.wait_for(|m| m.get("method").is_none() && m["id"].as_i64() == Some(id))
    }

    fn rss_kib(&self, field: &str) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id())).ok()?;
        status
            .lines()
            .find(|l| l.starts_with(field))?
            .split_whitespace()
            .nth(1)?
            .parse()
            .ok()
    }

    /// CPU time (user + system) the server has used so far, from /proc/PID/stat, in clock
    /// ticks of 10 ms: coarse, so only read over many keystrokes.
    fn cpu_time(&self) -> Option<Duration> {
        let stat = std::fs::read_to_string(format!("/proc/{}/stat", self.child.id())).ok()?;
        // Fields after the command name, which is in parentheses and may hold spaces.
        let rest = &stat[stat.rfind(')')? + 2..];
        let f: Vec<&str> = rest.split_whitespace().collect();
        let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
        Some(Duration::from_millis(ticks * 10))
    }

    fn shutdown(mut self) {
        let id = self.request("shutdown", Value::Null);
        let _ = self.response(id);
        self.notify("exit", Value::Null);
        let deadline = Instant::now() + self.timeout;
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.child.try_wait() {
                return;
            }
            thread::sleep(Duration::from_millis(20));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn is_diagnostics_for(m: &Value, uri: &str) -> bool {
    m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
}

/// Length of `s` in UTF-16 code units.
fn utf16_len(s: &str) -> u32 {
    s.encode_utf16().count() as u32
}

/// An open document as the editor holds it, with the cursor where typing goes.
struct Typing {
    uri: String,
    text: String,
    version: i64,
    /// Cursor as a byte offset into `text`, and as an LSP (line, UTF-16 column).
    cursor: usize,
    line: u32,
    column: u32,
}

impl Typing {
    /// Put the cursor at the end of the first paragraph that follows a blank line after
    /// byte `from`, and start a new paragraph there (typed as two Enter keystrokes).
    fn new(uri: String, text: String, from: usize) -> Typing {
        let para_start = text[from..].find("\n\n").map_or(0, |i| from + i + 2);
        let end = text[para_start..]
            .find('\n')
            .map_or(text.len(), |i| para_start + i);
        let line = text[..end].matches('\n').count() as u32;
        let line_start = text[..end].rfind('\n').map_or(0, |i| i + 1);
        let column = utf16_len(&text[line_start..end]);
        Typing {
            uri,
            text,
            version: 1,
            cursor: end,
            line,
            column,
        }
    }

    /// Type one character; returns the didChange params.
    fn type_char(&mut self, c: char, incremental: bool) -> Value {
        let at = json!({"line": self.line, "character": self.column});
        let mut buf = [0u8; 4];
        let s: &str = c.encode_utf8(&mut buf);
        self.text.insert_str(self.cursor, s);
        self.cursor += s.len();
        if c == '\n' {
            self.line += 1;
            self.column = 0;
        } else {
            self.column += c.len_utf16() as u32;
        }
        self.version += 1;
        let change = if incremental {
            json!({"range": {"start": at, "end": at}, "text": s})
        } else {
            json!({"text": self.text})
        };
        json!({
            "textDocument": {"uri": self.uri, "version": self.version},
            "contentChanges": [change],
        })
    }
}

#[derive(Default)]
struct Latencies {
    samples: Vec<Duration>,
    timeouts: usize,
    unversioned: bool,
    /// Server CPU time over the typing, per keystroke.
    cpu_per_keystroke: Option<Duration>,
    /// `--hints-lens`: diagnostics in -> inlay hints and code lenses answered.
    hints_lens: Vec<Duration>,
}

impl Latencies {
    fn percentile(&self, p: f64) -> Option<Duration> {
        if self.samples.is_empty() {
            return None;
        }
        let mut s = self.samples.clone();
        s.sort();
        // Nearest rank.
        let rank = ((p / 100.0) * s.len() as f64).ceil().max(1.0) as usize;
        Some(s[rank.min(s.len()) - 1])
    }
}

fn ms(d: Option<Duration>) -> String {
    d.map_or_else(
        || "-".into(),
        |d| format!("{:.3} ms", d.as_secs_f64() * 1e3),
    )
}

fn open(server: &Server, uri: &str, language_id: &str, text: &str) {
    server.notify(
        "textDocument/didOpen",
        json!({"textDocument": {
            "uri": uri, "languageId": language_id, "version": 1, "text": text,
        }}),
    );
}

/// Open `text`, wait for its first diagnostics, then type `chars` characters into it.
fn type_into(
    server: &mut Server,
    hints_lens: bool,
    uri: &str,
    language_id: &str,
    text: String,
    chars: &[char],
    incremental: bool,
) -> (Option<Duration>, Latencies) {
    let t0 = Instant::now();
    open(server, uri, language_id, &text);
    let opened = server
        .wait_for(|m| is_diagnostics_for(m, uri))
        .map(|m| m.at - t0);
    // Type after the lede: the first paragraph break past the headline and byline.
    let mut doc = Typing::new(uri.to_string(), text, 0);
    let mut lat = Latencies::default();
    let cpu0 = server.cpu_time();
    for &c in chars {
        let params = doc.type_char(c, incremental);
        let version = doc.version;
        let sent = Instant::now();
        server.notify("textDocument/didChange", params);
        let got = server.wait_for(|m| {
            if !is_diagnostics_for(m, uri) {
                return false;
            }
            match m["params"]["version"].as_i64() {
                Some(v) => v == version,
                None => true,
            }
        });
        match got {
            Some(m) => {
                if m.msg["params"]["version"].is_null() {
                    lat.unversioned = true;
                }
                lat.samples.push(m.at - sent);
            }
            None => lat.timeouts += 1,
        }
        if hints_lens {
            let t = Instant::now();
            let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": doc.line + 1000, "character": 0}});
            let a = server.request(
                "textDocument/inlayHint",
                json!({"textDocument": {"uri": uri}, "range": whole}),
            );
            let b = server.request(
                "textDocument/codeLens",
                json!({"textDocument": {"uri": uri}}),
            );
            let (ra, rb) = (server.response(a), server.response(b));
            if let (Some(_), Some(rb)) = (ra, rb) {
                lat.hints_lens.push(rb.at - t);
            }
        }
    }
    if let (Some(a), Some(b)) = (cpu0, server.cpu_time()) {
        lat.cpu_per_keystroke = Some((b.saturating_sub(a)) / chars.len().max(1) as u32);
    }
    (opened, lat)
}

/// The people renamed in each of the many open articles (the sample's other people keep
/// their names in all of them).
const RENAMED: [&str; 3] = ["Pruitt", "Delgado", "Baptiste"];

/// Surnames for the many open articles: the Census list of `data/surnames.txt` (its
/// commonest 8,000), five to ten ASCII letters, none written in `base`, in a fixed
/// shuffled order (the same every run), so that each story names people a desk could
/// name. Near spellings occur among them as they do among real names (`Hansen`,
/// `Hanson`), not a thousand of them one or two edits apart.
fn real_surnames(base: &str) -> Vec<&'static str> {
    const LIST: &str = include_str!("../data/surnames.txt");
    let mut names: Vec<&str> = LIST
        .lines()
        .filter(|l| !l.starts_with('#'))
        .take(8000)
        .filter(|n| {
            (5..=10).contains(&n.len())
                && n.bytes().all(|b| b.is_ascii_alphabetic())
                && n.as_bytes()[0].is_ascii_uppercase()
                && n.bytes().skip(1).all(|b| b.is_ascii_lowercase())
                && !base.contains(n)
        })
        .collect();
    // Fisher-Yates with a fixed xorshift seed.
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    for i in (1..names.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        names.swap(i, (x % (i as u64 + 1)) as usize);
    }
    names
}

/// A distinct 1,000-word article for document `n`: the sample with its people renamed and
/// figures changed, so no two documents share text. The three renamed people take
/// surnames `3n`, `3n + 1` and `3n + 2` of `surnames` (wrapping round), or, when
/// `surnames` is empty (`--numbered-names`), `Pruitt{n}`, `Delgado{n}`, `Baptiste{n}`: a
/// thousand spellings one or two edits apart, the drift rule's worst case.
fn distinct_article(base: &str, n: usize, surnames: &[&str]) -> String {
    let mut s = base.to_string();
    for (k, old) in RENAMED.iter().enumerate() {
        let new = if surnames.is_empty() {
            format!("{old}{n}")
        } else {
            surnames[(3 * n + k) % surnames.len()].to_string()
        };
        s = s.replace(old, &new);
    }
    s = s.replace("10-5", &format!("{}-{}", 8 + n % 7, n % 5));
    format!("Story {n}: {s}")
}

fn row(what: &str, value: String, target: &str) {
    println!("| {what:<58} | {value:>24} | {target:<14} |");
}

/// Start the server and initialize it: the server, the time from process start to the
/// answer, and the answer.
fn start_server(o: &Options, root_uri: &str) -> (Server, Duration, Value) {
    let (mut server, start) = Server::spawn(&o.command, o.server_log, o.timeout);
    let id = server.request(
        "initialize",
        json!({
            "processId": std::process::id(),
            "rootUri": root_uri,
            "workspaceFolders": [{"uri": root_uri, "name": "bench"}],
            "capabilities": {
                "general": {"positionEncodings": ["utf-16"]},
                "textDocument": {
                    "synchronization": {"didSave": false, "dynamicRegistration": false},
                    "publishDiagnostics": {"versionSupport": true, "relatedInformation": true},
                },
                "workspace": {"configuration": true, "workspaceFolders": true},
            },
            "clientInfo": {"name": "lsp_latency"},
        }),
    );
    let Some(init) = server.response(id) else {
        eprintln!("lsp_latency: no answer to initialize");
        let _ = server.child.kill();
        std::process::exit(1)
    };
    (server, init.at - start, init.msg)
}

fn main() {
    let o = parse_args();
    let article = std::fs::read_to_string(&o.article).unwrap_or_else(|e| {
        eprintln!("lsp_latency: cannot read {}: {e}", o.article.display());
        std::process::exit(2)
    });
    let mut chars: Vec<char> = "\n\n".chars().chain(PARAGRAPH.chars()).collect();
    if let Some(n) = o.chars {
        chars.truncate(n);
    }
    let tmp = std::env::temp_dir().join(format!("lsp-latency-{}", std::process::id()));
    let root_uri = format!("file://{}", tmp.display());

    // 1. Start and initialize.
    let (mut server, init_time, init) = start_server(&o, &root_uri);
    let sync = &init["result"]["capabilities"]["textDocumentSync"];
    let kind = sync
        .as_i64()
        .or_else(|| sync["change"].as_i64())
        .unwrap_or(1);
    let incremental = kind == 2;
    let name = init["result"]["serverInfo"]["name"]
        .as_str()
        .unwrap_or(&o.command[0])
        .to_string();
    server.notify("initialized", json!({}));
    let rss_start = server.rss_kib("VmRSS:");

    // 2-3. The article.
    let uri = format!("{root_uri}/article.txt");
    let (opened, small) = type_into(
        &mut server,
        o.hints_lens,
        &uri,
        &o.language_id,
        article.clone(),
        &chars,
        incremental,
    );
    server.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    );

    // 4. The 1 MB document.
    let big = (!o.skip_big).then(|| {
        let text = stories::one_long_story(o.big_bytes, &article);
        let uri = format!("{root_uri}/many-stories.txt");
        let n = o.big_chars.min(chars.len());
        let r = type_into(
            &mut server,
            o.hints_lens,
            &uri,
            &o.language_id,
            text,
            &chars[..n],
            incremental,
        );
        server.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        );
        r
    });

    // 5. Memory with many open articles.
    let memory = (!o.skip_memory).then(|| {
        let surnames = if o.numbered_names {
            Vec::new()
        } else {
            real_surnames(&article)
        };
        let texts: Vec<String> = (0..o.docs)
            .map(|n| distinct_article(&article, n, &surnames))
            .collect();
        let cpu0 = server.cpu_time();
        let t0 = Instant::now();
        let mut pending: HashSet<String> = HashSet::new();
        for (n, text) in texts.iter().enumerate() {
            let uri = format!("{root_uri}/open/{n:05}.txt");
            open(&server, &uri, &o.language_id, text);
            pending.insert(uri);
        }
        while !pending.is_empty() {
            let got = server.wait_for(|m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"]
                        .as_str()
                        .is_some_and(|u| pending.contains(u))
            });
            match got {
                Some(m) => {
                    let u = m.msg["params"]["uri"]
                        .as_str()
                        .unwrap_or_default()
                        .to_string();
                    pending.remove(&u);
                }
                None => break,
            }
        }
        let all_in = t0.elapsed();
        let cpu = cpu0
            .zip(server.cpu_time())
            .map(|(a, b)| b.saturating_sub(a));
        (
            server.rss_kib("VmRSS:"),
            server.rss_kib("VmHWM:"),
            all_in,
            cpu,
            pending.len(),
        )
    });

    let rss_end = server.rss_kib("VmRSS:");
    server.shutdown();

    // More cold starts, one after another, for a median.
    let mut starts = Latencies::default();
    starts.samples.push(init_time);
    for _ in 0..o.starts {
        let (server, t, _) = start_server(&o, &root_uri);
        starts.samples.push(t);
        server.notify("initialized", json!({}));
        server.shutdown();
    }

    println!();
    println!(
        "server: {name} (`{}`), sync: {}",
        o.command.join(" "),
        if incremental { "incremental" } else { "full" }
    );
    println!(
        "article: {} ({} bytes), {} characters typed",
        o.article.display(),
        article.len(),
        chars.len()
    );
    if !o.skip_memory {
        println!(
            "{} open articles, their people renamed {}",
            o.docs,
            if o.numbered_names {
                "Pruitt0, Pruitt1, ... (--numbered-names)"
            } else {
                "with distinct Census surnames"
            }
        );
    }
    println!();
    row("what", "measured".into(), "target");
    println!("|{}|{}|{}|", "-".repeat(60), "-".repeat(26), "-".repeat(16));
    row(
        &format!(
            "process start -> initialize answered, median of {}",
            starts.samples.len()
        ),
        ms(starts.percentile(50.0)),
        "<= 10 ms",
    );
    row("  first start", ms(Some(init_time)), "");
    row("  slowest start", ms(starts.percentile(100.0)), "");
    row("resident memory after initialize", kib(rss_start), "");
    row("didOpen article -> first diagnostics", ms(opened), "");
    latency_rows("article", &small, "<= 0.5 ms", "<= 2 ms");
    if let Some((opened, lat)) = &big {
        row("didOpen 1 MB -> first diagnostics", ms(*opened), "");
        latency_rows("1 MB", lat, "", "<= 30 ms");
    }
    if let Some((rss, hwm, all_in, cpu, missing)) = memory {
        row(
            &format!("open {} articles -> all diagnostics in", o.docs),
            format!("{:.0} ms", all_in.as_secs_f64() * 1e3),
            "",
        );
        row(
            "  server CPU time meanwhile (all threads)",
            cpu.map_or_else(|| "-".into(), |d| format!("{} ms", d.as_millis())),
            "",
        );
        if missing > 0 {
            row(
                "  articles without diagnostics (timeout)",
                missing.to_string(),
                "",
            );
        }
        row(
            &format!("resident memory, {} articles open (VmRSS)", o.docs),
            kib(rss),
            "<= 150 MB",
        );
        row("  peak resident memory (VmHWM)", kib(hwm), "");
    }
    row("resident memory at the end", kib(rss_end), "");
}

fn latency_rows(what: &str, lat: &Latencies, p50_target: &str, p99_target: &str) {
    let n = lat.samples.len();
    row(
        &format!(
            "keystroke -> diagnostics, {what}, n={n}{}",
            if lat.unversioned {
                " (unversioned)"
            } else {
                ""
            }
        ),
        String::new(),
        "",
    );
    if !lat.hints_lens.is_empty() {
        let mut h = lat.hints_lens.clone();
        h.sort();
        let at =
            |p: f64| h[(((p / 100.0) * h.len() as f64).ceil().max(1.0) as usize).min(h.len()) - 1];
        row(
            &format!("  then inlay hints + code lens answered, {what}, p50 / p99"),
            format!("{} / {}", ms(Some(at(50.0))), ms(Some(at(99.0)))),
            "",
        );
    }
    row("  p50", ms(lat.percentile(50.0)), p50_target);
    row("  p90", ms(lat.percentile(90.0)), "");
    row("  p99", ms(lat.percentile(99.0)), p99_target);
    row("  max", ms(lat.percentile(100.0)), "");
    row(
        "  server CPU time per keystroke",
        ms(lat.cpu_per_keystroke),
        "",
    );
    if lat.timeouts > 0 {
        row(
            "  keystrokes with no diagnostics",
            lat.timeouts.to_string(),
            "",
        );
    }
}

fn kib(k: Option<u64>) -> String {
    k.map_or_else(|| "-".into(), |k| format!("{:.1} MB", k as f64 / 1024.0))
}
