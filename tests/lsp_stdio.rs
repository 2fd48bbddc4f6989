//! End-to-end tests: spawn the real `copydesk lsp` binary and speak JSON-RPC over stdio.

#[path = "support/stdio.rs"]
mod stdio;

use std::time::Duration;

use serde_json::{json, Value};
use stdio::Server;

/// The shared stdio client with the few calls these tests make.
struct Client(Server);

impl Client {
    fn spawn(args: &[&str]) -> Client {
        Client(Server::spawn_with(args, None))
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.0.notify(method, params);
    }

    fn wait(&mut self, what: &str, pred: impl Fn(&Value) -> bool) -> Value {
        self.0.wait_for(what, pred)
    }

    /// A request's result; an error response fails the test.
    fn request(&mut self, method: &str, params: Value) -> Value {
        let resp = self.0.call(method, params);
        assert!(resp.get("error").is_none(), "{method} failed: {resp}");
        resp["result"].clone()
    }

    /// The next publishDiagnostics for `uri` with the given version.
    fn diagnostics(&mut self, uri: &str, version: i64) -> Vec<Value> {
        let p = self
            .0
            .wait_diagnostics(uri, |p| p["version"] == json!(version));
        p["params"]["diagnostics"].as_array().unwrap().clone()
    }

    fn initialize(&mut self, encodings: &[&str]) -> Value {
        self.0.initialize(
            json!({
                "general": {"positionEncodings": encodings},
                "workspace": {"workspaceEdit": {"documentChanges": true}}
            }),
            None,
        )
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
        self.0.shutdown()
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
    c.0.close_stdin();
    assert!(
        c.0.wait_exit(Duration::from_secs(20)).is_some(),
        "server kept running after stdin closed"
    );
}

/// Semantic tokens over stdio: the legend, then every person, place and organization of
/// the story decoded back to its text (UTF-16 columns after curly quotes, an em dash,
/// CJK and emoji on the same line), the first reference marked `declaration`; a range
/// request returns only the names inside the range.
#[test]
fn semantic_tokens_colour_people_places_and_organizations() {
    const SEM: &str = "Ports reopen after storm 🌀\n\n\
        WELLINGTON, Jan. 5 (Reuters) - Prime Minister Aroha Tane said on Monday “東京 — and 🎉 Auckland — will wait,” as the Pacific Shipping Council met in Sydney.\n\n\
        Tane told the Pacific Shipping Council the ports of Auckland would reopen.\n";
    let mut c = Client::spawn(&["lsp"]);
    let init = c.initialize(&["utf-16"]);
    let provider = &init["capabilities"]["semanticTokensProvider"];
    assert_eq!(
        provider["legend"]["tokenTypes"],
        json!(["person", "place", "organization"])
    );
    assert_eq!(provider["legend"]["tokenModifiers"], json!(["declaration"]));
    assert_eq!(provider["range"], json!(true));
    c.open(URI, "plaintext", SEM);
    let decode = |data: &Value| -> Vec<(String, &'static str, bool)> {
        let data: Vec<u64> = data
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_u64().unwrap())
            .collect();
        let lines: Vec<Vec<u16>> = SEM.lines().map(|l| l.encode_utf16().collect()).collect();
        let (mut line, mut col) = (0u64, 0u64);
        data.chunks(5)
            .map(|t| {
                if t[0] > 0 {
                    col = 0;
                }
                line += t[0];
                col += t[1];
                let units = &lines[line as usize][col as usize..(col + t[2]) as usize];
                let ty = ["person", "place", "organization"][t[3] as usize];
                (String::from_utf16(units).unwrap(), ty, t[4] == 1)
            })
            .collect()
    };
    let full = c.request(
        "textDocument/semanticTokens/full",
        json!({"textDocument": {"uri": URI}}),
    );
    let s = |t: &str| t.to_string();
    assert_eq!(
        decode(&full["data"]),
        [
            (s("WELLINGTON"), "place", true),
            (s("Reuters"), "organization", true),
            (s("Aroha Tane"), "person", true),
            (s("Auckland"), "place", true),
            (s("Pacific Shipping Council"), "organization", true),
            (s("Sydney"), "place", true),
            (s("Tane"), "person", false),
            (s("Pacific Shipping Council"), "organization", false),
            (s("Auckland"), "place", false),
        ]
    );
    // Only line 4.
    let range = c.request(
        "textDocument/semanticTokens/range",
        json!({"textDocument": {"uri": URI}, "range": {"start": {"line": 4, "character": 0}, "end": {"line": 5, "character": 0}}}),
    );
    let on_line_4: Vec<_> = decode(&range["data"]);
    // Relative encoding restarts at the first token of the answer: decode it from line 0.
    assert_eq!(on_line_4.len(), 3, "{range}");
    assert_eq!(range["data"][0], json!(4));
    assert_eq!(on_line_4[0].1, "person");
    assert_eq!(c.shutdown_and_exit().code(), Some(0));
}
