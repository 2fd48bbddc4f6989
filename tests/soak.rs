//! Soak test of the real binary over stdio: random edits to a few open documents (line
//! breaks of every kind, emoji, CJK, curly quotes, whole-text replacements: the pieces of
//! `tests/support/model.rs`), with hover, documentSymbol and codeAction requests
//! interleaved. Checked: every request is answered (and not with an error), the server's
//! text equals a model text at every checkpoint (`copydesk/debugText`), the last version
//! of every document gets its diagnostics, and resident memory (VmRSS) stays flat after
//! warm-up.
//!
//! 2,000 edits by default; `COPYDESK_SOAK=100000` for the full run (release build; see
//! BENCHMARKS.md, "Soak"): `COPYDESK_SOAK=100000 cargo test --release --test soak --
//! --nocapture`. The memory check needs at least 20,000 edits to mean anything and is
//! made from there on; the curve is printed either way.

#[path = "support/model.rs"]
mod model;
#[path = "support/stdio.rs"]
mod stdio;

use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};

use copydesk::text::Encoding;
use model::Rng;
use serde_json::{json, Value};
use stdio::Server;

const ENC: Encoding = Encoding::Utf16;

/// Checkpoints (text comparison, memory sample) per run.
const CHECKPOINTS: usize = 40;

/// At most this many requests are in flight at once.
const IN_FLIGHT: usize = 16;

fn edits() -> usize {
    std::env::var("COPYDESK_SOAK")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000)
}

/// VmRSS of `pid` in kB.
fn rss_kb(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.split_whitespace().next()?.parse().ok())
        .unwrap_or(0)
}

struct Doc {
    uri: String,
    /// The sample the document started as: a whole-text replacement puts it back (with
    /// the edit's pieces after it), so that documents stay article-sized.
    sample: String,
    text: String,
    version: i64,
}

struct Soak {
    server: Server,
    /// Requests sent and not answered yet: id -> method.
    in_flight: HashMap<i64, &'static str>,
    answered: usize,
    /// The newest diagnostics version seen per document.
    published: HashMap<String, i64>,
}

impl Soak {
    /// Take every message that has arrived; with `block`, wait for at least one response.
    fn pump(&mut self, block: bool) {
        if block {
            let any_response = |m: &Value| m.get("method").is_none() && m.get("id").is_some();
            let r = self
                .server
                .try_wait_for(stdio::TIMEOUT, &any_response)
                .unwrap_or_else(|| {
                    panic!(
                        "no response within {:?}; in flight: {:?}",
                        stdio::TIMEOUT,
                        self.in_flight
                    )
                });
            self.take(r);
        }
        for m in self.server.drain(Duration::ZERO) {
            self.take(m);
        }
    }

    fn take(&mut self, m: Value) {
        if m["method"] == "textDocument/publishDiagnostics" {
            let uri = m["params"]["uri"].as_str().unwrap_or_default().to_string();
            if let Some(v) = m["params"]["version"].as_i64() {
                let last = self.published.entry(uri.clone()).or_insert(0);
                assert!(
                    v >= *last,
                    "diagnostics for {uri} went back from {last} to {v}"
                );
                *last = v;
            }
            return;
        }
        if m.get("method").is_some() {
            return; // window/logMessage and the like
        }
        let id = m["id"].as_i64().expect("a response has a numeric id");
        let method = self
            .in_flight
            .remove(&id)
            .unwrap_or_else(|| panic!("a response to no request in flight: {m}"));
        assert!(m.get("error").is_none(), "{method} failed: {m}");
        let result = &m["result"];
        match method {
            "textDocument/hover" => assert!(result.is_null() || result["contents"].is_object()),
            _ => assert!(result.is_array(), "{method} answered {result}"),
        }
        self.answered += 1;
    }

    fn request(&mut self, method: &'static str, params: Value) {
        while self.in_flight.len() >= IN_FLIGHT {
            self.pump(true);
        }
        let id = self.server.request(method, params);
        self.in_flight.insert(id, method);
    }
}

fn position(text: &str, offset: usize) -> Value {
    let (line, character) = model::position(text, offset, ENC);
    json!({"line": line, "character": character})
}

