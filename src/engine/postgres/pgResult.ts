import {
  Bool,
  type DataType,
  DateDay,
  Float64,
  Int32,
  Table,
  TimestampMillisecond,
  tableFromArrays,
  Utf8,
  type Vector,
  vectorFromArray,
} from 'apache-arrow';

/** PostgreSQL type OIDs (pg_type.oid, fixed for built-in types) this module reads. */
const OID = {
  bool: 16,
  int8: 20,
  int2: 21,
  int4: 23,
  float4: 700,
  float8: 701,
  numeric: 1700,
  date: 1082,
  timestamp: 1114,
  timestamptz: 1184,
} as const;

type Parse = (text: string) => unknown;

/** ISO text of a date or timestamp (the session runs in UTC) as epoch milliseconds. */
function epochMs(text: string): number {
  // "2024-01-02 03:04:05.123456+00": JavaScript reads at most milliseconds and a Z.
  const m = /^(\d{4,}-\d\d-\d\d)(?:[ T](\d\d:\d\d:\d\d)(\.\d{1,3})?\d*)?/.exec(text);
  if (m === null) return Number.NaN;
  return Date.parse(`${m[1]}T${m[2] ?? '00:00:00'}${m[3] ?? ''}Z`);
}

/**
 * The Arrow type each column arrives as, chosen so src/engine/rows.ts reads the app's
 * cells: counts and sums as numbers, dates as dates, everything else as text. BIGINT and
 * NUMERIC become DOUBLE, as DuckDB's results are read (rows.ts turns both into numbers).
 */
function columnType(oid: number): { type: DataType; parse: Parse } {
  switch (oid) {
    case OID.bool:
      return { type: new Bool(), parse: (t) => t === 't' };
    case OID.int2:
    case OID.int4:
      return { type: new Int32(), parse: (t) => Number(t) };
    case OID.int8:
    case OID.float4:
    case OID.float8:
    case OID.numeric:
      return { type: new Float64(), parse: (t) => Number(t) };
    case OID.date:
      return { type: new DateDay(), parse: epochMs };
    case OID.timestamp:
    case OID.timestamptz:
      return { type: new TimestampMillisecond(), parse: epochMs };
    default:
      return { type: new Utf8(), parse: (t) => t };
  }
}

/** A result as pg gives it with every value left as text (rowMode 'array'). */
export interface TextResult {
  fields: readonly { name: string; dataTypeID: number }[];
  rows: readonly (readonly (string | null)[])[];
}

/** The result as an Arrow table typed by the columns' PostgreSQL types. */
export function resultTable(result: TextResult): Table {
  if (result.fields.length === 0) return tableFromArrays({});
  const columns: Record<string, Vector> = {};
  result.fields.forEach((field, i) => {
    const { type, parse } = columnType(field.dataTypeID);
    const values = result.rows.map((row) => (row[i] === null ? null : parse(row[i] as string)));
    columns[field.name] = vectorFromArray(values, type) as Vector;
  });
  return new Table(columns);
}
