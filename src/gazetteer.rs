//! The embedded gazetteer: countries, U.S. states and cities (GeoNames, CC BY 4.0).
//!
//! `data/gazetteer.tsv` is compiled into the binary with `include_str!` and parsed on first
//! use only ([`gazetteer`]), so starting the server costs nothing; the first dateline check
//! pays the parse (see `docs/notes/issue-3.md` for the measured figure). Every place is
//! indexed under a normalized upper-case key ([`key`]): diacritics folded, typographic
//! apostrophes straightened, `ST.`/`ST`/`SAINT` and `STE.`/`SAINTE` made one form, so
//! `ST. PETERSBURG`, `Saint Petersburg` and `ST PETERSBURG` find the same rows.
//!
//! The API is deliberately small: [`Gazetteer::lookup`] (all places of a name),
//! [`Gazetteer::country`] (by name, alternate or ISO code), [`Gazetteer::us_state`] (by
//! name or postal code), [`Gazetteer::region`] and [`Gazetteer::region_contains`] (does a
//! state or country hold a place of that name), and [`Gazetteer::nearest`] (the closest
//! known names, for typos such as `BEIJNG`).

use std::sync::OnceLock;
use std::time::{Duration, Instant};

const DATA: &str = include_str!("../data/gazetteer.tsv");

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    Country,
    /// A U.S. state, DC, or an inhabited U.S. territory.
    State,
    City,
}

/// One row of the gazetteer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Place {
    pub kind: Kind,
    /// Display name as GeoNames gives it (`São Paulo`).
    pub name: &'static str,
    /// ASCII form (`Sao Paulo`).
    pub ascii: &'static str,
    /// ISO 3166-1 alpha-2 code (`US` for state rows).
    pub country: &'static str,
    /// U.S. cities: the full state name; other cities: the GeoNames admin1 code; states:
    /// the postal code; countries: empty.
    pub admin1: &'static str,
    pub population: u32,
}

/// A state or a country, as a dateline region resolves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Region {
    /// A U.S. state (or DC / territory) row.
    State(&'static Place),
    Country(&'static Place),
}

impl Region {
    pub fn place(self) -> &'static Place {
        match self {
            Region::State(p) | Region::Country(p) => p,
        }
    }
}

pub struct Gazetteer {
    places: Vec<Place>,
    /// Normalized key ([`key`], as bytes: a lookup's key is written on the stack) ->
    /// indexes into `places`, most populous first.
    by_key: rustc_hash::FxHashMap<Box<[u8]>, Vec<u32>>,
    /// ISO code -> country row.
    by_code: rustc_hash::FxHashMap<&'static str, u32>,
    /// Postal code -> state row.
    by_postal: rustc_hash::FxHashMap<&'static str, u32>,
    /// The distinct keys of cities and countries, for [`Gazetteer::nearest`]; built on the
    /// first typo, not at load.
    keys: OnceLock<Vec<String>>,
    load_time: Duration,
}

static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();

/// The gazetteer, parsed on first use.
pub fn gazetteer() -> &'static Gazetteer {
    GAZETTEER.get_or_init(|| {
        let g = Gazetteer::parse(DATA);
        tracing::debug!(
            places = g.places.len(),
            millis = g.load_time.as_secs_f64() * 1000.0,
            "gazetteer loaded"
        );
        g
    })
}

/// Whether the gazetteer has been parsed yet (for tests of laziness).
pub fn is_loaded() -> bool {
    GAZETTEER.get().is_some()
}

/// Call `f` with the lookup key of `name` ([`key`]) as bytes; a short name on the fast
/// path is upper-cased into a buffer on the stack instead of a new `String`.
fn with_key<R>(name: &str, f: impl FnOnce(&[u8]) -> R) -> R {
    let mut buf = [0u8; 48];
    if let Some(k) = fast_upper(name.as_bytes(), &mut buf) {
        return f(k);
    }
    f(key(name).as_bytes())
}

