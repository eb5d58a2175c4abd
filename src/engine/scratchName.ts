import { hexOf } from '../core/hexBytes';

/**
 * A name for a table the app works in for a moment (an import's staging table, a prepared
 * table on its way in), unique per call rather than per process: under `shakhes serve`
 * every tab is a process of its own with the same counters, and all of them write to the
 * server's one database. 64 random bits; getRandomValues, unlike randomUUID, also works
 * on a page served over plain http.
 */
export function scratchName(prefix: string): string {
  return prefix + hexOf(globalThis.crypto.getRandomValues(new Uint8Array(8)));
}
