use std::path::Path;

use super::*;
use crate::article::Format;

/// The configuration `toml` (at `dir/copydesk.toml`) with its sheets resolved, and the
/// error lines.
pub(crate) fn load_in(dir: &Path, toml: &str) -> (Config, Vec<String>) {
    let path = dir.join("copydesk.toml");
    let mut c = Config::from_toml(toml).expect("config parses");
    let r = resolve(&mut c, toml, &path);
    let prefix = format!("{}/", dir.display());
    let errors = r
        .errors
        .iter()
        .map(|e| e.to_string().replace(&prefix, ""))
        .collect();
    (c, errors)
}

fn load(toml: &str) -> (Config, Vec<String>) {
    load_in(Path::new("/desk"), toml)
}

fn findings(c: &Config, text: &str) -> Vec<(String, String, String)> {
    crate::analyze(text, Format::Plain, c)
        .findings
        .into_iter()
        .filter(|f| !f.code.starts_with("dateline/") && !f.code.starts_with("names/"))
        .map(|f| {
            let fix = f
                .fixes
                .iter()
                .find(|x| x.preferred)
                .map(|x| x.edits[0].replacement.clone())
                .unwrap_or_default();
            (f.code.to_string(), f.span.text(text).to_string(), fix)
        })
        .collect()
}

const KYIV: &str = r#"
[[sheet.rule]]
code = "desk/kyiv"
message = "write `{fix}`, not `{found}`"
substitute = { "Kiev" = "Kyiv" }
unless_after = ["chicken"]
scope = ["headline", "dateline", "body"]
"#;

#[test]
fn substitution_keeps_case_and_respects_words() {
    let (c, e) = load(KYIV);
    assert!(e.is_empty(), "{e:?}");
    let text = "KIEV TALKS RESUME\n\nKIEV, March 3 (Reuters) - Kiev’s mayor said the Kievan \
                Rus chronicle and chicken Kiev were not on the anti-Kiev agenda; kiev is lower case.\n";
    let f = findings(&c, text);
    let got: Vec<(&str, &str)> = f.iter().map(|(_, t, x)| (t.as_str(), x.as_str())).collect();
    assert_eq!(
        got,
        [
            ("KIEV", "KYIV"),
            ("KIEV", "KYIV"),
            ("Kiev", "Kyiv"),
            ("Kiev", "Kyiv")
        ],
        "{f:?}"
    );
    assert!(f.iter().all(|(code, _, _)| code == "desk/kyiv"));
    let a = crate::analyze(text, Format::Plain, &c);
    let msg = &a
        .findings
        .iter()
        .find(|f| f.code == "desk/kyiv")
        .unwrap()
        .message;
    assert_eq!(msg, "write `KYIV`, not `KIEV`");
}

#[test]
fn ignore_case_and_sentence_start() {
    let (c, e) = load(
        r#"
[[sheet.rule]]
code = "style/in-order-to"
message = "`{found}`: just `{fix}`"
substitute = { "in order to" = "to" }

[[sheet.rule]]
code = "style/okay"
message = "spell it OK"
substitute = { "okay" = "OK" }
ignore_case = true
"#,
    );
    assert!(e.is_empty(), "{e:?}");
    let text = "Desk note\n\nIn order to win, officials met in order to talk. It was OKAY and Okay and oKaY.\n";
    let got: Vec<_> = findings(&c, text)
        .into_iter()
        .map(|(_, t, x)| (t, x))
        .collect();
    let want: Vec<(String, String)> = [
        ("In order to", "To"),
        ("in order to", "to"),
        ("OKAY", "OK"),
        ("Okay", "OK"),
        ("oKaY", "OK"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    assert_eq!(got, want);
}

#[test]
fn forbid_skips_quotations_unless_scoped_in() {
    let toml = r#"
[[sheet.rule]]
code = "desk/very-unique"
message = "`{found}`: unique admits no degrees"
forbid = ["very unique", "at this point in time"]
"#;
    let (c, _) = load(toml);
    let text = "Desk note\n\nThe plan is very unique, he said. “It is very unique,” she said. \
                At this point in time nothing is settled.\n";
    let got: Vec<_> = findings(&c, text)
        .into_iter()
        .map(|(_, t, x)| (t, x))
        .collect();
    assert_eq!(
        got,
        [
            ("very unique".to_string(), String::new()),
            ("At this point in time".to_string(), String::new())
        ]
    );
    let (c, _) = load(&toml.replace("forbid =", "scope = [\"body\", \"quotation\"]\nforbid ="));
    assert_eq!(findings(&c, text).len(), 3);
    let (c, _) = load(&toml.replace("forbid =", "scope = \"quotation\"\nforbid ="));
    assert_eq!(findings(&c, text).len(), 1);
}

#[test]
fn apostrophes_and_hyphens_either_way() {
    let (c, _) = load(
        r#"
[[sheet.rule]]
code = "desk/ivory-coast"
message = "`{found}`: write `{fix}`"
substitute = { "Cote d'Ivoire" = "Ivory Coast", "Port-au-Prince" = "Port-au-Prince, Haiti" }
"#,
    );
    let text = "Desk note\n\nIn Cote d’Ivoire and Port‑au‑Prince officials met.\n";
    let got: Vec<_> = findings(&c, text).into_iter().map(|(_, t, _)| t).collect();
    assert_eq!(got, ["Cote d’Ivoire", "Port‑au‑Prince"]);
}

#[test]
fn pattern_with_capture_groups() {
    let (c, e) = load(
        r#"
[[sheet.rule]]
code = "desk/percent"
message = "write `{fix}`"
pattern = '\b(\d+(?:\.\d+)?) per cent\b'
replace = "${1}%"
"#,
    );
    assert!(e.is_empty(), "{e:?}");
    let text = "Desk note\n\nPrices rose 4.5 per cent — the most since 2011 — and 12 per cent in 上海 🚀.\n";
    let a = crate::analyze(text, Format::Plain, &c);
    let f: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.code == "desk/percent")
        .collect();
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].span.text(text), "4.5 per cent");
    assert_eq!(f[0].fixes[0].edits[0].replacement, "4.5%");
    assert_eq!(f[1].span.text(text), "12 per cent");
    assert_eq!(f[1].message, "write `12%`");
    // The span is in bytes after an em dash, CJK and before an emoji.
    let doc = crate::text::Document::new(text, 0);
    let p = doc.position(f[1].span.start, crate::text::Encoding::Utf16);
    assert_eq!((p.line, p.column), (2, 53));
}

