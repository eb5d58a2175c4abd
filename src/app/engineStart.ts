import type { Engine } from '../engine/engine';

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

async function connectEngine(): Promise<Engine> {
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

/** The start begun by `startEngineEarly`, until the page's first `startBrowserEngine` takes it. */
let early: Promise<Engine> | null = null;

/** The performance mark `startEngineEarly` leaves (the cold-start bench and test read it). */
const ENGINE_ASKED_MARK = 'engine: asked';

/**
 * Begins the page's engine start now. Called by the entry before anything else of the app
 * is evaluated (src/ui/engineEarly.ts): fetching and compiling DuckDB-WASM's 34 MB module
 * is the longest step of a cold start, and every way the page starts (restored, demo,
 * served, `?demo=0`) needs the engine, so this start is never wasted. The data service's
 * first `startBrowserEngine` takes it over, failed or not.
 */
export function startEngineEarly(): void {
  if (early !== null) return;
  performance.mark(ENGINE_ASKED_MARK);
  early = connectEngine();
  // Whoever takes it sees the failure; until then it is no unhandled rejection.
  early.catch(() => undefined);
}

/**
 * The page's engine, loaded on first use so the page paints before it is fetched:
 * native DuckDB on the server when `shakhes serve` served the page (its index.html
 * carries the marker, src/server/startServer.ts), else DuckDB-WASM in a worker. The
 * first call takes the start `startEngineEarly` began, if any; a later call (after a
 * failed start) starts anew.
 */
export function startBrowserEngine(): Promise<Engine> {
  const started = early ?? connectEngine();
  early = null;
  return started;
}
