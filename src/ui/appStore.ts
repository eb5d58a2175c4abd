import { useStore } from 'zustand';
import { t } from '../i18n/t';
import { createDataStore, type DataState } from '../state/dataStore';
import { createWorkbookStore, type WorkbookState } from '../state/workbookStore';
import { demoFiles } from './demoFiles';

/**
 * The app's one data store, wired to the browser engine. The engine and importer are
 * loaded on first use so the page paints before DuckDB's worker starts.
 */
export const dataStore = createDataStore({
  async createEngine() {
    const { createBrowserEngine } = await import('../engine/browserEngine');
    return createBrowserEngine();
  },
  async importFile(engine, source, opts) {
    const { importFile } = await import('../engine/ingest/importFile');
    return importFile(engine, source, opts);
  },
  demoFiles,
});

export function useData<T>(selector: (s: DataState) => T): T {
  return useStore(dataStore, selector);
}

/** The open workbook: its title, undo history, saving and opening. */
export const workbookStore = createWorkbookStore(dataStore, t('workbook.untitled'));

export function useWorkbook<T>(selector: (s: WorkbookState) => T): T {
  return useStore(workbookStore, selector);
}
