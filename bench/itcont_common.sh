# Shared by the benchmarks on generated itcont files (run_committees_bench.sh,
# run_fec_ingest_bench.sh): tool installs, the generator and its cached inputs, small helpers.
# Sourced, not run. The caller defines die() and log() and sets SCRIPT_DIR, OUT_DIR, SEED and
# SIZES (the row counts) first.

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

# /usr/bin/time, node and npm from Debian; @duckdb/node-api into bench/node_modules.
install_bench_tools() {
  [ -x /usr/bin/time ] || apt_install time
  command -v node >/dev/null || apt_install nodejs
  command -v npm >/dev/null || apt_install npm
  mkdir -p "$OUT_DIR"
  if [ ! -d "$SCRIPT_DIR/node_modules/@duckdb/node-api" ]; then
    log "installing @duckdb/node-api into bench/node_modules"
    # As in run_ingest_bench.sh: npm ci, or npm install when the lock lacks other platforms'
    # optional bindings (a registry mirror with only the Linux ones).
    if ! { [ -f "$SCRIPT_DIR/package-lock.json" ] && (cd "$SCRIPT_DIR" && npm ci --no-audit --no-fund >"$OUT_DIR/npm-ci.log" 2>&1); }; then
      log "npm ci refused (see bench/out/npm-ci.log); using npm install"
      (cd "$SCRIPT_DIR" && npm install --no-audit --no-fund >&2)
    fi
    [ -d "$SCRIPT_DIR/node_modules/@duckdb/node-api" ] || die "could not install @duckdb/node-api"
  fi
}

# The generator is built straight from its one source file (no project dependencies); the
# inputs are cached under a name that carries the generator's hash, so editing it regenerates
# them, and every script on the same seed shares them.
GEN_SRC="$SCRIPT_DIR/itcont_generator.cc"
GEN_HASH=$(sha256sum "$GEN_SRC" | cut -c1-12)
GENERATOR="$OUT_DIR/itcont_generator.$GEN_HASH"
input_for() { echo "$OUT_DIR/itcont_$1.seed$SEED.$GEN_HASH.txt"; }
generate_inputs() {
  if [ ! -x "$GENERATOR" ]; then
    log "building $GENERATOR"
    "${CXX:-c++}" -std=c++20 -O2 -o "$GENERATOR" "$GEN_SRC" || die "could not compile $GEN_SRC"
  fi
  local n f
  for n in "${SIZES[@]}"; do
    f=$(input_for "$n")
    if [ ! -s "$f" ]; then
      log "generating $n rows -> $f"
      "$GENERATOR" --rows "$n" --seed "$SEED" --out "$f.tmp" || die "generating $f failed"
      mv "$f.tmp" "$f"
    fi
  done
}

# median [PRINTF-FORMAT]: of the numbers on stdin, one a line (default format %.3f).
median() { sort -g | awk -v f="${1:-%.3f}\n" '{ v[NR] = $1 } END { if (NR == 0) print "?"; else printf f, (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
# 1234567 -> 1,234,567
commas() { echo "$1" | sed -e ':a' -e 's/^\([0-9]\{1,\}\)\([0-9]\{3\}\)/\1,\2/' -e 'ta'; }
