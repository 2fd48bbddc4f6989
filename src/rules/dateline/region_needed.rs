use super::{dateline, distinct_cities, region_form, standalone};
use crate::declare_rule;
use crate::gazetteer;
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};
use crate::span::Span;

declare_rule! {
    /// A dateline place that does not stand alone is given without its state or country.
    ///
    /// AP, UPI and Xinhua let only a short list of cities stand alone (AP's U.S. list:
    /// `CHICAGO`, `DALLAS`, ...; the foreign list: `LONDON`, `TOKYO`, ...; Xinhua adds
    /// `UNITED NATIONS` and the national capitals). Every other place takes its U.S. state
    /// in AP form or its country. The lists are defaults: `standalone_add` and
    /// `standalone_remove` under `[dateline]` in `copydesk.toml` change them.
    ///
    /// When the gazetteer knows one place of that name only, the quick fix adds its state
    /// or country.
    ///
    /// ## Example
    ///
    /// ```text
    /// LOMBARD, March 3 (UPI) -- The village board ...
    /// ```
    ///
    /// Write instead `LOMBARD, Ill., March 3 (UPI) -- `.
    pub struct RegionNeeded {
        code: "dateline/region-needed",
        severity: Warning,
        summary: "the dateline place needs its state or country",
    }
}

impl Rule for RegionNeeded {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((d, p)) = dateline(cx) else { return };
        if !p.region_check || !d.regions.is_empty() || d.places.len() != 1 {
            return;
        }
        let place = d.place;
        let text = place.text(cx.text);
        if standalone(cx, p, text).is_some() {
            return;
        }
        let g = gazetteer::gazetteer();
        // A country or territory named as the place (`SINGAPORE`, `GAZA`) needs nothing.
        if g.country(text).is_some() || g.us_state(text).is_some() {
            return;
        }
        let cities = distinct_cities(text);
        if cities.is_empty() {
            return; // unknown: dateline/unknown-place speaks
        }
        // Inferred AP and UPI: only U.S. places are sure to need their state.
        if p.us_regions_only && !cities.iter().all(|c| c.country == "US") {
            return;
        }
        let mut f = Finding::new(
            &Self::META,
            place,
            format!(
                "`{text}` does not stand alone in a dateline: add its {}",
                if cities.iter().all(|c| c.country == "US") {
                    "state"
                } else {
                    "state or country"
                }
            ),
        );
        if let [only] = cities.as_slice() {
            if let Some(region) = region_form(only) {
                f.message.push_str(&format!(" (`{text}, {region}`)"));
                f = f.with_fix(Fix::replace(
                    format!("Add `, {region}`"),
                    Span::empty(place.end),
                    format!(", {region}"),
                ));
            }
        } else {
            let known: Vec<String> = cities
                .iter()
                .take(3)
                .filter_map(|c| region_form(c))
                .collect();
            f.message
                .push_str(&format!("; the gazetteer knows it in {}", known.join(", ")));
        }
        f.message = super::styled(cx, f.message);
        out.push(f);
    }
}
