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
    let mut failures = Vec::new();
    for b in &cases {
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