#[test]
fn random_edits_and_requests_through_the_binary() {
    let n = edits();
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs: Vec<Doc> = [
        (
            "file:///soak/council.txt",
            "samples/ap-city-council.txt",
            "plaintext",
        ),
        (
            "file:///soak/grain.txt",
            "samples/xinhua-grain-deal.txt",
            "plaintext",
        ),
        (
            "file:///soak/summit.md",
            "samples/afp-summit.md",
            "markdown",
        ),
    ]
    .into_iter()
    .map(|(uri, path, _)| {
        let sample = std::fs::read_to_string(root.join(path)).expect("sample");
        Doc {
            uri: uri.to_string(),
            text: sample.clone(),
            sample,
            version: 1,
        }
    })
    .collect();
    let languages = ["plaintext", "plaintext", "markdown"];

    let mut server = Server::spawn(None);
    let init = server.initialize(json!({}), None);
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-16");
    for (d, lang) in docs.iter().zip(languages) {
        server.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": d.uri, "languageId": lang, "version": 1, "text": d.text}}),
        );
    }
    let pid = server.pid();
    let mut soak = Soak {
        server,
        in_flight: HashMap::new(),
        answered: 0,
        published: HashMap::new(),
    };
    let mut rng = Rng::new(0x50a6_0001);
    let every = (n / CHECKPOINTS).max(1);
    let mut curve: Vec<(usize, u64)> = vec![(0, rss_kb(pid))];
    let mut requests = 0usize;
    let mut sizes = 0usize;
    let started = Instant::now();

    for i in 1..=n {
        let d = rng.below(docs.len());
        let doc = &mut docs[d];
        // One to three changes per notification, as editors batch them.
        let mut changes = Vec::new();
        for _ in 0..1 + rng.below(3) {
            let mut e = model::concretize(&doc.text, &rng.op());
            if e.whole {
                e.text = format!("{}{}", doc.sample, e.text);
            }
            changes.push(if e.whole {
                json!({"text": e.text})
            } else {
                json!({
                    "range": {"start": position(&doc.text, e.start), "end": position(&doc.text, e.end)},
                    "text": e.text,
                })
            });
            model::apply(&mut doc.text, &e);
        }
        doc.version += 1;
        soak.server.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": doc.uri, "version": doc.version}, "contentChanges": changes}),
        );

        // A request after about one edit in eight, at a random place of the model text.
        if rng.below(8) == 0 {
            let doc = &docs[rng.below(docs.len())];
            let cursors = model::cursor_offsets(&doc.text);
            let a = cursors[rng.below(cursors.len())];
            let b = cursors[rng.below(cursors.len())];
            let td = json!({"uri": doc.uri});
            match rng.below(3) {
                0 => soak.request(
                    "textDocument/hover",
                    json!({"textDocument": td, "position": position(&doc.text, a)}),
                ),
                1 => soak.request("textDocument/documentSymbol", json!({"textDocument": td})),
                _ => soak.request(
                    "textDocument/codeAction",
                    json!({
                        "textDocument": td,
                        "range": {"start": position(&doc.text, a.min(b)), "end": position(&doc.text, a.max(b))},
                        "context": {"diagnostics": []},
                    }),
                ),
            }
            requests += 1;
        }
        if i % 64 == 0 {
            soak.pump(false);
        }

        if i % every == 0 || i == n {
            // Checkpoint: every request answered, the server's text is the model's.
            while !soak.in_flight.is_empty() {
                soak.pump(true);
            }
            for doc in &docs {
                let got = soak.server.text(&doc.uri);
                assert_eq!(
                    got["text"].as_str(),
                    Some(doc.text.as_str()),
                    "{} after {i} edits",
                    doc.uri
                );
                assert_eq!(got["version"].as_i64(), Some(doc.version));
            }
            curve.push((i, rss_kb(pid)));
            sizes += docs.iter().map(|d| d.text.len()).sum::<usize>();
        }
    }

    // The last version of every document gets its diagnostics.
    for doc in &docs {
        let (uri, version) = (doc.uri.clone(), doc.version);
        if soak.published.get(&uri) != Some(&version) {
            soak.server
                .wait_diagnostics(&uri, |p| p["version"] == json!(version));
        }
    }
    let elapsed = started.elapsed();
    assert_eq!(soak.answered, requests, "every request answered");
    let uris: HashSet<&str> = docs.iter().map(|d| d.uri.as_str()).collect();
    assert_eq!(uris.len(), 3);

    eprintln!(
        "soak: {n} edits, {requests} requests answered in {:.1} s; final sizes {:?} bytes, mean {} bytes at checkpoints",
        elapsed.as_secs_f64(),
        docs.iter().map(|d| d.text.len()).collect::<Vec<_>>(),
        sizes / (3 * (curve.len() - 1)).max(1)
    );
    eprintln!("| edits | VmRSS MB |\n|---:|---:|");
    for (i, kb) in &curve {
        eprintln!("| {i} | {:.1} |", *kb as f64 / 1024.0);
    }

    // Flat after warm-up: past the first quarter, resident memory never exceeds the
    // highest value of the first quarter by more than a quarter (and 4 MB of slack for
    // the allocator's rounding).
    if n >= 20_000 {
        let quarter = curve.len() / 4;
        let warm = curve[1..=quarter].iter().map(|c| c.1).max().unwrap_or(0);
        let later = curve[quarter + 1..].iter().map(|c| c.1).max().unwrap_or(0);
        assert!(
            later as f64 <= warm as f64 * 1.25 + 4096.0,
            "resident memory grew after warm-up: {warm} kB in the first quarter, up to {later} kB later"
        );
    }
    assert!(soak.server.shutdown().success());
}
