#!/usr/bin/env bash
# The regression comparison: `copydesk check --format json` over every input we have,
# from two builds, compared byte for byte. Run it before every merge; every difference it
# prints must be intended and named in the commit.
#
#   scripts/regress.sh [BASE_REV]      compare BASE_REV (default: main) with the work tree
#   scripts/regress.sh --save DIR      only write the work tree's outputs into DIR
#
# Inputs: tests/fixtures, samples, demo, the 1 MB benchmark document (examples/big_story),
# each under the inferred style and under --style ap, reuters and xinhua; and, when
# COPYDESK_CORPORA names a folder of corpora (e.g. ../shared/corpus), every corpus in it.
# The corpora are read in place and never copied into the repository.
#
# BASE_REV is built in a git worktree under target/regress/ (its own target dir, kept
# between runs, so the second run is incremental). Outputs: target/regress/{base,head}/.
# Exit status: 0 identical, 1 differences (listed), 2 usage or build failure.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
work=$root/target/regress
mkdir -p "$work"

# Write one build's outputs: $1 = copydesk binary, $2 = example runner dir, $3 = out dir.
outputs() {
  local bin=$1 out=$2
  rm -rf "$out"; mkdir -p "$out"
  "$root/target/release/examples/big_story" > "$work/big-story.txt"
  local -a sets=(tests/fixtures samples demo "$work/big-story.txt")
  local -a names=(fixtures samples demo big-story)
  if [[ -n "${COPYDESK_CORPORA:-}" ]]; then
    for c in "$COPYDESK_CORPORA"/*/; do
      c=${c%/}
      sets+=("$c"); names+=("corpus-$(basename "$c")")
    done
  fi
  local i style
  for i in "${!sets[@]}"; do
    for style in inferred ap reuters xinhua; do
      local -a flag=()
      [[ $style != inferred ]] && flag=(--style "$style")
      # Paths are printed relative to the folder checked, so both builds print the same.
      local dir file
      if [[ -d ${sets[$i]} ]]; then dir=${sets[$i]}; file=.; else dir=$(dirname "${sets[$i]}"); file=$(basename "${sets[$i]}"); fi
      (cd "$dir" && "$bin" check --format json "${flag[@]}" "$file" > "$out/${names[$i]}.$style.json" 2> "$out/${names[$i]}.$style.stderr") || true
    done
  done
}

if [[ ${1:-} == --save ]]; then
  [[ -n ${2:-} ]] || { echo "usage: scripts/regress.sh --save DIR" >&2; exit 2; }
  cargo build --release --quiet --bin copydesk --example big_story
  outputs "$root/target/release/copydesk" "$(realpath -m "$2")"
  echo "outputs written to $2"
  exit 0
fi

base_rev=${1:-main}
base_sha=$(git rev-parse --verify "$base_rev^{commit}") || { echo "no such revision: $base_rev" >&2; exit 2; }
echo "base: $base_rev ($base_sha); head: work tree of $(git rev-parse --short HEAD)"

cargo build --release --quiet --bin copydesk --example big_story
if [[ ! -d $work/base-tree ]]; then
  git worktree add --detach --force "$work/base-tree" "$base_sha" >/dev/null
else
  git -C "$work/base-tree" checkout --quiet --detach --force "$base_sha"
fi
(cd "$work/base-tree" && CARGO_TARGET_DIR=$work/base-target cargo build --release --quiet --bin copydesk) \
  || { echo "could not build $base_rev" >&2; exit 2; }

outputs "$work/base-target/release/copydesk" "$work/base"
outputs "$root/target/release/copydesk" "$work/head"

if diff -r -q "$work/base" "$work/head" >/dev/null; then
  n=$(cat "$work"/head/*.json | grep -c '"code"' || true)
  echo "identical: $(ls "$work/head" | grep -c json) outputs, $n findings"
  exit 0
fi
echo "DIFFERENT:"
for f in "$work"/head/*; do
  b=$work/base/$(basename "$f")
  if ! cmp -s "$b" "$f"; then
    echo "--- $(basename "$f")"
    diff -u "$b" "$f" | head -60 || true
  fi
done
exit 1
