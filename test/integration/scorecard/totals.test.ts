import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileScorecard, type ScorecardRequest } from '../../../src/core/formula/compile';
import type { KpiDef, Schema } from '../../../src/core/formula/schema';
import { duckdb } from '../../../src/core/sql/dialects/registry';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { runScorecard, type ScorecardRow } from '../../../src/engine/scorecardRun';

/**
 * Whole-range figures (issue 14 item 1) on two tables dated differently: leads by the
 * day they came in (January and February), deals by the day they closed (March). Per
 * month no rate can be read (leads and wins never share a month); over the quarter it
 * is wins / leads. Every expected number below is counted by hand from the rows.
 *
 * Range 2024-01-01 → 2024-03-31 is 91 days, so the previous range is 2023-10-02 →
 * 2023-12-31 and last year's is 2023-01-01 → 2023-03-31.
 */
let engine: Engine;

const schema: Schema = {
  tables: [
    {
      name: 'leads',
      timeColumn: 'created_at',
      columns: [
        { name: 'lead_id', kind: 'number' },
        { name: 'created_at', kind: 'date' },
      ],
    },
    {
      name: 'deals',
      timeColumn: 'closed_at',
      columns: [
        { name: 'deal_id', kind: 'number' },
        { name: 'closed_at', kind: 'date' },
        { name: 'stage', kind: 'text' },
        { name: 'amount', kind: 'number' },
      ],
    },
    {
      // A snapshot: no date column at all.
      name: 'accounts',
      columns: [
        { name: 'account_id', kind: 'number' },
        { name: 'churn', kind: 'text' },
      ],
    },
  ],
  relationships: [],
};

beforeAll(async () => {
  engine = await createNodeEngine();
  // Last year's range: 4 leads; previous range: 2 (2023-10-01 is a day before it); this range: 4.
  await engine.query(`CREATE TABLE leads AS SELECT * FROM (VALUES
    (1, DATE '2023-01-15'), (2, DATE '2023-02-10'), (3, DATE '2023-03-01'), (4, DATE '2023-03-31'),
    (5, DATE '2023-10-01'), (6, DATE '2023-10-02'), (7, DATE '2023-12-31'),
    (8, DATE '2024-01-05'), (9, DATE '2024-01-20'), (10, DATE '2024-02-03'), (11, DATE '2024-02-28'),
    (12, DATE '2024-04-01')
  ) t(lead_id, created_at)`);
  // Won: last year 1, previous range 2, this range 2 (2024-04-02 is after it).
  await engine.query(`CREATE TABLE deals AS SELECT * FROM (VALUES
    (1, DATE '2023-03-10', 'Won', 100.0), (2, DATE '2023-03-31', 'Lost', 50.0),
    (3, DATE '2023-11-15', 'Won', 200.0), (4, DATE '2023-12-01', 'Won', 300.0),
    (5, DATE '2024-03-02', 'Won', 400.0), (6, DATE '2024-03-20', 'Lost', 10.0), (7, DATE '2024-03-31', 'Won', 600.0),
    (8, DATE '2024-04-02', 'Won', 999.0)
  ) t(deal_id, closed_at, stage, amount)`);
  // 3 of 8 accounts churned.
  await engine.query(`CREATE TABLE accounts AS SELECT * FROM (VALUES
    (1, 'Yes'), (2, 'No'), (3, 'No'), (4, 'Yes'), (5, 'No'), (6, 'No'), (7, 'Yes'), (8, 'No')
  ) t(account_id, churn)`);
});

afterAll(async () => {
  await engine.close();
});

const KPIS: KpiDef[] = [
  { id: 'rate', label: 'Lead to win', formula: 'COUNTIF(deals.stage = "Won") / COUNTROWS(leads)' },
  { id: 'won_amount', label: 'Won amount', formula: 'SUMIF(deals.amount, deals.stage = "Won")' },
  { id: 'churn', label: 'Churn share', formula: 'COUNTIF(accounts.churn = "Yes") / COUNTROWS(accounts)' },
  { id: 'churn_pct', label: 'Churn in percent', formula: 'churn * 100' },
];

async function run(req: Partial<ScorecardRequest>): Promise<ScorecardRow[]> {
  const compiled = compileScorecard({
    dialect: duckdb,
    kpis: KPIS,
    schema,
    from: '2024-01-01',
    to: '2024-03-31',
    totals: true,
    ...req,
  });
  expect(compiled.diagnostics).toEqual([]);
  return runScorecard(engine, compiled);
}

const ranged = (rows: ScorecardRow[], kind: string) => {
  const r = rows.find((x) => x.range === kind);
  if (r === undefined) throw new Error(`no ${kind} row`);
  return r;
};

