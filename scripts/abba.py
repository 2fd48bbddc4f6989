#!/usr/bin/env python3
"""Compare two commands' speed on a noisy machine, in ABBA rounds.

    scripts/abba.py [--rounds N] [--figure REGEX] [--env K=V ...] [--allow-status 0,1] -- "A" "B"

Each round runs A, B, B, A and takes B's two runs over A's two, so that a change of the
machine's speed during the round (a neighbour on the VM) falls on both sides. The median of
the rounds' ratios is printed with its quartiles, for wall clock and for CPU time
(user + system, from the kernel's accounting of the child).

With --figure, the figure compared is instead the first number that REGEX's first group
matches in the command's standard error: for `profile_analyze`, whose start-up (the
gazetteer and word tables) would otherwise dilute the per-analysis time:

    scripts/abba.py --rounds 20 --figure '([0-9.]+) µs each' -- \\
      "FLOOR/examples/profile_analyze samples/ap-city-council.txt 1000" \\
      "target/release/examples/profile_analyze samples/ap-city-council.txt 1000"

Standard library only; commands are split as a POSIX shell would (no pipes or globs).
"""

import argparse
import os
import re
import shlex
import statistics
import subprocess
import sys
import time


def run(cmd, env, figure, allowed):
    start = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    err = p.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - start
    if status & 0x7F or status >> 8 not in allowed:
        sys.exit(f"abba: {shlex.join(cmd)} exited with status {status >> 8}:\n{err}")
    if figure is None:
        return wall, usage.ru_utime + usage.ru_stime
    m = figure.search(err)
    if not m:
        sys.exit(f"abba: --figure matched nothing in the standard error of {shlex.join(cmd)}")
    return float(m.group(1)), None


def summary(name, ratios):
    rs = sorted(ratios)
    q = lambda p: rs[round(p * (len(rs) - 1))]
    return (
        f"B/A {name}: median {statistics.median(rs):.3f}  q1 {q(0.25):.3f}  "
        f"q3 {q(0.75):.3f}  min {rs[0]:.3f}  max {rs[-1]:.3f}"
    )


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--rounds", type=int, default=10)
    ap.add_argument("--figure", help="regex whose first group, in stderr, is the figure")
    ap.add_argument("--env", action="append", default=[], help="K=V for both commands")
    ap.add_argument(
        "--allow-status",
        default="0",
        help="exit statuses taken as a run (comma-separated; `check` exits 1 on errors found)",
    )
    ap.add_argument("commands", nargs=2, metavar="COMMAND")
    args = ap.parse_args()
    env = dict(os.environ)
    for kv in args.env:
        k, _, v = kv.partition("=")
        env[k] = v
    a, b = (shlex.split(c) for c in args.commands)
    figure = re.compile(args.figure) if args.figure else None
    allowed = {int(x) for x in args.allow_status.split(",")}
    first, second, seen_a, seen_b = [], [], [], []
    for _ in range(args.rounds):
        a1, b1, b2, a2 = (run(c, env, figure, allowed) for c in (a, b, b, a))
        first.append((b1[0] + b2[0]) / (a1[0] + a2[0]))
        if figure is None:
            second.append((b1[1] + b2[1]) / (a1[1] + a2[1]))
        seen_a += [a1[0], a2[0]]
        seen_b += [b1[0], b2[0]]
    print(summary("figure" if figure else "wall", first))
    if second:
        print(summary("cpu", second))
    print(
        f"rounds {args.rounds}; A median {statistics.median(seen_a):.4g}, "
        f"B median {statistics.median(seen_b):.4g} ({'figure' if figure else 'wall, s'})"
    )


if __name__ == "__main__":
    main()
