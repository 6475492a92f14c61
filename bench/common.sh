# shellcheck shell=bash
# Shared by every benchmark script: Debian and npm installs, number formatting. Sourced, not
# run. The caller defines die() and log() and sets SCRIPT_DIR (bench/) and OUT_DIR first.

APT_UPDATED=0
apt_install() {
  local sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "need root or sudo to apt-get install $*"
    sudo="sudo"
  fi
  if [ "$APT_UPDATED" -eq 0 ]; then
    log "apt-get update"; $sudo apt-get update -qq >&2; APT_UPDATED=1
  fi
  log "apt-get install -y $*"
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@" >&2
}

# node and npm from Debian; @duckdb/node-api into bench/node_modules.
install_duckdb_node() {
  command -v node >/dev/null || apt_install nodejs
  command -v npm >/dev/null || apt_install npm
  mkdir -p "$OUT_DIR"
  if [ ! -d "$SCRIPT_DIR/node_modules/@duckdb/node-api" ]; then
    log "installing @duckdb/node-api into bench/node_modules"
    # npm ci wants every platform's optional binding in the lock; a registry mirror without
    # the darwin/win32 ones cannot give that, so fall back to npm install, which honours the
    # lock's versions for what it does install.
    if ! { [ -f "$SCRIPT_DIR/package-lock.json" ] && (cd "$SCRIPT_DIR" && npm ci --no-audit --no-fund >"$OUT_DIR/npm-ci.log" 2>&1); }; then
      log "npm ci refused (see bench/out/npm-ci.log); using npm install"
      (cd "$SCRIPT_DIR" && npm install --no-audit --no-fund >&2)
    fi
    [ -d "$SCRIPT_DIR/node_modules/@duckdb/node-api" ] || die "could not install @duckdb/node-api"
  fi
}

# 1234567 -> 1,234,567
commas() { echo "$1" | sed -e ':a' -e 's/^\([0-9]\{1,\}\)\([0-9]\{3\}\)/\1,\2/' -e 'ta'; }
