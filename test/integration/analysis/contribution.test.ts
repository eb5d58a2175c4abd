import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explainChange } from '../../../src/app/contribution';
import { executePlan } from '../../../src/app/notebook/executePlan';
import type { ExplainRequest } from '../../../src/core/analysis/explain';
import type { Schema } from '../../../src/core/formula/schema';
import { contributionKind } from '../../../src/core/notebook/kinds/contribution';
import { dialectNamed } from '../../../src/core/sql/dialects/registry';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';

/**
 * Win rate by customer segment (through deals.customer_id → customers.customer_id)
 * across two quarters, on real DuckDB-WASM. Worked out by hand:
 *   2024-Q1: Enterprise 6 won of 10, SMB 3 of 10           → 9 / 20 = 45 %
 *   2024-Q2: Enterprise 4 of 10, SMB 9 of 30, Mid 5 of 10   → 18 / 50 = 36 %   (change −9 pp)
 *   R̄ = 40.5 %. Shares of the deals A → B: Enterprise .5 → .2, SMB .5 → .6, Mid 0 → .2.
 *   Enterprise: mix = −.3 · (50 % − 40.5 %) = −2.85 pp; rate = −20 pp · .35 = −7 pp
 *   SMB:        mix = +.1 · (30 % − 40.5 %) = −1.05 pp; rate = 0
 *   Mid (new):  mix = +.2 · (50 % − 40.5 %) = +1.9 pp;  rate = 0
 *   −2.85 − 7 − 1.05 + 1.9 = −9 pp.
 * 2023-Q2 (for yoy): Enterprise 5 won of 5. Gov customers have no deals at all.
 */
let engine: Engine;

const DEAL_COLUMNS: Schema['tables'][number]['columns'] = [
  { name: 'deal_id', kind: 'number' },
  { name: 'customer_id', kind: 'text' },
  { name: 'closed_at', kind: 'date' },
  { name: 'won', kind: 'boolean' },
  { name: 'amount', kind: 'number' },
];

const schema: Schema = {
  tables: [
    { name: 'deals', timeColumn: 'closed_at', columns: DEAL_COLUMNS },
    { name: 'deals_late', timeColumn: 'closed_at', columns: DEAL_COLUMNS },
    {
      name: 'customers',
      columns: [
        { name: 'customer_id', kind: 'text' },
        { name: 'segment', kind: 'text' },
      ],
    },
  ],
  relationships: [
    { fromTable: 'deals', fromColumn: 'customer_id', toTable: 'customers', toColumn: 'customer_id' },
    { fromTable: 'deals_late', fromColumn: 'customer_id', toTable: 'customers', toColumn: 'customer_id' },
  ],
};

const winRate = { id: 'win_rate', label: 'Win rate', formula: 'COUNTIF(deals.won) / COUNTROWS(deals)' };
const lateRate = {
  id: 'late_rate',
  label: 'Win rate',
  formula: 'COUNTIF(deals_late.won) / COUNTROWS(deals_late)',
};
const revenue = { id: 'revenue', label: 'Revenue', formula: 'SUMIF(deals.amount, deals.won)' };

function request(over: Partial<ExplainRequest> = {}): ExplainRequest {
  return {
    kpiId: 'win_rate',
    kpis: [winRate, revenue, lateRate],
    schema,
    by: { table: 'customers', column: 'segment' },
    period: { t: 'latest' },
    grain: 'quarter',
    calendar: 'gregorian',
    ...over,
  };
}

beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.query(`CREATE TABLE customers AS SELECT * FROM (VALUES
    ('e1', 'Enterprise'), ('s1', 'SMB'), ('m1', 'Mid'), ('g1', 'Gov')) t(customer_id, segment)`);
  // n deals spread over the 91 days from the first (the last on the quarter's last day), the first `won` won, 100 each.
  const block = (id: number, n: number, customer: string, from: string, won: number) =>
    `SELECT ${id} + i AS deal_id, '${customer}' AS customer_id, DATE '${from}' + CAST(i * 90 // GREATEST(${n} - 1, 1) AS INTEGER) AS closed_at, i < ${won} AS won, 100.0 AS amount FROM range(${n}) t(i)`;
  await engine.query(`CREATE TABLE deals AS
    ${block(1000, 5, 'e1', '2023-04-01', 5)} UNION ALL
    ${block(2000, 10, 'e1', '2024-01-01', 6)} UNION ALL
    ${block(3000, 10, 's1', '2024-01-01', 3)} UNION ALL
    ${block(4000, 10, 'e1', '2024-04-01', 4)} UNION ALL
    ${block(5000, 30, 's1', '2024-04-01', 9)} UNION ALL
    ${block(6000, 10, 'm1', '2024-04-01', 5)}`);
  // The same deals and one more in July: a quarter the data has only begun.
  await engine.query(
    `CREATE TABLE deals_late AS SELECT * FROM deals UNION ALL SELECT 9999, 'e1', DATE '2024-07-03', false, 100.0`,
  );
}, 120_000);