/// A name of at most 48 bytes for which [`fast_key`] holds, upper-cased into `buf` in the
/// same pass that tests it: its key.
fn fast_upper<'b>(bytes: &[u8], buf: &'b mut [u8; 48]) -> Option<&'b [u8]> {
    if bytes.len() > buf.len() || bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return None;
    }
    let mut word_start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b' ' {
            if i == word_start || abbreviation(&bytes[word_start..i]) {
                return None;
            }
            word_start = i + 1;
        } else if !(b.is_ascii_alphabetic() || b == b'-' || b == b'\'') {
            return None;
        }
        buf[i] = b.to_ascii_uppercase();
    }
    if abbreviation(&bytes[word_start..]) {
        return None;
    }
    Some(&buf[..bytes.len()])
}

/// `ST`, `STE`, `FT` or `MT` in any case: a word [`key`] spells out.
fn abbreviation(w: &[u8]) -> bool {
    matches!(w.len(), 2 | 3)
        && [&b"ST"[..], b"STE", b"FT", b"MT"]
            .iter()
            .any(|a| w.eq_ignore_ascii_case(a))
}

/// Whether [`key`] of `name` is just its ASCII upper case.
fn fast_key(name: &str) -> bool {
    // One pass over the bytes (this runs for every gazetteer entry and every lookup):
    // letters, single inner spaces, hyphens and apostrophes only, and no word that is
    // `ST`, `STE`, `FT` or `MT` in any case.
    let bytes = name.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    let mut word_start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if b == b' ' {
            if i == word_start || abbreviation(&bytes[word_start..i]) {
                return false; // a doubled space, or an abbreviation word
            }
            word_start = i + 1;
        } else if !(b.is_ascii_alphabetic() || b == b'-' || b == b'\'') {
            return false;
        }
    }
    !abbreviation(&bytes[word_start..])
}

/// Normalize a place name into its lookup key: upper case, diacritics folded, apostrophes
/// straightened, periods dropped, whitespace collapsed, `ST`/`STE` spelled `SAINT`/`SAINTE`.
pub fn key(name: &str) -> String {
    // Fast path: plain ASCII with no period, no doubled space and no `ST`-like word (most
    // of the data) only needs upper-casing.
    if fast_key(name) {
        return name.to_ascii_uppercase();
    }
    let mut folded = String::with_capacity(name.len());
    for c in name.chars() {
        match c {
            '’' | '‘' | 'ʻ' | 'ʼ' | '`' | '´' => folded.push('\''),
            '.' => folded.push(' '),
            '-' | '–' => folded.push('-'),
            c if c.is_whitespace() => folded.push(' '),
            c => match fold(c) {
                Some(s) => folded.push_str(s),
                None => folded.extend(c.to_uppercase()),
            },
        }
    }
    let mut out = String::with_capacity(folded.len());
    for word in folded.split(' ').filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push(' ');
        }
        match word {
            "ST" => out.push_str("SAINT"),
            "STE" => out.push_str("SAINTE"),
            "FT" => out.push_str("FORT"),
            "MT" => out.push_str("MOUNT"),
            w => out.push_str(w),
        }
    }
    out
}

