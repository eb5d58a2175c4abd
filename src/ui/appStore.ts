import { useStore } from 'zustand';
import { createDataStore, type DataState } from '../state/dataStore';
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
