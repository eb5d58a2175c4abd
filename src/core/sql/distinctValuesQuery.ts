import type { Dialect } from './dialect';

/**
 * The distinct values of a column as text, one more than `max` at most: a result of
 * `max + 1` rows says the column holds too many to list (it is not a category).
 * DISTINCT with a LIMIT stops as soon as it has enough, so a wide id column stays cheap.
 */
export function distinctValuesQuery(table: string, column: string, max: number, d: Dialect): string {
  const c = d.quoteIdent(column);
  return `SELECT DISTINCT CAST(${c} AS VARCHAR) AS v FROM ${d.quoteIdent(table)} WHERE ${c} IS NOT NULL LIMIT ${max + 1}`;
}
