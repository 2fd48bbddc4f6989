//! Issue 18's furniture and story facts, in process over the shared client
//! (`tests/support/inprocess.rs`): the dateline snippet on an empty lede and the end marks
//! after the last paragraph (snippet or plain text by the client's capabilities; the
//! place from `[dateline] place` or the workspace's latest story), the story-facts lens
//! and hover on the headline, and the `codeLens` settings.

#[path = "support/inprocess.rs"]
mod inprocess;

use std::time::Duration;

use inprocess::{url, Client as TestClient};
use serde_json::{json, Value};

fn completion_at(uri: &str, line: u32, character: u32) -> Value {
    json!({
        "textDocument": {"uri": uri},
        "position": {"line": line, "character": character},
        "context": {"triggerKind": 1},
    })
}

fn snippet_caps() -> Value {
    json!({"textDocument": {"completion": {"completionItem": {"snippetSupport": true}}}})
}

/// Today in `zone`, in Xinhua's month form, as the server computes it.
fn today_xinhua(zone: &str) -> String {
    let d = copydesk::snippets::today(Some(zone));
    let months = copydesk::words::AP_MONTHS;
    format!("{} {}", months[usize::from(d.month) - 1], d.day)
}

const HEAD: &str = "“Grain” talks open 会谈 🎉\n\n";

/// A Xinhua desk in Beijing whose clock is UTC+14 (`Pacific/Kiritimati`: a day ahead of
/// UTC for ten hours of every day, whatever the machine's zone).
fn xinhua_desk() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("copydesk.toml"),
        "style = \"xinhua\"\n[dateline]\nplace = \"BEIJING\"\ntimezone = \"Pacific/Kiritimati\"\n",
    )
    .unwrap();
    dir
}