/// Upper-case ASCII for common Latin letters with diacritics.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å'
        | 'Ā' | 'Ă' | 'Ą' => "A",
        'æ' | 'Æ' => "AE",
        'ç' | 'ć' | 'č' | 'ĉ' | 'Ç' | 'Ć' | 'Č' => "C",
        'ď' | 'đ' | 'Ď' | 'Đ' | 'ð' | 'Ð' => "D",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' | 'È' | 'É' | 'Ê' | 'Ë' | 'Ē' | 'Ė' | 'Ę'
        | 'Ě' => "E",
        'ğ' | 'Ğ' | 'ģ' | 'Ģ' => "G",
        'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' | 'ı' | 'Ì' | 'Í' | 'Î' | 'Ï' | 'Ī' | 'İ' => {
            "I"
        }
        'ķ' | 'Ķ' => "K",
        'ł' | 'ľ' | 'ļ' | 'Ł' | 'Ľ' | 'Ļ' => "L",
        'ñ' | 'ń' | 'ň' | 'ņ' | 'Ñ' | 'Ń' | 'Ň' | 'Ņ' => "N",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' | 'Ō'
        | 'Ő' => "O",
        'œ' | 'Œ' => "OE",
        'ř' | 'Ř' => "R",
        'ś' | 'š' | 'ş' | 'ș' | 'Ś' | 'Š' | 'Ş' | 'Ș' => "S",
        'ß' => "SS",
        'ť' | 'ţ' | 'ț' | 'Ť' | 'Ţ' | 'Ț' => "T",
        'þ' | 'Þ' => "TH",
        'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' | 'ų' | 'Ù' | 'Ú' | 'Û' | 'Ü' | 'Ū' | 'Ů' | 'Ű'
        | 'Ų' => "U",
        'ý' | 'ÿ' | 'Ý' | 'Ÿ' => "Y",
        'ź' | 'ż' | 'ž' | 'Ź' | 'Ż' | 'Ž' => "Z",
        _ => return None,
    })
}

/// Region names agencies write that the data does not carry as country names.
const EXTRA_COUNTRY_NAMES: &[(&str, &str)] = &[
    ("ENGLAND", "GB"),
    ("SCOTLAND", "GB"),
    ("WALES", "GB"),
    ("NORTHERN IRELAND", "GB"),
    ("U S", "US"),
    ("THE UNITED STATES", "US"),
    ("HOLLAND", "NL"),
    ("CZECHOSLOVAKIA", "CZ"),
    ("WEST GERMANY", "DE"),
    ("EAST GERMANY", "DE"),
    ("SOVIET UNION", "RU"),
    ("USSR", "RU"),
    ("UK", "GB"),
    ("U K", "GB"),
    ("UAE", "AE"),
    ("U A E", "AE"),
    ("IVORY COAST", "CI"),
    ("COTE D'IVOIRE", "CI"),
    ("SOUTH KOREA", "KR"),
    ("NORTH KOREA", "KP"),
    ("ZAIRE", "CD"),
    ("BURMA", "MM"),
];

/// English exonyms of the wire era that GeoNames does not list: (alias key, name).
const CITY_ALIASES: &[(&str, &str)] = &[("BASLE", "Basel"), ("LEGHORN", "Livorno")];

impl Gazetteer {
    /// Parse the TSV text (see `data/README.md`). Malformed rows are skipped.
    pub fn parse(data: &'static str) -> Gazetteer {
        let start = Instant::now();
        let mut places = Vec::with_capacity(34_500);
        let mut alts: Vec<(u32, &'static str)> = Vec::new();
        for line in data.lines() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut cols = line.split('\t');
            let (Some(kind), Some(name), Some(ascii), Some(country), Some(admin1), Some(pop)) = (
                cols.next(),
                cols.next(),
                cols.next(),
                cols.next(),
                cols.next(),
                cols.next(),
            ) else {
                continue;
            };
            let kind = match kind {
                "country" => Kind::Country,
                "state" => Kind::State,
                "city" => Kind::City,
                _ => continue,
            };
            let idx = places.len() as u32;
            places.push(Place {
                kind,
                name,
                ascii,
                country,
                admin1,
                population: pop.parse().unwrap_or(0),
            });
            if let Some(alt) = cols.next() {
                alts.extend(alt.split(';').filter(|a| !a.is_empty()).map(|a| (idx, a)));
            }
        }
        let mut by_key: rustc_hash::FxHashMap<Box<[u8]>, Vec<u32>> =
            rustc_hash::FxHashMap::with_capacity_and_hasher(places.len() * 2, Default::default());
        let mut by_code = rustc_hash::FxHashMap::default();
        let mut by_postal = rustc_hash::FxHashMap::default();
        for (i, p) in places.iter().enumerate() {
            let i = i as u32;
            let k = key(p.name);
            if p.ascii != p.name {
                let ka = key(p.ascii);
                if ka != k {
                    by_key.entry(ka.into_bytes().into()).or_default().push(i);
                }
            }
            by_key.entry(k.into_bytes().into()).or_default().push(i);
            match p.kind {
                Kind::Country => {
                    by_code.insert(p.country, i);
                }
                Kind::State => {
                    by_postal.insert(p.admin1, i);
                }
                Kind::City => {}
            }
        }
        for (i, a) in alts {
            let list = by_key.entry(key(a).into_bytes().into()).or_default();
            if !list.contains(&i) {
                list.push(i);
            }
        }
        for (name, code) in EXTRA_COUNTRY_NAMES {
            if let Some(&i) = by_code.get(code) {
                let list = by_key.entry(name.as_bytes().into()).or_default();
                if !list.contains(&i) {
                    list.push(i);
                }
            }
        }
        for (alias, name) in CITY_ALIASES {
            if let Some(list) = by_key.get(key(name).as_bytes()).cloned() {
                by_key
                    .entry(alias.as_bytes().into())
                    .or_default()
                    .extend(list);
            }
        }
        for list in by_key.values_mut() {
            list.sort_by_key(|&i| std::cmp::Reverse(places[i as usize].population));
        }
        Gazetteer {
            places,
            by_key,
            by_code,
            by_postal,
            keys: OnceLock::new(),
            load_time: start.elapsed(),
        }
    }

