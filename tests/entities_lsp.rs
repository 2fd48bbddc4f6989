//! In-process LSP tests for the entity features: hover, definition, references, document
//! highlight, prepareRename/rename and workspace symbols, with positions in UTF-16 after
//! non-ASCII text (curly quotes, emoji, CJK, em dashes).

#[path = "support/inprocess.rs"]
mod inprocess;

use inprocess::Client;
use serde_json::{json, Value};

const URI: &str = "file:///tmp/copydesk-entities/grain.txt";

/// Line 2 holds, before `Li Keqiang`: 29 ASCII characters, “, 12 ASCII, 🌊 (two UTF-16
/// units, four bytes), a comma, ” and 22 ASCII — so it starts at UTF-16 column 68.
const TEXT: &str = "Spotlight: Li, Medvedev back grain deal 🌾\n\
\n\
MOSCOW, Sept. 19 (Xinhua) -- “Trade is up 🌊,” said Chinese Premier Li Keqiang as he met Russian Prime Minister Dmitry Medvedev — 森山 noted — on Thursday.\n\
\n\
REGIONAL COOPERATION\n\
\n\
Li said the Shanghai Cooperation Organization (SCO) would help. Medvedev agreed — and the SCO 🌊 plan won praise.\n";

/// The shared in-process client with TEXT open.
struct Server(Client);

impl Server {
    async fn start(encodings: Option<Vec<&str>>) -> (Server, Value) {
        let mut c = Client::start();
        let mut caps = json!({});
        if let Some(e) = encodings {
            caps = json!({"general": {"positionEncodings": e}});
        }
        let init = c.initialize(caps).await;
        c.open(URI, TEXT).await;
        (Server(c), init)
    }

    /// A request's result; an error response fails the test.
    async fn request(&mut self, method: &str, params: Value) -> Value {
        self.0.result(method, params).await
    }

    async fn notify(&mut self, method: &str, params: Value) {
        self.0.notify(method, params).await;
    }
}

fn at(line: u32, character: u32) -> Value {
    json!({"textDocument": {"uri": URI}, "position": {"line": line, "character": character}})
}

fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Value {
    json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}})
}

/// UTF-16 columns of the needle's `nth` occurrence on a line of TEXT.
fn col16(line: usize, needle: &str, nth: usize) -> (u32, u32) {
    let l = TEXT.lines().nth(line).unwrap();
    let byte = l.match_indices(needle).nth(nth).unwrap().0;
    let start = l[..byte].encode_utf16().count() as u32;
    (start, start + needle.encode_utf16().count() as u32)
}

#[tokio::test]
async fn capabilities_are_advertised() {
    let (_s, init) = Server::start(None).await;
    let caps = &init["capabilities"];
    assert_eq!(caps["positionEncoding"], "utf-16");
    assert_eq!(caps["definitionProvider"], true);
    assert_eq!(caps["referencesProvider"], true);
    assert_eq!(caps["documentHighlightProvider"], true);
    assert_eq!(caps["renameProvider"]["prepareProvider"], true);
    assert_eq!(caps["workspaceSymbolProvider"], true);
    assert_eq!(caps["hoverProvider"], true);
}

#[tokio::test]
async fn hover_on_a_surname_describes_the_person() {
    let (mut s, _) = Server::start(None).await;
    let (c0, c1) = col16(6, "Medvedev", 0);
    let h = s.request("textDocument/hover", at(6, c0 + 2)).await;
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.starts_with("**Dmitry Medvedev** — person"), "{md}");
    assert!(md.contains("- title/role: Russian Prime Minister"), "{md}");
    assert!(
        md.contains("- first reference: line 3 (`Dmitry Medvedev`)"),
        "{md}"
    );
    assert!(
        md.contains("- mentions: 3 (`Dmitry Medvedev` ×1, `Medvedev` ×2)"),
        "{md}"
    );
    assert_eq!(h["range"], range(6, c0, 6, c1));
}

