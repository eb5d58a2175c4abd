import type { Engine } from './engine';

/**
 * One engine call at a time, in call order. The browser engine has a single connection,
 * and two streamed queries in flight on it were seen to hang (grid pages fetched while
 * a profile ran). cancel() is not queued: it must reach the query that is running.
 */
export function serialEngine(inner: Engine): Engine {
  let tail: Promise<unknown> = Promise.resolve();
  const run = <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };
  return {
    query: (sql) => run(() => inner.query(sql)),
    cancel: () => inner.cancel(),
    registerFile: (name, bytes) => run(() => inner.registerFile(name, bytes)),
    dropFile: (name) => run(() => inner.dropFile(name)),
    insertArrowIPC: (table, ipc) => run(() => inner.insertArrowIPC(table, ipc)),
    loadParquet: () => inner.loadParquet(),
    close: () => run(() => inner.close()),
  };
}
