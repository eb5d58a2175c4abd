import type { Engine, QueryOptions } from '../engine/engine';
import { wrapping } from '../engine/engineRoot';

/**
 * The server's engine as one request's work sees it: its cancel() stops that work's
 * queries (running or queued) and no other's. The server's engine is shared by every tab
 * and request, so the importer's "cancel whatever runs" would otherwise stop a query some
 * other page is waiting for. Queries made after the cancel run (the importer's clean-up).
 */
export function ownQueries(inner: Engine): Engine {
  const mine = new Set<AbortController>();
  const query = async (sql: string, options?: QueryOptions) => {
    const own = new AbortController();
    mine.add(own);
    const signal = options?.signal === undefined ? own.signal : AbortSignal.any([own.signal, options.signal]);
    try {
      return await inner.query(sql, { ...options, signal });
    } finally {
      mine.delete(own);
    }
  };
  return wrapping(
    {
      importDirectory: inner.importDirectory,
      query,
      tokenize: (sql) => inner.tokenize(sql),
      async cancel() {
        for (const own of mine) own.abort();
      },
      registerFile: (name, bytes) => inner.registerFile(name, bytes),
      dropFile: (name) => inner.dropFile(name),
      insertArrowIPC: (table, ipc) => inner.insertArrowIPC(table, ipc),
      loadParquet: () => inner.loadParquet(),
      close: () => inner.close(),
    },
    inner,
  );
}
