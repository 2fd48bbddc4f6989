//! `copydesk check` and `copydesk rules` as CI runs them: the real binary, its formats,
//! stdin, configuration discovery and exit codes.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

/// An invented story with an unclosed quotation in its second paragraph, CJK and emoji
/// before the finding.
const UNCLOSED: &str = "\
Ferry 🚢 keeps winter runs

PORT ELLIS, Maine (AP) — Voters in Port Ellis, 東京 visitors among them, chose to keep the island ferry running.

“We cannot leave the island cut off, the harbor master told the meeting.

Officials said the vote was close.
";

/// The same story, corrected.
const CLEAN: &str = "\
Ferry keeps winter runs

PORT ELLIS, Maine (AP) — Voters in Port Ellis chose to keep the island ferry running.

“We cannot leave the island cut off,” the harbor master told the meeting.
";

fn run(dir: &Path, args: &[&str], stdin: Option<&str>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("COPYDESK_LOG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run copydesk");
    {
        let mut input = child.stdin.take().unwrap();
        if let Some(s) = stdin {
            input.write_all(s.as_bytes()).unwrap();
        }
    }
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

fn desk() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    write(tmp.path(), "wire/unclosed.txt", UNCLOSED);
    write(tmp.path(), "wire/clean.txt", CLEAN);
    tmp
}

#[test]
fn exit_codes() {
    let tmp = desk();
    let d = tmp.path();
    assert_eq!(
        run(d, &["check", "wire/clean.txt"], None).status.code(),
        Some(0)
    );
    assert_eq!(run(d, &["check", "wire"], None).status.code(), Some(1));
    let missing = run(d, &["check", "wire/nope.txt"], None);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("nope.txt"),
        "{}",
        stderr(&missing)
    );
    assert_eq!(
        run(d, &["check", "--format", "xml", "wire"], None)
            .status
            .code(),
        Some(2)
    );
    assert_eq!(run(d, &["check"], None).status.code(), Some(2));
    // Warnings alone do not fail the run.
    write(d, "warn/copydesk.toml", "[rules]\n\"*\" = \"warning\"\n");
    write(d, "warn/story.txt", UNCLOSED);
    let o = run(d, &["check", "warn"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("warning[quotes/unclosed]"));
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let tmp = desk();
    let d = tmp.path();
    // A finding with a fix, related locations, a file name that needs escaping, and a
    // file that cannot be read (a tool notification).
    write(d, "wire/a story, 1.txt", UNCLOSED);
    write(d, "wire/bad.txt", "");
    std::fs::write(d.join("wire/bad.txt"), [0xff, 0xfe, b'a']).unwrap();
    let o = run(d, &["check", "--format", "sarif", "wire"], None);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let log: Value = serde_json::from_str(&stdout(&o)).expect("JSON");

    let schema_path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json");
    let schema: Value =
        serde_json::from_str(&std::fs::read_to_string(schema_path).unwrap()).unwrap();
    let validator = jsonschema::draft7::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path))
        .collect();
    assert!(
        errors.is_empty(),
        "SARIF does not validate:\n{}",
        errors.join("\n")
    );
    // The validator does reject what the schema forbids.
    let mut broken = log.clone();
    broken["runs"][0]["results"][0]["level"] = Value::from("fatal");
    broken["runs"][0]["columnKind"] = Value::from("bytes");
    assert_eq!(validator.iter_errors(&broken).count(), 2);

    let run0 = &log["runs"][0];
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(run0["tool"]["driver"]["name"], "copydesk");
    assert_eq!(run0["columnKind"], "unicodeCodePoints");
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), copydesk::rules::all().len());
    let results = run0["results"].as_array().unwrap();
    assert_eq!(results.len(), 2, "{results:#?}");
    let r = results
        .iter()
        .find(|r| {
            r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                == "wire/a%20story%2C%201.txt"
        })
        .expect("the escaped file name");
    assert_eq!(r["ruleId"], "quotes/unclosed");
    assert_eq!(r["level"], "error");
    let idx = r["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[idx]["id"], "quotes/unclosed");
    assert!(rules[idx]["helpUri"]
        .as_str()
        .unwrap()
        .ends_with("docs/rules/quotes/unclosed.md"));
    // Line 5, column 1 counts characters: the opening mark starts the line.
    let region = &r["locations"][0]["physicalLocation"]["region"];
    assert_eq!(region["startLine"], 5);
    assert_eq!(region["startColumn"], 1);
    assert_eq!(region["endColumn"], 2);
    assert!(!r["fixes"].as_array().unwrap().is_empty());
    let inv = &run0["invocations"][0];
    assert_eq!(inv["executionSuccessful"], false);
    assert!(inv["toolExecutionNotifications"][0]["message"]["text"]
        .as_str()
        .unwrap()
        .contains("UTF-8"));
}

