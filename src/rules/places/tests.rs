//! Table tests for `places/*` (the harness is `rules::test_support`).

use crate::config::{Config, Style};
use crate::rules::test_support::{findings, findings_with, fixed, run_table, Case};

const D: &str = "SPRINGFIELD, Ill. (AP) — ";

#[test]
fn places_table() {
    use Style::*;
    let cases: &[Case<'_>] = &[
        // Correct copy raises nothing.
        (Ap, "CHICAGO (AP) — The plant in Lombard, Illinois, will close, said Sen. Ann Ode (D-Ill.) 🎉.", &[]),
        (Ap, "DALLAS (AP) — “We love Lombard, Ill.,” she said of 東京. Write to 12 Oak St., Lombard, IL 60148.", &[]),
        (Ap, "DALLAS (AP) — The U.S. team met in Paris, Texas, and in Geneva; Kenji Ode of 東京 went to Chicago.", &[]),
        (Ap, "DALLAS (AP) — Shares of Texas Instruments <TXN.N> and US Airways rose; see https://x.us/US.", &[]),
        (Reuters, "LOMBARD, Ill., March 3 - The plant in Lombard, Ill., and the U.S. unit 🎉 will close.", &[]),
        (Afp, "PARIS (AFP) - The US envoy met “U.S. officials” in Paris, France.", &[]),
        (Generic, "The US plan for Lombard, Ill., was set.", &[]),
        // Incorrect copy: code, span, fix.
        (Ap, "DALLAS (AP) — The plant in Lombard, Ill., will close 🎉.", &[(
            "places/state-name", "Ill.",
            Some("DALLAS (AP) — The plant in Lombard, Illinois, will close 🎉."),
        )]),
        (Ap, "DALLAS (AP) — “Yes,” 東京 fans said. They moved to Fresno, CA in May.", &[(
            "places/state-name", "CA",
            Some("DALLAS (AP) — “Yes,” 東京 fans said. They moved to Fresno, California in May."),
        )]),
        (Ap, "DALLAS (AP) — The team left for Tulsa, Okla. It won.", &[(
            "places/state-name", "Okla.",
            Some("DALLAS (AP) — The team left for Tulsa, Oklahoma. It won."),
        )]),
        (Ap, "DALLAS (AP) — The US economy 🎉 grew, “sharply,” in the US.", &[
            ("places/us-in-text", "US", Some("DALLAS (AP) — The U.S. economy 🎉 grew, “sharply,” in the US.")),
            ("places/us-in-text", "US.", Some("DALLAS (AP) — The US economy 🎉 grew, “sharply,” in the U.S.")),
        ]),
        (Afp, "PARIS (AFP) - Talks with U.S. envoys 🎉 ended in the U.S.", &[
            ("places/us-in-text", "U.S.", Some("PARIS (AFP) - Talks with US envoys 🎉 ended in the U.S.")),
            ("places/us-in-text", "U.S.", Some("PARIS (AFP) - Talks with U.S. envoys 🎉 ended in the US.")),
        ]),
        (Ap, "DALLAS (AP) — The talks in Geneva, Switzerland, ended “well” 東京.", &[(
            "places/standalone-city", "Switzerland",
            Some("DALLAS (AP) — The talks in Geneva ended “well” 東京."),
        )]),
        (Ap, "DALLAS (AP) — She flew to Chicago, Ill. 🎉 Then home.", &[(
            "places/standalone-city", "Ill.",
            Some("DALLAS (AP) — She flew to Chicago. 🎉 Then home."),
        )]),
        (Ap, "DALLAS (AP) — She lives in Paris, France.", &[(
            "places/standalone-city", "France",
            Some("DALLAS (AP) — She lives in Paris."),
        )]),
    ];
    run_table("places/", cases);
    // The dateline's own state is the dateline rules' business.
    let t = format!("{D}The plant will close.");
    assert!(findings(Ap, &t, "places/").is_empty());
}

#[test]
fn headlines_write_us_in_configured_ap() {
    let t = "U.S. and Mexico sign “water” pact 🎉\n\nDALLAS (AP) — The U.S. signed.";
    let f = findings(Style::Ap, t, "places/");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].code, "places/us-in-headline");
    assert_eq!(f[0].span, crate::span::Span::new(0, 4));
    assert_eq!(
        fixed(t, &f[0]),
        "US and Mexico sign “water” pact 🎉\n\nDALLAS (AP) — The U.S. signed."
    );
    // Inferred from the credit: AP headlines before the change wrote `U.S.`.
    let inferred = findings_with(&Config::default(), t, "places/");
    assert!(inferred.is_empty(), "{inferred:#?}");
}

#[test]
fn house_settings_change_the_form() {
    let mut config = Config::from_toml(
        "style = \"reuters\"\n[places]\nstates = \"abbreviated\"\nus = \"any\"\n",
    )
    .unwrap();
    let t = "HOUSTON, Jan 27 (Reuters) - The US plant in Fresno, California 🎉 closed.";
    let f = findings_with(&config, t, "places/");
    assert_eq!(f.len(), 1, "{f:#?}");
    assert_eq!(f[0].span.text(t), "California");
    assert_eq!(
        fixed(t, &f[0]),
        "HOUSTON, Jan 27 (Reuters) - The US plant in Fresno, Calif. 🎉 closed."
    );
    config.places.states = Some(crate::config::StateNames::Any);
    assert!(findings_with(&config, t, "places/").is_empty());
}
