#!/bin/bash
# Instructions per analysis, the three figures of BENCHMARKS.md (callgrind, release
# `examples/profile_analyze`): article fresh, article keystroke, 1 MB keystroke.
# usage: scripts/instructions.sh TAG [OUTDIR]   (run at the crate root)
# Each figure is (N runs - 1 run) / (N - 1), so start-up and loading cancel out.
set -e
T=${1:-head}; O=${2:-target/callgrind}; P=target/release/examples/profile_analyze
mkdir -p "$O"
cargo build -q --release --example profile_analyze --example big_story
BIG=$O/big.txt
[ -s "$BIG" ] || target/release/examples/big_story > "$BIG"
tot() { callgrind_annotate "$O/${T}_$1.out" 2>/dev/null | grep "PROGRAM TOTALS" | awk '{gsub(",","",$1); print $1}'; }
for spec in "a11:samples/ap-city-council.txt 11" "a1:samples/ap-city-council.txt 1" \
            "t11:samples/ap-city-council.txt 11 --typing" "t1:samples/ap-city-council.txt 1 --typing" \
            "b3:$BIG 3 --typing" "b1:$BIG 1 --typing"; do
  n=${spec%%:*}; args=${spec#*:}
  # shellcheck disable=SC2086
  valgrind --tool=callgrind --callgrind-out-file="$O/${T}_$n.out" $P $args >/dev/null 2>&1 &
done
wait
a=$(( ($(tot a11) - $(tot a1)) / 10 )); t=$(( ($(tot t11) - $(tot t1)) / 10 )); b=$(( ($(tot b3) - $(tot b1)) / 2 ))
echo "$T: article fresh $a, keystroke $t, 1MB keystroke $b"
echo "profiles: $O/${T}_{a11,a1,t11,t1,b3,b1}.out (scripts/callgrind-diff.py A B N [--inclusive=yes])"
