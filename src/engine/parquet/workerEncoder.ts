import type { Table } from 'apache-arrow';
import { ipcChunks } from './arrowStream';
import type { EncodeReply, EncodeRequest } from './encodeMessages';

/** A table → Parquet bytes, somewhere that does not block the page. */
export type EncodeParquet = (table: Table) => Promise<Uint8Array>;

interface Waiting {
  ok(b: Uint8Array): void;
  fail(e: Error): void;
}

/**
 * The page's one encode worker, shared by every encoder (autosave, Save, exports): each
 * worker holds its own parquet-wasm instance and, while it encodes, a copy of the table,
 * so a second one only doubled the memory. Started on first use; null once it failed.
 */
let worker: Worker | null | undefined;
let nextId = 1;
const waiting = new Map<number, Waiting>();

function start(): Worker | null {
  try {
    const w = new Worker(new URL('./encodeWorker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<EncodeReply>) => {
      const reply = e.data;
      const pending = waiting.get(reply.id);
      waiting.delete(reply.id);
      if ('bytes' in reply) pending?.ok(reply.bytes);
      else pending?.fail(new Error(reply.error));
    };
    w.onerror = (e) => {
      // A worker that cannot load fails what it holds; later tables use their fallback.
      e.preventDefault();
      worker = null;
      for (const p of waiting.values()) p.fail(new Error(e.message || 'The Parquet worker stopped.'));
      waiting.clear();
      w.terminate();
    };
    return w;
  } catch {
    return null;
  }
}

/**
 * Parquet encoding in the page's encode worker. The table goes over as its Arrow IPC
 * stream in transferred chunks, written a slice at a time, so the page neither joins nor
 * copies the whole stream; the worker answers each table under its id, so encoders
 * sharing it never see each other's bytes. If the browser cannot start the worker,
 * `fallback` (the caller's own codec on the page) does the work instead.
 */
export function workerEncoder(fallback: EncodeParquet): EncodeParquet {
  return async (table) => {
    if (worker === undefined) worker = start();
    const w = worker;
    if (w === null) return fallback(table);
    const id = nextId++;
    const done = new Promise<Uint8Array>((ok, fail) => waiting.set(id, { ok, fail }));
    try {
      const started = performance.now();
      // The table itself stays whole: the fallback can still read it if the worker fails.
      await ipcChunks(table, (chunk) => {
        if (waiting.has(id)) w.postMessage({ id, chunk } satisfies EncodeRequest, [chunk.buffer]);
      });
      if (waiting.has(id)) w.postMessage({ id, end: true } satisfies EncodeRequest);
      // Named, so the benchmark can put a long task on the page down to this step.
      performance.measure('parquet: stream to the worker', { start: started });
      return await done;
    } catch {
      waiting.delete(id);
      return fallback(table);
    }
  };
}
