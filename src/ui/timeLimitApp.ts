import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { boundedEngine } from '../engine/boundedEngine';
import { type Engine, EngineCancelled, EngineTimedOut } from '../engine/engine';
import { createTimeLimitStore, type TimeLimitState, timeLimitSlice } from '../state/timeLimitStore';
import { workbookStore } from './appStore';

/** The workbook's query time limit, saved with it, read by the notebooks and the scorecard. */
export const timeLimitStore = createTimeLimitStore();
workbookStore.getState().registerSlice(timeLimitSlice(timeLimitStore));

export const timeLimitMs = (): number => timeLimitStore.getState().seconds * 1000;

export function useTimeLimit<T>(selector: (s: TimeLimitState) => T): T {
  return useStore(timeLimitStore, selector);
}

/** Why the scorecard's last run stopped, when a time limit or the Cancel button stopped it. */
type ScorecardStop = { kind: 'timed-out' | 'cancelled'; seconds: number } | null;
export const scorecardStopStore = createStore<{ stop: ScorecardStop }>()(() => ({ stop: null }));

let scorecardAbort = new AbortController();

/** Stops the scorecard's running query; its next run starts afresh. */
export function cancelScorecard(): void {
  scorecardAbort.abort();
  scorecardAbort = new AbortController();
}

/**
 * The scorecard's engine: every query bounded by the time limit and the Cancel button.
 * A stop is noted so the sheet can say why in the language shown.
 */
export function scorecardEngine(engine: Engine): Engine {
  const bounded = boundedEngine(engine, { timeLimitMs, signal: () => scorecardAbort.signal });
  return {
    ...bounded,
    async query(sql, options) {
      const shared = scorecardAbort.signal;
      const started = performance.now();
      try {
        const t = await bounded.query(sql, options);
        scorecardStopStore.setState({ stop: null });
        return t;
      } catch (e) {
        const seconds = Math.round((performance.now() - started) / 1000);
        if (e instanceof EngineTimedOut)
          scorecardStopStore.setState({ stop: { kind: 'timed-out', seconds: Math.round(e.limitMs / 1000) } });
        else if (e instanceof EngineCancelled && shared.aborted)
          scorecardStopStore.setState({ stop: { kind: 'cancelled', seconds } });
        throw e;
      }
    },
  };
}
