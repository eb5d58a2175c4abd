import { DataType, type Table } from 'apache-arrow';

/** A cell as the rest of the app sees it: no bigint, no epoch numbers for dates. */
export type Cell = string | number | boolean | null;
export type Row = Record<string, Cell>;

type Convert = (v: unknown) => Cell;

const pad = (n: number) => String(n).padStart(2, '0');
const isoDate = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};
const isoTimestamp = (ms: number) => {
  const d = new Date(ms);
  return `${isoDate(ms)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

function converterFor(type: DataType): Convert {
  if (DataType.isDate(type)) return (v) => (v == null ? null : isoDate(Number(v)));
  if (DataType.isTimestamp(type)) return (v) => (v == null ? null : isoTimestamp(Number(v)));
  if (DataType.isInt(type) || DataType.isFloat(type) || DataType.isDecimal(type))
    return (v) => (v == null ? null : Number(v));
  if (DataType.isBool(type)) return (v) => (v == null ? null : Boolean(v));
  return (v) => (v == null ? null : typeof v === 'bigint' ? Number(v) : String(v));
}

/** Converts an Arrow result once, at the engine boundary (DESIGN.md: BIGINT and DATE traps). */
export function tableToRows(table: Table): Row[] {
  const fields = table.schema.fields;
  const columns = fields.map((f) => ({
    name: f.name,
    convert: converterFor(f.type),
    vector: table.getChild(f.name),
  }));
  const out: Row[] = new Array(table.numRows);
  for (let i = 0; i < table.numRows; i++) {
    const row: Row = {};
    for (const c of columns) row[c.name] = c.convert(c.vector?.get(i));
    out[i] = row;
  }
  return out;
}
