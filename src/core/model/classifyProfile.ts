import type { ColumnKind } from './columnKind';

/**
 * What a column's values look like, measured once by the engine (or, in tests and
 * the CLI, by plain code) and handed to the classifier as plain data, so the
 * classifier itself never touches an engine.
 */
export interface ColumnProfile {
  readonly name: string;
  readonly kind: ColumnKind;
  /** Rows looked at (the profile reads the first rows of a large table). */
  readonly rows: number;
  /** Rows with a non-blank value. */
  readonly filled: number;
  readonly distinct: number;
  /** The most frequent values, most frequent first (at most a dozen). */
  readonly top: readonly { readonly value: string; readonly count: number }[];
  /** Of number columns; null otherwise. */
  readonly min: number | null;
  readonly max: number | null;
  /** Shares of the filled values (0..1) that are whole numbers, and whole numbers on each score scale. */
  readonly integerShare: number;
  readonly in0to10: number;
  readonly in1to5: number;
  readonly in1to7: number;
  /** Share of the filled values that read as a date (1 for a date column). */
  readonly dateShare: number;
  /** Earliest and latest date, ISO, for columns that read as dates. */
  readonly minDate: string | null;
  readonly maxDate: string | null;
  /** Share of the filled values holding a line break: free-text descriptions. */
  readonly multilineShare: number;
  readonly meanLength: number;
}

/** Every value different and none blank: a key. */
export function isUnique(p: ColumnProfile): boolean {
  return p.rows >= 3 && p.filled === p.rows && p.distinct >= p.filled * 0.98;
}

export function isDateLike(p: ColumnProfile): boolean {
  return p.kind === 'date' || p.kind === 'timestamp' || (p.filled > 0 && p.dateShare >= 0.8);
}

/** A handful of repeated labels: a status, a stage, a category. */
export function isCategorical(p: ColumnProfile): boolean {
  if (p.kind !== 'text' && p.kind !== 'boolean') return false;
  return p.distinct >= 2 && p.distinct <= Math.max(12, p.filled * 0.25) && p.distinct < p.filled;
}

/** How a value is compared with a vocabulary: case and separators do not count. */
export function normalizeValue(v: string): string {
  return v
    .trim()
    .toLowerCase()
    .replace(/[\s\-_/.]+/g, ' ')
    .trim();
}

/**
 * The share (0..1) of a column's filled values that belong to a vocabulary,
 * judged from its most frequent values.
 */
export function vocabularyShare(p: ColumnProfile, words: ReadonlySet<string>): number {
  if (p.filled === 0) return 0;
  let hit = 0;
  for (const t of p.top) if (words.has(normalizeValue(t.value))) hit += t.count;
  return hit / p.filled;
}
