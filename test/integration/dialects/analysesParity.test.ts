import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainChange } from '../../../src/app/contribution';
import { executePlan } from '../../../src/app/notebook/executePlan';
import { runCli } from '../../../src/cli/main';
import { copyTables } from '../../../src/cli/targetEngine';
import type { ExplainRequest } from '../../../src/core/analysis/explain';
import { availability } from '../../../src/core/kpi/availability';
import { CATALOG } from '../../../src/core/kpi/catalog';
import { trendSql } from '../../../src/core/kpi/forecastLine';
import { type LoadedTable, presentColumns, scorecardSchema } from '../../../src/core/model/scorecardSchema';
import { CELL_REGISTRY } from '../../../src/core/notebook/registry';
import type { CellConfig, CellKind, NotebookContext } from '../../../src/core/notebook/types';
import type { CalendarKind } from '../../../src/core/sql/calendarSchema';
import { createChdbEngine } from '../../../src/engine/clickhouse/chdbEngine';
import type { Engine } from '../../../src/engine/engine';
import { engineDialect } from '../../../src/engine/engineDialect';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { createPostgresEngine } from '../../../src/engine/postgres/postgresEngine';
import { tableToRows } from '../../../src/engine/rows';
import { type PostgresServer, startPostgres } from '../support/postgresServer';
import { chdbAvailable, postgresAvailable } from '../support/requiredEngine';

/**
 * The analyses on every engine: funnel, cohort retention (both calendars), RFM, pivot,
 * key drivers, contribution to change (`explain`, in the app and on the command line)
 * and the KRI trend line, each written in the engine's dialect, over the demo tables
 * imported with DuckDB and copied in. Every answer must be DuckDB's: the same columns,
 * rows and order, whole numbers (counts) equal, other numbers within 1e-9 relative,
 * blanks where DuckDB has blanks.
 */
const DEMO = join(import.meta.dirname, '../../../samples/crm-demo');
const TABLES = ['customers', 'deals', 'leads', 'orders', 'surveys'];
/** The files `shakhes explain` reads the win rate by segment from. */
const EXPLAIN_DATA = ['deals', 'customers'].flatMap((t) => ['--data', `${t}=${join(DEMO, `${t}.csv`)}`]);

/** Where `got` differs from DuckDB's `want`: texts and blanks exactly, numbers as above. */
function differences(want: unknown, got: unknown, at = '$'): string[] {
  if (typeof want === 'number' && typeof got === 'number') {
    const same =
      Number.isInteger(want) && Number.isInteger(got)
        ? want === got
        : Math.abs(want - got) <= 1e-9 * Math.max(Math.abs(want), Math.abs(got));
    return same ? [] : [`${at}: ${got}, DuckDB ${want}`];
  }
  if (Array.isArray(want) && Array.isArray(got)) {
    if (want.length !== got.length) return [`${at}: ${got.length} items, DuckDB ${want.length}`];
    return want.flatMap((w, i) => differences(w, got[i], `${at}[${i}]`));
  }
  if (want !== null && got !== null && typeof want === 'object' && typeof got === 'object') {
    const keys = [...new Set([...Object.keys(want), ...Object.keys(got)])];
    return keys.flatMap((k) =>
      differences((want as Record<string, unknown>)[k], (got as Record<string, unknown>)[k], `${at}.${k}`),
    );
  }
  return want === got ? [] : [`${at}: ${JSON.stringify(got)}, DuckDB ${JSON.stringify(want)}`];
}

let duck: Engine;
let tables: LoadedTable[];

/** A notebook cell of `kind` planned in the engine's dialect and run there, as the notebook runs it. */
async function cell(
  engine: Engine,
  kind: CellKind,
  config: CellConfig,
  calendar: CalendarKind = 'gregorian',
  views: string[] = [],
) {
  const ctx: NotebookContext = {
    tables: TABLES,
    schema: scorecardSchema(tables),
    kpis: new Map(),
    inputs: new Map(),
    views,
    calendar,
    dialect: engineDialect(engine),
  };
  const planned = CELL_REGISTRY[kind].plan({ id: 'c1', kind, name: `${kind}_1`, source: '', config }, ctx);
  if (!planned.ok) throw new Error(planned.message);
  const outcome = await executePlan(engine, planned.plan, {}, () => true);
  if (outcome === null || !outcome.ok) throw new Error(JSON.stringify(outcome));
  expect(outcome.truncated).toBe(false);
  return outcome.result;
}

