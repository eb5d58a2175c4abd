import { type Table, tableFromIPC } from 'apache-arrow';
import type { ImportMessageRef } from '../core/ingest/messages';
import { type Engine, EngineCancelled, EngineTimedOut, type EngineTokens } from './engine';
import { ImportError } from './ingest/types';
import { assertImportPath } from './lockdown';
import type { ParquetCodec } from './parquet/codec';
import type { ServedTable, ServedWorkbook, ServerSide } from './servedTables';

/**
 * The engine of a page served by `shakhes serve`: each call is an HTTP request to that
 * server (src/server), which runs it on native DuckDB. This module also holds the wire
 * format both sides speak, so the two cannot drift apart.
 *
 *   GET    /api/hello                                         → RemoteHello
 *   POST   /api/query        {id, sql, single?, timeLimitMs?}  → Arrow IPC stream
 *   POST   /api/cancel       {id?}  (no id: whatever runs)      → 204
 *   POST   /api/tokenize     {sql}                              → EngineTokens
 *   PUT    /api/files/NAME   the file's bytes                   → 204
 *   DELETE /api/files/NAME                                      → 204
 *   PUT    /api/tables/NAME  an Arrow IPC stream                → 204
 *   GET    /api/tables                                        → ServedTable[]
 *   POST   /api/import       RemoteImport                       → ServedTable
 *   GET    /api/workbook                                      → ServedWorkbook | null
 *
 * Every request carries the server's token in TOKEN_HEADER. A failure answers JSON
 * `RemoteFailure` with a non-2xx status.
 */

/** The header that carries the per-start token (a header, never a cookie: no other site can make the browser send it). */
export const TOKEN_HEADER = 'x-shakhes-token';

export interface RemoteFailure {
  error: 'cancelled' | 'timeout' | 'refused' | 'failed';
  message: string;
  limitMs?: number;
  /** A refused import: where and why, as ImportError says it (the page writes it in its language). */
  file?: string;
  problem?: ImportMessageRef;
  line?: number;
  column?: string;
}

/** An uploaded file (`upload`, its name in the upload folder) to import as `name` would be. */
interface RemoteImport {
  upload: string;
  name: string;
  table?: string;
  options?: unknown;
  existing?: string[];
}

export interface RemoteHello {
  /** The server's folder for files the page imports (Engine.importDirectory): their names go under it. */
  importDirectory: string;
}

/** The error a failure stands for on this side: the engine's own classes for cancel and time-out. */
function errorFrom(f: RemoteFailure): Error {
  if (f.error === 'cancelled') return new EngineCancelled();
  if (f.error === 'timeout' && f.limitMs !== undefined) return new EngineTimedOut(f.limitMs);
  if (f.file !== undefined)
    return new ImportError(f.file, f.message, { line: f.line, column: f.column }, f.problem);
  return new Error(f.message);
}

async function failure(response: Response): Promise<Error> {
  try {
    return errorFrom((await response.json()) as RemoteFailure);
  } catch {
    return new Error(`The Shakhes server answered ${response.status} ${response.statusText}.`);
  }
}

interface RemoteOptions {
  /** The server's origin, e.g. http://127.0.0.1:8080 (the page's own in the browser). */
  origin: string;
  token: string;
  /** Parquet stays on this side (autosave, Parquet import): the platform's codec. */
  loadParquet: () => Promise<ParquetCodec>;
}

/** Connects to the server (a wrong or stale token is refused here, before the app starts on it). */
export async function connectRemoteEngine({
  origin,
  token,
  loadParquet,
}: RemoteOptions): Promise<Engine & ServerSide> {
  const call = async (method: string, path: string, body?: BodyInit, signal?: AbortSignal) => {
    const json = typeof body === 'string';
    const response = await fetch(`${origin}/api/${path}`, {
      method,
      body,
      signal,
      headers: { [TOKEN_HEADER]: token, ...(json ? { 'content-type': 'application/json' } : {}) },
    });
    if (!response.ok) throw await failure(response);
    return response;
  };
  const { importDirectory } = (await (await call('GET', 'hello')).json()) as RemoteHello;
  const fileName = (name: string) => {
    assertImportPath(name, importDirectory);
    return encodeURIComponent(name.slice(importDirectory.length));
  };
  const cancelQuery = (id?: string) =>
    call('POST', 'cancel', JSON.stringify(id === undefined ? {} : { id })).then(() => undefined);

  return {
    importDirectory,
    async query(sql, options): Promise<Table> {
      // Random, so two tabs on one server never name each other's query in a cancel.
      const id = globalThis.crypto.randomUUID();
      const { signal, timeLimitMs, single } = options ?? {};
      if (signal?.aborted) throw new EngineCancelled();
      // The caller hears at once (the request is dropped) and the server stops the native
      // query: told by id, and by the dropped connection should the cancel arrive first.
      const onAbort = () => void cancelQuery(id).catch(() => undefined);
      signal?.addEventListener('abort', onAbort);
      try {
        const response = await call(
          'POST',
          'query',
          JSON.stringify({ id, sql, single, timeLimitMs }),
          signal,
        );
        return tableFromIPC(new Uint8Array(await response.arrayBuffer()));
      } catch (err) {
        throw signal?.aborted ? new EngineCancelled() : err;
      } finally {
        signal?.removeEventListener('abort', onAbort);
      }
    },
    async tokenize(sql): Promise<EngineTokens> {
      return (await call('POST', 'tokenize', JSON.stringify({ sql }))).json() as Promise<EngineTokens>;
    },
    cancel: () => cancelQuery(),
    async registerFile(name, bytes) {
      await call('PUT', `files/${fileName(name)}`, bytes as Uint8Array<ArrayBuffer>);
    },
    async dropFile(name) {
      await call('DELETE', `files/${fileName(name)}`);
    },
    async insertArrowIPC(table, ipc) {
      await call('PUT', `tables/${encodeURIComponent(table)}`, ipc as Uint8Array<ArrayBuffer>);
    },
    loadParquet,
    async servedTables() {
      return (await call('GET', 'tables')).json() as Promise<ServedTable[]>;
    },
    async importUpload(file, { name, table, options, existing, signal }) {
      // A name of the server's choosing (the file's own may hold anything), keeping the extension the format is told by.
      const upload = `${globalThis.crypto.randomUUID()}${/\.[A-Za-z0-9]{1,10}$/.exec(name)?.[0] ?? ''}`;
      try {
        // The File itself is the body: the browser streams it from disk, never whole in the tab.
        await call('PUT', `files/${upload}`, file, signal);
        const how: RemoteImport = { upload, name, table, options, existing };
        return await ((
          await call('POST', 'import', JSON.stringify(how), signal)
        ).json() as Promise<ServedTable>);
      } catch (err) {
        // Cancelled between the two requests, the file would stay on the server (it removes
        // one cut short, or whose import failed or was called off, itself).
        if (signal?.aborted) void call('DELETE', `files/${upload}`).catch(() => undefined);
        throw signal?.aborted ? new EngineCancelled() : err;
      }
    },
    async servedWorkbook() {
      return (await call('GET', 'workbook')).json() as Promise<ServedWorkbook | null>;
    },
    // The server's engine outlives a page: closing the tab leaves it for the next one.
    async close() {},
  };
}
