import type { Table } from 'apache-arrow';
import { type Cell, plainColumn, type Row } from '../engine/rows';

/** Query results for the grids, through the engine boundary's one converter (engine/rows.ts). */

export type CellValue = Cell;
export { arrowToRows } from '../engine/rows';
export type { Row };

/** The first row's value of `column` as a number, for count queries. */
export function firstNumber(table: Table, column: string): number {
  return Number(plainColumn(table, column)[0] ?? 0);
}
