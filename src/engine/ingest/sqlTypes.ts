import type { ColumnKind } from '../../core/model/columnKind';

/** DuckDB type name → the logical kind the formula language and UI use. */
const KIND_BY_TYPE: ReadonlyArray<[RegExp, ColumnKind]> = [
  [
    /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|FLOAT|DOUBLE|REAL|DECIMAL.*)$/,
    'number',
  ],
  [/^BOOLEAN$/, 'boolean'],
  [/^DATE$/, 'date'],
  [/^TIMESTAMP.*$/, 'timestamp'],
];

export function kindOfSqlType(sqlType: string): ColumnKind {
  return KIND_BY_TYPE.find(([re]) => re.test(sqlType))?.[1] ?? 'text';
}
