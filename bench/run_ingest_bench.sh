#!/usr/bin/env bash
# Ingest benchmark: downballot vs. sqlite3 .import vs. DuckDB read_csv on the
# OpenElections CSVs of every state in the data folder. One run of this script
# measures all three engines (wall time over N runs, rows, rows/s, MB/s, peak
# RSS, CPU time), then times downballot adding the last state to a store that
# already holds the others, and appends a Markdown section to bench/RESULTS.md.
# See bench/README.md.
#
#   bench/run_ingest_bench.sh [--runs N] [--binary PATH] [--data DIR]
#                             [--states LIST] [--engines LIST]
#                             [--results FILE] [--duckdb-threads N]
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(git -C "$SCRIPT_DIR" rev-parse --show-toplevel 2>/dev/null || (cd "$SCRIPT_DIR/.." && pwd))

RUNS=3
BINARY="$REPO_ROOT/build/release/src/cli/downballot"
DATA="${DOWNBALLOT_DATA:-$REPO_ROOT/../shared/data}"
ENGINES="downballot,sqlite3,duckdb"
STATES=""
RESULTS="$SCRIPT_DIR/RESULTS.md"
DUCKDB_THREADS=""
OUT_DIR="$SCRIPT_DIR/out"   # logs and per-run outputs (gitignored)

usage() {
  cat <<EOF
usage: $0 [options]
  --runs N            timed runs per engine (default 3; the median is reported)
  --binary PATH       downballot binary (default build/release/src/cli/downballot)
  --data DIR          data root holding openelections-XX/ folders
                      (default \${DOWNBALLOT_DATA:-<repo>/../shared/data})
  --states LIST       comma-separated state codes, e.g. ny,oh (default: every
                      openelections-XX/ folder under the data root)
  --engines LIST      comma-separated subset of downballot,sqlite3,duckdb (default all)
  --results FILE      Markdown file the section is appended to (default bench/RESULTS.md)
  --duckdb-threads N  DuckDB worker threads (default: DuckDB's own choice, = cores)
EOF
}

die() { echo "run_ingest_bench: $*" >&2; exit 1; }
log() { echo "[bench] $*" >&2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="${2:?--runs needs a value}"; shift 2 ;;
    --binary) BINARY="${2:?--binary needs a value}"; shift 2 ;;
    --data) DATA="${2:?--data needs a value}"; shift 2 ;;
    --states) STATES="${2:?--states needs a value}"; shift 2 ;;
    --engines) ENGINES="${2:?--engines needs a value}"; shift 2 ;;
    --results) RESULTS="${2:?--results needs a value}"; shift 2 ;;
    --duckdb-threads) DUCKDB_THREADS="${2:?--duckdb-threads needs a value}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer (got '$RUNS')"
[ -z "$DUCKDB_THREADS" ] || [[ "$DUCKDB_THREADS" =~ ^[1-9][0-9]*$ ]] || die "--duckdb-threads must be a positive integer"
IFS=',' read -r -a ENGINE_LIST <<<"$ENGINES"
for e in "${ENGINE_LIST[@]}"; do
  case "$e" in downballot|sqlite3|duckdb) ;; *) die "unknown engine '$e' (want downballot, sqlite3, duckdb)" ;; esac
done
want() { [[ ",$ENGINES," == *",$1,"* ]]; }

# ---------------------------------------------------------------- tools ----
# shellcheck source=bench/common.sh
. "$SCRIPT_DIR/common.sh"
[ -x /usr/bin/time ] || apt_install time
command -v jq >/dev/null || apt_install jq
if want sqlite3; then command -v sqlite3 >/dev/null || apt_install sqlite3; fi
if want duckdb; then
  install_duckdb_node
fi

# ----------------------------------------------------------------- data ----
[ -d "$DATA" ] || die "data directory not found: $DATA (pass --data or set DOWNBALLOT_DATA)"
DATA=$(cd "$DATA" && pwd)
STATE_DIRS=()
if [ -n "$STATES" ]; then
  IFS=',' read -r -a state_list <<<"$STATES"
  for st in "${state_list[@]}"; do
    st=$(echo "$st" | tr '[:upper:]' '[:lower:]')
    [[ "$st" =~ ^[a-z]{2}$ ]] || die "--states wants two-letter codes (got '$st')"
    [ -d "$DATA/openelections-$st" ] || die "no folder $DATA/openelections-$st"
    STATE_DIRS+=("$DATA/openelections-$st")
  done
