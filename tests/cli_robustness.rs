//! `copydesk check` against what a file system can throw at it: invalid UTF-8, empty and
//! huge files, thousands of files, broken symbolic links, symbolic link loops, pipes,
//! missing paths and bad configuration. Each gets a clear message, the other files are
//! still checked, and the exit code says what happened: 0 clean, 1 error findings,
//! 2 usage or I/O trouble (which wins over findings).

use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const CLEAN: &str = "HOUSTON, March 3 (Reuters) - The harbor ferry resumed on Tuesday, \
said port chief Lena Markov.\n";
/// Two error findings: no dateline, and an unclosed quotation.
const BROKEN: &str = "He said “nothing.\n";

fn check(args: &[&str], cwd: &Path) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .arg("check")
        .args(args)
        .current_dir(cwd)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn copydesk check");
    // Drain both pipes while waiting, so a large report cannot block the child.
    let drain = |r: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut buf = Vec::new();
            if let Some(mut r) = r {
                let _ = r.read_to_end(&mut buf);
            }
            buf
        })
    };
    let out = drain(child.stdout.take().map(|s| Box::new(s) as _));
    let err = drain(child.stderr.take().map(|s| Box::new(s) as _));
    // Never hang the test suite, whatever the file system does.
    let deadline = Instant::now() + Duration::from_secs(60);
    let status = loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("copydesk check {args:?} did not finish within 60 s");
        }
        std::thread::sleep(Duration::from_millis(10));
    };
    Output {
        status,
        stdout: out.join().expect("stdout reader"),
        stderr: err.join().expect("stderr reader"),
    }
}

fn code(o: &Output) -> i32 {
    o.status.code().expect("exited normally")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}

#[test]
fn exit_codes_say_what_happened() {
    let d = dir();
    std::fs::write(d.path().join("clean.txt"), CLEAN).unwrap();
    std::fs::write(d.path().join("broken.txt"), BROKEN).unwrap();
    let o = check(&["clean.txt"], d.path());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("checked 1 file: 0 findings"),
        "{}",
        stderr(&o)
    );
    let o = check(&["broken.txt"], d.path());
    assert_eq!(code(&o), 1, "{}", stderr(&o));
    assert!(
        stdout(&o).contains("error[quotes/unclosed]"),
        "{}",
        stdout(&o)
    );
    // Trouble reading wins over findings.
    let o = check(&["broken.txt", "missing.txt"], d.path());
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("error: missing.txt: No such file or directory"),
        "{}",
        stderr(&o)
    );
    assert!(
        stdout(&o).contains("error[quotes/unclosed]"),
        "the other file is still checked"
    );
    // Usage errors.
    let o = check(&[], d.path());
    assert_eq!(code(&o), 2);
    let o = check(&["--format", "yaml", "clean.txt"], d.path());
    assert_eq!(code(&o), 2);
}

#[test]
fn invalid_utf8_is_reported_with_its_byte_offset_and_the_rest_is_checked() {
    let d = dir();
    let mut bytes = b"BEIJING, March 3 (Xinhua) -- caf".to_vec();
    bytes.push(0xe9); // Latin-1 é: byte offset 32
    bytes.extend_from_slice(b" reopened.\n");
    std::fs::write(d.path().join("latin1.txt"), &bytes).unwrap();
    std::fs::write(d.path().join("broken.txt"), BROKEN).unwrap();
    std::fs::write(d.path().join("clean.txt"), CLEAN).unwrap();
    let o = check(&["."], d.path());
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(
        err.contains("latin1.txt: not valid UTF-8: invalid byte sequence at byte offset 32"),
        "{err}"
    );
    assert!(
        err.contains("checked 2 files: 2 findings, 1 file not checked"),
        "{err}"
    );
    assert!(stdout(&o).contains("broken.txt:1:9: error[quotes/unclosed]"));
    // The same in JSON.
    let o = check(&[".", "--format", "json"], d.path());
    assert_eq!(code(&o), 2);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
    assert_eq!(v["files_checked"], 2);
    assert_eq!(v["errors"].as_array().map(Vec::len), Some(1));
    assert!(v["errors"][0]["message"]
        .as_str()
        .is_some_and(|m| m.contains("byte offset 32")));
    assert_eq!(v["findings"].as_array().map(Vec::len), Some(2));
}

#[test]
fn empty_files_and_odd_bytes_are_checked_quietly() {
    let d = dir();
    std::fs::write(d.path().join("empty.txt"), "").unwrap();
    std::fs::write(d.path().join("blank.md"), "\n\r\n\r  \t\n").unwrap();
    std::fs::write(
        d.path().join("control.txt"),
        "\u{feff}NORTHVALE\0, March 3 (AP) \u{1b}[31m— “\0”\r\u{7f}\u{85}\u{2028}\n",
    )
    .unwrap();
    let o = check(&["empty.txt", "blank.md"], d.path());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("checked 2 files: 0 findings"),
        "{}",
        stderr(&o)
    );
    let o = check(&["control.txt"], d.path());
    assert!(matches!(code(&o), 0 | 1), "{}", stderr(&o));
    assert!(stderr(&o).contains("checked 1 file"), "{}", stderr(&o));
}

