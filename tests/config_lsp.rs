//! The language server's configuration behaviour, in process, over the shared client
//! (`tests/support/inprocess.rs`), which answers `workspace/configuration` and
//! `client/registerCapability`.

#[path = "support/inprocess.rs"]
mod inprocess;

use std::time::Duration;

use inprocess::{url, Client as TestClient};
use serde_json::{json, Value};

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

/// An invented story whose second paragraph leaves a quotation open (after an emoji and CJK).
const STORY: &str = "\
Ferry 🚢 keeps winter runs

PORT ELLIS, Maine (AP) — Voters, 東京 visitors among them, chose to keep the ferry.

“We cannot leave the island cut off, the harbor master said.

Officials said the vote was close.
";

const PULL_AND_WATCH: &str = r#"{"workspace": {"configuration": true, "didChangeWatchedFiles": {"dynamicRegistration": true}}}"#;

#[tokio::test]
async fn a_malformed_file_gives_a_diagnostic_at_the_mistake_and_defaults() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    std::fs::write(
        root.join("copydesk.toml"),
        "style = \"ap\"\n[rules]\n\"quotes/unclosed\" = \"off\"\n\"quotes/unclosd\" = \"off\"\n",
    )
    .unwrap();
    let mut c = TestClient::start();
    c.initialize_in(root, json!({}), Value::Null).await;
    let config_uri = url(&root.join("copydesk.toml"));
    let d = c.diagnostics_until(&config_uri, |d| !d.is_empty()).await;
    assert_eq!(d[0]["code"], "config/invalid");
    assert_eq!(d[0]["severity"], 1);
    assert_eq!(d[0]["range"]["start"], json!({"line": 3, "character": 0}));
    assert!(d[0]["message"].as_str().unwrap().contains("quotes/unclosd"));

    // The server runs on defaults: quotes/unclosed is on.
    let doc = url(&root.join("story.txt"));
    c.open(&doc, STORY).await;
    let d = c.diagnostics_until(&doc, |d| !d.is_empty()).await;
    assert_eq!(codes(&d), ["quotes/unclosed"]);

    // Fix the file: the config diagnostic clears and the article is re-checked at once.
    std::fs::write(
        root.join("copydesk.toml"),
        "[rules]\n\"quotes/unclosed\" = \"off\"\n",
    )
    .unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": config_uri, "type": 2}]}),
    )
    .await;
    c.all_diagnostics_until(&[&config_uri, &doc], |d| d.is_empty())
        .await;

    // Still alive: a request gets an answer.
    let symbols = c
        .result(
            "textDocument/documentSymbol",
            json!({"textDocument": {"uri": doc}}),
        )
        .await;
    assert!(symbols.is_array());
}

#[tokio::test]
async fn settings_are_pulled_and_the_file_is_watched() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    std::fs::write(
        root.join("copydesk.toml"),
        "[rules]\n\"quotes/unclosed\" = \"warning\"\n",
    )
    .unwrap();
    let mut c = TestClient::start();
    *c.settings.lock().unwrap() = json!({"rules": {"quotes/unclosed": "info"}});
    c.initialize_in(
        root,
        serde_json::from_str(PULL_AND_WATCH).unwrap(),
        Value::Null,
    )
    .await;
    let a = url(&root.join("a.txt"));
    let b = url(&root.join("b.txt"));
    c.open(&a, STORY).await;
    c.open(&b, STORY).await;
    // Pulled settings beat the file: information (3), not warning (2).
    let d = c
        .all_diagnostics_until(&[&a, &b], |d| d.len() == 1 && d[0]["severity"] == 3)
        .await;
    assert_eq!(codes(&d[0]), ["quotes/unclosed"]);
    // The watcher is registered right after the settings are pulled.
    for _ in 0..100 {
        if !c.seen.lock().unwrap().registrations.is_empty() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    {
        let seen = c.seen.lock().unwrap();
        assert!(seen.configuration_requests >= 1);
        // The configuration's watcher, and the workspace index's for the stories.
        let reg = seen
            .registrations
            .iter()
            .map(|r| &r["registrations"][0])
            .find(|r| r["id"] == "copydesk-config-watcher")
            .expect("the configuration watcher is registered");
        assert_eq!(reg["method"], "workspace/didChangeWatchedFiles");
        assert_eq!(
            reg["registerOptions"]["watchers"][0]["globPattern"],
            "**/copydesk.toml"
        );
    }

    // A pull-model client says only "something changed": the server asks again and
    // re-checks every open article.
    *c.settings.lock().unwrap() = json!({"copydesk": {"rules": {"quotes/unclosed": "hint"}}});
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": null}),
    )
    .await;
    c.all_diagnostics_until(&[&a, &b], |d| d.len() == 1 && d[0]["severity"] == 4)
        .await;
    assert!(c.seen.lock().unwrap().configuration_requests >= 2);
}

