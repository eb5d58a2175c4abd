import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { createDataStore } from '../../../src/state/dataStore';
import { notebookSlice } from '../../../src/state/notebookSlice';
import { createSheetNotebooks } from '../../../src/state/sheetsNotebooks';
import { sheetsSlice } from '../../../src/state/sheetsSlice';
import { createSheetsStore } from '../../../src/state/sheetsStore';
import { createWorkbookStore } from '../../../src/state/workbookStore';

function stores() {
  const data = createDataStore({ createEngine: createNodeEngine, importFile, demoFiles: () => [] });
  const notebooks = createSheetNotebooks({
    engine: () => data.getState().engine(),
    tables: () => data.getState().tables,
    kpis: () => new Map(),
  });
  const sheets = createSheetsStore();
  const workbook = createWorkbookStore(data);
  workbook.getState().registerSlice(notebookSlice(sheets, notebooks));
  workbook.getState().registerSlice(sheetsSlice(sheets));
  // The first notebook sheet, as the app's demo notebook has it.
  const notebook = notebooks.get('notebook');
  return { data, notebooks, sheets, notebook, workbook };
}

describe('the notebook in a workbook file', () => {
  it('keeps its cells, their names, text and settings, and undo follows edits', async () => {
    const a = stores();
    const bytes0 = new TextEncoder().encode('channel,spend\nWeb,10\nEvents,30\n');
    await a.data.getState().loadFiles([{ name: 'spend.csv', size: bytes0.length, read: async () => bytes0 }]);
    const md = a.notebook.getState().addCell('markdown');
    a.notebook.getState().setSource(md, '# Spend\nWhich channel costs most?');
    const sql = a.notebook.getState().addCell('sql', md);
    const defaultSql = a.notebook.getState().cells.find((c) => c.id === sql)?.source;
    a.notebook.getState().renameCell(sql, 'top_channel');
    a.notebook.getState().setSource(sql, 'SELECT channel FROM spend ORDER BY spend DESC LIMIT 1');
    await a.notebook.getState().runCell(sql);
    expect(a.notebook.getState().runs[sql].result?.rows).toEqual([{ channel: 'Events' }]);
    const cells = a.notebook.getState().cells;

    const b = stores();
    expect(
      await b.workbook.getState().open(await a.workbook.getState().save({ embedData: true }), 'n.shakhes'),
    ).toBe(true);
    expect(b.notebook.getState().cells).toEqual(cells);
    await b.notebook.getState().runCell(sql);
    expect(b.notebook.getState().runs[sql].result?.rows).toEqual([{ channel: 'Events' }]);

    a.workbook.getState().undo();
    expect(a.notebook.getState().cells.find((c) => c.id === sql)?.source).toBe(defaultSql);
  });

  it('keeps two notebook sheets apart, with their names, order and cells', async () => {
    const a = stores();
    const bytes0 = new TextEncoder().encode('channel,spend\nWeb,10\nEvents,30\n');
    await a.data.getState().loadFiles([{ name: 'spend.csv', size: bytes0.length, read: async () => bytes0 }]);
    const first = a.notebook.getState().addCell('sql');
    a.notebook.getState().setSource(first, 'SELECT SUM(spend) AS total FROM spend');
    a.sheets.getState().setActive('notebook');
    const second = a.sheets.getState().add('notebook');
    expect(a.sheets.getState().rename(second, 'Channels')).toBeNull();
    a.sheets.getState().move(second, -2);
    const other = a.notebooks.get(second);
    const md = other.getState().addCell('markdown');
    other.getState().setSource(md, '# Channels');
    const sql = other.getState().addCell('sql', md);
    // A SQL cell's view is shared by the engine: the second notebook's first query gets its own name.
    expect(other.getState().cells[1].name).not.toBe(a.notebook.getState().cells[0].name);
    other.getState().setSource(sql, 'SELECT channel FROM spend ORDER BY spend');

    const doc = a.workbook.getState().snapshot();
    expect(doc.sheets.map((s) => [s.name, s.kind, s.cells.length])).toEqual([
      ['Channels', 'notebook', 2],
      ['Scorecard', 'scorecard', 0],
      ['Notebook', 'notebook', 1],
      ['Data', 'data', 0],
    ]);

    const b = stores();
    expect(
      await b.workbook.getState().open(await a.workbook.getState().save({ embedData: true }), 'n.shakhes'),
    ).toBe(true);
    expect(b.sheets.getState().sheets.map((s) => b.sheets.getState().nameOf(s))).toEqual([
      'Channels',
      'Scorecard',
      'Notebook',
      'Data',
    ]);
    expect(b.notebooks.get('notebook').getState().cells).toEqual(a.notebook.getState().cells);
    expect(b.notebooks.get(second).getState().cells).toEqual(other.getState().cells);
    await b.notebooks.get(second).getState().runAll();
    expect(b.notebooks.get(second).getState().runs[sql].result?.rows).toEqual([
      { channel: 'Web' },
      { channel: 'Events' },
    ]);

    // Deleting the sheet takes its cells; undo brings both back.
    b.sheets.getState().remove(second);
    expect(
      b.workbook
        .getState()
        .snapshot()
        .sheets.map((s) => s.name),
    ).toEqual(['Scorecard', 'Notebook', 'Data']);
    b.workbook.getState().undo();
    const back = b.workbook
      .getState()
      .snapshot()
      .sheets.find((s) => s.id === second);
    expect(back?.cells.map((c) => c.id)).toEqual([md, sql]);
    expect(
      b.notebooks
        .get(second)
        .getState()
        .cells.map((c) => c.source),
    ).toEqual(['# Channels', 'SELECT channel FROM spend ORDER BY spend']);
  });
});
