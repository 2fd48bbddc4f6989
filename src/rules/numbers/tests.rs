//! The table test of `numbers/*`: each case is one body paragraph of a small story checked
//! in a house style; `⟦…⟧` marks the one span that must be reported, and the case gives the
//! code and the paragraph after the fix (the harness is `rules::test_support::marked`).

use crate::config::Style;
use crate::rules::test_support::marked::{bad, bad_no_fix, covers_every_rule, ok, run_table, Case};

use Style::{Afp, Ap, Bloomberg, Generic, Reuters, Upi, Xinhua};

const SMALL: &str = "numbers/small-in-words";
const LARGE: &str = "numbers/large-in-figures";
const START: &str = "numbers/sentence-start";
const MILLIONS: &str = "numbers/millions";
const CENTS: &str = "numbers/zero-cents";
const CURRENCY: &str = "numbers/currency-repeated";
const RANGE: &str = "numbers/range-unit";
const DECADE: &str = "numbers/decade";

const CASES: &[Case] = &[
    // numbers/small-in-words
    bad(
        Ap,
        "Police said ⟦3⟧ people were hurt.",
        SMALL,
        "Police said three people were hurt.",
    ),
    bad(
        Reuters,
        "The storm killed ⟦7⟧ villagers in 東京’s suburbs 🌧.",
        SMALL,
        "The storm killed seven villagers in 東京’s suburbs 🌧.",
    ),
    bad(
        Xinhua,
        "“It was hard,” said Lin — and ⟦2⟧ children cried.",
        SMALL,
        "“It was hard,” said Lin — and two children cried.",
    ),
    bad(
        Generic,
        "Only ⟦1⟧ person escaped.",
        SMALL,
        "Only one person escaped.",
    ),
    ok(Ap, "“We saw 3 people,” said Lin."),
    ok(Ap, "The boy is 5 and his sister 3."),
    ok(Ap, "Police said 3 dogs and 12 cats were found."),
    ok(Ap, "The crash killed 7 people and injured 24."),
    bad(
        Ap,
        "It spent 230 million dollars in the other ⟦3⟧ countries.",
        SMALL,
        "It spent 230 million dollars in the other three countries.",
    ),
    // Whether firms and countries are "the same kind" is beyond a checker: silent.
    ok(Reuters, "Acme beat 12 other firms from 7 countries."),
    bad(
        Reuters,
        "Acme paid 12 mln dlrs to ⟦7⟧ firms.",
        SMALL,
        "Acme paid 12 mln dlrs to seven firms.",
    ),
    ok(
        Ap,
        "The No. 3 players met in Room 4; 4 x 4 vehicles and type 2 diabetes patients too.",
    ),
    ok(Ap, "Apollo 9 astronauts and Channel 4 reporters arrived."),
    ok(
        Ap,
        "Council voted 5-4 to approve it; 3-year-old children attend.",
    ),
    ok(
        Ap,
        "It rose 3% and cost $5; 5 feet of snow fell at 5 p.m. on Jan. 5.",
    ),
    ok(
        Ap,
        "Write to `the 3 people` or see <ACME 3 people> and x@3 people.",
    ),
    ok(
        Ap,
        "Classes for children aged 5 to 7 start in 2024 with 3 teachers and 14 pupils.",
    ),
    ok(Ap, "One in 5 people said so, and 1 in 3 residents agreed."),
    // numbers/large-in-figures
    bad(
        Ap,
        "The fire destroyed ⟦twelve⟧ homes.",
        LARGE,
        "The fire destroyed 12 homes.",
    ),
    bad(
        Afp,
        "Some ⟦twenty-five⟧ soldiers — 東京 veterans 🎖 — marched.",
        LARGE,
        "Some 25 soldiers — 東京 veterans 🎖 — marched.",
    ),
    ok(Ap, "Twelve homes burned."),
    ok(
        Ap,
        "The fire destroyed 12 homes and nine cars; one hundred and twenty people fled.",
    ),
    bad(
        Ap,
        "It razed 12 homes and ⟦forty-two⟧ cars.",
        LARGE,
        "It razed 12 homes and 42 cars.",
    ),
    ok(Ap, "“Twelve people, maybe twenty people,” she said."),
    ok(
        Ap,
        "The Twelve Apostles and the Fab Four played; one hundred twenty people came.",
    ),
    ok(Ap, "A dozen people and hundreds of workers came."),
    // numbers/sentence-start
    bad(
        Ap,
        "⟦12⟧ people were hurt in the blast.",
        START,
        "Twelve people were hurt in the blast.",
    ),
    bad(
        Upi,
        "The roof fell. ⟦3⟧ workers were hurt, said Lin 😢.",
        START,
        "The roof fell. Three workers were hurt, said Lin 😢.",
    ),
    bad(
        Bloomberg,
        "“We won.” ⟦25⟧ fans stayed.",
        START,
        "“We won.” Twenty-five fans stayed.",
    ),
    bad_no_fix(Ap, "⟦2,500⟧ people marched.", START),
    ok(Ap, "1987 was a good year for the city."),
    ok(Ap, "Twelve people were hurt."),
    ok(Ap, "“12 people were hurt,” she said."),
    ok(Ap, "3M Co. and 7-Eleven Inc. were named."),
    ok(Ap, "The talks ended. 10 Downing Street said nothing."),
    // numbers/millions
    bad(
        Ap,
        "The city will spend ⟦$5,000,000⟧ on the bridge.",
        MILLIONS,
        "The city will spend $5 million on the bridge.",
    ),
    bad(
        Reuters,
        "It sold ⟦1,200,000⟧ tickets to 東京 fans 🎫.",
        MILLIONS,
        "It sold 1.2 million tickets to 東京 fans 🎫.",
    ),
    bad(
        Xinhua,
        "The fund holds ⟦€3,000,000,000⟧ — a record.",
        MILLIONS,
        "The fund holds €3 billion — a record.",
    ),
    ok(
        Ap,
        "It sold 1,234,567 tickets, 1,250,000 stamps and 999,000 programs.",
    ),
    ok(Ap, "“We need $5,000,000,” the mayor said."),
    // numbers/zero-cents
    bad(
        Ap,
        "Tickets cost ⟦$12.00⟧ at the door.",
        CENTS,
        "Tickets cost $12 at the door.",
    ),
    bad(
        Afp,
        "A “fair” price — ⟦€40.00⟧ — for 東京 🍣.",
        CENTS,
        "A “fair” price — €40 — for 東京 🍣.",
    ),
    ok(Ap, "Tickets cost $12 or $12.50 at the door."),
    // numbers/currency-repeated
    bad(
        Ap,
        "The league paid ⟦$5 million dollars⟧ for the land.",
        CURRENCY,
        "The league paid $5 million for the land.",
    ),
    bad(
        Upi,
        "It cost ⟦$5 dollars⟧, said “Lin” 👍.",
        CURRENCY,
        "It cost $5, said “Lin” 👍.",
    ),
    ok(
        Ap,
        "It paid $5 million and 5 million Hong Kong dollars, or $3 Canadian dollars.",
    ),
    // numbers/range-unit
    bad(
        Ap,
        "Repairs will cost ⟦$12-14 million⟧.",
        RANGE,
        "Repairs will cost $12 million to $14 million.",
    ),
    bad(
        Reuters,
        "Bids of ⟦$1.2 to $1.5 billion⟧ came from 東京 🏦.",
        RANGE,
        "Bids of $1.2 billion to $1.5 billion came from 東京 🏦.",
    ),
    bad(
        Ap,
        "It will cost ⟦$12–$14 million⟧, “at most.”",
        RANGE,
        "It will cost $12 million to $14 million, “at most.”",
    ),
    ok(
        Ap,
        "Repairs will cost $12 million to $14 million, or $3-4 each.",
    ),
    // numbers/decade
    bad(
        Ap,
        "The plant was built in the ⟦1970's⟧.",
        DECADE,
        "The plant was built in the 1970s.",
    ),
    bad(
        Ap,
        "It closed in the mid-⟦1990’s⟧ — 東京 too 🏭.",
        DECADE,
        "It closed in the mid-1990s — 東京 too 🏭.",
    ),
    bad(
        Xinhua,
        "Music of the ⟦’80’s⟧ played.",
        DECADE,
        "Music of the ’80s played.",
    ),
    ok(
        Ap,
        "The 1990s and the ’90s were good; 1990's budget was not.",
    ),
];

