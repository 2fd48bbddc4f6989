//! Desk rule sheets on the command line: `copydesk rules test`, `copydesk rules` with desk
//! rules, `check` findings and fixes in JSON and SARIF, bad sheets (exit 2), and the
//! example sheet `examples/sheets/wire-desk.toml`, whose examples must all pass.

use std::path::Path;
use std::process::{Command, Output};

use serde_json::Value;

const BIN: &str = env!("CARGO_BIN_EXE_copydesk");

fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN)
        .args(args)
        .current_dir(dir)
        .env_remove("COPYDESK_LOG")
        .output()
        .expect("run copydesk")
}

fn out(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

fn write(dir: &Path, rel: &str, text: &str) {
    let p = dir.join(rel);
    std::fs::create_dir_all(p.parent().unwrap()).unwrap();
    std::fs::write(p, text).unwrap();
}

const HOUSE: &str = r#"[[rule]]
code = "desk/kyiv"
message = "write `{fix}`, not `{found}`"
url = "https://desk.example.org/style/kyiv"
severity = "error"
substitute = { "Kiev" = "Kyiv" }
scope = ["headline", "dateline", "body"]
examples.match = ["Talks in Kiev resumed."]
examples.pass = ["Talks in Kyiv resumed."]

[[rule]]
code = "desk/very-unique"
message = "unique admits no degrees"
forbid = ["very unique"]
examples.match = ["The plan is “very unique” — 上海 🚀 very unique."]
examples.pass = ["The plan is very unique."]
"#;

/// A desk with `copydesk.toml` naming `style/house.toml`.
fn desk(sheet: &str) -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    write(
        tmp.path(),
        "copydesk.toml",
        "style = \"ap\"\nsheets = [\"style/house.toml\"]\n",
    );
    write(tmp.path(), "style/house.toml", sheet);
    tmp
}

