use super::{dateline, distinct_cities, listed, read_region, region_form};
use crate::declare_rule;
use crate::gazetteer;
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};

declare_rule! {
    /// The dateline region does not contain the place, by the gazetteer.
    ///
    /// `ST. PETERSBURG, Fla.` and `ST. PETERSBURG, Russia` are both right; `ST. PETERSBURG,
    /// Texas` is not: the gazetteer knows no St. Petersburg in Texas. Only regions the
    /// gazetteer can read (U.S. states and countries) are checked, and only places it knows.
    /// The gazetteer holds towns of 15,000 people or more: a smaller namesake may be right;
    /// add `"PLACE, Region"` to `places` under `[dateline]` to accept it.
    ///
    /// ## Example
    ///
    /// ```text
    /// ST. PETERSBURG, Texas, Sept. 19 (UPI) -- ...
    /// ```
    ///
    /// Write instead `ST. PETERSBURG, Fla., Sept. 19 (UPI) -- ` (or `Russia`).
    pub struct RegionMismatch {
        code: "dateline/region-mismatch",
        severity: Warning,
        summary: "the dateline region does not contain the place",
    }
}

/// A U.S. namesake this big makes a state mismatch worth reporting.
const BIG_CITY: u32 = 200_000;

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
        // The gazetteer holds no U.S. town under 15,000 people, and many share a name with
        // a bigger place elsewhere (`OAKLAND, N.J.`, `LIVERPOOL, N.Y.`). Under a U.S. state
        // only a mistake with a big U.S. namesake is worth a finding (`ST. PETERSBURG,
        // Texas`).
        if reads
            .iter()
            .all(|(_, rr)| rr.state.is_some() && rr.country.is_none())
        {
            let big_us = cities
                .iter()
                .any(|c| c.country == "US" && c.population >= BIG_CITY);
            if !big_us {
                return;
            }
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
