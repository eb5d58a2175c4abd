import { boundedEngine } from '../engine/boundedEngine';
import { type Engine, EngineCancelled, EngineTimedOut } from '../engine/engine';
import { wrapping } from '../engine/engineRoot';

/** Why the scorecard's last run stopped, when a time limit or the Cancel button stopped it. */
export type ScorecardStop = { kind: 'timed-out' | 'cancelled'; seconds: number } | null;

interface ScorecardLimits {
  /** The scorecard's engine: every query bounded by the time limit and `cancel`. */
  bound(engine: Engine): Engine;
  /** Stops the scorecard's running query; its next run starts afresh. */
  cancel(): void;
}

/**
 * The workbook's time limit and the Cancel button for the scorecard's queries. Each stop
 * is reported (null once a query completes) so the sheet can say why in the language shown.
 */
export function scorecardLimits(opts: {
  timeLimitMs(): number;
  onStop(stop: ScorecardStop): void;
}): ScorecardLimits {
  let abort = new AbortController();
  return {
    cancel() {
      abort.abort();
      abort = new AbortController();
    },
    bound(engine) {
      const bounded = boundedEngine(engine, { timeLimitMs: opts.timeLimitMs, signal: () => abort.signal });
      // Registered as a wrapper: state kept per database (how far `_calendar` reaches, its build
      // queue) must find the engine underneath, or every run would rebuild the calendar.
      return wrapping(
        {
          ...bounded,
          async query(sql, options) {
            const shared = abort.signal;
            const started = performance.now();
            try {
              const t = await bounded.query(sql, options);
              opts.onStop(null);
              return t;
            } catch (e) {
              const seconds = Math.round((performance.now() - started) / 1000);
              if (e instanceof EngineTimedOut)
                opts.onStop({ kind: 'timed-out', seconds: Math.round(e.limitMs / 1000) });
              else if (e instanceof EngineCancelled && shared.aborted)
                opts.onStop({ kind: 'cancelled', seconds });
              throw e;
            }
          },
        },
        bounded,
      );
    },
  };
}
