#!/usr/bin/env node
// DuckDB peer for the `downballot ingest fec` benchmark (bench/run_fec_ingest_bench.sh): load
// one FEC itcont file into a fresh persistent DuckDB database, the "bulk file into an embedded
// store" floor that downballot's ingest is compared with.
//
// One CREATE TABLE itcont AS SELECT ... FROM read_csv(...), then CHECKPOINT. The FEC layout is
// given, not sniffed, exactly as in duckdb_committees.mjs: '|' delimiter, no header, no quote
// and no escape character ('"' is data), Latin-1 bytes, 21 VARCHAR columns; rows with another
// field count are skipped (ignore_errors). TRANSACTION_AMT becomes DECIMAL(18,2) (TRY_CAST, so
// an unreadable amount is NULL) and TRANSACTION_DT a DATE (try_strptime '%m%d%Y'); the other 19
// columns stay VARCHAR. Nothing else: no aggregation, no indexes.
//
// Usage:
//   node duckdb_load_itcont.mjs --db PATH [--threads N] FILE
//     --db PATH    database file to create; it must not exist yet (a fresh store per run)
//     --threads N  DuckDB worker threads (default 2)
//
// Prints timings as one JSON object on stderr:
//   {"engine":"duckdb","duckdb_version":...,"threads":N,"db":...,"rows":N,"null_amounts":N,
//    "null_dates":N,"load_ms":...,"checkpoint_ms":...,"count_ms":...,"total_ms":...}
// load_ms is the CREATE TABLE AS; checkpoint_ms the CHECKPOINT; count_ms the row counts
// taken afterwards (a cross-check, a few ms); total_ms everything inside node, close included.

import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';

function usage(msg) {
  if (msg) process.stderr.write(`duckdb_load_itcont.mjs: ${msg}\n`);
  process.stderr.write('usage: node duckdb_load_itcont.mjs --db PATH [--threads N] FILE\n');
  process.exit(2);
}

const args = process.argv.slice(2);
let threads = '2';
let dbPath = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--threads') threads = args[++i] ?? usage('--threads needs a value');
  else if (a === '--db') dbPath = args[++i] ?? usage('--db needs a value');
  else if (a === '-h' || a === '--help') usage();
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else files.push(a);
}
if (files.length !== 1) usage('want exactly one input file');
if (!dbPath || dbPath === ':memory:') usage('--db PATH (a file) is required');
if (!/^[1-9][0-9]*$/.test(threads)) usage(`--threads must be a positive integer (got '${threads}')`);
if (existsSync(dbPath) || existsSync(`${dbPath}.wal`)) usage(`${dbPath} exists; pass a fresh path`);
if (!existsSync(files[0])) usage(`${files[0]}: no such file`);

const sqlString = (s) => `'${s.replaceAll("'", "''")}'`;
const names = ['cmte_id', 'amndt_ind', 'rpt_tp', 'transaction_pgi', 'image_num', 'transaction_tp',
  'entity_tp', 'name', 'city', 'state', 'zip_code', 'employer', 'occupation', 'transaction_dt',
  'transaction_amt', 'other_id', 'tran_id', 'file_num', 'memo_cd', 'memo_text', 'sub_id'];
const columns = `{${names.map((n) => `'${n}': 'VARCHAR'`).join(', ')}}`;
const select = names.map((n) => {
  if (n === 'transaction_amt') return 'TRY_CAST(transaction_amt AS DECIMAL(18,2)) AS transaction_amt';
  if (n === 'transaction_dt') return "CAST(try_strptime(transaction_dt, '%m%d%Y') AS DATE) AS transaction_dt";
  return n;
}).join(',\n         ');

const t0 = performance.now();
const instance = await DuckDBInstance.create(dbPath, { threads: String(threads) });
const con = await instance.connect();
const [version, nthreads] = (await con.runAndReadAll(
  "SELECT version(), current_setting('threads')")).getRows()[0];

// auto_detect = false: the layout is known, and the sniffer gives up on files whose sample
// holds a malformed row.
const sql = `
CREATE TABLE itcont AS
  SELECT ${select}
  FROM read_csv(${sqlString(files[0])}, delim = '|', header = false, quote = '', escape = '',
                encoding = 'latin-1', auto_detect = false, columns = ${columns},
                ignore_errors = true)`;
const tLoad = performance.now();
await con.run(sql);
const loadMs = performance.now() - tLoad;

const tCheckpoint = performance.now();
await con.run('CHECKPOINT');
const checkpointMs = performance.now() - tCheckpoint;

const tCount = performance.now();
const [rows, nullAmounts, nullDates] = (await con.runAndReadAll(
  `SELECT count(*), count(*) FILTER (WHERE transaction_amt IS NULL),
          count(*) FILTER (WHERE transaction_dt IS NULL) FROM itcont`)).getRows()[0];
const countMs = performance.now() - tCount;

con.closeSync();
instance.closeSync();
process.stderr.write(JSON.stringify({
  engine: 'duckdb', duckdb_version: String(version), threads: Number(nthreads), db: dbPath,
  rows: Number(rows), null_amounts: Number(nullAmounts), null_dates: Number(nullDates),
  load_ms: Math.round(loadMs), checkpoint_ms: Math.round(checkpointMs),
  count_ms: Math.round(countMs), total_ms: Math.round(performance.now() - t0),
}) + '\n');
