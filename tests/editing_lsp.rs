//! Editing with the desk (issue 18), in process over the shared client
//! (`tests/support/inprocess.rs`): the `source.fixAll.copydesk` action, pull diagnostics
//! (`textDocument/diagnostic`) and the "Add to names file" command.

#[path = "support/inprocess.rs"]
mod inprocess;

use std::time::Duration;

use inprocess::{url, Client as TestClient};
use serde_json::{json, Value};

/// An invented story: an unclosed quotation (fix: the closing mark) and a near-miss
/// spelling of a name (fix: the known spelling), after curly quotes and an accent.
const STORY: &str = "Brazil signs grain deal with China\n\nBEIJING, Sept. 19 (Xinhua) -- Brazilian Agriculture Minister Tomás Ferreira signed a grain deal with China on Tuesday.\n\nFerreira said “the first cargoes will leave Santos in October.\n\nFerriera added that soybean prices would rise.\n";

const FIXED: &str = "Brazil signs grain deal with China\n\nBEIJING, Sept. 19 (Xinhua) -- Brazilian Agriculture Minister Tomás Ferreira signed a grain deal with China on Tuesday.\n\nFerreira said “the first cargoes will leave Santos in October.”\n\nFerreira added that soybean prices would rise.\n";

/// Byte offset of a UTF-16 position in `text`.
fn offset(text: &str, pos: &Value) -> usize {
    let line = pos["line"].as_u64().unwrap() as usize;
    let character = pos["character"].as_u64().unwrap() as usize;
    let start: usize = text.split_inclusive('\n').take(line).map(str::len).sum();
    let mut units = 0;
    for (i, c) in text[start..].char_indices() {
        if units >= character || c == '\n' {
            return start + i;
        }
        units += c.len_utf16();
    }
    text.len()
}

/// `text` with LSP `TextEdit`s (UTF-16 positions) applied, as a client would.
fn apply(text: &str, edits: &[Value]) -> String {
    let mut spans: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| {
            (
                offset(text, &e["range"]["start"]),
                offset(text, &e["range"]["end"]),
                e["newText"].as_str().unwrap(),
            )
        })
        .collect();
    spans.sort();
    let mut out = text.to_string();
    for (s, e, new) in spans.into_iter().rev() {
        out.replace_range(s..e, new);
    }
    out
}

fn fix_all_request(uri: &str) -> Value {
    json!({
        "textDocument": {"uri": uri},
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
        "context": {"diagnostics": [], "only": ["source.fixAll"], "triggerKind": 1},
    })
}

#[tokio::test]
async fn fix_all_is_one_versioned_edit_of_every_certain_fix() {
    let mut c = TestClient::start();
    let init = c
        .initialize(json!({"workspace": {"workspaceEdit": {"documentChanges": true}}}))
        .await;
    let kinds = &init["capabilities"]["codeActionProvider"]["codeActionKinds"];
    assert!(
        kinds
            .as_array()
            .unwrap()
            .contains(&json!("source.fixAll.copydesk")),
        "{kinds}"
    );
    let uri = "file:///desk/grain.txt";
    c.open_version(uri, 3, STORY).await;
    let actions = c
        .result("textDocument/codeAction", fix_all_request(uri))
        .await;
    let actions = actions.as_array().unwrap();
    assert_eq!(
        actions.len(),
        1,
        "only the fix-all action was asked for: {actions:?}"
    );
    let a = &actions[0];
    assert_eq!(a["kind"], "source.fixAll.copydesk");
    assert_eq!(a["title"], "Fix all 2 copydesk findings");
    let change = &a["edit"]["documentChanges"][0];
    assert_eq!(change["textDocument"]["version"], 3, "versioned: {a}");
    let edits = change["edits"].as_array().unwrap();
    assert_eq!(apply(STORY, edits), FIXED);

    // Asked for by the full kind, and by `source`: the same action; by `quickfix`: not.
    for only in [json!(["source.fixAll.copydesk"]), json!(["source"])] {
        let mut p = fix_all_request(uri);
        p["context"]["only"] = only.clone();
        let got = c.result("textDocument/codeAction", p).await;
        assert!(
            got.as_array()
                .unwrap()
                .iter()
                .any(|x| x["kind"] == "source.fixAll.copydesk"),
            "only {only}: {got}"
        );
    }
    let mut p = fix_all_request(uri);
    p["context"]["only"] = json!(["quickfix"]);
    let got = c.result("textDocument/codeAction", p).await;
    assert!(got
        .as_array()
        .unwrap()
        .iter()
        .all(|x| x["kind"] != "source.fixAll.copydesk"));

    // Once fixed, nothing to offer.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 4}, "contentChanges": [{"text": FIXED}]}),
    )
    .await;
    let got = c
        .result("textDocument/codeAction", fix_all_request(uri))
        .await;
    assert_eq!(got, json!([]), "nothing left to fix");
}

