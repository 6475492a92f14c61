#!/usr/bin/env bash
# `downballot committees` vs. DuckDB on generated FEC itcont files (1M and 10M rows by
# default). Generates the inputs once (cached in bench/out/, gitignored), warms the page
# cache, runs both engines N times interleaved, checks that their outputs are byte-identical
# (DuckDB's sorted with LC_ALL=C), and appends wall medians, every run, the per-pair time
# ratio, peak RSS and CPU time to bench/RESULTS.md. See bench/README.md.
#
#   bench/run_committees_bench.sh [--runs N] [--rows LIST] [--binary PATH] [--threads N]
#                                 [--duckdb-threads N] [--results FILE]
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(git -C "$SCRIPT_DIR" rev-parse --show-toplevel 2>/dev/null || (cd "$SCRIPT_DIR/.." && pwd))

RUNS=3
ROWS_LIST="1000000,10000000"
BINARY="$REPO_ROOT/build/release/src/cli/downballot"
THREADS=2
DUCKDB_THREADS=2
RESULTS="$SCRIPT_DIR/RESULTS.md"
OUT_DIR="$SCRIPT_DIR/out"   # generated inputs, outputs and logs (gitignored)
SEED=20200317

usage() {
  cat <<EOF
usage: $0 [options]
  --runs N            timed runs per engine and size (default 3; medians reported)
  --rows LIST         comma-separated row counts to generate and time (default 1000000,10000000)
  --binary PATH       downballot binary (default build/release/src/cli/downballot)
  --threads N         downballot --threads (default 2)
  --duckdb-threads N  DuckDB threads (default 2)
  --results FILE      Markdown file the section is appended to (default bench/RESULTS.md)
EOF
}

die() { echo "run_committees_bench: $*" >&2; exit 1; }
log() { echo "[bench] $*" >&2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="${2:?--runs needs a value}"; shift 2 ;;
    --rows) ROWS_LIST="${2:?--rows needs a value}"; shift 2 ;;
    --binary) BINARY="${2:?--binary needs a value}"; shift 2 ;;
    --threads) THREADS="${2:?--threads needs a value}"; shift 2 ;;
    --duckdb-threads) DUCKDB_THREADS="${2:?--duckdb-threads needs a value}"; shift 2 ;;
    --results) RESULTS="${2:?--results needs a value}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer (got '$RUNS')"
[[ "$THREADS" =~ ^[1-9][0-9]*$ ]] || die "--threads must be a positive integer"
[[ "$DUCKDB_THREADS" =~ ^[1-9][0-9]*$ ]] || die "--duckdb-threads must be a positive integer"
IFS=',' read -r -a SIZES <<<"$ROWS_LIST"
for n in "${SIZES[@]}"; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "--rows: '$n' is not a positive integer"; done

# ---------------------------------------------------------------- tools ----
# shellcheck source=bench/itcont_common.sh
. "$SCRIPT_DIR/itcont_common.sh"
install_bench_tools

[ -x "$BINARY" ] || die "downballot binary not found at $BINARY (build it: cmake --preset release && cmake --build --preset release, or pass --binary PATH)"
"$BINARY" committees --help >/dev/null 2>&1 || die "$BINARY has no 'committees' command"

# ------------------------------------------------------------ generator ----
generate_inputs

