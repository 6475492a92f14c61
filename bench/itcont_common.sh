# shellcheck shell=bash
# Shared by the benchmarks on generated itcont files (run_committees_bench.sh,
# run_fec_ingest_bench.sh): the generator and its cached inputs, tool installs, a median.
# Sourced, not run. The caller defines die() and log() and sets SCRIPT_DIR, OUT_DIR, SEED and
# SIZES (the row counts) first.

# shellcheck source=bench/common.sh
. "$SCRIPT_DIR/common.sh"

# /usr/bin/time, and DuckDB for node (install_duckdb_node).
install_bench_tools() {
  [ -x /usr/bin/time ] || apt_install time
  install_duckdb_node
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
