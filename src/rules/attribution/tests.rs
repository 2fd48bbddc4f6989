//! Table tests for `attribution/*`.

use crate::config::Style::*;
use crate::rules::test_support::{run_table, Case};

#[test]
fn attribution_table() {
    let cases: &[Case<'_>] = &[
        (
            Ap,
            "DALLAS (AP) — “We will rebuild 🎉,” the mayor said. A noted author of 東京 came.",
            &[],
        ),
        (
            Ap,
            "DALLAS (AP) — “He stated his case,” Okafor said. She noted the rise.",
            &[],
        ),
        (
            Ap,
            "DALLAS (AP) — “Then, she said, we left,” Okafor said of 東京.",
            &[],
        ),
        (Generic, "“We will rebuild,” the mayor stated.", &[]),
        (
            Ap,
            "DALLAS (AP) — “We will rebuild 🎉,” the mayor stated.",
            &[(
                "attribution/said",
                "stated",
                Some("DALLAS (AP) — “We will rebuild 🎉,” the mayor said."),
            )],
        ),
        (
            Reuters,
            "LONDON (Reuters) - “It is over,” remarked Maria Okafor of 東京.",
            &[(
                "attribution/said",
                "remarked",
                Some("LONDON (Reuters) - “It is over,” said Maria Okafor of 東京."),
            )],
        ),
        (
            Ap,
            "DALLAS (AP) — Maria Okafor noted: “It is over 🎉.”",
            &[(
                "attribution/said",
                "noted",
                Some("DALLAS (AP) — Maria Okafor said: “It is over 🎉.”"),
            )],
        ),
        (
            Ap,
            "DALLAS (AP) — Maria Okafor 🎉 spoke. She added that 東京 was next.",
            &[],
        ),
        (
            Ap,
            "DALLAS (AP) — Maria Okafor 🎉 spoke. She noted that 東京 was next.",
            &[(
                "attribution/said",
                "noted",
                Some("DALLAS (AP) — Maria Okafor 🎉 spoke. She said that 東京 was next."),
            )],
        ),
        (
            Ap,
            "DALLAS (AP) — “We will go on 🎉, the minister said.”",
            &[(
                "attribution/inside-quotation",
                "the minister said",
                Some("DALLAS (AP) — “We will go on 🎉,” the minister said."),
            )],
        ),
    ];
    run_table("attribution/", cases);
}
