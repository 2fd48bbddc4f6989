//! `copydesk outline FILE`: the real binary shows what the parser saw, in text and JSON.

use std::io::Write;
use std::process::{Command, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

/// Two invented stories in one file: page residue glued under the first headline (which
/// ends with an abbreviation), an em dash, CJK and an emoji in the lede, trailers, and an
/// end mark before the second story.
const DAY: &str = "\
Ferry 🚢 runs resume, led by U.S. crews
Video Player
Share | Print | Email

PORT ELLIS, Maine (AP) — Ferries to 東京 Island resumed on Tuesday.

“We are back,” the captain said.

-30-

Storm closes schools

TALLOW, Okla. (AP) — Schools closed on Wednesday.

KEY WORDS: storm
© 2024 Example News
";

fn outline(args: &[&str], stdin: &str) -> (String, bool) {
    let mut child = Command::new(BIN)
        .arg("outline")
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run copydesk");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    (String::from_utf8(out.stdout).unwrap(), out.status.success())
}

#[test]
fn text_outline_lists_each_story_and_its_parts() {
    let (out, ok) = outline(&["-"], DAY);
    assert!(ok);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "story 1 at 1:1",
            "  1:1 headline «Ferry 🚢 runs resume, led by U.S. crews»",
            "  2:1 residue «Video Player»",
            "  3:1 residue «Share | Print | Email»",
            "  5:1 dateline «PORT ELLIS, Maine (AP) —»",
            "  5:1 lede «PORT ELLIS, Maine (AP) — Ferries to 東京 Island resumed on Tue…»",
            "  7:1 paragraph «“We are back,” the captain said.»",
            "  9:1 end-mark «-30-»",
            "story 2 at 11:1",
            "  11:1 headline «Storm closes schools»",
            "  13:1 dateline «TALLOW, Okla. (AP) —»",
            "  13:1 lede «TALLOW, Okla. (AP) — Schools closed on Wednesday.»",
            "  15:1 trailer (keywords) «KEY WORDS: storm»",
        ]
    );
}

#[test]
fn json_outline_gives_positions_in_characters() {
    let (out, ok) = outline(
        &["--format", "json", "--stdin-filename", "day.txt", "-"],
        DAY,
    );
    assert!(ok);
    let v: Value = serde_json::from_str(&out).unwrap();
    let file = &v[0];
    assert_eq!(file["path"], "day.txt");
    assert_eq!(file["stories"], 2);
    let parts = file["parts"].as_array().unwrap();
    let lede = parts.iter().find(|p| p["kind"] == "lede").unwrap();
    assert_eq!(lede["story"], 1);
    assert_eq!(lede["start"], serde_json::json!([5, 1]));
    // Characters, not bytes: the em dash and the CJK count one each.
    let text = lede["text"].as_str().unwrap();
    assert_eq!(
        lede["end"],
        serde_json::json!([5, 1 + text.chars().count()])
    );
    let trailer = parts.iter().find(|p| p["kind"] == "trailer").unwrap();
    assert_eq!(trailer["story"], 2);
    assert_eq!(trailer["detail"], "keywords");
    assert!(!parts
        .iter()
        .any(|p| p["kind"] == "paragraph" && p["story"] == 2));
}

#[test]
fn unreadable_file_fails_but_others_print() {
    let dir = std::env::temp_dir().join(format!("copydesk-outline-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.txt");
    std::fs::write(&good, DAY).unwrap();
    let out = Command::new(BIN)
        .args(["outline", good.to_str().unwrap(), "/nonexistent/story.txt"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stdout).contains("story 2 at 11:1"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("/nonexistent/story.txt"));
    let _ = std::fs::remove_dir_all(&dir);
}
