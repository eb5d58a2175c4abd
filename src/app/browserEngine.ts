import type { Engine } from '../engine/engine';
import type { importFile } from '../engine/ingest/importFile';
import { workerEncoder } from '../engine/parquet/workerEncoder';

/**
 * The browser's engine and its importer, loaded on first use: the page paints before
 * DuckDB's worker and the import code are fetched.
 */
export async function startBrowserEngine(): Promise<Engine> {
  const { createBrowserEngine } = await import('../engine/browserEngine');
  return createBrowserEngine();
}

export const importInBrowser: typeof importFile = async (engine, source, opts) => {
  const { importFile } = await import('../engine/ingest/importFile');
  return importFile(engine, source, opts);
};

/** Parquet encoding for autosave in a worker, off the page's thread; the engine's own codec if no worker starts. */
export function autosaveEncoder(engine: () => Promise<Engine>) {
  return workerEncoder(async (ipc) => (await (await engine()).loadParquet()).fromArrowIPC(ipc));
}
