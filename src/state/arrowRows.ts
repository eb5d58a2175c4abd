import { DataType, type Table } from 'apache-arrow';
import type { ColumnKind } from '../engine/ingest/types';

/**
 * The one place Arrow results become plain rows for the UI: BIGINT becomes number,
 * DATE and TIMESTAMP stay epoch milliseconds (with their kind recorded so they are
 * displayed as dates), NULL stays null.
 */

export type CellValue = string | number | boolean | null;
export type Row = Record<string, CellValue>;

export interface RowsResult {
  columns: { name: string; kind: ColumnKind }[];
  rows: Row[];
}

export function kindOfArrowType(type: DataType): ColumnKind {
  if (DataType.isDate(type)) return 'date';
  if (DataType.isTimestamp(type)) return 'timestamp';
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) return 'number';
  if (DataType.isBool(type)) return 'boolean';
  return 'text';
}

export function toCell(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return v.getTime();
  return String(v);
}

export function arrowToRows(table: Table): RowsResult {
  const fields = table.schema.fields;
  const columns = fields.map((f) => ({ name: f.name, kind: kindOfArrowType(f.type) }));
  const vectors = fields.map((_, i) => table.getChildAt(i));
  // A DECIMAL arrives as its unscaled integer (60.0 as DECIMAL(18,1) is 600).
  const divisors = fields.map((f) => (DataType.isDecimal(f.type) ? 10 ** f.type.scale : 1));
  const rows: Row[] = [];
  for (let r = 0; r < table.numRows; r++) {
    const row: Row = {};
    for (let c = 0; c < fields.length; c++) {
      const vec = vectors[c];
      let v = toCell(vec ? vec.get(r) : null);
      // Decimal values print as raw words; the number is what the reader wants.
      if (columns[c].kind === 'number' && typeof v === 'string') v = Number(v);
      if (typeof v === 'number' && divisors[c] !== 1) v /= divisors[c];
      row[fields[c].name] = v;
    }
    rows.push(row);
  }
  return { columns, rows };
}

/** The first row's value of `column` as a number, for count queries. */
export function firstNumber(table: Table, column: string): number {
  const v = toCell(table.getChild(column)?.get(0));
  return typeof v === 'number' ? v : Number(v ?? 0);
}
