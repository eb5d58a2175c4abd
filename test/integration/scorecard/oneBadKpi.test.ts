import { beforeAll, describe, expect, it } from 'vitest';
import type { LoadedTable } from '../../../src/core/model/scorecardSchema';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { parseScorecardResults } from '../../../src/state/scorecardResults';
import { createScorecardStore, type ScorecardStore } from '../../../src/state/scorecardStore';

/**
 * One KPI the engine refuses at run time, among good ones: it fails alone with the
 * engine's message and every other KPI computes. `sales` is not a canonical table,
 * so the scorecard holds only the KPIs added here.
 */
let engine: Engine;

const SALES: LoadedTable = {
  name: 'sales',
  columns: [
    { name: 'deal_id', kind: 'number' },
    { name: 'created_on', kind: 'date' },
    { name: 'amount', kind: 'number' },
    { name: 'stage', kind: 'text' },
  ],
};

beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.query(`CREATE TABLE sales AS SELECT * FROM (VALUES
    (1, DATE '2024-01-05', 100.0, 'Won'),
    (2, DATE '2024-01-20', 300.0, 'Lost'),
    (3, DATE '2024-02-10', 50.0, 'Won'),
    (4, DATE '2024-03-03', 250.0, 'Won'),
    (5, DATE '2024-03-15', 200.0, 'Lost')
  ) t(deal_id, created_on, amount, stage)`);
});

async function scorecardWith(
  tables: LoadedTable[],
  kpis: { label: string; formula: string }[],
  dataKey?: () => string,
) {
  const store: ScorecardStore = createScorecardStore({
    engine: async () => engine,
    tables: () => tables,
    today: () => '2024-06-30',
    dataKey,
  });
  await store.getState().refresh();
  await store.getState().setRange('2024-01-01', '2024-03-31');
  for (const k of kpis) {
    const added = await store.getState().addKpi(k);
    expect(added.diagnostics, k.formula).toEqual([]);
  }
  return store;
}

describe('one bad KPI stays one bad KPI', () => {
  it('a KPI the engine refuses on the data fails alone; the others show their numbers', async () => {
    const store = await scorecardWith(
      [SALES],
      [
        { label: 'Revenue', formula: 'SUM(sales.amount)' },
        // Passes the checker; the engine's STDDEV_SAMP overflows on these amounts.
        { label: 'Spread', formula: 'STDEV(sales.amount ^ 300)' },
        { label: 'Deals', formula: 'COUNTROWS(sales)' },
        { label: 'Won', formula: 'COUNTIF(sales.stage = "Won")' },
        { label: 'Win share', formula: 'won / deals' },
        { label: 'Spread twice', formula: 'spread * 2' },
        { label: 'Revenue before', formula: 'PREV(revenue)' },
      ],
    );
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.error).toBeNull();
    expect(s.kpis.map((k) => k.id)).toEqual([
      'revenue',
      'spread',
      'deals',
      'won',
      'win_share',
      'spread_twice',
      'revenue_before',
    ]);
    expect(s.periods.map((p) => p.label)).toEqual(['2024-01', '2024-02', '2024-03']);
    // By hand: Jan 100 + 300 (1 of 2 won), Feb 50 (1 of 1), Mar 250 + 200 (1 of 2); December has none.
    expect(s.series.revenue).toEqual([400, 50, 450]);
    expect(s.series.deals).toEqual([2, 1, 2]);
    expect(s.series.won).toEqual([1, 1, 1]);
    expect(s.series.win_share).toEqual([0.5, 1, 0.5]);
    expect(s.series.revenue_before).toEqual([0, 400, 50]);
    expect(Object.keys(s.failures).sort()).toEqual(['spread', 'spread_twice']);
    expect(s.failures.spread).toEqual({
      message: 'Out of Range Error: STDDEV_SAMP is out of range!',
      via: null,
    });
    expect(s.failures.spread_twice).toEqual({
      message: 'Out of Range Error: STDDEV_SAMP is out of range!',
      via: 'spread',
    });
    expect(s.series.spread).toEqual([null, null, null]);
    expect(s.evaluations.revenue.value).toBe(450);
    expect(s.evaluations.revenue.previous.base).toBe(50);

    // Fixing the bad KPI clears its failure and computes it; the refusal is not remembered for the new formula.
    await s.setFormula('spread', 'STDEV(sales.amount)');
    const fixed = store.getState();
    expect(fixed.failures).toEqual({});
    expect(fixed.series.spread?.[0]).toBeCloseTo(Math.SQRT2 * 100, 9);
    expect(fixed.series.spread_twice?.[0]).toBeCloseTo(Math.SQRT2 * 200, 9);
    expect(fixed.series.revenue).toEqual([400, 50, 450]);
  });

  it('a KPI whose column is gone from the table at run time fails with the engine’s message', async () => {
    // The scorecard believes in a `discount` column the engine's table does not have.
    const drifted: LoadedTable = {
      ...SALES,
      columns: [...SALES.columns, { name: 'discount', kind: 'number' }],
    };
    const store = await scorecardWith(
      [drifted],
      [
        { label: 'Revenue', formula: 'SUM(sales.amount)' },
        { label: 'Discounts', formula: 'SUM(sales.discount)' },
        { label: 'Deals', formula: 'COUNTROWS(sales)' },
      ],
      // The same data key throughout: results are reused from run to run.
      () => 'sales-v1',
    );
    const s = store.getState();
    expect(s.status).toBe('ready');
    expect(s.series.revenue).toEqual([400, 50, 450]);
    expect(s.series.deals).toEqual([2, 1, 2]);
    expect(Object.keys(s.failures)).toEqual(['discounts']);
    expect(s.failures.discounts.message).toMatch(/^Binder Error: .*discount/);
    // Kept with the workbook, a reload shows the same failure (results pass the storage check).
    const kept = parseScorecardResults(JSON.parse(JSON.stringify(s.results())));
    expect(kept?.view.failures).toEqual(s.failures);
    // Again: still failed, the others reused.
    await s.refresh();
    expect(Object.keys(store.getState().failures)).toEqual(['discounts']);
    expect(store.getState().series.revenue).toEqual([400, 50, 450]);
    // A refusal is not kept past its run: once the column exists, the next run computes it.
    await engine.query('ALTER TABLE sales ADD COLUMN discount DOUBLE DEFAULT 5');
    await s.refresh();
    expect(store.getState().failures).toEqual({});
    expect(store.getState().series.discounts).toEqual([10, 5, 10]);
    expect(store.getState().series.revenue).toEqual([400, 50, 450]);
  });
});
