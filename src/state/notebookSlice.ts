import type { WorkbookDocument } from '../core/model/documentSchema';
import { CELL_KINDS, type CellKind, type NotebookCell } from '../core/notebook/types';
import type { DocumentSlice } from './documentSlice';
import type { SheetNotebooks } from './sheetsNotebooks';
import type { SheetsStore } from './sheetsStore';

type SavedCell = WorkbookDocument['sheets'][number]['cells'][number];

const isCellKind = (k: string): k is CellKind => (CELL_KINDS as readonly string[]).includes(k);

const saved = (c: NotebookCell): SavedCell => ({
  id: c.id,
  kind: c.kind,
  ...(c.name === '' ? {} : { name: c.name }),
  source: c.source,
  config: c.config,
  ...(c.halted === undefined ? {} : { halted: c.halted }),
});

const opened = (cells: readonly SavedCell[]): NotebookCell[] =>
  cells.flatMap((c) =>
    isCellKind(c.kind)
      ? [
          {
            id: c.id,
            kind: c.kind,
            name: c.name ?? '',
            source: c.source ?? '',
            config: (c.config ?? {}) as NotebookCell['config'],
            ...(c.halted === undefined ? {} : { halted: c.halted }),
          },
        ]
      : [],
  );

// Set while the app changes a notebook itself (the demo notebook appearing): not an undo step.
let deriving = false;

/** Runs a change the app makes to a notebook on its own, which undo should not step through. */
export function asDerived(change: () => void): void {
  deriving = true;
  try {
    change();
  } finally {
    deriving = false;
  }
}

/**
 * The notebooks' share of the workbook: the cells of every notebook sheet. The sheet
 * list (names, order) is the sheets slice's; this slice fills in the cells of the
 * notebook sheets it lists, adding the sheet when the list has not been written yet.
 */
export function notebookSlice(sheets: SheetsStore, notebooks: SheetNotebooks): DocumentSlice {
  const notebookSheets = () => sheets.getState().sheets.filter((s) => s.kind === 'notebook');
  return {
    contribute(doc: WorkbookDocument) {
      const { nameOf } = sheets.getState();
      for (const sheet of notebookSheets()) {
        const cells = notebooks.has(sheet.id) ? notebooks.get(sheet.id).getState().cells.map(saved) : [];
        const entry = doc.sheets.find((s) => s.id === sheet.id);
        if (entry !== undefined) entry.cells = cells;
        else doc.sheets.push({ id: sheet.id, name: nameOf(sheet), kind: 'notebook', cells });
      }
    },
    adopt(doc) {
      const kept = new Set<string>();
      for (const sheet of doc.sheets) {
        if (sheet.kind !== 'notebook') continue;
        kept.add(sheet.id);
        notebooks.get(sheet.id).getState().load(opened(sheet.cells));
      }
      for (const id of notebooks.ids()) if (!kept.has(id)) notebooks.drop(id);
    },
    subscribe(onChange) {
      const offs = new Map<string, () => void>();
      const follow = (id: string, store: ReturnType<SheetNotebooks['get']> | null) => {
        offs.get(id)?.();
        offs.delete(id);
        if (store === null) return;
        offs.set(
          id,
          store.subscribe((s, prev) => {
            if (s.cells !== prev.cells) onChange(deriving ? 'derived' : 'edit');
          }),
        );
      };
      for (const id of notebooks.ids()) follow(id, notebooks.get(id));
      const offWatch = notebooks.watch(follow);
      // A removed notebook sheet takes its cells with it; undo brings them back through adopt.
      const offSheets = sheets.subscribe((s, prev) => {
        if (s.sheets === prev.sheets) return;
        const listed = new Set(s.sheets.filter((x) => x.kind === 'notebook').map((x) => x.id));
        for (const id of notebooks.ids()) if (!listed.has(id)) notebooks.drop(id);
      });
      return () => {
        offSheets();
        offWatch();
        for (const off of offs.values()) off();
        offs.clear();
      };
    },
  };
}
