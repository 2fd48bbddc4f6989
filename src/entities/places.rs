//! Place lookup for the recognizer, over the shared gazetteer ([`crate::gazetteer`]).

use crate::gazetteer::{gazetteer, Kind, Place};

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

/// Countries and U.S. states first, then cities by population.
fn rank(p: &Place) -> (u8, u32) {
    let k = match p.kind {
        Kind::Country => 2,
        Kind::State => 1,
        Kind::City => 0,
    };
    (k, p.population)
}

/// The gazetteer entry for a place name, any capitalization (`BEIJING`, `St. Petersburg`).
pub fn lookup_place(name: &str) -> Option<PlaceInfo> {
    let g = gazetteer();
    let best = g.named(name).max_by_key(|p| rank(p))?;
    Some(PlaceInfo {
        kind: match best.kind {
            Kind::Country => "country",
            Kind::State => "state",
            Kind::City => "city",
        },
        name: best.name,
        country_code: best.country,
        country: g.country_by_code(best.country).map(|c| c.name),
        admin1: best.admin1,
        population: u64::from(best.population),
    })
}

/// `name` as one of [`REGIONS`] (exact spelling, or a compass point written with a
/// hyphen: `South-East Asia` for `Southeast Asia`), looked up in a set built once.
pub fn region(name: &str) -> Option<&'static str> {
    static SET: std::sync::LazyLock<rustc_hash::FxHashSet<&'static str>> =
        std::sync::LazyLock::new(|| REGIONS.iter().copied().collect());
    SET.get(name).copied().or_else(|| {
        let (head, rest) = name.split_once('-')?;
        if !matches!(head, "North" | "South") {
            return None;
        }
        let (point, rest) = match rest.strip_prefix("East") {
            Some(r) => ("east", r),
            None => ("west", rest.strip_prefix("West")?),
        };
        SET.get(format!("{head}{point}{rest}").as_str()).copied()
    })
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
    // First-level divisions and territories outside the United States that the gazetteer
    // (countries, U.S. states, cities) does not hold.
    "New South Wales",
    "Queensland",
    "Tasmania",
    "Western Australia",
    "South Australia",
    "Northern Territory",
    "British Columbia",
    "Alberta",
    "Manitoba",
    "Saskatchewan",
    "Nova Scotia",
    "New Brunswick",
    "Newfoundland",
    "Northern Ireland",
    "Bavaria",
    "Saxony",
    "Catalonia",
    "Andalusia",
    "Basque Country",
    "Corsica",
    "Sicily",
    "Sardinia",
    "Lombardy",
    "Tuscany",
    "Flanders",
    "Wallonia",
    "Brittany",
    "Normandy",
    "Transylvania",
    "Crimea",
    "Chechnya",
    "Dagestan",
    "Ingushetia",
    "Tatarstan",
    "Kurdistan",
    "Gaza Strip",
    "West Bank",
    "Golan Heights",
    "Sinai",
    "Darfur",
    "Kashmir",
    "Punjab",
    "Gujarat",
    "Maharashtra",
    "Bihar",
    "Assam",
    "Kerala",
    "Tamil Nadu",
    "Karnataka",
    "Uttar Pradesh",
    "West Bengal",
    "Rajasthan",
    "Balochistan",
    "Tibet",
    "Xinjiang",
    "Sichuan",
    "Guangdong",
    "Yunnan",
    "Fujian",
    "Zhejiang",
    "Jiangsu",
    "Shandong",
    "Hubei",
    "Hunan",
    "Henan",
    "Hebei",
    "Heilongjiang",
    "Inner Mongolia",
    "Hokkaido",
    "Kyushu",
    "Mindanao",
    "Luzon",
    "Aceh",
    "Sumatra",
    "Borneo",
    "Papua",
    "Patagonia",
    "Sahara",
    "Sahel",
    "N. Korea",
    "S. Korea",
    "W. Germany",
    "E. Germany",
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
    "Ground",
    "Arena",
    "Tower",
    "Towers",
    "Mosque",
    "Cathedral",
    "Gulf",
    "Coast",
    "Plaza",
    "Creek",
    "Canyon",
    "Fort",
    "Camp",
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

    #[test]
    fn a_region_with_a_hyphenated_compass_point() {
        assert_eq!(region("South-East Asia"), Some("Southeast Asia"));
        assert_eq!(region("Southeast Asia"), Some("Southeast Asia"));
        assert_eq!(region("South-Central Asia"), None);
        assert_eq!(region("Anglo-East Asia"), None);
    }
}
