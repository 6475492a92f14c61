#!/usr/bin/env bash
# `downballot ingest fec` on a generated FEC itcont file (10M rows by default) and on a zip of
# it, beside two yardsticks on the same file: `downballot committees` (the same bytes read and
# totalled, no store) and DuckDB loading the file into a fresh persistent database (read_csv +
# CREATE TABLE AS + CHECKPOINT: the "bulk file into an embedded store" floor). Generates the
# input and its zip once (cached in bench/out/ under the same name as run_committees_bench.sh,
# so either script reuses the other's file), warms the page cache, runs them N times
# interleaved, each store fresh, checks that the zip stores the same donor totals as the file,
# and appends wall times, the ratios ingest ÷ committees, zip ÷ plain and DuckDB ÷ ingest, rows
# per second, peak RSS against --memory, CPU time and the stores' sizes to bench/RESULTS.md.
# See bench/README.md.
#
#   bench/run_fec_ingest_bench.sh [--runs N] [--rows LIST] [--binary PATH] [--memory SIZE]
#                                 [--no-duckdb] [--no-zip] [--duckdb-threads N]
#                                 [--results FILE] [--tmp DIR]
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(git -C "$SCRIPT_DIR" rev-parse --show-toplevel 2>/dev/null || (cd "$SCRIPT_DIR/.." && pwd))

RUNS=3
ROWS_LIST="10000000"
BINARY="$REPO_ROOT/build/release/src/cli/downballot"
COMMITTEES_THREADS=2
DUCKDB_THREADS=2
CYCLE=2020
RESULTS="$SCRIPT_DIR/RESULTS.md"
TMP_ROOT="${TMPDIR:-/tmp}"
OUT_DIR="$SCRIPT_DIR/out"   # generated inputs, outputs and logs (gitignored)
SEED=20200317               # as in run_committees_bench.sh: same file name, same cached file
MEMORY=1G                   # downballot --memory, for ingest fec and committees
WITH_DUCKDB=1
WITH_ZIP=1

usage() {
  cat <<EOF
usage: $0 [options]
  --runs N            timed runs of each command per size (default 3; medians reported)
  --rows LIST         comma-separated row counts to generate and time (default 10000000)
  --binary PATH       downballot binary (default build/release/src/cli/downballot)
  --memory SIZE       downballot --memory for ingest fec and committees (default 1G)
  --no-duckdb         leave DuckDB out (a 70M-row load takes it minutes and many GB)
  --no-zip            leave the zipped file out
  --duckdb-threads N  DuckDB threads (default 2)
  --results FILE      Markdown file the section is appended to (default bench/RESULTS.md)
  --tmp DIR           where the fresh stores are made (default \${TMPDIR:-/tmp}); a tmpfs
                      such as /dev/shm takes the disk out of the times
EOF
}

die() { echo "run_fec_ingest_bench: $*" >&2; exit 1; }
log() { echo "[bench] $*" >&2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --runs) RUNS="${2:?--runs needs a value}"; shift 2 ;;
    --rows) ROWS_LIST="${2:?--rows needs a value}"; shift 2 ;;
    --binary) BINARY="${2:?--binary needs a value}"; shift 2 ;;
    --duckdb-threads) DUCKDB_THREADS="${2:?--duckdb-threads needs a value}"; shift 2 ;;
    --memory) MEMORY="${2:?--memory needs a value}"; shift 2 ;;
    --no-duckdb) WITH_DUCKDB=0; shift ;;
    --no-zip) WITH_ZIP=0; shift ;;
    --results) RESULTS="${2:?--results needs a value}"; shift 2 ;;
    --tmp) TMP_ROOT="${2:?--tmp needs a value}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