const CELLS: [string, CellKind, CellConfig, CalendarKind?][] = [
  ['funnel by source', 'funnel', { groupBy: 'source' }],
  ['funnel by quarter', 'funnel', { groupBy: 'quarter' }],
  ['funnel of all leads', 'funnel', { groupBy: 'none' }],
  ['RFM to the last order', 'rfm', {}],
  ['RFM to a given day', 'rfm', { asOf: '2025-06-30' }],
  ['cohorts by Gregorian month', 'cohort', { cohorts: 18 }],
  ['cohorts by Jalali month', 'cohort', { cohorts: 18 }, 'jalali'],
  ['key drivers of CSAT', 'keyDrivers', { table: 'surveys', outcome: 'csat' }],
  ['key drivers of NPS', 'keyDrivers', { table: 'surveys', outcome: 'nps' }],
  [
    'pivot: customers by region and segment, counted',
    'pivot',
    { table: 'customers', rows: 'region', columns: 'segment', value: 'customer_id', aggregate: 'count' },
  ],
  ...(['sum', 'avg', 'median', 'min', 'max'] as const).map((aggregate): [string, CellKind, CellConfig] => [
    `pivot: deal amounts by source and stage, ${aggregate}`,
    'pivot',
    { table: 'deals', rows: 'source', columns: 'stage', value: 'amount', aggregate },
  ]),
];

/** Changes explained: a ratio and a sum, through a relationship, latest and year on year, both calendars. */
const CHANGES: [string, Partial<ExplainRequest>][] = [
  ['win rate by customer segment, latest month', { kpiId: 'win_rate' }],
  [
    'win rate by deal source, year on year by quarter',
    { kpiId: 'win_rate', by: { table: 'deals', column: 'source' }, period: { t: 'yoy' }, grain: 'quarter' },
  ],
  ['revenue by customer segment, latest Jalali month', { kpiId: 'total_revenue', calendar: 'jalali' }],
  [
    'revenue by region, two given quarters',
    {
      kpiId: 'total_revenue',
      by: { table: 'customers', column: 'region' },
      period: {
        t: 'ranges',
        a: { from: '2024-10-01', to: '2024-12-31' },
        b: { from: '2025-01-01', to: '2025-03-31' },
      },
    },
  ],
];

function explainRequest(over: Partial<ExplainRequest>): ExplainRequest {
  return {
    kpiId: 'win_rate',
    kpis: CATALOG.filter((k) => availability(k, presentColumns(tables)).available),
    schema: scorecardSchema(tables),
    by: { table: 'customers', column: 'segment' },
    period: { t: 'latest' },
    grain: 'month',
    calendar: 'gregorian',
    top: 5,
    ...over,
  };
}

/** The KRI line per region over its last six months, on a series with blanks and a region of one point. */
const trend = async (engine: Engine) =>
  tableToRows(
    await engine.query(
      `${trendSql({ source: 'kri_series', orderBy: 'period_start', value: 'k0', window: 6, partitionBy: 'by_value', dialect: engineDialect(engine) })} ORDER BY ${engineDialect(engine).quoteIdent('by_value')}`,
    ),
  );

/** `shakhes explain` of the demo's win rate by segment, as JSON; with `--engine URL` computed there. */
async function explainCli(...engine: string[]): Promise<unknown> {
  const out: string[] = [];
  const err: string[] = [];
  const argv = ['explain', 'win_rate', '--by', 'customers.segment', '--period', 'yoy', '--grain', 'quarter'];
  const code = await runCli([...argv, ...EXPLAIN_DATA, '--format', 'json', ...engine], {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
  });
  expect(err.join('\n')).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out.join('\n'));
}

let cliOnDuckdb: unknown;

beforeAll(async () => {
  duck = await createNodeEngine();
  tables = [];
  for (const name of TABLES) {
    const r = await importFile(duck, { name: `${name}.csv`, bytes: readFileSync(join(DEMO, `${name}.csv`)) });
    tables.push({ name: r.table, columns: r.columns });
  }
  // Churned customers per region and month, with blank months and a region of one point.
  await duck.query(`CREATE TABLE kri_series AS
    SELECT region AS by_value, CAST(date_trunc('month', churned_at) AS DATE) AS period_start, CAST(count(*) AS DOUBLE) AS k0
    FROM customers WHERE churned_at IS NOT NULL GROUP BY ALL
    UNION ALL SELECT region, DATE '2030-01-01', NULL FROM customers GROUP BY region
    UNION ALL SELECT 'solo', DATE '2025-01-01', 5.0
    UNION ALL SELECT 'solo', DATE '2025-02-01', NULL`);
  cliOnDuckdb = await explainCli();
}, 300_000);
afterAll(() => duck?.close());

