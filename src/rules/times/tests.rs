//! The `times/*` table: correct copy raises nothing; each wrong line raises exactly the
//! findings listed (code, span, text after the first fix), with curly quotes, an em dash,
//! CJK and emoji on the lines.

use crate::article::Format;
use crate::config::{Config, MeridiemSetting, Style, TimesConfig};
use crate::rules::test_support::{config, run, run_clean, run_table, Case};

const CLEAN: &[(Option<Style>, &str)] = &[
    (None, "LANFORD, Ore. (AP) — Polls open at 7 a.m. and close at 8:30 p.m., “on time,” 市长 said 🎉."),
    (None, "LANFORD, Ore. (AP) — The market reopens at noon and closes at midnight — 東京 too."),
    (None, "HOUSTON, Jan 27 (Reuters) - Trading resumed at 1430 GMT and at 9am, 10 AM and 9.30 am, 分析师 said."),
    (None, "PARIS, Jan 1 (AFP) - The match starts at 20:45 and ends at 10:30 p.m. 🎉"),
    (None, "LANFORD, Ore. (AP) — “We start at 9 am this morning,” she said; 12 of them came."),
    (Some(Style::Ap), "Lines at https://example.org/9am and `12 p.m.` and <TXN.N> stay."),
    (Some(Style::Ap), "The 9 p.m. this morning is a typo left to the writer, and 12:30 p.m. is fine."),
];

#[test]
fn clean_copy_raises_nothing() {
    run_clean("times/", CLEAN);
}

const WRONG: &[Case<'_, Option<Style>>] = &[
    (
        None,
        "LANFORD, Ore. (AP) — Polls open at 7:00 AM, “early,” 市长 said 🎉.",
        &[(
            "times/meridiem",
            "7:00 AM",
            Some("LANFORD, Ore. (AP) — Polls open at 7 a.m., “early,” 市长 said 🎉."),
        )],
    ),
    (
        None,
        "LANFORD, Ore. (AP) — Doors close at 8pm. 東京 waits.",
        &[(
            "times/meridiem",
            "8pm",
            Some("LANFORD, Ore. (AP) — Doors close at 8 p.m. 東京 waits."),
        )],
    ),
    (
        None,
        "BEIJING, Sept. 19 (Xinhua) -- Talks open at 9 A.M. and 2.30 pm — 🎉.",
        &[
            (
                "times/meridiem",
                "9 A.M.",
                Some("BEIJING, Sept. 19 (Xinhua) -- Talks open at 9 a.m. and 2.30 pm — 🎉."),
            ),
            (
                "times/meridiem",
                "2.30 pm",
                Some("BEIJING, Sept. 19 (Xinhua) -- Talks open at 9 A.M. and 2:30 p.m. — 🎉."),
            ),
        ],
    ),
    (
        None,
        "HOUSTON, Jan 27 (Reuters) - Trading halted at 10 a.m EST, 分析师 said.",
        &[(
            "times/meridiem",
            "10 a.m",
            Some("HOUSTON, Jan 27 (Reuters) - Trading halted at 10 a.m. EST, 分析师 said."),
        )],
    ),
    (
        None,
        "LANFORD, Ore. (AP) — The curfew runs from 12 a.m. to 6 a.m.; “fine,” 市长 said at 12 noon 🎉.",
        &[
            (
                "times/noon-midnight",
                "12 a.m.",
                Some("LANFORD, Ore. (AP) — The curfew runs from midnight to 6 a.m.; “fine,” 市长 said at 12 noon 🎉."),
            ),
            (
                "times/noon-midnight",
                "12 noon",
                Some("LANFORD, Ore. (AP) — The curfew runs from 12 a.m. to 6 a.m.; “fine,” 市长 said at noon 🎉."),
            ),
        ],
    ),
    (
        None,
        "PARIS, Jan 1 (AFP) - Le vote à 12 p.m. Then 東京.",
        &[(
            "times/noon-midnight",
            "12 p.m.",
            Some("PARIS, Jan 1 (AFP) - Le vote à noon. Then 東京."),
        )],
    ),
    (
        None,
        "LANFORD, Ore. (AP) — The minister lands at 9 a.m. this morning and leaves at 10 p.m. Monday night 🎉.",
        &[
            (
                "times/redundant",
                "9 a.m. this morning",
                Some("LANFORD, Ore. (AP) — The minister lands at 9 a.m. today and leaves at 10 p.m. Monday night 🎉."),
            ),
            (
                "times/redundant",
                "10 p.m. Monday night",
                Some("LANFORD, Ore. (AP) — The minister lands at 9 a.m. this morning and leaves at 10 p.m. Monday 🎉."),
            ),
        ],
    ),
    (
        None,
        "HOUSTON, Jan 27 (Reuters) - Markets shut at 4 pm in the afternoon, 分析师 said.",
        &[(
            "times/redundant",
            "4 pm in the afternoon",
            Some("HOUSTON, Jan 27 (Reuters) - Markets shut at 4 pm, 分析师 said."),
        )],
    ),
];

#[test]
fn wrong_copy_raises_exactly_its_findings() {
    run_table("times/", WRONG);
}

/// `[times] meridiem` pins the form for every style.
#[test]
fn meridiem_setting_pins_the_form() {
    let text = "HOUSTON, Jan 27 (Reuters) - Trading resumed at 9am.";
    let with = |m| Config {
        times: TimesConfig { meridiem: Some(m) },
        ..Config::default()
    };
    assert!(run(text, Format::Plain, &config(None), "times/").is_empty());
    let found = run(text, Format::Plain, &with(MeridiemSetting::Ap), "times/");
    assert_eq!(
        found,
        [(
            "times/meridiem",
            "9am".to_string(),
            Some("HOUSTON, Jan 27 (Reuters) - Trading resumed at 9 a.m.".to_string())
        )]
    );
    let ap = "LANFORD, Ore. (AP) — Trading resumed at 9am.";
    assert!(run(ap, Format::Plain, &with(MeridiemSetting::Lenient), "times/").is_empty());
}
