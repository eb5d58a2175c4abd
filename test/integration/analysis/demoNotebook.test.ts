import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoadedTable } from '../../../src/core/model/scorecardSchema';
import { demoNotebook } from '../../../src/core/notebook/demo';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { catalogNotebookKpis } from '../../../src/state/notebookKpis';
import { createNotebookStore, type NotebookStore } from '../../../src/state/notebookStore';

const DEMO = join(import.meta.dirname, '../../../samples/crm-demo');

let engine: Engine;
let tables: LoadedTable[] = [];
let store: NotebookStore;

beforeAll(async () => {
  engine = await createNodeEngine();
  for (const f of readdirSync(DEMO).filter((x) => x.endsWith('.csv'))) {
    const r = await importFile(engine, { name: f, bytes: new Uint8Array(readFileSync(join(DEMO, f))) });
    tables.push({ name: r.table, columns: r.columns });
  }
  tables = [...tables];
  store = createNotebookStore({
    engine: async () => engine,
    tables: () => tables,
    kpis: () => catalogNotebookKpis(),
  });
}, 120_000);
afterAll(() => engine?.close());

describe('the demo notebook on the demo data', () => {
  it('runs top to bottom with no failed cell and tells the planted story', async () => {
    store.getState().load(demoNotebook());
    await store.getState().runAll();
    const { cells, runs } = store.getState();
    const failed = cells
      .filter((c) => runs[c.id]?.status === 'error')
      .map((c) => `${c.name}: ${runs[c.id]?.error}`);
    expect(failed).toEqual([]);
    for (const c of cells) expect(runs[c.id]?.status, c.name).toBe('ok');

    const churn = runs['demo-churn']?.result?.rows ?? [];
    expect(churn.map((r) => r.segment)).toEqual(['SMB', 'Mid-Market', 'Enterprise']);
    const drivers = runs['demo-drivers']?.result?.rows ?? [];
    expect(drivers[0]?.driver).toBe('driver_support');
    expect(drivers.at(-1)?.driver).toBe('driver_price');
    const cheapest = runs['demo-cheapest']?.result?.rows ?? [];
    expect(cheapest[0]?.channel).toBe('Webinars');
    const changed = runs['demo-changed']?.result?.rows ?? [];
    expect(changed.find((r) => r.kpi === 'total_revenue')?.period).toMatch(/2025/);
    expect((runs['demo-rfm']?.result?.rows ?? []).length).toBeGreaterThan(5);
    expect((runs['demo-cohorts']?.result?.rows ?? []).length).toBeGreaterThan(100);
  }, 120_000);

  it('cuts KPI cells into the workbook calendar’s periods and says which', async () => {
    let calendar: 'gregorian' | 'jalali' = 'gregorian';
    const jalali = createNotebookStore({
      engine: async () => engine,
      tables: () => tables,
      kpis: () => catalogNotebookKpis(),
      calendar: () => calendar,
    });
    jalali.getState().load(demoNotebook().filter((c) => c.id === 'demo-changed'));
    await jalali.getState().runAll();
    const gregorian = jalali.getState().runs['demo-changed']?.result;
    expect(gregorian?.calendar).toBe('gregorian');
    expect(gregorian?.rows[0]?.period).toMatch(/^20\d\d-Q[1-4]$/);
    calendar = 'jalali';
    await jalali.getState().runCell('demo-changed');
    const seasons = jalali.getState().runs['demo-changed']?.result;
    expect(seasons?.calendar).toBe('jalali');
    // The data ends on 10 Dey 1404: winter has barely begun, so autumn is the latest season.
    expect(seasons?.rows[0]?.period).toBe('1404-Q3');
    expect(seasons?.rows[0]?.previousPeriod).toBe('1404-Q2');
  }, 120_000);
});