#[test]
fn sarif_of_a_clean_run_validates_too() {
    let tmp = desk();
    let o = run(
        tmp.path(),
        &["check", "--format", "sarif", "wire/clean.txt"],
        None,
    );
    assert_eq!(o.status.code(), Some(0));
    let log: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert!(jsonschema::draft7::is_valid(&schema, &log));
    assert_eq!(log["runs"][0]["results"].as_array().unwrap().len(), 0);
}

#[test]
fn github_annotations() {
    let tmp = desk();
    let d = tmp.path();
    write(d, "odd/a,b: c.txt", UNCLOSED);
    write(
        d,
        "odd/copydesk.toml",
        "[rules]\n\"dateline/*\" = \"warning\"\n",
    );
    let o = run(d, &["check", "--format", "github", "odd"], None);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "::error file=odd/a%2Cb%3A c.txt,line=5,col=1,endLine=5,endColumn=1,\
             title=quotes/unclosed::this quotation is never closed: the paragraph ends \
             inside it and the next paragraph does not open with a quotation mark"
        ]
    );
    assert!(stderr(&o).contains("checked 1 file: 1 finding"));

    // Warnings and notices; a message with a newline or % is escaped.
    assert_eq!(
        copydesk::cli::ci::escape_data("100% sure\nnext"),
        "100%25 sure%0Anext"
    );
    write(
        d,
        "soft/copydesk.toml",
        "[rules]\n\"quotes/*\" = \"hint\"\n",
    );
    write(d, "soft/s.txt", UNCLOSED);
    let o = run(d, &["check", "--format", "github", "soft"], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(
        stdout(&o).starts_with("::notice file=soft/s.txt,line=5,col=1,"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn json_output() {
    let tmp = desk();
    let o = run(tmp.path(), &["check", "--format", "json", "wire"], None);
    assert_eq!(o.status.code(), Some(1));
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["files_checked"], 2);
    let f = &v["findings"][0];
    assert_eq!(f["code"], "quotes/unclosed");
    assert_eq!(f["path"], "wire/unclosed.txt");
    assert_eq!(f["range"]["start"]["line"], 5);
}

#[test]
fn json_output_carries_fixes_with_their_ranges() {
    let tmp = tempfile::tempdir().unwrap();
    // An em dash and an emoji before the ordinal: columns count characters.
    write(
        tmp.path(),
        "ordinal.txt",
        "Night market opens \u{2014} \u{1F30A}\n\nXIAMEN, June 14th (Xinhua) -- Stalls opened on Friday.\n",
    );
    let o = run(
        tmp.path(),
        &[
            "check",
            "--format",
            "json",
            "--style",
            "xinhua",
            "ordinal.txt",
        ],
        None,
    );
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let f = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "dateline/ordinal")
        .expect("an ordinal finding");
    let fix = &f["fixes"][0];
    assert_eq!(fix["preferred"], true);
    let edit = &fix["edits"][0];
    assert_eq!(edit["replacement"], "");
    assert_eq!(edit["range"]["start"]["line"], 3);
    assert_eq!(edit["range"]["start"]["column"], 16);
    assert_eq!(edit["range"]["end"]["column"], 18);
}

#[test]
fn stdin_with_and_without_a_file_name() {
    let tmp = desk();
    let d = tmp.path();
    let o = run(d, &["check", "-"], Some(UNCLOSED));
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).starts_with("-:5:1: error[quotes/unclosed]"),
        "{}",
        stdout(&o)
    );

    // --stdin-filename finds the copydesk.toml of that folder.
    write(
        d,
        "quiet/copydesk.toml",
        "[rules]\n\"quotes/unclosed\" = \"off\"\n",
    );
    let o = run(
        d,
        &["check", "-", "--stdin-filename", "quiet/draft.txt"],
        Some(UNCLOSED),
    );
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    assert_eq!(stdout(&o), "");

    // ... and the format: a Markdown heading is a headline only in Markdown.
    let md = UNCLOSED.replace("Ferry 🚢", "# Ferry 🚢");
    let o = run(
        d,
        &[
            "check",
            "-",
            "--stdin-filename",
            "draft.md",
            "--format",
            "json",
        ],
        Some(&md),
    );
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["findings"][0]["path"], "draft.md");
    assert_eq!(v["findings"].as_array().unwrap().len(), 1, "{v:#}");

    // stdin and files together.
    let o = run(d, &["check", "-", "wire/clean.txt"], Some(CLEAN));
    assert_eq!(o.status.code(), Some(0));
    assert!(stderr(&o).contains("checked 2 files"), "{}", stderr(&o));

    let o = run(d, &["check", "-"], Some("\u{FEFF}bad \u{0}"));
    assert!(o.status.code() == Some(0) || o.status.code() == Some(1));
}

