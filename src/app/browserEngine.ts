import type { Engine } from '../engine/engine';
import type { importFile } from '../engine/ingest/importFile';
import { ipcStream } from '../engine/parquet/arrowStream';
import { workerEncoder } from '../engine/parquet/workerEncoder';

export { isServedPage, startBrowserEngine, TOKEN_KEY } from './engineStart';

/** The importer, loaded on first use like the engine. */
export const importInBrowser: typeof importFile = async (engine, source, opts) => {
  const { importFile } = await import('../engine/ingest/importFile');
  return importFile(engine, source, opts);
};

/** Parquet encoding for autosave in a worker, off the page's thread; the engine's own codec if no worker starts. */
export function autosaveEncoder(engine: () => Promise<Engine>) {
  return workerEncoder(async (rows) => (await (await engine()).loadParquet()).fromArrowIPC(ipcStream(rows)));
}
