import { compileScorecard } from '../../core/formula/compile';
import type { KpiDef } from '../../core/formula/schema';
import type { Engine } from '../../engine/engine';
import { engineDialect } from '../../engine/engineDialect';
import { runScorecardIsolated } from '../../engine/scorecardIsolation';
import type { ScorecardRow } from '../../engine/scorecardRun';
import { type FrameKey, frameId } from './frameKey';
import type { FrameRequest } from './frames';
import { type KpiPlan, withRefs } from './kpiPlan';
import type { ResultsCache } from './resultsCache';

/** What every frame of one run is computed with. */
export interface RunWork {
  readonly engine: Engine;
  readonly defs: readonly KpiDef[];
  readonly plan: KpiPlan;
  /** Aborting it cancels the run's queries in the engine. */
  readonly signal: AbortSignal;
  /** Rollup tables ready for the run's data (rollups.ts); blocks without one read their tables. */
  readonly rollups?: ReadonlyMap<string, string>;
}

interface FrameRows {
  rows: ScorecardRow[];
  /** KPI id → the engine's message, for the KPIs it refused (left out of `rows`). */
  failed: Map<string, string>;
}

/**
 * Rows of frames through the cache: only the KPIs a frame lacks are queried (with those
 * they refer to), and two callers asking for the same work while it runs share one query.
 * A KPI the engine refuses is remembered with its message until `forgetRefusals` (each
 * user run starts afresh: a refusal with a passing cause, the engine busy, clears itself),
 * so the others still compute and the breakdown and prefetch do not ask again.
 */
export function createFrameResults(cache: ResultsCache) {
  const inflight = new Map<string, { job: Promise<void>; signal: AbortSignal }>();
  // Frame id → KPI key → the engine's message.
  const refused = new Map<string, Map<string, string>>();
  let queries = 0;

  const keyOf = (w: RunWork, id: string) => w.plan.keyOf.get(id) ?? '';
  const refusal = (key: FrameKey, kpiKey: string) => refused.get(frameId(key))?.get(kpiKey);

  const compute = async (w: RunWork, key: FrameKey, req: FrameRequest, ids: readonly string[]) => {
    const compile = (group: readonly string[]) => {
      const need = withRefs(group, w.plan.refs);
      return compileScorecard({
        ...req,
        kpis: w.defs.filter((d) => need.has(d.id)),
        dialect: engineDialect(w.engine),
        rollups: w.rollups,
      });
    };
    const run = await runScorecardIsolated(w.engine, compile, ids, { signal: w.signal });
    for (const part of run.parts) {
      const keys = new Map(part.compiled.outputs.map((o) => [o.kpiId, keyOf(w, o.kpiId)]));
      cache.store(key, part.rows, keys);
    }
    if (run.failed.size === 0) return;
    const id = frameId(key);
    const messages = refused.get(id) ?? new Map<string, string>();
    refused.set(id, messages);
    for (const [kpi, message] of run.failed) messages.set(keyOf(w, kpi), message);
  };

  /** Makes the cache hold `ids` for one frame, querying only what it lacks. */
  const fill = async (w: RunWork, key: FrameKey, req: FrameRequest, ids: readonly string[]) => {
    const missing = ids.filter(
      (id) => !cache.has(key, keyOf(w, id)) && refusal(key, keyOf(w, id)) === undefined,
    );
    if (missing.length === 0) return;
    const need = [...withRefs(missing, w.plan.refs)].map((id) => keyOf(w, id)).sort();
    const work = JSON.stringify([frameId(key), need]);
    // Work called off is never shared: whoever asks again wants it done.
    const shared = inflight.get(work);
    if (shared !== undefined && !shared.signal.aborted) return shared.job;
    queries++;
    const job = compute(w, key, req, missing);
    inflight.set(work, { job, signal: w.signal });
    try {
      await job;
    } finally {
      if (inflight.get(work)?.job === job) inflight.delete(work);
    }
  };

  /** Rows of a frame for `ids` (those the engine refused left out), computing what the cache lacks. */
  const rows = async (
    w: RunWork,
    key: FrameKey,
    req: FrameRequest,
    ids: readonly string[],
  ): Promise<FrameRows> => {
    await fill(w, key, req, ids);
    const failedIn = () => {
      const failed = new Map<string, string>();
      for (const id of ids) {
        const message = refusal(key, keyOf(w, id));
        if (message !== undefined) failed.set(id, message);
      }
      return failed;
    };
    const read = () => {
      const failed = failedIn();
      const keys = new Map(ids.filter((id) => !failed.has(id)).map((id) => [id, keyOf(w, id)]));
      const found = cache.rows(key, keys);
      return found === null ? null : { rows: found, failed };
    };
    // Another run may have pushed the frame out between filling and reading: compute it again.
    const first = read();
    if (first !== null) return first;
    queries++;
    await compute(w, key, req, ids);
    return read() ?? { rows: [], failed: failedIn() };
  };

  return {
    fill,
    rows,
    /** How many times work was sent to the engine: a run that sent none reused everything. */
    queries: () => queries,
    forgetRefusals: () => refused.clear(),
  };
}

export type FrameResults = ReturnType<typeof createFrameResults>;
