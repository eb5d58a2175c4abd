import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { createDataStore } from '../../../src/state/dataStore';
import { notebookSlice } from '../../../src/state/notebookSlice';
import { createNotebookStore } from '../../../src/state/notebookStore';
import { createWorkbookStore } from '../../../src/state/workbookStore';

function stores() {
  const data = createDataStore({ createEngine: createNodeEngine, importFile, demoFiles: () => [] });
  const notebook = createNotebookStore({
    engine: () => data.getState().engine(),
    tables: () => data.getState().tables,
    kpis: () => new Map(),
  });
  const workbook = createWorkbookStore(data);
  workbook.getState().registerSlice(notebookSlice(notebook, 'Notebook'));
  return { data, notebook, workbook };
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
    expect(await b.workbook.getState().open(await a.workbook.getState().save({ embedData: true }), 'n.shakhes')).toBe(
      true,
    );
    expect(b.notebook.getState().cells).toEqual(cells);
    await b.notebook.getState().runCell(sql);
    expect(b.notebook.getState().runs[sql].result?.rows).toEqual([{ channel: 'Events' }]);

    a.workbook.getState().undo();
    expect(a.notebook.getState().cells.find((c) => c.id === sql)?.source).toBe(defaultSql);
  });
});
