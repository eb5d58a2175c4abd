import { createStore, type StoreApi } from 'zustand/vanilla';

/** Why autosave could not keep the latest changes: the page says which, and what to do. */
export type AutosaveProblem = 'quota' | 'unavailable' | 'failed';

/**
 * A table of `shakhes serve` a restore found gone from the server. How it came there
 * decides what brings it back: a file given on the command line is given again to the
 * command; a file dropped on the page (the server kept its own copy, gone with it) is
 * dropped on the page again.
 */
export interface GoneTable {
  table: string;
  dropped: boolean;
}

export interface AutosaveStatusState {
  problem: AutosaveProblem | null;
  /** The browser's own words, for the 'failed' case. */
  detail: string;
  /** Tables a restore could not bring back (not kept, or their record is gone). */
  missing: string[];
  /** Tables of `shakhes serve` a restore found gone from the server. */
  gone: GoneTable[];
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
