import { type Engine, EngineCancelled } from '../../src/engine/engine';
import { wrapping } from '../../src/engine/engineRoot';

/**
 * The engine the server gets, holding the first query with `marker` in its text until that
 * query's signal aborts (it then fails as cancelled, as the native engine's would), so a
 * test cancels work it knows is under way. `reached` resolves when the query arrives;
 * `cancelled()` says whether its signal has aborted (the server really called it off).
 */
export function gatedEngine(engine: Engine, marker: string) {
  let arrived: () => void = () => undefined;
  const reached = new Promise<void>((ok) => {
    arrived = ok;
  });
  let held = false;
  let stopped = false;
  const gated: Engine = wrapping(
    {
      ...engine,
      query: async (sql, options) => {
        if (!held && sql.includes(marker)) {
          held = true;
          arrived();
          await new Promise<never>((_, fail) => {
            const cancelled = () => {
              stopped = true;
              fail(new EngineCancelled());
            };
            if (options?.signal?.aborted) cancelled();
            options?.signal?.addEventListener('abort', cancelled);
          });
        }
        return engine.query(sql, options);
      },
    },
    engine,
  );
  return { engine: gated, reached, cancelled: () => stopped };
}
