//! The `dates/*` table: correct copy raises nothing; each wrong line raises exactly the
//! findings listed, with their code, span and fixed text. Lines carry curly quotes, an em
//! dash, CJK and emoji so that every span is checked on character boundaries.

use crate::analysis::analyze;
use crate::article::Format;
use crate::config::{Config, DatesConfig, MonthsSetting, Style};
use crate::rules::test_support::{config, run, run_clean, run_table, Case};

/// Copy right by the style given raises nothing.
const CLEAN: &[(Option<Style>, &str)] = &[
    (None, "LANFORD, Ore. (AP) — The council meets on Sept. 19 and again on Oct. 3, “we hope,” 市长 said 🎉."),
    (None, "LANFORD, Ore. (AP) — The plant opened in September 2019 and closed in March, then on March 3, 2020."),
    (None, "LANFORD, Ore. (AP) — Jan Novak said in March 1,500 workers left; on May 5 the 东京 team came."),
    (None, "LANFORD, Ore. (AP) — “It was Sept. 19th, yesterday, in Sept. 2019,” she said — 🎉."),
    (None, "HOUSTON, Jan 27 (Reuters) - Output rose on February 26 and Feb 27 and Jan. 6, said 王."),
    (None, "HOUSTON, Jan 27 (Reuters) - Shares rose today and yesterday, 分析师 said 🎉."),
    (None, "PARIS, Jan 1 (AFP) - The summit of 3 September and Sep 4 and Sept. 5, “oui,” 🎉."),
    (Some(Style::Ap), "The vote is at https://example.org/Sept.-19th and budget@town.example, code `Sept. 19th`."),
    (Some(Style::Ap), "The results:\nSept. 19th   12   14\nSept. 20th   11   15\nSept. 21st   10   16"),
    (Some(Style::Ap), "The hearing opened Tuesday, Sept. 3, 2019, and Tuesday and Wednesday, Sept. 4 and 5."),
    (Some(Style::Ap), "USA Today said the Today show aired."),
    (Some(Style::Ap), "In May, 1500 workers struck; in June, 2000 more and in July, 2000 people."),
];

#[test]
fn clean_copy_raises_nothing() {
    run_clean("dates/", CLEAN);
}

