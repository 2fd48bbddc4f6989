//! The quotation-mark checker as a table: each case is an article body with the expected
//! findings marked inline as `⟦code|text⟧`. The markers are removed before the check; the
//! test asserts the exact set of `quotes/*` codes, byte ranges and the text under each.

use copydesk::article::quotes::Nesting;
use copydesk::config::{Config, QuotesConfig, Style};
use copydesk::rules::{Edit, Finding};
use copydesk::{analyze, Format};

/// A lede without marks so the case text is never read as a headline.
const LEDE: &str = "WASHINGTON (AP) — Officials met on Monday.\n\n";

#[derive(Clone, Copy)]
enum Setup {
    Ap,
    Reuters,
    Upi,
    British,
}

struct Case {
    name: &'static str,
    setup: Setup,
    /// A headline line put before the lede, or none.
    headline: Option<&'static str>,
    body: &'static str,
}

const fn c(name: &'static str, body: &'static str) -> Case {
    Case {
        name,
        setup: Setup::Ap,
        headline: None,
        body,
    }
}

const fn with(name: &'static str, setup: Setup, body: &'static str) -> Case {
    Case {
        name,
        setup,
        headline: None,
        body,
    }
}

const fn hl(name: &'static str, headline: &'static str) -> Case {
    Case {
        name,
        setup: Setup::Ap,
        headline: Some(headline),
        body: "",
    }
}

/// Tricky correct copy: none of these raises a quotation finding.
const CORRECT: &[Case] = &[
    c("straight pair", "\"We will go on,\" the minister said."),
    c("curly pair", "“We will go on,” the minister said."),
    c("straight contraction", "He said he doesn't know."),
    c(
        "curly contraction and possessive",
        "It’s the country’s biggest port.",
    ),
    c("plural possessive curly", "The countries’ leaders met."),
    c("plural possessive straight", "The Joneses' house burned."),
    c("decade curly", "Music of the ’90s returned."),
    c("decade straight", "Music of the '90s returned."),
    c("em inside quote", "“Let ’em try,” she said."),
    c("tis at quote start", "“’Tis the season,” he said."),
    c("rock n roll curly", "He loves rock ’n’ roll."),
    c("rock n roll straight", "He loves rock 'n' roll."),
    c("o'clock", "The meeting starts at 10 o’clock."),
    c("class of 62", "She graduated with the class of ’62."),
    c("dropped g inside quote", "“We’re goin’ home,” he said."),
    c("feet and inches", "The 6'2\" center scored."),
    c("inch record", "He bought a 7\" record."),
    c("name with apostrophe", "Tim O’Reilly spoke."),
    c(
        "miscurled leading apostrophe",
        "‘Twas a long night, he said.",
    ),
    c(
        "running quote curly",
        "“We will go on. We will not stop.\n\n“Nobody can stop us,” she said.",
    ),
    c(
        "running quote straight",
        "\"We will go on. We will not stop.\n\n\"Nobody can stop us,\" she said.",
    ),
    c(
        "running quote over three paragraphs",
        "“First.\n\n“Second.\n\n“Third,” he said.",
    ),
    c("nested curly", "“He told me ‘no way,’ ” she said."),
    c("nested straight", "\"He told me 'no way,'\" she said."),
    c(
        "possessive inside single quotation",
        "“She said ‘the countries’ leaders met’ today,” he said.",
    ),
    c(
        "CJK before marks",
        "北京 officials said “we are ready,” the report said.",
    ),
    c("emoji before marks", "A 😀 post read “see you soon.”"),
    c("em dash after close", "“We will go on” — and they did."),
    with(
        "british pair",
        Setup::British,
        "‘We will go on,’ the minister said.",
    ),
    with(
        "british nested",
        Setup::British,
        "‘He told me “no way”,’ she said.",
    ),
    with(
        "british possessive inside",
        Setup::British,
        "‘The countries’ leaders met,’ he said.",
    ),
    hl(
        "AP headline single straight",
        "Mayor calls plan 'a good start'",
    ),
    hl("AP headline single curly", "Mayor: ‘We will rebuild’"),
    with(
        "Reuters period outside is by sense",
        Setup::Reuters,
        "He called it \"a good step\".",
    ),
    c("question mark outside by sense", "Did he say \"yes\"?"),
    c("period inside", "He called it \"a good step.\""),
    c(
        "possessive at end inside quote",
        "\"It's the teachers' choice,\" she said.",
    ),
    c("em straight inside quote", "\"Let 'em go,\" he said."),
    c("abbreviation possessive", "The U.S.' position is firm."),
    c("feet alone", "The 12' boat sank."),
    c("possessive of Chinese name", "Li’s father spoke."),
    c(
        "two quotations in one paragraph",
        "\"I don't know,\" he said, \"but we'll see.\"",
    ),
    c("Reuters colon", "He said: \"We will go on.\""),
    c("decade possessive", "The 1980s' excess ended."),
    c("decade inside double", "\"The '90s were wild,\" he said."),
    c(
        "CRLF paragraphs",
        "“We will go on,” he said.\r\n\r\nOfficials agreed.",
    ),
    c("cause inside double", "“’Cause we can,” she said."),
    c("whole paragraph quote", "\"Yes.\""),
    c("inside parentheses", "(He said \"no.\")"),
    c(
        "partial quote",
        "He called the plan \"a good first step\" and left.",
    ),
    c(
        "missing space before opener",
        "A banker said\"It will help.\"",
    ),
    c("em dash inside", "“We will —” he began."),
    with(
        "UPI comma inside",
        Setup::Upi,
        "\"We will go on,\" he said.",
    ),
    with(
        "German low-high pair",
        Setup::Reuters,
        "The banner read „Wir kommen“, officials said.",
    ),
    c(
        "apostrophe after closing inner mark",
        "“Call it ‘the Smiths’ house,’ ” he said.",
    ),
    c(
        "trailing possessive then close",
        "“We met the Joneses’ lawyers,” she said.",
    ),
    c(
        "em dash before opening mark",
        "He paused —“we will go on,” he said.",
    ),
    c(
        "quoted single word with CJK",
        "Locals call it “福” for luck.",
    ),
    c(
        "running quote after partial",
        "He said the city “will not stop. We will rebuild.\n\n“Every street,” he said.",
    ),
];