#[tokio::test]
async fn fix_all_for_a_client_with_resource_operations_only_is_versioned_too() {
    // Neovim 0.11 announces resourceOperations but not documentChanges; it applies
    // documentChanges and refuses an edit for an older version.
    let mut c = TestClient::start();
    c.initialize(json!({"workspace": {"workspaceEdit": {"resourceOperations": ["create", "rename", "delete"]}}}))
        .await;
    let uri = "file:///desk/grain.txt";
    c.open_version(uri, 7, STORY).await;
    let got = c
        .result("textDocument/codeAction", fix_all_request(uri))
        .await;
    assert_eq!(
        got[0]["edit"]["documentChanges"][0]["textDocument"]["version"],
        7
    );

    // A client that takes neither gets plain changes.
    let mut plain = TestClient::start();
    plain.initialize(json!({})).await;
    plain.open(uri, STORY).await;
    let got = plain
        .result("textDocument/codeAction", fix_all_request(uri))
        .await;
    let edits = got[0]["edit"]["changes"][uri].as_array().unwrap();
    assert_eq!(apply(STORY, edits), FIXED);
}

#[tokio::test]
async fn a_fix_all_never_carries_edits_for_a_text_the_document_no_longer_has() {
    let mut c = TestClient::start();
    c.initialize(json!({"workspace": {"workspaceEdit": {"documentChanges": true}}}))
        .await;
    let uri = "file:///desk/grain.txt";
    for round in 0..20 {
        let v = 10 * round + 1;
        c.open_version(uri, v, STORY).await;
        // The request, and at once an edit that makes its fixes stale.
        let id = 1000 + round;
        c.send(json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/codeAction", "params": fix_all_request(uri)}))
            .await;
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": v + 1}, "contentChanges": [{"text": format!("Changed\n\n{STORY}")}]}),
        )
        .await;
        let r = c
            .wait(|m| m.get("method").is_none() && m["id"] == json!(id))
            .await;
        // Either no action (the document moved on while the request waited) or one
        // versioned for the text it was computed on, which the client refuses now.
        for a in r["result"].as_array().unwrap() {
            let change = &a["edit"]["documentChanges"][0];
            let version = change["textDocument"]["version"].as_i64().unwrap();
            let base = if version == v {
                STORY.to_string()
            } else {
                format!("Changed\n\n{STORY}")
            };
            let fixed = apply(&base, change["edits"].as_array().unwrap());
            assert!(
                fixed.ends_with(FIXED),
                "round {round}: edits for v{version} do not fit it"
            );
        }
        c.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    }
}

fn pull_capabilities() -> Value {
    // lsp-types reads `workspace.diagnostic`; the stdio transport also accepts the
    // protocol's `workspace.diagnostics` (tests/lsp_stdio.rs).
    json!({
        "textDocument": {"diagnostic": {"dynamicRegistration": false}},
        "workspace": {"diagnostic": {"refreshSupport": true}, "workspaceEdit": {"documentChanges": true}},
    })
}