afterAll(async () => {
  await engine?.close();
});

const bySegment = (segments: readonly { segment: string | null; mix: number; rate: number }[]) =>
  Object.fromEntries(
    segments.map((s) => [s.segment, [+(s.mix * 100).toFixed(4), +(s.rate * 100).toFixed(4)]]),
  );

describe('contribution to change on DuckDB-WASM', () => {
  it('splits the win rate’s fall from 2024-Q1 to 2024-Q2 into mix and rate by segment', async () => {
    const r = await explainChange(engine, request());
    if (r.t !== 'explained') throw new Error(`not explained: ${JSON.stringify(r)}`);
    expect([r.a.label, r.b.label]).toEqual(['2024-Q1', '2024-Q2']);
    expect([r.a.from, r.a.to, r.b.from, r.b.to]).toEqual([
      '2024-01-01',
      '2024-03-31',
      '2024-04-01',
      '2024-06-30',
    ]);
    expect(r.valueA).toBeCloseTo(0.45, 12);
    expect(r.valueB).toBeCloseTo(0.36, 12);
    expect(r.change).toBeCloseTo(-0.09, 12);
    // Ranked by size; Gov (no deals) is left out.
    expect(r.segments.map((s) => s.segment)).toEqual(['Enterprise', 'Mid', 'SMB']);
    expect(bySegment(r.segments)).toEqual({ Enterprise: [-2.85, -7], Mid: [1.9, 0], SMB: [-1.05, 0] });
    const sum = r.segments.reduce((s, e) => s + e.mix + e.rate, 0);
    expect(sum).toBeCloseTo(r.change as number, 12);
  });

  it('leaves out a quarter the data has only begun, as the scorecard does', async () => {
    const r = await explainChange(engine, request({ kpiId: 'late_rate' }));
    if (r.t !== 'explained') throw new Error(`not explained: ${JSON.stringify(r)}`);
    expect([r.a.label, r.b.label]).toEqual(['2024-Q1', '2024-Q2']);
    expect(r.change).toBeCloseTo(-0.09, 12);
  });

  it('finds the periods in the Jalali calendar', async () => {
    // The data ends 2024-06-30, inside Tir 1403 (from 2024-06-21): Khordad is the last whole month.
    const r = await explainChange(engine, request({ grain: 'month', calendar: 'jalali' }));
    if (r.t !== 'explained') throw new Error(`not explained: ${JSON.stringify(r)}`);
    expect([r.a, r.b]).toEqual([
      { label: '1403-02', from: '2024-04-20', to: '2024-05-20' },
      { label: '1403-03', from: '2024-05-21', to: '2024-06-20' },
    ]);
    expect(r.segments.reduce((s, e) => s + e.total, 0)).toBeCloseTo(r.change as number, 12);
  });

  it('splits a ratio times a fixed scale (as NPS is written) on the same terms', async () => {
    const pct = { id: 'win_pct', label: 'Win %', formula: 'COUNTIF(deals.won) / COUNTROWS(deals) * 100' };
    const r = await explainChange(engine, request({ kpiId: 'win_pct', kpis: [pct] }));
    if (r.t !== 'explained') throw new Error(`not explained: ${JSON.stringify(r)}`);
    expect([r.valueA, r.valueB]).toEqual([45, 36]);
    const enterprise = r.segments.find((e) => e.segment === 'Enterprise');
    expect([enterprise?.mix, enterprise?.rate].map((v) => +(v as number).toFixed(8))).toEqual([-2.85, -7]);
  });

  it('compares with the same quarter a year earlier', async () => {
    const r = await explainChange(engine, request({ period: { t: 'yoy' } }));
    if (r.t !== 'explained') throw new Error(`not explained: ${JSON.stringify(r)}`);
    expect([r.a.label, r.b.label]).toEqual(['2023-Q2', '2024-Q2']);
    expect(r.valueA).toBe(1);
    expect(r.change).toBeCloseTo(-0.64, 12);
    expect(r.segments.reduce((s, e) => s + e.total, 0)).toBeCloseTo(-0.64, 12);
  });

  it('takes any two ranges, and splits a sum by segment', async () => {
    const period = {
      t: 'ranges' as const,
      a: { from: '2024-01-01', to: '2024-03-31' },
      b: { from: '2024-04-01', to: '2024-06-30' },
    };
    const r = await explainChange(engine, request({ kpiId: 'revenue', period }));
    if (r.t !== 'explained') throw new Error(`not explained: ${JSON.stringify(r)}`);
    // Won revenue: Q1 900 (Enterprise 600, SMB 300); Q2 1,800 (Enterprise 400, SMB 900, Mid 500).
    expect([r.valueA, r.valueB, r.change]).toEqual([900, 1800, 900]);
    expect(r.segments.map((s) => [s.segment, s.total])).toEqual([
      ['SMB', 600],
      ['Mid', 500],
      ['Enterprise', -200],
    ]);
  });

  it('refuses a KPI whose change does not split by segment, and an unreachable dimension', async () => {
    const avg = { id: 'avg_won', label: 'Distinct customers', formula: 'COUNTD(deals.customer_id)' };
    expect(await explainChange(engine, request({ kpiId: 'avg_won', kpis: [avg] }))).toEqual({
      t: 'not-decomposable',
      kpi: 'avg_won',
    });
    const r = await explainChange(engine, request({ by: { table: 'customers', column: 'sgement' } }));
    expect(r.t).toBe('formula');
  });
});

