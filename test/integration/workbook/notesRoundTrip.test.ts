import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { createDataStore } from '../../../src/state/dataStore';
import { createNotesStore, notesSlice } from '../../../src/state/notesStore';
import { createWorkbookStore } from '../../../src/state/workbookStore';

function stores() {
  const data = createDataStore({ createEngine: createNodeEngine, importFile, demoFiles: () => [] });
  const notes = createNotesStore();
  const workbook = createWorkbookStore(data);
  workbook.getState().registerSlice(notesSlice(notes));
  return { notes, workbook };
}

/** Notes travel in the .shakhes file: saved, opened elsewhere, undone. */
describe('notes in a workbook file', () => {
  it('reopen with their KPI, day and text, hostile text included', async () => {
    const a = stores();
    a.notes.getState().add('win_rate', '2025-03-01', 'Price change on 1 March');
    a.notes.getState().add('nps', '2025-06-15', '<script>alert(1)</script> تغییر قیمت');
    const bytes = await a.workbook.getState().save({ embedData: true });
    const b = stores();
    expect(await b.workbook.getState().open(bytes, 'notes.shakhes')).toBe(true);
    expect(b.notes.getState().notes).toEqual(a.notes.getState().notes);
  });

  it('an added note is undone and redone', async () => {
    const { notes, workbook } = stores();
    notes.getState().add('win_rate', '2025-03-01', 'Price change');
    notes.getState().add('win_rate', '2025-03-09', 'Campaign');
    workbook.getState().undo();
    expect(notes.getState().notes.map((n) => n.text)).toEqual(['Price change']);
    workbook.getState().redo();
    expect(notes.getState().notes.map((n) => n.text)).toEqual(['Price change', 'Campaign']);
  });
});
