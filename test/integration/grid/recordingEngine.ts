import type { Engine } from '../../../src/engine/engine';

/**
 * The engine `engine()` gives at each call, passing on every query after noting its SQL in
 * `queries`, so a test can tell how pages were read.
 */
export function recordingEngine(engine: () => Engine, queries: string[]): () => Promise<Engine> {
  return () => {
    const e = engine();
    return Promise.resolve({
      ...e,
      query: (sql, options) => {
        queries.push(sql);
        return e.query(sql, options);
      },
    });
  };
}
