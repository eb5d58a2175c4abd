import type { CompiledScorecard } from '../core/formula/compile';
import { type Engine, EngineCancelled, EngineTimedOut, type QueryOptions } from './engine';
import { runScorecard, type ScorecardRow } from './scorecardRun';
import { EngineStopped } from './workerWatch';

/** The rows of one query that ran, and what it was compiled from (its outputs name the KPIs). */
interface ScorecardPart {
  readonly compiled: CompiledScorecard;
  readonly rows: ScorecardRow[];
}

interface IsolatedRun {
  parts: ScorecardPart[];
  /** KPI id → why the engine refused it, for each KPI that fails even on its own. */
  failed: Map<string, string>;
}

/**
 * The engine's message, first line only: what follows is the compiled SQL around the
 * error (LINE 36: …) or a list of candidate functions, which say nothing to the user.
 */
function engineMessage(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  return text.split('\n', 1)[0].trim() || text.trim();
}

/**
 * A run stopped on purpose, by a Cancel or by the time limit: splitting it would only run
 * the same work again, each half up to the limit once more. Nor when the engine itself
 * stopped: no half can run, and the whole run says so.
 */
function cancelled(e: unknown, options: QueryOptions | undefined): boolean {
  return (
    options?.signal?.aborted === true ||
    e instanceof EngineCancelled ||
    e instanceof EngineTimedOut ||
    e instanceof EngineStopped ||
    (e instanceof Error && e.name === 'AbortError')
  );
}

/**
 * Runs the KPIs `ids` as one fused query and, only when that fails, finds which of
 * them the engine refuses: the set is halved and each half run again, down to single
 * KPIs, so a KPI that fails on its own is reported with the engine's message while
 * every other one computes. One bad KPI among n costs about 2·log2(n) extra queries;
 * the good path costs nothing. `compile` gives the query for some of the ids (with the
 * KPIs they refer to); a compile that throws counts as that set failing.
 *
 * A cancelled run is never split: nothing more was wanted. When every KPI fails
 * alone, the cause is likely not the KPIs (the engine itself, the calendar); each
 * still carries the message, and the caller decides what "nothing ran" means.
 */
export async function runScorecardIsolated(
  engine: Engine,
  compile: (ids: readonly string[]) => CompiledScorecard,
  ids: readonly string[],
  options?: QueryOptions,
): Promise<IsolatedRun> {
  const out: IsolatedRun = { parts: [], failed: new Map() };
  const attempt = async (group: readonly string[]): Promise<void> => {
    if (group.length === 0) return;
    try {
      const compiled = compile(group);
      out.parts.push({ compiled, rows: await runScorecard(engine, compiled, options) });
    } catch (e) {
      if (cancelled(e, options)) throw e;
      if (group.length === 1) {
        out.failed.set(group[0], engineMessage(e));
        return;
      }
      const mid = Math.ceil(group.length / 2);
      await attempt(group.slice(0, mid));
      await attempt(group.slice(mid));
    }
  };
  await attempt(ids);
  return out;
}
