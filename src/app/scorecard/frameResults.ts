import { type CompiledScorecard, compileScorecard } from '../../core/formula/compile';
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
  /**
   * Work computed ahead in the background: its queries are sent with their dates written in,
   * not prepared (preparedRange.ts), so its many pieces never push out the user's statements.
   */
  readonly ahead?: boolean;
}

interface FrameRows {
  rows: ScorecardRow[];
  /** KPI id → the engine's message, for the KPIs it refused (left out of `rows`). */
  failed: Map<string, string>;
}

/**
 * One frame's work: the run's, the frame, its request, the KPIs wanted and, when there is
 * one, `whole`: the request compiled already for every KPI of the run (see compute).
 */
type FrameAsk = [
  w: RunWork,
  key: FrameKey,
  req: FrameRequest,
  ids: readonly string[],
  whole?: CompiledScorecard,
];

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

  /**
   * `whole`: the frame's request compiled already for every KPI of `w.defs` (the runner's,
   * made for its diagnostics), used when a query needs them all: a compile of 65 KPIs by
   * month with the whole-range figures costs about 48 ms of CPU.
   */
  const compute = async (...[w, key, req, ids, whole]: FrameAsk) => {
    const compileGroup = (group: readonly string[]) => {
      const need = withRefs(group, w.plan.refs);
      if (whole !== undefined && w.defs.every((d) => need.has(d.id))) return whole;
      return compileScorecard({
        ...req,
        kpis: w.defs.filter((d) => need.has(d.id)),
        dialect: engineDialect(w.engine),
        rollups: w.rollups,
      });
    };
    const compile = (group: readonly string[]) => {
      const compiled = compileGroup(group);
      return w.ahead === true ? { ...compiled, ranged: undefined } : compiled;
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

  /** Makes the cache hold `ids` for one frame, querying only what it lacks (`whole`: as compute's). */
  const fill = async (...[w, key, req, ids, whole]: FrameAsk) => {
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
    const job = compute(w, key, req, missing, whole);
    inflight.set(work, { job, signal: w.signal });
    try {
      await job;
    } finally {
      if (inflight.get(work)?.job === job) inflight.delete(work);
    }
  };

  /**
   * Rows of a frame for `ids` (those the engine refused left out), computing what the cache
   * lacks; `whole` as compute's.
   */
  const rows = async (...[w, key, req, ids, whole]: FrameAsk): Promise<FrameRows> => {
    await fill(w, key, req, ids, whole);
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
    await compute(w, key, req, ids, whole);
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
