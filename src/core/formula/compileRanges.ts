import type { Dialect } from '../sql/dialect';

/**
 * The whole-range figures a scorecard gives beside its periods: the selected range,
 * the range of equal length just before it, and the same range a year earlier.
 */
export const RANGE_KINDS = ['total', 'previous', 'last_year'] as const;
export type RangeKind = (typeof RANGE_KINDS)[number];

export function isRangeKind(v: unknown): v is RangeKind {
  return typeof v === 'string' && (RANGE_KINDS as readonly string[]).includes(v);
}

/**
 * The three ranges as rows shaped like periods (period_start, period_end, period,
 * period_ord, period_year, in_range) plus range_kind, from the `lo`/`hi` of `bounds`.
 * A bound left open (no data, no date given) leaves its ranges empty, never the whole table.
 */
export function rangesSql(d: Dialect, bounds: string): string {
  const row = (kind: RangeKind, start: string, end: string, ord: number) =>
    `SELECT ${start} AS period_start, ${end} AS period_end, ${d.stringLiteral(kind)} AS period, ${ord} AS period_ord, 0 AS period_year, TRUE AS in_range, ${d.stringLiteral(kind)} AS range_kind FROM ${bounds} AS bd`;
  // Days in the range, so the previous range is exactly as long.
  const days = 'CAST(bd.hi - bd.lo + 1 AS INTEGER)';
  return [
    row('total', 'bd.lo', 'bd.hi', 0),
    row('previous', `CAST(bd.lo - ${days} AS DATE)`, 'CAST(bd.lo - 1 AS DATE)', 1),
    row('last_year', d.addYears('bd.lo', -1), d.addYears('bd.hi', -1), 2),
  ].join('\nUNION ALL\n');
}
