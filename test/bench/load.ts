/**
 * npm run bench [-- --scale 170 --runs 5 --out bench.json --no-chromium]
 *
 * --scale 170 makes about a million deals (the demo has about 6,000).
 *
 * Loads a generated deals CSV in DuckDB-WASM (Node build, and the built app in
 * headless Chromium through its file input) and in native DuckDB 1.4.3 (the same
 * engine version), and prints medians with rows per second and ratios.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { flag, parseArgs } from '../../src/cli/args';
import { duckdb } from '../../src/core/sql/dialect';
import { importFile } from '../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../src/engine/nodeEngine';
import { chromiumLoadSeconds } from './chromiumLoad';
import { ensureDealsCsv } from './dealsCsv';
import { nativeConnection } from './nativeDuckdb';
import { median, timeRuns } from './stats';

const args = parseArgs(process.argv.slice(2), new Set(['no-chromium']));
const scale = Number(flag(args, 'scale') ?? 170);
const runs = Number(flag(args, 'runs') ?? 5);
const out = flag(args, 'out');

const file = resolve(ensureDealsCsv(scale));
const bytes = readFileSync(file);
const mb = statSync(file).size / 1e6;
console.error(`deals CSV: ${file} (${mb.toFixed(1)} MB); ${runs} runs after a warm-up`);

interface Figure {
  work: string;
  runs: number[];
}
const figures: Figure[] = [];
const measure = async (work: string, fn: () => Promise<void>) => {
  console.error(`  measuring: ${work}`);
  figures.push({ work, runs: await timeRuns(runs, fn) });
};

const wasm = await createNodeEngine();
let n = 0;
let rows = 0;
await measure('DuckDB-WASM (Node): Shakhes import (encoding, typing, blanks)', async () => {
  rows = (await importFile(wasm, { name: 'deals.csv', bytes }, { table: 'deals' })).rows;
});
await wasm.registerFile('raw.csv', bytes);
await measure('DuckDB-WASM (Node): raw read_csv', async () => {
  await wasm.query(
    `CREATE OR REPLACE TABLE ${duckdb.quoteIdent(`raw${n++}`)} AS SELECT * FROM read_csv('raw.csv')`,
  );
  await wasm.query(`DROP TABLE ${duckdb.quoteIdent(`raw${n - 1}`)}`);
});
await wasm.close();

for (const threads of [1, 'all'] as const) {
  const native = await nativeConnection(threads);
  await measure(
    `native DuckDB, ${threads === 1 ? '1 thread' : `${cpus().length} threads`}: read_csv`,
    async () => {
      await native.run(
        `CREATE OR REPLACE TABLE deals AS SELECT * FROM read_csv(${duckdb.stringLiteral(file)})`,
      );
    },
  );
  native.close();
}

if (!args.flags.has('no-chromium')) {
  if (!existsSync('dist/index.html')) execFileSync('npx', ['vite', 'build'], { stdio: 'inherit' });
  console.error('  measuring: Chromium');
  figures.push({
    work: 'DuckDB-WASM (Chromium): drop the file on the app until the table is listed',
    runs: await chromiumLoadSeconds(file, 'deals', rows, runs),
  });
}

const nativeOne = median(figures.find((f) => f.work.includes('1 thread'))!.runs);
const table = figures.map((f) => {
  const m = median(f.runs);
  return {
    work: f.work,
    medianSeconds: m,
    rowsPerSecond: Math.round(rows / m),
    vsNative1Thread: m / nativeOne,
  };
});
const width = Math.max(...table.map((t) => t.work.length));
console.log(
  `Load of ${rows.toLocaleString('en')} deals rows (${mb.toFixed(1)} MB CSV), ${cpus().length} cores, median of ${runs}`,
);
console.log(
  `${'work'.padEnd(width)}  ${'median s'.padStart(9)}  ${'rows/s'.padStart(11)}  ${'× native 1t'.padStart(11)}`,
);
for (const t of table)
  console.log(
    `${t.work.padEnd(width)}  ${t.medianSeconds.toFixed(3).padStart(9)}  ${t.rowsPerSecond.toLocaleString('en').padStart(11)}  ${t.vsNative1Thread.toFixed(2).padStart(11)}`,
  );
if (out)
  writeFileSync(
    out,
    JSON.stringify({ cores: cpus().length, rows, megabytes: mb, runs, figures: table }, null, 2),
  );
