import type { ColumnKind } from '../model/columnKind';
import type { Dialect } from './dialect';
import { duckdb } from './dialects/registry';

/** The classifier reads the first rows only: enough to see a column's shape, cheap on 1M rows. */
const MAPPING_PROFILE_ROWS = 20_000;
const MAPPING_TOP_VALUES = 12;

interface MappingProfileQueries {
  /**
   * One row: n_rows, filled, n_distinct, numbers, min_x, max_x, whole, in0to10,
   * in1to5, in1to7, dates, min_d, max_d, multiline, mean_length.
   */
  stats: string;
  /** Up to MAPPING_TOP_VALUES rows: v (as text), n; most frequent first. */
  top: string;
}

/**
 * SQL for the value profile the table classifier reads (classifyProfile.ts), one
 * column at a time over the first rows. Casts are chosen by the column's kind so
 * no cast can fail: numbers as numbers, dates as dates, text tried as a date.
 */
export function mappingProfileQueries(
  table: string,
  column: string,
  kind: ColumnKind,
  d: Dialect = duckdb,
): MappingProfileQueries {
  const src = `(SELECT ${d.quoteIdent(column)} AS c FROM ${d.quoteIdent(table)} LIMIT ${MAPPING_PROFILE_ROWS})`;
  const number = kind === 'number' ? 'CAST(c AS DOUBLE)' : 'CAST(NULL AS DOUBLE)';
  const day =
    kind === 'date' || kind === 'timestamp'
      ? 'CAST(c AS DATE)'
      : kind === 'text'
        ? // Only ISO-looking text is tried: a failed cast is slow, and most text is not a date.
          "CASE WHEN regexp_matches(c, '^\\d{4}-\\d{2}-\\d{2}') THEN TRY_CAST(c AS DATE) END"
        : 'CAST(NULL AS DATE)';
  const filled = "s IS NOT NULL AND trim(s) <> ''";
  const whole = 'x = floor(x)';
  const stats =
    `WITH v AS (SELECT CAST(c AS VARCHAR) AS s, ${number} AS x, ${day} AS dd FROM ${src}) ` +
    `SELECT count(*) AS n_rows, count(*) FILTER (WHERE ${filled}) AS filled, ` +
    `count(DISTINCT s) FILTER (WHERE ${filled}) AS n_distinct, count(x) AS numbers, ` +
    'min(x) AS min_x, max(x) AS max_x, ' +
    `count(*) FILTER (WHERE ${whole}) AS whole, ` +
    `count(*) FILTER (WHERE ${whole} AND x BETWEEN 0 AND 10) AS in0to10, ` +
    `count(*) FILTER (WHERE ${whole} AND x BETWEEN 1 AND 5) AS in1to5, ` +
    `count(*) FILTER (WHERE ${whole} AND x BETWEEN 1 AND 7) AS in1to7, ` +
    'count(dd) AS dates, CAST(min(dd) AS VARCHAR) AS min_d, CAST(max(dd) AS VARCHAR) AS max_d, ' +
    `count(*) FILTER (WHERE strpos(s, chr(10)) > 0 OR strpos(s, chr(13)) > 0) AS multiline, ` +
    `avg(length(s)) FILTER (WHERE ${filled}) AS mean_length FROM v`;
  const top =
    `SELECT s AS v, count(*) AS n FROM (SELECT CAST(c AS VARCHAR) AS s FROM ${src}) ` +
    `WHERE ${filled} GROUP BY 1 ORDER BY n DESC, v LIMIT ${MAPPING_TOP_VALUES}`;
  return { stats, top };
}
