import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileScorecard, type ScorecardRequest } from '../../../src/core/formula/compile';
import type { KpiDef, Schema } from '../../../src/core/formula/schema';
import { duckdb } from '../../../src/core/sql/dialects/registry';
import { boundedEngine } from '../../../src/engine/boundedEngine';
import { ensureCalendar } from '../../../src/engine/calendar';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { runScorecard, type ScorecardRow } from '../../../src/engine/scorecardRun';

let engine: Engine;

const schema: Schema = {
  tables: [
    {
      name: 'deals',
      timeColumn: 'created_at',
      columns: [
        { name: 'deal_id', kind: 'number' },
        { name: 'customer_id', kind: 'number' },
        { name: 'amount', kind: 'number' },
        { name: 'stage', kind: 'text' },
        { name: 'created_at', kind: 'date' },
      ],
    },
    {
      name: 'customers',
      columns: [
        { name: 'customer_id', kind: 'number' },
        { name: 'segment', kind: 'text' },
        { name: 'created_at', kind: 'date' },
        { name: 'churned_at', kind: 'date' },
      ],
    },
    {
      name: 'we"ird; --',
      timeColumn: 'when',
      columns: [
        { name: 'when', kind: 'date' },
        { name: "it's]; DROP TABLE deals; --", kind: 'text' },
      ],
    },
  ],
  relationships: [
    { fromTable: 'deals', fromColumn: 'customer_id', toTable: 'customers', toColumn: 'customer_id' },
  ],
};

beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.query(`CREATE TABLE customers AS SELECT * FROM (VALUES
    (1, 'SMB', DATE '2023-11-15', DATE '2024-02-01'),
    (2, 'Ent', DATE '2024-01-10', NULL),
    (3, 'SMB', DATE '2024-01-01', DATE '2024-03-15'),
    (4, 'Ent', DATE '2022-05-01', DATE '2023-01-01')
  ) t(customer_id, segment, created_at, churned_at)`);
  // Deals: Jan 2023 (for YOY), Jan–Mar 2024 with an empty February.
  await engine.query(`CREATE TABLE deals AS SELECT * FROM (VALUES
    (1, 1, 80, 'Won', DATE '2023-01-12'),
    (2, 1, 100, 'Won', DATE '2024-01-05'),
    (3, 2, 300, 'Lost', DATE '2024-01-20'),
    (4, 2, NULL, 'Won', DATE '2024-01-25'),
    (5, 3, 40, 'Won', DATE '2024-03-02'),
    (6, 9, 60, 'Lost', DATE '2024-03-30')
  ) t(deal_id, customer_id, amount, stage, created_at)`);
  await engine.query(`CREATE TABLE "we""ird; --" AS SELECT * FROM (VALUES
    (DATE '2024-03-19', 'a"b''c'), (DATE '2024-03-20', 'x'), (DATE '2024-03-21', 'a"b''c'), (DATE '2024-02-20', 'y')
  ) t("when", "it's]; DROP TABLE deals; --")`);
});

afterAll(async () => {
  await engine.close();
});

async function run(kpis: KpiDef[], req: Partial<ScorecardRequest> = {}): Promise<ScorecardRow[]> {
  const compiled = compileScorecard({ dialect: duckdb, kpis, schema, today: '2024-06-01', ...req });
  expect(compiled.diagnostics.map((d) => d.message)).toEqual([]);
  return runScorecard(engine, compiled);
}

const kpi = (id: string, formula: string, extra: Partial<KpiDef> = {}): KpiDef => ({
  id,
  label: id,
  formula,
  ...extra,
});
const column = (rows: ScorecardRow[], id: string) => rows.map((r) => r.values[id]);

