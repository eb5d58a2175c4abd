import { useStore } from 'zustand';
import { DEMO_NOTEBOOK_TABLES, demoNotebook } from '../../core/notebook/demo';
import { t } from '../../i18n/t';
import { catalogNotebookKpis } from '../../state/notebookKpis';
import { notebookSlice } from '../../state/notebookSlice';
import { createNotebookStore, type NotebookState } from '../../state/notebookStore';
import { dataStore, workbookStore } from '../appStore';

const kpis = catalogNotebookKpis();

/** The KPIs cells may name, for labels and formats in the UI. */
export function notebookKpis() {
  return kpis;
}

/** The app's notebook, reading the data store's engine and tables. */
export const notebookStore = createNotebookStore({
  engine: () => dataStore.getState().engine(),
  tables: () => dataStore.getState().tables,
  kpis: () => kpis,
});

// The notebook's cells are part of the workbook: saved, autosaved, undone.
workbookStore.getState().registerSlice(notebookSlice(notebookStore, t('tabs.notebook')));

export function useNotebook<T>(selector: (s: NotebookState) => T): T {
  return useStore(notebookStore, selector);
}

/**
 * Once the demo's tables are in and nothing is loading, an empty notebook becomes the
 * demo notebook. It runs when the Notebook tab is first shown, so the scorecard the app
 * opens on does not wait for it.
 */
let seeded = false;
function seedDemo() {
  if (seeded) return;
  const data = dataStore.getState();
  if (data.jobs.length > 0) return;
  const names = new Set(data.tables.map((t) => t.name));
  if (!DEMO_NOTEBOOK_TABLES.every((t) => names.has(t))) return;
  seeded = true;
  if (notebookStore.getState().cells.length === 0) notebookStore.getState().load(demoNotebook());
}
dataStore.subscribe(seedDemo);
