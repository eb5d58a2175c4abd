import type { EncodeReply, EncodeRequest } from './encodeMessages';

/** Arrow IPC stream → Parquet bytes, somewhere that does not block the page. */
export type EncodeParquet = (ipc: Uint8Array) => Promise<Uint8Array>;

/**
 * Parquet encoding in a Web Worker of its own, started on first use. If the browser
 * cannot start it, `fallback` (the page's own codec) does the work instead.
 */
export function workerEncoder(fallback: EncodeParquet): EncodeParquet {
  let worker: Worker | null | undefined;
  let nextId = 1;
  const waiting = new Map<number, { ok(b: Uint8Array): void; fail(e: Error): void }>();

  const start = (): Worker | null => {
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
        // A worker that cannot load fails what it holds; later tables use the fallback.
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
  };

  return (ipc) => {
    if (worker === undefined) worker = start();
    const w = worker;
    if (w === null) return fallback(ipc);
    const id = nextId++;
    return new Promise<Uint8Array>((ok, fail) => {
      waiting.set(id, { ok, fail });
      // Copied, not transferred: the fallback still needs the bytes if the worker fails.
      w.postMessage({ id, ipc } satisfies EncodeRequest);
    }).catch(() => fallback(ipc));
  };
}
