#!/usr/bin/env node
// DuckDB peer for the downballot ingest benchmark.
//
// Reads each CSV file with DuckDB's read_csv (dialect auto-detected: delimiter,
// quote, newline; header=true; all_varchar=true so no type inference is done)
// into its own table, then counts the rows of every table. A file the sniffer
// reads as a single column although its header has commas (rows shorter than
// the header make it give up on ',') is re-read with delim=',' and
// null_padding=true, and listed under "fallbacks". This is what DuckDB
// does and nothing more: no normalisation, no classification, no indexes.
//
// Usage:
//   node duckdb_read.mjs [--db PATH] [--threads N] [--list FILE] [FILE.csv ...]
//     --db PATH    database to create the tables in (default ":memory:");
//                  the file must not exist yet (a fresh store per run)
//     --threads N  DuckDB worker threads (default: DuckDB's own, = cores)
//     --list FILE  read the CSV paths from FILE, one per line
//
// Prints one JSON object on stdout:
//   {"engine":"duckdb","duckdb_version":..., "threads":..., "rows":N,
//    "files":[{"path":..., "table":..., "rows":N, "columns":N}], "errors":[...],
//    "fallbacks":[paths re-read with delim=',' null_padding=true],
//    "load_ms":..., "count_ms":..., "total_ms":...}
// Exits 1 if any file could not be read (the others are still reported).

import { readFileSync, existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';

function usage(msg) {
  if (msg) process.stderr.write(`duckdb_read.mjs: ${msg}\n`);
  process.stderr.write('usage: node duckdb_read.mjs [--db PATH] [--threads N] [--list FILE] [FILE.csv ...]\n');
  process.exit(2);
}

const args = process.argv.slice(2);
let dbPath = ':memory:';
let threads = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--db') dbPath = args[++i] ?? usage('--db needs a value');
  else if (a === '--threads') threads = args[++i] ?? usage('--threads needs a value');
  else if (a === '--list') {
    const list = args[++i] ?? usage('--list needs a value');
    for (const line of readFileSync(list, 'utf8').split('\n')) if (line.trim()) files.push(line.trim());
  } else if (a === '-h' || a === '--help') usage();
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else files.push(a);
}
if (files.length === 0) usage('no input files');
if (dbPath !== ':memory:' && existsSync(dbPath)) usage(`${dbPath} exists; pass a fresh path`);

const sqlString = (s) => `'${s.replaceAll("'", "''")}'`;

const t0 = performance.now();
const options = threads ? { threads: String(threads) } : {};
const instance = await DuckDBInstance.create(dbPath, options);
const con = await instance.connect();

const versionRow = (await con.runAndReadAll('SELECT version(), current_setting(\'threads\')')).getRows()[0];

const results = [];
const errors = [];
const tLoad = performance.now();
for (let i = 0; i < files.length; i++) {
  const table = `t${String(i + 1).padStart(3, '0')}`;
  const sql = `CREATE TABLE ${table} AS SELECT * FROM read_csv(${sqlString(files[i])}, header = true, all_varchar = true)`;
  try {
    await con.run(sql);
    results.push({ path: files[i], table, rows: null });
  } catch (e) {
    errors.push({ path: files[i], error: String(e.message ?? e).split('\n')[0] });
    results.push({ path: files[i], table: null, rows: 0 });
  }
}

// The sniffer can give up on commas for a file whose rows are shorter than its
// header (it then reads each line as one column, delimiter '|'). A user would
// say delim=',' and null_padding=true for such a file; do that, and report it.
const colRows = (await con.runAndReadAll(
  "SELECT table_name, count(*) FROM duckdb_columns() WHERE schema_name = 'main' GROUP BY table_name")).getRows();
const ncols = new Map(colRows.map(([t, n]) => [t, Number(n)]));
const fallbacks = [];
for (const r of results) {
  if (!r.table) continue;
  r.columns = ncols.get(r.table) ?? 0;
  if (r.columns !== 1) continue;
  const header = readFileSync(r.path, 'latin1').split(/\r\n|\r|\n/, 1)[0];
  if (!header.includes(',')) continue;
  await con.run(`DROP TABLE ${r.table}`);
  await con.run(`CREATE TABLE ${r.table} AS SELECT * FROM read_csv(${sqlString(r.path)}, header = true, all_varchar = true, delim = ',', null_padding = true)`);
  r.columns = Number((await con.runAndReadAll(
    `SELECT count(*) FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = '${r.table}'`)).getRows()[0][0]);
  r.fallback = "delim=',', null_padding=true";
  fallbacks.push(r.path);
}
const loadMs = performance.now() - tLoad;

// Count afterwards, one count(*) per table, like the sqlite3 peer.
const tCount = performance.now();
let total = 0;
for (const r of results) {
  if (!r.table) continue;
  const rows = (await con.runAndReadAll(`SELECT count(*) FROM ${r.table}`)).getRows();
  r.rows = Number(rows[0][0]);
  total += r.rows;
}
const countMs = performance.now() - tCount;

con.closeSync();
instance.closeSync();  // checkpoints a file database
const totalMs = performance.now() - t0;

process.stdout.write(JSON.stringify({
  engine: 'duckdb',
  duckdb_version: String(versionRow[0]),
  threads: Number(versionRow[1]),
  db: dbPath,
  rows: total,
  files: results,
  errors,
  fallbacks,
  load_ms: Math.round(loadMs),
  count_ms: Math.round(countMs),
  total_ms: Math.round(totalMs),
}) + '\n');
process.exit(errors.length ? 1 : 0);
