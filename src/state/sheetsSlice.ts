import type { WorkbookDocument } from '../core/model/documentSchema';
import type { DocumentSlice } from './documentSlice';
import { DEFAULT_SHEETS, type Sheet, type SheetKind, type SheetsStore } from './sheetsStore';

/**
 * The sheet list's share of the workbook: which sheets there are, their names and
 * order. Cells are other slices' business (the notebook fills its sheets' cells), so
 * whatever cells a sheet already has in the document being composed are kept.
 *
 * `ownNames` lists a kind's own name in every language: a sheet saved under it is
 * shown in the reader's language rather than as a name the user chose.
 */
export function sheetsSlice(
  store: SheetsStore,
  ownNames: (kind: SheetKind) => readonly string[] = () => [],
): DocumentSlice {
  return {
    contribute(doc: WorkbookDocument) {
      const { sheets, nameOf } = store.getState();
      const cells = new Map(doc.sheets.map((s) => [s.id, s.cells]));
      doc.sheets = sheets.map((s) => ({
        id: s.id,
        name: nameOf(s),
        kind: s.kind,
        cells: cells.get(s.id) ?? [],
      }));
    },
    adopt(doc) {
      const list: Sheet[] = doc.sheets.map((s) => ({
        id: s.id,
        kind: s.kind,
        name: ownNames(s.kind).includes(s.name) ? null : s.name,
      }));
      // Workbooks from before sheets could be added listed only the scorecard and a notebook
      // with cells; they had a notebook tab all the same, and keep it.
      const legacy = !list.some((s) => s.kind === 'data');
      if (legacy && !list.some((s) => s.kind === 'notebook')) {
        const notebook = DEFAULT_SHEETS.find((s) => s.kind === 'notebook')!;
        const at = list.findIndex((s) => s.kind === 'scorecard');
        list.splice(at + 1, 0, {
          ...notebook,
          id: list.some((s) => s.id === notebook.id) ? `${notebook.id}-restored` : notebook.id,
        });
      }
      store.getState().load(list);
    },
    subscribe(onChange) {
      // Only the list is the document's: which sheet is shown is not an edit.
      return store.subscribe((s, prev) => {
        if (s.sheets !== prev.sheets) onChange('edit');
      });
    },
  };
}
