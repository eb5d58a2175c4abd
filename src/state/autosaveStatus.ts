import { createStore, type StoreApi } from 'zustand/vanilla';

/** Why autosave could not keep the latest changes: the page says which, and what to do. */
export type AutosaveProblem = 'quota' | 'unavailable' | 'failed';

export interface AutosaveStatusState {
  problem: AutosaveProblem | null;
  /** The browser's own words, for the 'failed' case. */
  detail: string;
  /** Tables a restore could not bring back (not kept, or their record is gone). */
  missing: string[];
  /** Tables of `shakhes serve` a restore found gone from the server. */
  gone: string[];
}

export type AutosaveStatus = StoreApi<AutosaveStatusState>;

export function createAutosaveStatus(): AutosaveStatus {
  return createStore<AutosaveStatusState>()(() => ({ problem: null, detail: '', missing: [], gone: [] }));
}

/** Storage errors by what the user can do about them. */
export function problemOf(e: unknown): AutosaveProblem {
  const name =
    e instanceof Error || (typeof DOMException !== 'undefined' && e instanceof DOMException) ? e.name : '';
  if (name === 'QuotaExceededError') return 'quota';
  // Private windows, storage turned off, or a browser without IndexedDB.
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'NotAllowedError')
    return 'unavailable';
  return 'failed';
}
