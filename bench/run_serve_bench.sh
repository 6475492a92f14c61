#!/usr/bin/env bash
# Load benchmark of `downballot serve` (docs/api.md): wrk at --connections connections for
# --duration seconds on two questions, a targets page (many filters and pages) and a race's
# detail (many races), over two stores: the shared data (1x) and one about --scale times its
# result rows (New York's results copied under other postal codes and later years). Beside each
# run, sqlite3 answers the same questions over the same store with the SQL downballot issues:
# the floor without HTTP and JSON. Runs are interleaved; every run is kept. Appends a section to
# bench/RESULTS.md. See bench/README.md.
#
#   bench/run_serve_bench.sh [--duration S] [--connections N] [--runs N] [--scale K]
#                            [--threads N] [--binary PATH] [--data DIR] [--results FILE]
#
# --threads (default 64) is the server's: httplib serves one keep-alive connection per worker
# thread, so 64 clients that never close need 64 workers (with 8, the waiting connections time
# out in wrk).
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_ROOT=$(cd "$SCRIPT_DIR/.." && pwd)

DURATION=30
CONNECTIONS=64
RUNS=3
SCALE=50
THREADS=64
BINARY="$REPO_ROOT/build/release/src/cli/downballot"
DATA="$REPO_ROOT/../shared/data"
RESULTS="$SCRIPT_DIR/RESULTS.md"
OUT_DIR="$SCRIPT_DIR/out/serve"  # stores, copied files, logs (gitignored)

die() { echo "run_serve_bench: $*" >&2; exit 1; }
log() { echo "[bench] $*" >&2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --duration) DURATION="${2:?}"; shift 2 ;;
    --connections) CONNECTIONS="${2:?}"; shift 2 ;;
    --runs) RUNS="${2:?}"; shift 2 ;;
    --scale) SCALE="${2:?}"; shift 2 ;;
    --threads) THREADS="${2:?}"; shift 2 ;;
    --binary) BINARY="${2:?}"; shift 2 ;;
    --data) DATA="${2:?}"; shift 2 ;;
    --results) RESULTS="${2:?}"; shift 2 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) die "unknown argument: $1" ;;
  esac
done
for value in "$DURATION" "$CONNECTIONS" "$RUNS" "$SCALE" "$THREADS"; do
  [[ "$value" =~ ^[1-9][0-9]*$ ]] || die "numbers must be positive integers (got '$value')"
done
[ -x "$BINARY" ] || die "$BINARY is missing: build the release preset first"
[ -d "$DATA/openelections-ny" ] || die "no $DATA/openelections-ny: give --data DIR"
DATA=$(cd "$DATA" && pwd)
"$REPO_ROOT/scripts/install-deps" --bench
command -v wrk >/dev/null || die "wrk is missing"
export DOWNBALLOT_DATA="$DATA"
mkdir -p "$OUT_DIR"

# ---------------------------------------------------------------- stores ----
# The shared data, as the main job loads it.
load_shared() {
  local store=$1
  "$BINARY" --store "$store" ingest --data "$DATA" >"$OUT_DIR/ingest.csv" 2>"$OUT_DIR/ingest.log"
  if [ -d "$DATA/fec/cycle2020_jk3587" ]; then
    "$BINARY" --store "$store" ingest fec "$DATA/fec/cycle2020_jk3587" --cycle 2020 \
      >>"$OUT_DIR/ingest.csv" 2>>"$OUT_DIR/ingest.log"
  fi
}

result_bytes() { du -cb "$DATA"/openelections-*/ | tail -n 1 | cut -f1; }

