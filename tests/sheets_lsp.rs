//! Desk rule sheets in the language server: desk findings with `codeDescription` from the
//! rule's `url` and their fixes as quick fixes; an invalid rule or a failing example is a
//! diagnostic at its place in the sheet while the rest of the configuration applies; a
//! change to a sheet on disk reloads it and re-checks open documents.

#[path = "support/inprocess.rs"]
mod inprocess;

use inprocess::{url, Client as TestClient};
use serde_json::{json, Value};

/// An invented story: `Kiev` after curly quotes, an em dash, CJK and an emoji.
const STORY: &str = "Talks resume\n\n“Yes,” 上海 🚀 — officials in Kiev said on Monday.\n";

/// A sheet with a valid rule, a rule with a bad regular expression (line 8) and an example
/// that fails (line 5, after an emoji).
const SHEET: &str = "[[rule]]\ncode = \"desk/kyiv\"\nmessage = \"write `{fix}`\"\nurl = \"https://desk.example.org/kyiv\"\nsubstitute = { \"Kiev\" = \"Kyiv\" }\nexamples.match = [\"🚀 Kyiv\"]\n\n[[rule]]\ncode = \"desk/bad\"\nmessage = \"m\"\npattern = \"(\"\n";

fn codes(diags: &[Value]) -> Vec<String> {
    diags
        .iter()
        .map(|d| d["code"].as_str().unwrap_or("").to_string())
        .collect()
}

#[tokio::test]
async fn sheets_live_in_the_server_and_reload_on_change() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    std::fs::write(
        root.join("copydesk.toml"),
        "sheets = [\"style/house.toml\"]\n[rules]\n\"quotes/*\" = \"off\"\n",
    )
    .unwrap();
    std::fs::create_dir(root.join("style")).unwrap();
    let sheet_path = root.join("style/house.toml");
    std::fs::write(&sheet_path, SHEET).unwrap();

    let mut c = TestClient::start();
    c.initialize_in(root, json!({}), Value::Null).await;
    let sheet = url(&sheet_path);
    let d = c.diagnostics_until(&sheet, |d| d.len() == 2).await;
    let mut got: Vec<(String, Value, String)> = d
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["range"]["start"].clone(),
                d["message"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    got.sort_by_key(|g| g.1["line"].as_u64());
    assert_eq!(
        got,
        [
            (
                "sheet/example".to_string(),
                json!({"line": 5, "character": 18}),
                "rule desk/kyiv: example \"🚀 Kyiv\" did not match".to_string()
            ),
            (
                "sheet/invalid".to_string(),
                json!({"line": 10, "character": 10}),
                "rule desk/bad: invalid regular expression: unclosed group".to_string()
            ),
        ]
    );

    // The rest applies: the valid desk rule runs, quotes/* is off.
    let doc = url(&root.join("story.txt"));
    c.open(&doc, STORY).await;
    let d = c.diagnostics_until(&doc, |d| !d.is_empty()).await;
    let desk: Vec<&Value> = d.iter().filter(|d| d["code"] == "desk/kyiv").collect();
    assert_eq!(desk.len(), 1, "{d:?}");
    // UTF-16 columns: the emoji is two units.
    assert_eq!(
        desk[0]["range"]["start"],
        json!({"line": 2, "character": 28})
    );
    assert_eq!(
        desk[0]["codeDescription"]["href"],
        "https://desk.example.org/kyiv"
    );
    assert_eq!(desk[0]["message"], "write `Kyiv`");
    assert!(!codes(&d).iter().any(|c| c.starts_with("quotes/")));

    // The fix is a quick fix.
    let actions = c
        .result(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": doc}, "range": desk[0]["range"], "context": {"diagnostics": [desk[0]]}}),
        )
        .await;
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["title"].as_str())
        .collect();
    assert!(titles.contains(&"Replace with `Kyiv`"), "{titles:?}");

    // Fix the sheet on disk, and add a rule: the sheet's diagnostics clear and the story
    // is re-checked under the new rules.
    std::fs::write(
        &sheet_path,
        "[[rule]]\ncode = \"desk/kyiv\"\nmessage = \"Kyiv\"\nsubstitute = { \"Kiev\" = \"Kyiv\" }\nexamples.match = [\"🚀 Kiev\"]\n\n[[rule]]\ncode = \"desk/monday\"\nmessage = \"no days\"\nforbid = [\"on Monday\"]\n",
    )
    .unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": sheet, "type": 2}]}),
    )
    .await;
    c.diagnostics_until(&sheet, |d| d.is_empty()).await;
    let d = c
        .diagnostics_until(&doc, |d| d.iter().any(|d| d["code"] == "desk/monday"))
        .await;
    assert!(d
        .iter()
        .any(|d| d["code"] == "desk/kyiv" && d.get("codeDescription").is_none()));
}