#[tokio::test]
async fn dateline_snippet_from_the_configured_place_or_plain_text() {
    let dir = xinhua_desk();
    let root = dir.path();
    let date = today_xinhua("Pacific/Kiritimati");
    for (caps, want, format) in [
        (
            snippet_caps(),
            format!("${{1:BEIJING}}, ${{2:{date}}} (Xinhua) -- $0"),
            2,
        ),
        (json!({}), format!("BEIJING, {date} (Xinhua) -- "), 1),
    ] {
        let mut c = TestClient::start();
        c.initialize_in(root, caps.clone(), Value::Null).await;
        let uri = url(&root.join("talks.txt"));
        c.open(&uri, &format!("{HEAD}\n")).await;
        let r = c
            .result("textDocument/completion", completion_at(&uri, 2, 0))
            .await;
        let items = r["items"].as_array().unwrap_or_else(|| panic!("{r}"));
        assert_eq!(items.len(), 1, "{r}");
        let it = &items[0];
        assert_eq!(it["detail"], "Xinhua dateline");
        assert_eq!(it["insertTextFormat"], format, "{caps}");
        assert_eq!(
            it["textEdit"],
            json!({"range": {"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 0}}, "newText": want})
        );
        // Not in the headline, nor on a line of the body.
        let r = c
            .result("textDocument/completion", completion_at(&uri, 0, 3))
            .await;
        assert_eq!(r, Value::Null, "{r}");
    }
}

/// The editor's settings (`copydesk.dateline.place` / `.timezone` in VS Code, `dateline`
/// in Neovim's settings table) override the file's: another place, another day.
#[tokio::test]
async fn dateline_place_and_time_zone_from_the_editor_settings() {
    let dir = xinhua_desk();
    let root = dir.path();
    let mut c = TestClient::start();
    let options =
        json!({"copydesk": {"dateline": {"place": "APIA", "timezone": "Pacific/Pago_Pago"}}});
    c.initialize_in(root, json!({}), options).await;
    let uri = url(&root.join("talks.txt"));
    c.open(&uri, &format!("{HEAD}\n")).await;
    let r = c
        .result("textDocument/completion", completion_at(&uri, 2, 0))
        .await;
    let want = format!("APIA, {} (Xinhua) -- ", today_xinhua("Pacific/Pago_Pago"));
    assert_eq!(r["items"][0]["textEdit"]["newText"], want, "{r}");
    // UTC-11 is always a day (or two) behind UTC+14.
    assert_ne!(
        want,
        format!("APIA, {} (Xinhua) -- ", today_xinhua("Pacific/Kiritimati"))
    );
}

#[tokio::test]
async fn dateline_place_from_the_latest_story_of_the_workspace_and_end_marks() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::write(root.join("copydesk.toml"), "style = \"reuters\"\n").unwrap();
    std::fs::write(
        root.join("earlier.txt"),
        "Oil steadies\n\nHOUSTON, Jan 27 (Reuters) - Oil prices steadied on Monday.\n",
    )
    .unwrap();
    let mut c = TestClient::start();
    c.initialize_in(root, json!({}), Value::Null).await;
    let uri = url(&root.join("new.txt"));
    c.open(&uri, &format!("{HEAD}HOU")).await;
    // The index is built in the background: ask until it has the earlier story.
    let mut r = Value::Null;
    for _ in 0..200 {
        r = c
            .result("textDocument/completion", completion_at(&uri, 2, 3))
            .await;
        if r.to_string().contains("HOUSTON") {
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    let first = &r["items"][0];
    assert_eq!(first["detail"], "Reuters dateline", "{r}");
    let text = first["textEdit"]["newText"].as_str().unwrap();
    assert!(text.starts_with("HOUSTON, "), "{text}");
    assert!(text.ends_with(" (Reuters) - "), "{text}");
    // The typed word is replaced.
    assert_eq!(
        first["textEdit"]["range"],
        json!({"start": {"line": 2, "character": 0}, "end": {"line": 2, "character": 3}})
    );

    // After the last paragraph: the trailer and the end mark, house order.
    let story = format!(
        "{HEAD}HOUSTON, Jan 27 (Reuters) - Talks opened in 北京 on Monday, an “early” start.\n\n\n"
    );
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": story}]}),
    )
    .await;
    let r = c
        .result("textDocument/completion", completion_at(&uri, 4, 0))
        .await;
    let got: Vec<(&str, &str)> = r["items"]
        .as_array()
        .unwrap_or_else(|| panic!("{r}"))
        .iter()
        .map(|i| {
            (
                i["label"].as_str().unwrap(),
                i["textEdit"]["newText"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (
                "(Reporting by …; Editing by …)",
                "(Reporting by NAME in CITY; Editing by NAME)"
            ),
            ("ENDS", "ENDS"),
        ]
    );
}

/// An invented story: 2 body paragraphs, 27 words, 2 quotations, 1 person quoted.
const FACTS_STORY: &str = "Harbor “café” reopens 🎉\n\nPORTLAND, Maine (AP) — The harbor café reopened on Monday after a storm, said owner Marta Quill.\n\n“We lost the roof,” Quill said. “We kept the 北京 teapot.”\n";
const FACTS: &str = "27 words · 2 paragraphs · 2 quotations · 1 person quoted · 1 min read";

async fn lenses(c: &mut TestClient, uri: &str) -> Vec<(u64, String)> {
    let r = c
        .result(
            "textDocument/codeLens",
            json!({"textDocument": {"uri": uri}}),
        )
        .await;
    r.as_array()
        .unwrap()
        .iter()
        .map(|l| {
            (
                l["range"]["start"]["line"].as_u64().unwrap(),
                l["command"]["title"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[tokio::test]
async fn story_facts_lens_and_hover_on_the_headline_and_lens_settings() {
    let mut c = TestClient::start();
    c.initialize(json!({"workspace": {"codeLens": {"refreshSupport": true}}}))
        .await;
    let uri = "file:///desk/harbor.txt";
    c.open(uri, FACTS_STORY).await;
    let got = lenses(&mut c, uri).await;
    assert_eq!(
        got,
        [(0, FACTS.to_string()), (2, "2 mentions".to_string())],
        "{got:?}"
    );
    // Hover on the headline (after its emoji-free first word), not on the body.
    let h = c
        .result(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 9}}),
        )
        .await;
    assert_eq!(
        h["contents"]["value"],
        format!("**Story facts**\n\n{FACTS}"),
        "{h}"
    );
    // Each lens kind off on its own.
    for (settings, want) in [
        (
            json!({"codeLens": {"storyFacts": false}}),
            vec![(2, "2 mentions".to_string())],
        ),
        (
            json!({"codeLens": {"mentions": false}}),
            vec![(0, FACTS.to_string())],
        ),
        (
            json!({"codeLens": {"mentions": false, "storyFacts": false}}),
            vec![],
        ),
    ] {
        let before = c.seen.lock().unwrap().requests.len();
        c.notify(
            "workspace/didChangeConfiguration",
            json!({"settings": {"copydesk": settings}}),
        )
        .await;
        let mut got = Vec::new();
        for _ in 0..100 {
            got = lenses(&mut c, uri).await;
            if got == want {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert_eq!(got, want, "{settings}");
        // The client is told to ask for lenses again.
        let mut asked = false;
        for _ in 0..100 {
            asked = c.seen.lock().unwrap().requests[before..]
                .iter()
                .any(|m| m == "workspace/codeLens/refresh");
            if asked {
                break;
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        assert!(asked, "no workspace/codeLens/refresh after {settings}");
    }
}

async fn analyses(c: &mut TestClient, uri: &str) -> u64 {
    c.result("copydesk/debugAnalyses", json!({"uri": uri}))
        .await
        .as_u64()
        .unwrap()
}

/// Inlay hints, code lens (both kinds), hover and completion answer from the worker's
/// snapshot: asking for them, many times, runs no analysis; an edit runs one.
#[tokio::test]
async fn hints_lens_hover_and_completion_never_analyse() {
    let mut c = TestClient::start();
    c.initialize(json!({})).await;
    let uri = "file:///desk/harbor.txt";
    let text = format!("{FACTS_STORY}\n");
    c.open(uri, &text).await;
    // The first snapshot made (the lens waits for it).
    assert_eq!(lenses(&mut c, uri).await.len(), 2);
    let before = analyses(&mut c, uri).await;
    assert!(before >= 1, "the counter counts: {before}");
    let whole = json!({"start": {"line": 0, "character": 0}, "end": {"line": 9, "character": 0}});
    for _ in 0..20 {
        c.result(
            "textDocument/inlayHint",
            json!({"textDocument": {"uri": uri}, "range": whole}),
        )
        .await;
        lenses(&mut c, uri).await;
        c.result(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 3}}),
        )
        .await;
        c.result("textDocument/completion", completion_at(uri, 5, 0))
            .await;
    }
    assert_eq!(analyses(&mut c, uri).await, before, "a request analysed");
    // An edit is analysed (once the lens asks for its state).
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": format!("{text}\nMore.\n")}]}),
    )
    .await;
    lenses(&mut c, uri).await;
    assert!(analyses(&mut c, uri).await > before);
}