#[tokio::test]
async fn hover_on_the_dateline_keeps_the_dateline_and_adds_the_place() {
    let (mut s, _) = Server::start(None).await;
    let h = s.request("textDocument/hover", at(2, 2)).await;
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.starts_with("**Dateline**"), "{md}");
    assert!(md.contains("**Moscow** — place"), "{md}");
    assert!(md.contains("- country: Russia (RU)"), "{md}");
    assert!(md.contains("- population: "), "{md}");
    // Off the dateline and off any entity: nothing.
    let none = s.request("textDocument/hover", at(6, 5)).await;
    assert!(none.is_null(), "{none}");
}

#[tokio::test]
async fn hover_on_an_acronym_gives_the_full_name() {
    let (mut s, _) = Server::start(None).await;
    let (c0, _) = col16(6, "SCO", 1);
    let h = s.request("textDocument/hover", at(6, c0)).await;
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("- full name: Shanghai Cooperation Organization"),
        "{md}"
    );
    assert!(md.contains("- acronym: SCO"), "{md}");
}

#[tokio::test]
async fn definition_jumps_to_the_first_reference() {
    let (mut s, _) = Server::start(None).await;
    // From `Li` in the last paragraph.
    let d = s.request("textDocument/definition", at(6, 1)).await;
    assert_eq!(d["uri"], URI);
    assert_eq!(d["range"], range(2, 68, 2, 78));
    // From the headline's `Li` too.
    let d = s.request("textDocument/definition", at(0, 11)).await;
    assert_eq!(d["range"], range(2, 68, 2, 78));
}

#[tokio::test]
async fn references_list_every_form() {
    let (mut s, _) = Server::start(None).await;
    let mut p = at(2, 70);
    p["context"] = json!({"includeDeclaration": true});
    let refs = s.request("textDocument/references", p.clone()).await;
    let ranges: Vec<Value> = refs
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["range"].clone())
        .collect();
    assert_eq!(
        ranges,
        [range(0, 11, 0, 13), range(2, 68, 2, 78), range(6, 0, 6, 2)]
    );
    p["context"] = json!({"includeDeclaration": false});
    let refs = s.request("textDocument/references", p).await;
    assert_eq!(refs.as_array().unwrap().len(), 2);
    assert!(refs
        .as_array()
        .unwrap()
        .iter()
        .all(|l| l["range"] != range(2, 68, 2, 78)));
}

#[tokio::test]
async fn highlight_marks_the_first_reference() {
    let (mut s, _) = Server::start(None).await;
    let (m0, m1) = col16(2, "Dmitry Medvedev", 0);
    let hl = s
        .request("textDocument/documentHighlight", at(2, m0 + 1))
        .await;
    let hl = hl.as_array().unwrap();
    assert_eq!(hl.len(), 3);
    let first = hl
        .iter()
        .find(|h| h["range"] == range(2, m0, 2, m1))
        .unwrap();
    assert_eq!(first["kind"], 3, "write");
    assert_eq!(hl.iter().filter(|h| h["kind"] == 2).count(), 2, "read");
}