#[test]
fn unless_before_and_styles() {
    let (c, _) = load(
        r#"
[[sheet.rule]]
code = "desk/bombay"
message = "Mumbai"
substitute = { "Bombay" = "Mumbai" }
unless_before = ["Stock Exchange", "High Court"]
styles = ["reuters"]
"#,
    );
    let text = "Desk note\n\nBOMBAY, March 3 (Reuters) - The Bombay Stock Exchange and the Bombay \
                High Court opened in Bombay.\n";
    let got: Vec<_> = findings(&c, text).into_iter().map(|(_, t, _)| t).collect();
    assert_eq!(got, ["Bombay"]);
    let ap = text
        .replace("(Reuters) -", "(AP) —")
        .replace(", March 3", "");
    assert!(findings(&c, &ap).is_empty());
}

#[test]
fn desk_rules_take_levels_and_markers() {
    let (c, e) = load(&format!("{KYIV}\n[rules]\n\"desk/*\" = \"error\"\n"));
    assert!(e.is_empty(), "{e:?}");
    let text = "Desk note\n\nOfficials in Kiev met.\n\ncopydesk-ignore: desk/kyiv\nThe Kiev talks ended.\n";
    let a = crate::analyze(text, Format::Plain, &c);
    let desk: Vec<_> = a
        .findings
        .iter()
        .filter(|f| f.code == "desk/kyiv")
        .collect();
    assert_eq!(desk.len(), 1);
    assert_eq!(desk[0].severity, Severity::Error);
    assert!(
        !a.findings.iter().any(|f| f.code == "suppress/unused"),
        "{:?}",
        a.findings
    );
    let (c, e) = load(&format!("{KYIV}\n[rules]\n\"desk/kyiv\" = \"off\"\n"));
    assert!(e.is_empty());
    assert!(findings(&c, text)
        .iter()
        .all(|(code, _, _)| code != "desk/kyiv"));
}

fn errors(toml: &str) -> Vec<String> {
    load(toml).1
}

