//! `copydesk.toml` and LSP settings: errors point at the mistake.

use copydesk::config::{Config, Level, Style};
use copydesk::rules::Severity;

fn err_at(text: &str) -> (String, String) {
    let e = Config::from_toml(text).expect_err("should be rejected");
    let span = e
        .span
        .unwrap_or_else(|| panic!("no position for: {}", e.message));
    (e.message.clone(), span.text(text).to_string())
}

#[test]
fn a_full_example_parses() {
    let c = Config::from_toml(
        r#"
# House style of the regional desk.
style = "reuters"
docs_base_url = "https://example.org/copydesk/rules/"

[rules]
"*" = "warning"
"dateline/*" = "error"
"quotes/unclosed" = "off"
"suppress/unused" = "hint"
"#,
    )
    .unwrap();
    assert_eq!(c.style, Some(Style::Reuters));
    assert_eq!(
        c.docs_base_url.as_deref(),
        Some("https://example.org/copydesk/rules/")
    );
    assert_eq!(c.rules.get("*"), Some(&Level::Warning));
    assert_eq!(
        c.severity("dateline/missing", Severity::Warning),
        Some(Severity::Error)
    );
    assert_eq!(c.severity("quotes/unclosed", Severity::Error), None);
    assert_eq!(
        c.severity("suppress/unused", Severity::Warning),
        Some(Severity::Hint)
    );
}

#[test]
fn unknown_top_level_keys_are_errors_with_a_position() {
    let (msg, at) = err_at("style = \"ap\"\nstlye = \"upi\"\n");
    assert!(msg.contains("stlye"), "{msg}");
    assert_eq!(at, "stlye");
}

#[test]
fn unknown_rule_codes_are_errors_with_a_position() {
    let text =
        "style = \"ap\"\n\n[rules]\n\"quotes/unclosed\" = \"off\"\n\"quotes/unclosd\" = \"off\"\n";
    let (msg, at) = err_at(text);
    assert!(msg.contains("quotes/unclosd"), "{msg}");
    assert_eq!(at, "\"quotes/unclosd\"");
    let (_, at) = err_at("[rules]\n\"nope/*\" = \"warning\"\n");
    assert_eq!(at, "\"nope/*\"");
}

#[test]
fn bad_values_and_syntax_point_at_the_mistake() {
    let (msg, at) = err_at("[rules]\n\"quotes/unclosed\" = \"loud\"\n");
    assert!(msg.contains("loud") || msg.contains("variant"), "{msg}");
    assert_eq!(at, "\"loud\"");
    // Broken syntax still gives a position.
    let e = Config::from_toml("style = \"ap\nx").unwrap_err();
    assert!(e.span.is_some(), "{}", e.message);
}

#[test]
fn lsp_settings_camel_case_and_client_keys() {
    let v = serde_json::json!({
        "copydesk": {
            "style": "afp",
            "docsBaseUrl": "https://desk.example/rules/",
            "rules": {"quotes/*": "info"},
            "trace": {"server": "verbose"}
        }
    });
    let c = Config::from_json(&v).unwrap();
    assert_eq!(c.style, Some(Style::Afp));
    assert_eq!(
        c.docs_base_url.as_deref(),
        Some("https://desk.example/rules/")
    );
    // Unknown keys (editor-only ones, typos) are left out and named, never fatal.
    let (c, ignored) = Config::from_settings(&serde_json::json!({"stlye": "ap"})).unwrap();
    assert_eq!(c.style, None);
    assert_eq!(ignored, ["stlye"]);
    assert_eq!(copydesk::config::near_setting_key("stlye"), Some("style"));
    assert!(Config::from_json(&serde_json::json!({"rules": {"no/such": "off"}})).is_err());
}

#[test]
fn settings_override_the_file_key_by_key() {
    let file = Config::from_toml(
        "style = \"ap\"\ndocs_base_url = \"https://a.example/\"\n[rules]\n\"quotes/unclosed\" = \"off\"\n\"dateline/*\" = \"hint\"\n",
    )
    .unwrap();
    let settings =
        Config::from_json(&serde_json::json!({"rules": {"quotes/unclosed": "warning"}})).unwrap();
    let m = file.merged(&settings);
    assert_eq!(m.style, Some(Style::Ap));
    assert_eq!(m.docs_base_url.as_deref(), Some("https://a.example/"));
    assert_eq!(m.rules.get("quotes/unclosed"), Some(&Level::Warning));
    assert_eq!(m.rules.get("dateline/*"), Some(&Level::Hint));
}

#[test]
fn discovery_finds_the_nearest_file_and_caches_folders() {
    use copydesk::cli::discover::{Found, Resolver, Source};
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path();
    std::fs::create_dir_all(root.join("desk/metro/today")).unwrap();
    std::fs::write(root.join("desk/copydesk.toml"), "style = \"upi\"\n").unwrap();
    std::fs::write(root.join("desk/metro/copydesk.toml"), "style = \"afp\"\n").unwrap();
    let mut r = Resolver::new(Source::Discover, None);
    let style = |f: Found| match f {
        Found::Config(c) => c.style,
        Found::Invalid(e) => panic!("{}", copydesk::cli::FileError::from_config(&e)),
    };
    assert_eq!(
        style(r.config_for(&root.join("desk/metro/today/a.txt"))),
        Some(Style::Afp)
    );
    let seen = r.folders_seen();
    assert_eq!(seen, 2, "today/ and metro/ were looked at");
    assert_eq!(
        style(r.config_for(&root.join("desk/metro/today/b.txt"))),
        Some(Style::Afp)
    );
    assert_eq!(r.folders_seen(), seen, "the second file uses the cache");
    assert_eq!(
        style(r.config_for(&root.join("desk/c.txt"))),
        Some(Style::Upi)
    );

    // --style beats every file.
    let mut r = Resolver::new(Source::Discover, Some(Style::Bloomberg));
    assert_eq!(
        style(r.config_for(&root.join("desk/metro/a.txt"))),
        Some(Style::Bloomberg)
    );
}

/// `[dateline] timezone`: an IANA name is taken; an unknown one is an error at its value.
#[test]
fn the_desk_time_zone_is_an_iana_name() {
    let c = Config::from_toml("[dateline]\nplace = \"BEIJING\"\ntimezone = \"Asia/Shanghai\"\n")
        .unwrap();
    assert_eq!(
        c.dateline.timezone.as_ref().map(|z| z.0.as_str()),
        Some("Asia/Shanghai")
    );
    let (msg, at) = err_at("[dateline]\ntimezone = \"Asia/Beijing\"\n");
    assert!(msg.contains("unknown time zone `Asia/Beijing`"), "{msg}");
    assert_eq!(at, "\"Asia/Beijing\"");
}
