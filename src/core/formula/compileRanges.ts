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
 * One row: `<kind>_lo` and `<kind>_hi` for each range, from the `lo`/`hi` of `bounds`.
 * A bound left open (no data, no date given) leaves its ranges empty, never the whole table.
 */
export function rangeBoundsSql(d: Dialect, bounds: string): string {
  const q = (kind: RangeKind, end: 'lo' | 'hi') => d.quoteIdent(`${kind}_${end}`);
  // Days in the range, so the previous range is exactly as long.
  const days = `${d.daysBetween('bd.lo', 'bd.hi')} + 1`;
  return [
    `SELECT bd.lo AS ${q('total', 'lo')}, bd.hi AS ${q('total', 'hi')},`,
    `  ${d.addDays('bd.lo', `0 - (${days})`)} AS ${q('previous', 'lo')}, ${d.addDays('bd.lo', '-1')} AS ${q('previous', 'hi')},`,
    `  ${d.addYears('bd.lo', -1)} AS ${q('last_year', 'lo')}, ${d.addYears('bd.hi', -1)} AS ${q('last_year', 'hi')}`,
    `FROM ${bounds} AS bd`,
  ].join('\n');
}

/** The three ranges as rows shaped like periods, plus range_kind, from `rangeBoundsSql`'s row. */
export function rangesSql(d: Dialect, rangeBounds: string): string {
  return RANGE_KINDS.map(
    (kind, ord) =>
      `SELECT rr.${d.quoteIdent(`${kind}_lo`)} AS period_start, rr.${d.quoteIdent(`${kind}_hi`)} AS period_end, ${d.stringLiteral(kind)} AS period, ${ord} AS period_ord, 0 AS period_year, TRUE AS in_range, ${d.stringLiteral(kind)} AS range_kind FROM ${rangeBounds} AS rr`,
  ).join('\nUNION ALL\n');
}
