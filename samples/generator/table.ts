import type { CanonicalTableName } from '../../src/core/model/canonical.ts';

/** A CSV field before formatting: null is a blank field. */
export type Cell = string | number | boolean | null;

/**
 * One generated table. Rows are produced on demand, and every call to rows()
 * starts over and yields the same rows, so a million-row table never sits in memory.
 */
export interface GeneratedTable {
  readonly name: CanonicalTableName;
  readonly columns: readonly string[];
  rows(): Iterable<Cell[]>;
}

export type GeneratedCrm = Readonly<Record<CanonicalTableName, GeneratedTable>>;

/** Money with cents, as a number that prints without float noise. */
export function cents(value: number): number {
  return Math.round(value * 100) / 100;
}