async fn pull(c: &mut TestClient, uri: &str, previous: Option<&str>) -> Value {
    let mut p = json!({"textDocument": {"uri": uri}});
    if let Some(prev) = previous {
        p["previousResultId"] = json!(prev);
    }
    c.result("textDocument/diagnostic", p).await
}

#[tokio::test]
async fn pull_diagnostics_with_result_ids_and_no_push() {
    let mut c = TestClient::start();
    let init = c.initialize(pull_capabilities()).await;
    assert_eq!(
        init["capabilities"]["diagnosticProvider"]["identifier"], "copydesk",
        "{init}"
    );
    let uri = "file:///desk/grain.txt";
    c.open(uri, STORY).await;
    let first = pull(&mut c, uri, None).await;
    assert_eq!(first["kind"], "full");
    let codes: Vec<&str> = first["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["quotes/unclosed", "names/near-miss"], "{first}");
    let id = first["resultId"].as_str().unwrap().to_string();

    // Unchanged document: unchanged, with the same id.
    let again = pull(&mut c, uri, Some(&id)).await;
    assert_eq!(again, json!({"kind": "unchanged", "resultId": id}));

    // An edit: a full report again, with a new id.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": FIXED}]}),
    )
    .await;
    let after = pull(&mut c, uri, Some(&id)).await;
    assert_eq!(after["kind"], "full");
    assert_eq!(after["items"], json!([]), "{after}");
    assert_ne!(after["resultId"], json!(id));

    // A configuration change asks the client to pull again.
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"rules": {"names/*": "off"}}}}),
    )
    .await;
    for _ in 0..100 {
        if c.seen
            .lock()
            .unwrap()
            .requests
            .iter()
            .any(|m| m == "workspace/diagnostic/refresh")
        {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert!(c
        .seen
        .lock()
        .unwrap()
        .requests
        .iter()
        .any(|m| m == "workspace/diagnostic/refresh"));

    // Never pushed to a client that pulls.
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri}}),
    )
    .await;
    tokio::time::sleep(Duration::from_millis(300)).await;
    let pushed: Vec<Value> = c
        .drain()
        .into_iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
        .collect();
    assert!(pushed.is_empty(), "pushed to a pulling client: {pushed:?}");
}

#[tokio::test]
async fn clients_that_cannot_pull_get_pushed_diagnostics_and_no_provider() {
    for caps in [
        json!({}),
        // Pull without refresh: the findings also change with the configuration, which
        // such a client could not be told of.
        json!({"textDocument": {"diagnostic": {"dynamicRegistration": false}}}),
    ] {
        let mut c = TestClient::start();
        let init = c.initialize(caps.clone()).await;
        assert!(
            init["capabilities"].get("diagnosticProvider").is_none(),
            "{caps}: {init}"
        );
        let uri = "file:///desk/grain.txt";
        c.open(uri, STORY).await;
        let d = c.diagnostics(uri, 1).await;
        assert_eq!(d.len(), 2, "{caps}: {d:?}");
    }
}

fn code_action_at(uri: &str, line: u32, character: u32) -> Value {
    json!({
        "textDocument": {"uri": uri},
        "range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character}},
        "context": {"diagnostics": [], "triggerKind": 1},
    })
}

fn add_name_actions(actions: &Value) -> Vec<Value> {
    actions
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["command"]["command"] == "copydesk.addName")
        .cloned()
        .collect()
}

