import { describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { createDataStore } from '../../../src/state/dataStore';
import { asDerived, notebookSlice } from '../../../src/state/notebookSlice';
import { createSheetNotebooks } from '../../../src/state/sheetsNotebooks';
import { sheetsSlice } from '../../../src/state/sheetsSlice';
import { createSheetsStore, type SheetKind, type SheetsStore } from '../../../src/state/sheetsStore';
import { createWorkbookStore } from '../../../src/state/workbookStore';

const names = (s: SheetsStore) => s.getState().sheets.map((x) => s.getState().nameOf(x));

/** Each kind's own name in English and Persian, as the app's catalogues give them. */
const OWN: Record<SheetKind, string[]> = {
  scorecard: ['Scorecard', 'کارنامه'],
  notebook: ['Notebook', 'دفترچه'],
  data: ['Data', 'داده‌ها'],
};

/** The sheets and notebooks in a workbook store, with an engine that is never started. */
function workbook() {
  const data = createDataStore({
    createEngine: async () => {
      throw new Error('no engine in these tests');
    },
    importFile: async () => {
      throw new Error('no import in these tests');
    },
    demoFiles: () => [],
  });
  const sheets = createSheetsStore();
  const notebooks = createSheetNotebooks({
    engine: (): Promise<Engine> => data.getState().engine(),
    tables: () => [],
    kpis: () => new Map(),
  });
  const wb = createWorkbookStore(data);
  wb.getState().registerSlice(sheetsSlice(sheets, (kind) => OWN[kind]));
  wb.getState().registerSlice(notebookSlice(sheets, notebooks));
  return { sheets, notebooks, wb };
}

describe('the sheets store', () => {
  it('starts with a scorecard, a notebook and a data sheet', () => {
    const s = createSheetsStore();
    expect(names(s)).toEqual(['Scorecard', 'Notebook', 'Data']);
    expect(s.getState().active).toBe('scorecard');
  });

  it('adds notebook sheets after the active one, with unique numbered names, and shows them', () => {
    const s = createSheetsStore();
    const a = s.getState().add('notebook');
    expect(names(s)).toEqual(['Scorecard', 'Notebook 2', 'Notebook', 'Data']);
    expect(s.getState().active).toBe(a);
    s.getState().setActive('data');
    s.getState().add('notebook');
    expect(names(s)).toEqual(['Scorecard', 'Notebook 2', 'Notebook', 'Data', 'Notebook 3']);
    // A freed name is used again; the first notebook's own name too.
    s.getState().remove(a);
    s.getState().rename('notebook', 'Story');
    s.getState().add('notebook');
    expect(names(s)).toEqual(['Scorecard', 'Story', 'Data', 'Notebook 3', 'Notebook']);
    s.getState().add('notebook');
    expect(names(s)).toContain('Notebook 2');
    expect(new Set(s.getState().sheets.map((x) => x.id)).size).toBe(s.getState().sheets.length);
  });

  it('renames to a non-empty name no other sheet has, ignoring case and spaces', () => {
    const s = createSheetsStore();
    expect(s.getState().rename('notebook', '   ')).toBe('empty');
    expect(s.getState().rename('notebook', ' data ')).toBe('taken');
    expect(s.getState().rename('notebook', 'SCORECARD')).toBe('taken');
    expect(s.getState().rename('notebook', '  Churn story ')).toBeNull();
    expect(names(s)).toEqual(['Scorecard', 'Churn story', 'Data']);
    // Its own name in another case is fine; the kind's own name gives back the translated one.
    expect(s.getState().rename('notebook', 'churn STORY')).toBeNull();
    expect(s.getState().rename('notebook', 'Notebook')).toBeNull();
    expect(s.getState().sheets[1].name).toBeNull();
  });

  it('moves a sheet by a step, stopping at the ends', () => {
    const s = createSheetsStore();
    s.getState().move('data', -1);
    expect(names(s)).toEqual(['Scorecard', 'Data', 'Notebook']);
    s.getState().move('scorecard', -1);
    expect(names(s)).toEqual(['Scorecard', 'Data', 'Notebook']);
    s.getState().move('scorecard', 5);
    expect(names(s)).toEqual(['Data', 'Notebook', 'Scorecard']);
  });

  it('keeps the last scorecard and data sheet, and shows a neighbour of a removed active sheet', () => {
    const s = createSheetsStore();
    expect(s.getState().remove('scorecard')).toBe('lastOfKind');
    expect(s.getState().remove('data')).toBe('lastOfKind');
    expect(s.getState().removeProblem('notebook')).toBeNull();
    s.getState().setActive('notebook');
    expect(s.getState().remove('notebook')).toBeNull();
    expect(names(s)).toEqual(['Scorecard', 'Data']);
    expect(s.getState().active).toBe('data');
    // The last notebook can go: a workbook needs no notebook.
    expect(s.getState().sheets.some((x) => x.kind === 'notebook')).toBe(false);
  });

  it('switches sheets round the ends (Ctrl+PageUp and Ctrl+PageDown)', () => {
    const s = createSheetsStore();
    s.getState().cycle(-1);
    expect(s.getState().active).toBe('data');
    s.getState().cycle(1);
    expect(s.getState().active).toBe('scorecard');
  });

  it('gives a loaded list back its scorecard and data sheets, and keeps the active one when it can', () => {
    const s = createSheetsStore();
    s.getState().setActive('notebook');
    s.getState().load([{ id: 'notebook', kind: 'notebook', name: 'Story' }]);
    expect(s.getState().sheets.map((x) => x.kind)).toEqual(['scorecard', 'notebook', 'data']);
    expect(s.getState().active).toBe('notebook');
    s.getState().load([{ id: 'n2', kind: 'notebook', name: null }]);
    expect(s.getState().active).toBe('n2');
  });
});

describe('sheets in the workbook document', () => {
  it('saves the list, names and order, and undo steps through adding, renaming, moving and removing', () => {
    const { sheets, notebooks, wb } = workbook();
    expect(
      wb
        .getState()
        .snapshot()
        .sheets.map((s) => s.name),
    ).toEqual(['Scorecard', 'Notebook', 'Data']);
    const id = sheets.getState().add('notebook');
    sheets.getState().rename(id, 'Funnel');
    sheets.getState().move(id, 1);
    notebooks.get(id).getState().addCell('markdown');
    expect(
      wb
        .getState()
        .snapshot()
        .sheets.map((s) => [s.name, s.cells.length]),
    ).toEqual([
      ['Scorecard', 0],
      ['Notebook', 0],
      ['Funnel', 1],
      ['Data', 0],
    ]);
    sheets.getState().remove(id);
    expect(notebooks.has(id)).toBe(false);
    expect(names(sheets)).toEqual(['Scorecard', 'Notebook', 'Data']);

    wb.getState().undo();
    expect(names(sheets)).toEqual(['Scorecard', 'Notebook', 'Funnel', 'Data']);
    expect(notebooks.get(id).getState().cells).toHaveLength(1);
    wb.getState().undo();
    expect(notebooks.get(id).getState().cells).toHaveLength(0);
    wb.getState().undo();
    expect(names(sheets)).toEqual(['Scorecard', 'Funnel', 'Notebook', 'Data']);
    wb.getState().undo();
    expect(names(sheets)).toEqual(['Scorecard', 'Notebook 2', 'Notebook', 'Data']);
    wb.getState().undo();
    expect(names(sheets)).toEqual(['Scorecard', 'Notebook', 'Data']);
    expect(wb.getState().canUndo).toBe(false);
    wb.getState().redo();
    wb.getState().redo();
    expect(names(sheets)).toEqual(['Scorecard', 'Funnel', 'Notebook', 'Data']);
  });

  it('does not make an undo step of the app filling a notebook itself, nor of showing a sheet', () => {
    const { sheets, notebooks, wb } = workbook();
    asDerived(() =>
      notebooks
        .get('notebook')
        .getState()
        .load([{ id: 'c1', kind: 'markdown', name: 'note', source: '# Hi', config: {} }]),
    );
    sheets.getState().setActive('data');
    expect(wb.getState().canUndo).toBe(false);
    expect(wb.getState().snapshot().sheets[1].cells).toHaveLength(1);
  });

  it('reads a sheet saved under its own name in any language as unnamed; an older document gains its notebook and data tabs', () => {
    const { sheets, wb } = workbook();
    const doc = wb.getState().snapshot();
    const slice = sheetsSlice(sheets, (kind) => OWN[kind]);
    doc.sheets = [
      { id: 'scorecard', name: 'Scorecard', kind: 'scorecard', cells: [] },
      { id: 'nb', name: 'دفترچه', kind: 'notebook', cells: [] },
      { id: 'data', name: 'My tables', kind: 'data', cells: [] },
    ];
    slice.adopt(doc);
    expect(sheets.getState().sheets.map((s) => s.name)).toEqual([null, null, 'My tables']);
    expect(names(sheets)).toEqual(['Scorecard', 'Notebook', 'My tables']);

    doc.sheets = [{ id: 'scorecard', name: 'Scorecard', kind: 'scorecard', cells: [] }];
    slice.adopt(doc);
    expect(sheets.getState().sheets.map((s) => s.kind)).toEqual(['scorecard', 'notebook', 'data']);
  });
});