#[test]
fn bad_sheets_are_clear_errors_at_their_place() {
    let rule = |body: &str| format!("[[sheet.rule]]\ncode = \"desk/x\"\nmessage = \"m\"\n{body}\n");
    assert_eq!(
        errors(&rule("pattern = '(\\d+'")),
        ["copydesk.toml:4:11: rule desk/x: invalid regular expression: unclosed group"]
    );
    assert_eq!(
        errors(&rule("sustitute = { a = \"b\" }")),
        ["copydesk.toml:4:1: unknown key `sustitute`; did you mean `substitute`?"]
    );
    assert_eq!(
        errors(&rule("forbid = [\"a\"]\ncolour = 1")),
        ["copydesk.toml:5:1: unknown key `colour`; expected `code`, `message`, `severity`, `url`, `substitute`, `forbid`, `pattern`, `replace`, `ignore_case`, `scope`, `styles`, `unless_before`, `unless_after`, `examples`"]
    );
    assert_eq!(
        errors(&format!("{}{}", rule("forbid = [\"a\"]"), rule("forbid = [\"b\"]"))),
        ["copydesk.toml:6:8: duplicate rule code `desk/x`; it is already defined at copydesk.toml:2:8"]
    );
    assert_eq!(
        errors("[[sheet.rule]]\ncode = \"quotes/unclosed\"\nmessage = \"m\"\nforbid = [\"a\"]\n"),
        ["copydesk.toml:2:8: rule code `quotes/unclosed` is a built-in rule; give the desk rule a family of its own (`desk/unclosed`)"]
    );
    assert_eq!(
        errors("[[sheet.rule]]\ncode = \"dateline/kyiv\"\nmessage = \"m\"\nforbid = [\"a\"]\n"),
        ["copydesk.toml:2:8: rule code `dateline/kyiv` is in the built-in family `dateline`; give the desk rule a family of its own (`desk/kyiv`)"]
    );
    assert_eq!(
        errors("[[sheet.rule]]\ncode = \"Desk Kyiv\"\nmessage = \"m\"\nforbid = [\"a\"]\n"),
        ["copydesk.toml:2:8: rule code `Desk Kyiv` must be `family/name` in lower-case kebab-case (`desk/kyiv`)"]
    );
    assert_eq!(
        errors(&rule("")),
        ["copydesk.toml:2:8: rule desk/x has nothing to match: give one of `substitute`, `forbid` or `pattern`"]
    );
    assert_eq!(
        errors(&rule("forbid = [\"a\"]\npattern = \"b\"")),
        ["copydesk.toml:2:8: rule desk/x gives `forbid` and `pattern`: a rule has exactly one of `substitute`, `forbid` or `pattern`"]
    );
    assert_eq!(
        errors(&rule("forbid = [\"a\"]\nscope = [\"body\", \"lede\"]")),
        ["copydesk.toml:5:18: rule desk/x: unknown scope `lede`; expected headline, dateline, body, quotation or trailer"]
    );
    assert_eq!(
        errors(&rule("forbid = [\"a\"]\nstyles = \"nyt\"")),
        ["copydesk.toml:5:10: rule desk/x: unknown style `nyt`; expected ap, upi, reuters, afp, xinhua, bloomberg or generic"]
    );
    assert_eq!(
        errors(&rule("forbid = [\"a\"]\nseverity = \"fatal\"")),
        ["copydesk.toml:5:12: rule desk/x: unknown severity `fatal`; expected error, warning, info or hint"]
    );
    assert_eq!(
        errors(&rule("pattern = 'a'\nreplace = '$2'")),
        ["copydesk.toml:5:11: rule desk/x: `replace` names the group `2`, which the pattern does not have"]
    );
    assert_eq!(
        errors(&rule("pattern = 'a*'")),
        ["copydesk.toml:4:11: rule desk/x: the pattern matches the empty string, so it would fire everywhere"]
    );
    assert_eq!(
        errors(&rule("forbid = [\"a\"]\nreplace = 'b'")),
        ["copydesk.toml:5:11: rule desk/x: `replace` goes with `pattern` (a substitution's fixes are its values)"]
    );
    assert_eq!(
        errors(&format!(
            "{}[rules]\n\"desk/y\" = \"off\"\n",
            rule("forbid = [\"a\"]")
        )),
        ["copydesk.toml:6:1: unknown rule `desk/y` in [rules]; `copydesk rules` lists the codes"]
    );
    assert_eq!(
        errors("sheets = [\"missing.toml\"]\n"),
        ["copydesk.toml:1:11: cannot read rule sheet missing.toml: No such file or directory (os error 2)"]
    );
}

#[test]
fn one_bad_rule_leaves_the_others() {
    let (c, e) = load(&format!(
        "{KYIV}\n[[sheet.rule]]\ncode = \"desk/bad\"\nmessage = \"m\"\nforbid = 3\n"
    ));
    assert_eq!(
        e,
        ["copydesk.toml:12:10: invalid type: integer `3`, expected a sequence"]
    );
    assert_eq!(DeskRules::of(&c).rules().len(), 1);
    assert_eq!(findings(&c, "Desk note\n\nIn Kiev.\n").len(), 1);
}

