#!/usr/bin/env python3
"""Seeded-error test for the numbers/* and percent/* rules on real copy.

    COPYDESK_CORPORA=../shared/corpus scripts/seed-numbers.py [--bin PATH] [--limit N]

The corpora hold few of these errors (edited copy), so each error kind is put into real
sentences: a real form in a body paragraph is rewritten into the wrong one (`three
people` -> `3 people`, `4.8 mln dlrs` -> `4,800,000 dlrs`, `$5 million` -> `$5 million
dollars`, `0.5 pct` -> `.5 pct`, ...), one error per copy of the story, and the copy is
checked in its agency's style (reuters-1987: reuters; agnews-2004: the dateline credit's).
An error is caught when a finding of the expected code starts where the error was put.
Prints the catch rate per kind and writes it to target/seed-numbers.md; the mutated
copies live in a temporary folder and never enter the repository.
"""
import argparse
import json
import os
import pathlib
import random
import re
import subprocess
import sys
import tempfile

root = pathlib.Path(__file__).resolve().parent.parent
ap = argparse.ArgumentParser()
ap.add_argument("--bin", default=str(root / "target/release/copydesk"))
ap.add_argument("--keep", help="write the mutated copies to this folder (outside the repository) and keep them")
ap.add_argument("--limit", type=int, default=300, help="seeds per kind at most (0: all)")
args = ap.parse_args()
corpora = os.environ.get("COPYDESK_CORPORA")
if not corpora:
    sys.exit("COPYDESK_CORPORA is not set (a folder of corpora, e.g. ../shared/corpus)")

ONES = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
TEENS = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen",
         "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]


def words(n):
    if n < 10:
        return ONES[n]
    if n < 20:
        return TEENS[n - 10]
    return TENS[n // 10] + ("" if n % 10 == 0 else "-" + ONES[n % 10])


COUNT_NOUNS = {
    "people", "children", "men", "women", "soldiers", "companies", "banks", "countries",
    "workers", "employees", "officials", "students", "passengers", "villages", "cities",
    "ships", "planes", "cars", "firms", "candidates", "victims", "suspects", "rebels",
    "residents", "families", "homes", "nations", "hostages", "refugees", "policemen",
    "journalists", "lawmakers", "factories", "stores", "hospitals", "schools",
    "executives", "ministers", "parties", "trucks", "aircraft", "helicopters"}
NOUNS = "|".join(sorted(COUNT_NOUNS))


def kinds():
    """(name, code, style override or None, regex over a body paragraph, rewrite(m) ->
    (replacement, offset of the finding's start within the replacement))."""
    def small(m):
        d = str(ONES.index(m.group(1)))
        return d + m.group(2), 0

    def large(m):
        return words(int(m.group(1))) + m.group(2), 0

    def millions(m):
        sign, n, word = m.group(1), m.group(2), m.group(3)
        whole, _, frac = n.partition(".")
        value = int(whole) * 10 + (int(frac) if frac else 0)
        full = f"{value * 100_000:,}" if word in ("mln", "million") else f"{value * 100_000_000:,}"
        return sign + full + (m.group(4) or ""), 0

    return [
        ("count 1-9 in figures", "numbers/small-in-words", None,
         re.compile(r"(?<![\w.-])(" + "|".join(ONES[2:]) + r")( (?:" + NOUNS + r"))\b"), small),
        ("count 10-99 in words", "numbers/large-in-figures", None,
         re.compile(r"(?<=[a-z,] )([1-9][0-9])( (?:" + NOUNS + r"))\b"), large),
        ("figure opens a sentence", "numbers/sentence-start", None,
         re.compile(r"(?<=[a-z]{4}\. )([A-Z][a-z]+ )"), lambda m: ("15 " + m.group(1).lower(), 0)),
        ("round figure in full", "numbers/millions", None,
         re.compile(r"(?<![\w.,/-])(\$?)([1-9][0-9]?(?:\.[1-9])?) (mln|million|billion)( dlrs| dollars)?\b"),
         millions),
        ("whole amount with .00", "numbers/zero-cents", None,
         re.compile(r"(\$[1-9][0-9]{0,2})(?![\d.,-])(?! (?:million|billion|mln))"),
         lambda m: (m.group(1) + ".00", 0)),
        ("currency named twice", "numbers/currency-repeated", None,
         re.compile(r"(\$[0-9.,]+ (?:million|billion))(?![\w-])"),
         lambda m: (m.group(1) + " dollars", 0)),
        ("range drops the unit", "numbers/range-unit", None,
         re.compile(r"\$([1-9][0-9]?) (million|billion)\b"),
         lambda m: (f"${m.group(1)}-{int(m.group(1)) + 2} {m.group(2)}", 0)),
        ("decade with apostrophe", "numbers/decade", None,
         re.compile(r"(?<=\bin )(19[5-9])[0-9]\b(?![\d,.-])"),
         lambda m: (f"the {m.group(1)}0's", 4)),
        ("percent form, AP", "percent/form", "ap",
         re.compile(r"(?<![\w./-])([0-9]+(?:\.[0-9]+)?) (pct|percent)\b"),
         lambda m: (m.group(1) + " per cent", 0)),
        ("percent form, Xinhua", "percent/form", "xinhua",
         re.compile(r"(?<![\w./-])([0-9]+(?:\.[0-9]+)?) (pct|percent)\b"),
         lambda m: (m.group(1) + "%", 0)),
        ("percent without leading zero", "percent/leading-zero", None,
         re.compile(r"(?<![\w.])0(\.[0-9]+) (pct|percent)\b"),
         lambda m: (m.group(1) + " " + m.group(2), 0)),
    ]


OTHER_KIND = set("""acres barrels billion bln cents cts days degrees dlrs dollars euros feet francs
hours inches kilograms kilometers kilometres km lbs marks meters metres miles million minutes
mln months ounces pct percent points pounds seconds shares stg tonnes tons weeks yards years
yen yuan""".split())


def same_kind_larger(para, m):
    """AP's exception: a sentence with a count of 10 or more of the same kind takes figures
    for every count (`killing 7 people and injuring 24`): no error to seed there."""
    a = max(para.rfind(". ", 0, m.start()), 0)
    b = para.find(". ", m.end())
    sentence = para[a: b if b >= 0 else len(para)]
    for f in re.finditer(r"(?<![\w.,])([0-9][0-9,]*[0-9])(?:\.[0-9]+)?( [a-z]+| [a-z]+ [a-z]+)?", sentence):
        n = int(f.group(1).replace(",", "") or 0)
        if n < 10 or (len(f.group(1)) == 4 and f.group(1)[:2] in ("19", "20")):
            continue
        after = (f.group(2) or "").split()
        if not after or after[0] not in OTHER_KIND:
            return True
    return False


def style_of(text, corpus):
    if corpus == "reuters-1987":
        return "reuters"
    m = re.search(r"\((AP|Reuters|AFP)\)", text)
    return {"AP": "ap", "Reuters": "reuters", "AFP": "afp"}.get(m.group(1)) if m else None


def body_paragraphs(text):
    """(start, paragraph) of each paragraph after the first (the lede holds the dateline)
    that reads as sentences: ends with a period and holds no quotation mark."""
    out, at = [], 0
    for i, block in enumerate(text.split("\n\n")):
        start = at
        at += len(block) + 2
        # The lede: only its text after the dateline's separator.
        if i == 1:
            sep = re.search(r" (?:-|--|—) ", block[:160])
            if not sep:
                continue
            start += sep.end()
            block = block[sep.end():]
        elif i < 1:
            continue
        b = block.rstrip()
        b = b[: -len("Reuter")].rstrip() if b.endswith("Reuter") else b
        if not b.endswith(".") or any(q in b for q in "\"“”") or "(" in b and "vs" in b:
            continue
        out.append((start, block))
    return out


def position(text, offset):
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1)
    return line, len(text[offset - col:offset]) + 1


