#!/usr/bin/env python3
"""Score copydesk's entity recognizer on ner-dev: per-type precision, recall and F1, exact span.

    cargo build --release
    scripts/ner-eval.py                      # tests/data/ner-dev, target/release/copydesk
    scripts/ner-eval.py --errors             # also list every miss and every false alarm
    scripts/ner-eval.py --bin target/debug/copydesk --data DIR

copydesk's `person` / `place` / `organization` are scored as PER / LOC / ORG; its `other`
names are not predictions. Gold is each document's `entities` (UTF-8 byte spans). A predicted
span that is not gold but overlaps one of the document's `misc` names (events, works,
products, groups: not gold, not exhaustive) counts neither way, as the data's README allows.
Every other prediction that is not a gold span of the same type is a false alarm (a right
span with the wrong type is a false alarm and a miss). tests/ner_dev.rs computes the same
figures in Rust and holds them as a floor.
"""

import argparse
import json
import pathlib
import subprocess
import sys

TYPES = {"person": "PER", "place": "LOC", "organization": "ORG"}


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=str(root / "target/release/copydesk"))
    ap.add_argument("--data", default=str(root / "tests/data/ner-dev"))
    ap.add_argument("--errors", action="store_true", help="list misses and false alarms")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()

    data = pathlib.Path(args.data)
    txts = sorted(data.glob("*.txt"))
    if not txts:
        sys.exit(f"no .txt files in {data}")
    run = subprocess.run(
        [args.bin, "entities", "--format", "json", *map(str, txts)],
        capture_output=True,
        check=False,
    )
    if run.returncode != 0:
        sys.exit(f"copydesk entities failed ({run.returncode}): {run.stderr.decode()}")
    report = json.loads(run.stdout)
    predicted = {}
    for f in report["files"]:
        spans = set()
        for e in f["entities"]:
            t = TYPES.get(e["type"])
            if t is None:
                continue
            for m in e["mentions"]:
                spans.add((m["start"], m["end"], t))
        predicted[pathlib.Path(f["path"]).stem] = spans

    tp = {t: 0 for t in TYPES.values()}
    fp = dict(tp)
    fn = dict(tp)
    errors = []
    for txt in txts:
        doc = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
        raw = txt.read_bytes()
        gold = {(e["start"], e["end"], e["type"]) for e in doc["entities"]}
        misc = [(m["start"], m["end"]) for m in doc.get("misc", [])]
        pred = predicted.get(txt.stem, set())
        for g in gold:
            if g in pred:
                tp[g[2]] += 1
            else:
                fn[g[2]] += 1
                errors.append((txt.stem, "miss", g, raw[g[0] : g[1]].decode()))
        for p in pred - gold:
            if any(p[0] < e and s < p[1] for s, e in misc) and not any(
                (p[0], p[1]) == (g[0], g[1]) for g in gold
            ):
                continue
            fp[p[2]] += 1
            errors.append((txt.stem, "false", p, raw[p[0] : p[1]].decode()))

    def prf(t, p, n):
        pr = t / (t + p) if t + p else 0.0
        rc = t / (t + n) if t + n else 0.0
        f1 = 2 * pr * rc / (pr + rc) if pr + rc else 0.0
        return pr, rc, f1

    rows = {}
    for t in TYPES.values():
        rows[t] = prf(tp[t], fp[t], fn[t]) + (tp[t], fp[t], fn[t])
    rows["ALL"] = prf(sum(tp.values()), sum(fp.values()), sum(fn.values())) + (
        sum(tp.values()),
        sum(fp.values()),
        sum(fn.values()),
    )
    if args.json:
        print(
            json.dumps(
                {
                    k: dict(zip(["precision", "recall", "f1", "tp", "fp", "fn"], v))
                    for k, v in rows.items()
                },
                indent=2,
            )
        )
    else:
        print(f"ner-dev ({len(txts)} documents), exact span")
        print("| type | precision | recall | F1 | tp | fp | fn |")
        print("|---|---|---|---|---|---|---|")
        for k, (p, r, f, a, b, c) in rows.items():
            print(f"| {k} | {100*p:.1f} | {100*r:.1f} | {100*f:.1f} | {a} | {b} | {c} |")
    if args.errors:
        for doc, kind, (s, e, t), text in sorted(errors):
            print(f"{doc}\t{kind}\t{t}\t{s}-{e}\t{text}")


if __name__ == "__main__":
    main()
