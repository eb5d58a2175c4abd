import type { ScorecardRequest } from '../../core/formula/compile';
import { dropRollupSql, scorecardRollups } from '../../core/formula/rollup';
import type { Engine } from '../../engine/engine';
import { engineDialect } from '../../engine/engineDialect';

/**
 * The day-level rollups (src/core/formula/rollup.ts) of the data the scorecard reads,
 * as DuckDB tables. They belong to one contents token at a time: a run over other data
 * (a table loaded, replaced or edited gives a new token) drops every rollup of the old
 * one before any is used, so a rollup never answers for data it was not built from.
 * A block with no ready rollup reads its table, so each number is right either way.
 */
export function createRollups() {
  let data: string | null = null;
  /** RollupSpec.select → its table, for `data`. */
  let ready = new Map<string, string>();
  let tables: string[] = [];
  let made = 0;

  const dropAll = async (engine: Engine) => {
    const old = tables;
    tables = [];
    for (const t of old) await engine.query(dropRollupSql(engineDialect(engine), t));
  };

  /** Rollups ready for `token`: none when they were built for other data. */
  const readyFor = (token: string): ReadonlyMap<string, string> => (token === data ? ready : new Map());

  /**
   * Builds the rollups `req`'s KPIs can read (those not built yet) for the data named
   * `token`, first dropping those of any other data, in `engine`'s dialect. Aborting stops between tables.
   */
  const build = async (
    engine: Engine,
    token: string,
    req: Omit<ScorecardRequest, 'dialect'>,
    signal?: AbortSignal,
  ) => {
    if (token !== data) {
      data = token;
      ready = new Map();
      await dropAll(engine);
    }
    const mine = ready;
    const d = engineDialect(engine);
    for (const spec of scorecardRollups({ ...req, dialect: d })) {
      if (signal?.aborted === true || mine !== ready) return;
      if (ready.has(spec.select)) continue;
      const table = `_rollup_${++made}`;
      tables.push(table);
      for (const sql of d.createTableAs(table, spec.select)) await engine.query(sql, { signal });
      // Data that changed while it was built has its own rollups: this one answers for nothing.
      if (mine === ready) ready.set(spec.select, table);
    }
  };

  return { readyFor, build, drop: dropAll };
}
