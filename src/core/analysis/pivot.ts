import type { Dialect } from '../sql/dialect';
import { duckdb } from '../sql/dialects/registry';

/** Aggregates a pivot may use, each with its DuckDB function. */
export const PIVOT_AGGREGATES = {
  sum: 'sum',
  avg: 'avg',
  count: 'count',
  min: 'min',
  max: 'max',
  median: 'median',
} as const;
export type PivotAggregate = keyof typeof PIVOT_AGGREGATES;

interface PivotSpec {
  table: string;
  rows: string;
  columns: string;
  value: string;
  aggregate: PivotAggregate;
}

/** The settings naming a column of the pivot's table, in the order the cell shows them. */
export const PIVOT_FIELDS = ['rows', 'columns', 'value'] as const;
export type PivotField = (typeof PIVOT_FIELDS)[number];

/** The result column holding each row's total, and the column that is 1 on the row of column totals. */
export const PIVOT_TOTAL = '(total)';
export const PIVOT_TOTAL_ROW = 'pivot_total_row';

/**
 * Rows × columns × an aggregate with DuckDB's PIVOT; column values become text headers.
 * Totals are the aggregate over the whole row, column or table (GROUPING SETS), not a
 * sum of the cells, so an average's total is the average of all its values. The last
 * row (PIVOT_TOTAL_ROW = 1) holds the column totals; the last column the row totals.
 */
export function pivotSql(spec: PivotSpec, d: Dialect = duckdb): string {
  const q = (n: string) => d.quoteIdent(n);
  const fn = PIVOT_AGGREGATES[spec.aggregate] ?? 'sum';
  const r = q(spec.rows);
  const flag = q(PIVOT_TOTAL_ROW);
  const total = q(PIVOT_TOTAL);
  const rest = `COLUMNS(* EXCLUDE (${flag}, ${r}, ${total}))`;
  // A count of nothing is 0; the other aggregates of nothing are blank.
  const cells = spec.aggregate === 'count' ? `coalesce(${rest}, 0)` : rest;
  return `WITH src AS (
  SELECT ${r}, coalesce(CAST(${q(spec.columns)} AS VARCHAR), '(blank)') AS pivot_column, ${q(spec.value)} AS pivot_value
  FROM ${q(spec.table)}
), agg AS (
  SELECT CAST(grouping(${r}) AS INTEGER) AS ${flag}, ${r},
    CASE WHEN grouping(pivot_column) = 1 THEN ${d.stringLiteral(PIVOT_TOTAL)} ELSE pivot_column END AS pivot_column,
    ${fn}(pivot_value) AS pivot_value
  FROM src
  GROUP BY GROUPING SETS ((${r}, pivot_column), (${r}), (pivot_column), ())
), wide AS (
  PIVOT agg ON pivot_column USING first(pivot_value) GROUP BY ${flag}, ${r}
)
SELECT ${r}, ${cells}, ${total}, ${flag}
FROM wide
ORDER BY ${flag}, ${r}`;
}
