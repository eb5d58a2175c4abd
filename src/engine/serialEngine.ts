import { type Engine, EngineCancelled, type QueryOptions } from './engine';

/**
 * One engine call at a time, in call order. The browser engine has a single connection,
 * and two streamed queries in flight on it were seen to hang (grid pages fetched while
 * a profile ran). cancel() is not queued: it must reach the query that is running.
 * A query given a signal can be called off without touching the others.
 */
export function serialEngine(inner: Engine): Engine {
  let tail: Promise<unknown> = Promise.resolve();
  const run = <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };
  /** A query that can be called off: skipped while queued, cancelled while it runs. */
  const abortable = (sql: string, signal: AbortSignal, single: boolean | undefined) =>
    run(async () => {
      if (signal.aborted) throw new EngineCancelled();
      // Only this query is running now (the queue guarantees it), so cancel() reaches it and no other.
      const onAbort = () => void inner.cancel();
      signal.addEventListener('abort', onAbort);
      try {
        const t = await inner.query(sql, { single });
        if (signal.aborted) throw new EngineCancelled();
        return t;
      } finally {
        signal.removeEventListener('abort', onAbort);
      }
    });
  return {
    query: (sql, options?: QueryOptions) =>
      options?.signal === undefined
        ? run(() => inner.query(sql, { single: options?.single }))
        : abortable(sql, options.signal, options.single),
    tokenize: (sql) => run(() => inner.tokenize(sql)),
    cancel: () => inner.cancel(),
    registerFile: (name, bytes) => run(() => inner.registerFile(name, bytes)),
    dropFile: (name) => run(() => inner.dropFile(name)),
    insertArrowIPC: (table, ipc) => run(() => inner.insertArrowIPC(table, ipc)),
    loadParquet: () => inner.loadParquet(),
    close: () => run(() => inner.close()),
  };
}