else
  while IFS= read -r d; do STATE_DIRS+=("$d"); done < <(find "$DATA" -mindepth 1 -maxdepth 1 -type d -name 'openelections-??' | LC_ALL=C sort)
fi
[ "${#STATE_DIRS[@]}" -gt 0 ] || die "no openelections-XX/ folders under $DATA"
STATE_NAMES=$(for d in "${STATE_DIRS[@]}"; do basename "$d" | sed 's/openelections-//' | tr '[:lower:]' '[:upper:]'; done | paste -sd' ')
# The incremental case: a store holding every other state takes in the last one.
LAST_DIR=${STATE_DIRS[${#STATE_DIRS[@]}-1]}
OTHER_DIRS=("${STATE_DIRS[@]:0:${#STATE_DIRS[@]}-1}")

mkdir -p "$OUT_DIR"
rm -f "$OUT_DIR"/*.run*.out "$OUT_DIR"/*.run*.err   # outputs of an earlier invocation
WORK=$(mktemp -d "${TMPDIR:-/tmp}/downballot-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

FILES="$OUT_DIR/files.txt"
find "${STATE_DIRS[@]}" -type f -iname '*.csv' | LC_ALL=C sort >"$FILES"
NFILES=$(wc -l <"$FILES")
[ "$NFILES" -gt 0 ] || die "no *.csv files under ${STATE_DIRS[*]}"
if grep -q "['\"]" "$FILES"; then die "a CSV path contains a quote character; the sqlite3 script cannot quote it"; fi
TOTAL_BYTES=0
while IFS= read -r f; do TOTAL_BYTES=$((TOTAL_BYTES + $(stat -c %s "$f"))); done <"$FILES"
log "$NFILES CSV files, $TOTAL_BYTES bytes in $STATE_NAMES under $DATA"
# The incremental row's input is the last state's files alone.
LAST_BYTES=0
while IFS= read -r f; do LAST_BYTES=$((LAST_BYTES + $(stat -c %s "$f"))); done < <(grep -F "$LAST_DIR/" "$FILES")

# Key used to match per-file counts across engines: the path below the data
# root (e.g. openelections-ny/2016/20161108__ny__general__county.csv).
file_key() { awk -v root="$DATA/" '{ k = $0; if (index(k, root) == 1) k = substr(k, length(root) + 1); print k }'; }
# The same on "path<TAB>rows" lines.
tsv_file_key() { awk -F'\t' -v root="$DATA/" 'BEGIN { OFS = "\t" } { k = $1; if (index(k, root) == 1) k = substr(k, length(root) + 1); print k, $2 }'; }

# Untimed warm-up: read every input once so the page cache is warm, and note
# files whose only line ending is a bare CR (sqlite3's CSV reader splits rows
# on LF only; such a file would be one enormous row).
log "warm-up: reading all inputs once (untimed)"
CR_ONLY="$OUT_DIR/cr_only_files.txt"
: >"$CR_ONLY"
while IFS= read -r f; do
  cat "$f" >/dev/null
  if [ "$(tr -cd '\n' <"$f" | head -c1 | wc -c)" -eq 0 ] && [ "$(tr -cd '\r' <"$f" | head -c1 | wc -c)" -eq 1 ]; then
    echo "$f" >>"$CR_ONLY"
  fi
done <"$FILES"
# Warm the engines' own code too, so run 1 does not pay a cold disk read of it.
if want duckdb; then
  find "$SCRIPT_DIR/node_modules/@duckdb" -name '*.node' -exec cat {} + >/dev/null 2>&1 || true
fi

# ------------------------------------------------------------- engines -----
HAVE_DOWNBALLOT=0
if want downballot; then
  if [ -x "$BINARY" ]; then
    HAVE_DOWNBALLOT=1
    cat "$BINARY" >/dev/null
  else
    log "SKIPPING downballot: binary not found at $BINARY" \
        "(build it: cmake --preset release && cmake --build --preset release, or pass --binary PATH)"
  fi
fi

# sqlite3: one generated script imports every file into its own table t001..;
# a second script counts the rows afterwards (untimed).
SQLITE_IMPORT="$OUT_DIR/sqlite3_import.sql"
SQLITE_COUNT="$OUT_DIR/sqlite3_count.sql"
{
  echo "-- generated by run_ingest_bench.sh: one table per CSV file"
  i=0
  while IFS= read -r f; do
    i=$((i + 1)); t=$(printf 't%03d' "$i")
    if grep -qxF "$f" "$CR_ONLY"; then
      echo ".import --csv '|tr \"\\r\" \"\\n\" < $f' $t"
    else
      echo ".import --csv '$f' $t"
    fi
  done <"$FILES"
} >"$SQLITE_IMPORT"
{
  i=0
  while IFS= read -r f; do
    i=$((i + 1)); printf "SELECT '%s', count(*) FROM t%03d;\n" "$f" "$i"
  done <"$FILES"
} >"$SQLITE_COUNT"

DB_STORE="$WORK/downballot.db"
SQLITE_DB="$WORK/sqlite3.db"
DUCK_DB="$WORK/duckdb.duckdb"
DUCK_ARGS=(--db "$DUCK_DB" --list "$FILES")
[ -z "$DUCKDB_THREADS" ] || DUCK_ARGS+=(--threads "$DUCKDB_THREADS")

CMD_DOWNBALLOT="$BINARY --store $DB_STORE ingest ${STATE_DIRS[*]} --format json"
CMD_INCREMENTAL="$BINARY --store $WORK/incremental.db ingest $LAST_DIR --format json   # store copied, before the run, from one holding ${OTHER_DIRS[*]}"
CMD_SQLITE="sqlite3 -batch -bail $SQLITE_DB < bench/out/sqlite3_import.sql   # then: sqlite3 -batch $SQLITE_DB < bench/out/sqlite3_count.sql (untimed)"
CMD_DUCKDB="node bench/duckdb_read.mjs ${DUCK_ARGS[*]}"
CMD_DUCKDB=${CMD_DUCKDB//$OUT_DIR/bench\/out}
# Show the temporary directory by its pattern, not its random name.
CMD_DOWNBALLOT=${CMD_DOWNBALLOT//$WORK/${TMPDIR:-/tmp}\/downballot-bench.XXXXXX}
CMD_INCREMENTAL=${CMD_INCREMENTAL//$WORK/${TMPDIR:-/tmp}\/downballot-bench.XXXXXX}
CMD_SQLITE=${CMD_SQLITE//$WORK/${TMPDIR:-/tmp}\/downballot-bench.XXXXXX}
CMD_DUCKDB=${CMD_DUCKDB//$WORK/${TMPDIR:-/tmp}\/downballot-bench.XXXXXX}

# run_timed ENGINE RUN CMD... : runs CMD under /usr/bin/time with stdout/stderr
# in bench/out/, records "wall_s rss_kb cpu_s rc" in $WORK/times.ENGINE.
run_timed() {
  local engine=$1 run=$2; shift 2
  local out="$OUT_DIR/$engine.run$run.out" err="$OUT_DIR/$engine.run$run.err" tf="$WORK/time.$engine.$run"
  local t0 t1 rc=0
  t0=$(date +%s%N)
  /usr/bin/time -f '%M %U %S' -o "$tf" "$@" >"$out" 2>"$err" || rc=$?
  t1=$(date +%s%N)
  local rss user sys
  read -r rss user sys < <(tail -n1 "$tf")
  awk -v t0="$t0" -v t1="$t1" -v rss="$rss" -v u="$user" -v s="$sys" -v rc="$rc" \
    'BEGIN { printf "%.3f %d %.2f %d\n", (t1 - t0) / 1e9, rss, u + s, rc }' >>"$WORK/times.$engine"
  return "$rc"
}

# commas N: 1234567 -> 1,234,567 (independent of the locale).

# Per-file counts of the run just done, "key<TAB>rows", into $WORK/counts.ENGINE.
collect_downballot() {
  local json="$OUT_DIR/downballot.run$1.out"
  [ -s "$json" ] || return 1
  jq -e 'type == "object" and (.rows_read | type == "number")' "$json" >/dev/null 2>&1 || return 1
  jq -r '.rows_read, .rows_stored, .rows_rejected' "$json" | paste -sd' ' >"$WORK/totals.downballot"
  jq -r '.files | if type == "array" then .[] | [.path, .rows_read] else to_entries[] | [.key, .value.rows_read] end | @tsv' \
    "$json" 2>/dev/null | tsv_file_key \
    >"$WORK/counts.downballot" || true
}
collect_sqlite3() {
  sqlite3 -batch -separator $'\t' "$SQLITE_DB" <"$SQLITE_COUNT" >"$WORK/sqlite3.counts.raw"
  tsv_file_key <"$WORK/sqlite3.counts.raw" >"$WORK/counts.sqlite3"
  awk -F'\t' '{ s += $2 } END { print s + 0 }' "$WORK/counts.sqlite3" >"$WORK/totals.sqlite3"
}
collect_duckdb() {
  local json="$OUT_DIR/duckdb.run$1.out"
  [ -s "$json" ] || return 1
  jq -e 'type == "object" and (.rows | type == "number")' "$json" >/dev/null 2>&1 || return 1
  jq -r '.rows' "$json" >"$WORK/totals.duckdb"
  jq -r '.files[] | [.path, .rows] | @tsv' "$json" |
    tsv_file_key >"$WORK/counts.duckdb"
  jq -r '.fallbacks[]' "$json" | file_key >"$WORK/duckdb.fallbacks"
  local wall
  wall=$(tail -n1 "$WORK/times.duckdb" | cut -d' ' -f1)
  jq -r --arg wall "$wall" '"\(.duckdb_version) threads=\(.threads) read_ms=\(.load_ms) in_process_ms=\(.total_ms) startup_ms=\(($wall | tonumber) * 1000 - .total_ms | round)"' \
    "$json" >>"$WORK/duckdb.internal"
}

declare -A FAILED=()
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
BENCH_T0=$(date +%s)
for run in $(seq 1 "$RUNS"); do
  # Engines are interleaved run by run so drift in machine load hits all alike.
  if [ "$HAVE_DOWNBALLOT" -eq 1 ] && [ -z "${FAILED[downballot]:-}" ]; then
    rm -f "$DB_STORE" "$DB_STORE-wal" "$DB_STORE-shm" "$DB_STORE-journal"
    log "run $run/$RUNS: downballot"
    rc=0; run_timed downballot "$run" "$BINARY" --store "$DB_STORE" ingest "${STATE_DIRS[@]}" --format json || rc=$?
    if ! collect_downballot "$run"; then
      FAILED[downballot]="exit $rc, no JSON report (see bench/out/downballot.run$run.err)"
      log "downballot failed: ${FAILED[downballot]}"; tail -n5 "$OUT_DIR/downballot.run$run.err" >&2 || true
    elif [ "$rc" -ne 0 ]; then
      log "downballot exited $rc but wrote a report; counted (see bench/out/downballot.run$run.err)"
    fi
  fi
  if want sqlite3 && [ -z "${FAILED[sqlite3]:-}" ]; then
    rm -f "$SQLITE_DB" "$SQLITE_DB-journal" "$SQLITE_DB-wal"
    log "run $run/$RUNS: sqlite3 .import"
    rc=0; run_timed sqlite3 "$run" sqlite3 -batch -bail "$SQLITE_DB" <"$SQLITE_IMPORT" || rc=$?
    if [ "$rc" -ne 0 ]; then
      FAILED[sqlite3]="exit $rc (see bench/out/sqlite3.run$run.err)"; log "sqlite3 failed: ${FAILED[sqlite3]}"
    else
      collect_sqlite3 "$run"
    fi
  fi
  if want duckdb && [ -z "${FAILED[duckdb]:-}" ]; then
    rm -f "$DUCK_DB" "$DUCK_DB.wal"
    log "run $run/$RUNS: duckdb read_csv"
    rc=0; run_timed duckdb "$run" node "$SCRIPT_DIR/duckdb_read.mjs" "${DUCK_ARGS[@]}" || rc=$?
    if [ "$rc" -ne 0 ] || ! collect_duckdb "$run"; then
      FAILED[duckdb]="exit $rc (see bench/out/duckdb.run$run.out/.err)"; log "duckdb failed: ${FAILED[duckdb]}"
    fi
  fi
done

# The incremental case, downballot only: a store already holding every other
# state (built once, untimed) takes in the last state. Only that state's races
# are rebuilt, so this should cost about that state's share of the full ingest.
INC_NOTE=""
if [ "$HAVE_DOWNBALLOT" -eq 1 ] && [ -z "${FAILED[downballot]:-}" ] && [ "${#OTHER_DIRS[@]}" -gt 0 ]; then
  INC_BASE="$WORK/incremental-base.db"
  log "incremental: building a store of ${OTHER_DIRS[*]} (untimed)"
  if "$BINARY" --store "$INC_BASE" ingest "${OTHER_DIRS[@]}" --format json >"$OUT_DIR/incremental-base.out" 2>"$OUT_DIR/incremental-base.err"; then
    for run in $(seq 1 "$RUNS"); do
      rm -f "$WORK"/incremental.db*
      cp "$INC_BASE" "$WORK/incremental.db"
      log "run $run/$RUNS: downballot, one more state ($LAST_DIR)"
      rc=0; run_timed incremental "$run" "$BINARY" --store "$WORK/incremental.db" ingest "$LAST_DIR" --format json || rc=$?
      if [ "$rc" -ne 0 ] || ! jq -e '.rows_read | type == "number"' "$OUT_DIR/incremental.run$run.out" >/dev/null 2>&1; then
        FAILED[incremental]="exit $rc (see bench/out/incremental.run$run.err)"; break
      fi
      jq -r '.rows_read, .rows_stored, .rows_rejected' "$OUT_DIR/incremental.run$run.out" | paste -sd' ' >"$WORK/totals.incremental"
    done
  else
    FAILED[incremental]="building the store of the other states failed (see bench/out/incremental-base.err)"
  fi
  [ -z "${FAILED[incremental]:-}" ] || log "incremental failed: ${FAILED[incremental]}"
fi
BENCH_SECS=$(( $(date +%s) - BENCH_T0 ))
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)

# -------------------------------------------------------------- report -----
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) { print ""; exit } if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
col() { awk -v c="$2" '{ print $c }' "$WORK/times.$1"; }

DB_MEDIAN=""
if [ -f "$WORK/times.downballot" ] && [ -z "${FAILED[downballot]:-}" ]; then DB_MEDIAN=$(col downballot 1 | median); fi

MB=$(awk -v b="$TOTAL_BYTES" 'BEGIN { printf "%.1f", b / 1e6 }')
EMPTY7=" | | | | | | |"   # the 7 cells after the status cell
row_for() {
  local engine=$1 label=$2
  if [ "$engine" = downballot ] && [ "$HAVE_DOWNBALLOT" -eq 0 ]; then
    echo "| $label | pending: binary not built (\`$BINARY\`) |$EMPTY7"; return
  fi
  if [ -n "${FAILED[$engine]:-}" ] || [ ! -s "$WORK/times.$engine" ]; then
    echo "| $label | failed: ${FAILED[$engine]:-no run} |$EMPTY7"; return
  fi
  local med runs rss cpu rows rows_note ratio
  med=$(col "$engine" 1 | median)
  runs=$(col "$engine" 1 | paste -sd' ' | sed 's/ /, /g')
  rss=$(col "$engine" 2 | sort -n | tail -n1)
  cpu=$(col "$engine" 3 | median)
  if [ "$engine" = downballot ] || [ "$engine" = incremental ]; then
    read -r rows stored rejected <"$WORK/totals.$engine"
    rows_note="$(commas "$rows") read ($(commas "$stored") stored, $(commas "$rejected") rejected)"
  else
    rows=$(cat "$WORK/totals.$engine"); rows_note=$(commas "$rows")
  fi
  if [ -n "$DB_MEDIAN" ]; then
    ratio=$(awk -v a="$med" -v b="$DB_MEDIAN" 'BEGIN { printf "%.2f×", a / b }')
  else
    ratio="n/a (no downballot time)"
  fi
  [ "$engine" = downballot ] && [ -n "$DB_MEDIAN" ] && ratio="1.00× (baseline)"
  [ "$engine" = incremental ] && ratio="$ratio (adds 1 state of ${#STATE_DIRS[@]})"
  local rate
  rate=$(commas "$(awk -v r="$rows" -v m="$med" 'BEGIN { printf "%.0f", r / m }')")
  awk -v label="$label" -v med="$med" -v runs="$runs" -v note="$rows_note" -v rate="$rate" \
      -v bytes="$([ "$engine" = incremental ] && echo "$LAST_BYTES" || echo "$TOTAL_BYTES")" -v rss="$rss" -v cpu="$cpu" -v ratio="$ratio" 'BEGIN {
    printf "| %s | %.2f | %s | %s | %s | %.1f | %.0f | %.2f | %s |\n",
      label, med, runs, note, rate, bytes / 1e6 / med, rss / 1024, cpu, ratio }'
}

SQLITE_VER=$(command -v sqlite3 >/dev/null && sqlite3 --version | cut -d' ' -f1 || echo "n/a")
DUCK_VER=$(head -n1 "$WORK/duckdb.internal" 2>/dev/null | cut -d' ' -f1 || true)
NODE_API_VER=$(jq -r '.version' "$SCRIPT_DIR/node_modules/@duckdb/node-api/package.json" 2>/dev/null || echo "n/a")
CPU_MODEL=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
MEM_GIB=$(awk '/MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
COMMIT=$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(git -C "$REPO_ROOT" status --porcelain 2>/dev/null | grep -qv '^??' && echo " (work tree has uncommitted changes)" || true)
NCR=$(wc -l <"$CR_ONLY")
SQLITE_WARN=$(cat "$OUT_DIR"/sqlite3.run1.err 2>/dev/null | grep -c 'filling the rest with NULL' || true)
SQLITE_WARN_OTHER=$(cat "$OUT_DIR"/sqlite3.run1.err 2>/dev/null | grep -vc 'filling the rest with NULL' || true)

# Per-file cross-check of row counts between the engines that ran.
XCHECK="$WORK/xcheck.md"
{
  engines_ran=()
  for e in downballot sqlite3 duckdb; do [ -s "$WORK/counts.$e" ] && engines_ran+=("$e"); done
  if [ "${#engines_ran[@]}" -ge 2 ]; then
    file_key <"$FILES" >"$WORK/keys"
    args=()
    for e in "${engines_ran[@]}"; do args+=("$WORK/counts.$e"); done
    awk -F'\t' -v names="${engines_ran[*]}" '
      BEGIN { ne = split(names, nm, " ") }
      FILENAME == ARGV[1] { keys[++nk] = $1; next }
      { for (i = 2; i <= ne + 1; i++) if (FILENAME == ARGV[i]) cnt[i - 1, $1] = $2 }
      END {
        bad = 0
        for (k = 1; k <= nk; k++) {
          key = keys[k]; same = 1; first = ((1, key) in cnt) ? cnt[1, key] : "-"
          line = "| " key
          for (i = 1; i <= ne; i++) { v = ((i, key) in cnt) ? cnt[i, key] : "-"; line = line " | " v; if (v != first) same = 0 }
          if (!same) { if (!bad) { h = "| file"; s = "|---"; for (i = 1; i <= ne; i++) { h = h " | " nm[i]; s = s "|---:" } print h " |"; print s "|" } bad++; print line " |" }
        }
        if (!bad) printf "All %d files: %s report identical per-file row counts.\n", nk, names
        else printf "\n%d of %d files differ between engines (shown above).\n", bad, nk
      }' "$WORK/keys" "${args[@]}"
  else
    echo "Fewer than two engines reported per-file counts; no cross-check."
  fi
} >"$XCHECK"

{
  if [ ! -s "$RESULTS" ]; then
    echo "# downballot ingest benchmark results"
    echo
    echo "Appended by \`bench/run_ingest_bench.sh\`, newest last. What is measured and how: \`bench/README.md\`."
  fi
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC') — commit \`$COMMIT\`$DIRTY"
  echo
  echo "- Machine: $(nproc) CPUs (\`nproc\`), $CPU_MODEL, $MEM_GIB GiB RAM, $(uname -sr)."
  echo "- Load average (1/5/15 min) before: $LOAD_BEFORE; after: $LOAD_AFTER. Other work on the machine skews wall time; CPU time less so."
  echo "- Input: $NFILES CSV files, $(commas "$TOTAL_BYTES") bytes ($MB MB, 1 MB = 10^6 bytes) in ${#STATE_DIRS[@]} state folder(s) ($STATE_NAMES) under \`$DATA\`; $NCR file(s) with CR-only line endings. Page cache warmed by one untimed read of every file."
  echo "- Runs: $RUNS per engine, interleaved (run 1 of each engine, then run 2, ...); fresh database each run; whole benchmark took ${BENCH_SECS} s."
  echo "- Versions: sqlite3 $SQLITE_VER; DuckDB ${DUCK_VER:-n/a} via @duckdb/node-api $NODE_API_VER on node $(node --version 2>/dev/null || echo n/a); downballot $( [ "$HAVE_DOWNBALLOT" -eq 1 ] && echo "\`$BINARY\`" || echo "pending (not built)")."
  echo
  echo "| engine | median wall s | all runs (s) | rows (engine's own count) | rows/s | MB/s | peak RSS MiB | CPU s (user+sys, median) | median time ÷ downballot's |"
  echo "|---|---:|---|---:|---:|---:|---:|---:|---|"
  want downballot && row_for downballot "downballot ingest"
  if want downballot && [ -s "$WORK/times.incremental" -o -n "${FAILED[incremental]:-}" ]; then
    row_for incremental "downballot ingest, last state into a store of the others"
  fi
  want sqlite3 && row_for sqlite3 "sqlite3 .import --csv"
  want duckdb && row_for duckdb "DuckDB read_csv"
  echo
  echo "Rows/s and MB/s use the median wall time; peak RSS is the largest \`/usr/bin/time -f %M\` over the runs."
  echo
  echo "Command lines (timed, each under \`/usr/bin/time -f '%M %U %S'\`):"
  echo
  echo '```'
  want downballot && echo "$CMD_DOWNBALLOT"
  want downballot && [ "${#OTHER_DIRS[@]}" -gt 0 ] && echo "$CMD_INCREMENTAL"
  want sqlite3 && echo "$CMD_SQLITE"
  want duckdb && echo "$CMD_DUCKDB"
  echo '```'
  echo
  echo "What each engine does (so the comparison is read honestly):"
  echo
  echo "- **downballot** parses each file (BOM, CRLF/CR, per-file column order, vote-mode columns), normalises parties/offices/votes, classifies pseudo-candidate and total rows, rejects bad rows with reasons, stores every row with its file and line in SQLite, tallies each file, and rebuilds the race tables (roll-up, reconciliation, incumbency): it does the most work of the three."
  [ "${#OTHER_DIRS[@]}" -gt 0 ] && echo "- **downballot, last state into a store of the others** times adding \`$(basename "$LAST_DIR")\` to a copy of a store that already holds the other states (built once, untimed; copied before each run, untimed). Only the new state's races are rebuilt, so its time should track that state's share of the rows, not the store's size."
  echo "- **sqlite3 \`.import --csv\`** only copies text: each file becomes its own table of TEXT columns named from its header row (the shell skips a UTF-8 BOM). No types, no indexes, no validation. sqlite3 defaults: rollback journal, \`synchronous=FULL\`, one transaction (with its fsyncs) per file. Short rows are padded with NULL (${SQLITE_WARN:-0} such warnings in run 1; ${SQLITE_WARN_OTHER:-0} other stderr lines). The $NCR CR-only file(s) are fed through \`tr '\\r' '\\n'\` (\`.import '|tr ...'\`), because the shell's CSV reader ends rows only at LF. Rows are counted afterwards with one \`SELECT count(*)\` per table, untimed."
  echo "- **DuckDB \`read_csv\`** only reads into columns: per file, \`CREATE TABLE tNNN AS SELECT * FROM read_csv(path, header = true, all_varchar = true)\` with the dialect (delimiter, quote, newline) auto-detected, into a fresh database file, then \`count(*)\` per table (inside the timed process, a few ms). $(if [ -s "$WORK/duckdb.fallbacks" ]; then echo "The sniffer read $(wc -l <"$WORK/duckdb.fallbacks") file(s) as a single column (rows shorter than the header), re-read with \`delim = ',', null_padding = true\` inside the timed run: $(sed 's/.*/`&`/' "$WORK/duckdb.fallbacks" | paste -sd' ')."; fi) It uses $(head -n1 "$WORK/duckdb.internal" 2>/dev/null | sed -n 's/.*threads=\([0-9]*\).*/\1/p' || echo '?') thread(s); the wall time also includes starting node and loading DuckDB (\`startup_ms\` = wall − time measured inside the process). Per run: $(cut -d' ' -f3- "$WORK/duckdb.internal" 2>/dev/null | paste -sd';' | sed 's/;/; /g')."
  echo
  echo "Row-count cross-check (last run, per file):"
  echo
  cat "$XCHECK"
  if [ "${#FAILED[@]}" -gt 0 ]; then
    echo
    for e in "${!FAILED[@]}"; do echo "- **$e failed**: ${FAILED[$e]}"; done
  fi
} >>"$RESULTS"

log "results appended to $RESULTS"
# Echo the section just written.
awk '/^## /{ buf = "" } { buf = buf $0 "\n" } END { printf "%s", buf }' "$RESULTS"
