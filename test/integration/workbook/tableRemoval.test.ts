import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { tableToRows } from '../../../src/engine/rows';
import { startAutosave } from '../../../src/state/autosave';
import { restoreAutosave } from '../../../src/state/autosaveRestore';
import { createDataStore, type DataStore, type SourceFile } from '../../../src/state/dataStore';
import { createMappingStore } from '../../../src/state/mappingStore';
import { catalogNotebookKpis } from '../../../src/state/notebookKpis';
import { createNotebookStore } from '../../../src/state/notebookStore';
import { createTableRemoval } from '../../../src/state/tableRemoval';
import { workbookSession } from '../../../src/state/workbookSession';
import { memoryAutosave } from '../../helpers/memoryAutosave';

const PIPELINE = [
  'Deal ID,Created,Stage,Deal Value,Closed,Account',
  '1,2024-01-05,Won,100,2024-02-01,A',
  '2,2024-01-09,Lost,50,2024-02-03,B',
  '3,2024-02-11,Won,70,2024-03-01,A',
  '4,2024-02-20,Negotiation,40,,B',
].join('\n');

const ACCOUNTS = 'Account,Segment\nA,SMB\nB,Enterprise\n';

const file = (name: string, text: string): SourceFile => {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, read: async () => bytes };
};

/** The app's stores over one Node engine, wired as the browser wires them. */
function app() {
  const data: DataStore = createDataStore({
    createEngine: createNodeEngine,
    importFile,
    demoFiles: () => [],
  });
  const mapping = createMappingStore(data);
  const { scorecard, workbook } = workbookSession(data, mapping);
  const removal = createTableRemoval(data, mapping);
  return { data, mapping, scorecard, workbook, removal };
}

async function rowsOf(data: DataStore, sql: string) {
  return tableToRows(await (await data.getState().engine()).query(sql));
}

async function engineTables(data: DataStore): Promise<string[]> {
  const rows = await rowsOf(data, 'SELECT table_name AS n FROM duckdb_tables() ORDER BY 1');
  return rows.map((r) => String(r.n));
}

/** Loads the pipeline and maps it onto deals, as the user confirms the suggestion. */
async function loadMapped(a: ReturnType<typeof app>) {
  await a.data.getState().loadFiles([file('pipeline.csv', PIPELINE), file('accounts.csv', ACCOUNTS)]);
  const draft = await a.mapping.getState().draft('pipeline', 'deals');
  expect(draft).not.toBeNull();
  const problems = await a.mapping.getState().apply('pipeline', draft!.mapping);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  await a.mapping.getState().settled();
  await a.scorecard.getState().refresh();
}

const winRate = (a: ReturnType<typeof app>) => a.scorecard.getState().kpis.some((k) => k.id === 'win_rate');

