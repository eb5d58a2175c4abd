import type { Engine } from '../../src/engine/engine';

/** `engine`, noting each query's SQL in `queries` in the order sent before running it there. */
export function notingEngine(engine: Engine): { engine: Engine; queries: string[] } {
  const queries: string[] = [];
  return {
    queries,
    engine: {
      ...engine,
      query: (sql, options) => {
        queries.push(sql);
        return engine.query(sql, options);
      },
    },
  };
}
