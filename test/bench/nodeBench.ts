import { readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { compileScorecard } from '../../src/core/formula/compile';
import { kpiDefOf } from '../../src/core/formula/schema';
import { availability } from '../../src/core/kpi/availability';
import { CATALOG } from '../../src/core/kpi/catalog';
import { CANONICAL_TABLE_NAMES } from '../../src/core/model/canonical';
import { presentColumns, scorecardSchema } from '../../src/core/model/scorecardSchema';
import { duckdb } from '../../src/core/sql/dialects/registry';
import { ensureCalendar } from '../../src/engine/calendar';
import type { Engine } from '../../src/engine/engine';
import { importFile } from '../../src/engine/ingest/importFile';
import { importPath } from '../../src/engine/lockdown';
import { createNodeEngine } from '../../src/engine/nodeEngine';
import { plainColumn } from '../../src/engine/rows';
import { embedTables } from '../../src/workbook/embed';
import { type NativeConnection, nativeConnection } from './nativeDuckdb';
import { refreshFigures, refreshRuns } from './refreshBench';
import type { Figure } from './report';
import { interleavedRuns, timeRuns } from './stats';

const q = duckdb.quoteIdent;
const s = duckdb.stringLiteral;
const THREADS = [1, 'all'] as const;
const threadsName = (t: 1 | 'all') =>
  t === 1 ? 'native DuckDB, 1 thread' : `native DuckDB, ${cpus().length} threads`;

/** Writes a WASM table as Parquet next to its CSV, so both readers see the same data. */
async function writeParquet(engine: Engine, table: string, path: string) {
  const [bytes] = (await embedTables(engine, [{ id: table, table }])).values();
  writeFileSync(path, bytes);
}

/** CSV and Parquet loads of one table: Shakhes's import, raw read_csv, and native DuckDB. */
export async function loadFigures(section: string, csvPath: string, runs: number): Promise<Figure[]> {
  const csv = readFileSync(csvPath);
  const parquetPath = csvPath.replace(/\.csv$/, '.parquet');
  const wasm = await createNodeEngine();
  const figures: Figure[] = [];
  let rows = 0;
  const add = (work: string, runs_: number[], baseline?: string, target?: string) =>
    figures.push({ section, work, runs: runs_, rows, baseline, target });
  await wasm.registerFile(importPath('raw.csv'), csv);
  // Interleaved, so load from other work on the machine falls on both alike and the ratio holds.
  const [importRuns, rawRuns] = await interleavedRuns(runs, [
    async () => {
      rows = (await importFile(wasm, { name: 'deals.csv', bytes: csv }, { table: 'deals' })).rows;
    },
    async () => {
      await wasm.query(`CREATE OR REPLACE TABLE raw AS SELECT * FROM read_csv('${importPath('raw.csv')}')`);
    },
  ]);
  await writeParquet(wasm, 'deals', parquetPath);
  const parquet = readFileSync(parquetPath);
  const parquetRuns = await timeRuns(runs, async () => {
    await importFile(wasm, { name: 'deals.parquet', bytes: parquet }, { table: 'deals_pq' });
  });
  await wasm.close();
  const nativeCsv: Record<string, number[]> = {};
  const nativePq: Record<string, number[]> = {};
  for (const t of THREADS) {
    const native = await nativeConnection(t);
    nativeCsv[t] = await timeRuns(runs, () =>
      native.run(`CREATE OR REPLACE TABLE d AS SELECT * FROM read_csv(${s(resolve(csvPath))})`),
    );
    nativePq[t] = await timeRuns(runs, () =>
      native.run(`CREATE OR REPLACE TABLE p AS SELECT * FROM read_parquet(${s(resolve(parquetPath))})`),
    );
    native.close();
  }
  const n1 = `${threadsName(1)}: read_csv`;
  add(n1, nativeCsv[1]);
  add(`${threadsName('all')}: read_csv`, nativeCsv.all, n1);
  add('DuckDB-WASM (Node): raw read_csv', rawRuns, n1);
  add(
    'DuckDB-WASM (Node): Shakhes CSV import',
    importRuns,
    'DuckDB-WASM (Node): raw read_csv',
    '≤ 1.2× raw read_csv',
  );
  const p1 = `${threadsName(1)}: read_parquet`;
  add(p1, nativePq[1]);
  add(`${threadsName('all')}: read_parquet`, nativePq.all, p1);
  add('DuckDB-WASM (Node): Shakhes Parquet import', parquetRuns, p1);
  return figures;
}

interface ScorecardWorkload {
  sql: string;
  kpiCount: number;
  periods: number;
  from: string;
  to: string;
}

/**
 * The demo scorecard (every catalog KPI the data supports, 36 months, broken down
 * by customers.segment) compiled once; timed on DuckDB-WASM and on native DuckDB
 * with the same tables (moved over as Parquet) and the same SQL.
 */
export async function scorecardFigures(
  section: string,
  dir: string,
  runs: number,
): Promise<{ figures: Figure[]; workload: ScorecardWorkload }> {
  const wasm = await createNodeEngine();
  const loaded = [];
  for (const name of CANONICAL_TABLE_NAMES) {
    const r = await importFile(
      wasm,
      { name: `${name}.csv`, bytes: readFileSync(`${dir}/${name}.csv`) },
      { table: name },
    );
    loaded.push({ name: r.table, columns: r.columns });
  }
  const present = presentColumns(loaded);
  const kpis = CATALOG.filter((k) => availability(k, present).available).map(kpiDefOf);
  const schema = scorecardSchema(loaded);
  const bounds = compileScorecard({ dialect: duckdb, kpis, schema, grain: 'month' });
  const b = await wasm.query(bounds.boundsSql);
  const to = String(plainColumn(b, 'hi')[0]);
  const toDate = new Date(`${to}T00:00:00Z`);
  toDate.setUTCMonth(toDate.getUTCMonth() - 35);
  const from = `${toDate.toISOString().slice(0, 7)}-01`;
  const compiled = compileScorecard({
    dialect: duckdb,
    kpis,
    schema,
    grain: 'month',
    from,
    to,
    breakdown: { table: 'customers', column: 'segment' },
    // The whole-range figures the grid's Total column shows ride in the same query.
    totals: true,
  });
  if (compiled.sql === '') throw new Error('the scorecard did not compile');
  const lookFrom = new Date(Date.parse(`${from}T00:00:00Z`) - compiled.lookbackDays * 86_400_000)
    .toISOString()
    .slice(0, 10);
  await ensureCalendar(wasm, lookFrom, to);
  const wasmRuns = await timeRuns(runs, async () => {
    await wasm.query(compiled.sql);
  });
  const refresh = await refreshRuns(wasm, { kpis, schema, from, to }, runs);
  // The same tables for native DuckDB, through Parquet so types are identical.
  const parquetDir = `${dir}/parquet`;
  (await import('node:fs')).mkdirSync(parquetDir, { recursive: true });
  const tables = [...CANONICAL_TABLE_NAMES, '_calendar'];
  for (const t of tables) await writeParquet(wasm, t, `${parquetDir}/${t}.parquet`);
  await wasm.close();
  const native: Record<string, number[]> = {};
  let nativeRefresh: number[] = [];
  for (const t of THREADS) {
    const conn: NativeConnection = await nativeConnection(t);
    for (const name of tables)
      await conn.run(
        `CREATE TABLE ${q(name)} AS SELECT * FROM read_parquet(${s(resolve(`${parquetDir}/${name}.parquet`))})`,
      );
    native[t] = await timeRuns(runs, () => conn.run(compiled.sql));
    if (t === 1) nativeRefresh = await timeRuns(runs, () => conn.run(refresh.rawSql));
    conn.close();
  }
  const n1 = `${threadsName(1)}: scorecard SQL`;
  const figures: Figure[] = [
    { section, work: n1, runs: native[1] },
    { section, work: `${threadsName('all')}: scorecard SQL`, runs: native.all, baseline: n1 },
    {
      section,
      work: 'DuckDB-WASM (Node): scorecard SQL',
      runs: wasmRuns,
      baseline: n1,
      target: '≤ 2× native 1 thread',
    },
    ...refreshFigures(section, refresh, nativeRefresh),
  ];
  return { figures, workload: { sql: compiled.sql, kpiCount: kpis.length, periods: 36, from, to } };
}