#[tokio::test]
async fn rename_from_a_surname_changes_every_form() {
    let (mut s, _) = Server::start(None).await;
    let pr = s.request("textDocument/prepareRename", at(6, 1)).await;
    assert_eq!(pr["range"], range(6, 0, 6, 2));
    assert_eq!(pr["placeholder"], "Li");
    let mut p = at(6, 1);
    p["newName"] = json!("Zhao");
    let edit = s.request("textDocument/rename", p).await;
    let mut edits: Vec<(Value, String)> = edit["changes"][URI]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["range"].clone(),
                e["newText"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    edits.sort_by_key(|e| e.0.to_string());
    let mut want = vec![
        (range(0, 11, 0, 13), "Zhao".to_string()),
        (range(2, 68, 2, 78), "Zhao Keqiang".to_string()),
        (range(6, 0, 6, 2), "Zhao".to_string()),
    ];
    want.sort_by_key(|e| e.0.to_string());
    assert_eq!(edits, want);
    // Off any entity: nothing to rename.
    let none = s.request("textDocument/prepareRename", at(6, 5)).await;
    assert!(none.is_null());
}

#[tokio::test]
async fn rename_an_acronym_after_emoji() {
    let (mut s, _) = Server::start(None).await;
    let (c0, c1) = col16(6, "SCO", 1);
    let mut p = at(6, c0 + 1);
    p["newName"] = json!("OSC");
    let edit = s.request("textDocument/rename", p).await;
    let edits = edit["changes"][URI].as_array().unwrap();
    assert_eq!(edits.len(), 2);
    assert!(edits.iter().any(|e| e["range"] == range(6, c0, 6, c1)));
    assert!(edits.iter().all(|e| e["newText"] == "OSC"));
}

#[tokio::test]
async fn workspace_symbols_list_entities_and_sections() {
    let (mut s, _) = Server::start(None).await;
    let all = s.request("workspace/symbol", json!({"query": ""})).await;
    let names: Vec<&str> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["name"].as_str().unwrap())
        .collect();
    for want in [
        "Moscow",
        "Li Keqiang",
        "Dmitry Medvedev",
        "Shanghai Cooperation Organization",
        "REGIONAL COOPERATION",
    ] {
        assert!(names.contains(&want), "{want} missing from {names:?}");
    }
    let q = s
        .request("workspace/symbol", json!({"query": "keqiang"}))
        .await;
    let q = q.as_array().unwrap();
    assert_eq!(q.len(), 1);
    assert_eq!(q[0]["kind"], 19, "people are objects");
    assert_eq!(q[0]["location"]["range"], range(2, 68, 2, 78));
    assert_eq!(q[0]["containerName"], "grain.txt");
}

#[tokio::test]
async fn utf8_positions_when_offered() {
    let (mut s, init) = Server::start(Some(vec!["utf-8", "utf-16"])).await;
    assert_eq!(init["capabilities"]["positionEncoding"], "utf-8");
    let d = s.request("textDocument/definition", at(6, 1)).await;
    // 29 + 3 (“) + 12 + 4 (🌊) + 1 + 3 (”) + 22 bytes.
    assert_eq!(d["range"], range(2, 74, 2, 84));
}

#[tokio::test]
async fn names_file_is_loaded_from_the_root_and_reloaded() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("copydesk.toml"), "names_file = \"names.toml\"\n").unwrap();
    let names = |note: &str| {
        format!(
            "[[entry]]\nname = \"Dmitry Medvedev\"\nkind = \"person\"\nrole = \"Russian prime minister\"\nnote = \"{note}\"\n"
        )
    };
    std::fs::write(root.join("names.toml"), names("Medvedev, not Medvedyev.")).unwrap();
    let root_uri = tower_lsp::lsp_types::Url::from_directory_path(root).unwrap();
    let doc_uri = root_uri.join("story.txt").unwrap();

    let mut c = Client::start();
    c.initialize_with(json!({"capabilities": {}, "processId": null, "rootUri": root_uri}))
        .await;
    let mut s = Server(c);
    let text = "MOSCOW (AP) — Officials met Dmitry Medvedev. Medvedyev said “yes” 🌊.\n";
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": doc_uri, "languageId": "plaintext", "version": 1, "text": text}}),
    )
    .await;
    let pos = json!({"textDocument": {"uri": doc_uri}, "position": {"line": 0, "character": 31}});
    let h = s.request("textDocument/hover", pos.clone()).await;
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(
        md.contains("**Names file:** Medvedev, not Medvedyev."),
        "{md}"
    );
    assert!(md.contains("- title/role: Russian prime minister"), "{md}");

    std::fs::write(root.join("names.toml"), names("Check the patronymic.")).unwrap();
    s.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": root_uri.join("names.toml").unwrap(), "type": 2}]}),
    )
    .await;
    let h = s.request("textDocument/hover", pos).await;
    let md = h["contents"]["value"].as_str().unwrap();
    assert!(md.contains("**Names file:** Check the patronymic."), "{md}");
}
