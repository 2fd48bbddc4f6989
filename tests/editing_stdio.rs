//! Editing with the desk (issue 18) through the real binary's stdio: a client that names
//! its pull capability as the protocol does (`workspace.diagnostics.refreshSupport`, which
//! lsp-types 0.94 reads as `workspace.diagnostic`) pulls diagnostics and is pushed none;
//! `source.fixAll.copydesk` over stdio.

#[path = "support/stdio.rs"]
mod stdio;

use std::time::Duration;

use serde_json::json;
use stdio::Server;

const STORY: &str = "Brazil signs grain deal with China\n\nBEIJING, Sept. 19 (Xinhua) -- Brazilian Agriculture Minister Tomás Ferreira signed a grain deal with China on Tuesday.\n\nFerreira said “the first cargoes will leave Santos in October.\n";

#[test]
fn a_client_announcing_workspace_diagnostics_pulls_and_is_pushed_nothing() {
    let mut s = Server::spawn(None);
    let caps = s.initialize(
        json!({
            "textDocument": {"diagnostic": {"dynamicRegistration": false}},
            "workspace": {"diagnostics": {"refreshSupport": true}},
        }),
        None,
    );
    assert_eq!(
        caps["capabilities"]["diagnosticProvider"]["identifier"], "copydesk",
        "{caps}"
    );
    let uri = "file:///desk/grain.txt";
    s.open(uri, 1, STORY);
    let r = s.call(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}}),
    );
    let items = r["result"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 1, "{r}");
    assert_eq!(items[0]["code"], "quotes/unclosed");
    let id = r["result"]["resultId"].clone();
    let again = s.call(
        "textDocument/diagnostic",
        json!({"textDocument": {"uri": uri}, "previousResultId": id}),
    );
    assert_eq!(again["result"]["kind"], "unchanged", "{again}");

    let fix = s.call(
        "textDocument/codeAction",
        json!({
            "textDocument": {"uri": uri},
            "range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}},
            "context": {"diagnostics": [], "only": ["source.fixAll"]},
        }),
    );
    assert_eq!(fix["result"][0]["kind"], "source.fixAll.copydesk", "{fix}");
    let edits = fix["result"][0]["edit"]["changes"][uri].as_array().unwrap();
    assert_eq!(edits.len(), 1);
    assert_eq!(edits[0]["newText"], "”");

    let pushed: Vec<_> = s
        .drain(Duration::from_millis(500))
        .into_iter()
        .filter(|m| m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri)
        .collect();
    assert!(pushed.is_empty(), "pushed to a pulling client: {pushed:?}");
    assert!(s.shutdown().success());
}
