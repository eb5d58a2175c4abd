import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { duckdb } from '../../src/core/sql/dialects/registry';
import { nativeConnection } from './nativeDuckdb';

const s = duckdb.stringLiteral;

/** Where the generated tables are kept between runs: large, so never in the repository. */
const DATA_DIR = join(tmpdir(), 'shakhes-servebench');

/**
 * What the bench's own native DuckDB may hold in memory from `LARGE_ROWS` rows up, spilling
 * the rest to `spillDirectory()`: the machine is shared, and the in-memory database would
 * otherwise take up to 80 % of it (and spill into `.tmp` under the working directory).
 */
export const LARGE_ROWS = 1e8;
export const LARGE_MEMORY_LIMIT = '4GB';

/** A folder under the bench's data folder for native DuckDB's spill, made on first use. */
export function spillDirectory(what: string): string {
  const dir = join(DATA_DIR, 'spill', what);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/**
 * A deals table of `rows` rows as Parquet, written by native DuckDB once and reused: the
 * demo's columns and types (as the app imports samples/crm-demo/deals.csv) and its spread
 * of values (about 57 % lost, 37 % won, the rest open; amounts log-normal around 15,000
 * rounded to 10; three years of deals; 45 owners; nine sources, a third from existing
 * customers). Seeded by the row number through hash(), so every run writes the same rows.
 */
export function dealsParquet(rows: number): Promise<string> {
  // A folder per size: the server names the table after the file, and the KPIs need `deals`.
  const dir = join(DATA_DIR, String(rows));
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'deals.parquet');
  if (existsSync(path)) return Promise.resolve(path);
  return writeDeals(rows, path).then(() => path);
}

async function writeDeals(rows: number, path: string) {
  const u = (k: string) => `((hash(i, '${k}') % 1000000)::DOUBLE + 0.5) / 1e6`;
  const sources = [
    ['Existing Customer', 0.34],
    ['Paid Search', 0.12],
    ['Organic', 0.11],
    ['Referral', 0.1],
    ['Webinars', 0.1],
    ['Events', 0.08],
    ['Paid Social', 0.08],
    ['Partner', 0.04],
  ] as const;
  let cumulative = 0;
  const sourceCase = `CASE ${sources
    .map(([name, p]) => {
      cumulative += p;
      return `WHEN u_src < ${cumulative.toFixed(2)} THEN '${name}'`;
    })
    .join(' ')} ELSE 'Display' END`;
  const customers = Math.max(1000, Math.round(rows / 3));
  const tmp = `${path}.part`;
  const db = await nativeConnection('all');
  try {
    // Written as it is generated, row group by row group; the limit keeps 100M rows from taking the machine.
    await db.run(`SET memory_limit = ${s(LARGE_MEMORY_LIMIT)}`);
    await db.run(`SET temp_directory = ${s(spillDirectory('generate'))}`);
    await db.run(`COPY (
      WITH r AS (
        SELECT i, ${u('stage')} AS u_stage, ${u('day')} AS u_day, ${u('cycle')} AS u_cycle,
          ${u('a1')} AS u_a1, ${u('a2')} AS u_a2, ${u('src')} AS u_src, ${u('cust')} AS u_cust
        FROM range(${rows}) t(i)
      ), s AS (
        SELECT *, CASE WHEN u_stage < 0.57 THEN 'Closed Lost' WHEN u_stage < 0.94 THEN 'Closed Won'
          WHEN u_stage < 0.963 THEN 'Qualification' WHEN u_stage < 0.982 THEN 'Proposal'
          ELSE 'Negotiation' END AS stage FROM r
      )
      SELECT 'D' || lpad((i + 1)::VARCHAR, 9, '0') AS deal_id,
        CASE WHEN stage LIKE 'Closed%' THEN DATE '2023-11-01' + (u_day * 1080)::INTEGER
          ELSE DATE '2026-06-01' + (u_day * 183)::INTEGER END AS created_at,
        stage,
        -- Box-Muller: a normal deviate from two uniforms, for a log-normal amount.
        (round(exp(ln(15000) + 1.2 * sqrt(-2 * ln(u_a1)) * cos(2 * pi() * u_a2)) / 10) * 10 + 10)::BIGINT AS amount,
        CASE WHEN stage LIKE 'Closed%' THEN least(DATE '2023-11-01' + (u_day * 1080)::INTEGER
          + (1 + floor(-ln(u_cycle) * 37))::INTEGER, DATE '2026-11-30') END AS closed_at,
        stage = 'Closed Won' AS won,
        CASE WHEN stage = 'Closed Won' OR u_cust < 0.33
          THEN 'C' || lpad((hash(i, 'cid') % ${customers})::VARCHAR, 7, '0') END AS customer_id,
        'Owner ' || lpad((hash(i, 'owner') % 45 + 1)::VARCHAR, 2, '0') AS owner,
        ${sourceCase} AS source
      FROM s
    ) TO ${s(tmp)} (FORMAT parquet)`);
  } finally {
    db.close();
  }
  renameSync(tmp, path);
}

/** The same rows as CSV next to the Parquet, for a browser load that no size check refuses before reading. */
export async function dealsCsv(parquet: string): Promise<string> {
  const path = parquet.replace(/\.parquet$/, '.csv');
  if (existsSync(path)) return path;
  const db = await nativeConnection('all');
  try {
    await db.run(`COPY (SELECT * FROM read_parquet(${s(parquet)})) TO ${s(`${path}.part`)} (HEADER)`);
  } finally {
    db.close();
  }
  renameSync(`${path}.part`, path);
  return path;
}
