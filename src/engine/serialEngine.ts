import { type Engine, EngineCancelled, EngineTimedOut, type QueryOptions } from './engine';
import { wrapping } from './engineRoot';

/**
 * One engine call at a time, in call order. The browser engine has a single connection,
 * and two streamed queries in flight on it were seen to hang (grid pages fetched while
 * a profile ran). cancel() is not queued: it must reach the query that is running.
 * A query given a signal can be called off without touching the others; one given a
 * time limit is cancelled when it has run that long.
 */
export function serialEngine(inner: Engine): Engine {
  let tail: Promise<unknown> = Promise.resolve();
  const run = <T>(work: () => Promise<T>): Promise<T> => {
    const next = tail.then(work, work);
    tail = next.catch(() => undefined);
    return next;
  };

  /**
   * A query that can be called off: skipped while queued, cancelled while it runs. The
   * caller hears at once; the queue waits until the engine has really stopped, since a
   * query stuck in one long call (constant folding a huge repeat()) only stops when it returns.
   */
  const bounded = (
    sql: string,
    { signal, timeLimitMs, single }: QueryOptions,
  ): Promise<Awaited<ReturnType<Engine['query']>>> => {
    let giveUp: (reason: Error) => void = () => undefined;
    const gaveUp = new Promise<never>((_, reject) => {
      giveUp = reject;
    });
    gaveUp.catch(() => undefined);
    let running = false;
    let stopped: Error | null = null;
    const stop = (reason: Error) => {
      if (stopped !== null) return;
      stopped = reason;
      giveUp(reason);
      // Only this query is running now (the queue guarantees it), so cancel() reaches it and no other.
      if (running) void inner.cancel();
    };
    const onAbort = () => stop(new EngineCancelled());
    signal?.addEventListener('abort', onAbort);
    if (signal?.aborted) stop(new EngineCancelled());
    const work = run(async () => {
      if (stopped !== null) throw stopped;
      running = true;
      const timer =
        timeLimitMs === undefined
          ? undefined
          : setTimeout(() => stop(new EngineTimedOut(timeLimitMs)), timeLimitMs);
      try {
        const t = await inner.query(sql, { single });
        if (stopped !== null) throw stopped;
        return t;
      } catch (err) {
        throw stopped ?? err;
      } finally {
        running = false;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
      }
    });
    work.catch(() => undefined);
    return Promise.race([work, gaveUp]);
  };

  return wrapping(
    {
      query: (sql, options?: QueryOptions) =>
        options?.signal === undefined && options?.timeLimitMs === undefined
          ? run(() => inner.query(sql, { single: options?.single }))
          : bounded(sql, options),
      tokenize: (sql) => run(() => inner.tokenize(sql)),
      cancel: () => inner.cancel(),
      registerFile: (name, bytes) => run(() => inner.registerFile(name, bytes)),
      dropFile: (name) => run(() => inner.dropFile(name)),
      insertArrowIPC: (table, ipc) => run(() => inner.insertArrowIPC(table, ipc)),
      loadParquet: () => inner.loadParquet(),
      close: () => run(() => inner.close()),
    },
    inner,
  );
}
