//! The table test of `percent/*` (the harness is `rules::test_support::marked`).

use crate::config::Style::{Afp, Ap, Bloomberg, Generic, Reuters, Upi, Xinhua};
use crate::rules::test_support::marked::{bad, covers_every_rule, ok, run_table, Case};

const FORM: &str = "percent/form";
const ZERO: &str = "percent/leading-zero";

const CASES: &[Case] = &[
    // percent/form: AP writes `%`.
    bad(
        Ap,
        "Prices rose ⟦3.1 percent⟧ in May.",
        FORM,
        "Prices rose 3.1% in May.",
    ),
    bad(
        Ap,
        "A ⟦4.5-percent⟧ rise — 東京 too 📈.",
        FORM,
        "A 4.5% rise — 東京 too 📈.",
    ),
    bad(
        Ap,
        "It fell ⟦2 per cent⟧, “a lot.”",
        FORM,
        "It fell 2%, “a lot.”",
    ),
    bad(Ap, "It fell ⟦2 pct⟧.", FORM, "It fell 2%."),
    ok(Ap, "Prices rose 3.1% in May, 0.5 percentage point more."),
    ok(
        Ap,
        "Rates rose 2 percentage points; a percent of voters agreed.",
    ),
    ok(Ap, "“Prices rose 3 percent,” said Lin 😀."),
    // Xinhua writes `percent`.
    bad(
        Xinhua,
        "Exports grew ⟦4.5%⟧ to 東京 🚢.",
        FORM,
        "Exports grew 4.5 percent to 東京 🚢.",
    ),
    bad(
        Xinhua,
        "Exports grew ⟦4.5 per cent⟧.",
        FORM,
        "Exports grew 4.5 percent.",
    ),
    ok(Xinhua, "Exports grew 4.5 percent, a 4.5-percent growth."),
    // No form is checked for the other houses unless set.
    ok(Reuters, "It rose 5 pct, 5% and 5 percent."),
    ok(Upi, "It rose 5%, 5 percent."),
    ok(Afp, "It rose 5%, 5 per cent."),
    ok(Bloomberg, "It rose 5%, 5 percent."),
    ok(Generic, "It rose 5%, 5 percent."),
    Case {
        config: Some("[percent]\nform = \"pct\"\n"),
        ..bad(Reuters, "Net rose ⟦5 percent⟧.", FORM, "Net rose 5 pct.")
    },
    Case {
        config: Some("[percent]\nform = \"sign\"\n"),
        ..bad(
            Xinhua,
            "Exports grew ⟦4.5 percent⟧.",
            FORM,
            "Exports grew 4.5%.",
        )
    },
    Case {
        config: Some("[percent]\nform = \"any\"\n"),
        ..ok(Ap, "Prices rose 3.1 percent.")
    },
    // percent/leading-zero
    bad(
        Ap,
        "Unemployment fell ⟦.6%⟧ in March.",
        ZERO,
        "Unemployment fell 0.6% in March.",
    ),
    bad(
        Xinhua,
        "Output rose ⟦.25 percent⟧ in 東京 🏭.",
        ZERO,
        "Output rose 0.25 percent in 東京 🏭.",
    ),
    bad(Reuters, "Net rose (⟦.5 pct⟧).", ZERO, "Net rose (0.5 pct)."),
    bad(
        Generic,
        "It rose “only” ⟦.6 per cent⟧.",
        ZERO,
        "It rose “only” 0.6 per cent.",
    ),
    ok(
        Ap,
        "Unemployment fell 0.6% in March; a .22 caliber rifle and www.x.com/.6% too.",
    ),
    ok(Ap, "“It fell .6%,” she said."),
];

#[test]
fn percent_table() {
    run_table(CASES);
}

#[test]
fn the_table_covers_every_rule() {
    covers_every_rule(CASES, super::RULES);
}
