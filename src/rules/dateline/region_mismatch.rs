use super::{dateline, distinct_cities, listed, profile, read_region, region_form};
use crate::declare_rule;
use crate::gazetteer;
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};

declare_rule! {
    /// The dateline names a country that does not hold the place, which the gazetteer
    /// knows to be elsewhere.
    ///
    /// `BRISBANE, Canada` is flagged: the gazetteer knows Brisbane, a city of two million,
    /// in Australia, and no Brisbane in Canada. The gazetteer holds towns of 15,000 people
    /// or more, so a small namesake is always possible (`LORETO, Italy`, `SUN CITY, South
    /// Africa`, `NEWCASTLE, England`): the rule speaks only when the place it knows is
    /// prominent (a national capital or a city of a million or more), and never under a
    /// U.S. state, where most names of cities abroad have a small namesake (`PARIS, Tenn.`,
    /// `OAKLAND, N.J.`). A place the gazetteer does not know is never a mismatch (at most
    /// `dateline/unknown-place`); nor are islands, regions or descriptive places (`BALI,
    /// Indonesia`, `JABALYA REFUGEE CAMP, Gaza Strip`). Add `"PLACE, Region"` to `places`
    /// under `[dateline]` to accept a namesake.
    ///
    /// ## Example
    ///
    /// ```text
    /// BRISBANE, Canada, Jan. 1 (Xinhua) -- ...
    /// ```
    ///
    /// Write instead `BRISBANE, Australia, Jan. 1 (Xinhua) -- `.
    pub struct RegionMismatch {
        code: "dateline/region-mismatch",
        severity: Warning,
        summary: "the dateline country does not hold the place, known to be elsewhere",
    }
}

/// A place this big (or a national capital) has no namesake a desk would date a story
/// from without saying so.
const PROMINENT: u32 = 1_000_000;

impl Rule for RegionMismatch {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((d, _)) = dateline(cx) else { return };
        if d.places.len() != 1 {
            return;
        }
        let place = d.place.text(cx.text);
        let cities = distinct_cities(place);
        if cities.is_empty() || d.regions.is_empty() {
            return;
        }
        let full = format!(
            "{place}, {}",
            d.regions
                .iter()
                .map(|r| r.text(cx.text))
                .collect::<Vec<_>>()
                .join(", ")
        );
        if listed(&cx.config.dateline.places, &gazetteer::key(&full)) {
            return;
        }
        let reads: Vec<_> = d
            .regions
            .iter()
            .map(|&r| (r, read_region(r.text(cx.text))))
            .filter(|(_, rr)| rr.is_known())
            .collect();
        let Some(&(first, _)) = reads.first() else {
            return;
        };
        if reads.iter().any(|(_, rr)| rr.contains(place)) {
            return;
        }
        // Under a U.S. state the gazetteer's gaps are too many (`OAKLAND, N.J.`): only a
        // country is checked, and only for a place the gazetteer knows to be prominent.
        if reads.iter().any(|(_, rr)| rr.state.is_some()) {
            return;
        }
        let prominent = cities.iter().any(|c| {
            c.population >= PROMINENT
                || profile::CAPITALS
                    .iter()
                    .any(|(name, cc)| *cc == c.country && *name == gazetteer::key(c.ascii))
        });
        if !prominent || super::descriptive_place(place) {
            return;
        }
        let known: Vec<String> = cities
            .iter()
            .take(4)
            .filter_map(|c| region_form(c))
            .collect();
        let region_text = first.text(cx.text);
        let mut f = Finding::new(
            &Self::META,
            first,
            format!(
                "the gazetteer knows no `{place}` in `{region_text}`; it knows one in {}",
                known.join(", ")
            ),
        );
        for k in known.iter().take(3) {
            f = f.with_fix(
                Fix::replace(format!("Change the region to `{k}`"), first, k.clone())
                    .not_preferred(),
            );
        }
        out.push(f);
    }
}