describe('monthly scorecard on hand-computed data', () => {
  it('aggregates per month over a spine without gaps; blanks skipped; division by zero is blank', async () => {
    const rows = await run(
      [
        kpi('revenue', 'SUM(deals.amount)'),
        kpi('won', 'COUNTIF(stage = "Won")', { table: 'deals' }),
        kpi('win_rate', 'won / COUNTROWS(deals)'),
        kpi('avg', 'AVERAGE(deals.amount)'),
        kpi('median', 'MEDIAN(deals.amount)'),
      ],
      { grain: 'month', from: '2024-01-01', to: '2024-03-31' },
    );
    expect(rows.map((r) => [r.period, r.periodStart, r.periodEnd])).toEqual([
      ['2024-01', '2024-01-01', '2024-01-31'],
      ['2024-02', '2024-02-01', '2024-02-29'],
      ['2024-03', '2024-03-01', '2024-03-31'],
    ]);
    expect(column(rows, 'revenue')).toEqual([400, 0, 100]);
    expect(column(rows, 'won')).toEqual([2, 0, 1]);
    expect(column(rows, 'win_rate')).toEqual([2 / 3, null, 0.5]);
    expect(column(rows, 'avg')).toEqual([200, null, 50]);
    expect(column(rows, 'median')).toEqual([200, null, 50]);
  });

  it('computes PREV, CHANGE, GROWTH, RUNNING, ROLLING, YTD and YOY on the spine', async () => {
    const rows = await run(
      [
        kpi('revenue', 'SUM(deals.amount)'),
        kpi('prev', 'PREV(revenue)'),
        kpi('prev2', 'PREV(revenue, 2)'),
        kpi('change', 'CHANGE(revenue)'),
        kpi('growth', 'GROWTH(revenue)'),
        kpi('running', 'RUNNING(revenue)'),
        kpi('rolling', 'ROLLING(revenue, 2)'),
        kpi('ytd', 'YTD(revenue)'),
        kpi('yoy', 'YOY(revenue)'),
        kpi('yoy_growth', 'DIVIDE(revenue - YOY(revenue), YOY(revenue))'),
      ],
      { grain: 'month', from: '2024-01-01', to: '2024-03-31' },
    );
    expect(column(rows, 'prev')).toEqual([0, 400, 0]);
    expect(column(rows, 'prev2')).toEqual([0, 0, 400]);
    expect(column(rows, 'change')).toEqual([400, -400, 100]);
    expect(column(rows, 'growth')).toEqual([null, -1, null]);
    expect(column(rows, 'running')).toEqual([400, 400, 500]);
    expect(column(rows, 'rolling')).toEqual([200, 200, 50]);
    expect(column(rows, 'ytd')).toEqual([400, 400, 500]);
    expect(column(rows, 'yoy')).toEqual([80, 0, 0]);
    expect(column(rows, 'yoy_growth')).toEqual([4, null, null]);
  });

  it('counts ACTIVE customers from start and end events, and churn rate with it', async () => {
    const rows = await run(
      [
        kpi('active', 'ACTIVE(customers.created_at, customers.churned_at)'),
        kpi(
          'churned',
          'COUNTIF(customers.churned_at >= PERIOD_START() AND customers.churned_at <= PERIOD_END())',
        ),
        kpi('churn_rate', 'churned / active'),
      ],
      { grain: 'month', from: '2024-01-01', to: '2024-04-30' },
    );
    // At 2024-01-01: customer 1 and 3 (3 starts that day); 2 joins 01-10; 1 leaves 02-01; 3 leaves 03-15.
    expect(column(rows, 'active')).toEqual([2, 2, 2, 1]);
    expect(column(rows, 'churned')).toEqual([0, 1, 1, 0]);
    expect(column(rows, 'churn_rate')).toEqual([0, 0.5, 0.5, 0]);
  });

  it('breaks a deals KPI down by customers.segment through the relationship, with SHARE', async () => {
    const rows = await run([kpi('revenue', 'SUM(deals.amount)'), kpi('share', 'SHARE(revenue)')], {
      grain: 'quarter',
      from: '2024-01-01',
      to: '2024-03-31',
      breakdown: { table: 'customers', column: 'segment' },
    });
    expect(rows.map((r) => [r.period, r.by, r.values.revenue, r.values.share])).toEqual([
      ['2024-Q1', 'Ent', 300, 0.6],
      ['2024-Q1', 'SMB', 140, 0.28],
      // Deal 6 points at no customer: its revenue stays visible under a blank segment.
      ['2024-Q1', null, 60, 0.12],
    ]);
  });

  it('gives one value over the range without a grain, and over all rows without a range', async () => {
    const ranged = await run(
      [kpi('n', 'COUNTROWS(deals)'), kpi('active', 'ACTIVE(customers.created_at, customers.churned_at)')],
      {
        from: '2024-01-01',
        to: '2024-01-31',
      },
    );
    expect(ranged.map((r) => r.values)).toEqual([{ n: 3, active: 2 }]);
    const all = await run([
      kpi('n', 'COUNTROWS(deals)'),
      kpi('days', 'MAX(DAYS(customers.created_at, TODAY()))'),
    ]);
    expect(all.map((r) => r.values)).toEqual([{ n: 6, days: 762 }]);
  });

  it('labels ISO weeks', async () => {
    const rows = await run([kpi('n', 'COUNTROWS(deals)')], {
      grain: 'week',
      from: '2024-01-01',
      to: '2024-01-14',
    });
    expect(rows.map((r) => [r.period, r.periodStart, r.values.n])).toEqual([
      ['2024-W01', '2024-01-01', 1],
      ['2024-W02', '2024-01-08', 0],
    ]);
  });
});