describe('whole-range figures', () => {
  it('computes a rate over two tables with different date spans over the whole range, in the monthly query', async () => {
    const rows = await run({ grain: 'month' });
    const periods = rows.filter((r) => r.range === null);
    expect(periods.map((r) => r.period)).toEqual(['2024-01', '2024-02', '2024-03']);
    // Month by month the rate is 0 (no wins) or blank (no leads): nothing to read.
    expect(periods.map((r) => r.values.rate)).toEqual([0, 0, null]);
    const total = ranged(rows, 'total');
    expect([total.periodStart, total.periodEnd]).toEqual(['2024-01-01', '2024-03-31']);
    expect(total.values.rate).toBeCloseTo(2 / 4, 12);
    expect(total.values.won_amount).toBe(1000);
  });

  it('compares with the previous range of equal length and the same range last year', async () => {
    const rows = await run({ grain: 'month' });
    const prev = ranged(rows, 'previous');
    expect([prev.periodStart, prev.periodEnd]).toEqual(['2023-10-02', '2023-12-31']);
    expect(prev.values.rate).toBeCloseTo(2 / 2, 12);
    expect(prev.values.won_amount).toBe(500);
    const ly = ranged(rows, 'last_year');
    expect([ly.periodStart, ly.periodEnd]).toEqual(['2023-01-01', '2023-03-31']);
    expect(ly.values.rate).toBeCloseTo(1 / 4, 12);
    expect(ly.values.won_amount).toBe(100);
  });

  it('gives a snapshot table without dates a total and no periods', async () => {
    const rows = await run({ grain: 'month' });
    expect(rows.filter((r) => r.range === null).map((r) => r.values.churn)).toEqual([null, null, null]);
    expect(ranged(rows, 'total').values.churn).toBeCloseTo(3 / 8, 12);
    expect(ranged(rows, 'total').values.churn_pct).toBeCloseTo(37.5, 12);
    // A snapshot has no earlier range to compare with.
    expect(ranged(rows, 'previous').values.churn).toBeNull();
    expect(ranged(rows, 'last_year').values.churn).toBeNull();
    const compiled = compileScorecard({ dialect: duckdb, kpis: KPIS, schema, grain: 'month', totals: true });
    expect(compiled.outputs.map((o) => [o.kpiId, o.dated])).toEqual([
      ['rate', true],
      ['won_amount', true],
      ['churn', false],
      ['churn_pct', false],
    ]);
  });

  it('gives only the three ranges without a grain, the same numbers as with one', async () => {
    const rows = await run({ grain: null });
    expect(rows.map((r) => r.range)).toEqual(['last_year', 'previous', 'total']);
    expect(ranged(rows, 'total').values.rate).toBeCloseTo(0.5, 12);
    expect(ranged(rows, 'previous').values.rate).toBeCloseTo(1, 12);
    expect(ranged(rows, 'last_year').values.rate).toBeCloseTo(0.25, 12);
  });

  it('leaves the periodic rows as they were without totals', async () => {
    const rows = await run({ grain: 'month', totals: false });
    expect(rows.every((r) => r.range === null)).toBe(true);
    expect(rows.map((r) => r.values.won_amount)).toEqual([0, 0, 1000]);
  });
});

describe('whole-range ACTIVE()', () => {
  it('counts who is active at the start of each range, whenever they arrived', async () => {
    await engine.query(`CREATE TABLE members AS SELECT * FROM (VALUES
      (1, DATE '2022-05-01', NULL), (2, DATE '2023-06-01', DATE '2024-02-01'),
      (3, DATE '2024-01-01', NULL), (4, DATE '2023-12-15', DATE '2024-01-01')
    ) t(id, joined, left_on)`);
    const members: Schema = {
      tables: [
        {
          name: 'members',
          timeColumn: 'joined',
          columns: [
            { name: 'id', kind: 'number' },
            { name: 'joined', kind: 'date' },
            { name: 'left_on', kind: 'date' },
          ],
        },
      ],
      relationships: [],
    };
    const compiled = compileScorecard({
      dialect: duckdb,
      kpis: [{ id: 'active', label: 'Active', formula: 'ACTIVE(members.joined, members.left_on)' }],
      schema: members,
      grain: 'month',
      from: '2024-01-01',
      to: '2024-03-31',
      totals: true,
    });
    expect(compiled.diagnostics).toEqual([]);
    expect(compiled.outputs[0].dated).toBe(true);
    const rows = await runScorecard(engine, compiled);
    // On 2024-01-01: 1, 2 and 3 (4 left that day); on 2023-10-02: 1 and 2; on 2023-01-01: 1.
    expect(ranged(rows, 'total').values.active).toBe(3);
    expect(ranged(rows, 'previous').values.active).toBe(2);
    expect(ranged(rows, 'last_year').values.active).toBe(1);
    expect(rows.filter((r) => r.range === null).map((r) => r.values.active)).toEqual([3, 2, 2]);
  });
});
