//! Table tests for the `dateline/*` rules: correct datelines across the agencies raise
//! nothing; each malformed one raises exactly one dateline finding, with the expected code
//! on the expected byte range, and its quick fix gives the expected text.
//!
//! Every case is wrapped in a small invented article whose headline and lede carry curly
//! quotes, an em dash, CJK and emoji, so byte offsets are tested off the ASCII path.

use copydesk::rules::Finding;
use copydesk::{analyze, Config, Format};

const HEADLINE: &str = "Café owners “cheer” 福气 plan 🌸 — city hall";
const STORY: &str = "Officials said “the plan — 福气 for all” would start soon 🌸.";
const SECOND: &str = "“We are ready,” said Mara Lindqvist, a spokeswoman.";

struct Case {
    style: Option<&'static str>,
    /// A metadata line under the headline (`Source: Xinhua| 2019-09-19 ...`).
    meta: Option<&'static str>,
    /// The lede's dateline (the story text follows it).
    line: &'static str,
    /// A second body paragraph, when the case needs one.
    extra: Option<&'static str>,
}

fn article(c: &Case) -> String {
    let mut s = String::new();
    s.push_str(HEADLINE);
    s.push('\n');
    if let Some(m) = c.meta {
        s.push_str(m);
        s.push('\n');
    }
    s.push('\n');
    s.push_str(c.line);
    if !c.line.ends_with(' ') && !c.line.is_empty() && !c.line.ends_with("--") {
        s.push(' ');
    }
    s.push_str(STORY);
    s.push_str("\n\n");
    s.push_str(c.extra.unwrap_or(SECOND));
    s.push('\n');
    s
}

fn config(style: Option<&str>) -> Config {
    match style {
        Some(st) => Config::from_toml(&format!("style = \"{st}\"\n")).expect("style"),
        None => Config::default(),
    }
}

fn dateline_findings(text: &str, style: Option<&str>) -> Vec<Finding> {
    analyze(text, Format::Plain, &config(style))
        .findings
        .into_iter()
        .filter(|f| f.code.starts_with("dateline/"))
        .collect()
}

fn apply(text: &str, f: &Finding) -> String {
    let fix = f.fixes.first().expect("a fix");
    let mut edits = fix.edits.clone();
    edits.sort_by_key(|e| std::cmp::Reverse(e.span.start));
    let mut out = text.to_string();
    for e in edits {
        out.replace_range(e.span.start..e.span.end, &e.replacement);
    }
    out
}

fn ok(style: Option<&'static str>, line: &'static str) -> Case {
    Case {
        style,
        meta: None,
        line,
        extra: None,
    }
}

const XINHUA_META: &str = "Source: Xinhua| 2019-09-19 14:05:29|Editor: huaxia";