/// Wrong lines: each finding's code, span text and the text after its first fix.
const WRONG: &[Case<'_, Option<Style>>] = &[
    (
        None,
        "LANFORD, Ore. (AP) — “Yes,” 市长 said on September 19 🎉.",
        &[(
            "dates/month-form",
            "September",
            Some("LANFORD, Ore. (AP) — “Yes,” 市长 said on Sept. 19 🎉."),
        )],
    ),
    (
        None,
        "BEIJING, Sept. 19 (Xinhua) -- Talks open Sep. 26 and end Aug 30, 东京 said.",
        &[
            (
                "dates/month-form",
                "Sep.",
                Some("BEIJING, Sept. 19 (Xinhua) -- Talks open Sept. 26 and end Aug 30, 东京 said."),
            ),
            (
                "dates/month-form",
                "Aug",
                Some("BEIJING, Sept. 19 (Xinhua) -- Talks open Sep. 26 and end Aug. 30, 东京 said."),
            ),
        ],
    ),
    (
        None,
        "HOUSTON, Jan 27 (Reuters) - Output fell on Mar 3, “sadly” 🎉.",
        &[(
            "dates/month-form",
            "Mar",
            Some("HOUSTON, Jan 27 (Reuters) - Output fell on March 3, “sadly” 🎉."),
        )],
    ),
    (
        None,
        "PARIS, Jan 1 (AFP) - The summit on Sep. 4 — 東京 — ended.",
        &[(
            "dates/month-form",
            "Sep.",
            Some("PARIS, Jan 1 (AFP) - The summit on Sept. 4 — 東京 — ended."),
        )],
    ),
    (
        None,
        "LANFORD, Ore. (AP) — The vote is set for March 3rd, “finally” 🎉.",
        &[(
            "dates/ordinal",
            "rd",
            Some("LANFORD, Ore. (AP) — The vote is set for March 3, “finally” 🎉."),
        )],
    ),
    (
        None,
        "PARIS, Jan 1 (AFP) - Le sommet du 19th September, 東京.",
        &[(
            "dates/ordinal",
            "th",
            Some("PARIS, Jan 1 (AFP) - Le sommet du 19 September, 東京."),
        )],
    ),
    (
        None,
        "LANFORD, Ore. (AP) — The plant closed in January, 1986, “for good” 🎉.",
        &[(
            "dates/year-comma",
            ",",
            Some("LANFORD, Ore. (AP) — The plant closed in January 1986, “for good” 🎉."),
        )],
    ),
    (
        None,
        "LANFORD, Ore. (AP) — Sales for the week ended February, 1987 were 东京’s best.",
        &[(
            "dates/year-comma",
            ",",
            Some("LANFORD, Ore. (AP) — Sales for the week ended February 1987 were 东京’s best."),
        )],
    ),
    (
        None,
        "LANFORD, Ore. (AP) — Output has fallen since Nov. 2018 and will recover in Feb., 東京 said.",
        &[
            (
                "dates/month-spelled-out",
                "Nov. 2018",
                Some("LANFORD, Ore. (AP) — Output has fallen since November 2018 and will recover in Feb., 東京 said."),
            ),
            (
                "dates/month-spelled-out",
                "Feb.",
                Some("LANFORD, Ore. (AP) — Output has fallen since Nov. 2018 and will recover in February, 東京 said."),
            ),
        ],
    ),
    (
        None,
        "HOUSTON, Jan 27 (Reuters) - Sales peaked in mid-Dec. 🎉 They fell in Sept 1986.",
        &[
            (
                "dates/month-spelled-out",
                "Dec.",
                Some("HOUSTON, Jan 27 (Reuters) - Sales peaked in mid-December. 🎉 They fell in Sept 1986."),
            ),
            (
                "dates/month-spelled-out",
                "Sept 1986",
                Some("HOUSTON, Jan 27 (Reuters) - Sales peaked in mid-Dec. 🎉 They fell in September 1986."),
            ),
        ],
    ),
    (
        Some(Style::Ap),
        "The hearing opened Tuesday, Sept. 4, 2019, “late” 🎉.",
        &[("dates/weekday", "Tuesday, Sept. 4, 2019", None)],
    ),
    (
        None,
        "LANFORD, Ore., March 2, 1987 (AP) — 市长 spoke on Monday, March 3 and Wednesday March 4.",
        &[("dates/weekday", "Monday, March 3", None)],
    ),
    (
        None,
        "LANFORD, Ore. (AP) — The mayor said yesterday that the 东京 bridge would reopen tonight 🎉.",
        &[
            ("dates/relative-day", "yesterday", None),
            ("dates/relative-day", "tonight", None),
        ],
    ),
];

#[test]
fn wrong_copy_raises_exactly_its_findings() {
    run_table("dates/", WRONG);
}

/// The story's year from front matter; a date near the year's end read in the next year.
#[test]
fn weekday_uses_the_story_year_and_the_year_boundary() {
    let text = "---\ndate: 2019-12-30\n---\nVote set\n\nLANFORD, Ore. (AP) — The vote is Thursday, Jan. 2; the count was Monday, Dec. 30, “at last” 🎉; the recount Friday, Jan. 3.\n";
    let found = run(text, Format::Markdown, &config(None), "dates/weekday");
    // Jan. 2, 2020 was a Thursday and Dec. 30, 2019 a Monday; Jan. 3, 2020 a Friday.
    assert!(found.is_empty(), "{found:#?}");
    let wrong = text.replace("Thursday, Jan. 2", "Wednesday, Jan. 2");
    let found = run(&wrong, Format::Markdown, &config(None), "dates/weekday");
    assert_eq!(found.len(), 1, "{found:#?}");
    assert_eq!(found[0].1, "Wednesday, Jan. 2");
    // No year anywhere: nothing is guessed.
    let text = "LANFORD, Ore. (AP) — The vote is Wednesday, Jan. 2.";
    assert!(run(text, Format::Plain, &config(None), "dates/weekday").is_empty());
    // The dateline's year comes from a full date in the lede within a week of its day.
    let text =
        "LANFORD, Ore., Feb 26 - The board met on Feb 25, 1987, and meets again Tuesday, March 3.";
    assert!(run(text, Format::Plain, &config(None), "dates/weekday").is_empty());
    let text = text.replace("Tuesday, March 3", "Monday, March 3");
    assert_eq!(
        run(&text, Format::Plain, &config(None), "dates/weekday").len(),
        1
    );
}