[[ "$RUNS" =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer (got '$RUNS')"
[[ "$DUCKDB_THREADS" =~ ^[1-9][0-9]*$ ]] || die "--duckdb-threads must be a positive integer (got '$DUCKDB_THREADS')"
IFS=',' read -r -a SIZES <<<"$ROWS_LIST"
[ "${#SIZES[@]}" -gt 0 ] || die "--rows: empty list"
for n in "${SIZES[@]}"; do [[ "$n" =~ ^[1-9][0-9]*$ ]] || die "--rows: '$n' is not a positive integer"; done
if [ ! -d "$TMP_ROOT" ] || [ ! -w "$TMP_ROOT" ]; then die "--tmp: '$TMP_ROOT' is not a writable directory"; fi
RESULTS_DIR=$(dirname "$RESULTS")
if [ ! -d "$RESULTS_DIR" ] || [ ! -w "$RESULTS_DIR" ]; then die "--results: directory '$RESULTS_DIR' is not writable"; fi
case "$BINARY" in /*) ;; *) BINARY="$PWD/$BINARY" ;; esac

# ---------------------------------------------------------------- tools ----
# shellcheck source=bench/itcont_common.sh
. "$SCRIPT_DIR/itcont_common.sh"
install_bench_tools
command -v sqlite3 >/dev/null || apt_install sqlite3
command -v numfmt >/dev/null || apt_install coreutils
[ -f "$SCRIPT_DIR/duckdb_load_itcont.mjs" ] || die "bench/duckdb_load_itcont.mjs is missing"

[ -x "$BINARY" ] || die "downballot binary not found at $BINARY (build it: cmake --preset release && cmake --build --preset release, or pass --binary PATH)"
"$BINARY" ingest fec --help >/dev/null 2>&1 || die "$BINARY has no 'ingest fec' command"
"$BINARY" committees --help >/dev/null 2>&1 || die "$BINARY has no 'committees' command"

# ------------------------------------------------------------ generator ----
generate_inputs
# The zip of each input, as the FEC ships it (one deflated member, itcont.txt), named so that
# ingest fec reads the cycle from it.
zip_for() { echo "$OUT_DIR/zip_$1.seed$SEED.$GEN_HASH/indiv20.zip"; }
if [ "$WITH_ZIP" -eq 1 ]; then
  for n in "${SIZES[@]}"; do
    z=$(zip_for "$n")
    if [ ! -s "$z" ]; then
      log "zipping $n rows -> $z"
      mkdir -p "$(dirname "$z")"
      python3 - "$(input_for "$n")" "$z.tmp" <<'PY' || die "zipping $(input_for "$n") failed"
import sys, zipfile
with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as archive:
    archive.write(sys.argv[1], "itcont.txt")
PY
      mv "$z.tmp" "$z"
    fi
  done
fi

WORK=$(mktemp -d "$TMP_ROOT/fec-ingest-bench.XXXXXX") || die "cannot make a temporary directory under $TMP_ROOT"
trap 'rm -rf "$WORK"' EXIT

# run_timed TAG STDOUT CMD... : wall (date +%s%N) and /usr/bin/time's peak RSS and CPU; appends
# "wall_s rss_kb cpu_s" to $WORK/times.KIND.N (TAG = KIND.N.runR); stderr to $OUT_DIR/TAG.err.
run_timed() {
  local tag=$1 out=$2; shift 2
  local tf="$WORK/time.$tag" t0 t1 rc=0
  t0=$(date +%s%N)
  /usr/bin/time -f '%e %M %U %S' -o "$tf" "$@" >"$out" 2>"$OUT_DIR/$tag.err" || rc=$?
  t1=$(date +%s%N)
  if [ "$rc" -ne 0 ]; then
    tail -n5 "$OUT_DIR/$tag.err" >&2
    [ "$out" = /dev/null ] || tail -n5 "$out" >&2
    die "$tag exited $rc: $* (see bench/out/$tag.err)"
  fi
  [ -s "$tf" ] || die "$tag: /usr/bin/time wrote no measurements"
  awk -v w="$(( (t1 - t0) / 1000000 ))" '{ printf "%.3f %d %.2f\n", w / 1000, $2, $3 + $4 }' "$tf" >>"$WORK/times.${tag%%.run*}"
}
# Sum of the sizes (bytes) of the files that exist among the arguments.
bytes_of() { local s=0 p; for p in "$@"; do [ -e "$p" ] && s=$(( s + $(stat -c %s "$p") )); done; echo "$s"; }
commas_all() { sed -e ':a' -e 's/\([0-9]\)\([0-9]\{3\}\)\($\|[^0-9]\)/\1,\2\3/' -e 'ta'; }   # every number in a line
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }
col() { cut -d' ' -f"$1" "$2"; }   # column $1 of a times file
skipped() { echo "0 0 0" >>"$WORK/times.$1"; }   # a command left out of this run
# donor_totals STORE: a digest of every stored donor total, to compare two stores.
donor_totals() { sqlite3 "$1" "SELECT cmte_id, entries, rows, hex(packed) FROM fec_committee_donors ORDER BY cmte_id, rowid" | sha256sum | cut -c1-16; }

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
  rm -f "$WORK/times.ingest.$n" "$WORK/times.zip.$n" "$WORK/times.cmte.$n" "$WORK/times.duckload.$n" "$WORK/sizes.$n"
  zip_file=$(zip_for "$n")
  zip_bytes=0
  [ "$WITH_ZIP" -eq 1 ] && { zip_bytes=$(stat -c %s "$zip_file"); cat "$zip_file" >/dev/null; }
  zip_same="not run"
  for run in $(seq 1 "$RUNS"); do
    # Interleaved so drift in machine load hits all three alike. Each store is deleted as soon as
    # its size is taken, which also drops its dirty pages before the next timed command.
    rundir="$WORK/run.$n.$run"
    mkdir "$rundir"
    store="$rundir/downballot.db"
    duckdb_file="$rundir/itcont.duckdb"

    log "$n rows, run $run/$RUNS: downballot ingest fec"
    tag="ingest.$n.run$run"
    run_timed "$tag" "$OUT_DIR/$tag.out" "$BINARY" --store "$store" ingest fec "$f" --cycle "$CYCLE" --memory "$MEMORY"
    # Default (non-terminal) output is CSV: path,kind,status,rows_read,rows_stored,rows_rejected,error.
    # Matched from the kind on, so a comma in the path cannot shift the fields.
    report=$(grep -oE ',fec_[a-z_]+,[a-z_]+,[0-9]+,[0-9]+,[0-9]+,.*$' "$OUT_DIR/$tag.out" | head -n1 || true)
    [ -n "$report" ] || { cat "$OUT_DIR/$tag.out" >&2; die "$tag: no file report line in the ingest output (bench/out/$tag.out)"; }
    IFS=',' read -r _ kind status rows_read rows_stored rows_rejected error <<<"$report"
    [ "$status" = loaded ] || die "$tag: ingest reported status '$status', not 'loaded'${error:+: $error}"
    [ "$kind" = fec_individual_contributions ] || die "$tag: ingest read the file as '$kind', not fec_individual_contributions"
    echo "$rows_read $rows_stored $rows_rejected" >"$WORK/ingest_rows.$n"
    db_bytes=$(bytes_of "$store")
    wal_bytes=$(bytes_of "$store-wal")
    plain_totals=$(donor_totals "$store")
    rm -f "$store" "$store-wal" "$store-shm" "$store-journal"

    if [ "$WITH_ZIP" -eq 1 ]; then
      log "$n rows, run $run/$RUNS: downballot ingest fec of the zip"
      tag="zip.$n.run$run"
      run_timed "$tag" "$OUT_DIR/$tag.out" "$BINARY" --store "$store" ingest fec "$zip_file" --memory "$MEMORY"
      grep -q ',fec_individual_contributions,loaded,' "$OUT_DIR/$tag.out" || die "$tag: the zip did not load (bench/out/$tag.out)"
      zip_totals=$(donor_totals "$store")
      [ "$zip_totals" = "$plain_totals" ] || die "$tag: the zip stored other donor totals than the file ($zip_totals, $plain_totals)"
      zip_same="identical in every run ($plain_totals)"
      rm -f "$store" "$store-wal" "$store-shm" "$store-journal"
    else
      skipped "zip.$n"
    fi

    log "$n rows, run $run/$RUNS: downballot committees"
    run_timed "cmte.$n.run$run" /dev/null "$BINARY" committees --threads "$COMMITTEES_THREADS" --memory "$MEMORY" "$f"

    duck_bytes=0
    duck_wal_bytes=0
    if [ "$WITH_DUCKDB" -eq 1 ]; then
      log "$n rows, run $run/$RUNS: DuckDB load"
      tag="duckload.$n.run$run"
      run_timed "$tag" "$OUT_DIR/$tag.out" node "$SCRIPT_DIR/duckdb_load_itcont.mjs" --db "$duckdb_file" --threads "$DUCKDB_THREADS" "$f"
      grep -q '"engine":"duckdb"' "$OUT_DIR/$tag.err" || die "$tag: no JSON timings on stderr (bench/out/$tag.err)"
      duck_bytes=$(bytes_of "$duckdb_file")
      duck_wal_bytes=$(bytes_of "$duckdb_file.wal")
    else
      skipped "duckload.$n"
    fi
    rm -rf "$rundir"

    echo "$db_bytes $wal_bytes $duck_bytes $duck_wal_bytes" >>"$WORK/sizes.$n"
  done

  read -r rows_read rows_stored rows_rejected <"$WORK/ingest_rows.$n"
  duck_rows="?"; duck_null_amts="?"; duck_internal="not run"
  if [ "$WITH_DUCKDB" -eq 1 ]; then
    duck_json="$OUT_DIR/duckload.$n.run1.err"
    duck_rows=$(commas "$(grep -o '"rows":[0-9]*' "$duck_json" | cut -d: -f2)")
    duck_null_amts=$(commas "$(grep -o '"null_amounts":[0-9]*' "$duck_json" | cut -d: -f2)")
    duck_internal=$(for r in $(seq 1 "$RUNS"); do
        e="$OUT_DIR/duckload.$n.run$r.err"
        echo "$(grep -o '"load_ms":[0-9]*' "$e" | cut -d: -f2)+$(grep -o '"checkpoint_ms":[0-9]*' "$e" | cut -d: -f2)"
      done | paste -sd' ')
  fi
  I="$WORK/times.ingest.$n"; Z="$WORK/times.zip.$n"; C="$WORK/times.cmte.$n"; D="$WORK/times.duckload.$n"
  paste -d' ' "$I" "$Z" "$C" "$D" "$WORK/sizes.$n" >"$WORK/joined.$n"
  # joined: 1-3 ingest wall rss cpu, 4-6 zip, 7-9 committees, 10-12 DuckDB, 13-16 sizes
  memory_bytes=$(numfmt --from=iec "${MEMORY%[bB]}" 2>/dev/null || echo 0)
  {
    echo "### $(commas "$n") rows ($(commas "$bytes") bytes, zip $(commas "$zip_bytes"); ingest: $(commas "$rows_read") read, $(commas "$rows_stored") stored, $(commas "$rows_rejected") rejected; DuckDB table: $duck_rows rows, $duck_null_amts NULL amounts)"
    echo
    echo "| run | ingest fec s | zip s | committees s | ingest ÷ committees | zip ÷ plain | DuckDB load s | DuckDB ÷ ingest | ingest rows/s | ingest RSS MiB | zip RSS MiB | committees RSS MiB | DuckDB RSS MiB | ingest CPU s | zip CPU s | committees CPU s |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    awk -v rows="$rows_read" '
      function r(a, b) { return (a > 0 && b > 0) ? sprintf("%.2f", a / b) : "–" }
      function t(a) { return a > 0 ? sprintf("%.3f", a) : "–" }
      function m(a) { return a > 0 ? sprintf("%d", a / 1024) : "–" }
      { printf "| %d | %s | %s | %s | %s | %s | %s | %s | %d | %s | %s | %s | %s | %.2f | %s | %.2f |\n",
               NR, t($1), t($4), t($7), r($1, $7), r($4, $1), t($10), r($10, $1), rows / $1,
               m($2), m($5), m($8), m($11), $3, ($6 > 0 ? sprintf("%.2f", $6) : "–"), $9 }' "$WORK/joined.$n"
    echo
    zip_median="not run"; zip_ratio="not run"; zip_rss="not run"
    if [ "$WITH_ZIP" -eq 1 ]; then
      zip_median="$(col 1 "$Z" | median) s"
      zip_ratio=$(awk '{ print $4 / $1 }' "$WORK/joined.$n" | median %.2f)
      zip_rss="$(( $(col 2 "$Z" | sort -n | tail -1) / 1024 )) MiB"
    fi
    duck_median="not run"; duck_ratio="not run"
    if [ "$WITH_DUCKDB" -eq 1 ]; then
      duck_median="$(col 1 "$D" | median) s"
      duck_ratio=$(awk '{ print $10 / $1 }' "$WORK/joined.$n" | median %.2f)
    fi
    echo "- Medians: ingest $(col 1 "$I" | median) s, zip $zip_median, committees $(col 1 "$C" | median) s, DuckDB $duck_median; ingest ÷ committees $(awk '{ print $1 / $7 }' "$WORK/joined.$n" | median %.2f), zip ÷ plain $zip_ratio, DuckDB ÷ ingest $duck_ratio; ingest $(commas "$(awk -v rows="$rows_read" '{ printf "%d\n", rows / $1 }' "$I" | median %d)") rows/s."
    echo "- Peak RSS, largest of the runs, against \`--memory $MEMORY\` ($(( memory_bytes / 1048576 )) MiB): ingest $(( $(col 2 "$I" | sort -n | tail -1) / 1024 )) MiB, zip $zip_rss, committees $(( $(col 2 "$C" | sort -n | tail -1) / 1024 )) MiB."
    [ "$WITH_ZIP" -eq 1 ] && echo "- The zip's store: donor totals $zip_same as the plain file's."
    echo "- Size on disk after loading (bytes, run by run): downballot store (db + wal) $(awk '{ printf "%s%s + %s", (NR > 1 ? "; " : ""), $1, $2 }' "$WORK/sizes.$n" | commas_all); DuckDB file (+ .wal) $(awk '{ printf "%s%s + %s", (NR > 1 ? "; " : ""), $3, $4 }' "$WORK/sizes.$n" | commas_all)."
    echo "- DuckDB inside node, CREATE TABLE AS + CHECKPOINT (ms): $duck_internal; the rest of its wall time is starting node and DuckDB and closing."
    echo
  } >>"$SECTION"
done
LOAD_AFTER=$(cut -d' ' -f1-3 /proc/loadavg)
BENCH_SECS=$(( $(date +%s) - BENCH_T0 ))

CPU_MODEL=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
MEM_GIB=$(awk '/MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
COMMIT=$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=""
if git -C "$REPO_ROOT" status --porcelain 2>/dev/null | grep -qv '^??'; then DIRTY=" (work tree has uncommitted changes)"; fi
DUCK_VER=$(grep -o '"duckdb_version":"[^"]*"' "$OUT_DIR/duckload.${SIZES[0]}.run1.err" 2>/dev/null | cut -d'"' -f4 || true)
NODE_API_VER=$(node -p "require('$SCRIPT_DIR/node_modules/@duckdb/node-api/package.json').version" 2>/dev/null || echo '?')
DB_VER=$("$BINARY" --version 2>/dev/null | head -n1 || echo '?')
TMP_FS=$(df -PT "$TMP_ROOT" 2>/dev/null | awk 'NR == 2 { print $2 }' || true)
{
  echo
  echo "## ingest fec (plain and zipped) vs committees vs DuckDB load: $(date -u '+%Y-%m-%d %H:%M UTC') — commit \`$COMMIT\`$DIRTY"
  echo
  echo "- Machine: $(nproc) CPUs (\`nproc\`), $CPU_MODEL, $MEM_GIB GiB RAM, $(uname -sr)."
  echo "- Load average (1/5/15 min) before: $LOAD_BEFORE; after: $LOAD_AFTER. Other work on the machine skews wall time; CPU time less so."
  echo "- Inputs: \`bench/itcont_generator.cc\` (seed $SEED), cached in \`bench/out/\`; page cache warmed by one untimed read. $RUNS run(s), each ingest → zip → committees → DuckDB, interleaved; every store fresh, in \`$TMP_ROOT\` (${TMP_FS:-?}), deleted right after its size is taken; whole benchmark ${BENCH_SECS} s."
  echo "- Versions: $DB_VER (\`$BINARY\`); DuckDB ${DUCK_VER:-?} via @duckdb/node-api $NODE_API_VER on node $(node --version)."
  echo "- Commands (each under \`/usr/bin/time -f '%e %M %U %S'\`, wall by \`date +%s%N\`; RSS is peak, CPU is user + sys): \`downballot --store FRESH.db ingest fec FILE --cycle $CYCLE --memory $MEMORY\` (exit 0 and status \`loaded\` checked); the same of \`indiv20.zip\` (the file as its one deflated member, zipped by Python's zipfile at zlib's default level); \`downballot committees --threads $COMMITTEES_THREADS --memory $MEMORY FILE > /dev/null\`; \`node bench/duckdb_load_itcont.mjs --db FRESH.duckdb --threads $DUCKDB_THREADS FILE\` (CREATE TABLE AS read_csv, amount TRY_CAST to DECIMAL(18,2), date try_strptime '%m%d%Y', then CHECKPOINT)."
  echo "- Ratios are per run (same run's commands); their median is not the ratio of the medians."
  echo
  cat "$SECTION"
} >>"$RESULTS"
log "results appended to $RESULTS"
awk '/^## /{ buf = "" } { buf = buf $0 "\n" } END { printf "%s", buf }' "$RESULTS"
