//! `copydesk entities`: the real binary, JSON and TSV, positions after curly quotes, em
//! dashes, CJK and emoji, standard input and exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

/// An invented dispatch: non-ASCII before the names, a title, a surname reference.
const STORY: &str = "\
Ferry 🚢 vote splits island

PORT ELLIS, Maine (AP) — “Keep it,” said 東京 visitor Mayor Ruth Calloway, after the vote.

Calloway told the Port Ellis Harbor Commission the ferry would run all winter.
";

fn run(args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .env_remove("COPYDESK_LOG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(s) = stdin {
        child.stdin.take().unwrap().write_all(s.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    child.wait_with_output().unwrap()
}

#[test]
fn json_lists_every_mention_with_character_columns_and_byte_offsets() {
    let out = run(
        &["entities", "--stdin-filename", "story.txt", "-"],
        Some(STORY),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let file = &v["files"][0];
    assert_eq!(file["path"], "story.txt");
    let ents = file["entities"].as_array().unwrap();
    let person = ents
        .iter()
        .find(|e| e["canonical"] == "Ruth Calloway")
        .expect("Ruth Calloway is an entity");
    assert_eq!(person["type"], "person");
    let mentions = person["mentions"].as_array().unwrap();
    assert_eq!(mentions.len(), 2);
    let first = &mentions[person["first_reference"].as_u64().unwrap() as usize];
    assert_eq!(first["text"], "Ruth Calloway");
    let start = STORY.find("Ruth Calloway").unwrap();
    assert_eq!(first["start"].as_u64().unwrap() as usize, start);
    assert_eq!(
        first["end"].as_u64().unwrap() as usize,
        start + "Ruth Calloway".len()
    );
    // Line 3; the column counts characters (the em dash, curly quotes and CJK are one each).
    let line3 = STORY.lines().nth(2).unwrap();
    let col = line3[..line3.find("Ruth").unwrap()].chars().count() + 1;
    assert_eq!(first["line"], 3);
    assert_eq!(first["column"].as_u64().unwrap() as usize, col);
    assert_eq!(mentions[1]["text"], "Calloway");
    assert_eq!(mentions[1]["form"], "surname");
    assert_eq!(mentions[1]["line"], 5);
    assert_eq!(mentions[1]["column"], 1);
    assert!(ents
        .iter()
        .any(|e| e["type"] == "place" && e["canonical"].as_str().unwrap().contains("Maine")));
}

#[test]
fn tsv_has_a_header_and_one_line_per_mention() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.txt");
    std::fs::write(&path, STORY).unwrap();
    let out = run(
        &["entities", "--format", "tsv", path.to_str().unwrap()],
        None,
    );
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next().unwrap(),
        "path\tentity\ttype\tcanonical\tform\tfirst\theading\tline\tcolumn\tstart\tend\ttext"
    );
    let rows: Vec<Vec<&str>> = lines.map(|l| l.split('\t').collect()).collect();
    assert!(rows.iter().all(|r| r.len() == 12));
    let calloway: Vec<&Vec<&str>> = rows.iter().filter(|r| r[3] == "Ruth Calloway").collect();
    assert_eq!(calloway.len(), 2);
    assert_eq!(
        calloway[0][5], "1",
        "the first mention is the first reference"
    );
    assert_eq!(calloway[1][4], "surname");
    let start: usize = calloway[1][9].parse().unwrap();
    let end: usize = calloway[1][10].parse().unwrap();
    assert_eq!(&STORY[start..end], "Calloway");
}

#[test]
fn a_missing_file_is_exit_2_and_the_others_are_still_listed() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("story.txt");
    std::fs::write(&path, STORY).unwrap();
    let missing = dir.path().join("missing.txt");
    let out = run(
        &[
            "entities",
            path.to_str().unwrap(),
            missing.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"].as_array().unwrap().len(), 1);
    assert_eq!(v["errors"].as_array().unwrap().len(), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.txt"));
}