/// Broken copy with exactly the findings marked.
const BROKEN: &[Case] = &[
    c(
        "unclosed curly after CJK",
        "福气 banners hung. ⟦unclosed|“⟧We have waited, Chan said.\n\nOfficials agreed.",
    ),
    c(
        "unclosed straight",
        "⟦unclosed|\"⟧We have waited, Chan said.\n\nOfficials agreed.",
    ),
    c(
        "unmatched close curly",
        "Crews will start.⟦unmatched-close|”⟧ She said so.",
    ),
    c(
        "unmatched close straight",
        "He will keep output steady.⟦unmatched-close|\"⟧",
    ),
    c(
        "open mark used to close",
        "“We will go on,⟦wrong-direction|“⟧ he said.",
    ),
    c(
        "close mark used to open",
        "⟦wrong-direction|”⟧We will go on,” he said.",
    ),
    c(
        "right single used to open",
        "“He said ⟦wrong-direction|’⟧no way,’ ” she said.",
    ),
    c(
        "left single used to close",
        "“He said ‘no way,⟦wrong-direction|‘⟧ ” she said.",
    ),
    c(
        "single marks at top level straight",
        "The mayor called the plan ⟦wrong-nesting|'⟧a good start.'",
    ),
    c(
        "single marks at top level curly",
        "The mayor called it ⟦wrong-nesting|‘⟧a good start.’",
    ),
    c(
        "double inside double",
        "“He said ⟦wrong-nesting|“⟧no” to me,” she said.",
    ),
    hl(
        "AP headline with double marks",
        "Mayor calls plan ⟦wrong-nesting|\"⟧a good start\"",
    ),
    hl(
        "AP headline with curly double marks",
        "Mayor calls plan ⟦wrong-nesting|“⟧a good start”",
    ),
    with(
        "british double at top level",
        Setup::British,
        "The mayor called it ⟦wrong-nesting|“⟧a good start”.",
    ),
    c(
        "period outside",
        "He called it \"a good step\"⟦punctuation-outside|.⟧",
    ),
    c(
        "comma outside",
        "\"We will go on\"⟦punctuation-outside|,⟧ he said.",
    ),
    c(
        "period outside nested marks",
        "“He called it ‘a farce’⟦punctuation-outside|.⟧” she said.",
    ),
    c(
        "period outside after CJK",
        "The sign read \"福气\"⟦punctuation-outside|.⟧",
    ),
    with(
        "UPI comma outside",
        Setup::Upi,
        "\"We will go on\"⟦punctuation-outside|,⟧ he said.",
    ),
    c(
        "mixed double marks",
        "“We will go on,” he said. ⟦mixed-marks|\"⟧It is our duty.\"",
    ),
    c(
        "mixed apostrophe",
        "“We can’t,” he said. It⟦mixed-marks|'⟧s late.",
    ),
    c(
        "double mark for apostrophe",
        "The country⟦double-as-apostrophe|\"⟧s exports rose.",
    ),
    c(
        "double mark in contraction",
        "\"We don⟦double-as-apostrophe|\"⟧t believe it,\" he said.",
    ),
    c(
        "running quote with no continuation",
        "⟦unclosed|\"⟧We will go on. We will not stop.\n\nShe left.",
    ),
    c(
        "second opener before a close",
        "⟦unclosed|\"⟧It's gloomy, said Wyss. \"I'm worried.\"",
    ),
    c(
        "unclosed after emoji",
        "A 🌸 caption read ⟦unclosed|“⟧Spring came early.\n\nParks filled.",
    ),
    c(
        "unclosed inner quotation",
        "“He said ⟦unclosed|‘⟧no way, and left,” she said.",
    ),
    c(
        "unmatched inner close",
        "“He said no way,⟦unmatched-close|’⟧ and left,” she said.",
    ),
    hl("AP headline unclosed single", "Mayor: ⟦unclosed|‘⟧We will rebuild"),
    c(
        "unclosed in the last paragraph",
        "Officials agreed.\n\nHe said ⟦unclosed|“⟧we will rebuild.",
    ),
    c(
        "doubled opening mark",
        "He said, ⟦unclosed|\"⟧\"it does not mean that.\"",
    ),
    c(
        "stray close after a closed quotation",
        "\"Yes,\" he said. She agreed.⟦unmatched-close|\"⟧",
    ),
    c(
        "running quote missing its continuation mark",
        "He said the deal ⟦unclosed|\"⟧will cut rates.\n\nWe froze rates in 1983,⟦unmatched-close|\"⟧ he added.",
    ),
    c(
        "two defects in one paragraph",
        "“We will go on,⟦wrong-direction|“⟧ he said. It⟦mixed-marks|'⟧s late.",
    ),
    c(
        "unclosed and period outside",
        "He called it \"a plan\"⟦punctuation-outside|.⟧\n\n⟦unclosed|\"⟧We will see.\n\nOfficials left.",
    ),
    c(
        "unmatched close after emoji",
        "A 🌸 bloomed.⟦unmatched-close|”⟧",
    ),
    c(
        "comma outside curly with em dash before",
        "Officials — all of them — said “yes”⟦punctuation-outside|,⟧ and left.",
    ),
    c(
        "closing mark used to open with emoji",
        "😀 ⟦wrong-direction|”⟧Smile,” the sign said.",
    ),
    c(
        "unclosed after curly pair and em dash",
        "Volunteers hung “good luck” banners — 福气 — and ⟦unclosed|“⟧we waited, Chan said.\n\nPolice left.",
    ),
    c(
        "unclosed before a closed quotation and a running paragraph",
        "⟦unclosed|\"⟧It's gloomy, said Wyss. \"I'm worried.\"\n\n\"Nobody knows,\" he said.",
    ),
    c(
        "single marks inside an unclosed quotation and a later one",
        "⟦unclosed|“⟧He said ‘no,’ Wyss said. “I think ‘yes,’ ” she said.",
    ),
    c(
        "wrong direction after CJK",
        "“北京 is ready,⟦wrong-direction|“⟧ he said.",
    ),
];