#[test]
fn correct_datelines_raise_nothing() {
    let cases = vec![
        // AP
        ok(Some("ap"), "DALLAS (AP) — "),
        ok(None, "CHICAGO (AP) — "),
        ok(Some("ap"), "LOMBARD, Ill. (AP) — "),
        ok(Some("ap"), "BOISE, Idaho (AP) — "),
        ok(Some("ap"), "ST. PETERSBURG, Fla. (AP) — "),
        ok(Some("ap"), "ST. PETERSBURG, Russia (AP) — "),
        ok(Some("ap"), "LONDON (AP) — "),
        ok(None, "TOKYO (AP) — "),
        ok(Some("ap"), "KANSAS CITY, Mo. (AP) — "),
        ok(Some("ap"), "KANSAS CITY, Kan. (AP) — "),
        ok(Some("ap"), "PORTLAND, Ore. (AP) — "),
        ok(Some("ap"), "PORTLAND, Maine (AP) — "),
        ok(Some("ap"), "SPRINGFIELD, Ill. (AP) — "),
        ok(Some("ap"), "ANCHORAGE, Alaska (AP) — "),
        ok(None, "WASHINGTON (AP) — "),
        ok(Some("ap"), "PARIS, Texas (AP) — "),
        ok(Some("ap"), "SAN JUAN, Puerto Rico (AP) — "),
        ok(Some("ap"), "MUMBAI, India (AP) — "),
        ok(None, "BOSTON (AP) — "),
        ok(Some("ap"), "SEATTLE (AP) — "),
        ok(Some("ap"), "CHARLESTON, W.Va. (AP) — "),
        ok(Some("ap"), "PEKING (AP) — "),
        // UPI
        ok(Some("upi"), "LOMBARD, Ill., March 3 (UPI) -- "),
        ok(None, "BEIRUT, Lebanon, Sept. 20 (UPI) -- "),
        ok(Some("upi"), "CHICAGO, Jan. 5 (UPI) -- "),
        ok(Some("upi"), "ANN ARBOR, Mich., Oct. 12 (UPI) -- "),
        ok(Some("upi"), "ALBANY, N.Y., Feb. 28 (UPI) -- "),
        ok(None, "HONOLULU, Aug. 14 (UPI) -- "),
        ok(Some("upi"), "DES MOINES, Iowa, July 4 (UPI) -- "),
        ok(Some("upi"), "CAIRO, Egypt, May 9 (UPI) -- "),
        ok(Some("upi"), "SYDNEY, Australia, Nov. 30 (UPI) -- "),
        ok(Some("upi"), "SAN FRANCISCO, April 2 (UPI) -- "),
        // Xinhua
        ok(Some("xinhua"), "BEIJING, March 30 (Xinhua) -- "),
        ok(None, "ST. PETERSBURG, Russia, Sept. 19 (Xinhua) -- "),
        ok(None, "UNITED NATIONS, April 3 (Xinhua) -- "),
        ok(Some("xinhua"), "NAIROBI, June 12 (Xinhua) -- "),
        ok(None, "SHANGHAI, Jan. 8 (Xinhua) -- "),
        ok(None, "BRISBANE, Australia, Jan. 1 (Xinhua) -- "),
        ok(None, "CHONGQING, Oct. 8 (Xinhua) -- "),
        ok(None, "HOUSTON, Nov. 5 (Xinhua) -- "),
        ok(None, "LOS ANGELES, Dec. 1 (Xinhua) -- "),
        ok(None, "HANOI, Feb. 14 (Xinhua) -- "),
        ok(None, "WASHINGTON, May 20 (Xinhua) -- "),
        ok(None, "MOSCOW, Aug. 23 (Xinhua) -- "),
        ok(None, "GENEVA, July 1 (Xinhua) -- "),
        ok(None, "ORLANDO, United States, March 2 (Xinhua) -- "),
        ok(None, "LHASA, Aug. 10 (Xinhua) -- "),
        Case {
            style: Some("xinhua"),
            meta: Some(XINHUA_META),
            line: "BEIJING, Sept. 19 (Xinhua) -- ",
            extra: None,
        },
        Case {
            style: None,
            meta: Some(XINHUA_META),
            line: "NEW YORK, Sept. 18 (Xinhua) -- ",
            extra: None,
        },
        // Reuters
        ok(Some("reuters"), "HOUSTON, Jan 27 (Reuters) - "),
        ok(None, "WASHINGTON/BRUSSELS, Jan 27 (Reuters) - "),
        ok(None, "FRANKFURT, Sept 3 (Reuters) - "),
        ok(Some("reuters"), "LONDON, March 14 (Reuters) - "),
        ok(None, "SINGAPORE, Aug 9 (Reuters) - "),
        ok(None, "NEW YORK, Dec 31 (Reuters) - "),
        ok(None, "TORONTO, Oct 2 (Reuters) - "),
        ok(None, "SAO PAULO, Feb 29 (Reuters) - "),
        // AFP
        ok(Some("afp"), "PARIS, Jan 1 (AFP) - "),
        ok(None, "New Delhi (AFP) - "),
        ok(None, "NAIROBI, Nov. 3 (AFP) -- "),
        ok(None, "Manila, Sept 5 (AFP) - "),
        ok(None, "TBILISI, Georgia, May 26 (AFP) - "),
        // Bloomberg
        ok(Some("bloomberg"), "(Bloomberg) -- "),
        ok(None, "Dec. 23 (Bloomberg) -- "),
        ok(None, "NEW YORK (Bloomberg) -- "),
        // Generic: Reuters 1987, PTI, IANS, ANI
        ok(None, "LOMBARD, Ill., March 3 - "),
        ok(Some("generic"), "RICHMOND, Va., Feb 26 - "),
        ok(None, "New Delhi, Apr 25 (PTI) "),
        ok(None, "Chennai, Nov 12 (IANS) "),
        ok(None, "New Delhi, Jan 10 (ANI): "),
        ok(None, "PORTLAND, Ore., Feb 26 - "),
        ok(None, "ROCHESTER, N.Y., Feb 26 - "),
        ok(None, "ANN ARBOR, MICH., March 3 - "),
        ok(None, "SAN DIEGO, Calif, MARCH 3 - "),
    ];
    assert!(cases.len() >= 60, "{} correct cases", cases.len());
    let mut failures = Vec::new();
    for c in &cases {
        let text = article(c);
        let analysis = analyze(&text, Format::Plain, &config(c.style));
        assert!(
            analysis.article.dateline().is_some(),
            "no dateline read in {:?}",
            c.line
        );
        let found = dateline_findings(&text, c.style);
        if !found.is_empty() {
            failures.push(format!(
                "{:?} ({:?}): {:?}",
                c.line,
                c.style,
                found
                    .iter()
                    .map(|f| format!("{} `{}` {}", f.code, f.span.text(&text), f.message))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "false alarms:\n{}",
        failures.join("\n")
    );
}

struct Bad {
    case: Case,
    code: &'static str,
    /// The text under the finding's range, found in the lede's dateline; `before|text`
    /// locates it right after `before`.
    range: &'static str,
    /// The lede's dateline after the first quick fix, or `None` when there is no fix.
    fixed: Option<&'static str>,
}

fn bad(
    style: Option<&'static str>,
    line: &'static str,
    code: &'static str,
    range: &'static str,
    fixed: Option<&'static str>,
) -> Bad {
    Bad {
        case: ok(style, line),
        code,
        range,
        fixed,
    }
}

fn bad_meta(
    line: &'static str,
    code: &'static str,
    range: &'static str,
    fixed: Option<&'static str>,
) -> Bad {
    Bad {
        case: Case {
            style: Some("xinhua"),
            meta: Some(XINHUA_META),
            line,
            extra: None,
        },
        code,
        range,
        fixed,
    }
}

/// Each case raises exactly its code, on its range, and its first fix gives the expected
/// line; the failures, described.
fn run_bad(cases: &[Bad]) -> Vec<String> {
    let mut failures = Vec::new();
    for b in cases {
        let text = article(&b.case);
        let found = dateline_findings(&text, b.case.style);
        let codes: Vec<&str> = found.iter().map(|f| f.code).collect();
        if codes != [b.code] {
            failures.push(format!(
                "{:?}: expected [{}], got {:?}",
                b.case.line,
                b.code,
                found
                    .iter()
                    .map(|f| format!("{} `{}` {}", f.code, f.span.text(&text), f.message))
                    .collect::<Vec<_>>()
            ));
            continue;
        }
        let f = &found[0];
        // The expected range: the first occurrence of the range text in the lede.
        let lede = text.find(b.case.line).expect("lede");
        let (before, range) = b.range.split_once('|').unwrap_or(("", b.range));
        let expected_start = lede
            + before.len()
            + b.case
                .line
                .find(&format!("{before}{range}"))
                .expect("range text in the line");
        let got = f.span.text(&text);
        if got != range || f.span.start != expected_start {
            failures.push(format!(
                "{:?}: {} on `{}` at {}, expected `{}` at {}",
                b.case.line, b.code, got, f.span.start, range, expected_start
            ));
            continue;
        }
        assert!(!f.message.is_empty());
        match (b.fixed, f.fixes.first()) {
            (None, None) => {}
            (Some(want), Some(_)) => {
                let after = apply(&text, f);
                let expected = text.replacen(b.case.line, want, 1);
                if after != expected {
                    failures.push(format!(
                        "{:?}: fix gave {:?}, expected {:?}",
                        b.case.line,
                        after.lines().nth(2).unwrap_or(""),
                        expected.lines().nth(2).unwrap_or("")
                    ));
                }
            }
            (want, got) => failures.push(format!(
                "{:?}: expected fix {want:?}, got {:?}",
                b.case.line,
                got.map(|g| &g.title)
            )),
        }
    }
    failures
}

#[test]
fn malformed_datelines_raise_exactly_the_expected_code() {
    let x = Some("xinhua");
    let ap = Some("ap");
    let upi = Some("upi");
    let reu = Some("reuters");
    let cases = vec![
        // place-case
        bad(
            x,
            "Beijing, Sept. 19 (Xinhua) -- ",
            "dateline/place-case",
            "Beijing",
            Some("BEIJING, Sept. 19 (Xinhua) -- "),
        ),
        bad(
            ap,
            "Dallas (AP) — ",
            "dateline/place-case",
            "Dallas",
            Some("DALLAS (AP) — "),
        ),
        bad(
            upi,
            "St. Petersburg, Fla., Sept. 19 (UPI) -- ",
            "dateline/place-case",
            "St. Petersburg",
            Some("ST. PETERSBURG, Fla., Sept. 19 (UPI) -- "),
        ),
        bad(
            None,
            "NEW Delhi (AFP) - ",
            "dateline/place-case",
            "NEW Delhi",
            Some("NEW DELHI (AFP) - "),
        ),
        bad(
            reu,
            "London, March 14 (Reuters) - ",
            "dateline/place-case",
            "London",
            Some("LONDON, March 14 (Reuters) - "),
        ),
        // unknown-place
        bad(
            x,
            "BEIJNG, Sept. 19 (Xinhua) -- ",
            "dateline/unknown-place",
            "BEIJNG",
            Some("BEIJING, Sept. 19 (Xinhua) -- "),
        ),
        bad(
            ap,
            "PITSBURGH (AP) — ",
            "dateline/unknown-place",
            "PITSBURGH",
            Some("PITTSBURGH (AP) — "),
        ),
        bad(
            reu,
            "FRANKFRUT, Sept 3 (Reuters) - ",
            "dateline/unknown-place",
            "FRANKFRUT",
            Some("FRANKFURT, Sept 3 (Reuters) - "),
        ),
        bad(
            None,
            "LOUISVILE, Ky., March 4 - ",
            "dateline/unknown-place",
            "LOUISVILE",
            Some("LOUISVILLE, Ky., March 4 - "),
        ),
        bad(
            None,
            "OKALHOMA CITY, March 3 - ",
            "dateline/unknown-place",
            "OKALHOMA CITY",
            Some("OKLAHOMA CITY, March 3 - "),
        ),
        bad(
            x,
            "XQZWVILLE, Sept. 19 (Xinhua) -- ",
            "dateline/unknown-place",
            "XQZWVILLE",
            None,
        ),
        // region-needed
        bad(
            ap,
            "LOMBARD (AP) — ",
            "dateline/region-needed",
            "LOMBARD",
            Some("LOMBARD, Ill. (AP) — "),
        ),
        bad(
            x,
            "BRISBANE, Jan. 1 (Xinhua) -- ",
            "dateline/region-needed",
            "BRISBANE",
            Some("BRISBANE, Australia, Jan. 1 (Xinhua) -- "),
        ),
        bad(
            upi,
            "ST. PETERSBURG, Sept. 19 (UPI) -- ",
            "dateline/region-needed",
            "ST. PETERSBURG",
            None,
        ),
        bad(
            upi,
            "ANN ARBOR, Oct. 12 (UPI) -- ",
            "dateline/region-needed",
            "ANN ARBOR",
            Some("ANN ARBOR, Mich., Oct. 12 (UPI) -- "),
        ),
        bad(
            ap,
            "KANSAS CITY (AP) — ",
            "dateline/region-needed",
            "KANSAS CITY",
            None,
        ),
        // region-redundant
        bad(
            ap,
            "DALLAS, Texas (AP) — ",
            "dateline/region-redundant",
            "Texas",
            Some("DALLAS (AP) — "),
        ),
        bad(
            x,
            "LONDON, Britain, Jan. 3 (Xinhua) -- ",
            "dateline/region-redundant",
            "Britain",
            Some("LONDON, Jan. 3 (Xinhua) -- "),
        ),
        bad(
            ap,
            "CHICAGO, Ill. (AP) — ",
            "dateline/region-redundant",
            "Ill.",
            Some("CHICAGO (AP) — "),
        ),
        bad(
            x,
            "PARIS, France, Jan. 5 (Xinhua) -- ",
            "dateline/region-redundant",
            "France",
            Some("PARIS, Jan. 5 (Xinhua) -- "),
        ),
        bad(
            x,
            "CHONGQING, China, Oct. 8 (Xinhua) -- ",
            "dateline/region-redundant",
            "China",
            Some("CHONGQING, Oct. 8 (Xinhua) -- "),
        ),
        // state-form
        bad(
            upi,
            "LOMBARD, Illinois, March 3 (UPI) -- ",
            "dateline/state-form",
            "Illinois",
            Some("LOMBARD, Ill., March 3 (UPI) -- "),
        ),
        bad(
            ap,
            "LOMBARD, IL (AP) — ",
            "dateline/state-form",
            "IL",
            Some("LOMBARD, Ill. (AP) — "),
        ),
        bad(
            ap,
            "AUSTIN, Tex. (AP) — ",
            "dateline/state-form",
            "Tex.",
            Some("AUSTIN, Texas (AP) — "),
        ),
        bad(
            upi,
            "ANN ARBOR, Michigan, Oct. 12 (UPI) -- ",
            "dateline/state-form",
            "Michigan",
            Some("ANN ARBOR, Mich., Oct. 12 (UPI) -- "),
        ),
        bad(
            reu,
            "AUSTIN, TX, Jan 27 (Reuters) - ",
            "dateline/state-form",
            "TX",
            Some("AUSTIN, Texas, Jan 27 (Reuters) - "),
        ),
        bad(
            ap,
            "LOMBARD, Ill (AP) — ",
            "dateline/state-form",
            "Ill",
            Some("LOMBARD, Ill. (AP) — "),
        ),
        bad(
            upi,
            "PORTLAND, Oregon, May 4 (UPI) -- ",
            "dateline/state-form",
            "Oregon",
            Some("PORTLAND, Ore., May 4 (UPI) -- "),
        ),
        bad(
            None,
            "READING, Penn., Feb 26 - ",
            "dateline/state-form",
            "Penn.",
            Some("READING, Pa., Feb 26 - "),
        ),
        // region-mismatch
        bad(
            upi,
            "CAIRO, Morocco, Sept. 19 (UPI) -- ",
            "dateline/region-mismatch",
            "Morocco",
            Some("CAIRO, Egypt, Sept. 19 (UPI) -- "),
        ),
        bad(
            x,
            "BRISBANE, Canada, Jan. 1 (Xinhua) -- ",
            "dateline/region-mismatch",
            "Canada",
            Some("BRISBANE, Australia, Jan. 1 (Xinhua) -- "),
        ),
        bad(
            ap,
            "MUMBAI, Pakistan (AP) — ",
            "dateline/region-mismatch",
            "Pakistan",
            Some("MUMBAI, India (AP) — "),
        ),
        // month-format
        bad(
            x,
            "BEIJING, September 19 (Xinhua) -- ",
            "dateline/month-format",
            "September",
            Some("BEIJING, Sept. 19 (Xinhua) -- "),
        ),
        bad(
            upi,
            "CHICAGO, Sep. 3 (UPI) -- ",
            "dateline/month-format",
            "Sep.",
            Some("CHICAGO, Sept. 3 (UPI) -- "),
        ),
        bad(
            x,
            "BEIJING, Mar. 30 (Xinhua) -- ",
            "dateline/month-format",
            "Mar.",
            Some("BEIJING, March 30 (Xinhua) -- "),
        ),
        bad(
            reu,
            "HOUSTON, Jan. 27 (Reuters) - ",
            "dateline/month-format",
            "Jan.",
            Some("HOUSTON, Jan 27 (Reuters) - "),
        ),
        bad(
            reu,
            "LONDON, September 14 (Reuters) - ",
            "dateline/month-format",
            "September",
            Some("LONDON, Sept 14 (Reuters) - "),
        ),
        bad(
            None,
            "LOMBARD, Ill., Sep. 3 - ",
            "dateline/month-format",
            "Sep.",
            Some("LOMBARD, Ill., Sept. 3 - "),
        ),
        bad(
            upi,
            "CHICAGO, Dec 5 (UPI) -- ",
            "dateline/month-format",
            "Dec",
            Some("CHICAGO, Dec. 5 (UPI) -- "),
        ),
        bad(
            None,
            "BOSTON, Mass., march 4 - ",
            "dateline/month-format",
            "march",
            Some("BOSTON, Mass., March 4 - "),
        ),
        bad(
            None,
            "PITTSBURGH, MArch 2 - ",
            "dateline/month-format",
            "MArch",
            Some("PITTSBURGH, March 2 - "),
        ),
        // ordinal
        bad(
            x,
            "BEIJING, Sept. 19th (Xinhua) -- ",
            "dateline/ordinal",
            "th",
            Some("BEIJING, Sept. 19 (Xinhua) -- "),
        ),
        bad(
            upi,
            "CHICAGO, March 1st (UPI) -- ",
            "dateline/ordinal",
            "st",
            Some("CHICAGO, March 1 (UPI) -- "),
        ),
        // impossible-date
        bad(
            x,
            "BEIJING, Sept. 31 (Xinhua) -- ",
            "dateline/impossible-date",
            "Sept. 31",
            None,
        ),
        bad(
            upi,
            "CHICAGO, Feb. 30 (UPI) -- ",
            "dateline/impossible-date",
            "Feb. 30",
            None,
        ),
        bad_meta(
            "BEIJING, Feb. 29 (Xinhua) -- ",
            "dateline/impossible-date",
            "Feb. 29",
            None,
        ),
        bad(
            None,
            "LOMBARD, Ill., April 31, 1987 - ",
            "dateline/impossible-date",
            "April 31",
            None,
        ),
        // date-mismatch
        bad_meta(
            "BEIJING, Sept. 12 (Xinhua) -- ",
            "dateline/date-mismatch",
            "Sept. 12",
            None,
        ),
        bad_meta(
            "BEIJING, Sept. 21 (Xinhua) -- ",
            "dateline/date-mismatch",
            "Sept. 21",
            None,
        ),
        // date-missing / date-forbidden
        bad_meta(
            "BEIJING (Xinhua) -- ",
            "dateline/date-missing",
            "BEIJING",
            Some("BEIJING, Sept. 19 (Xinhua) -- "),
        ),
        bad(
            reu,
            "HOUSTON (Reuters) - ",
            "dateline/date-missing",
            "HOUSTON",
            None,
        ),
        bad(
            ap,
            "DALLAS, June 2 (AP) — ",
            "dateline/date-forbidden",
            "June 2",
            Some("DALLAS (AP) — "),
        ),
        // credit
        bad(
            x,
            "BEIJING, Sept. 19 Xinhua -- ",
            "dateline/credit",
            "Xinhua",
            Some("BEIJING, Sept. 19 (Xinhua) -- "),
        ),
        bad(
            None,
            "BEIJING, Sept. 19 (XINHUA) -- ",
            "dateline/credit",
            "XINHUA",
            Some("BEIJING, Sept. 19 (Xinhua) -- "),
        ),
        bad(
            x,
            "BEIJING, Sept. 19 (Reuters) -- ",
            "dateline/credit",
            "Reuters",
            Some("BEIJING, Sept. 19 (Xinhua) -- "),
        ),
        bad(
            x,
            "BEIJING, Sept. 19 -- ",
            "dateline/credit",
            "BEIJING",
            Some("BEIJING, Sept. 19 (Xinhua) -- "),
        ),
        bad(
            ap,
            "DALLAS AP — ",
            "dateline/credit",
            "AP",
            Some("DALLAS (AP) — "),
        ),
        // separator
        bad(
            x,
            "BEIJING, Sept. 19 (Xinhua) - ",
            "dateline/separator",
            "-",
            Some("BEIJING, Sept. 19 (Xinhua) -- "),
        ),
        bad(
            ap,
            "DALLAS (AP) -- ",
            "dateline/separator",
            "--",
            Some("DALLAS (AP) — "),
        ),
        bad(
            reu,
            "HOUSTON, Jan 27 (Reuters) -- ",
            "dateline/separator",
            "--",
            Some("HOUSTON, Jan 27 (Reuters) - "),
        ),
        bad(
            upi,
            "CHICAGO, Jan. 5 (UPI) — ",
            "dateline/separator",
            "—",
            Some("CHICAGO, Jan. 5 (UPI) -- "),
        ),
        bad(
            x,
            "BEIJING, Sept. 19 (Xinhua) --- ",
            "dateline/separator",
            "---",
            Some("BEIJING, Sept. 19 (Xinhua) -- "),
        ),
        bad(
            x,
            "BEIJING, Sept. 19 (Xinhua) ",
            "dateline/separator",
            "(Xinhua)",
            Some("BEIJING, Sept. 19 (Xinhua) -- "),
        ),
        // spacing
        bad(
            x,
            "BRISBANE, Australia, Jan. 1(Xinhua) -- ",
            "dateline/spacing",
            "(Xinhua)",
            Some("BRISBANE, Australia, Jan. 1 (Xinhua) -- "),
        ),
        bad(
            x,
            "BEIJING, Sept. 19 (Xinhua)--",
            "dateline/spacing",
            "--",
            Some("BEIJING, Sept. 19 (Xinhua) -- "),
        ),
        bad(
            x,
            "BEIJING,  Sept. 19 (Xinhua) -- ",
            "dateline/spacing",
            "  ",
            Some("BEIJING, Sept. 19 (Xinhua) -- "),
        ),
        bad(
            x,
            "BEIJING, Sept. 19  (Xinhua) -- ",
            "dateline/spacing",
            "  ",
            Some("BEIJING, Sept. 19 (Xinhua) -- "),
        ),
        bad(
            ap,
            "DALLAS (AP) —  ",
            "dateline/spacing",
            "  ",
            Some("DALLAS (AP) — "),
        ),
        bad(
            x,
            "BEIJING,Sept. 19 (Xinhua) -- ",
            "dateline/spacing",
            ",",
            Some("BEIJING, Sept. 19 (Xinhua) -- "),
        ),
        bad(
            reu,
            "HOUSTON, Jan 27 (Reuters)- ",
            "dateline/spacing",
            "-",
            Some("HOUSTON, Jan 27 (Reuters) - "),
        ),
        bad(
            None,
            "MONTREAL, Feb 26- ",
            "dateline/spacing",
            "-",
            Some("MONTREAL, Feb 26 - "),
        ),
        // comma
        bad(
            x,
            "BEIJING Sept. 19 (Xinhua) -- ",
            "dateline/comma",
            " ",
            Some("BEIJING, Sept. 19 (Xinhua) -- "),
        ),
        bad(
            upi,
            "RICHMOND, Va. Feb. 26 (UPI) -- ",
            "dateline/comma",
            "Va.| ",
            Some("RICHMOND, Va., Feb. 26 (UPI) -- "),
        ),
        bad(
            x,
            "BEIJING, Sept. 19, (Xinhua) -- ",
            "dateline/comma",
            "19|,",
            Some("BEIJING, Sept. 19 (Xinhua) -- "),
        ),
        // unparseable
        bad(
            x,
            "BEIJING, 19/9 (Xinhua) -- ",
            "dateline/unparseable",
            "BEIJING, 19/9 (Xinhua) -- ",
            None,
        ),
    ];
    assert!(cases.len() >= 60, "{} malformed cases", cases.len());
    let failures = run_bad(&cases);
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn missing_and_misplaced() {
    let c = Case {
        style: Some("xinhua"),
        meta: None,
        line: "",
        extra: Some("BEIJING, Sept. 19 (Xinhua) -- Talks “went well” 福气 🌸, officials said."),
    };
    let text = article(&c);
    let found = dateline_findings(&text, c.style);
    let codes: Vec<&str> = found.iter().map(|f| f.code).collect();
    assert_eq!(
        codes,
        ["dateline/missing", "dateline/misplaced"],
        "{found:?}"
    );
    assert_eq!(found[0].span.text(&text), "Officials");
    assert_eq!(found[1].span.text(&text), "BEIJING, Sept. 19 (Xinhua) --");

    // A second dateline after a good one.
    let c = Case {
        style: Some("xinhua"),
        meta: None,
        line: "BEIJING, Sept. 19 (Xinhua) -- ",
        extra: Some("SHANGHAI, Sept. 19 (Xinhua) -- Talks went on."),
    };
    let text = article(&c);
    let found = dateline_findings(&text, c.style);
    let codes: Vec<&str> = found.iter().map(|f| f.code).collect();
    assert_eq!(codes, ["dateline/misplaced"], "{found:?}");
}

#[test]
fn preferred_fixes_are_the_certain_ones() {
    let text = article(&ok(Some("xinhua"), "BEIJNG, Sept. 19 (Xinhua) -- "));
    let f = &dateline_findings(&text, Some("xinhua"))[0];
    assert!(f.fixes[0].preferred, "one near name, one letter away");
    let text = article(&ok(Some("xinhua"), "BEIJING, Sept. 19 (Reuters) -- "));
    let f = &dateline_findings(&text, Some("xinhua"))[0];
    assert!(
        !f.fixes[0].preferred,
        "another agency's credit may be a pickup"
    );
    let text = article(&ok(Some("xinhua"), "BEIJING, September 19 (Xinhua) -- "));
    let f = &dateline_findings(&text, Some("xinhua"))[0];
    assert!(f.fixes[0].preferred);
}

#[test]
fn configuration_adds_places_and_stand_alone_cities() {
    let base = "style = \"ap\"\n";
    let text = article(&ok(Some("ap"), "LOMBARD (AP) — "));
    let with = |toml: &str| {
        let cfg = Config::from_toml(&format!("{base}{toml}")).expect("config");
        analyze(&text, Format::Plain, &cfg)
            .findings
            .into_iter()
            .filter(|f| f.code.starts_with("dateline/"))
            .map(|f| f.code)
            .collect::<Vec<_>>()
    };
    assert_eq!(with(""), ["dateline/region-needed"]);
    assert!(with("[dateline]\nstandalone_add = [\"Lombard\"]\n").is_empty());

    let text2 = article(&ok(Some("ap"), "FORT ZEPHYRVILLE, Ohio (AP) — "));
    let cfg = Config::from_toml(&format!(
        "{base}[dateline]\nplaces = [\"FORT ZEPHYRVILLE\"]\n"
    ))
    .expect("config");
    let codes: Vec<_> = analyze(&text2, Format::Plain, &cfg)
        .findings
        .into_iter()
        .filter(|f| f.code.starts_with("dateline/"))
        .collect();
    assert!(codes.is_empty(), "{codes:?}");

    let text3 = article(&ok(Some("ap"), "LONDON (AP) — "));
    let cfg = Config::from_toml(&format!(
        "{base}[dateline]\nstandalone_remove = [\"London\"]\n"
    ))
    .expect("config");
    let codes: Vec<_> = analyze(&text3, Format::Plain, &cfg)
        .findings
        .into_iter()
        .filter(|f| f.code.starts_with("dateline/"))
        .map(|f| f.code)
        .collect();
    assert_eq!(codes, ["dateline/region-needed"]);
}

#[test]
fn samples_raise_no_dateline_finding() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/samples");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).expect("samples/") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("read");
        let format = Format::from_path(&path.to_string_lossy());
        let a = analyze(&text, format, &Config::default());
        let dl: Vec<_> = a
            .findings
            .iter()
            .filter(|f| f.code.starts_with("dateline/"))
            .collect();
        assert!(a.article.dateline().is_some(), "{path:?} has no dateline");
        assert!(dl.is_empty(), "{path:?}: {dl:?}");
        n += 1;
    }
    assert!(n >= 5);
}

#[test]
fn samples_pass_copydesk_check() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--format", "json"])
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/samples"))
        .output()
        .expect("run copydesk");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let findings = json["findings"].as_array().expect("findings");
    let dl: Vec<_> = findings
        .iter()
        .filter(|f| {
            f["code"]
                .as_str()
                .is_some_and(|c| c.starts_with("dateline/"))
        })
        .collect();
    assert!(dl.is_empty(), "{dl:?}");
}

#[test]
fn broken_fixtures_raise_their_dateline_codes() {
    let expected = [
        ("no-dateline.txt", Some(("dateline/missing", "A"))),
        (
            "bad-month.txt",
            Some(("dateline/month-format", "September")),
        ),
        ("wrong-separator.txt", Some(("dateline/separator", "-"))),
        (
            "missing-credit-space.txt",
            Some(("dateline/spacing", "(Xinhua)")),
        ),
        (
            "lowercase-place.txt",
            Some(("dateline/place-case", "Beijing")),
        ),
        ("typo-place.txt", Some(("dateline/unknown-place", "BEIJNG"))),
        ("state-form.txt", Some(("dateline/state-form", "Illinois"))),
        (
            "impossible-date.txt",
            Some(("dateline/impossible-date", "Sept. 31")),
        ),
        ("unclosed-quote.txt", None),
        ("stray-close.txt", None),
        ("period-outside.md", None),
        ("crlf-mixed.txt", None),
    ];
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/broken/");
    for (file, want) in expected {
        let text = std::fs::read_to_string(format!("{dir}{file}")).expect(file);
        let a = analyze(&text, Format::from_path(file), &Config::default());
        let dl: Vec<(&str, &str)> = a
            .findings
            .iter()
            .filter(|f| f.code.starts_with("dateline/"))
            .map(|f| (f.code, f.span.text(&text)))
            .collect();
        match want {
            Some(w) => assert_eq!(dl, [w], "{file}"),
            None => assert!(dl.is_empty(), "{file}: {dl:?}"),
        }
    }
}

/// Run with `COPYDESK_CORPUS=/work/shared/corpus/reuters-1987` to count dateline findings
/// on real copy (figures in docs/notes/issue-3.md).
#[test]
fn corpus_false_alarms() {
    let Ok(dir) = std::env::var("COPYDESK_CORPUS") else {
        eprintln!("note: COPYDESK_CORPUS not set; skipping the corpus count");
        return;
    };
    let mut counts = std::collections::BTreeMap::new();
    let mut files = 0;
    for entry in std::fs::read_dir(&dir).expect("corpus dir") {
        let path = entry.expect("entry").path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        files += 1;
        for style in [None, Some("generic")] {
            for f in dateline_findings(&text, style) {
                *counts
                    .entry((style.unwrap_or("none"), f.code))
                    .or_insert(0usize) += 1;
            }
        }
    }
    eprintln!("{files} files: {counts:?}");
}

mod never_panics {
    use super::*;
    use proptest::prelude::*;

    const TOKENS: &[&str] = &[
        "BEIJING",
        "ST. PETERSBURG",
        "Beijing",
        ",",
        " ",
        "  ",
        "\t",
        "\u{a0}",
        "Sept.",
        "Feb",
        "march",
        "19",
        "31",
        "29",
        "th",
        "2019",
        "(Xinhua)",
        "(",
        ")",
        "Xinhua",
        "AP",
        "--",
        "---",
        "—",
        "–",
        "-",
        ":",
        "福气",
        "🌸",
        "“",
        "”",
        "’",
        "\n",
        "\n\n",
        "\r\n",
        "Ill.",
        "IL",
        "Texas",
        "Officials met.",
        "Source: Xinhua| 2019-02-28 14:05:29|Editor: huaxia\n\n",
        "BEIJNG",
        "/",
        "UNITED NATIONS",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        #[test]
        fn dateline_rules_never_panic_and_spans_are_sound(
            picks in proptest::collection::vec(0..TOKENS.len(), 0..24),
            style in 0usize..8,
        ) {
            let text: String = picks.iter().map(|&i| TOKENS[i]).collect();
            let style = ["ap", "upi", "reuters", "afp", "xinhua", "bloomberg", "generic"]
                .get(style)
                .copied();
            for f in dateline_findings(&text, style) {
                prop_assert!(f.span.end <= text.len());
                prop_assert!(text.is_char_boundary(f.span.start) && text.is_char_boundary(f.span.end));
                for fix in &f.fixes {
                    for e in &fix.edits {
                        prop_assert!(e.span.start <= e.span.end && e.span.end <= text.len());
                        prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
                    }
                    let _ = apply(&text, &Finding { fixes: vec![fix.clone()], ..f.clone() });
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------
// Issue 13: datelines of real copy. Every line below is invented; the shapes are those of
// published wire and web copy.

/// The dateline codes an article raises under `style` (`None`: inferred from the credit).
fn codes_of(c: &Case) -> (String, Vec<Finding>) {
    let text = article(c);
    let found = dateline_findings(&text, c.style);
    (text, found)
}

#[test]
fn real_copy_datelines_raise_nothing() {
    let cases = vec![
        // Two places, the first with its state.
        ok(None, "WEST PALM BEACH, Fla./WASHINGTON (Reuters) - "),
        ok(None, "LAKE PLACID, N.Y./MONTREAL, Feb 3 (Reuters) - "),
        ok(None, "TOKYO/SEOUL, Sept 4 (Reuters) - "),
        // Places that are not towns.
        ok(None, "ABOARD AIR FORCE ONE (Reuters) - "),
        ok(Some("reuters"), "ABOARD AIR FORCE ONE, Oct 2 (Reuters) - "),
        ok(None, "UNITED NATIONS (Reuters) - "),
        ok(None, "UNITED NATIONS, April 3 (Xinhua) -- "),
        ok(None, "AT SEA (AP) — "),
        ok(Some("ap"), "ABOARD THE USS CORALVILLE (AP) — "),
        ok(None, "KHAN DARWISH REFUGEE CAMP, Gaza Strip (Reuters) - "),
        ok(
            None,
            "ABOARD THE SKARVHOLM OIL PLATFORM, North Sea (Reuters) - ",
        ),
        ok(None, "BAGRAM AIR BASE, Afghanistan (AP) — "),
        ok(None, "NEAR KANDAHAR, Afghanistan (AFP) - "),
        // Towns below the gazetteer's threshold, under a region it knows.
        ok(None, "LORETO, Italy (Reuters) - "),
        ok(None, "SUN CITY, South Africa (Reuters) - "),
        ok(None, "NEWCASTLE, England (AP) - "),
        ok(None, "OAKLAND, N.J., March 2 - "),
        ok(Some("ap"), "PARIS, Tenn. (AP) — "),
        ok(Some("ap"), "LONDON, Ky. (AP) — "),
        ok(None, "CASTELNUOVO, Italy, May 9 (Reuters) - "),
        // Islands and regions as the place or the region.
        ok(None, "BALI, Indonesia (Reuters) - "),
        ok(None, "UBUD, Bali, Indonesia (Reuters) - "),
        ok(None, "KAPAA, Kauai (AP) — "),
        ok(None, "SANTA CRUZ, Tenerife, Jan 8 (Reuters) - "),
        // Web copy of an inferred style: Reuters without a date, AP in plain ASCII.
        ok(None, "WASHINGTON (Reuters) - "),
        ok(None, "LOS ANGELES (Reuters) - "),
        ok(None, "NEW YORK (AP) -- "),
        ok(None, "BEIJING (AP) - "),
        ok(None, "BRUSSELS, Belgium (AP) -- "),
        ok(None, "CANBERRA, Australia (AP) - "),
        ok(None, "DALLAS, June 2 (AP) — "),
        ok(None, "BEIRUT (UPI) -- "),
        ok(None, "PARIS (AFP) - "),
    ];
    let mut failures = Vec::new();
    for c in &cases {
        let (text, found) = codes_of(c);
        let analysis = analyze(&text, Format::Plain, &config(c.style));
        if analysis.article.dateline().is_none() {
            failures.push(format!("{:?}: no dateline read", c.line));
            continue;
        }
        if !found.is_empty() {
            failures.push(format!(
                "{:?} ({:?}): {:?}",
                c.line,
                c.style,
                found
                    .iter()
                    .map(|f| format!("{} `{}` {}", f.code, f.span.text(&text), f.message))
                    .collect::<Vec<_>>()
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "false alarms:\n{}",
        failures.join("\n")
    );
}

#[test]
fn joint_place_after_a_region_is_read_as_two_places() {
    let c = ok(None, "WEST PALM BEACH, Fla./WASHINGTON (Reuters) - ");
    let text = article(&c);
    let analysis = analyze(&text, Format::Plain, &config(None));
    let d = analysis.article.dateline().expect("a dateline");
    let places: Vec<&str> = d.places.iter().map(|p| p.text(&text)).collect();
    assert_eq!(places, ["WEST PALM BEACH", "WASHINGTON"]);
    let regions: Vec<&str> = d.regions.iter().map(|p| p.text(&text)).collect();
    assert_eq!(regions, ["Fla."]);
    // Configured Reuters wants the date: it goes after the last place, not the region.
    let c = ok(
        Some("reuters"),
        "WEST PALM BEACH, Fla./WASHINGTON (Reuters) - ",
    );
    let (text, found) = codes_of(&c);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].code, "dateline/date-missing");
    let meta_case = Case {
        style: Some("reuters"),
        meta: Some("Source: Reuters| 2019-09-19 14:05:29|Editor: desk"),
        line: "WEST PALM BEACH, Fla./WASHINGTON (Reuters) - ",
        extra: None,
    };
    let (mtext, mfound) = codes_of(&meta_case);
    if let Some(f) = mfound.iter().find(|f| f.code == "dateline/date-missing") {
        if !f.fixes.is_empty() {
            assert!(
                apply(&mtext, f).contains("WEST PALM BEACH, Fla./WASHINGTON, Sept 19 (Reuters) - "),
                "{}",
                apply(&mtext, f)
            );
        }
    }
    assert!(text.contains("Café"));
    // A typo in the second place is still caught.
    let c = ok(None, "WEST PALM BEACH, Fla./WASHINGTN (Reuters) - ");
    let (text, found) = codes_of(&c);
    let codes: Vec<&str> = found.iter().map(|f| f.code).collect();
    assert_eq!(codes, ["dateline/unknown-place"], "{found:?}");
    assert_eq!(found[0].span.text(&text), "WASHINGTN");
}

#[test]
fn an_unknown_place_is_never_a_region_mismatch() {
    for line in [
        "XQZWVILLE, Canada (Reuters) - ",
        "PORTO QUIRINO, Italy (Reuters) - ",
        "LITTLE HOLLOWAY, N.J., March 2 - ",
        "NEWCASTLE, England (AP) — ",
        "SUN CITY, South Africa, Dec 4 (Reuters) - ",
        "BALI, Indonesia, Oct 13 (Reuters) - ",
    ] {
        for style in [None, Some("reuters"), Some("ap"), Some("generic")] {
            let (text, found) = codes_of(&ok(style, line));
            assert!(
                found.iter().all(|f| f.code != "dateline/region-mismatch"),
                "{line:?} ({style:?}): {:?}",
                found
                    .iter()
                    .map(|f| format!("{} `{}`", f.code, f.span.text(&text)))
                    .collect::<Vec<_>>()
            );
        }
    }
}

#[test]
fn misdiagnoses_of_real_copy() {
    let x = Some("xinhua");
    let cases = vec![
        // A misspelt month is a month problem with the nearest month as the fix.
        bad(
            x,
            "BEIJING, Spet. 19 (Xinhua) -- ",
            "dateline/month-format",
            "Spet.",
            Some("BEIJING, Sept. 19 (Xinhua) -- "),
        ),
        bad(
            None,
            "NEW YORK, Narch 2 - ",
            "dateline/month-format",
            "Narch",
            Some("NEW YORK, March 2 - "),
        ),
        bad(
            None,
            "RENO, Nev., Mach 4 - ",
            "dateline/month-format",
            "Mach",
            Some("RENO, Nev., March 4 - "),
        ),
        bad(
            None,
            "HOUSTON, Ocotber 7 (Reuters) - ",
            "dateline/month-format",
            "Ocotber",
            Some("HOUSTON, Oct 7 (Reuters) - "),
        ),
        bad(
            x,
            "BEIJING, Febuary 3 (Xinhua) -- ",
            "dateline/month-format",
            "Febuary",
            Some("BEIJING, Feb. 3 (Xinhua) -- "),
        ),
        // A lower-case place is place-case, not "no dateline".
        bad(
            None,
            "New york, March 2 - ",
            "dateline/place-case",
            "New york",
            Some("NEW YORK, March 2 - "),
        ),
        bad(
            None,
            "la paz, March 4 - ",
            "dateline/place-case",
            "la paz",
            Some("LA PAZ, March 4 - "),
        ),
        bad(
            x,
            "beijing, Sept. 19 (Xinhua) -- ",
            "dateline/place-case",
            "beijing",
            Some("BEIJING, Sept. 19 (Xinhua) -- "),
        ),
        // `(XINHUA)` is Xinhua copy: the spelling is the only finding, in Xinhua style.
        bad(
            None,
            "BEIJING, Sept. 19 (XINHUA) -- ",
            "dateline/credit",
            "XINHUA",
            Some("BEIJING, Sept. 19 (Xinhua) -- "),
        ),
    ];
    let failures = run_bad(&cases);
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn an_upper_case_credit_selects_its_style() {
    for (line, style) in [
        (
            "BEIJING, Sept. 19 (XINHUA) -- ",
            copydesk::config::Style::Xinhua,
        ),
        (
            "HOUSTON, Jan 27 (REUTERS) - ",
            copydesk::config::Style::Reuters,
        ),
        ("PARIS (afp) - ", copydesk::config::Style::Afp),
    ] {
        let text = article(&ok(None, line));
        let a = analyze(&text, Format::Plain, &config(None));
        assert_eq!(a.style, style, "{line}");
        assert_eq!(a.style_source, copydesk::config::StyleSource::Credit);
    }
    // A wrong separator under the inferred style: Xinhua's, and the message says so.
    let (text, found) = codes_of(&ok(None, "BEIJING, Sept. 19 (XINHUA) - Officials"));
    let sep = found
        .iter()
        .find(|f| f.code == "dateline/separator")
        .unwrap_or_else(|| panic!("{found:?}"));
    assert_eq!(sep.span.text(&text), "-");
    assert!(
        sep.message
            .contains("Xinhua style, inferred from the credit"),
        "{}",
        sep.message
    );
}

#[test]
fn inferred_styles_flag_only_what_every_form_gets_wrong_and_configured_ones_are_strict() {
    // (line, configured style, expected codes inferred, expected codes configured)
    let cases: &[(&str, &str, &[&str], &[&str])] = &[
        (
            "WASHINGTON (Reuters) - ",
            "reuters",
            &[],
            &["dateline/date-missing"],
        ),
        ("NEW YORK (AP) -- ", "ap", &[], &["dateline/separator"]),
        ("NEW YORK (AP) - ", "ap", &[], &["dateline/separator"]),
        (
            "BRUSSELS, Belgium (AP) — ",
            "ap",
            &[],
            &["dateline/region-redundant"],
        ),
        (
            "DALLAS, June 2 (AP) — ",
            "ap",
            &[],
            &["dateline/date-forbidden"],
        ),
        ("MOMBASA (AP) — ", "ap", &[], &["dateline/region-needed"]),
        // Wrong in every form the agency publishes: flagged either way.
        (
            "HOUSTON, Sept. 27 (Reuters) - ",
            "reuters",
            &["dateline/month-format"],
            &["dateline/month-format"],
        ),
        (
            "LOMBARD (AP) — ",
            "ap",
            &["dateline/region-needed"],
            &["dateline/region-needed"],
        ),
        (
            "CHICAGO, Ill. (AP) — ",
            "ap",
            &["dateline/region-redundant"],
            &["dateline/region-redundant"],
        ),
        (
            "DALLAS (AP) --- ",
            "ap",
            &["dateline/separator"],
            &["dateline/separator"],
        ),
        (
            "BEIJING (Xinhua) -- ",
            "xinhua",
            &["dateline/date-missing"],
            &["dateline/date-missing"],
        ),
        (
            "BEIJING, Sept. 19 (Xinhua) - ",
            "xinhua",
            &["dateline/separator"],
            &["dateline/separator"],
        ),
    ];
    let mut failures = Vec::new();
    for &(line, style, inferred, configured) in cases {
        for (st, want, why) in [
            (None, inferred, "inferred from the credit"),
            (Some(style), configured, "configured"),
        ] {
            let c = Case {
                style: st,
                meta: None,
                line,
                extra: None,
            };
            let (text, found) = codes_of(&c);
            let codes: Vec<&str> = found.iter().map(|f| f.code).collect();
            if codes != want {
                failures.push(format!(
                    "{line:?} ({st:?}): expected {want:?}, got {codes:?}"
                ));
                continue;
            }
            for f in &found {
                if !f.message.contains(why) {
                    failures.push(format!(
                        "{line:?}: message does not say `{why}`: {}",
                        f.message
                    ));
                }
                assert!(f.span.end <= text.len());
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn inner_single_quotation_left_open_inside_a_closed_double_one() {
    for (lede, mark) in [
        (
            "BEIJING, Sept. 19 (Xinhua) -- \"The plan is 'a farce — 福气 for none, and we know it,\" Lindqvist said 🌸.",
            "'a farce",
        ),
        (
            "BEIJING, Sept. 19 (Xinhua) -- “The plan is ‘a farce — 福气 for none,” Lindqvist said 🌸.",
            "‘a farce",
        ),
    ] {
        let text = format!("{HEADLINE}\n\n{lede}\n\n{SECOND}\n");
        let found: Vec<Finding> = analyze(&text, Format::Plain, &config(None))
            .findings
            .into_iter()
            .filter(|f| f.code.starts_with("quotes/"))
            .collect();
        let found: Vec<&Finding> = found
            .iter()
            .filter(|f| f.code != "quotes/mixed-marks")
            .collect();
        assert_eq!(found.len(), 1, "{lede}: {found:?}");
        assert_eq!(found[0].code, "quotes/unclosed");
        let at = text.find(mark).unwrap();
        assert_eq!(found[0].span.start, at, "{lede}");
        assert_eq!(found[0].span.text(&text), &mark[..mark.find('a').unwrap()]);
    }
    // Closed inner quotations, elisions and possessives inside a closed double one: fine.
    for lede in [
        "BEIJING, Sept. 19 (Xinhua) -- \"The plan is 'a farce,' and we know it 福气,\" Lindqvist said 🌸.",
        "BEIJING, Sept. 19 (Xinhua) -- \"We saw 'em all in the '90s — 福气,\" Lindqvist said 🌸.",
        "BEIJING, Sept. 19 (Xinhua) -- \"The growers' plan is rock 'n' roll,\" Lindqvist said 🌸.",
    ] {
        let text = format!("{HEADLINE}\n\n{lede}\n\n{SECOND}\n");
        let found: Vec<Finding> = analyze(&text, Format::Plain, &config(None))
            .findings
            .into_iter()
            .filter(|f| f.code.starts_with("quotes/") && f.code != "quotes/mixed-marks")
            .collect();
        assert!(found.is_empty(), "{lede}: {found:?}");
    }
}

#[test]
fn a_listing_is_not_a_lede_without_a_dateline() {
    let text = "ANALYST MEETINGS — 福气 🌸\n\nHarlow/Vance - New York Orbis Trust - Chicago Quillon Health Partners - Boston\n\nMeridian Foods - Dallas\n";
    let found = dateline_findings(text, None);
    assert!(found.is_empty(), "{found:?}");
    // A sentence without a dateline still is one.
    let text = "ANALYST MEETINGS — 福气 🌸\n\nHarlow Vance said “the meetings” would go on 🌸.\n";
    let codes: Vec<&str> = dateline_findings(text, None)
        .iter()
        .map(|f| f.code)
        .collect();
    assert_eq!(codes, ["dateline/missing"]);
}
