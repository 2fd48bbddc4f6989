#!/usr/bin/env python3
"""Every finding copydesk raises on the real corpora, per rule, for reading one by one.

    COPYDESK_CORPORA=../shared/corpus scripts/corpus-findings.py [--style STYLE] [--credit AGENCY] [--bin PATH]

For each corpus folder under COPYDESK_CORPORA (reuters-1987, agnews-2004, ...), runs
`copydesk check --format json` and prints, per rule code: findings, stories with one, and
the share of stories. The findings themselves, each with the line it is on, go to
target/corpus-findings/<corpus>/<code>.txt (slashes in codes become '-'), so that each can
be read and judged; ACCURACY.md records the judgement. The corpora are read in place and
never copied into the repository.
"""
import argparse
import collections
import json
import os
import pathlib
import subprocess
import sys

root = pathlib.Path(__file__).resolve().parent.parent
ap = argparse.ArgumentParser()
ap.add_argument("--style", help="house style passed to check (default: inferred)")
ap.add_argument("--credit", help="only the stories whose text credits (AGENCY), e.g. AP with --style ap")
ap.add_argument("--bin", default=str(root / "target/release/copydesk"))
ap.add_argument("--out", default=str(root / "target/corpus-findings"))
args = ap.parse_args()

corpora = os.environ.get("COPYDESK_CORPORA")
if not corpora:
    sys.exit("COPYDESK_CORPORA is not set (a folder of corpora, e.g. ../shared/corpus)")
if not os.path.exists(args.bin):
    sys.exit(f"no binary at {args.bin}: cargo build --release")

for corpus in sorted(p for p in pathlib.Path(corpora).iterdir() if p.is_dir()):
    cmd = [args.bin, "check", "--format", "json"]
    if args.style:
        cmd += ["--style", args.style]
    # Stories only: a corpus's README.md is not one.
    files = sorted(p.name for p in corpus.iterdir()
                   if p.suffix in (".txt", ".md") and p.name != "README.md")
    if args.credit:
        files = [f for f in files
                 if f"({args.credit})" in (corpus / f).read_text(errors="replace")]
        if not files:
            continue
    out = subprocess.run(cmd + files, cwd=corpus, capture_output=True, text=True)
    report = json.loads(out.stdout)
    stories = report["files_checked"]
    by_code = collections.defaultdict(list)
    for f in report["findings"]:
        by_code[f["code"]].append(f)
    dest = pathlib.Path(args.out) / corpus.name
    dest.mkdir(parents=True, exist_ok=True)
    for old in dest.glob("*.txt"):
        old.unlink()
    print(f"{corpus.name}: {stories} stories, {len(report['findings'])} findings"
          + (f" (--style {args.style})" if args.style else "")
          + (f" (stories crediting ({args.credit}))" if args.credit else ""))
    for code in sorted(by_code, key=lambda c: (-len(by_code[c]), c)):
        fs = by_code[code]
        files = {f["path"] for f in fs}
        print(f"  {code:36} {len(fs):5} findings  {len(files):5} stories  {100*len(files)/max(stories,1):5.1f} %")
        with open(dest / (code.replace("/", "-") + ".txt"), "w") as w:
            for f in fs:
                line_no = f["range"]["start"]["line"]
                col = f["range"]["start"]["column"]
                try:
                    line = (corpus / f["path"]).read_text(errors="replace").splitlines()[line_no - 1]
                except (OSError, IndexError):
                    line = ""
                w.write(f"{f['path']}:{line_no}:{col}: {f['severity']}: {f['message']}\n    | {line[:200]}\n")
    print(f"  listings: {dest}/")
