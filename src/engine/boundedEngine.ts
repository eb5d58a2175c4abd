import type { Engine, QueryOptions } from './engine';
import { wrapping } from './engineRoot';

interface Bounds {
  /** Milliseconds each query may run once started; none when undefined. */
  timeLimitMs(): number | undefined;
  /** Aborts every query made through the wrapper while it is aborted (a Cancel button). */
  signal(): AbortSignal | undefined;
}

/**
 * An engine whose every query carries a time limit and a shared cancel signal, for callers
 * (the scorecard) that run many queries and should not each know about either. A query's
 * own signal still works: either one aborting stops it.
 */
export function boundedEngine(inner: Engine, bounds: Bounds): Engine {
  const optionsFor = (given?: QueryOptions): QueryOptions => {
    const signals = [given?.signal, bounds.signal()].filter((s): s is AbortSignal => s !== undefined);
    return {
      timeLimitMs: given?.timeLimitMs ?? bounds.timeLimitMs(),
      signal: signals.length <= 1 ? signals[0] : AbortSignal.any(signals),
      single: given?.single,
    };
  };
  return wrapping(
    {
      query: (sql, options) => inner.query(sql, optionsFor(options)),
      tokenize: (sql) => inner.tokenize(sql),
      cancel: () => inner.cancel(),
      registerFile: (name, bytes) => inner.registerFile(name, bytes),
      dropFile: (name) => inner.dropFile(name),
      insertArrowIPC: (table, ipc) => inner.insertArrowIPC(table, ipc),
      loadParquet: () => inner.loadParquet(),
      close: () => inner.close(),
    },
    inner,
  );
}