#[test]
fn configuration_is_found_per_folder() {
    let tmp = desk();
    let d = tmp.path();
    write(d, "copydesk.toml", "style = \"ap\"\n");
    write(
        d,
        "metro/copydesk.toml",
        "[rules]\n\"quotes/unclosed\" = \"off\"\n",
    );
    write(d, "metro/deep/er/story.txt", UNCLOSED);
    write(d, "world/story.txt", UNCLOSED);
    let o = run(d, &["check", "--format", "json", "metro", "world"], None);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let paths: Vec<&str> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["world/story.txt"]);

    // --config wins over discovery for every file.
    write(d, "loud.toml", "[rules]\n\"*\" = \"error\"\n");
    let o = run(
        d,
        &[
            "check",
            "--config",
            "loud.toml",
            "--format",
            "json",
            "metro",
        ],
        None,
    );
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["findings"].as_array().unwrap().len(), 1);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn a_bad_configuration_is_reported_with_its_position_and_exit_2() {
    let tmp = desk();
    let d = tmp.path();
    write(
        d,
        "bad/copydesk.toml",
        "style = \"ap\"\n[rules]\n\"quotes/unclosd\" = \"off\"\n",
    );
    write(d, "bad/a.txt", CLEAN);
    write(d, "bad/b.txt", CLEAN);
    let o = run(d, &["check", "bad", "wire/clean.txt"], None);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert_eq!(err.matches("invalid configuration").count(), 1, "{err}");
    assert!(
        err.contains("copydesk.toml:3:1: invalid configuration: unknown rule `quotes/unclosd`"),
        "{err}"
    );
    assert!(err.contains("checked 1 file"), "{err}");

    assert!(
        err.contains("error: bad/copydesk.toml:3:1: invalid"),
        "{err}"
    );
    let o = run(d, &["check", "--format", "github", "bad"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stdout(&o).starts_with(
            "::error file=bad/copydesk.toml,line=3,col=1,title=copydesk::invalid configuration: unknown rule"
        ),
        "{}",
        stdout(&o)
    );

    let o = run(d, &["check", "--config", "bad/copydesk.toml", "wire"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains(":3:1: invalid configuration"));
}

#[test]
fn style_flag_overrides_the_file() {
    let tmp = desk();
    let d = tmp.path();
    write(d, "copydesk.toml", "style = \"ap\"\n");
    let o = run(d, &["check", "--style", "nope", "wire"], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("unknown style"));
    let o = run(d, &["check", "--style", "reuters", "wire/clean.txt"], None);
    assert!(o.status.code().is_some());
}

#[test]
fn rules_command() {
    let tmp = tempfile::tempdir().unwrap();
    let o = run(tmp.path(), &["rules"], None);
    assert_eq!(o.status.code(), Some(0));
    let table = stdout(&o);
    for r in copydesk::rules::all() {
        let m = r.meta();
        let line = table
            .lines()
            .find(|l| l.split_whitespace().next() == Some(m.code))
            .unwrap_or_else(|| panic!("{} missing", m.code));
        assert!(line.contains(m.default_severity.as_str()) && line.contains(m.summary));
    }
    let o = run(tmp.path(), &["rules", "--format", "json"], None);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    let arr = v.as_array().unwrap();
    assert_eq!(arr.len(), copydesk::rules::all().len());
    let su = arr.iter().find(|e| e["code"] == "suppress/unused").unwrap();
    assert_eq!(su["default_severity"], "warning");
    assert_eq!(su["family"], "suppress");
    assert!(su["docs_url"].as_str().unwrap().starts_with("file:///"));
    write(
        tmp.path(),
        "copydesk.toml",
        "docs_base_url = \"https://desk.example/r\"\n",
    );
    let o = run(tmp.path(), &["rules", "--format", "json"], None);
    let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert!(v
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["docs_url"] == "https://desk.example/r/suppress/unused.md"));

    let o = run(tmp.path(), &["rules", "--write-docs", "pages"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(copydesk::catalogue::drift(&tmp.path().join("pages"))
        .unwrap()
        .is_empty());
    assert!(tmp.path().join("pages/quotes/unclosed.md").is_file());
}

/// `check` over a folder compares each story's surnames with the other stories of the
/// folder (`names/spelling-drift`): the odd spelling is flagged, with the other files as
/// related places; the same folder named twice says the same of each copy; a file named
/// on its own (not through a folder) is not compared.
#[test]
fn check_over_a_folder_reports_spelling_drift_between_its_stories() {
    let tmp = tempfile::tempdir().unwrap();
    let story = |place: &str, who: &str| {
        format!(
            "Talks resume on grain corridor\n\n{place}, March 3 (Reuters) - Russian Prime \
             Minister {who} arrived on Thursday for talks — “on the corridor” — officials \
             said.\n\n{} said the talks would go on.\n",
            who.rsplit(' ').next().unwrap()
        )
    };
    for (i, place) in ["MOSCOW", "KAZAN", "SOCHI"].iter().enumerate() {
        write(
            tmp.path(),
            &format!("desk/a{i}.txt"),
            &story(place, "Dmitry Medvedev"),
        );
    }
    write(tmp.path(), "desk/b.txt", &story("OMSK", "Dmitry Medvedv"));
    write(tmp.path(), "alone.txt", &story("TVER", "Dmitry Medvedv"));
    let drift = |args: &[&str]| -> Vec<(String, u64, String)> {
        let o = run(tmp.path(), args, None);
        let v: Value = serde_json::from_str(&stdout(&o)).unwrap();
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["code"] == "names/spelling-drift")
            .map(|f| {
                assert!(f["message"]
                    .as_str()
                    .unwrap()
                    .contains("`Medvedev` in 3 other stories"));
                assert_eq!(f["related"].as_array().unwrap().len(), 3);
                (
                    f["path"].as_str().unwrap().to_string(),
                    f["range"]["start"]["line"].as_u64().unwrap(),
                    f["fixes"][0]["edits"][0]["replacement"]
                        .as_str()
                        .unwrap()
                        .to_string(),
                )
            })
            .collect()
    };
    let once = drift(&["check", "--format", "json", "desk"]);
    let b = |line| ("desk/b.txt".to_string(), line, "Medvedev".to_string());
    assert_eq!(once, vec![b(3), b(5)]);
    let twice = drift(&["check", "--format", "json", "desk", "desk"]);
    assert_eq!(twice, vec![b(3), b(5), b(3), b(5)]);
    assert!(drift(&["check", "--format", "json", "alone.txt"]).is_empty());
    assert_eq!(
        drift(&["check", "--format", "json", "alone.txt", "desk"]),
        once
    );
}