/** The same analysis as a notebook cell: planned in core, run by the notebook's executePlan. */
describe('a "Why did it change?" notebook cell', () => {
  const kpis = new Map(
    [winRate, revenue].map((k) => [
      k.id,
      { ...k, format: 'percent' as const, direction: 'up' as const, unit: '%', uses: [] },
    ]),
  );
  const ctx = {
    tables: ['deals', 'customers'],
    schema,
    kpis,
    inputs: new Map(),
    views: [],
    dialect: dialectNamed('duckdb'),
  };
  const cell = (config: Record<string, string>) => ({
    id: 'c1',
    kind: 'contribution' as const,
    name: 'change_1',
    source: '',
    config: {
      kpi: 'win_rate',
      breakdown: 'customers.segment',
      period: 'latest',
      grain: 'quarter',
      ...config,
    },
  });
  const run = async (config: Record<string, string>) => {
    const planned = contributionKind.plan(cell(config), ctx);
    if (!planned.ok) throw new Error(planned.message);
    return executePlan(engine, planned.plan, {}, () => true);
  };

  it('gives one row per segment with the mix and rate effects worked out above', async () => {
    const out = await run({});
    if (out === null || !out.ok || out.result === null) throw new Error(JSON.stringify(out));
    const rows = out.result.rows;
    expect(rows.map((r) => r.segment)).toEqual(['Enterprise', 'Mid', 'SMB']);
    expect(bySegment(rows as never)).toEqual({ Enterprise: [-2.85, -7], Mid: [1.9, 0], SMB: [-1.05, 0] });
    expect(out.result.change?.change).toBeCloseTo(-0.09, 12);
    expect(rows.reduce((s, r) => s + Number(r.total), 0)).toBeCloseTo(-0.09, 12);
    expect([out.result.change?.a.label, out.result.change?.b.label]).toEqual(['2024-Q1', '2024-Q2']);
  });

  it('compares with the same quarter last year when asked', async () => {
    const out = await run({ period: 'yoy' });
    if (out === null || !out.ok) throw new Error(JSON.stringify(out));
    expect([out.result?.change?.a.label, out.result?.change?.b.label]).toEqual(['2023-Q2', '2024-Q2']);
  });

  it('says why a cell cannot run, by its setting', async () => {
    expect(contributionKind.plan(cell({ breakdown: 'segment' }), ctx)).toMatchObject({
      ok: false,
      problems: [{ code: 'bad-breakdown' }],
    });
    expect(contributionKind.plan(cell({ kpi: 'nps' }), ctx)).toMatchObject({
      ok: false,
      problems: [{ code: 'unknown-kpis', params: { ids: ['nps'] } }],
    });
    const out = await run({ breakdown: 'customers.sgement' });
    expect(out).toMatchObject({
      ok: false,
      problems: [{ code: 'kpi-formula', params: { kpi: 'win_rate' } }],
    });
  });
});
