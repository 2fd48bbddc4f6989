#!/usr/bin/env python3
"""Instructions per analysis, by function, from two callgrind runs of profile_analyze.

    valgrind --tool=callgrind --callgrind-out-file=a11.out target/release/examples/profile_analyze FILE 11
    valgrind --tool=callgrind --callgrind-out-file=a1.out  target/release/examples/profile_analyze FILE 1
    python3 scripts/callgrind-diff.py a11.out a1.out 10 [--inclusive=yes]

The second run holds everything the first does except N analyses (process start, the
one-time gazetteer parse), so (first - second) / N is the cost of one analysis.
"""
import re
import signal
import subprocess
import sys


def load(path, extra):
    out = subprocess.run(
        ["callgrind_annotate", "--threshold=100", *extra, path],
        capture_output=True, text=True, check=True,
    ).stdout
    costs = {}
    for line in out.splitlines():
        m = re.match(r"\s*([\d,]+) \([^)]*\)\s+(.*)$", line)
        if m and "PROGRAM TOTALS" not in m.group(2) and not m.group(2).startswith("=>"):
            costs[m.group(2)] = int(m.group(1).replace(",", ""))
    return costs


def main():
    signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # `| head` is fine
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    more, less, n, extra = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4:]
    a, b = load(more, extra), load(less, extra)
    diff = {k: (a.get(k, 0) - b.get(k, 0)) / n for k in set(a) | set(b)}
    total = sum(v for v in diff.values()) if not extra else max(diff.values())
    print(f"per analysis: {total:,.0f} instructions" + (" (largest inclusive)" if extra else ""))
    for k, v in sorted(diff.items(), key=lambda x: -x[1])[: int(__import__("os").environ.get("TOP", "40"))]:
        print(f"{v:14,.0f}  {k[:150]}")


if __name__ == "__main__":
    main()
