import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createScorecardRunner, type RunRequest } from '../../../src/app/scorecard/runner';
import type { WorkbookKpi } from '../../../src/app/scorecard/workbookKpis';
import { paceOf } from '../../../src/core/kpi/pace';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';

/**
 * The current month to date on real DuckDB. One sale of 10 every weekday from
 * 1 January 2027 to Wednesday 10 March 2027 (the data's last date, so "today"), none at
 * weekends; wins on 1 February, 1 March and 8 March; last year, a win of 50 on
 * 2 March 2026 and a loss of 999 on 11 March 2026. Counted by hand:
 * - March to date (1–10): 8 weekdays, revenue 80, win share 2 / 8;
 * - February's first ten days (1–10): 8 weekdays, revenue 80, win share 1 / 8 (the ten
 *   days just before March, 19–28 February, would give 60);
 * - 1–10 March 2026: revenue 50, win share 1 / 1;
 * - the eight weeks to today hold each weekday eight times at 10: a weekday weighs 1.4
 *   days, a weekend day none, so March's 23 weekdays project 80 × 23 / 8 = 230.
 */
let engine: Engine;

beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.query(`CREATE TABLE sales AS
    SELECT CAST(d AS DATE) AS day, 10.0 AS amount,
      CASE WHEN CAST(d AS DATE) IN (DATE '2027-02-01', DATE '2027-03-01', DATE '2027-03-08') THEN 1 ELSE 0 END AS won
    FROM range(TIMESTAMP '2027-01-01', TIMESTAMP '2027-03-11', INTERVAL 1 DAY) t(d)
    WHERE dayofweek(d) NOT IN (0, 6)
    UNION ALL SELECT * FROM (VALUES (DATE '2026-03-02', 50.0, 1), (DATE '2026-03-11', 999.0, 0))`);
});

afterAll(async () => {
  await engine.close();
});

const kpi = (id: string, formula: string, unit: WorkbookKpi['unit']): WorkbookKpi => ({
  id,
  label: id,
  formula,
  table: 'sales',
  timeColumn: 'sales.day',
  unit,
  format: unit === '%' ? 'percent' : 'number',
  direction: 'up',
  family: 'custom',
  kind: 'kpi',
  description: '',
  origin: 'user',
  target: null,
});

const request = (to: string | null = null): RunRequest => ({
  tables: [
    {
      name: 'sales',
      columns: [
        { name: 'day', kind: 'date' },
        { name: 'amount', kind: 'number' },
        { name: 'won', kind: 'number' },
      ],
    },
  ],
  relationships: [],
  kpis: [
    kpi('revenue', 'SUM(sales.amount)', 'currency'),
    kpi('win_share', 'COUNTIF(sales.won = 1) / COUNTROWS(sales)', '%'),
  ],
  settings: { grain: 'month', calendar: 'gregorian', from: null, to, breakdown: null },
});

describe('the current period to date', () => {
  it('gives the value to date, like-for-like comparisons and the run-rate projection', async () => {
    // TODAY() in formulas is the clock; the current period is the data's.
    const runner = createScorecardRunner({ engine: async () => engine, today: () => '2027-12-31' });
    const run = await runner.run(request());
    expect(run?.view?.periods.at(-1)?.label).toBe('2027-02');
    const toDate = await run?.toDate?.();
    expect(toDate?.period).toEqual({ label: '2027-03', start: '2027-03-01', end: '2027-03-31' });
    expect(toDate?.today).toBe('2027-03-10');
    const revenue = toDate?.figures.revenue;
    expect([revenue?.value, revenue?.previous, revenue?.lastYear, revenue?.method]).toEqual([
      80,
      80,
      50,
      'run-rate',
    ]);
    const share = toDate?.figures.win_share;
    expect([share?.value, share?.previous, share?.lastYear, share?.method]).toEqual([
      0.25,
      0.125,
      1,
      'to-date',
    ]);
    expect(share?.history).toEqual([]);
    if (revenue === undefined || share === undefined) throw new Error('no figures');
    const pace = paceOf({ ...revenue, target: 240, direction: 'up' });
    expect(pace.projection).toBeCloseTo(230, 9);
    expect(pace.status).toBe('at-risk');
    expect(paceOf({ ...share, target: 0.25, direction: 'up' }).status).toBe('met');
  });

  it('counts a range chosen to end inside a period as that period to date', async () => {
    const runner = createScorecardRunner({ engine: async () => engine, today: () => '2027-12-31' });
    const run = await runner.run(request('2027-03-05'));
    // A chosen range keeps its last period in the grid, as it always did.
    expect(run?.view?.periods.at(-1)?.label).toBe('2027-03');
    const toDate = await run?.toDate?.();
    expect(toDate?.today).toBe('2027-03-05');
    // 1–5 March: five weekdays; 1–5 February: five; 1–5 March 2026: the win of 50.
    const revenue = toDate?.figures.revenue;
    expect([revenue?.value, revenue?.previous, revenue?.lastYear]).toEqual([50, 50, 50]);
    expect(toDate?.figures.win_share?.value).toBeCloseTo(0.2, 12);
  });

  it('has no current period when the range ends with a period', async () => {
    const runner = createScorecardRunner({ engine: async () => engine, today: () => '2027-12-31' });
    const run = await runner.run(request('2027-02-28'));
    expect(run?.view?.periods.at(-1)?.label).toBe('2027-02');
    expect(run?.toDate).toBeNull();
  });
});