#[cfg(unix)]
#[test]
fn broken_links_loops_pipes_and_folders() {
    use std::os::unix::fs::symlink;
    let d = dir();
    let root = d.path();
    std::fs::create_dir_all(root.join("desk/sub")).unwrap();
    std::fs::write(root.join("desk/broken.txt"), BROKEN).unwrap();
    symlink("gone.txt", root.join("desk/dangling.txt")).unwrap();
    symlink("..", root.join("desk/sub/loop")).unwrap();
    let fifo = Command::new("mkfifo")
        .arg(root.join("desk/pipe.txt"))
        .status()
        .is_ok_and(|s| s.success());

    // A folder: every problem reported, the readable file still checked, exit 2.
    let o = check(&["desk"], root);
    assert_eq!(code(&o), 2);
    let err = stderr(&o);
    assert!(
        err.contains("desk/dangling.txt: broken symbolic link to gone.txt"),
        "{err}"
    );
    assert!(
        err.contains("desk/sub/loop: symbolic link loop back to desk"),
        "{err}"
    );
    assert!(stdout(&o).contains("desk/broken.txt:1:9: error[quotes/unclosed]"));
    // A pipe inside a folder is not an article file: skipped, not opened.
    assert!(!err.contains("pipe.txt"), "{err}");

    // Named directly.
    let o = check(&["desk/dangling.txt"], root);
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("broken symbolic link to gone.txt"),
        "{}",
        stderr(&o)
    );
    if fifo {
        // Opening a pipe with no writer would block forever.
        let o = check(&["desk/pipe.txt"], root);
        assert_eq!(code(&o), 2);
        assert!(stderr(&o).contains("not a regular file"), "{}", stderr(&o));
    } else {
        eprintln!("note: mkfifo unavailable; the pipe case was not run");
    }
}

#[test]
fn thousands_of_files() {
    let d = dir();
    for i in 0..2000 {
        let sub = d.path().join(format!("day{:02}", i % 40));
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::write(sub.join(format!("story{i:04}.txt")), CLEAN).unwrap();
        // Files of other kinds are left alone.
        std::fs::write(sub.join(format!("photo{i:04}.jpg")), [0xff, 0xd8, 0xff]).unwrap();
    }
    let t = Instant::now();
    let o = check(&["."], d.path());
    assert_eq!(code(&o), 0, "{}", stderr(&o));
    assert!(
        stderr(&o).contains("checked 2000 files: 0 findings"),
        "{}",
        stderr(&o)
    );
    eprintln!("2,000 files checked in {:?} (debug build)", t.elapsed());
    std::fs::write(d.path().join("day07/late.txt"), BROKEN).unwrap();
    let o = check(&["."], d.path());
    assert_eq!(code(&o), 1);
    assert!(
        stderr(&o).contains("checked 2001 files: 2 findings"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn huge_files() {
    let d = dir();
    // About 8 MB of paragraphs, and a 2 MB line with no newline at all.
    let mut big = String::from(CLEAN);
    while big.len() < 8 << 20 {
        big.push_str("\n“The ferry runs again,” said Mira Toll — 北京 😀 — on the quay.\n");
    }
    std::fs::write(d.path().join("big.txt"), &big).unwrap();
    let mut line = String::from("NORTHVALE, March 3 (Reuters) - ");
    while line.len() < 2 << 20 {
        line.push_str("harbor ferry “北京” 😀 — ");
    }
    std::fs::write(d.path().join("line.txt"), &line).unwrap();
    let t = Instant::now();
    let o = check(&["big.txt", "line.txt"], d.path());
    assert!(matches!(code(&o), 0 | 1), "{}", stderr(&o));
    assert!(stderr(&o).contains("checked 2 files"), "{}", stderr(&o));
    eprintln!(
        "8 MB + 2 MB line checked in {:?} (debug build)",
        t.elapsed()
    );
}

#[test]
fn a_bad_config_file_is_usage_trouble_with_its_position() {
    let d = dir();
    std::fs::write(d.path().join("copydesk.toml"), "# house\nstyle = \"apx\"\n").unwrap();
    std::fs::write(d.path().join("clean.txt"), CLEAN).unwrap();
    let o = check(&["clean.txt"], d.path());
    assert_eq!(code(&o), 2);
    assert!(
        stderr(&o).contains("copydesk.toml:2:9: invalid configuration"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn a_config_error_column_counts_characters_after_curly_quotes_and_emoji() {
    let d = dir();
    std::fs::write(
        d.path().join("copydesk.toml"),
        "dateline = { places = [\"“Zürich” 😀\"], standalone_add = 5 }\n",
    )
    .unwrap();
    std::fs::write(d.path().join("clean.txt"), CLEAN).unwrap();
    let o = check(&["clean.txt"], d.path());
    assert_eq!(code(&o), 2);
    // `5` is the 56th character of the line (and its 64th byte).
    assert!(
        stderr(&o).contains("error: copydesk.toml:1:56: invalid configuration: invalid type"),
        "{}",
        stderr(&o)
    );
}