fn config(setup: Setup) -> Config {
    let mut c = Config::default();
    match setup {
        Setup::Ap => c.style = Some(Style::Ap),
        Setup::Reuters => c.style = Some(Style::Reuters),
        Setup::Upi => c.style = Some(Style::Upi),
        Setup::British => {
            c.style = Some(Style::Reuters);
            c.quotes = QuotesConfig {
                nesting: Some(Nesting::British),
            };
        }
    }
    c
}

/// The text without markers, and the expected (code, start, end) of each marker.
fn unmark(marked: &str) -> (String, Vec<(String, usize, usize)>) {
    let mut text = String::new();
    let mut expected = Vec::new();
    let mut rest = marked;
    while let Some(open) = rest.find('⟦') {
        text.push_str(&rest[..open]);
        let after = &rest[open + '⟦'.len_utf8()..];
        let bar = after.find('|').expect("marker has a code");
        let close = after.find('⟧').expect("marker is closed");
        let code = format!("quotes/{}", &after[..bar]);
        let start = text.len();
        text.push_str(&after[bar + 1..close]);
        expected.push((code, start, text.len()));
        rest = &after[close + '⟧'.len_utf8()..];
    }
    text.push_str(rest);
    (text, expected)
}

fn article_text(case: &Case) -> (String, Vec<(String, usize, usize)>) {
    let marked = match case.headline {
        Some(h) => format!("{h}\n\n{LEDE}Officials agreed.\n"),
        None => format!("{LEDE}{}\n", case.body),
    };
    unmark(&marked)
}

