import { type CheckedRowFormula, checkRowFormula, rowFormulaSql } from '../formula/rowFormula';
import type { Dialect, SqlType } from '../sql/dialect';
import type { ColumnKind } from './columnKind';

/**
 * Where a canonical column the file lacks comes from: one value for every row
 * (`channel` = "Facebook") or a row formula over the file's columns
 * (`YEAR([Purchase Date])`). Saved in the workbook, which may come from a stranger:
 * a constant only ever reaches SQL as an escaped literal, a formula only through
 * the formula checker and compiler.
 */
export type ComputedSource = { readonly constant: string } | { readonly formula: string };

/** The SQL type each kind of column is cast to (each dialect spells it). */
export const SQL_TYPES: Readonly<Record<ColumnKind, SqlType>> = {
  text: 'text',
  number: 'double',
  date: 'date',
  timestamp: 'timestamp',
  boolean: 'boolean',
};

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIMESTAMP = /^(\d{4}-\d{2}-\d{2})([ T]\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?)?$/;

function realDate(iso: string): boolean {
  const m = DATE.exec(iso);
  if (m === null) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === iso;
}

/** Whether `value`, as typed, is a value of `kind`: 12.5, 2024-03-01, 2024-03-01 09:30, true. */
export function constantFits(kind: ColumnKind, value: string): boolean {
  const v = value.trim();
  switch (kind) {
    case 'text':
      // The one character no SQL literal can carry; an empty constant is a column left blank.
      return value.trim() !== '' && !value.includes('\u0000');
    case 'number':
      return NUMBER.test(v) && Number.isFinite(Number(v));
    case 'boolean':
      return /^(true|false)$/i.test(v);
    case 'date':
      return realDate(v);
    case 'timestamp': {
      const m = TIMESTAMP.exec(v);
      return m !== null && realDate(m[1]);
    }
  }
}

/** The SQL of a constant: an escaped literal of the canonical type. */
function constantSql(d: Dialect, kind: ColumnKind, value: string): string {
  if (!constantFits(kind, value)) return d.cast('NULL', SQL_TYPES[kind]);
  if (kind === 'text') return d.stringLiteral(value);
  return d.cast(d.stringLiteral(value.trim()), SQL_TYPES[kind]);
}

/** Checks a derived column's formula against the raw table's columns (bare names are its columns). */
export function checkComputedFormula(
  formula: string,
  rawTable: string,
  raw: readonly { readonly name: string; readonly kind: ColumnKind }[],
): CheckedRowFormula {
  return checkRowFormula(formula, {
    name: rawTable,
    columns: raw.map((c) => ({ name: c.name, kind: c.kind })),
  });
}

/**
 * The SQL of a computed column, cast to its canonical type (TRY_CAST, as mapped
 * columns are); NULL typed when the formula has errors (validation reports them).
 */
export function computedSql(
  d: Dialect,
  kind: ColumnKind,
  source: ComputedSource,
  rawTable: string,
  raw: readonly { readonly name: string; readonly kind: ColumnKind }[],
): string {
  if ('constant' in source) return constantSql(d, kind, source.constant);
  const checked = checkComputedFormula(source.formula, rawTable, raw);
  if (!checked.ok) return d.cast('NULL', SQL_TYPES[kind]);
  return d.tryCast(rowFormulaSql(checked, d, d.quoteIdent(rawTable)), SQL_TYPES[kind]);
}
