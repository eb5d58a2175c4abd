import { engineStoppedMessage } from '../core/outOfMemory';

/** The browser engine's worker failed: this call and every later one cannot be answered. */
export class EngineStopped extends Error {
  constructor(detail: string) {
    super(engineStoppedMessage(detail));
    this.name = 'EngineStopped';
  }
}

/** What of a Web Worker the watch needs: its failure events and a way to end it. */
interface WatchedWorker {
  addEventListener(type: 'error' | 'messageerror', listener: (e: Event) => void): void;
  terminate(): void;
}

/**
 * A worker's failure turned into a rejection of every call waiting on it. DuckDB-WASM's
 * AsyncDuckDB answers a worker `error` event by forgetting its pending requests without
 * settling them (async_bindings.ts, onError), so a query in flight when the worker failed
 * would wait for ever and the page would say nothing. A WebAssembly trap (RuntimeError:
 * out-of-bounds access, `unreachable`, an abort) is answered, but leaves DuckDB's memory in
 * an unknown state: it stops the engine too.
 */
export function watchWorker(worker: WatchedWorker) {
  let stopped: EngineStopped | null = null;
  const waiting = new Set<(e: EngineStopped) => void>();
  const stop = (detail: string): EngineStopped => {
    if (stopped === null) {
      stopped = new EngineStopped(detail);
      for (const reject of waiting) reject(stopped);
      waiting.clear();
      worker.terminate();
    }
    return stopped;
  };
  worker.addEventListener('error', (e) => {
    e.preventDefault();
    const message = (e as Partial<ErrorEvent>).message;
    stop(typeof message === 'string' && message !== '' ? message : 'its worker failed');
  });
  worker.addEventListener('messageerror', () => stop('a message from its worker could not be read'));

  return {
    /** Runs `work` on the worker; rejects with EngineStopped once the worker has failed. */
    guard<T>(work: () => Promise<T>): Promise<T> {
      if (stopped !== null) return Promise.reject(stopped);
      return new Promise<T>((resolve, reject) => {
        waiting.add(reject);
        work().then(
          (v) => {
            waiting.delete(reject);
            resolve(v);
          },
          (err: unknown) => {
            waiting.delete(reject);
            reject(err instanceof Error && err.name === 'RuntimeError' ? stop(err.message) : err);
          },
        );
      });
    },
  };
}
