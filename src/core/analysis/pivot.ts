import type { ColumnKind } from '../model/columnKind';
import type { ResultTable, ResultValue } from '../notebook/types';
import type { AggregateKind, Dialect } from '../sql/dialect';

/** Aggregates a pivot may use, each with the dialect's aggregate it is (a median is the 0.5 percentile). */
export const PIVOT_AGGREGATES = {
  sum: 'sum',
  avg: 'avg',
  count: 'count',
  min: 'min',
  max: 'max',
  median: 'percentile',
} as const satisfies Record<string, AggregateKind>;
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

/** Columns of the long result pivotSql gives and widenPivot reads. */
const LONG = { columnTotal: 'pivot_column_total', column: 'pivot_column', value: 'pivot_value' } as const;

/**
 * Rows × columns × an aggregate, long: one row per (row value, column value) cell and per
 * total. Totals are the aggregate over the whole row, column or table (GROUPING SETS),
 * not a sum of the cells, so an average's total is the average of all its values. No
 * engine but DuckDB has a PIVOT whose columns come from the data, so the result is made
 * wide by widenPivot, the same for every engine. A grouping set leaves out a column as
 * NULL in the standard and as its type's default in ClickHouse: grouping() says which.
 */
export function pivotSql(spec: PivotSpec, d: Dialect): string {
  const q = (n: string) => d.quoteIdent(n);
  const kind = PIVOT_AGGREGATES[spec.aggregate] ?? 'sum';
  const r = q(spec.rows);
  const flag = q(PIVOT_TOTAL_ROW);
  const int = (sql: string) => d.cast(sql, 'integer');
  // The inputs are named apart from the outputs: ClickHouse reads `sum(x) AS x` as x inside x.
  const args = kind === 'percentile' ? ['pivot_input', d.numberLiteral(0.5)] : ['pivot_input'];
  return `WITH src AS (
  SELECT ${r} AS pivot_row, coalesce(${d.cast(q(spec.columns), 'text')}, ${d.stringLiteral('(blank)')}) AS pivot_key,
    ${q(spec.value)} AS pivot_input
  FROM ${q(spec.table)}
)
SELECT ${int('grouping(pivot_row)')} AS ${flag},
  CASE WHEN grouping(pivot_row) = 0 THEN pivot_row END AS ${r},
  ${int('grouping(pivot_key)')} AS ${q(LONG.columnTotal)},
  CASE WHEN grouping(pivot_key) = 0 THEN pivot_key END AS ${q(LONG.column)},
  ${d.aggregate(kind, args, null)} AS ${q(LONG.value)}
FROM src
GROUP BY GROUPING SETS ((pivot_row, pivot_key), (pivot_row), (pivot_key), ())
ORDER BY ${flag}, ${r}`;
}

/** Text in code point order, as DuckDB sorts it (String's < compares UTF-16 units). */
const byCodePoint = (a: string, b: string) => {
  const [x, y] = [[...a], [...b]];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const diff = (x[i].codePointAt(0) ?? 0) - (y[i].codePointAt(0) ?? 0);
    if (diff !== 0) return diff;
  }
  return x.length - y.length;
};

/**
 * pivotSql's long result made wide: the row value, a column per column value (in code
 * point order), the row's total and PIVOT_TOTAL_ROW, rows in the order the engine gave
 * them (the column totals last). A cell with no rows is blank, or 0 for a count.
 */
export function widenPivot(long: ResultTable, spec: Pick<PivotSpec, 'rows' | 'aggregate'>): ResultTable {
  const kindOf = (name: string): ColumnKind => long.columns.find((c) => c.name === name)?.kind ?? 'text';
  const empty: ResultValue = spec.aggregate === 'count' ? 0 : null;
  const names = new Set<string>();
  const rows = new Map<string, Record<string, ResultValue>>();
  for (const cell of long.rows) {
    const flag = cell[PIVOT_TOTAL_ROW];
    const rowValue = cell[spec.rows] ?? null;
    const key = `${flag}\u0000${typeof rowValue}\u0000${String(rowValue)}`;
    let row = rows.get(key);
    if (row === undefined) {
      row = Object.create(null) as Record<string, ResultValue>;
      row[spec.rows] = rowValue;
      rows.set(key, row);
    }
    const name = cell[LONG.columnTotal] === 1 ? PIVOT_TOTAL : String(cell[LONG.column]);
    if (name !== PIVOT_TOTAL) names.add(name);
    row[name] = cell[LONG.value] ?? empty;
    row[PIVOT_TOTAL_ROW] = flag;
  }
  const columns = [...names].sort(byCodePoint);
  const valueKind = spec.aggregate === 'count' ? 'number' : kindOf(LONG.value);
  return {
    columns: [
      { name: spec.rows, kind: kindOf(spec.rows) },
      ...[...columns, PIVOT_TOTAL].map((name) => ({ name, kind: valueKind })),
      { name: PIVOT_TOTAL_ROW, kind: 'number' },
    ],
    rows: [...rows.values()].map((row) => {
      const out: Record<string, ResultValue> = Object.create(null);
      out[spec.rows] = row[spec.rows];
      for (const name of [...columns, PIVOT_TOTAL]) out[name] = row[name] ?? empty;
      out[PIVOT_TOTAL_ROW] = row[PIVOT_TOTAL_ROW];
      return out;
    }),
  };
}
