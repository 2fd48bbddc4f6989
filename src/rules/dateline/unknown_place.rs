use super::{dateline, in_case_of, known_place, read_region};
use crate::declare_rule;
use crate::gazetteer::{self, Kind};
use crate::rules::{Context, Finding, Fix, Rule, RuleMeta};

declare_rule! {
    /// The dateline place is not in the gazetteer: most often a typo.
    ///
    /// The place is looked up in the embedded gazetteer (GeoNames cities of 15,000 people
    /// or more, capitals, countries, U.S. states), the style's stand-alone lists and the
    /// `[dateline] places` of `copydesk.toml`. When a known name is one or two letters away
    /// it is suggested; a single suggestion one letter away is the preferred fix.
    ///
    /// A smaller town whose state or country is given and known, with no near-miss in that
    /// region, is taken on trust: the gazetteer cannot know every village. So is a town
    /// under a region the gazetteer cannot read (an island or a province: `UBUD, Bali`)
    /// unless it is one letter from a known name, and so is a place that is not a town at
    /// all: `ABOARD AIR FORCE ONE`, `AT SEA`, `JABALYA REFUGEE CAMP`, an oil platform.
    ///
    /// ## Example
    ///
    /// ```text
    /// BEIJNG, Sept. 19 (Xinhua) -- Officials ...
    /// ```
    ///
    /// Write instead `BEIJING, Sept. 19 (Xinhua) -- `. If the place is right, add it to
    /// `places` under `[dateline]` in `copydesk.toml`.
    pub struct UnknownPlace {
        code: "dateline/unknown-place",
        severity: Warning,
        summary: "the dateline place is not in the gazetteer",
    }
}

fn title_case(key: &str) -> String {
    key.split(' ')
        .map(|w| {
            let mut c = w.chars();
            match c.next() {
                Some(f) => f.to_string() + &c.as_str().to_lowercase(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

impl Rule for UnknownPlace {
    fn meta(&self) -> &'static RuleMeta {
        &Self::META
    }

    fn check(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((d, p)) = dateline(cx) else { return };
        let g = gazetteer::gazetteer();
        for (i, &place) in d.places.iter().enumerate() {
            // The regions written after this place and before the next one
            // (`WEST PALM BEACH, Fla./WASHINGTON`: `Fla.` is West Palm Beach's).
            let next = d.places.get(i + 1).map_or(usize::MAX, |n| n.start);
            let own: Vec<_> = d
                .regions
                .iter()
                .filter(|r| r.start >= place.end && r.start < next)
                .collect();
            let region = own
                .iter()
                .map(|r| read_region(r.text(cx.text)))
                .find(|r| r.is_known());
            let text = place.text(cx.text);
            if text.is_empty() || known_place(cx, p, text) {
                continue;
            }
            let mut near = g.nearest(text, 5);
            // Two edits away is a guess: keep it only when the first and last letters agree
            // (`WALAHTAM` -> `WALTHAM`, but not `BELLPORT` -> `BELLMORE`).
            let k = gazetteer::key(text);
            near.retain(|n| {
                n.distance < 2
                    || (n.key.chars().next() == k.chars().next()
                        && n.key.chars().last() == k.chars().last())
            });
            if let Some(r) = &region {
                near.retain(|n| r.contains(&n.key));
                if near.is_empty() {
                    continue;
                }
            } else if !own.is_empty() {
                // A region the gazetteer cannot read (an island, a province, a territory:
                // `KAPAA, Kauai`): a small town there is taken on trust; only a name one
                // letter from a prominent city is worth a question (`BEIJNG, Hebei`).
                near.retain(|n| {
                    n.distance < 2
                        && g.lookup(&n.key)
                            .iter()
                            .any(|r| r.kind == Kind::City && r.population >= 1_000_000)
                });
                if near.is_empty() {
                    continue;
                }
            }
            let best = near.first().map(|n| n.distance);
            near.retain(|n| Some(n.distance) == best);
            near.truncate(3);
            let names: Vec<String> = near
                .iter()
                .map(|n| {
                    // The row spelled like the key (`Frankfurt`, not its alternate
                    // `Frankfurt am Main`), else the key itself.
                    let rows = g.lookup(&n.key);
                    let row = rows
                        .iter()
                        .find(|r| r.kind != Kind::State && gazetteer::key(r.ascii) == n.key);
                    match row {
                        Some(r) => in_case_of(r.ascii, text),
                        None => in_case_of(&title_case(&n.key), text),
                    }
                })
                .collect();
            let message = match names.as_slice() {
                [] => format!(
                    "`{text}` is not a place the gazetteer knows; check the spelling, or add it to `places` under `[dateline]` in copydesk.toml"
                ),
                [one] => format!("`{text}` is not a place the gazetteer knows; did you mean `{one}`?"),
                many => format!(
                    "`{text}` is not a place the gazetteer knows; did you mean {}?",
                    many.iter()
                        .map(|n| format!("`{n}`"))
                        .collect::<Vec<_>>()
                        .join(" or ")
                ),
            };
            let mut f = Finding::new(&Self::META, place, message);
            let certain = names.len() == 1 && best == Some(1);
            for n in &names {
                let fix = Fix::replace(format!("Change to `{n}`"), place, n.clone());
                f = f.with_fix(if certain { fix } else { fix.not_preferred() });
            }
            out.push(f);
        }
    }
}
