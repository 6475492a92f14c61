#!/usr/bin/env node
// DuckDB peer for the `downballot committees` benchmark (bench/run_committees_bench.sh).
//
// Computes, with one SQL query over read_csv, what `downballot committees FILE...` prints
// (docs/committees.md): per CMTE_ID, rows|sum|small_rows|small_sum|donors. The FEC layout is
// given, not sniffed: '|' delimiter, no header, no quote and no escape character ('"' is data),
// Latin-1 bytes, 21 VARCHAR columns. Rows with another field count are skipped
// (ignore_errors) and rows whose TRANSACTION_AMT does not cast to DECIMAL(18,2) are left out,
// which is how downballot rejects them. Empty fields read as NULL, so "NAME and ZIP non-empty"
// is "both non-NULL".
//
// Usage:
//   node duckdb_committees.mjs [--threads N] [--out FILE] FILE...
//     --threads N  DuckDB worker threads (default: DuckDB's own, = cores)
//     --out FILE   where the committee lines go (default stdout), one per CMTE_ID, sorted
//
// Prints timings as one JSON object on stderr:
//   {"engine":"duckdb","duckdb_version":...,"threads":N,"committees":N,"query_ms":...,"total_ms":...}

import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { DuckDBInstance } from '@duckdb/node-api';

function usage(msg) {
  if (msg) process.stderr.write(`duckdb_committees.mjs: ${msg}\n`);
  process.stderr.write('usage: node duckdb_committees.mjs [--threads N] [--out FILE] FILE...\n');
  process.exit(2);
}

const args = process.argv.slice(2);
let threads = null;
let outPath = null;
const files = [];
for (let i = 0; i < args.length; i++) {
  const a = args[i];
  if (a === '--threads') threads = args[++i] ?? usage('--threads needs a value');
  else if (a === '--out') outPath = args[++i] ?? usage('--out needs a value');
  else if (a === '-h' || a === '--help') usage();
  else if (a.startsWith('--')) usage(`unknown option ${a}`);
  else files.push(a);
}
if (files.length === 0) usage('no input files');

const sqlString = (s) => `'${s.replaceAll("'", "''")}'`;
const names = ['cmte_id', 'amndt_ind', 'rpt_tp', 'transaction_pgi', 'image_num', 'transaction_tp',
  'entity_tp', 'name', 'city', 'state', 'zip_code', 'employer', 'occupation', 'transaction_dt',
  'transaction_amt', 'other_id', 'tran_id', 'file_num', 'memo_cd', 'memo_text', 'sub_id'];
const columns = `{${names.map((n) => `'${n}': 'VARCHAR'`).join(', ')}}`;

const t0 = performance.now();
const instance = await DuckDBInstance.create(':memory:', threads ? { threads: String(threads) } : {});
const con = await instance.connect();
const [version, nthreads] = (await con.runAndReadAll(
  "SELECT version(), current_setting('threads')")).getRows()[0];

// auto_detect = false: the layout is known, and the sniffer gives up on files whose sample
// holds a malformed row. Money is DECIMAL(18,2), so sums are exact; CAST(... AS VARCHAR)
// prints them as "-7934.99" / "0.00", the same text as downballot's FormatDollars.
const sql = `
WITH rows AS (
  SELECT cmte_id, name, zip_code, TRY_CAST(transaction_amt AS DECIMAL(18,2)) AS amount
  FROM read_csv([${files.map(sqlString).join(', ')}], delim = '|', header = false, quote = '',
                escape = '', encoding = 'latin-1', auto_detect = false, columns = ${columns},
                ignore_errors = true)
)
SELECT coalesce(cmte_id, '') || '|' || count(*) || '|' || CAST(sum(amount) AS VARCHAR) || '|' ||
       count(*) FILTER (WHERE amount > 0 AND amount < 200) || '|' ||
       CAST(coalesce(sum(amount) FILTER (WHERE amount > 0 AND amount < 200), 0)
            AS DECIMAL(38,2)) || '|' ||
       count(DISTINCT name || '|' || left(zip_code, 5))
         FILTER (WHERE name IS NOT NULL AND zip_code IS NOT NULL) AS line
FROM rows
WHERE amount IS NOT NULL
GROUP BY cmte_id
ORDER BY cmte_id`;
const tQuery = performance.now();
const reader = await con.runAndReadAll(sql);
const lines = reader.getRows().map((r) => r[0]);
const queryMs = performance.now() - tQuery;
const text = lines.length ? lines.join('\n') + '\n' : '';
if (outPath) writeFileSync(outPath, text, 'latin1'); else process.stdout.write(text);
con.closeSync();
instance.closeSync();
process.stderr.write(JSON.stringify({
  engine: 'duckdb', duckdb_version: String(version), threads: Number(nthreads),
  committees: lines.length, query_ms: Math.round(queryMs),
  total_ms: Math.round(performance.now() - t0),
}) + '\n');