#[tokio::test]
async fn push_settings_without_pull_support() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let mut c = TestClient::start();
    c.initialize_in(root, json!({}), json!({"copydesk": {"style": "ap"}}))
        .await;
    let a = url(&root.join("a.txt"));
    c.open(&a, STORY).await;
    c.diagnostics_until(&a, |d| codes(d) == ["quotes/unclosed"])
        .await;
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"rules": {"quotes/unclosed": "off"}}}}),
    )
    .await;
    c.diagnostics_until(&a, |d| d.is_empty()).await;
    let seen = c.seen.lock().unwrap();
    assert_eq!(
        seen.configuration_requests, 0,
        "no pull without the capability"
    );
    assert!(
        seen.registrations.is_empty(),
        "no dynamic registration without the capability"
    );
}

#[tokio::test]
async fn diagnostics_link_to_the_rule_pages() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let mut c = TestClient::start();
    c.initialize_in(root, json!({}), Value::Null).await;
    let a = url(&root.join("a.txt"));
    c.open(&a, STORY).await;
    let d = c.diagnostics_until(&a, |d| !d.is_empty()).await;
    let href = d[0]["codeDescription"]["href"].as_str().unwrap();
    assert!(href.starts_with("file:///"), "{href}");
    assert!(href.ends_with("/docs/rules/quotes/unclosed.md"), "{href}");
    let page = tower_lsp::lsp_types::Url::parse(href)
        .unwrap()
        .to_file_path()
        .unwrap();
    assert!(page.is_file(), "{} should exist", page.display());

    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"copydesk": {"docsBaseUrl": "https://desk.example/rules"}}}),
    )
    .await;
    let d = c
        .diagnostics_until(&a, |d| {
            !d.is_empty()
                && d[0]["codeDescription"]["href"]
                    .as_str()
                    .unwrap()
                    .starts_with("https:")
        })
        .await;
    assert_eq!(
        d[0]["codeDescription"]["href"],
        "https://desk.example/rules/quotes/unclosed.md"
    );
}

#[tokio::test]
async fn every_finding_offers_an_ignore_marker() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let mut c = TestClient::start();
    c.initialize_in(root, json!({}), Value::Null).await;
    let a = url(&root.join("a.txt"));
    c.open(&a, STORY).await;
    let d = c.diagnostics_until(&a, |d| !d.is_empty()).await;
    let actions = c
        .result(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": a}, "range": d[0]["range"], "context": {"diagnostics": d}}),
        )
        .await;
    let actions = actions.as_array().unwrap();
    let ignore = actions
        .iter()
        .find(|x| {
            x["title"]
                .as_str()
                .unwrap()
                .starts_with("Ignore `quotes/unclosed`")
        })
        .expect("an ignore action");
    assert_eq!(ignore["isPreferred"], false);
    let whole = actions
        .iter()
        .find(|x| x["title"] == "Ignore `quotes/unclosed` in this article")
        .expect("an article-wide ignore action");
    assert_eq!(
        whole["edit"]["changes"][&a][0]["newText"],
        "copydesk-ignore-file: quotes/unclosed\n"
    );
    let edit = &ignore["edit"]["changes"][&a][0];
    assert_eq!(edit["range"]["start"], json!({"line": 4, "character": 0}));
    assert_eq!(edit["newText"], "copydesk-ignore: quotes/unclosed\n");
    // The rule's own fix is still there, and first.
    assert!(actions[0]["title"]
        .as_str()
        .unwrap()
        .starts_with("Close the quotation"));

    // Applying it silences the finding.
    c.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": a, "version": 2},
            "contentChanges": [{"range": edit["range"], "text": edit["newText"]}]
        }),
    )
    .await;
    c.diagnostics_until(&a, |d| d.is_empty()).await;
}

#[tokio::test]
async fn a_client_with_no_copydesk_section_keeps_the_initialization_options() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let mut c = TestClient::start();
    // The pull answers `null` (Neovim does when `settings` has no such section).
    c.initialize_in(
        root,
        serde_json::from_str(PULL_AND_WATCH).unwrap(),
        json!({"copydesk": {"rules": {"quotes/unclosed": "hint"}}}),
    )
    .await;
    let a = url(&root.join("a.txt"));
    c.open(&a, STORY).await;
    c.diagnostics_until(&a, |d| d.len() == 1 && d[0]["severity"] == 4)
        .await;
    for _ in 0..100 {
        if c.seen.lock().unwrap().configuration_requests > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(c.seen.lock().unwrap().configuration_requests, 1);
    // After the pull, still a hint: check the state the server answers from.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": a, "version": 2}, "contentChanges": [{"text": STORY}]}),
    )
    .await;
    c.diagnostics_until(&a, |d| d.len() == 1 && d[0]["severity"] == 4)
        .await;
}
