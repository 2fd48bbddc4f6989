//! Place lookup over `data/gazetteer.tsv`.
//!
//! A minimal loader kept behind [`lookup_place`] so that it can later be pointed at the
//! shared gazetteer module without touching the recognizer. The table is embedded in the
//! binary and indexed lazily on first use.

use std::collections::HashMap;
use std::sync::OnceLock;

/// What the gazetteer knows of a place.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceInfo {
    /// `country`, `state` or `city`.
    pub kind: &'static str,
    /// The gazetteer's display name (`Saint Petersburg`).
    pub name: &'static str,
    /// ISO 3166-1 alpha-2 code.
    pub country_code: &'static str,
    /// The country's name, when the gazetteer has it.
    pub country: Option<&'static str>,
    /// State name (U.S.) or GeoNames admin1 code; empty for countries.
    pub admin1: &'static str,
    pub population: u64,
}

impl PlaceInfo {
    /// Countries and U.S. states first, then cities by population.
    fn rank(&self) -> (u8, u64) {
        let k = match self.kind {
            "country" => 2,
            "state" => 1,
            _ => 0,
        };
        (k, self.population)
    }
}

const GAZETTEER: &str = include_str!("../../data/gazetteer.tsv");

struct Index {
    /// Lower-cased name, ascii form or alternate name -> best entry.
    by_name: HashMap<String, PlaceInfo>,
}

fn normalize(name: &str) -> String {
    let mut s = name.trim().to_lowercase().replace('’', "'");
    if let Some(rest) = s.strip_prefix("st. ").or_else(|| s.strip_prefix("st ")) {
        s = format!("saint {rest}");
    }
    s
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut countries: HashMap<&'static str, &'static str> = HashMap::new();
        let mut rows = Vec::new();
        for line in GAZETTEER.lines() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let cols: Vec<&'static str> = line.split('\t').collect();
            let [kind, name, ascii, cc, admin1, pop, alt] = cols[..] else {
                continue;
            };
            if kind == "country" {
                countries.insert(cc, name);
            }
            rows.push((kind, name, ascii, cc, admin1, pop.parse().unwrap_or(0), alt));
        }
        let mut by_name: HashMap<String, PlaceInfo> = HashMap::new();
        for (kind, name, ascii, cc, admin1, population, alt) in rows {
            let info = PlaceInfo {
                kind,
                name,
                country_code: cc,
                country: countries.get(cc).copied(),
                admin1,
                population,
            };
            let keys = [name, ascii]
                .into_iter()
                .chain(alt.split(';').filter(|a| !a.is_empty()));
            for key in keys {
                let key = normalize(key);
                match by_name.get(&key) {
                    Some(old) if old.rank() >= info.rank() => {}
                    _ => {
                        by_name.insert(key, info.clone());
                    }
                }
            }
        }
        Index { by_name }
    })
}

/// The gazetteer entry for a place name, any capitalization (`BEIJING`, `St. Petersburg`).
pub fn lookup_place(name: &str) -> Option<PlaceInfo> {
    index().by_name.get(&normalize(name)).cloned()
}

/// Places the gazetteer does not list but copy names all the time.
pub const REGIONS: &[&str] = &[
    "Africa",
    "Antarctica",
    "Arctic",
    "Asia",
    "Asia-Pacific",
    "Atlantic",
    "Balkans",
    "Caribbean",
    "Caucasus",
    "Central Asia",
    "East Asia",
    "East Africa",
    "Eastern Europe",
    "Europe",
    "Far East",
    "Gulf",
    "Latin America",
    "Middle East",
    "North Africa",
    "North America",
    "Oceania",
    "Pacific",
    "Persian Gulf",
    "Scandinavia",
    "Siberia",
    "South America",
    "South Asia",
    "Southeast Asia",
    "West Africa",
    "Western Europe",
];

/// Words that make a capitalized name a place (`Amur River`, `Red Sea`).
pub const FEATURE_WORDS: &[&str] = &[
    "River",
    "Sea",
    "Ocean",
    "Lake",
    "Mountains",
    "Mount",
    "Mt.",
    "Island",
    "Islands",
    "Strait",
    "Bay",
    "Valley",
    "Desert",
    "Peninsula",
    "Canal",
    "Province",
    "Prefecture",
    "Oblast",
    "Krai",
    "County",
    "Square",
    "Street",
    "Avenue",
    "Airport",
    "Harbor",
    "Harbour",
    "Hall",
    "Palace",
    "Stadium",
    "Bridge",
    "Station",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_places_by_any_form() {
        let p = lookup_place("ST. PETERSBURG").unwrap();
        assert_eq!(p.name, "Saint Petersburg");
        assert_eq!(p.country, Some("Russia"));
        assert_eq!(lookup_place("Beijing").unwrap().country_code, "CN");
        assert_eq!(lookup_place("United States").unwrap().kind, "country");
        assert!(lookup_place("Medvedev").is_none());
    }
}
