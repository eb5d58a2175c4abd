import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RFM_MAP } from '../../../src/core/analysis/rfm';
import type { LoadedTable } from '../../../src/core/model/scorecardSchema';
import { CELL_REGISTRY } from '../../../src/core/notebook/registry';
import type { CellConfig, CellKind, NotebookCell } from '../../../src/core/notebook/types';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { catalogNotebookKpis } from '../../../src/state/notebookKpis';
import { createNotebookStore, type NotebookStore } from '../../../src/state/notebookStore';

/**
 * Each analysis on a fixture small enough to work out by hand. The expected values
 * are derived in the comments next to them, not read off a run.
 */

let engine: Engine;
let store: NotebookStore;

const TABLES: LoadedTable[] = [
  {
    name: 'customers',
    columns: [
      { name: 'customer_id', kind: 'text' },
      { name: 'created_at', kind: 'date' },
      { name: 'churned_at', kind: 'date' },
      { name: 'segment', kind: 'text' },
      { name: 'region', kind: 'text' },
    ],
  },
  {
    name: 'orders',
    columns: [
      { name: 'order_id', kind: 'text' },
      { name: 'customer_id', kind: 'text' },
      { name: 'ordered_at', kind: 'date' },
      { name: 'revenue', kind: 'number' },
    ],
  },
  {
    name: 'surveys',
    columns: [
      { name: 'response_id', kind: 'number' },
      { name: 'answered_at', kind: 'date' },
      { name: 'csat', kind: 'number' },
      { name: 'driver_a', kind: 'number' },
      { name: 'driver_b', kind: 'number' },
      { name: 'driver_c', kind: 'number' },
    ],
  },
  {
    name: 'leads',
    columns: [
      { name: 'lead_id', kind: 'text' },
      { name: 'created_at', kind: 'date' },
      { name: 'source', kind: 'text' },
      { name: 'mql_at', kind: 'date' },
      { name: 'sql_at', kind: 'date' },
      { name: 'converted_at', kind: 'date' },
    ],
  },
];

// Customer i (1..10) has f_i orders of 10 each; its last order is on 2024-12-(21 + i).
const FREQ = [1, 1, 1, 2, 2, 2, 2, 3, 3, 3];

beforeAll(async () => {
  engine = await createNodeEngine();
  const orders: string[] = [];
  let n = 0;
  FREQ.forEach((f, i) => {
    const id = `c${String(i + 1).padStart(2, '0')}`;
    for (let k = 0; k < f; k++) {
      n++;
      const day = k === f - 1 ? `2024-12-${21 + i + 1 - 1}` : `2024-06-0${k + 1}`;
      orders.push(`('o${String(n).padStart(2, '0')}', '${id}', DATE '${day}', 10.0)`);
    }
  });
  await engine.query(
    `CREATE TABLE orders AS SELECT * FROM (VALUES ${orders.join(', ')}) t(order_id, customer_id, ordered_at, revenue)`,
  );
  await engine.query(`CREATE TABLE customers AS SELECT * FROM (VALUES
    ('c01', DATE '2024-01-05', NULL, 'SMB', 'N'),
    ('c02', DATE '2024-01-10', DATE '2024-02-20', 'SMB', 'S'),
    ('c03', DATE '2024-01-20', DATE '2024-01-25', 'SMB', 'N'),
    ('c04', DATE '2024-01-31', DATE '2024-03-01', 'Ent', 'S'),
    ('c05', DATE '2024-03-02', NULL, 'SMB', 'N'),
    ('c06', DATE '2024-03-15', DATE '2024-04-15', 'Ent', 'S'),
    ('c07', DATE '2024-04-15', NULL, 'SMB', 'N'),
    ('c08', DATE '2023-12-01', NULL, 'Ent', 'S')
  ) t(customer_id, created_at, churned_at, segment, region)`);
  await engine.query(`CREATE TABLE surveys AS SELECT * FROM (VALUES
    (1, DATE '2024-01-01', 1, 2, 5, 1),
    (2, DATE '2024-01-02', 2, 4, 4, 2),
    (3, DATE '2024-01-03', 3, 6, 3, 1),
    (4, DATE '2024-01-04', 4, 8, 2, 2),
    (5, DATE '2024-01-05', 5, 10, 1, 1),
    (6, DATE '2024-01-06', 3, NULL, NULL, NULL)
  ) t(response_id, answered_at, csat, driver_a, driver_b, driver_c)`);
  await engine.query(`CREATE TABLE leads AS SELECT * FROM (VALUES
    ('l1', DATE '2024-01-01', 'A', DATE '2024-01-05', NULL, NULL),
    ('l2', DATE '2024-01-02', 'A', DATE '2024-01-05', DATE '2024-01-09', NULL),
    ('l3', DATE '2024-01-03', 'A', NULL, DATE '2024-01-09', NULL),
    ('l4', DATE '2024-01-04', 'A', DATE '2024-01-05', DATE '2024-01-09', DATE '2024-02-01'),
    ('l5', DATE '2024-04-05', 'B', NULL, NULL, NULL),
    ('l6', DATE '2024-04-06', 'B', NULL, NULL, DATE '2024-05-01')
  ) t(lead_id, created_at, source, mql_at, sql_at, converted_at)`);
  store = createNotebookStore({
    engine: async () => engine,
    tables: () => TABLES,
    kpis: () => catalogNotebookKpis(),
  });
});
afterAll(() => engine?.close());

