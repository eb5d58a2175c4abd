import type { ColumnKind } from '../model/columnKind';
import type { Dialect } from './dialect';

/**
 * SQL for a column profile: the numbers an analyst checks first when a file arrives
 * (how many blanks, how many distinct values, the range, the common values, the shape).
 */

export const HISTOGRAM_BINS = 20;
const TOP_VALUES = 10;

interface ProfileQueries {
  /** One row: rows, blanks, distinct, min, max. */
  stats: string;
  /** Up to TOP_VALUES rows: value, n; most frequent first. */
  top: string;
  /**
   * Numbers, dates and timestamps only. Rows: bin (0-based), n, lo, hi, where lo and hi
   * are the overall range on the binned scale (the value itself, or epoch seconds for
   * dates and times). Empty bins are absent.
   */
  histogram?: string;
}

export function buildProfileQueries(
  table: string,
  column: string,
  kind: ColumnKind,
  d: Dialect,
): ProfileQueries {
  const t = d.quoteIdent(table);
  const c = d.quoteIdent(column);
  // A text cell holding only spaces is blank to a reader; other types have only NULL.
  const blank = kind === 'text' ? `(${c} IS NULL OR trim(${c}) = '')` : `${c} IS NULL`;
  // Distinct, min and max describe the values that are there, so blanks stay out of them.
  const filled = `FILTER (WHERE NOT ${blank})`;
  const stats =
    `SELECT count(*) AS rows, count(*) FILTER (WHERE ${blank}) AS blanks, ` +
    `count(DISTINCT ${c}) ${filled} AS distinct, min(${c}) ${filled} AS min, max(${c}) ${filled} AS max FROM ${t}`;
  const top =
    `SELECT ${c} AS value, count(*) AS n FROM ${t} WHERE NOT ${blank} ` +
    `GROUP BY 1 ORDER BY n DESC, 1 LIMIT ${TOP_VALUES}`;
  const scale = binScale(c, kind);
  if (!scale) return { stats, top };
  const histogram =
    `WITH v AS (SELECT ${scale} AS x FROM ${t} WHERE ${c} IS NOT NULL), ` +
    'b AS (SELECT min(x) AS lo, max(x) AS hi FROM v) ' +
    `SELECT CAST(least(floor((x - lo) / CASE WHEN hi > lo THEN hi - lo ELSE 1 END * ${HISTOGRAM_BINS}), ` +
    `${HISTOGRAM_BINS - 1}) AS INTEGER) AS bin, count(*) AS n, any_value(lo) AS lo, any_value(hi) AS hi ` +
    'FROM v, b GROUP BY 1 ORDER BY 1';
  return { stats, top, histogram };
}

function binScale(c: string, kind: ColumnKind): string | null {
  switch (kind) {
    case 'number':
      return `CAST(${c} AS DOUBLE)`;
    case 'date':
    case 'timestamp':
      return `CAST(epoch(${c}) AS DOUBLE)`;
    default:
      return null;
  }
}

/** The lower edge of each bin on the binned scale, plus the final upper edge. */
export function histogramEdges(lo: number, hi: number, bins = HISTOGRAM_BINS): number[] {
  const width = hi > lo ? (hi - lo) / bins : 0;
  return Array.from({ length: bins + 1 }, (_, i) => lo + i * width);
}