fn quote_findings(text: &str, setup: Setup) -> Vec<Finding> {
    analyze(text, Format::Plain, &config(setup))
        .findings
        .into_iter()
        .filter(|f| f.code.starts_with("quotes/"))
        .collect()
}

fn check(case: &Case) -> Result<(), String> {
    let (text, mut expected) = article_text(case);
    let findings = quote_findings(&text, case.setup);
    let mut got: Vec<(String, usize, usize)> = findings
        .iter()
        .map(|f| (f.code.to_string(), f.span.start, f.span.end))
        .collect();
    got.sort();
    expected.sort();
    if got != expected {
        let show = |v: &[(String, usize, usize)]| {
            v.iter()
                .map(|(c, s, e)| format!("{c} {s}..{e} {:?}", &text[*s..*e]))
                .collect::<Vec<_>>()
                .join(", ")
        };
        return Err(format!(
            "{}: expected [{}], got [{}]",
            case.name,
            show(&expected),
            show(&got)
        ));
    }
    Ok(())
}

#[test]
fn the_table_is_big_enough() {
    assert!(CORRECT.len() >= 40, "{} correct cases", CORRECT.len());
    assert!(CORRECT.len() + BROKEN.len() >= 80);
    for case in BROKEN {
        assert!(case.body.contains('⟦') || case.headline.is_some_and(|h| h.contains('⟦')));
    }
    for case in CORRECT {
        assert!(!case.body.contains('⟦'));
    }
}