    /// How long parsing and indexing took.
    pub fn load_time(&self) -> Duration {
        self.load_time
    }

    pub fn len(&self) -> usize {
        self.places.len()
    }

    pub fn is_empty(&self) -> bool {
        self.places.is_empty()
    }

    fn rows(&'static self, k: &str) -> impl Iterator<Item = &'static Place> + 'static {
        self.by_key
            .get(k.as_bytes())
            .map(|v| v.as_slice())
            .unwrap_or(&[])
            .iter()
            .map(move |&i| &self.places[i as usize])
    }

    /// Every place of that name (any kind), most populous first.
    pub fn lookup(&'static self, name: &str) -> Vec<&'static Place> {
        self.named(name).collect()
    }

    /// Every place of that name (any kind), most populous first, without allocating for
    /// a short plain-ASCII name (the common case in the recognizer's hot loop).
    pub fn named(&'static self, name: &str) -> impl Iterator<Item = &'static Place> + 'static {
        let rows: &'static [u32] = with_key(name, |k| {
            self.by_key.get(k).map_or(&[][..], |v| v.as_slice())
        });
        rows.iter().map(move |&i| &self.places[i as usize])
    }

    /// Cities of that name, most populous first.
    pub fn cities(&'static self, name: &str) -> Vec<&'static Place> {
        self.named(name).filter(|p| p.kind == Kind::City).collect()
    }

    /// Whether any place (city, state or country) has that name.
    pub fn knows(&self, name: &str) -> bool {
        with_key(name, |k| self.by_key.contains_key(k))
    }

    /// A country by name, alternate name (`Burma`, `Britain`) or ISO alpha-2 code.
    pub fn country(&'static self, name_or_code: &str) -> Option<&'static Place> {
        let t = name_or_code.trim();
        if t.len() == 2 && t.bytes().all(|b| b.is_ascii_uppercase()) {
            if let Some(&i) = self.by_code.get(t) {
                return Some(&self.places[i as usize]);
            }
        }
        self.named(t).find(|p| p.kind == Kind::Country)
    }

    /// The country row for an ISO code.
    pub fn country_by_code(&self, code: &str) -> Option<&Place> {
        self.by_code.get(code).map(|&i| &self.places[i as usize])
    }

    /// A U.S. state (or DC or territory) by full name or postal code (`IL`, `Illinois`).
    pub fn us_state(&'static self, name_or_postal: &str) -> Option<&'static Place> {
        let t = name_or_postal.trim();
        if t.len() == 2 && t.bytes().all(|b| b.is_ascii_uppercase()) {
            if let Some(&i) = self.by_postal.get(t) {
                return Some(&self.places[i as usize]);
            }
        }
        self.named(t).find(|p| p.kind == Kind::State)
    }

    /// A state row by postal code.
    pub fn state_by_postal(&self, postal: &str) -> Option<&Place> {
        self.by_postal
            .get(postal)
            .map(|&i| &self.places[i as usize])
    }

    /// The region a dateline region names, given as a state's full name or postal code or a
    /// country's name or code. AP abbreviations are resolved by the caller.
    pub fn region(&'static self, name: &str) -> Option<Region> {
        if let Some(s) = self.us_state(name) {
            // Georgia the state and Georgia the country share a name; a state wins here, and
            // the caller may ask for the country explicitly.
            return Some(Region::State(s));
        }
        self.country(name).map(Region::Country)
    }

    /// Whether a region holds a city of that name.
    pub fn region_contains(&'static self, region: Region, place: &str) -> bool {
        self.cities(place)
            .into_iter()
            .any(|c| Self::city_in(c, region))
            || self.named(place).any(|p| {
                p.kind == Kind::Country
                    && matches!(region, Region::Country(r) if r.country == p.country)
            })
    }

    /// Whether a city lies in a region.
    pub fn city_in(city: &Place, region: Region) -> bool {
        match region {
            Region::State(s) => {
                (city.country == "US" && city.admin1 == s.name) || city.country == s.admin1
            }
            Region::Country(c) => {
                city.country == c.country
                    || (c.country == "US"
                        && matches!(city.country, "PR" | "GU" | "VI" | "AS" | "MP"))
            }
        }
    }

    /// The known names closest to `name` (a typo such as `BEIJNG`), best first: at most
    /// two edits away (one for short names), ties broken by population. Returns the keys'
    /// display names in upper case.
    pub fn nearest(&'static self, name: &str, limit: usize) -> Vec<Nearest> {
        let k = key(name);
        let n = k.chars().count();
        if n < 4 {
            return Vec::new();
        }
        let max = if n < 7 { 1 } else { 2 };
        let mut found: Vec<Nearest> = Vec::new();
        let keys = self.keys.get_or_init(|| {
            let mut keys: Vec<String> = self
                .by_key
                .iter()
                .filter(|(_, v)| {
                    v.iter()
                        .any(|&i| self.places[i as usize].kind != Kind::State)
                })
                // Keys are written from strings: UTF-8.
                .map(|(k, _)| String::from_utf8_lossy(k).into_owned())
                .collect();
            keys.sort();
            keys
        });
        for cand in keys {
            let m = cand.chars().count();
            if m.abs_diff(n) > max || cand == &k {
                continue;
            }
            let d = strsim::damerau_levenshtein(&k, cand);
            if d == 0 || d > max {
                continue;
            }
            let population = self
                .rows(cand)
                .filter(|p| p.kind != Kind::State)
                .map(|p| p.population)
                .max()
                .unwrap_or(0);
            found.push(Nearest {
                key: cand.clone(),
                distance: d,
                population,
            });
        }
        found.sort_by(|a, b| {
            (a.distance, std::cmp::Reverse(a.population), &a.key).cmp(&(
                b.distance,
                std::cmp::Reverse(b.population),
                &b.key,
            ))
        });
        found.truncate(limit);
        found
    }
}

/// A candidate from [`Gazetteer::nearest`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Nearest {
    /// The normalized key (`BEIJING`, `SAINT PETERSBURG`).
    pub key: String,
    /// Edits from the query.
    pub distance: usize,
    pub population: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The first `fast_key`, kept as the reference the one-pass version must agree with.
    fn reference_fast_key(name: &str) -> bool {
        name.bytes()
            .all(|b| b.is_ascii_alphabetic() || b == b' ' || b == b'-' || b == b'\'')
            && !name.contains("  ")
            && !name.starts_with(' ')
            && !name.ends_with(' ')
            && !name.split(' ').any(|w| {
                ["ST", "STE", "FT", "MT"]
                    .iter()
                    .any(|a| w.eq_ignore_ascii_case(a))
            })
    }

    #[test]
    fn fast_key_agrees_with_its_reference() {
        let cases = [
            "",
            " ",
            "  ",
            "A",
            "St",
            "st",
            "ST LOUIS",
            "Saint Louis",
            "Fort Mt",
            "MtA",
            "New  York",
            " York",
            "York ",
            "Sainte-Foy",
            "O'Hare",
            "Ste",
            "STEM",
            "Ft.",
            "São Paulo",
            "Ürümqi",
            "A B C",
            "a-st",
            "X ST",
            "ST",
            "Mt Hood",
            "Mth",
        ];
        // `with_key`'s one pass: the key of a short fast-path name, else nothing.
        let upper = |c: &str| {
            let mut buf = [0u8; 48];
            fast_upper(c.as_bytes(), &mut buf).map(<[u8]>::to_vec)
        };
        let expected = |c: &str| (c.len() <= 48 && fast_key(c)).then(|| key(c).into_bytes());
        let long = "A".repeat(49);
        for c in cases.into_iter().chain([long.as_str(), &long[1..]]) {
            assert_eq!(fast_key(c), reference_fast_key(c), "{c:?}");
            assert_eq!(upper(c), expected(c), "{c:?}");
        }
        // Every name and ASCII name of the data.
        for line in DATA.lines().filter(|l| !l.starts_with('#')) {
            for name in line.split('\t').skip(1).take(2) {
                assert_eq!(fast_key(name), reference_fast_key(name), "{name:?}");
                assert_eq!(upper(name), expected(name), "{name:?}");
            }
        }
    }

    #[test]
    fn keys_fold_saints_diacritics_and_apostrophes() {
        assert_eq!(key("ST. PETERSBURG"), "SAINT PETERSBURG");
        assert_eq!(key("Saint Petersburg"), "SAINT PETERSBURG");
        assert_eq!(key("São Paulo"), "SAO PAULO");
        assert_eq!(key("Xi’an"), "XI'AN");
        assert_eq!(key("  new   york "), "NEW YORK");
        assert_eq!(key("St Louis"), "SAINT LOUIS");
        assert_eq!(key("Mt Vernon"), "MOUNT VERNON");
        assert_eq!(key("Port-au-Prince"), "PORT-AU-PRINCE");
    }

    #[test]
    fn lookups() {
        let g = gazetteer();
        assert!(g.len() > 30_000);
        let sp = g.cities("ST. PETERSBURG");
        assert!(sp.iter().any(|p| p.country == "RU"));
        assert!(sp
            .iter()
            .any(|p| p.country == "US" && p.admin1 == "Florida"));
        assert_eq!(g.country("Russia").map(|c| c.country), Some("RU"));
        assert_eq!(g.country("Britain").map(|c| c.country), Some("GB"));
        assert_eq!(g.country("FR").map(|c| c.name), Some("France"));
        assert_eq!(g.us_state("IL").map(|s| s.name), Some("Illinois"));
        assert_eq!(g.us_state("Texas").map(|s| s.admin1), Some("TX"));
        let fla = g.region("Florida").unwrap();
        let ru = g.region("Russia").unwrap();
        let tx = g.region("Texas").unwrap();
        assert!(g.region_contains(fla, "ST. PETERSBURG"));
        assert!(g.region_contains(ru, "St Petersburg"));
        assert!(!g.region_contains(tx, "ST. PETERSBURG"));
        assert!(g.knows("SAO PAULO"));
        assert!(g.knows("PEKING"));
    }

    #[test]
    fn nearest_suggests_the_big_city() {
        let g = gazetteer();
        let n = g.nearest("BEIJNG", 3);
        assert_eq!(n.first().map(|n| n.key.as_str()), Some("BEIJING"), "{n:?}");
        assert!(g.nearest("XQZW", 3).is_empty());
    }
}
