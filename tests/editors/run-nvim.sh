#!/usr/bin/env bash
# Runs the headless Neovim tests (tests/editors/nvim_test.lua, and the workspace index's
# nvim_workspace_test.lua; both load the shared tests/editors/harness.lua) against a copydesk
# binary, once per position encoding the client offers: Neovim's default offer
# (the server should pick utf-8), then utf-16 only, then utf-32 only.
#   COPYDESK_BIN=target/debug/copydesk tests/editors/run-nvim.sh
# Env: COPYDESK_BIN (required), NVIM (nvim binary; default: installed/located by
# .ci/install-neovim.sh), COPYDESK_NVIM_ENCODINGS (default "default utf-16 utf-32").
# Last line: "nvim: N passed, M failed". Exit status non-zero on any failure.
set -uo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"

die() { echo "run-nvim: ERROR: $*" >&2; exit 2; }
[ -n "${COPYDESK_BIN:-}" ] || die "set COPYDESK_BIN to the copydesk binary (e.g. target/debug/copydesk)"
COPYDESK_BIN="$(readlink -f "$COPYDESK_BIN")"
[ -x "$COPYDESK_BIN" ] || die "COPYDESK_BIN=$COPYDESK_BIN is not an executable file"

if [ -z "${NVIM:-}" ] || ! "$NVIM" --version >/dev/null 2>&1; then
  NVIM="$(bash "$REPO/.ci/install-neovim.sh" | tail -n 1)" || die ".ci/install-neovim.sh failed"
fi
[ -x "$NVIM" ] || die "no nvim binary: '$NVIM'"
echo "run-nvim: $("$NVIM" --version | head -1) at $NVIM; copydesk: $COPYDESK_BIN ($("$COPYDESK_BIN" --version 2>&1 | head -1))"

total_ok=0; total_failed=0; rc=0
for script in nvim_test.lua nvim_workspace_test.lua; do
for enc in ${COPYDESK_NVIM_ENCODINGS:-default utf-16 utf-32}; do
  e="$enc"; [ "$enc" = default ] && e=""
  log="$(mktemp)"
  # Generous overall cap so a hung server cannot stall CI.
  COPYDESK_BIN="$COPYDESK_BIN" COPYDESK_NVIM_ENCODING="$e" \
    timeout --kill-after=10 180 "$NVIM" --headless --clean -u NONE -l "$REPO/tests/editors/$script" \
    > >(tee "$log") 2>&1
  status=$?
  sleep 0.2
  summary="$(grep -E '^nvim \(' "$log" | tail -n 1)"
  ok="$(sed -n 's/^nvim ([^)]*): \([0-9]*\) ok, \([0-9]*\) failed.*/\1/p' <<<"$summary")"
  bad="$(sed -n 's/^nvim ([^)]*): \([0-9]*\) ok, \([0-9]*\) failed.*/\2/p' <<<"$summary")"
  if [ -z "$ok" ]; then
    echo "run-nvim: $script run '$enc' ended without a summary (exit $status; 124 = timeout)" >&2
    ok=0; bad=1
  elif [ "$status" -ne 0 ] && [ "$bad" = 0 ]; then
    echo "run-nvim: run '$enc' exited $status" >&2
    bad=1
  fi
  total_ok=$((total_ok + ok)); total_failed=$((total_failed + bad))
  [ "$bad" -eq 0 ] || rc=1
  rm -f "$log"
done
done
echo "nvim: $total_ok passed, $total_failed failed"
exit $rc
