import type { ColumnKind } from '../model/columnKind';
import type { Dialect } from './dialect';

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
 * Text that starts with an ISO day (YYYY-MM-DD, then nothing, a space or a T), in SQL every
 * engine speaks (no regular expressions): only such text is tried as a date. A failed cast is
 * slow, and PostgreSQL has no cast that fails to a blank, so its text must be a day that can
 * be (a 31st of a short month still fails there, and the profile falls back on names).
 */
function isoDayText(c: string): string {
  return [
    `${c} LIKE '____-__-__%'`,
    `translate(substr(${c}, 1, 10), '0123456789', '0000000000') = '0000-00-00'`,
    `substr(${c}, 6, 2) BETWEEN '01' AND '12'`,
    `substr(${c}, 9, 2) BETWEEN '01' AND '31'`,
    `(length(${c}) = 10 OR substr(${c}, 11, 1) IN (' ', 'T'))`,
  ].join(' AND ');
}

/**
 * SQL for the value profile the table classifier reads (classifyProfile.ts), one
 * column at a time over the first rows, in the dialect `d` of the engine the table is in
 * (read in place, PostgreSQL's or ClickHouse's). Casts are chosen by the column's kind so
 * no cast can fail: numbers as numbers, dates as dates, ISO-looking text tried as a date.
 */
export function mappingProfileQueries(
  table: string,
  column: string,
  kind: ColumnKind,
  d: Dialect,
): MappingProfileQueries {
  const src = `(SELECT ${d.quoteIdent(column)} AS c FROM ${d.quoteIdent(table)} LIMIT ${MAPPING_PROFILE_ROWS}) AS src`;
  const number = d.cast(kind === 'number' ? 'c' : 'NULL', 'double');
  const day =
    kind === 'date' || kind === 'timestamp'
      ? d.cast('c', 'date')
      : kind === 'text'
        ? `CASE WHEN ${isoDayText('c')} THEN ${d.tryCast('substr(c, 1, 10)', 'date')} END`
        : d.cast('NULL', 'date');
  const filled = "s IS NOT NULL AND trim(s) <> ''";
  const whole = 'x = floor(x)';
  const rowsWhere = (cond: string) => d.aggregate('countRows', [], cond);
  const lineBreak = `${d.contains('s', d.stringLiteral('\n'))} OR ${d.contains('s', d.stringLiteral('\r'))}`;
  const stats =
    `WITH v AS (SELECT ${d.cast('c', 'text')} AS s, ${number} AS x, ${day} AS dd FROM ${src}) ` +
    `SELECT ${d.aggregate('countRows', [], null)} AS n_rows, ${rowsWhere(filled)} AS filled, ` +
    `${d.aggregate('countDistinct', ['s'], filled)} AS n_distinct, ${d.aggregate('count', ['x'], null)} AS numbers, ` +
    `${d.aggregate('min', ['x'], null)} AS min_x, ${d.aggregate('max', ['x'], null)} AS max_x, ` +
    `${rowsWhere(whole)} AS whole, ` +
    `${rowsWhere(`${whole} AND x BETWEEN 0 AND 10`)} AS in0to10, ` +
    `${rowsWhere(`${whole} AND x BETWEEN 1 AND 5`)} AS in1to5, ` +
    `${rowsWhere(`${whole} AND x BETWEEN 1 AND 7`)} AS in1to7, ` +
    `${d.aggregate('count', ['dd'], null)} AS dates, ` +
    `${d.cast(d.aggregate('min', ['dd'], null), 'text')} AS min_d, ${d.cast(d.aggregate('max', ['dd'], null), 'text')} AS max_d, ` +
    `${rowsWhere(lineBreak)} AS multiline, ` +
    // char_length counts characters on all three engines (ClickHouse's length counts bytes).
    `${d.aggregate('avg', ['char_length(s)'], filled)} AS mean_length FROM v`;
  const top =
    `SELECT s AS v, ${d.aggregate('countRows', [], null)} AS n FROM (SELECT ${d.cast('c', 'text')} AS s FROM ${src}) AS t ` +
    `WHERE ${filled} GROUP BY s ORDER BY n DESC, v LIMIT ${MAPPING_TOP_VALUES}`;
  return { stats, top };
}
