import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyTables } from '../../../src/cli/targetEngine';
import { compileScorecard, type ScorecardRequest } from '../../../src/core/formula/compile';
import type { KpiDef } from '../../../src/core/formula/schema';
import { availability } from '../../../src/core/kpi/availability';
import { CATALOG } from '../../../src/core/kpi/catalog';
import { type LoadedTable, presentColumns, scorecardSchema } from '../../../src/core/model/scorecardSchema';
import type { CalendarKind, Grain } from '../../../src/core/sql/calendarSchema';
import { createChdbEngine } from '../../../src/engine/clickhouse/chdbEngine';
import type { Engine } from '../../../src/engine/engine';
import { engineDialect } from '../../../src/engine/engineDialect';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { createPostgresEngine } from '../../../src/engine/postgres/postgresEngine';
import { runScorecard, type ScorecardRow } from '../../../src/engine/scorecardRun';
import { type PostgresServer, startPostgres } from '../support/postgresServer';
import { chdbAvailable, postgresAvailable } from '../support/requiredEngine';

/**
 * The same compiled scorecards on DuckDB and on each other engine, over the same data
 * (the demo tables and the real-data exports, imported with DuckDB and copied in): every
 * value must be DuckDB's, exactly for whole numbers (counts), within 1e-9 relative
 * otherwise, and blank where DuckDB's is blank.
 */
const DEMO = join(import.meta.dirname, '../../../samples/crm-demo');
const REAL = join(import.meta.dirname, '../../../../shared/real-data');
const REAL_FILES = { telco: 'Telco-Customer-Churn.csv', hr: 'WA_Fn-UseC_-HR-Employee-Attrition.csv' };

const GRAINS: Grain[] = ['day', 'week', 'month', 'quarter', 'year'];
const CALENDARS: CalendarKind[] = ['gregorian', 'jalali'];
/** A day grain over the whole demo is thousands of rows per KPI; a quarter of it says as much. */
const spanOf = (grain: Grain) =>
  grain === 'day' ? { from: '2025-01-01', to: '2025-03-31' } : { from: '2023-01-01', to: '2025-12-31' };

/** Breakdowns that cross a relationship (deals, tickets and orders by their customer's fields) and one that does not. */
const BREAKDOWNS = [
  { table: 'customers', column: 'segment' },
  { table: 'customers', column: 'region' },
  { table: 'deals', column: 'source' },
];

/** Formulas on the real exports, whose tables have no canonical names. */
const REAL_KPIS: KpiDef[] = [
  { id: 'churn_share', label: 'churn', formula: 'COUNTIF(telco.Churn = "Yes") / COUNTROWS(telco)' },
  { id: 'avg_charges', label: 'charges', formula: 'AVERAGE(telco.MonthlyCharges)' },
  { id: 'total_charges', label: 'total', formula: 'SUM(telco.TotalCharges)' },
  { id: 'attrition', label: 'attrition', formula: 'COUNTIF(hr.Attrition = "Yes") / COUNTROWS(hr)' },
  { id: 'income', label: 'income', formula: 'AVERAGE(hr.MonthlyIncome)' },
];
const REAL_BREAKDOWNS = [
  { table: 'telco', column: 'Contract' },
  { table: 'hr', column: 'Department' },
];

type Compile = Omit<ScorecardRequest, 'schema' | 'kpis' | 'dialect'>;

const keyOf = (r: ScorecardRow) => `${r.periodStart}|${r.range}|${String(r.by)}`;

/** Counts must match exactly; sums of money and ratios may differ in their last bits. */
const COUNTS = new Set(CATALOG.filter((k) => k.format === 'integer').map((k) => k.id));

/** Every value of `got` against DuckDB's `want`, row by row; the first differences, named. */
function differences(want: ScorecardRow[], got: ScorecardRow[]): string[] {
  const out: string[] = [];
  const gotByKey = new Map(got.map((r) => [keyOf(r), r]));
  if (got.length !== want.length) out.push(`${got.length} rows, DuckDB has ${want.length}`);
  for (const w of want) {
    const g = gotByKey.get(keyOf(w));
    if (g === undefined) {
      out.push(`no row ${keyOf(w)}`);
      continue;
    }
    if (g.period !== w.period) out.push(`${keyOf(w)}: period ${g.period}, DuckDB ${w.period}`);
    for (const [id, a] of Object.entries(w.values)) {
      const b = g.values[id] ?? null;
      const same =
        a === null || b === null || typeof a !== 'number' || typeof b !== 'number'
          ? a === b
          : COUNTS.has(id)
            ? a === b
            : Math.abs(a - b) <= 1e-9 * Math.max(Math.abs(a), Math.abs(b));
      if (!same) out.push(`${keyOf(w)} ${id}: ${String(b)}, DuckDB ${String(a)}`);
    }
  }
  return out.slice(0, 20);
}

