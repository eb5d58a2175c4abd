import type * as DuckDBNode from '@duckdb/duckdb-wasm/blocking';
import { EngineCancelled } from './engine';

type Blocking = typeof DuckDBNode;
type Connection = DuckDBNode.DuckDBConnection;

/** A macrotask: timers (a time limit) and cancel requests get their turn between polls. */
const yieldToEvents = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Queries on DuckDB-WASM's Node build that can be cancelled. Its `query()` runs to the end
 * in one call and its `send()` polls on microtasks, so neither lets a timer or a cancel in.
 * This starts the query as a pending query and polls it (each poll runs about 100 ms of
 * work), yielding to the event loop in between; cancel() is seen at the next poll.
 * Measured: an endless recursive CTE and a 1e12-row cross join stop within one poll.
 * One query at a time (the caller queues them).
 */
export function pendingQueries(duckdb: Blocking, conn: Connection) {
  // biome-ignore lint/correctness/useHookAtTopLevel: DuckDB's useUnsafe is not a React hook
  const [b, c] = conn.useUnsafe((bindings, id) => [bindings, id] as const);
  let cancelRequested = false;
  return {
    /** The result as Arrow IPC stream bytes, which any copy of apache-arrow reads. */
    async query(sql: string): Promise<Uint8Array> {
      cancelRequested = false;
      let header = b.startPendingQuery(c, sql, false);
      while (header === null) {
        await yieldToEvents();
        if (cancelRequested) {
          b.cancelPendingQuery(c);
          throw new EngineCancelled();
        }
        header = b.pollPendingQuery(c);
      }
      const parts = [...new duckdb.ResultStreamIterator(b, c, header)];
      const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
      let at = 0;
      for (const p of parts) {
        out.set(p, at);
        at += p.length;
      }
      return out;
    },
    cancel(): void {
      cancelRequested = true;
    },
  };
}
