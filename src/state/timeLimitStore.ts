import { createStore, type StoreApi } from 'zustand/vanilla';
import { DEFAULT_TIME_LIMIT_SECONDS, MAX_TIME_LIMIT_SECONDS } from '../core/model/documentSchema';
import type { DocumentSlice } from './documentSlice';

/**
 * The workbook's query time limit: how long a notebook cell's or the scorecard's query may
 * run before it is stopped. Saved in the document's settings; a workbook written before
 * the setting existed gets the default.
 */
export interface TimeLimitState {
  seconds: number;
  /** Takes a whole number of seconds within range; anything else is ignored. */
  setSeconds(seconds: number): void;
}

type TimeLimitStore = StoreApi<TimeLimitState>;

const valid = (n: number) => Number.isInteger(n) && n >= 1 && n <= MAX_TIME_LIMIT_SECONDS;

export function createTimeLimitStore(defaultSeconds = DEFAULT_TIME_LIMIT_SECONDS): TimeLimitStore {
  return createStore<TimeLimitState>()((set) => ({
    seconds: defaultSeconds,
    setSeconds(seconds) {
      if (valid(seconds)) set({ seconds });
    },
  }));
}

/** The time limit's share of the workbook document; a document naming none gets `defaultSeconds`. */
export function timeLimitSlice(
  store: TimeLimitStore,
  defaultSeconds = DEFAULT_TIME_LIMIT_SECONDS,
): DocumentSlice {
  return {
    contribute(doc) {
      doc.settings = { ...doc.settings, timeLimitSeconds: store.getState().seconds };
    },
    adopt(doc) {
      store.setState({ seconds: doc.settings.timeLimitSeconds ?? defaultSeconds });
    },
    subscribe(onChange) {
      return store.subscribe((s, prev) => {
        if (s.seconds !== prev.seconds) onChange('edit');
      });
    },
  };
}