#[test]
fn correct_copy_raises_nothing() {
    let failures: Vec<String> = CORRECT.iter().filter_map(|c| check(c).err()).collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn broken_copy_raises_exactly_the_marked_findings() {
    let failures: Vec<String> = BROKEN.iter().filter_map(|c| check(c).err()).collect();
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// Apply edits (non-overlapping) to a text.
fn apply(text: &str, edits: &[Edit]) -> String {
    let mut edits = edits.to_vec();
    edits.sort_by_key(|e| std::cmp::Reverse((e.span.start, e.span.end)));
    let mut out = text.to_string();
    for e in edits {
        out.replace_range(e.span.start..e.span.end, &e.replacement);
    }
    out
}

/// Apply the first fix of the only finding with `code` and return the new body.
fn fixed(body: &str, code: &str) -> String {
    let text = format!("{LEDE}{body}\n");
    let findings = quote_findings(&text, Setup::Ap);
    let f: Vec<&Finding> = findings.iter().filter(|f| f.code == code).collect();
    assert_eq!(f.len(), 1, "{body}: {findings:?}");
    let out = apply(&text, &f[0].fixes[0].edits);
    out[LEDE.len()..].trim_end().to_string()
}

#[test]
fn fix_closes_the_quotation_at_the_end_of_its_sentence() {
    assert_eq!(
        fixed(
            "福气 banners hung. “We have waited a long time.\n\nOfficials agreed.",
            "quotes/unclosed"
        ),
        "福气 banners hung. “We have waited a long time.”\n\nOfficials agreed."
    );
    assert_eq!(
        fixed(
            "\"We will go on. Then we rest, he said.\n\nOfficials agreed.",
            "quotes/unclosed"
        ),
        "\"We will go on.\" Then we rest, he said.\n\nOfficials agreed."
    );
}

#[test]
fn fix_flips_a_wrong_direction_mark() {
    assert_eq!(
        fixed("“We will go on,“ he said.", "quotes/wrong-direction"),
        "“We will go on,” he said."
    );
    assert_eq!(
        fixed("”We will go on,” he said.", "quotes/wrong-direction"),
        "“We will go on,” he said."
    );
}

#[test]
fn fix_moves_the_period_or_comma_inside() {
    assert_eq!(
        fixed(
            "He called it \"a good step\".",
            "quotes/punctuation-outside"
        ),
        "He called it \"a good step.\""
    );
    assert_eq!(
        fixed("\"We will go on\", he said.", "quotes/punctuation-outside"),
        "\"We will go on,\" he said."
    );
    assert_eq!(
        fixed(
            "“He called it ‘a farce’.” she said.",
            "quotes/punctuation-outside"
        ),
        "“He called it ‘a farce.’” she said."
    );
}

#[test]
fn fix_replaces_wrong_nesting_and_double_apostrophes() {
    assert_eq!(
        fixed(
            "The mayor called it ‘a good start.’",
            "quotes/wrong-nesting"
        ),
        "The mayor called it “a good start.”"
    );
    assert_eq!(
        fixed(
            "The country\"s exports rose.",
            "quotes/double-as-apostrophe"
        ),
        "The country's exports rose."
    );
}

#[test]
fn conversion_to_typographic_never_curls_an_apostrophe_left() {
    let body =
        "‘Twas late. \"'Tis the '90s, don't 'quote' me,\" he said of the Joneses' 6'2\" son on a 12' boat.\n\n\
                \"We're goin' on. Rock 'n' roll.\n\n\"Class of '62,\" O'Reilly said.";
    let text = format!("{LEDE}{body}\n");
    let analysis = analyze(&text, Format::Plain, &config(Setup::Ap));
    let edits = copydesk::article::quotes::to_typographic(&text, &analysis.article);
    let out = apply(&text, &edits);
    assert_eq!(
        &out[LEDE.len()..],
        "’Twas late. “’Tis the ’90s, don’t ‘quote’ me,” he said of the Joneses’ 6'2\" son on a 12' boat.\n\n\
         “We’re goin’ on. Rock ’n’ roll.\n\n“Class of ’62,” O’Reilly said.\n"
    );
    // The converted text is clean: no quotation finding at all.
    assert!(quote_findings(&out, Setup::Ap).is_empty());
}

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect(path)
}

#[test]
fn broken_fixtures_raise_the_expected_codes() {
    for (file, code, at, mark) in [
        ("unclosed-quote.txt", "quotes/unclosed", None, "“"),
        ("stray-close.txt", "quotes/unmatched-close", None, "”"),
        ("period-outside.md", "quotes/punctuation-outside", None, "."),
        ("crlf-mixed.txt", "quotes/unclosed", Some(129usize), "“"),
    ] {
        let text = read(&format!("tests/fixtures/broken/{file}"));
        let format = Format::from_path(file);
        let findings: Vec<Finding> = analyze(&text, format, &Config::default())
            .findings
            .into_iter()
            .filter(|f| f.code.starts_with("quotes/"))
            .collect();
        assert_eq!(findings.len(), 1, "{file}: {findings:?}");
        assert_eq!(findings[0].code, code, "{file}");
        assert_eq!(findings[0].span.text(&text), mark, "{file}");
        if let Some(byte) = at {
            let line_start = text[..findings[0].span.start]
                .rfind('\n')
                .map_or(0, |i| i + 1);
            assert_eq!(findings[0].span.start - line_start, byte, "{file}");
        }
    }
}

#[test]
fn samples_raise_no_quotation_finding() {
    let dir = format!("{}/samples", env!("CARGO_MANIFEST_DIR"));
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).expect("samples/") {
        let path = entry.expect("entry").path();
        let name = path.to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).expect("sample");
        let findings: Vec<Finding> = analyze(&text, Format::from_path(&name), &Config::default())
            .findings
            .into_iter()
            .filter(|f| f.code.starts_with("quotes/"))
            .collect();
        assert!(findings.is_empty(), "{name}: {findings:?}");
        n += 1;
    }
    assert!(n >= 5);
}