def main():
    rng = random.Random(19)
    stories = []
    for corpus in ("reuters-1987", "agnews-2004"):
        d = pathlib.Path(corpora) / corpus
        if not d.is_dir():
            continue
        for p in sorted(d.glob("*.txt")):
            text = p.read_text(errors="replace")
            style = style_of(text, corpus)
            if style:
                stories.append((corpus, p.name, text, style))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        if args.keep:
            tmp = args.keep
            pathlib.Path(tmp).mkdir(parents=True, exist_ok=True)
        for name, code, style_override, rx, rewrite in kinds():
            seeds = []
            for corpus, fname, text, style in stories:
                for start, para in body_paragraphs(text):
                    for m in rx.finditer(para):
                        if code == "numbers/small-in-words" and same_kind_larger(para, m):
                            continue
                        seeds.append((corpus, fname, text, style_override or style, start + m.start(), start + m.end(), m))
            rng.shuffle(seeds)
            # One seed per story, so each seeded copy holds one error.
            seen, chosen = set(), []
            for s in seeds:
                if (s[0], s[1]) in seen:
                    continue
                seen.add((s[0], s[1]))
                chosen.append(s)
            if args.limit:
                chosen = chosen[: args.limit]
            by_style = {}
            for i, (corpus, fname, text, style, a, b, m) in enumerate(chosen):
                repl, off = rewrite(m)
                mutated = text[:a] + repl + text[b:]
                path = pathlib.Path(tmp) / f"{i:04d}-{corpus}-{fname}"
                path.write_text(mutated)
                by_style.setdefault(style, []).append((path.name, position(mutated, a + off)))
            caught = total = 0
            missed = []
            for style, items in by_style.items():
                out = subprocess.run([args.bin, "check", "--format", "json", "--style", style]
                                     + [n for n, _ in items], cwd=tmp, capture_output=True, text=True)
                found = {(f["path"], f["range"]["start"]["line"], f["range"]["start"]["column"])
                         for f in json.loads(out.stdout)["findings"] if f["code"] == code}
                for n, (line, col) in items:
                    total += 1
                    if (n, line, col) in found:
                        caught += 1
                    else:
                        missed.append(f"{n}:{line}:{col}")
            rows.append((name, code, total, caught, missed))
            print(f"{name:32} {code:28} {caught:4}/{total:<4} {100 * caught / max(total, 1):5.1f} %")
            for mi in missed[:8]:
                print(f"    missed {mi}")
    report = ["| error seeded | rule | seeds | caught | rate |", "|---|---|---:|---:|---:|"]
    for name, code, total, caught, _ in rows:
        report.append(f"| {name} | `{code}` | {total} | {caught} | {100 * caught / max(total, 1):.1f} % |")
    (root / "target").mkdir(exist_ok=True)
    (root / "target/seed-numbers.md").write_text("\n".join(report) + "\n")
    print("table: target/seed-numbers.md")


main()
