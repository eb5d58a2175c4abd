import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CELL_REGISTRY } from '../../../src/core/notebook/registry';
import type { NotebookCell } from '../../../src/core/notebook/types';
import type { CalendarKind } from '../../../src/core/sql/calendarSchema';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { catalogNotebookKpis } from '../../../src/state/notebookKpis';
import { createNotebookStore } from '../../../src/state/notebookStore';

/**
 * Cohorts in the workbook's calendar, on DuckDB-WASM: signups either side of Jalali month
 * starts (1 Farvardin 1403 = 2024-03-20, 1 Ordibehesht = 2024-04-20) fall in different
 * cohorts in Jalali than in Gregorian, and "a month later" is the next Jalali month's start.
 */
let engine: Engine;
let calendar: CalendarKind = 'gregorian';

beforeAll(async () => {
  engine = await createNodeEngine();
  await engine.query(`CREATE TABLE customers AS SELECT * FROM (VALUES
    ('a', DATE '2024-03-19', NULL),
    ('b', DATE '2024-03-20', DATE '2024-04-19'),
    ('c', DATE '2024-04-05', DATE '2024-04-20'),
    ('d', DATE '2024-04-25', NULL)
  ) t(customer_id, created_at, churned_at)`);
});
afterAll(() => engine?.close());

async function cohorts(kind: CalendarKind) {
  calendar = kind;
  const store = createNotebookStore({
    engine: async () => engine,
    tables: () => [
      {
        name: 'customers',
        columns: [
          { name: 'customer_id', kind: 'text' },
          { name: 'created_at', kind: 'date' },
          { name: 'churned_at', kind: 'date' },
        ],
      },
    ],
    kpis: () => catalogNotebookKpis(),
    calendar: () => calendar,
  });
  const cell: NotebookCell = {
    id: 'co',
    kind: 'cohort',
    name: 'co',
    source: '',
    config: { ...CELL_REGISTRY.cohort.create().config, cohorts: 4 },
  };
  store.getState().load([cell]);
  await store.getState().runAll();
  const r = store.getState().runs.co;
  expect(r?.error ?? null).toBeNull();
  return {
    calendar: r?.result?.calendar,
    rows: (r?.result?.rows ?? []).map((x) => [x.cohort, x.months_since, x.customers, x.retained]),
  };
}

describe('cohort retention in the workbook calendar', () => {
  it('buckets signups by Jalali month and counts Jalali months since signup', async () => {
    // a (29 Esfand 1402) is alone in 1402-12 and never leaves: retained at k = 0, 1, 2.
    // b (1 Farvardin) and c (17 Farvardin) make 1403-01. At the start of Ordibehesht (2024-04-20)
    // b has left (04-19) and c has not (it leaves that very day): 2 then 1.
    // d (6 Ordibehesht) makes 1403-02. Data ends 2024-04-25, in Ordibehesht: no k past it.
    expect(await cohorts('jalali')).toEqual({
      calendar: 'jalali',
      rows: [
        ['1402-12', 0, 1, 1],
        ['1402-12', 1, 1, 1],
        ['1402-12', 2, 1, 1],
        ['1403-01', 0, 2, 2],
        ['1403-01', 1, 2, 1],
        ['1403-02', 0, 1, 1],
      ],
    });
  });

  it('keeps Gregorian months when the workbook is Gregorian', async () => {
    // March: a, b; on 1 April both are still customers (b leaves 04-19). April: c, d.
    expect(await cohorts('gregorian')).toEqual({
      calendar: 'gregorian',
      rows: [
        ['2024-03', 0, 2, 2],
        ['2024-03', 1, 2, 2],
        ['2024-04', 0, 2, 2],
      ],
    });
  });
});