# Copies of New York's results under the codes that have no results here, round after round
# with the years moved 4 later each round (no copy meets a real contest of MEDSL's 2018), until
# the copies hold (SCALE - 1) times the shared results' bytes. Each row gains a column naming its
# copy, which the parser ignores.
make_copies() {
  local dir=$1
  local total ny copies
  total=$(result_bytes)
  ny=$(du -sb "$DATA/openelections-ny" | cut -f1)
  copies=$(( ((SCALE - 1) * total + ny - 1) / ny ))
  local codes=()
  for code in AL AK AZ AR CA CO CT DE FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE \
              NV NH NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY DC PR GU VI \
              AS MP; do
    local lower=${code,,}
    [ -d "$DATA/openelections-$lower" ] || codes+=("$lower")
  done
  log "copying New York's results $copies times under ${#codes[@]} codes into $dir"
  rm -rf "$dir"
  local i
  for (( i = 0; i < copies; i++ )); do
    local code=${codes[$(( i % ${#codes[@]} ))]}
    local shift_years=$(( 4 * (i / ${#codes[@]} + 1) ))
    local target="$dir/copy-$i"
    mkdir -p "$target"
    local file
    while IFS= read -r -d '' file; do
      local name
      name=$(basename "$file")
      local year=${name:0:4}
      [[ "$year" =~ ^[0-9]{4}$ ]] || continue
      name="$(( year + shift_years ))${name:4}"
      name=${name/__ny__/__${code}__}
      # A column naming the copy makes each file's content (and so its hash) its own: the
      # store loads a file once by content.
      awk -v copy="$i" 'NR == 1 { sub(/\r$/, ""); print $0 ",bench_copy"; next }
                        { sub(/\r$/, ""); print $0 "," copy }' "$file" >"$target/$name"
    done < <(find "$DATA/openelections-ny" -name '*.csv' -print0)
  done
}

STORE_1X="$OUT_DIR/store-1x.db"
STORE_NX="$OUT_DIR/store-${SCALE}x.db"
if [ ! -f "$STORE_1X" ]; then
  log "loading the shared data into $STORE_1X"
  load_shared "$STORE_1X"
fi
if [ ! -f "$STORE_NX" ]; then
  make_copies "$OUT_DIR/copies-${SCALE}x"
  log "loading the shared data and the copies into $STORE_NX (minutes)"
  start=$(date +%s)
  load_shared "$STORE_NX"
  "$BINARY" --store "$STORE_NX" ingest "$OUT_DIR/copies-${SCALE}x" >"$OUT_DIR/ingest-copies.csv" \
    2>"$OUT_DIR/ingest-copies.log"
  log "loaded in $(( $(date +%s) - start )) s"
  rm -rf "$OUT_DIR/copies-${SCALE}x"
fi
# The ranked-target table is built once per store, before any timing.
for store in "$STORE_1X" "$STORE_NX"; do
  "$BINARY" --store "$store" targets --limit 1 --format json >/dev/null
done

# ---------------------------------------------------- the questions asked ----
# Targets: the unfiltered list's first pages, then per state the list, its party seats, its
# state offices by win number and its open seats.
target_paths() {
  local store=$1
  echo "/api/targets"
  echo "/api/targets?offset=25"
  echo "/api/targets?offset=100"
  local state
  for state in $(sqlite3 "$store" "SELECT DISTINCT state FROM target ORDER BY state"); do
    echo "/api/targets?state=$state"
    echo "/api/targets?state=$state&level=party"
    echo "/api/targets?state=$state&level=state&sort=win_number"
    echo "/api/targets?state=$state&open=1"
  done
}

# The same pages as target_table.cc asks them of SQLite (a count, then the page).
target_sql() {
  local path=$1
  local query=${path#*\?}
  [ "$query" = "$path" ] && query=""
  local state="" level="" open="" sort="" offset=0 where=() part
  IFS='&' read -r -a parts <<<"$query"
  for part in "${parts[@]}"; do
    case "$part" in
      state=*) state=${part#state=} ;;
      level=*) level=${part#level=} ;;
      open=*) open=1 ;;
      sort=*) sort=${part#sort=} ;;
      offset=*) offset=${part#offset=} ;;
    esac
  done
  [ -n "$state" ] && where+=("state = '$state'")
  [ -n "$level" ] && where+=("level = '$level'")
  [ -n "$open" ] && where+=("is_open = 1")
  local clause="" ranked order="rank" columns="score_order, score, win_number, ballots_for_office, field_size"
  if [ ${#where[@]} -gt 0 ]; then
    clause=" WHERE $(printf '%s AND ' "${where[@]}")"
    clause=${clause% AND }
    ranked="SELECT ROW_NUMBER() OVER (ORDER BY score_order) AS rank, $columns FROM target$clause"
  else
    ranked="SELECT score_order AS rank, $columns FROM target"
  fi
  [ "$sort" = "win_number" ] && order="win_number ASC, rank"
  echo "SELECT COUNT(*) FROM target$clause;"
  echo "SELECT p.rank, d.document FROM (SELECT * FROM ($ranked) ORDER BY $order LIMIT 25 OFFSET $offset) p JOIN target_document d ON d.score_order = p.score_order ORDER BY p.${order//, rank/, p.rank};"
}

# Race detail: every 1 in N races, ids that need no escaping in a URL.
race_ids() {
  local store=$1
  local count step
  count=$(sqlite3 "$store" "SELECT COUNT(*) FROM race")
  step=$(( count / 500 > 0 ? count / 500 : 1 ))
  sqlite3 "$store" "SELECT id FROM race WHERE rowid % $step = 0 ORDER BY id" |
    grep -E '^[a-z0-9._-]+$' | head -n 500
}

# The rows a race's detail reads (store::ReadRace and ReadMismatches; the FEC links' lookups
# are left out, so the floor is lower than downballot's own work).
race_sql() {
  local id=$1
  local table
  echo "SELECT * FROM race WHERE id = '$id';"
  for table in race_candidate race_candidate_line race_set_aside race_sub_tabulation \
               reconciliation_mismatch; do
    echo "SELECT * FROM $table WHERE race_id = '$id';"
  done
}

# ------------------------------------------------------------- measuring ----
CPU_MODEL=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
MEM_GIB=$(awk '/MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
BENCH_START=$(date +%s)

# wrk latency "1.23ms" / "456.00us" / "1.02s" -> milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else printf "?" }'
}

# sqlite3 answering `questions` (one per line of SQL groups in $2) from two processes at once
# (one per core, as the server has), looped until each process asked at least 2,000: prints
# questions per second.
sqlite_rate() {
  local store=$1 sql_file=$2 questions=$3
  local loops=$(( (2000 + questions - 1) / questions ))
  local looped="$OUT_DIR/looped.sql"
  : >"$looped"
  local i
  for (( i = 0; i < loops; i++ )); do cat "$sql_file" >>"$looped"; done
  local start end
  start=$(date +%s.%N)
  sqlite3 -bail -readonly -cmd ".timeout 5000" "$store" <"$looped" >/dev/null &
  local first=$!
  sqlite3 -bail -readonly -cmd ".timeout 5000" "$store" <"$looped" >/dev/null
  wait "$first"
  end=$(date +%s.%N)
  awk -v n=$(( 2 * loops * questions )) -v s="$start" -v e="$end" 'BEGIN { printf "%.0f", n / (e - s) }'
}

ROWS=()  # one Markdown row per run
SERVER_PID=""
trap '[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null; true' EXIT
run_scenario() {
  local label=$1 store=$2 question=$3 paths_file=$4 sql_file=$5 run=$6
  local log_file="$OUT_DIR/serve-$label-$question-$run.log"
  : >"$log_file"  # the server's shell opens it after this one reads it
  "$BINARY" --store "$store" serve --port 0 --threads "$THREADS" >"$log_file" 2>&1 &
  local server=$!
  SERVER_PID=$server
  local port="" tries=0
  while [ -z "$port" ] && [ $tries -lt 600 ]; do
    port=$(sed -n 's|^listening on http://127.0.0.1:\([0-9]*\)$|\1|p' "$log_file")
    [ -z "$port" ] && sleep 0.1
    tries=$(( tries + 1 ))
  done
  [ -n "$port" ] || { kill "$server"; die "the server did not start (log: $log_file)"; }
  local out="$OUT_DIR/wrk-$label-$question-$run.txt"
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "$SCRIPT_DIR/wrk_paths.lua" \
    "http://127.0.0.1:$port" -- "$paths_file" >"$out" 2>&1 || true
  kill "$server"; wait "$server" 2>/dev/null || true
  SERVER_PID=""
  local rps p50 p99 non2xx socket
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  non2xx=$(awk '/Non-2xx/ { print $NF }' "$out"); non2xx=${non2xx:-0}
  socket=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$out"); socket=${socket:-0}
  [ -n "$rps" ] || die "wrk printed no rate (output: $out)"
  local questions floor ratio
  questions=$(wc -l <"$paths_file")
  floor=$(sqlite_rate "$store" "$sql_file" "$questions")
  ratio=$(awk -v a="$rps" -v b="$floor" 'BEGIN { printf "%.2f", a / b }')
  log "$label $question run $run: $rps req/s, p50 $p50 ms, p99 $p99 ms, errors $non2xx non-2xx + $socket socket; sqlite3 $floor q/s"
  ROWS+=("| $label | $question | $run | $rps | $p50 | $p99 | $non2xx + $socket | $floor | $ratio |")
}

declare -A SIZE_LINE
for label in 1x "${SCALE}x"; do
  store=$STORE_1X; [ "$label" = 1x ] || store=$STORE_NX
  target_paths "$store" >"$OUT_DIR/paths-$label-targets.txt"
  : >"$OUT_DIR/sql-$label-targets.sql"
  while read -r path; do target_sql "$path" >>"$OUT_DIR/sql-$label-targets.sql"; done \
    <"$OUT_DIR/paths-$label-targets.txt"
  : >"$OUT_DIR/paths-$label-race.txt"; : >"$OUT_DIR/sql-$label-race.sql"
  for id in $(race_ids "$store"); do
    echo "/api/races/$id" >>"$OUT_DIR/paths-$label-race.txt"
    race_sql "$id" >>"$OUT_DIR/sql-$label-race.sql"
  done
  SIZE_LINE[$label]="$(sqlite3 "$store" "SELECT printf('%,d result rows, %,d races, %,d targets', (SELECT COUNT(*) FROM result_row), (SELECT COUNT(*) FROM race), (SELECT COUNT(*) FROM target))"), $(( $(stat -c %s "$store") / 1048576 )) MiB"
done

for (( run = 1; run <= RUNS; run++ )); do
  for label in 1x "${SCALE}x"; do
    store=$STORE_1X; [ "$label" = 1x ] || store=$STORE_NX
    for question in targets race; do
      run_scenario "$label" "$store" "$question" "$OUT_DIR/paths-$label-$question.txt" \
        "$OUT_DIR/sql-$label-$question.sql" "$run"
    done
  done
done

# --------------------------------------------------------------- results ----
COMMIT=$(git -C "$REPO_ROOT" rev-parse --short HEAD 2>/dev/null || echo unknown)
DIRTY=""
git -C "$REPO_ROOT" diff --quiet 2>/dev/null || DIRTY=" (work tree has uncommitted changes)"
{
  echo
  echo "## $(date -u '+%Y-%m-%d %H:%M UTC') — serve under load — commit \`$COMMIT\`$DIRTY"
  echo
  echo "- Machine: $(nproc) CPUs (\`nproc\`), $CPU_MODEL, $MEM_GIB GiB RAM, $(uname -sr)."
  echo "- Load average before: $LOAD_BEFORE; after: $(cut -d' ' -f1-3 /proc/loadavg). wrk, the server and sqlite3 share the machine's cores."
  echo "- Stores: 1x = the shared data (${SIZE_LINE[1x]}); ${SCALE}x = the same plus New York's results copied under other postal codes and later years (${SIZE_LINE[${SCALE}x]})."
  echo "- Load: \`wrk -t2 -c$CONNECTIONS -d${DURATION}s --latency -s bench/wrk_paths.lua\`, each request the next of the question's paths ($(wc -l <"$OUT_DIR/paths-1x-targets.txt") targets pages at 1x, $(wc -l <"$OUT_DIR/paths-${SCALE}x-targets.txt") at ${SCALE}x: unfiltered pages, per state all, party seats, state offices by win number, open seats; race detail: up to 500 races spread over the store). \`downballot serve --threads $THREADS\`."
  echo "- Floor: the same questions as SQL (the count and page target_table.cc asks; the rows store::ReadRace and ReadMismatches read, FEC links left out) by two \`sqlite3 -readonly\` processes at once, looped to 2,000 questions each; questions/s."
  echo "- $RUNS runs, interleaved; the benchmark took $(( $(date +%s) - BENCH_START )) s."
  echo
  echo "| store | question | run | requests/s | p50 ms | p99 ms | errors (non-2xx + socket) | sqlite3 questions/s | requests ÷ sqlite3 |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|---:|"
  printf '%s\n' "${ROWS[@]}"
} >>"$RESULTS"
log "appended to $RESULTS"
