import { createNotebookStore, type NotebookDeps, type NotebookStore } from './notebookStore';

/**
 * One notebook store per notebook sheet, made when first asked for. Each sheet runs
 * its own cells; the engine is shared, so a SQL cell's view name is kept unique
 * across every notebook (one notebook's `top_deals` must not replace another's).
 */
export interface SheetNotebooks {
  /** The sheet's notebook, made empty the first time. */
  get(sheetId: string): NotebookStore;
  has(sheetId: string): boolean;
  ids(): string[];
  /** Forgets a removed sheet's notebook; asking for it again gives an empty one. */
  drop(sheetId: string): void;
  /** Calls back when a notebook is made or dropped, so a slice can follow its changes. */
  watch(listener: (sheetId: string, store: NotebookStore | null) => void): () => void;
}

type SheetNotebookDeps = Omit<NotebookDeps, 'reserved'>;

export function createSheetNotebooks(deps: SheetNotebookDeps): SheetNotebooks {
  const stores = new Map<string, NotebookStore>();
  const listeners = new Set<(sheetId: string, store: NotebookStore | null) => void>();
  return {
    get(sheetId) {
      let store = stores.get(sheetId);
      if (store === undefined) {
        store = createNotebookStore({
          ...deps,
          reserved: () =>
            [...stores].flatMap(([id, s]) => (id === sheetId ? [] : s.getState().cells.map((c) => c.name))),
        });
        stores.set(sheetId, store);
        for (const l of listeners) l(sheetId, store);
      }
      return store;
    },
    has: (sheetId) => stores.has(sheetId),
    ids: () => [...stores.keys()],
    drop(sheetId) {
      if (!stores.delete(sheetId)) return;
      for (const l of listeners) l(sheetId, null);
    },
    watch(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