#[test]
fn numbers_table() {
    run_table(CASES);
}

#[test]
fn the_table_covers_every_rule_and_style() {
    covers_every_rule(CASES, super::RULES);
    for style in Style::ALL {
        assert!(
            CASES.iter().any(|c| c.style == style),
            "{style} has no case"
        );
    }
}

#[test]
fn spell_out_below_moves_the_line() {
    run_table(&[
        Case {
            config: Some("[numbers]\nspell_out_below = 0\n"),
            ..ok(Ap, "Police said 3 people and twelve soldiers came.")
        },
        Case {
            config: Some("[numbers]\nspell_out_below = 5\n"),
            ..ok(Ap, "Police said 7 people came.")
        },
        Case {
            config: Some("[numbers]\nmillion_word = \"mln\"\n"),
            ..bad(
                Reuters,
                "It lent ⟦3,000,000⟧ dlrs.",
                MILLIONS,
                "It lent 3 mln dlrs.",
            )
        },
        Case {
            config: Some("[numbers]\nspell_out_below = 5\n"),
            ..bad(
                Ap,
                "Police said ⟦eight⟧ people came.",
                LARGE,
                "Police said 8 people came.",
            )
        },
    ]);
}

#[test]
fn number_words() {
    use super::{from_words, in_words};
    for n in 0..100 {
        let w = in_words(n).unwrap();
        if n >= 10 {
            assert_eq!(from_words(&w), Some(n), "{w}");
        }
    }
    assert_eq!(in_words(25).as_deref(), Some("twenty-five"));
    assert_eq!(from_words("Twenty-Five"), Some(25));
    assert_eq!(from_words("twenty-zero"), None);
    assert_eq!(from_words("nine"), Some(9));
    assert_eq!(from_words("zero"), None);
    assert_eq!(in_words(100), None);
    assert_eq!(super::millions::round_form("1,250,000"), None);
    assert_eq!(
        super::millions::round_form("12,000,000,000").as_deref(),
        Some("12 billion")
    );
    assert_eq!(
        super::millions::round_form("4,800,000").as_deref(),
        Some("4.8 million")
    );
    assert_eq!(super::millions::round_form("1,234,567"), None);
    assert_eq!(super::millions::round_form("999,000"), None);
}

#[test]
fn count_nouns_are_sorted() {
    assert!(super::COUNT_NOUNS.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn tables_of_results() {
    assert!(super::is_table("Net 12.6 mln vs 15.8 mln"));
    assert!(super::is_table("12 mths"));
    assert!(super::is_table("30 to less than 60 days unquoted (4.13)"));
    assert!(super::is_table(
        "Leeds 2 Hull 1\nYork 3 Bury 0\nDerby 1 Stoke 1"
    ));
    assert!(!super::is_table("Police said 3 people were hurt."));
    assert!(!super::is_table("The vote was 5-4"));
}
