#!/usr/bin/env python3
"""Score copydesk's entity recognizer on real wire copy: our own annotations of stories from
the research corpora, read in place through COPYDESK_CORPORA (the stories never enter the
repository; tests/data/wire-gold holds only offsets, types and each story's SHA-256).

    cargo build --release
    COPYDESK_CORPORA=../shared/corpus scripts/wire-gold.py              # every set
    COPYDESK_CORPORA=../shared/corpus scripts/wire-gold.py --split held-out --errors
    scripts/wire-gold.py --bin target/fast/copydesk

For each set (corpus x split) it writes the stories' gold in ner-dev's format to a
temporary folder beside links to the stories and runs scripts/ner-eval.py over it: per-type
precision, recall and F1, exact span. `dev` is what the recognizer was developed against;
`held-out` was annotated blind and only ever scored (see tests/data/wire-gold/README.md).
"""

import argparse
import hashlib
import json
import os
import pathlib
import subprocess
import sys
import tempfile


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bin", default=str(root / "target/release/copydesk"))
    ap.add_argument("--split", choices=["dev", "held-out"], help="only this split")
    ap.add_argument("--corpus", help="only this corpus (reuters-1987, agnews-2004)")
    ap.add_argument("--errors", action="store_true", help="list misses and false alarms")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = ap.parse_args()
    corpora = os.environ.get("COPYDESK_CORPORA")
    if not corpora:
        sys.exit("set COPYDESK_CORPORA to the folder holding reuters-1987/ and agnews-2004/")
    results = {}
    for gold in sorted((root / "tests/data/wire-gold").glob("*.json")):
        data = json.loads(gold.read_text(encoding="utf-8"))
        if args.split and data["split"] != args.split or args.corpus and data["corpus"] != args.corpus:
            continue
        src = pathlib.Path(corpora) / data["corpus"]
        with tempfile.TemporaryDirectory() as tmp:
            for stem, doc in data["documents"].items():
                story = src / f"{stem}.txt"
                raw = story.read_bytes()
                if hashlib.sha256(raw).hexdigest() != doc["sha256"]:
                    sys.exit(f"{story}: not the story that was annotated (SHA-256 differs)")
                os.symlink(story.resolve(), pathlib.Path(tmp) / story.name)
                ents = [{"start": s, "end": e, "type": t} for s, e, t in doc["names"]]
                misc = [{"start": s, "end": e} for s, e in doc["neutral"]]
                (pathlib.Path(tmp) / f"{stem}.json").write_text(json.dumps({"entities": ents, "misc": misc}))
            cmd = [sys.executable, str(root / "scripts/ner-eval.py"), "--bin", args.bin, "--data", tmp]
            name = gold.stem
            if args.json:
                out = subprocess.run(cmd + ["--json"], capture_output=True, text=True, check=True)
                results[name] = json.loads(out.stdout)
            else:
                out = subprocess.run(cmd + (["--errors"] if args.errors else []), capture_output=True, text=True, check=True)
                names = sum(len(d["names"]) for d in data["documents"].values())
                print(f"## {name} ({data['split']}, {len(data['documents'])} stories, {names} names)")
                print(out.stdout.split("\n", 1)[1])
    if args.json:
        print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