/// A client that cannot watch files (Neovim on Linux offers no `didChangeWatchedFiles`):
/// the server watches `copydesk.toml` and the sheets itself. A sheet saved on disk (as an
/// editor saves: a temporary file renamed over it) is live in the open story within a
/// second, with no notification from the client; so is a `copydesk.toml` created later.
#[tokio::test]
async fn without_client_watching_a_saved_sheet_is_live_within_a_second() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    let mut c = TestClient::start();
    // No `workspace.didChangeWatchedFiles` capability, and no configuration file yet.
    c.initialize_in(root, json!({}), Value::Null).await;
    let doc = url(&root.join("story.txt"));
    c.open(&doc, STORY).await;
    let d = c.diagnostics_until(&doc, |_| true).await;
    assert!(!codes(&d).iter().any(|c| c.starts_with("desk/")), "{d:?}");

    std::fs::create_dir(root.join("style")).unwrap();
    let sheet_path = root.join("style/house.toml");
    std::fs::write(
        &sheet_path,
        "[[rule]]\ncode = \"desk/kyiv\"\nmessage = \"Kyiv\"\nsubstitute = { \"Kiev\" = \"Kyiv\" }\n",
    )
    .unwrap();
    let started = std::time::Instant::now();
    std::fs::write(
        root.join("copydesk.toml"),
        "sheets = [\"style/house.toml\"]\n",
    )
    .unwrap();
    c.diagnostics_until(&doc, |d| d.iter().any(|d| d["code"] == "desk/kyiv"))
        .await;
    let created = started.elapsed();

    // Save a new version of the sheet the way editors do: write aside, rename over.
    let aside = root.join("style/.house.toml.swp");
    std::fs::write(
        &aside,
        "[[rule]]\ncode = \"desk/monday\"\nmessage = \"no days\"\nforbid = [\"on Monday\"]\n",
    )
    .unwrap();
    let started = std::time::Instant::now();
    std::fs::rename(&aside, &sheet_path).unwrap();
    let d = c
        .diagnostics_until(&doc, |d| d.iter().any(|d| d["code"] == "desk/monday"))
        .await;
    let saved = started.elapsed();
    assert!(!codes(&d).contains(&"desk/kyiv".to_string()), "{d:?}");
    assert!(
        created < std::time::Duration::from_secs(1) && saved < std::time::Duration::from_secs(1),
        "live after {created:?} (config created) and {saved:?} (sheet saved); budget 1 s"
    );
}

/// The editor settings may set the level of a desk rule from the workspace's sheets
/// (`copydesk.rules = {"desk/kyiv": "error"}`): accepted, applied, and no warning that the
/// settings were ignored.
#[tokio::test]
async fn editor_settings_set_levels_for_desk_rules() {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    std::fs::write(
        root.join("copydesk.toml"),
        "[[sheet.rule]]\ncode = \"desk/kyiv\"\nmessage = \"Kyiv\"\nseverity = \"info\"\nsubstitute = { \"Kiev\" = \"Kyiv\" }\n",
    )
    .unwrap();
    let mut c = TestClient::start();
    c.initialize_in(
        root,
        json!({}),
        json!({"rules": {"desk/kyiv": "error", "quotes/*": "off"}}),
    )
    .await;
    let doc = url(&root.join("story.txt"));
    c.open(&doc, STORY).await;
    let d = c
        .diagnostics_until(&doc, |d| d.iter().any(|d| d["code"] == "desk/kyiv"))
        .await;
    let kyiv = d.iter().find(|d| d["code"] == "desk/kyiv").unwrap();
    assert_eq!(kyiv["severity"], 1, "{kyiv}");
    assert!(!codes(&d).iter().any(|c| c.starts_with("quotes/")), "{d:?}");
    let warnings: Vec<Value> = c
        .drain()
        .into_iter()
        .filter(|m| m["method"] == "window/showMessage")
        .collect();
    assert!(warnings.is_empty(), "{warnings:?}");
}