const cell = (kind: CellKind, config: CellConfig = {}, name = `${kind}_1`, source = ''): NotebookCell => ({
  id: name,
  kind,
  name,
  source,
  config: { ...CELL_REGISTRY[kind].create().config, ...config },
});

async function run(cells: NotebookCell[], id: string) {
  store.getState().load(cells);
  await store.getState().runAll();
  const r = store.getState().runs[id];
  expect(r?.error ?? null).toBeNull();
  return r?.result?.rows ?? [];
}

describe('analyses on a hand-computed fixture', () => {
  it('RFM: quintile scores and the segment map', async () => {
    // Recency: c01 is 9 days old … c10 0 days → R = 1,1,2,2,3,3,4,4,5,5 (NTILE over 10 rows).
    // Frequency 1,1,1,2,2,2,2,3,3,3 ranked with the customer as tie-break → F = 1,1,2,2,3,3,4,4,5,5.
    // (R,F): c01–c04 (1,1),(1,1),(2,2),(2,2) Hibernating; c05–c06 (3,3) Need attention;
    // c07–c08 (4,4) Loyal; c09–c10 (5,5) Champions. Revenue is 10 per order.
    const rows = await run([cell('rfm', { map: [...DEFAULT_RFM_MAP] }, 'rfm')], 'rfm');
    const bySegment = Object.fromEntries(rows.map((r) => [r.segment, [r.customers, r.revenue]]));
    expect(bySegment).toEqual({
      Champions: [2, 60],
      Hibernating: [4, 50],
      Loyal: [2, 50],
      'Need attention': [2, 40],
    });
    expect(rows.map((r) => r.segment)).toEqual(['Champions', 'Hibernating', 'Loyal', 'Need attention']);
    expect(rows[0]?.revenue_share).toBeCloseTo(0.3, 10);
  });

  it('RFM: an edited map moves customers to the new segment', async () => {
    const map = [...DEFAULT_RFM_MAP];
    map[(3 - 1) * 5 + (3 - 1)] = 'At risk';
    const rows = await run([cell('rfm', { map }, 'rfm')], 'rfm');
    expect(rows.find((r) => r.segment === 'At risk')?.customers).toBe(2);
    expect(rows.some((r) => r.segment === 'Need attention')).toBe(false);
  });

  it('key drivers: correlation with CSAT against the average score', async () => {
    // csat 1..5: driver_a = 2·csat (r = 1, mean 6); driver_b = 6 − csat (r = −1, mean 3);
    // driver_c 1,2,1,2,1 (covariance 0 → r = 0, mean 1.4). Row 6 has no driver answers.
    const rows = await run([cell('keyDrivers', {}, 'kd')], 'kd');
    expect(rows.map((r) => r.driver)).toEqual(['driver_a', 'driver_c', 'driver_b']);
    const [a, c, b] = rows;
    expect(a?.importance).toBeCloseTo(1, 10);
    expect(a?.performance).toBeCloseTo(6, 10);
    expect(c?.importance).toBeCloseTo(0, 10);
    expect(c?.performance).toBeCloseTo(1.4, 10);
    expect(b?.importance).toBeCloseTo(-1, 10);
    expect(b?.performance).toBeCloseTo(3, 10);
    expect(a?.responses).toBe(5);
  });

  it('cohort retention: share still a customer at the start of each month since signup', async () => {
    // Data ends 2024-04-15. Jan cohort c01–c04: start of Feb c03 gone (3), of Mar c02 gone (2),
    // of Apr c04 gone (1). Mar cohort c05, c06: both still there on 1 Apr. Apr cohort: c07.
    // Dec 2023 (c08) is outside the last 4 signup months.
    const rows = await run([cell('cohort', { cohorts: 4 }, 'co')], 'co');
    expect(rows.map((r) => [r.cohort, r.months_since, r.customers, r.retained])).toEqual([
      ['2024-01', 0, 4, 4],
      ['2024-01', 1, 4, 3],
      ['2024-01', 2, 4, 2],
      ['2024-01', 3, 4, 1],
      ['2024-03', 0, 2, 2],
      ['2024-03', 1, 2, 2],
      ['2024-04', 0, 1, 1],
    ]);
    expect(rows[1]?.retention).toBeCloseTo(0.75, 10);
  });

  it('funnel: a lead counts at each stage it reached or passed', async () => {
    // A: l1 MQL; l2 MQL→SQL; l3 straight to SQL (counts as MQL too); l4 all the way → 4, 4, 3, 1.
    // B: l5 nothing; l6 converted directly → 2, 1, 1, 1.
    const rows = await run([cell('funnel', { groupBy: 'source' }, 'fu')], 'fu');
    expect(rows.map((r) => [r.group, r.leads, r.mql, r.sql, r.won])).toEqual([
      ['A', 4, 4, 3, 1],
      ['B', 2, 1, 1, 1],
    ]);
    const byQuarter = await run([cell('funnel', { groupBy: 'quarter' }, 'fq')], 'fq');
    expect(byQuarter.map((r) => [r.group, r.leads, r.won])).toEqual([
      ['2024-Q1', 4, 1],
      ['2024-Q2', 2, 1],
    ]);
  });

  it('segment comparison: a KPI per breakdown value, ranked', async () => {
    // New customers in 2024-Q1 (the range the input sets): SMB c01, c02, c03, c05 = 4; Ent c04, c06 = 2.
    const range: NotebookCell = {
      id: 'q1',
      kind: 'input',
      name: 'q1',
      source: '',
      config: { type: 'dateRange', from: '2024-01-01', to: '2024-03-31' },
    };
    const rows = await run(
      [
        range,
        cell(
          'segmentCompare',
          { kpi: 'new_customers', breakdown: 'customers.segment', periods: 1, range: 'q1' },
          'sc',
        ),
      ],
      'sc',
    );
    expect(rows.map((r) => [r.segment, r.value])).toEqual([
      ['SMB', 4],
      ['Ent', 2],
    ]);
  });

  it('pivot: rows × columns × an aggregate with PIVOT', async () => {
    // Regions alternate N, S: SMB is c01, c02, c03, c05, c07 → N 4, S 1; Ent c04, c06, c08 → S 3.
    const rows = await run(
      [
        cell(
          'pivot',
          {
            table: 'customers',
            rows: 'segment',
            columns: 'region',
            value: 'customer_id',
            aggregate: 'count',
          },
          'pv',
        ),
      ],
      'pv',
    );
    // Totals: Ent 3, SMB 5; columns N 4, S 4; all 8 (the last row, flagged).
    expect(rows).toEqual([
      { segment: 'Ent', N: 0, S: 3, '(total)': 3, pivot_total_row: 0 },
      { segment: 'SMB', N: 4, S: 1, '(total)': 5, pivot_total_row: 0 },
      { segment: null, N: 4, S: 4, '(total)': 8, pivot_total_row: 1 },
    ]);
  });

  it('SQL cells read each other as views and input parameters as literals', async () => {
    const cells: NotebookCell[] = [
      { id: 'min', kind: 'input', name: 'min_orders', source: '', config: { type: 'number', value: 3 } },
      cell('sql', {}, 'per_customer', 'SELECT customer_id, count(*) AS n FROM orders GROUP BY 1'),
      cell('sql', {}, 'loyal', 'SELECT count(*) AS customers FROM per_customer WHERE n >= {{min_orders}}'),
    ];
    const rows = await run(cells, 'loyal');
    expect(rows).toEqual([{ customers: 3 }]);
  });
});