let duck: Engine;
let demoTables: LoadedTable[];
let realTables: LoadedTable[];

beforeAll(async () => {
  duck = await createNodeEngine();
  demoTables = [];
  for (const f of readdirSync(DEMO).filter((x) => x.endsWith('.csv'))) {
    const r = await importFile(duck, { name: f, bytes: readFileSync(join(DEMO, f)) });
    demoTables.push({ name: r.table, columns: r.columns });
  }
  realTables = [];
  for (const [table, file] of Object.entries(REAL_FILES)) {
    const r = await importFile(duck, { name: file, bytes: readFileSync(join(REAL, file)) }, { table });
    realTables.push({ name: r.table, columns: r.columns });
  }
});
afterAll(() => duck?.close());

/**
 * DuckDB's answer to each case, computed once for both engines: the same compiled SQL on the
 * same engine gives the same rows, and the second run only made the suite slower.
 */
const duckdbAnswers = new Map<string, Promise<ScorecardRow[]>>();

/** The parity cases, on an engine holding copies of the same tables. */
function parity(engine: () => Engine) {
  const both = async (tables: LoadedTable[], kpis: readonly KpiDef[], request: Compile) => {
    const compiled = (on: Engine) =>
      compileScorecard({ ...request, kpis, schema: scorecardSchema(tables), dialect: engineDialect(on) });
    const reference = compiled(duck);
    // A KPI that cannot be broken down by the breakdown (its tables do not lead there) is left out of both.
    if (request.breakdown === undefined)
      expect(reference.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const key = JSON.stringify(reference);
    let answer = duckdbAnswers.get(key);
    if (answer === undefined) {
      answer = runScorecard(duck, reference);
      duckdbAnswers.set(key, answer);
    }
    const want = await answer;
    const got = await runScorecard(engine(), compiled(engine()));
    expect(want.length).toBeGreaterThan(0);
    expect(differences(want, got)).toEqual([]);
  };
  const catalog = () => CATALOG.filter((k) => availability(k, presentColumns(demoTables)).available);

  for (const calendar of CALENDARS)
    it.each(GRAINS)(`every catalog KPI by %s (${calendar})`, async (grain) => {
      await both(demoTables, catalog(), { grain, calendar, ...spanOf(grain) });
    });

  it('every catalog KPI over the whole range, the range before it and last year', async () => {
    await both(demoTables, catalog(), { grain: null, totals: true, from: '2025-01-01', to: '2025-06-30' });
  });

  it.each(BREAKDOWNS.map((b) => [`${b.table}.${b.column}`, b] as const))(
    'catalog KPIs by %s, monthly',
    async (_, breakdown) => {
      const request: Compile = { grain: 'month', breakdown, from: '2025-01-01', to: '2025-06-30' };
      await both(demoTables, catalog(), request);
    },
  );

  it.each(REAL_BREAKDOWNS.map((b) => [`${b.table}.${b.column}`, b] as const))(
    'real exports by %s',
    async (_, breakdown) => {
      const kpis = REAL_KPIS.filter((k) => k.formula.includes(`${breakdown.table}.`));
      await both(realTables, kpis, { grain: null, breakdown });
    },
  );
}

if (postgresAvailable())
  describe('PostgreSQL computes what DuckDB computes', () => {
    let server: PostgresServer;
    let engine: Engine;
    beforeAll(async () => {
      server = await startPostgres();
      engine = await createPostgresEngine({ url: server.url });
      await copyTables(
        duck,
        engine,
        [...demoTables, ...realTables].map((t) => t.name),
      );
    });
    afterAll(async () => {
      await engine?.close();
      await server?.stop();
    });
    parity(() => engine);
  });

if (chdbAvailable())
  describe('chDB computes what DuckDB computes', () => {
    let engine: Engine;
    beforeAll(async () => {
      engine = await createChdbEngine();
      await copyTables(
        duck,
        engine,
        [...demoTables, ...realTables].map((t) => t.name),
      );
    });
    afterAll(() => engine?.close());
    parity(() => engine);
  });
