//! `dateline/*`: the dateline at the start of the first body paragraph.
//!
//! Each check is its own module and code. The house style in force ([`Context::style`])
//! selects a [`profile::Profile`]; the place checks consult the embedded
//! [`crate::gazetteer`] and the `[dateline]` configuration.

mod comma;
mod credit;
mod date_forbidden;
mod date_mismatch;
mod date_missing;
mod impossible_date;
mod misplaced;
mod missing;
mod month_format;
mod ordinal;
mod place_case;
pub mod profile;
mod region_mismatch;
mod region_needed;
mod region_redundant;
mod separator;
mod spacing;
mod state_form;
mod unknown_place;
mod unparseable;

pub use comma::Comma;
pub use credit::CreditRule;
pub use date_forbidden::DateForbidden;
pub use date_mismatch::DateMismatch;
pub use date_missing::DateMissing;
pub use impossible_date::ImpossibleDate;
pub use misplaced::Misplaced;
pub use missing::Missing;
pub use month_format::MonthFormat;
pub use ordinal::Ordinal;
pub use place_case::PlaceCase;
pub use region_mismatch::RegionMismatch;
pub use region_needed::RegionNeeded;
pub use region_redundant::RegionRedundant;
pub use separator::SeparatorRule;
pub use spacing::Spacing;
pub use state_form::StateFormRule;
pub use unknown_place::UnknownPlace;
pub use unparseable::Unparseable;

use super::{Context, Rule};
use crate::article::Dateline;
use crate::config::{Style, StyleSource};
use crate::gazetteer::{self, Place};
use profile::{Profile, StateRef};

pub const RULES: &[&dyn Rule] = &[
    &Comma,
    &CreditRule,
    &DateForbidden,
    &DateMismatch,
    &DateMissing,
    &ImpossibleDate,
    &Misplaced,
    &Missing,
    &MonthFormat,
    &Ordinal,
    &PlaceCase,
    &RegionMismatch,
    &RegionNeeded,
    &RegionRedundant,
    &SeparatorRule,
    &Spacing,
    &StateFormRule,
    &UnknownPlace,
    &Unparseable,
];

/// The dateline form a style expects, for messages.
pub fn example(style: Style) -> &'static str {
    match style {
        Style::Ap => "`DALLAS (AP) — `",
        Style::Upi => "`BEIRUT, Lebanon, Sept. 20 (UPI) -- `",
        Style::Reuters => "`HOUSTON, Jan 27 (Reuters) - `",
        Style::Afp => "`PARIS, Jan 1 (AFP) - `",
        Style::Xinhua => "`BEIJING, March 30 (Xinhua) -- `",
        Style::Bloomberg => "`(Bloomberg) -- `",
        Style::Generic => "`PLACE, Month Day (Agency) -- `",
    }
}

/// The dateline under check and the profile of the style in force.
fn dateline<'a>(cx: &'a Context<'_>) -> Option<(&'a Dateline, &'static Profile)> {
    cx.article
        .dateline()
        .map(|d| (d, profile::profile_for(cx.style, cx.style_source)))
}

/// Which style was applied and why, for the end of a message: `Reuters style, inferred
/// from the credit`, `AP style, configured`.
fn applied(cx: &Context<'_>) -> String {
    let name = match cx.style {
        Style::Generic => "generic style".to_string(),
        s => format!("{} style", s.agency()),
    };
    match cx.style_source {
        StyleSource::Configured => format!("{name}, configured"),
        StyleSource::Credit => format!("{name}, inferred from the credit"),
        StyleSource::Default => format!("{name}: no style configured and no known credit"),
    }
}

/// A message that depends on the style, with the style applied and why appended.
fn styled(cx: &Context<'_>, message: String) -> String {
    format!("{message} ({})", applied(cx))
}

fn listed(list: &[String], key: &str) -> bool {
    list.iter().any(|s| gazetteer::key(s) == key)
}