#[tokio::test]
async fn add_to_names_file_writes_copydesk_toml_and_rechecks() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let config = "# The desk's settings.\nstyle = \"xinhua\"   # house style\n";
    std::fs::write(root.join("copydesk.toml"), config).unwrap();
    let mut c = TestClient::start();
    let init = c.initialize_in(root, json!({}), Value::Null).await;
    assert_eq!(
        init["capabilities"]["executeCommandProvider"]["commands"],
        json!([
            "copydesk.addName",
            "copydesk.references",
            "copydesk.storyFacts"
        ])
    );
    let uri = url(&root.join("grain.txt"));
    c.open(&uri, STORY).await;
    let before = c.diagnostics(&uri, 1).await;
    assert!(before.iter().any(|d| d["code"] == "names/near-miss"));

    // On the near-miss spelling (line 6): add it as a name of its own.
    let actions = c
        .result("textDocument/codeAction", code_action_at(&uri, 6, 3))
        .await;
    let adds = add_name_actions(&actions);
    assert_eq!(
        adds.iter()
            .map(|a| a["title"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["Add “Ferriera” to the names file"],
        "{actions}"
    );
    // On the minister (line 2, in “Tomás Ferreira”): the full name, a person.
    let actions = c
        .result("textDocument/codeAction", code_action_at(&uri, 2, 66))
        .await;
    let minister = add_name_actions(&actions);
    assert_eq!(minister.len(), 1, "{actions}");
    assert_eq!(
        minister[0]["command"]["arguments"][0],
        json!({"name": "Tomás Ferreira", "kind": "person"})
    );

    // Two quick actions in a row, without waiting for the first: both entries kept.
    for a in [&adds[0], &minister[0]] {
        let params =
            json!({"command": a["command"]["command"], "arguments": a["command"]["arguments"]});
        c.send(json!({"jsonrpc": "2.0", "id": 9000 + a["title"].as_str().unwrap().len(), "method": "workspace/executeCommand", "params": params}))
            .await;
    }
    for a in [&adds[0], &minister[0]] {
        let id = 9000 + a["title"].as_str().unwrap().len();
        let r = c
            .wait(|m| m.get("method").is_none() && m["id"] == json!(id))
            .await;
        assert!(r.get("error").is_none(), "{r}");
    }
    let text = std::fs::read_to_string(root.join("copydesk.toml")).unwrap();
    assert!(
        text.starts_with(config),
        "formatting and comments lost:\n{text}"
    );
    assert!(
        text.contains("[[names.entry]]\nname = \"Ferriera\"\nkind = \"person\"\n"),
        "{text}"
    );
    assert!(
        text.contains("[[names.entry]]\nname = \"Tomás Ferreira\"\nkind = \"person\"\n"),
        "{text}"
    );

    // Re-checked: the names file now holds Ferriera, which is no near miss of itself.
    let after = c
        .diagnostics_until(&uri, |d| !d.iter().any(|x| x["code"] == "names/near-miss"))
        .await;
    assert!(after.iter().any(|d| d["code"] == "quotes/unclosed"));
    // And the minister is known: no action to add him again.
    let actions = c
        .result("textDocument/codeAction", code_action_at(&uri, 2, 66))
        .await;
    assert!(add_name_actions(&actions).is_empty(), "{actions}");
}

#[tokio::test]
async fn a_bad_names_file_is_a_clear_error_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let uri = url(&root.join("grain.txt"));
    let cases: [(&str, Option<&str>, &str); 3] = [
        ("names_file = \"desk/names.toml\"\n", None, "does not exist"),
        (
            "names_file = \"names.toml\"\n",
            Some("[[entry]\nname = \"X\"\n"),
            "invalid TOML",
        ),
        (
            "names_file = \"ro.toml\"\n",
            Some("# read-only\n"),
            "read-only",
        ),
    ];
    for (config, names, want) in cases {
        std::fs::write(root.join("copydesk.toml"), config).unwrap();
        let names_path = config.split('"').nth(1).map(|f| root.join(f)).unwrap();
        if let Some(text) = names {
            if names_path.exists() {
                let mut p = std::fs::metadata(&names_path).unwrap().permissions();
                #[allow(clippy::permissions_set_readonly_false)]
                p.set_readonly(false);
                std::fs::set_permissions(&names_path, p).unwrap();
            }
            std::fs::write(&names_path, text).unwrap();
            if want == "read-only" {
                let mut p = std::fs::metadata(&names_path).unwrap().permissions();
                p.set_readonly(true);
                std::fs::set_permissions(&names_path, p).unwrap();
            }
        }
        let mut c = TestClient::start();
        c.initialize_in(root, json!({}), Value::Null).await;
        c.open(&uri, STORY).await;
        let r = c
            .request(
                "workspace/executeCommand",
                json!({"command": "copydesk.addName", "arguments": [{"name": "Ana Ruiz", "kind": "person"}]}),
            )
            .await;
        assert_eq!(r["result"], Value::Null, "{r}");
        let msg = c.wait(|m| m["method"] == "window/showMessage").await;
        assert_eq!(msg["params"]["type"], 1, "an error: {msg}");
        let text = msg["params"]["message"].as_str().unwrap();
        assert!(text.contains(want) && text.contains("Ana Ruiz"), "{text}");
        assert_eq!(
            std::fs::read_to_string(root.join("copydesk.toml")).unwrap(),
            config
        );
        if let Some(names) = names {
            assert_eq!(std::fs::read_to_string(&names_path).unwrap(), names);
        }
    }
}

