import type { Engine } from '../engine/engine';
import type { importFile } from '../engine/ingest/importFile';
import { ipcStream } from '../engine/parquet/arrowStream';
import { workerEncoder } from '../engine/parquet/workerEncoder';

/** Where the page keeps `shakhes serve`'s token: this tab only, gone when it closes. */
export const TOKEN_KEY = 'shakhes-serve-token';

/**
 * The token of the server that served the page: taken from the address it printed
 * (`#token=…`, a fragment, so it is never sent in a request or logged) and kept for this
 * tab, so a reload finds it once the address bar no longer shows it.
 */
function serveToken(): string {
  const given = new URLSearchParams(window.location.hash.slice(1)).get('token');
  if (given !== null) {
    sessionStorage.setItem(TOKEN_KEY, given);
    history.replaceState(history.state, '', window.location.pathname + window.location.search);
  }
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (token === null)
    throw new Error(
      'this page was served by `shakhes serve`: open it with the address (and token) that command printed.',
    );
  return token;
}

/** Whether `shakhes serve` sent this page: its index.html carries the marker (src/server/startServer.ts). */
export function isServedPage(): boolean {
  return document.querySelector('meta[name="shakhes-serve"]') !== null;
}

/**
 * The page's engine, loaded on first use so the page paints before it is fetched:
 * native DuckDB on the server when `shakhes serve` served the page (its index.html
 * carries the marker, src/server/startServer.ts), else DuckDB-WASM in a worker.
 */
export async function startBrowserEngine(): Promise<Engine> {
  if (isServedPage()) {
    const { connectRemoteEngine } = await import('../engine/remoteEngine');
    const { loadBrowserParquet } = await import('../engine/parquet/browserCodec');
    return connectRemoteEngine({
      origin: window.location.origin,
      token: serveToken(),
      loadParquet: loadBrowserParquet,
    });
  }
  const { createBrowserEngine } = await import('../engine/browserEngine');
  return createBrowserEngine();
}

/** The importer, loaded on first use like the engine. */
export const importInBrowser: typeof importFile = async (engine, source, opts) => {
  const { importFile } = await import('../engine/ingest/importFile');
  return importFile(engine, source, opts);
};

/** Parquet encoding for autosave in a worker, off the page's thread; the engine's own codec if no worker starts. */
export function autosaveEncoder(engine: () => Promise<Engine>) {
  return workerEncoder(async (rows) => (await (await engine()).loadParquet()).fromArrowIPC(ipcStream(rows)));
}