#[test]
fn columns_count_characters_in_sheet_files() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("style")).unwrap();
    // A curly quote, an em dash, CJK and an emoji before the mistake on its line.
    std::fs::write(
        dir.path().join("style/house.toml"),
        "# “House” — 上海 🚀\n[[rule]]\ncode = \"desk/emoji\"\nmessage = \"“no” — 不\"\nforbid = [\"🚀 launch\"]\n\n[[rule]]\ncode = \"desk/b\"\nmessage = \"—\"\npattern = \"x\"\nexamples = { match = [\"“上海” — 🚀\"], pass = 3 }\n",
    )
    .unwrap();
    let (c, e) = load_in(dir.path(), "sheets = [\"style/house.toml\"]\n");
    assert_eq!(
        e,
        ["style/house.toml:11:43: invalid type: integer `3`, expected a sequence"]
    );
    // The valid rule is in force, its span counted in bytes of the article.
    let text = "Desk note\n\n“Go” — 上海 said: 🚀 launch now.\n";
    let a = crate::analyze(text, Format::Plain, &c);
    let f = a.findings.iter().find(|f| f.code == "desk/emoji").unwrap();
    assert_eq!(f.span.text(text), "🚀 launch");
    let sheet_err = "\"desk/emoji\"\nmessage = \"m\"\nforbid = [\"a\"]\n";
    let (_, e) = load_in(
        dir.path(),
        &format!(
            "[[sheet.rule]]\ncode = \"desk/“q”—上🚀\"\n{}",
            &sheet_err[12..]
        ),
    );
    assert_eq!(
        e,
        ["copydesk.toml:2:8: rule code `desk/“q”—上🚀` must be `family/name` in lower-case kebab-case (`desk/kyiv`)"]
    );
}

#[test]
fn examples_report_their_place() {
    let (c, e) = load(
        r#"
[[sheet.rule]]
code = "desk/kyiv"
message = "Kyiv"
substitute = { "Kiev" = "Kyiv" }
unless_after = ["chicken"]
examples.match = ["Talks in Kiev resumed.", "Talks in Kyiv resumed."]
examples.pass = ["He ordered chicken Kiev.", "Kiev — “上海” 🚀 Kiev."]
"#,
    );
    assert!(e.is_empty(), "{e:?}");
    let fails: Vec<String> = run_examples(&DeskRules::of(&c))
        .iter()
        .map(|f| f.to_string().replace("/desk/", ""))
        .collect();
    assert_eq!(
        fails,
        [
            "copydesk.toml:7:45: rule desk/kyiv: example \"Talks in Kyiv resumed.\" did not match",
            "copydesk.toml:8:46: rule desk/kyiv: pass example \"Kiev — “上海” 🚀 Kiev.\" matched, but should pass",
        ]
    );
}

#[test]
fn headline_and_trailer_examples() {
    let (c, _) = load(
        r#"
[[sheet.rule]]
code = "desk/hed"
message = "m"
forbid = ["slams"]
scope = "headline"
examples.match = ["Minister slams budget"]
examples.pass = ["Minister criticizes budget"]

[[sheet.rule]]
code = "desk/credits"
message = "m"
forbid = ["Writing by"]
scope = "trailer"
examples.match = ["(Writing by Ana Pereira; Editing by Tom Hale)"]
"#,
    );
    assert_eq!(run_examples(&DeskRules::of(&c)), []);
    // The headline rule does not run in the body.
    let text = "Budget day\n\nThe minister slams the budget.\n";
    assert!(findings(&c, text).is_empty());
}

#[test]
fn patterns_with_a_literal_prefix_run_from_the_automaton() {
    // `\bMr\.? ` starts with the literal `Mr`: the phrase automaton finds its places;
    // `\d+ per cent` has no literal prefix and goes through the RegexSet. Both must fire.
    let (c, e) = load(
        r#"
[[sheet.rule]]
code = "desk/honorific"
message = "no honorifics: `{fix}`"
pattern = '\bMr\.? (\p{Lu}\w+)'
replace = "$1"
scope = ["body", "quotation"]

[[sheet.rule]]
code = "desk/per-cent"
message = "percent"
pattern = '\d+ per cent'
"#,
    );
    assert!(e.is_empty(), "{e:?}");
    assert_eq!(
        super::matcher::triggers(r"\bMr\.? (\p{Lu}\w+)"),
        Some(vec!["Mr ".to_string(), "Mr. ".to_string()])
    );
    assert_eq!(super::matcher::triggers(r"\d+ per cent"), None);
    let text = "Desk note\n\n“Mr. Ólafsson left,” said Mr Dube, up 5 per cent — MRS. Kay stayed.\n";
    let got = findings(&c, text);
    assert_eq!(
        got,
        [
            (
                "desk/honorific".to_string(),
                "Mr. Ólafsson".to_string(),
                "Ólafsson".to_string()
            ),
            (
                "desk/honorific".to_string(),
                "Mr Dube".to_string(),
                "Dube".to_string()
            ),
            (
                "desk/per-cent".to_string(),
                "5 per cent".to_string(),
                String::new()
            ),
        ]
    );
}