describe('Jalali calendar', () => {
  it('puts Esfand 1402 and Farvardin 1403 days in the right months', async () => {
    const rows = await run([kpi('n', 'COUNTROWS([we"ird; --])')], {
      grain: 'month',
      calendar: 'jalali',
      from: '2024-02-20',
      to: '2024-04-19',
    });
    expect(rows.map((r) => [r.period, r.periodStart, r.periodEnd, r.values.n])).toEqual([
      ['1402-12', '2024-02-20', '2024-03-19', 2],
      ['1403-01', '2024-03-20', '2024-04-19', 2],
    ]);
  });

  it('uses Jalali seasons and years', async () => {
    const rows = await run([kpi('n', 'COUNTROWS([we"ird; --])')], {
      grain: 'year',
      calendar: 'jalali',
      from: '2024-03-01',
      to: '2024-03-31',
    });
    expect(rows.map((r) => [r.period, r.periodStart, r.values.n])).toEqual([
      ['1402', '2023-03-21', 2],
      ['1403', '2024-03-20', 2],
    ]);
    const seasons = await run([kpi('n', 'COUNTROWS([we"ird; --])')], {
      grain: 'quarter',
      calendar: 'jalali',
      from: '2024-03-01',
      to: '2024-03-31',
    });
    // Dey 1 1402 = 2023-12-22 starts the fourth season.
    expect(seasons.map((r) => [r.period, r.periodStart, r.values.n])).toEqual([
      ['1402-Q4', '2023-12-22', 2],
      ['1403-Q1', '2024-03-20', 2],
    ]);
  });
});

describe('injection', () => {
  it('treats quotes, comment markers, semicolons and brackets in names and text as data', async () => {
    const rows = await run([kpi('n', 'COUNTIF([we"ird; --].[it\'s]]; DROP TABLE deals; --] = "a""b\'c")')], {
      from: '2024-01-01',
      to: '2024-12-31',
    });
    expect(rows[0].values.n).toBe(2);
    const check = await engine.query('SELECT COUNT(*) AS n FROM deals');
    expect(Number(check.getChild('n')?.get(0))).toBe(6);
  });
});

describe('calendar', () => {
  it('builds once when several callers ask at the same time', async () => {
    const fresh = await createNodeEngine();
    await Promise.all([
      ensureCalendar(fresh, '2020-01-01', '2021-01-01'),
      ensureCalendar(fresh, '2020-01-01', '2021-01-01'),
      ensureCalendar(fresh, '1990-01-01', '2021-01-01'),
    ]);
    const t = await fresh.query('SELECT min(d) AS lo FROM _calendar');
    expect(Number(t.toArray()[0].lo)).toBeLessThanOrEqual(Date.UTC(1988, 0, 1));
    await fresh.close();
  });

  it('builds once for the database when callers hold different wrappers of it', async () => {
    const fresh = await createNodeEngine();
    // The scorecard and each notebook cell query through wrappers of their own.
    let builds = 0;
    const counting: Engine = {
      ...fresh,
      query: (sql, options) => {
        if (/CREATE OR REPLACE TABLE "_calendar"/.test(sql)) builds++;
        return fresh.query(sql, options);
      },
    };
    const wrappers = [0, 1, 2].map(() =>
      boundedEngine(counting, { timeLimitMs: () => undefined, signal: () => undefined }),
    );
    await Promise.all(wrappers.map((w) => ensureCalendar(w, '2020-01-01', '2021-01-01')));
    expect(builds).toBe(1);
    const t = await fresh.query("SELECT count(*) AS n FROM duckdb_tables() WHERE table_name LIKE '%jalali%'");
    expect(Number(t.toArray()[0].n)).toBe(0);
    await fresh.close();
  });
});