/// Over the Reuters corpus only when `COPYDESK_CORPUS` names it; prints the counts.
#[test]
fn corpus_counts() {
    let Ok(dir) = std::env::var("COPYDESK_CORPUS") else {
        eprintln!("COPYDESK_CORPUS not set: skipping the corpus run");
        return;
    };
    let mut counts = std::collections::BTreeMap::<&str, usize>::new();
    let mut converted = 0;
    for entry in std::fs::read_dir(&dir).expect("corpus dir") {
        let path = entry.expect("entry").path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let before = analyze(&text, Format::Plain, &Config::default());
        for f in &before.findings {
            if f.code.starts_with("quotes/") {
                *counts.entry(f.code).or_default() += 1;
            }
        }
        // Converting to typographic marks keeps every quotation and adds no finding.
        let edits = copydesk::article::quotes::to_typographic(&text, &before.article);
        let out = apply(&text, &edits);
        let after = analyze(&out, Format::Plain, &Config::default());
        let shape = |a: &copydesk::Analysis| {
            let q = &a.article.quotes;
            (
                q.quotations
                    .iter()
                    .map(|q| (q.paragraph, q.level, q.close.is_some(), q.runs_on))
                    .collect::<Vec<_>>(),
                q.unmatched_closes.len(),
            )
        };
        assert_eq!(shape(&before), shape(&after), "{}", path.display());
        converted += usize::from(!edits.is_empty());
    }
    eprintln!("corpus quotation findings: {counts:?}; {converted} files converted to typographic marks with every quotation kept");
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    const PIECES: &[&str] = &[
        "a", "We", "s", "n", "t", " ", " ", "\"", "\"", "'", "'", "“", "”", "‘", "’", "„", ".",
        ",", "?", "6", "90", "\n\n", "\r\n\r\n", "😀", "福气", "—", "(", ")", "em", "Tis",
    ];

    fn article() -> impl Strategy<Value = String> {
        prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|v| v.concat())
    }

    fn on_boundary(text: &str, s: copydesk::span::Span) -> bool {
        s.start <= s.end && text.is_char_boundary(s.start) && text.is_char_boundary(s.end)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        /// Any text: no panic, every span and edit on character boundaries, a fix's edits
        /// never overlap, and applying one gives text that analyses without panicking.
        #[test]
        fn spans_and_fixes_are_sound(body in article(), ap in any::<bool>()) {
            let text = format!("{LEDE}{body}");
            let setup = if ap { Setup::Ap } else { Setup::British };
            // Each mark opens or closes at most one quotation.
            let a = analyze(&text, Format::Plain, &config(setup));
            let q = &a.article.quotes;
            let mut used: Vec<usize> = q
                .quotations
                .iter()
                .chain(&q.headline_quotations)
                .flat_map(|q| std::iter::once(q.open.start).chain(q.close.map(|c| c.start)))
                .chain(q.unmatched_closes.iter().map(|s| s.start))
                .collect();
            let n = used.len();
            used.sort();
            used.dedup();
            prop_assert_eq!(used.len(), n, "{:?}", q);
            for f in quote_findings(&text, setup) {
                prop_assert!(on_boundary(&text, f.span), "{f:?}");
                for fix in &f.fixes {
                    let mut spans: Vec<_> = fix.edits.iter().map(|e| e.span).collect();
                    spans.sort();
                    for w in spans.windows(2) {
                        prop_assert!(w[0].end <= w[1].start, "overlap in {fix:?}");
                    }
                    for s in &spans {
                        prop_assert!(on_boundary(&text, *s), "{fix:?}");
                    }
                    let _ = quote_findings(&apply(&text, &fix.edits), setup);
                }
            }
        }

        /// Copy whose marks are all sound stays sound when converted to typographic marks,
        /// with its quotations where they were.
        #[test]
        fn typographic_conversion_keeps_clean_copy_clean(body in article()) {
            let text = format!("{LEDE}{body}");
            let before = analyze(&text, Format::Plain, &config(Setup::Reuters));
            let quote_codes = |a: &copydesk::Analysis| {
                a.findings
                    .iter()
                    .filter(|f| f.code.starts_with("quotes/") && f.code != "quotes/mixed-marks")
                    .map(|f| f.code)
                    .collect::<Vec<_>>()
            };
            if !quote_codes(&before).is_empty() {
                return Ok(());
            }
            let edits = copydesk::article::quotes::to_typographic(&text, &before.article);
            let out = apply(&text, &edits);
            let after = analyze(&out, Format::Plain, &config(Setup::Reuters));
            prop_assert!(quote_codes(&after).is_empty(), "{:?} -> {:?}: {:?}", text, out, after.findings);
            prop_assert!(!after.findings.iter().any(|f| f.code == "quotes/mixed-marks"), "{:?}", out);
            let opens = |a: &copydesk::Analysis| {
                a.article.quotes.quotations.iter().map(|q| (q.paragraph, q.level, q.close.is_some())).collect::<Vec<_>>()
            };
            prop_assert_eq!(opens(&before), opens(&after), "{:?} -> {:?}", text, out);
        }
    }
}

