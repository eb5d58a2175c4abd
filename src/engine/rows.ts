import { DataType, type Table } from 'apache-arrow';
import type { ColumnKind } from '../core/model/columnKind';

/**
 * A cell as the rest of the app sees it: no bigint, no epoch numbers for dates.
 * Arrow results are converted here, once, at the engine boundary (DESIGN.md).
 */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

type Convert = (v: unknown) => Cell;

const pad = (n: number) => String(n).padStart(2, '0');
const asMs = (v: unknown) => (v instanceof Date ? v.getTime() : Number(v));
const isoDate = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const isoTimestamp = (ms: number) => {
  const d = new Date(ms);
  return `${isoDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

/**
 * A DECIMAL arrives as its unscaled integer (60.0 as DECIMAL(18,1) is 600), and DuckDB's
 * HUGEINT as DECIMAL(38,0). Arrow's own number conversion throws past 2^53, so the exact
 * digits are read as text, the point put back, and the text rounded once to a double.
 */
function decimalNumber(unscaled: string, scale: number): number {
  if (scale === 0) return Number(unscaled);
  const negative = unscaled.startsWith('-');
  const digits = (negative ? unscaled.slice(1) : unscaled).padStart(scale + 1, '0');
  return Number(`${negative ? '-' : ''}${digits.slice(0, -scale)}.${digits.slice(-scale)}`);
}

/** How dates come out: ISO text (reports, the CLI) or epoch milliseconds (grids that format them). */
type DateCells = 'iso' | 'epoch';

function converterFor(type: DataType, dates: DateCells): Convert {
  if (dates === 'epoch' && (DataType.isDate(type) || DataType.isTimestamp(type)))
    return (v) => (v == null ? null : asMs(v));
  if (DataType.isDate(type)) return (v) => (v == null ? null : isoDate(asMs(v)));
  if (DataType.isTimestamp(type)) return (v) => (v == null ? null : isoTimestamp(asMs(v)));
  if (DataType.isDecimal(type)) {
    const scale = type.scale;
    return (v) => (v == null ? null : decimalNumber(String(v), scale));
  }
  if (DataType.isInt(type) || DataType.isFloat(type))
    return (v) => {
      const n = v == null ? null : Number(v);
      return n === null || Number.isNaN(n) ? null : n;
    };
  if (DataType.isBool(type)) return (v) => (v == null ? null : Boolean(v));
  return (v) => (v == null ? null : typeof v === 'bigint' ? Number(v) : String(v));
}

/** One column as plain cells; a missing column is all blanks. */
export function plainColumn(table: Table, name: string, dates: DateCells = 'iso'): Cell[] {
  const vector = table.getChild(name);
  if (vector === null) return new Array(table.numRows).fill(null);
  const convert = converterFor(vector.type, dates);
  const out: Cell[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) out[i] = convert(vector.get(i));
  return out;
}

export function tableToRows(table: Table, dates: DateCells = 'iso'): Row[] {
  const columns = table.schema.fields.map((f) => ({
    name: f.name,
    cells: plainColumn(table, f.name, dates),
  }));
  const out: Row[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    // No prototype, so a column named `__proto__` keeps its value (on a plain object,
    // assigning it would be ignored) and no column can shadow an inherited method.
    const row: Row = Object.create(null);
    for (const c of columns) row[c.name] = c.cells[i];
    out[i] = row;
  }
  return out;
}

function kindOfArrowType(type: DataType): ColumnKind {
  if (DataType.isDate(type)) return 'date';
  if (DataType.isTimestamp(type)) return 'timestamp';
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type)) return 'number';
  if (DataType.isBool(type)) return 'boolean';
  return 'text';
}

/**
 * Query results for grids and notebook cells: DATE and TIMESTAMP stay epoch milliseconds,
 * with each column's kind recorded so they are displayed as dates.
 */
export function arrowToRows(table: Table): { columns: { name: string; kind: ColumnKind }[]; rows: Row[] } {
  const columns = table.schema.fields.map((f) => ({ name: f.name, kind: kindOfArrowType(f.type) }));
  return { columns, rows: tableToRows(table, 'epoch') };
}
