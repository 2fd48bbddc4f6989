//! The pages in `docs/rules/` are generated from the rules' doc comments and must not drift.
//!
//! Regenerate with `UPDATE_DOCS=1 cargo test --test rule_docs` or
//! `copydesk rules --write-docs docs/rules`.

use std::path::Path;

use copydesk::catalogue;

#[test]
fn rule_pages_match_the_doc_comments() {
    let dir = Path::new(catalogue::DOCS_DIR);
    if std::env::var_os("UPDATE_DOCS").is_some() {
        let written = catalogue::write_docs(dir).expect("write the pages");
        eprintln!("rule_docs: {} page(s) rewritten", written.len());
    }
    let problems = catalogue::drift(dir).expect("read the pages");
    assert!(
        problems.is_empty(),
        "docs/rules has drifted from the rules' doc comments:\n  {}\n\
         regenerate with `UPDATE_DOCS=1 cargo test --test rule_docs`",
        problems.join("\n  ")
    );
}

#[test]
fn drift_finds_stale_missing_and_edited_pages() {
    let tmp = tempfile::tempdir().unwrap();
    catalogue::write_docs(tmp.path()).unwrap();
    assert!(catalogue::drift(tmp.path()).unwrap().is_empty());

    std::fs::create_dir_all(tmp.path().join("quotes")).unwrap();
    std::fs::write(tmp.path().join("quotes/retired-rule.md"), "# gone\n").unwrap();
    let first = copydesk::rules::all()[0].meta().code;
    let page = tmp.path().join(format!("{first}.md"));
    std::fs::write(&page, "edited by hand\n").unwrap();
    let problems = catalogue::drift(tmp.path()).unwrap();
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("retired-rule.md")));
    assert!(problems.iter().any(|p| p.contains("out of date")));

    std::fs::remove_file(&page).unwrap();
    assert!(catalogue::drift(tmp.path())
        .unwrap()
        .iter()
        .any(|p| p.contains("missing")));

    // Writing again repairs everything and removes the stale page.
    catalogue::write_docs(tmp.path()).unwrap();
    assert!(catalogue::drift(tmp.path()).unwrap().is_empty());
    assert!(!tmp.path().join("quotes/retired-rule.md").exists());
}