#[test]
fn british_nesting_is_a_config_setting() {
    let c = Config::from_toml("style = \"reuters\"\n[quotes]\nnesting = \"british\"\n")
        .expect("valid config");
    assert_eq!(c.quotes.nesting, Some(Nesting::British));
    assert!(Config::from_toml("[quotes]\nnesting = \"french\"\n").is_err());
    // LSP settings override the file key by key.
    let over = Config::from_json(&serde_json::json!({"quotes": {"nesting": "us"}})).expect("json");
    assert_eq!(c.clone().merged(&over).quotes.nesting, Some(Nesting::Us));
    assert_eq!(
        c.clone().merged(&Config::default()).quotes.nesting,
        Some(Nesting::British)
    );
    // The same copy reads differently under the two settings.
    let text = format!("{LEDE}The mayor called it “a good start”.\n");
    let codes = |c: &Config| -> Vec<&'static str> {
        analyze(&text, Format::Plain, c)
            .findings
            .iter()
            .filter(|f| f.code.starts_with("quotes/"))
            .map(|f| f.code)
            .collect()
    };
    assert_eq!(codes(&c), ["quotes/wrong-nesting"]);
    assert_eq!(codes(&config(Setup::Reuters)), Vec::<&str>::new());
    assert_eq!(codes(&config(Setup::Ap)), ["quotes/punctuation-outside"]);
}

#[test]
fn inner_quotation_fix_closes_before_the_outer_mark() {
    assert_eq!(
        fixed("“He said ‘no way, and left,” she said.", "quotes/unclosed"),
        "“He said ‘no way, and left,’” she said."
    );
}

#[test]
fn headline_quotations_are_read_with_headline_rules() {
    let text = format!("Mayor calls plan 'a good start'\n\n{LEDE}Officials agreed.\n");
    let a = analyze(&text, Format::Plain, &config(Setup::Ap));
    let q = &a.article.quotes.headline_quotations;
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].open.text(&text), "'");
    assert_eq!(q[0].kind, copydesk::article::quotes::MarkKind::Single);
    assert!(a.article.quotes.quotations.is_empty());
    // In Reuters copy, double marks in a headline are fine too.
    let text = format!("Mayor calls plan \"a good start\"\n\n{LEDE}Officials agreed.\n");
    assert!(quote_findings(&text, Setup::Reuters).is_empty());
}