/// The country a place stands alone for (`""` for a place with no country such as UNITED
/// NATIONS), or `None` when the place needs a region in this style.
fn standalone(cx: &Context<'_>, p: &Profile, place: &str) -> Option<&'static str> {
    let k = gazetteer::key(place);
    if listed(&cx.config.dateline.standalone_remove, &k) {
        return None;
    }
    if listed(&cx.config.dateline.standalone_add, &k) {
        return Some("");
    }
    if let Some(home) = p.home_country {
        if gazetteer::gazetteer()
            .cities(place)
            .iter()
            .any(|c| c.country == home)
        {
            return Some(home);
        }
    }
    let lists = || {
        let capitals = p.capitals_stand_alone.then_some(profile::CAPITALS);
        p.standalone
            .iter()
            .copied()
            .chain(capitals)
            .flat_map(|l| l.iter())
    };
    // The lists are written in key form (tested), so no normalizing per call.
    if let Some(&(_, cc)) = lists().find(|(name, _)| *name == k) {
        return Some(cc);
    }
    // An older or other name of a listed city (`PEKING` for `BEIJING`, `BOMBAY`).
    gazetteer::gazetteer().cities(place).iter().find_map(|c| {
        let ck = gazetteer::key(c.ascii);
        lists()
            .find(|(name, cc)| *name == ck && *cc == c.country)
            .map(|&(_, cc)| cc)
    })
}

/// Words that open a place that is not a town: `ABOARD AIR FORCE ONE`, `AT SEA`,
/// `NEAR FALLUJAH`, `OFF THE COAST OF SOMALIA`.
const PLACE_PREPOSITIONS: &[&str] = &[
    "ABOARD",
    "ON",
    "AT",
    "OFF",
    "NEAR",
    "OUTSIDE",
    "INSIDE",
    "OVER",
    "IN",
    "ALONG",
    "ACROSS",
    "ABOVE",
    "BELOW",
    "UNDER",
    "BEYOND",
    "AROUND",
    "SOMEWHERE",
    "EN",
];

/// Last words of a place that is a site, a feature or an area rather than a town:
/// `JABALYA REFUGEE CAMP`, `TROLL A PLATFORM`, `BAGRAM AIR BASE`, `GAZA STRIP`.
const SITE_WORDS: &[&str] = &[
    "CAMP",
    "CAMPS",
    "BASE",
    "PLATFORM",
    "RIG",
    "AIRPORT",
    "AIRFIELD",
    "AIRBASE",
    "BORDER",
    "CROSSING",
    "CHECKPOINT",
    "FRONT",
    "FRONTLINE",
    "SHIP",
    "CARRIER",
    "STATION",
    "OILFIELD",
    "FIELD",
    "FIELDS",
    "MINE",
    "DAM",
    "VALLEY",
    "PASS",
    "STRAIT",
    "GULF",
    "SEA",
    "OCEAN",
    "RIVER",
    "DESERT",
    "MOUNTAINS",
    "ISLAND",
    "ISLANDS",
    "ATOLL",
    "PENINSULA",
    "REGION",
    "PROVINCE",
    "DISTRICT",
    "COUNTY",
    "STRIP",
    "BANK",
    "HEIGHTS",
    "ZONE",
    "COSMODROME",
    "CENTER",
    "CENTRE",
    "PRISON",
    "HOSPITAL",
    "VILLAGE",
    "COMPOUND",
    "SETTLEMENT",
    "REFINERY",
    "PLANT",
    "PORT",
    "HARBOR",
    "HARBOUR",
    "COAST",
    "LAKE",
    "BAY",
    "GLACIER",
    "PARK",
    "RESERVE",
    "SUMMIT",
    "STADIUM",
    "PALACE",
    "CATHEDRAL",
    "MONASTERY",
    "ONE",
];

/// A dateline place that is not a town the gazetteer could hold: a vessel, an aircraft,
/// the open sea, a camp, a base, a platform, an island or an area. Such places are taken
/// as written: never unknown, never in the wrong region.
pub fn descriptive_place(place: &str) -> bool {
    let k = gazetteer::key(place);
    let words: Vec<&str> = k.split(' ').filter(|w| !w.is_empty()).collect();
    let (Some(first), Some(last)) = (words.first(), words.last()) else {
        return false;
    };
    if words.len() >= 2 && PLACE_PREPOSITIONS.contains(first) {
        return true;
    }
    words.len() >= 2 && SITE_WORDS.contains(last)
}

/// Whether the place is right by the gazetteer, the style's lists or the configuration.
fn known_place(cx: &Context<'_>, p: &Profile, place: &str) -> bool {
    let k = gazetteer::key(place);
    gazetteer::gazetteer().knows(place)
        || descriptive_place(place)
        || profile::EXTRA_PLACES.contains(&k.as_str())
        || listed(&cx.config.dateline.places, &k)
        || cx
            .config
            .dateline
            .places
            .iter()
            .any(|e| e.split(',').next().is_some_and(|n| gazetteer::key(n) == k))
        || standalone(cx, p, place).is_some()
}

/// A dateline region read as a U.S. state and/or a country (`Georgia` is both).
#[derive(Clone, Copy, Debug)]
struct RegionRead {
    state: Option<StateRef>,
    country: Option<&'static Place>,
}

fn read_region(text: &str) -> RegionRead {
    let g = gazetteer::gazetteer();
    let state = profile::state(text);
    let country = g
        .country(text.trim_end_matches('.'))
        .or_else(|| g.country(text));
    RegionRead { state, country }
}

impl RegionRead {
    fn is_known(&self) -> bool {
        self.state.is_some() || self.country.is_some()
    }

    /// Whether the region holds a city (or is the country) of that name.
    fn contains(&self, place: &str) -> bool {
        let g = gazetteer::gazetteer();
        let by_state = self
            .state
            .and_then(|s| g.state_by_postal(s.postal))
            .is_some_and(|row| g.region_contains(gazetteer::Region::State(row), place));
        let by_country = self
            .country
            .is_some_and(|c| g.region_contains(gazetteer::Region::Country(c), place));
        by_state || by_country
    }
}

/// Cities of that name, de-duplicated by (country, admin1): the distinct places meant.
fn distinct_cities(place: &str) -> Vec<&'static Place> {
    let mut out: Vec<&'static Place> = Vec::new();
    for c in gazetteer::gazetteer().cities(place) {
        if !out
            .iter()
            .any(|o| o.country == c.country && o.admin1 == c.admin1)
        {
            out.push(c);
        }
    }
    out
}

/// How a city's region is written in this style: the AP state form for U.S. places, the
/// country's name elsewhere.
fn region_form(city: &Place) -> Option<String> {
    if city.country == "US" {
        profile::AP_STATES
            .iter()
            .find(|(_, name, _)| *name == city.admin1)
            .map(|(_, _, ap)| (*ap).to_string())
    } else {
        gazetteer::gazetteer()
            .country_by_code(city.country)
            .map(|c| c.name.trim_start_matches("The ").to_string())
    }
}

/// Write `name` in the case of `like`: capitals when `like` is in capitals.
fn in_case_of(name: &str, like: &str) -> String {
    if like.chars().any(|c| c.is_lowercase()) {
        name.to_string()
    } else {
        name.to_uppercase()
    }
}