fn completion_at(uri: &str, line: u32, character: u32, invoked: bool) -> Value {
    json!({
        "textDocument": {"uri": uri},
        "position": {"line": line, "character": character},
        "context": {"triggerKind": if invoked { 1 } else { 3 }},
    })
}

#[tokio::test]
async fn completion_offers_story_and_names_file_names_but_not_in_quotations() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(
        root.join("copydesk.toml"),
        "[[names.entry]]\nname = \"Tomasz Nowak\"\nkind = \"person\"\nrole = \"Polish trade envoy\"\n",
    )
    .unwrap();
    let mut c = TestClient::start();
    let init = c.initialize_in(root, json!({}), Value::Null).await;
    assert!(
        init["capabilities"]["completionProvider"].is_object(),
        "{init}"
    );
    let uri = url(&root.join("grain.txt"));
    // Line 8: a new paragraph starting “To”; line 4 holds an open quotation.
    let text = format!("{STORY}\nTo");
    c.open(&uri, &text).await;
    let r = c
        .result("textDocument/completion", completion_at(&uri, 8, 2, false))
        .await;
    let items = r["items"].as_array().unwrap();
    let labels: Vec<&str> = items.iter().map(|i| i["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["Tomasz Nowak", "Tomás Ferreira"], "{r}");
    let tomas = &items[1];
    assert_eq!(tomas["detail"], "person");
    assert_eq!(tomas["filterText"], "Tomás");
    assert!(tomas["documentation"]["value"]
        .as_str()
        .unwrap()
        .starts_with("First reference, line 3: “Tomás Ferreira”"));
    assert_eq!(
        tomas["textEdit"],
        json!({"range": {"start": {"line": 8, "character": 0}, "end": {"line": 8, "character": 2}}, "newText": "Tomás Ferreira"})
    );
    assert_eq!(items[0]["detail"], "person (names file)");

    // One letter: nothing yet; a lower-case word: nothing.
    let r = c
        .result("textDocument/completion", completion_at(&uri, 8, 1, false))
        .await;
    assert_eq!(r, Value::Null);

    // Inside the open quotation of line 4 (“the first cargoes … Santos …”), after “Sa”:
    // nothing unless asked for.
    let line4 = STORY.lines().nth(4).unwrap();
    let col = line4.find("Santos").unwrap() + 2;
    let col16 = line4[..col].encode_utf16().count() as u32;
    let r = c
        .result(
            "textDocument/completion",
            completion_at(&uri, 4, col16, false),
        )
        .await;
    assert_eq!(r, Value::Null, "offered inside a quotation: {r}");
    let r = c
        .result(
            "textDocument/completion",
            completion_at(&uri, 4, col16, true),
        )
        .await;
    assert!(
        r["items"]
            .as_array()
            .unwrap()
            .iter()
            .any(|i| i["label"] == "Santos"),
        "{r}"
    );
}

/// A story whose last paragraph names the premier by his surname, far from the lede.
fn far_story() -> String {
    let mut s = String::from("Grain deal signed\n\nBEIJING, Sept. 19 (Xinhua) -- Chinese Premier Li Keqiang met Brazilian Agriculture Minister Tomás Ferreira on Tuesday.\n\n");
    for i in 0..5 {
        s.push_str(&format!(
            "The shipments will start in month {i}, officials said.\n\n"
        ));
    }
    s.push_str("Li signed the papers.\n");
    s
}

async fn inlay(c: &mut TestClient, uri: &str) -> Vec<Value> {
    let r = c
        .result(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": uri}, "range": {"start": {"line": 0, "character": 0}, "end": {"line": 99, "character": 0}}}),
        )
        .await;
    r.as_array().unwrap().clone()
}

#[tokio::test]
async fn inlay_hints_name_far_surnames_and_dateline_countries_each_can_be_turned_off() {
    let mut c = TestClient::start();
    let init = c
        .initialize(json!({"workspace": {"inlayHint": {"refreshSupport": true}}}))
        .await;
    assert_eq!(init["capabilities"]["inlayHintProvider"], true);
    let uri = "file:///desk/far.txt";
    let text = far_story();
    c.open(uri, &text).await;
    let hints = inlay(&mut c, uri).await;
    let got: Vec<(u64, u64, &str)> = hints
        .iter()
        .map(|h| {
            (
                h["position"]["line"].as_u64().unwrap(),
                h["position"]["character"].as_u64().unwrap(),
                h["label"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(got, [(2, 7, "· China"), (14, 2, "Keqiang")], "{hints:?}");

    // Turned off one kind at a time (client settings), with a refresh request each time.
    for (settings, want) in [
        (json!({"inlayHints": {"names": false}}), vec!["· China"]),
        (json!({"inlayHints": {"places": false}}), vec!["Keqiang"]),
    ] {
        let before = c.seen.lock().unwrap().requests.len();
        c.notify(
            "workspace/didChangeConfiguration",
            json!({"settings": {"copydesk": settings}}),
        )
        .await;
        let mut labels = Vec::new();
        for _ in 0..100 {
            labels = inlay(&mut c, uri)
                .await
                .iter()
                .map(|h| h["label"].as_str().unwrap().to_string())
                .collect();
            if labels == want {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert_eq!(labels, want, "{settings}");
        let seen = c.seen.lock().unwrap().requests[before..].to_vec();
        assert!(
            seen.iter().any(|m| m == "workspace/inlayHint/refresh"),
            "{seen:?}"
        );
    }
}

#[tokio::test]
async fn code_lens_counts_mentions_and_variants_and_its_command_finds_them() {
    let mut c = TestClient::start();
    let init = c.initialize(json!({})).await;
    assert!(
        init["capabilities"]["codeLensProvider"].is_object(),
        "{init}"
    );
    let uri = "file:///desk/grain.txt";
    c.open(uri, STORY).await;
    let lenses = c
        .result(
            "textDocument/codeLens",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    let lenses = lenses.as_array().unwrap();
    let minister = lenses
        .iter()
        .find(|l| l["range"]["start"] == json!({"line": 2, "character": 61}))
        .unwrap_or_else(|| panic!("no lens on Tomás Ferreira: {lenses:?}"));
    assert_eq!(
        minister["command"]["title"],
        "2 mentions · 1 spelling variant"
    );
    assert_eq!(minister["command"]["command"], "copydesk.showReferences");
    let args = minister["command"]["arguments"].clone();
    assert_eq!(args[0], uri);
    let locs = c
        .result(
            "workspace/executeCommand",
            json!({"command": "copydesk.references", "arguments": args}),
        )
        .await;
    let lines: Vec<u64> = locs
        .as_array()
        .unwrap()
        .iter()
        .map(|l| l["range"]["start"]["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, [2, 4], "{locs}");
}