describe('removing a table', () => {
  it('takes it out of the workbook and its KPIs, and undo brings back the same rows and mapping', async () => {
    const a = app();
    await loadMapped(a);
    expect(winRate(a)).toBe(true);
    const before = await rowsOf(a.data, 'SELECT * FROM deals ORDER BY deal_id');

    expect(await a.removal.getState().remove('pipeline')).toBe(true);
    await a.mapping.getState().settled();
    await a.scorecard.getState().refresh();
    expect(a.data.getState().tables.map((t) => t.name)).toEqual(['accounts']);
    expect(
      a.workbook
        .getState()
        .snapshot()
        .datasets.map((d) => d.table),
    ).toEqual(['accounts']);
    expect(a.mapping.getState().applied.pipeline).toBeUndefined();
    // The KPI waits among the unavailable ones, and the reason names the table it needs.
    expect(winRate(a)).toBe(false);
    const reason = a.scorecard.getState().unavailable.find((u) => u.kpi.id === 'win_rate')?.reason ?? '';
    expect(reason).toContain('deals.');
    expect(a.removal.getState().removed).toEqual({ table: 'pipeline', mappedAs: 'deals' });
    // Set aside, not dropped: the rows are still in the engine under another name.
    expect((await engineTables(a.data)).some((n) => n.startsWith('__shakhes_removed_'))).toBe(true);

    expect(await a.removal.getState().undo()).toBe(true);
    await a.mapping.getState().settled();
    await a.scorecard.getState().refresh();
    expect(a.data.getState().tables.map((t) => t.name)).toEqual(['pipeline', 'accounts']);
    expect(a.mapping.getState().applied.pipeline?.mapping.canonicalTable).toBe('deals');
    expect(await rowsOf(a.data, 'SELECT * FROM deals ORDER BY deal_id')).toEqual(before);
    expect(winRate(a)).toBe(true);
    expect(a.removal.getState().removed).toBeNull();
    expect((await engineTables(a.data)).filter((n) => n.startsWith('__shakhes_removed_'))).toEqual([]);
  });

  it('drops the rows for good once committed; a later undo does nothing', async () => {
    const a = app();
    await loadMapped(a);
    await a.removal.getState().remove('pipeline');
    await a.removal.getState().commit();
    const left = await engineTables(a.data);
    expect(left).toContain('accounts');
    expect(left.filter((n) => n === 'pipeline' || n.startsWith('__shakhes_removed_'))).toEqual([]);
    expect(await a.removal.getState().undo()).toBe(false);
    expect(a.data.getState().tables.map((t) => t.name)).toEqual(['accounts']);
  });

  it('refuses to undo over a table loaded since under the same name, and says which', async () => {
    const a = app();
    await loadMapped(a);
    await a.removal.getState().remove('accounts');
    await a.data.getState().loadFiles([file('accounts.csv', 'Account,Segment\nZ,SMB\n')]);
    expect(await a.removal.getState().undo()).toBe(false);
    expect(a.removal.getState().problem).toEqual({ code: 'undo-taken', table: 'accounts' });
    expect(await rowsOf(a.data, 'SELECT "Account" AS a FROM accounts')).toEqual([{ a: 'Z' }]);
  });

  it('leaves cells and links that read it with a message that names it, never a crash', async () => {
    const a = app();
    await loadMapped(a);
    a.mapping.getState().declare({
      fromTable: 'pipeline',
      fromColumn: 'Account',
      toTable: 'accounts',
      toColumn: 'Account',
    });
    const kpis = catalogNotebookKpis();
    const notebook = createNotebookStore({
      engine: () => a.data.getState().engine(),
      tables: () => [...a.data.getState().tables, ...a.mapping.getState().scorecardTables()],
      relationships: () => a.mapping.getState().links(),
      kpis: () => kpis,
    });
    notebook
      .getState()
      .load([
        { id: 's', kind: 'sql', name: 'won', source: 'SELECT COUNT(*) AS n FROM pipeline', config: {} },
      ]);
    await notebook.getState().runAll();
    expect(notebook.getState().runs.s?.status).toBe('ok');

    await a.removal.getState().remove('pipeline');
    await a.mapping.getState().settled();
    // The declared link stays (an undo needs it) but the scorecard does not follow it.
    expect(a.mapping.getState().relationships).toHaveLength(1);
    expect(
      a.mapping
        .getState()
        .links()
        .some((r) => r.fromTable === 'pipeline'),
    ).toBe(false);
    await a.scorecard.getState().refresh();
    expect(a.scorecard.getState().status).not.toBe('error');
    await notebook.getState().runCell('s');
    const run = notebook.getState().runs.s;
    expect(run?.status).toBe('error');
    expect(run?.error).toContain('pipeline');
    expect(run?.error).not.toMatch(/__shakhes_removed/);
  });

  it('is kept by autosave: a reload in between keeps it removed, an undo is kept again', async () => {
    const { storage } = memoryAutosave();
    const a = app();
    const saver = startAutosave({ workbook: a.workbook, data: a.data, storage });
    await loadMapped(a);
    await saver.flush();
    await a.removal.getState().remove('pipeline');
    await saver.flush();

    // A reload now: the workbook comes back without the removed table, and nothing dangles.
    const b = app();
    const restored = await restoreAutosave(b.workbook, b.data, storage);
    expect(restored?.missing).toEqual([]);
    expect(b.data.getState().tables.map((t) => t.name)).toEqual(['accounts']);

    // Undo in the first page: the table is kept again, and a reload then brings it back whole.
    await a.removal.getState().undo();
    await a.mapping.getState().settled();
    await saver.flush();
    const c = app();
    const again = await restoreAutosave(c.workbook, c.data, storage);
    expect(again?.missing).toEqual([]);
    expect(
      c.data
        .getState()
        .tables.map((t) => t.name)
        .sort(),
    ).toEqual(['accounts', 'pipeline']);
    expect(await rowsOf(c.data, 'SELECT COUNT(*)::INT AS n FROM pipeline')).toEqual([{ n: 4 }]);
    await c.mapping.getState().settled();
    expect(c.mapping.getState().applied.pipeline?.mapping.canonicalTable).toBe('deals');
    saver.stop();
  });
});
