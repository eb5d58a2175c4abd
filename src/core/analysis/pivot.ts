import { type Dialect, duckdb } from '../sql/dialect';

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

export interface PivotSpec {
  table: string;
  rows: string;
  columns: string;
  value: string;
  aggregate: PivotAggregate;
}

/** Rows × columns × an aggregate with DuckDB's PIVOT; column values become text headers. */
export function pivotSql(spec: PivotSpec, d: Dialect = duckdb): string {
  const q = (n: string) => d.quoteIdent(n);
  const fn = PIVOT_AGGREGATES[spec.aggregate] ?? 'sum';
  return `PIVOT (SELECT ${q(spec.rows)}, coalesce(CAST(${q(spec.columns)} AS VARCHAR), '(blank)') AS pivot_column, ${q(spec.value)} AS pivot_value FROM ${q(spec.table)})
ON pivot_column USING ${fn}(pivot_value) GROUP BY ${q(spec.rows)} ORDER BY ${q(spec.rows)}`;
}
