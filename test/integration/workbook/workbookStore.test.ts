import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { WorkbookDocument } from '../../../src/core/model/documentSchema';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { tableToRows } from '../../../src/engine/rows';
import { createDataStore, type DataStore, type SourceFile } from '../../../src/state/dataStore';
import type { DocumentSlice } from '../../../src/state/documentSlice';
import { createWorkbookStore } from '../../../src/state/workbookStore';

const file = (name: string, text: string): SourceFile => {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, read: async () => bytes };
};

function dataStore(): DataStore {
  return createDataStore({ createEngine: createNodeEngine, importFile, demoFiles: () => [] });
}

/** A stand-in for a store that owns part of the document: the first KPI's target. */
function targetSlice() {
  const store = createStore<{ target: number }>()(() => ({ target: 0 }));
  const slice: DocumentSlice = {
    contribute(doc: WorkbookDocument) {
      doc.kpis.push({
        id: 'won',
        label: 'Won deals',
        formula: 'COUNTIF(deals.stage = "Won")',
        unit: 'count',
        format: 'integer',
        direction: 'up',
        family: 'sales',
        kind: 'kpi',
        target: store.getState().target,
      });
    },
    adopt(doc) {
      store.setState({ target: doc.kpis[0]?.target ?? 0 });
    },
    subscribe: (onChange) => store.subscribe(() => onChange('edit')),
  };
  return { store, slice };
}

async function rowsOf(data: DataStore, sql: string) {
  return tableToRows(await (await data.getState().engine()).query(sql));
}

const DEALS = 'id,stage,amount\n1,Won,100\n2,Lost,50\n3,Won,70\n';

describe('undo and redo', () => {
  it('step through document edits and put each slice back', () => {
    const data = dataStore();
    const wb = createWorkbookStore(data);
    const { store, slice } = targetSlice();
    wb.getState().registerSlice(slice);
    expect(wb.getState().canUndo).toBe(false);
    store.setState({ target: 10 });
    store.setState({ target: 20 });
    wb.getState().setTitle('Q4 review');
    expect(wb.getState().canUndo).toBe(true);
    wb.getState().undo();
    expect(wb.getState().title).toBe('Untitled workbook');
    expect(store.getState().target).toBe(20);
    wb.getState().undo();
    expect(store.getState().target).toBe(10);
    wb.getState().redo();
    wb.getState().redo();
    expect([store.getState().target, wb.getState().title]).toEqual([20, 'Q4 review']);
    expect(wb.getState().canRedo).toBe(false);
    // A new edit after an undo drops the redo branch.
    wb.getState().undo();
    store.setState({ target: 99 });
    expect(wb.getState().canRedo).toBe(false);
  });
});

describe('save and open', () => {
  it('round-trips tables and the document with embedded data into a fresh engine', async () => {
    const a = dataStore();
    await a.getState().loadFiles([file('deals.csv', DEALS)]);
    const wa = createWorkbookStore(a);
    const sa = targetSlice();
    wa.getState().registerSlice(sa.slice);
    sa.store.setState({ target: 42 });
    wa.getState().setTitle('Pipeline');
    const bytes = await wa.getState().save({ embedData: true, fileName: 'pipeline.shakhes' });
    expect(wa.getState().dirty).toBe(false);

    const b = dataStore();
    await b.getState().loadFiles([file('other.csv', 'x\n1\n')]);
    const wb = createWorkbookStore(b);
    const sb = targetSlice();
    wb.getState().registerSlice(sb.slice);
    expect(await wb.getState().open(bytes, 'pipeline.shakhes')).toBe(true);
    expect(b.getState().tables.map((t) => t.name)).toEqual(['deals']);
    expect(await rowsOf(b, 'SELECT stage, sum(amount) AS s FROM deals GROUP BY 1 ORDER BY 1')).toEqual([
      { stage: 'Lost', s: 50 },
      { stage: 'Won', s: 170 },
    ]);
    expect([wb.getState().title, sb.store.getState().target, wb.getState().canUndo]).toEqual([
      'Pipeline',
      42,
      false,
    ]);
    // The table the new workbook does not have is gone from the engine too.
    await expect(rowsOf(b, 'SELECT * FROM other')).rejects.toThrow();
  });

  it('refuses a file that is not a workbook and leaves the open one untouched', async () => {
    const data = dataStore();
    await data.getState().loadFiles([file('deals.csv', DEALS)]);
    const wb = createWorkbookStore(data);
    wb.getState().setTitle('Mine');
    const ok = await wb
      .getState()
      .open(readFileSync(new URL('../../fixtures/ragged.csv', import.meta.url)), 'x.shakhes');
    expect(ok).toBe(false);
    expect(wb.getState().error).toMatch(/not a Shakhes workbook|not a zip/i);
    expect([wb.getState().title, data.getState().tables.map((t) => t.name)]).toEqual(['Mine', ['deals']]);
    expect(await rowsOf(data, 'SELECT count(*) AS n FROM deals')).toEqual([{ n: 3 }]);
  });

  it('without data asks for the files by name and reads them the same way', async () => {
    const a = dataStore();
    await a.getState().loadFiles([file('deals.csv', 'id;amount\n1;2,5\n2;3,5\n')]);
    await a.getState().reimport('deals', { ...a.getState().tables[0].options, decimalComma: true });
    const bytes = await createWorkbookStore(a).getState().save({ embedData: false });

    const b = dataStore();
    const wb = createWorkbookStore(b);
    expect(await wb.getState().open(bytes, 'w.shakhes')).toBe(false);
    expect(wb.getState().pending?.missing.map((m) => m.sourceName)).toEqual(['deals.csv']);
    expect(await wb.getState().provideFiles([file('unrelated.csv', 'a\n1\n')])).toBe(false);
    expect(wb.getState().error).toBe('Still needed: deals.csv.');
    expect(await wb.getState().provideFiles([file('DEALS.csv', 'id;amount\n1;2,5\n2;3,5\n')])).toBe(true);
    expect(await rowsOf(b, 'SELECT sum(amount) AS s FROM deals')).toEqual([{ s: 6 }]);
    expect(wb.getState().pending).toBe(null);
  });
});
