use super::dateline;
use super::profile::{self, StateForm};
use crate::declare_rule;
use crate::gazetteer;
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};

declare_rule! {
    /// A U.S. state in a dateline is not in AP dateline form.
    ///
    /// Datelines abbreviate states the AP way: `Ala.`, `Calif.`, `Ill.`, `N.Y.`, `W.Va.`;
    /// eight are never abbreviated: Alaska, Hawaii, Idaho, Iowa, Maine, Ohio, Texas, Utah.
    /// Postal codes (`IL`) belong in addresses only. Xinhua may write the country
    /// (`United States`) instead; the permissive styles (Reuters, AFP, Bloomberg, generic)
    /// also accept the full name but not postal codes or old abbreviations (`Tex.`).
    ///
    /// ## Example
    ///
    /// ```text
    /// LOMBARD, Illinois, March 3 (UPI) -- The village board ...
    /// ```
    ///
    /// Write instead `LOMBARD, Ill., March 3 (UPI) -- `. The quick fix writes the AP form.
    pub struct StateFormRule {
        code: "dateline/state-form",
        severity: Warning,
        summary: "a U.S. state is not in AP dateline form",
    }
}

impl Rule for StateFormRule {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((d, p)) = dateline(cx) else { return };
        let g = gazetteer::gazetteer();
        let place = d.place.text(cx.text);
        for &region in &d.regions {
            let text = region.text(cx.text);
            let Some(state) = profile::state(text) else {
                continue;
            };
            if text == state.ap {
                continue;
            }
            // The permissive styles accept the full name and the AP form in any case and
            // with or without periods (`Ill.`, `ILL.`, `Ill`, `Illinois`); not postal codes
            // or old abbreviations (`Tex.`, `Penn.`).
            if p.state_form == StateForm::Lenient {
                let sq = |s: &str| -> String {
                    s.chars()
                        .filter(|c| *c != '.' && *c != ' ')
                        .flat_map(char::to_uppercase)
                        .collect()
                };
                let postal = text.len() == 2 && text.eq_ignore_ascii_case(state.postal);
                if !postal && (sq(text) == sq(state.ap) || sq(text) == sq(state.name)) {
                    continue;
                }
            }
            // `TBILISI, Georgia`: the country, not the state.
            if let Some(country) = g.country(text) {
                let in_country = g.region_contains(gazetteer::Region::Country(country), place);
                let in_state = g
                    .state_by_postal(state.postal)
                    .is_some_and(|s| g.region_contains(gazetteer::Region::State(s), place));
                if in_country && !in_state {
                    continue;
                }
            }
            let why = if text.len() == 2 && text == state.postal {
                "postal codes are for addresses"
            } else if state.ap == state.name {
                "this state is never abbreviated"
            } else {
                "datelines use the AP abbreviation"
            };
            out.push(
                Finding::new(
                    &Self::META,
                    region,
                    super::styled(
                        cx,
                        format!("write the state as `{}`, not `{text}`: {why}", state.ap,),
                    ),
                )
                .with_fix(Fix::replace(
                    format!("Write `{}`", state.ap),
                    region,
                    state.ap,
                )),
            );
        }
    }
}