WORK=$(mktemp -d "${TMPDIR:-/tmp}/committees-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

# run_timed TAG CMD... : wall (date +%s%N) and /usr/bin/time's peak RSS and CPU; appends
# "wall_s rss_kb cpu_s" to $WORK/times.TAG; stdout to $OUT_DIR/TAG.out.
run_timed() {
  local tag=$1; shift
  local tf="$WORK/time.$tag" t0 t1 rc=0
  t0=$(date +%s%N)
  /usr/bin/time -f '%M %U %S' -o "$tf" "$@" >"$OUT_DIR/$tag.out" 2>"$OUT_DIR/$tag.err" || rc=$?
  t1=$(date +%s%N)
  [ "$rc" -eq 0 ] || { tail -n5 "$OUT_DIR/$tag.err" >&2; die "$tag exited $rc (see bench/out/$tag.err)"; }
  awk -v w="$(( (t1 - t0) / 1000000 ))" '{ printf "%.3f %d %.2f\n", w / 1000, $1, $2 + $3 }' "$tf" >>"$WORK/times.${tag%%.run*}"
}

LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
BENCH_T0=$(date +%s)
SECTION="$WORK/section.md"
: >"$SECTION"
cat "$BINARY" >/dev/null
find "$SCRIPT_DIR/node_modules/@duckdb" -name '*.node' -exec cat {} + >/dev/null 2>&1 || true
for n in "${SIZES[@]}"; do
  f=$(input_for "$n")
  bytes=$(stat -c %s "$f")
  log "$n rows ($bytes bytes): warm-up read (untimed)"
  cat "$f" >/dev/null
  rm -f "$WORK/times.db.$n" "$WORK/times.duck.$n"
  for run in $(seq 1 "$RUNS"); do
    # Interleaved so drift in machine load hits both engines alike.
    log "$n rows, run $run/$RUNS: downballot committees"
    run_timed "db.$n.run$run" "$BINARY" committees --threads "$THREADS" "$f"
    log "$n rows, run $run/$RUNS: DuckDB"
    run_timed "duck.$n.run$run" node "$SCRIPT_DIR/duckdb_committees.mjs" --threads "$DUCKDB_THREADS" "$f"
    LC_ALL=C sort -c "$OUT_DIR/db.$n.run$run.out" || die "downballot output not sorted (run $run)"
    LC_ALL=C sort "$OUT_DIR/duck.$n.run$run.out" | cmp -s - "$OUT_DIR/db.$n.run$run.out" ||
      die "outputs differ for $n rows, run $run: diff bench/out/db.$n.run$run.out <(LC_ALL=C sort bench/out/duck.$n.run$run.out)"
  done
  committees=$(wc -l <"$OUT_DIR/db.$n.run1.out")
  totals=$(grep -o '[0-9]* rows read = [0-9]* aggregated + [0-9]* rejected' "$OUT_DIR/db.$n.run1.err" || echo "?")
  db_walls=$(cut -d' ' -f1 "$WORK/times.db.$n" | paste -sd' ')
  duck_walls=$(cut -d' ' -f1 "$WORK/times.duck.$n" | paste -sd' ')
  ratios=$(paste -d' ' "$WORK/times.duck.$n" "$WORK/times.db.$n" | awk '{ printf "%.2f\n", $1 / $4 }')
  db_med=$(cut -d' ' -f1 "$WORK/times.db.$n" | median)
  duck_med=$(cut -d' ' -f1 "$WORK/times.duck.$n" | median)
  db_rss=$(cut -d' ' -f2 "$WORK/times.db.$n" | sort -n | tail -n1)
  duck_rss=$(cut -d' ' -f2 "$WORK/times.duck.$n" | sort -n | tail -n1)
  db_cpu=$(cut -d' ' -f3 "$WORK/times.db.$n" | median)
  duck_cpu=$(cut -d' ' -f3 "$WORK/times.duck.$n" | median)
  ratio_med=$(echo "$ratios" | median)
  ratio_min=$(echo "$ratios" | sort -n | head -n1)
  duck_internal=$(for r in $(seq 1 "$RUNS"); do grep -o '"query_ms":[0-9]*' "$OUT_DIR/duck.$n.run$r.err" | cut -d: -f2; done | paste -sd' ')
  {
    echo "### $(commas "$n") rows ($(commas "$bytes") bytes, $(commas "$committees") committees; downballot: $totals)"
    echo
    echo "| engine | median wall s | all runs (s) | peak RSS MiB | CPU s (user+sys, median) |"
    echo "|---|---:|---|---:|---:|"
    echo "| downballot committees --threads $THREADS | $db_med | $db_walls | $((db_rss / 1024)) | $db_cpu |"
    echo "| DuckDB read_csv + GROUP BY, $DUCKDB_THREADS threads | $duck_med | $duck_walls | $((duck_rss / 1024)) | $duck_cpu |"
    echo
    echo "- Time ratio DuckDB ÷ downballot, run by run: $(echo "$ratios" | paste -sd' ' | sed 's/ /, /g') (median $ratio_med, worst $ratio_min)."
    echo "- Outputs byte-identical in every run ($(commas "$committees") lines; DuckDB's sorted with \`LC_ALL=C sort\`)."
    echo "- DuckDB's query alone (inside node, ms): $duck_internal; the rest of its wall time is starting node and DuckDB."
    echo
  } >>"$SECTION"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
BENCH_SECS=$(( $(date +%s) - BENCH_T0 ))

CPU_MODEL=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
MEM_GIB=$(awk '/MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
COMMIT=$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=$(git -C "$REPO_ROOT" status --porcelain 2>/dev/null | grep -qv '^??' && echo " (work tree has uncommitted changes)" || true)
DUCK_VER=$(grep -o '"duckdb_version":"[^"]*"' "$OUT_DIR/duck.${SIZES[0]}.run1.err" | cut -d'"' -f4)
NODE_API_VER=$(node -p "require('$SCRIPT_DIR/node_modules/@duckdb/node-api/package.json').version" 2>/dev/null || echo '?')
{
  echo
  echo "## committees: $(date -u '+%Y-%m-%d %H:%M UTC') — commit \`$COMMIT\`$DIRTY"
  echo
  echo "- Machine: $(nproc) CPUs (\`nproc\`), $CPU_MODEL, $MEM_GIB GiB RAM, $(uname -sr)."
  echo "- Load average (1/5/15 min) before: $LOAD_BEFORE; after: $LOAD_AFTER. Other work on the machine skews wall time; CPU time less so."
  echo "- Inputs: \`bench/itcont_generator.cc\` (seed $SEED), cached in \`bench/out/\`; page cache warmed by one untimed read. $RUNS runs per engine and size, interleaved; whole benchmark ${BENCH_SECS} s."
  echo "- Versions: DuckDB ${DUCK_VER:-?} via @duckdb/node-api $NODE_API_VER on node $(node --version); downballot \`$BINARY\`."
  echo "- Commands (each under \`/usr/bin/time -f '%M %U %S'\`, wall by \`date +%s%N\`): \`downballot committees --threads $THREADS FILE\`; \`node bench/duckdb_committees.mjs --threads $DUCKDB_THREADS FILE\`."
  echo
  cat "$SECTION"
} >>"$RESULTS"
log "results appended to $RESULTS"
awk '/^## /{ buf = "" } { buf = buf $0 "\n" } END { printf "%s", buf }' "$RESULTS"
