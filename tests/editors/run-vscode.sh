#!/usr/bin/env bash
# End-to-end VS Code test: code-server (VS Code 1.139) + headless Debian Chromium.
#   COPYDESK_BIN=target/debug/copydesk tests/editors/run-vscode.sh
# 1. installs what is missing (.ci/install-code-server.sh: chromium, Node 24,
#    code-server into ~/.cache/copydesk-ci or $COPYDESK_CI_CACHE; ~3 minutes the
#    first time),
# 2. builds editors/vscode/copydesk.vsix (npm ci, typecheck, vsce package),
# 3. runs tests/editors/vscode/vscode.test.mjs (playwright-core), which writes
#    docs/img/vscode.png.
# Last line: "vscode: N passed, M failed". Non-zero exit on any failure.
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
log() { echo "[run-vscode] $*" >&2; }
die() { echo "[run-vscode] ERROR: $*" >&2; exit 2; }

[ -n "${COPYDESK_BIN:-}" ] || die "set COPYDESK_BIN to the copydesk binary (e.g. target/debug/copydesk)"
COPYDESK_BIN="$(readlink -f "$COPYDESK_BIN")"
[ -x "$COPYDESK_BIN" ] || die "COPYDESK_BIN=$COPYDESK_BIN is not an executable file"

npm_retry() {
  local n=1 delay=5
  until npm "$@"; do
    [ "$n" -lt 3 ] || { log "npm $* failed after $n attempts"; return 1; }
    log "npm $* failed (attempt $n); retrying in ${delay}s"
    sleep "$delay"; n=$((n + 1)); delay=$((delay * 3))
  done
}

t=$(date +%s)
bash "$REPO/.ci/install-code-server.sh" >/dev/null || die ".ci/install-code-server.sh failed"
CACHE="${COPYDESK_CI_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/copydesk-ci}"
# shellcheck disable=SC1091
. "$CACHE/code-server.env"
export NODE24 CODE_SERVER
log "install step: $(( $(date +%s) - t ))s"

t=$(date +%s)
(
  cd "$REPO/editors/vscode"
  npm_retry ci --no-audit --no-fund --loglevel=error
  npm run --silent typecheck
  rm -f copydesk.vsix
  npm run --silent package
) >&2 || die "building editors/vscode/copydesk.vsix failed"
export VSIX="$REPO/editors/vscode/copydesk.vsix"
[ -f "$VSIX" ] || die "$VSIX was not produced"
log "vsix: $VSIX ($(stat -c %s "$VSIX") bytes), built in $(( $(date +%s) - t ))s"

(cd "$REPO/tests/editors/vscode" && npm_retry ci --no-audit --no-fund --loglevel=error) >&2 \
  || die "npm ci in tests/editors/vscode failed"

export COPYDESK_BIN
export SCREENSHOT="${SCREENSHOT:-$REPO/docs/img/vscode.png}"
exec timeout --kill-after=15 600 node "$REPO/tests/editors/vscode/vscode.test.mjs"
