import type { Engine, QueryOptions } from '../../../../src/engine/engine';
import { EngineCancelled } from '../../../../src/engine/engine';
import { wrapping } from '../../../../src/engine/engineRoot';

/** A query the held engine keeps until the test lets it through. */
interface HeldQuery {
  readonly sql: string;
  readonly signal: AbortSignal | undefined;
  /** Runs it on the real engine and answers the caller. */
  release(): void;
}

/**
 * A real engine in front of which chosen queries wait for the test, so the order runs
 * finish in is the test's. `honourAbort` off is an engine that answers a query even
 * after it was called off (the result arrives anyway, as it can mid-flight).
 */
export function heldEngine(inner: Engine, hold: (sql: string) => boolean, options = { honourAbort: true }) {
  const waiting: HeldQuery[] = [];
  const seen: HeldQuery[] = [];
  const watchers: (() => void)[] = [];
  let open = false;
  const notify = () => {
    for (const w of watchers.splice(0)) w();
  };
  const engine: Engine = {
    cancel: () => inner.cancel(),
    tokenize: (s) => inner.tokenize(s),
    registerFile: (n, b) => inner.registerFile(n, b),
    dropFile: (n) => inner.dropFile(n),
    insertArrowIPC: (t, i) => inner.insertArrowIPC(t, i),
    loadParquet: () => inner.loadParquet(),
    close: () => inner.close(),
    query(sql: string, opts?: QueryOptions) {
      if (!hold(sql)) return inner.query(sql);
      return new Promise((resolve, reject) => {
        const q: HeldQuery = {
          sql,
          signal: opts?.signal,
          release() {
            waiting.splice(waiting.indexOf(q), 1);
            inner.query(sql).then(resolve, reject);
          },
        };
        if (options.honourAbort)
          opts?.signal?.addEventListener('abort', () => {
            if (waiting.includes(q)) waiting.splice(waiting.indexOf(q), 1);
            reject(new EngineCancelled());
          });
        seen.push(q);
        if (open) inner.query(sql).then(resolve, reject);
        else waiting.push(q);
        notify();
      });
    },
  };
  // The calendar the scorecard builds is the database's, wrapper or not.
  wrapping(engine, inner);
  return {
    engine,
    /** Every held query so far, released or not. */
    seen,
    /** The next query held once `count` have been seen in all. */
    async held(count: number): Promise<HeldQuery> {
      while (seen.length < count) await new Promise<void>((r) => watchers.push(r));
      return seen[count - 1] as HeldQuery;
    },
    /** Lets every query through from now on, still counting them in `seen`. */
    open() {
      open = true;
      for (const q of [...waiting]) q.release();
    },
  };
}
