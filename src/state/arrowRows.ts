import { DataType, type Table } from 'apache-arrow';
import type { ColumnKind } from '../core/model/columnKind';
import { type Cell, plainColumn, type Row, tableToRows } from '../engine/rows';

/**
 * Query results for the grids, through the engine boundary's one converter: DATE and
 * TIMESTAMP stay epoch milliseconds, with each column's kind recorded so they are
 * displayed as dates.
 */

export type CellValue = Cell;
export type { Row };

interface RowsResult {
  columns: { name: string; kind: ColumnKind }[];
  rows: Row[];
}

function kindOfArrowType(type: DataType): ColumnKind {
  if (DataType.isDate(type)) return 'date';
  if (DataType.isTimestamp(type)) return 'timestamp';
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) return 'number';
  if (DataType.isBool(type)) return 'boolean';
  return 'text';
}

export function arrowToRows(table: Table): RowsResult {
  const columns = table.schema.fields.map((f) => ({ name: f.name, kind: kindOfArrowType(f.type) }));
  return { columns, rows: tableToRows(table, 'epoch') };
}

/** The first row's value of `column` as a number, for count queries. */
export function firstNumber(table: Table, column: string): number {
  return Number(plainColumn(table, column)[0] ?? 0);
}
