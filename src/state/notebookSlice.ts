import type { WorkbookDocument } from '../core/model/documentSchema';
import { CELL_KINDS, type CellKind, type NotebookCell } from '../core/notebook/types';
import type { DocumentSlice } from './documentSlice';
import type { NotebookStore } from './notebookStore';

const SHEET_ID = 'notebook';
const isCellKind = (k: string): k is CellKind => (CELL_KINDS as readonly string[]).includes(k);

/** The notebook's share of the workbook: one notebook sheet holding its cells. */
export function notebookSlice(store: NotebookStore, sheetName: string): DocumentSlice {
  return {
    contribute(doc: WorkbookDocument) {
      const cells = store.getState().cells;
      if (cells.length === 0) return;
      doc.sheets = [
        ...doc.sheets.filter((s) => s.id !== SHEET_ID),
        {
          id: SHEET_ID,
          name: sheetName,
          kind: 'notebook',
          cells: cells.map((c) => ({
            id: c.id,
            kind: c.kind,
            ...(c.name === '' ? {} : { name: c.name }),
            source: c.source,
            config: c.config,
          })),
        },
      ];
    },
    adopt(doc) {
      const sheet = doc.sheets.find((s) => s.kind === 'notebook');
      const cells: NotebookCell[] = (sheet?.cells ?? []).flatMap((c) =>
        isCellKind(c.kind)
          ? [
              {
                id: c.id,
                kind: c.kind,
                name: c.name ?? '',
                source: c.source ?? '',
                config: (c.config ?? {}) as NotebookCell['config'],
              },
            ]
          : [],
      );
      store.getState().load(cells);
    },
    subscribe(onChange) {
      return store.subscribe((s, prev) => {
        if (s.cells === prev.cells) return;
        // The demo notebook appearing in an empty notebook is the app's doing, not an edit.
        onChange(prev.cells.length === 0 ? 'derived' : 'edit');
      });
    },
  };
}