#[test]
fn the_wire_desk_example_sheet_passes_its_tests() {
    let tmp = tempfile::tempdir().unwrap();
    let sheet = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/sheets/wire-desk.toml");
    write(
        tmp.path(),
        "copydesk.toml",
        &format!("sheets = [{:?}]\n", sheet.display().to_string()),
    );
    let o = run(tmp.path(), &["rules", "test"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    assert_eq!(out(&o), "");
    let summary = err(&o);
    let rules: usize = summary.split(' ').next().unwrap().parse().unwrap();
    assert!(rules >= 40, "{summary}");
    assert!(summary.contains("all passed"), "{summary}");
}

#[test]
fn failing_examples_are_reported_at_their_place() {
    let tmp = desk(HOUSE);
    let o = run(tmp.path(), &["rules", "test"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert_eq!(
        out(&o),
        "style/house.toml:16:18: rule desk/very-unique: pass example \"The plan is very unique.\" matched, but should pass\n"
    );
    // The match example with curly quotes, an em dash, CJK and emoji matched (outside the
    // quotation). Now one that does not match:
    let tmp = desk(&HOUSE.replace("Talks in Kiev resumed.", "Talks in Kyiv resumed."));
    let o = run(tmp.path(), &["rules", "test", "--config", "copydesk.toml"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        out(&o).starts_with(
            "style/house.toml:8:19: rule desk/kyiv: example \"Talks in Kyiv resumed.\" did not match\n"
        ),
        "{}",
        out(&o)
    );
}

#[test]
fn invalid_rules_fail_the_test_and_the_check() {
    let tmp = desk("[[rule]]\ncode = \"desk/x\"\nmessage = \"m\"\npattern = \"(Kiev\"\n");
    let o = run(tmp.path(), &["rules", "test"]);
    assert_eq!(o.status.code(), Some(1));
    assert_eq!(
        out(&o),
        "style/house.toml:4:11: rule desk/x: invalid regular expression: unclosed group\n"
    );
    write(
        tmp.path(),
        "story.txt",
        "Kiev talks\n\nKYIV (AP) — Talks resumed.\n",
    );
    let o = run(tmp.path(), &["check", "story.txt"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        err(&o).contains(
            "style/house.toml:4:11: rule desk/x: invalid regular expression: unclosed group"
        ),
        "{}",
        err(&o)
    );
}

#[test]
fn desk_findings_in_check_json_and_sarif_and_rules() {
    let tmp = desk(HOUSE);
    write(
        tmp.path(),
        "story.txt",
        "Kiev talks resume\n\nKIEV (AP) — “Talks,” 上海 🚀 officials said, were very unique.\n",
    );
    let o = run(tmp.path(), &["check", "--format", "json", "story.txt"]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let v: Value = serde_json::from_str(&out(&o)).unwrap();
    let desk: Vec<&Value> = v["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"].as_str().unwrap().starts_with("desk/"))
        .collect();
    let brief: Vec<(String, u64, u64, String)> = desk
        .iter()
        .map(|f| {
            (
                f["code"].as_str().unwrap().to_string(),
                f["range"]["start"]["line"].as_u64().unwrap(),
                f["range"]["start"]["column"].as_u64().unwrap(),
                f["fixes"][0]["edits"][0]["replacement"]
                    .as_str()
                    .unwrap_or("")
                    .to_string(),
            )
        })
        .collect();
    assert_eq!(
        brief,
        [
            ("desk/kyiv".to_string(), 1, 1, "Kyiv".to_string()),
            ("desk/kyiv".to_string(), 3, 1, "KYIV".to_string()),
            // Columns count characters: after curly quotes, an em dash, CJK and an emoji.
            ("desk/very-unique".to_string(), 3, 48, String::new()),
        ]
    );
    assert_eq!(desk[0]["severity"], "error");

    let o = run(tmp.path(), &["check", "--format", "sarif", "story.txt"]);
    let log: Value = serde_json::from_str(&out(&o)).unwrap();
    let rules = log["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap();
    let kyiv = rules.iter().find(|r| r["id"] == "desk/kyiv").unwrap();
    assert_eq!(kyiv["helpUri"], "https://desk.example.org/style/kyiv");
    let unique = rules
        .iter()
        .find(|r| r["id"] == "desk/very-unique")
        .unwrap();
    assert!(unique.get("helpUri").is_none());
    let results = log["runs"][0]["results"].as_array().unwrap();
    let r = results.iter().find(|r| r["ruleId"] == "desk/kyiv").unwrap();
    let index = r["ruleIndex"].as_u64().unwrap() as usize;
    assert_eq!(rules[index]["id"], "desk/kyiv");
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/sarif-schema-2.1.0.json"),
        )
        .unwrap(),
    )
    .unwrap();
    assert!(jsonschema::draft7::is_valid(&schema, &log));

    let o = run(tmp.path(), &["rules", "--format", "json"]);
    let v: Value = serde_json::from_str(&out(&o)).unwrap();
    let kyiv = v
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["code"] == "desk/kyiv")
        .unwrap();
    assert_eq!(kyiv["docs_url"], "https://desk.example.org/style/kyiv");
    assert_eq!(kyiv["default_severity"], "error");
    assert_eq!(kyiv["family"], "desk");
    let o = run(tmp.path(), &["rules"]);
    assert!(out(&o).contains("desk/very-unique"), "{}", out(&o));
    assert!(out(&o).contains("quotes/unclosed"));
}

#[test]
fn audit_counts_rules_over_a_folder() {
    let tmp = desk(HOUSE);
    write(
        tmp.path(),
        "wire/one.txt",
        "Kiev talks\n\nKIEV (AP) — “Yes,” 上海 🚀 officials in Kiev said.\n",
    );
    write(
        tmp.path(),
        "wire/two.txt",
        "Budget vote\n\nDALLAS (AP) — The plan is very unique.\n",
    );
    write(
        tmp.path(),
        "wire/three.txt",
        "Budget vote\n\nDALLAS (AP) — The council voted.\n",
    );
    let o = run(
        tmp.path(),
        &[
            "audit",
            "--rule",
            "desk/*",
            "--samples",
            "1",
            "--format",
            "json",
            "wire",
        ],
    );
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    let v: Value = serde_json::from_str(&out(&o)).unwrap();
    assert_eq!(v["stories"], 3);
    let rules = v["rules"].as_array().unwrap();
    let brief: Vec<(&str, u64, u64)> = rules
        .iter()
        .map(|r| {
            (
                r["code"].as_str().unwrap(),
                r["findings"].as_u64().unwrap(),
                r["stories"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(brief, [("desk/kyiv", 3, 1), ("desk/very-unique", 1, 1)]);
    assert!((rules[0]["share"].as_f64().unwrap() - 1.0 / 3.0).abs() < 1e-9);
    let sample = &rules[0]["samples"][0];
    assert_eq!(rules[0]["samples"].as_array().unwrap().len(), 1);
    assert_eq!(sample["context"], "«Kiev» talks");
    assert_eq!(
        (sample["line"].as_u64(), sample["column"].as_u64()),
        (Some(1), Some(1))
    );
    let third = &run(
        tmp.path(),
        &[
            "audit",
            "--rule",
            "desk/kyiv",
            "--samples",
            "3",
            "--format",
            "json",
            "wire/one.txt",
        ],
    )
    .stdout;
    let v: Value = serde_json::from_slice(third).unwrap();
    let s = &v["rules"][0]["samples"][2];
    // Columns count characters, after curly quotes, an em dash, CJK and an emoji.
    assert_eq!(
        (s["line"].as_u64(), s["column"].as_u64()),
        (Some(3), Some(38))
    );
    assert_eq!(
        s["context"],
        "KIEV (AP) — “Yes,” 上海 🚀 officials in «Kiev» said."
    );
    // The human table.
    let o = run(tmp.path(), &["audit", "wire"]);
    let table = out(&o);
    assert!(table.starts_with("rule "), "{table}");
    assert!(table.contains("desk/kyiv"), "{table}");
    assert!(err(&o).contains("3 stories audited"));
}

#[test]
fn the_readme_example_sheet_passes_its_tests() {
    let readme = include_str!("../README.md");
    let start = readme
        .find("# style/house.toml")
        .expect("the README's example sheet");
    let end = start + readme[start..].find("```").unwrap();
    let tmp = desk(&readme[start..end]);
    let o = run(tmp.path(), &["rules", "test"]);
    assert_eq!(o.status.code(), Some(0), "{}{}", out(&o), err(&o));
    assert!(
        err(&o).starts_with("4 desk rule(s), 8 example(s): all passed"),
        "{}",
        err(&o)
    );
}