/** Every analysis on `engine` (holding copies of the same tables) against DuckDB. */
function parity(engine: () => Engine, cli: () => unknown) {
  it.each(CELLS)('%s', async (_, kind, config, calendar) => {
    const want = await cell(duck, kind, config, calendar);
    expect(want?.rows.length).toBeGreaterThan(0);
    expect(differences(want, await cell(engine(), kind, config, calendar))).toEqual([]);
  });

  it.each(CHANGES)('explains the %s', async (_, over) => {
    const want = await explainChange(duck, explainRequest(over));
    expect(want.t).toBe('explained');
    expect(differences(want, await explainChange(engine(), explainRequest(over)))).toEqual([]);
  });

  it('fits the KRI trend line', async () => {
    const want = await trend(duck);
    // The one-point region has no line: slope and intercept blank, as regr_slope gives.
    expect(want.find((r) => r.by_value === 'solo')).toMatchObject({ slope: null, intercept: null, n: 1 });
    expect(want.length).toBeGreaterThan(2);
    expect(differences(want, await trend(engine()))).toEqual([]);
  });

  it('runs `shakhes explain --engine URL` there', () => {
    expect((cliOnDuckdb as { segments: unknown[] }).segments.length).toBeGreaterThan(1);
    expect(differences(cliOnDuckdb, cli())).toEqual([]);
  });
}

if (postgresAvailable())
  describe('PostgreSQL analyses what DuckDB analyses', () => {
    let server: PostgresServer;
    let engine: Engine;
    let cli: unknown;
    beforeAll(async () => {
      server = await startPostgres();
      cli = await explainCli('--engine', server.url);
      engine = await createPostgresEngine({ url: server.url });
      await copyTables(duck, engine, [...TABLES, 'kri_series']);
    }, 120_000);
    afterAll(async () => {
      await engine?.close();
      await server?.stop();
    });
    parity(
      () => engine,
      () => cli,
    );

    it('computes `explain --engine URL` in that database, not in DuckDB: one that is not there is an error', async () => {
      const err: string[] = [];
      const argv = ['explain', 'win_rate', '--by', 'customers.segment', ...EXPLAIN_DATA];
      const code = await runCli([...argv, '--engine', 'postgres://shakhes@127.0.0.1:1/postgres'], {
        out: () => undefined,
        err: (t) => err.push(t),
      });
      expect(code).toBe(1);
      expect(err.join('\n')).toMatch(/^error: .*ECONNREFUSED 127\.0\.0\.1:1/);
    }, 120_000);
  });

if (chdbAvailable())
  describe('chDB analyses what DuckDB analyses', () => {
    let engine: Engine;
    let cli: unknown;
    beforeAll(async () => {
      // chDB allows one session per process: the command's own opens and closes first.
      cli = await explainCli('--engine', 'chdb:');
      engine = await createChdbEngine();
      await copyTables(duck, engine, [...TABLES, 'kri_series']);
    }, 120_000);
    afterAll(() => engine?.close());
    parity(
      () => engine,
      () => cli,
    );

    it("pivots a ClickHouse table's own non-Nullable columns: a total's row is blank, not ''", async () => {
      await engine.query(
        'CREATE TABLE plain_sales (region String, segment String, amount Float64) ENGINE = Memory',
      );
      await engine.query(
        "INSERT INTO plain_sales VALUES ('N', 'SMB', 10), ('N', 'SMB', 20), ('N', 'Ent', 60), ('S', 'SMB', 40)",
      );
      const config = {
        table: 'plain_sales',
        rows: 'region',
        columns: 'segment',
        value: 'amount',
        aggregate: 'sum',
      };
      const result = await cell(engine, 'pivot', config, 'gregorian', ['plain_sales']);
      // N: Ent 60, SMB 10 + 20; S: SMB 40; the column totals' row has no region: Ent 60, SMB 70, all 130.
      expect(result?.rows).toEqual([
        { region: 'N', Ent: 60, SMB: 30, '(total)': 90, pivot_total_row: 0 },
        { region: 'S', Ent: null, SMB: 40, '(total)': 40, pivot_total_row: 0 },
        { region: null, Ent: 60, SMB: 70, '(total)': 130, pivot_total_row: 1 },
      ]);
    });
  });