/// With the story's date known, `dates/relative-day` names the day; `today` is offered,
/// not preferred (it may mean "nowadays").
#[test]
fn relative_day_fix_names_the_day() {
    let text = "---\ndate: 2019-08-30\n---\nVote set\n\nLANFORD, Ore. (AP) — The mayor said yesterday that today’s vote and tonight’s count stand 🎉.\n";
    let found = analyze(text, Format::Markdown, &config(None)).findings;
    let rel: Vec<_> = found
        .iter()
        .filter(|f| f.code == "dates/relative-day")
        .map(|f| {
            let fix = &f.fixes[0];
            (
                f.span.text(text),
                fix.edits[0].replacement.as_str(),
                fix.preferred,
            )
        })
        .collect();
    assert_eq!(
        rel,
        [
            ("yesterday", "Thursday", true),
            ("today", "Friday", false),
            ("tonight", "Friday night", true)
        ]
    );
    // Off for Reuters unless the house says so; on with the setting.
    let text = "HOUSTON, Jan 27 (Reuters) - Shares rose yesterday.";
    assert!(run(text, Format::Plain, &config(None), "dates/").is_empty());
    let on = Config {
        dates: DatesConfig {
            relative_days: Some(true),
            ..DatesConfig::default()
        },
        ..Config::default()
    };
    assert_eq!(run(text, Format::Plain, &on, "dates/").len(), 1);
}

/// `[dates] months` pins the form for every style.
#[test]
fn months_setting_pins_the_form() {
    let text = "HOUSTON, Jan 27 (Reuters) - Output rose on February 26 and Feb. 27.";
    let pinned = |m| Config {
        dates: DatesConfig {
            months: Some(m),
            ..DatesConfig::default()
        },
        ..Config::default()
    };
    let spans = |c: &Config| -> Vec<String> {
        run(text, Format::Plain, c, "dates/month-form")
            .into_iter()
            .map(|f| f.1)
            .collect()
    };
    assert!(spans(&config(None)).is_empty());
    assert_eq!(spans(&pinned(MonthsSetting::Reuters)), ["February", "Feb."]);
    assert_eq!(spans(&pinned(MonthsSetting::Ap)), ["February"]);
    assert_eq!(spans(&pinned(MonthsSetting::Full)), ["Feb."]);
}

#[test]
fn calendar_arithmetic() {
    use super::{civil, day_number, weekday_of};
    assert_eq!(weekday_of(1970, 1, 1), 4);
    assert_eq!(weekday_of(2019, 9, 3), 2); // a Tuesday
    assert_eq!(weekday_of(1987, 2, 26), 4); // a Thursday
    assert_eq!(weekday_of(2000, 2, 29), 2);
    for n in [-800_000, -1, 0, 1, 10_957, 18_000, 60_000] {
        let (y, m, d) = civil(n);
        assert_eq!(day_number(y, m, d), n);
    }
}

/// `month_number` reads exactly what the comparison with every form of every month
/// reads (its first three bytes pick the month whose forms it compares).
#[test]
fn month_number_equals_comparing_every_form() {
    use crate::words::{AP_MONTHS, FULL_MONTHS, REUTERS_MONTHS, SHORT_MONTHS};
    let every_form = |word: &str| {
        let bare = word.strip_suffix('.').unwrap_or(word);
        (0..12u8)
            .find(|&i| {
                let i = usize::from(i);
                FULL_MONTHS[i] == word
                    || AP_MONTHS[i] == word
                    || REUTERS_MONTHS[i] == word
                    || SHORT_MONTHS[i] == bare
            })
            .map(|i| i + 1)
    };
    let mut words: Vec<String> = Vec::new();
    for form in FULL_MONTHS
        .iter()
        .chain(&AP_MONTHS)
        .chain(&REUTERS_MONTHS)
        .chain(&SHORT_MONTHS)
    {
        for w in [
            form.to_string(),
            format!("{form}."),
            format!("{form}.."),
            form.to_uppercase(),
            form.to_lowercase(),
            form.trim_end_matches('.').to_string(),
            format!("{form}s"),
            form[..form.len() - 1].to_string(),
        ] {
            words.push(w);
        }
    }
    for w in [
        "",
        "J",
        "Ja",
        "Jan",
        "Marc",
        "Mar.",
        "Mayor",
        "Junk",
        "Sep.",
        "Sept",
        "Septe",
        "Dec.",
        "Decembers",
        "Octo",
        "Nov..",
        "Feb’",
        "東京",
        "Ma🎉",
        "The",
        "June.",
        "March.",
    ] {
        words.push(w.to_string());
    }
    for w in &words {
        assert_eq!(super::month_number(w), every_form(w), "{w:?}");
    }
}
