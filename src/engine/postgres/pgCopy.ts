import { DataType, type Table } from 'apache-arrow';

/** How one Arrow column is created and sent: its PostgreSQL type and each value as text. */
interface ColumnCopy {
  sqlType: string;
  text(value: unknown): string | null;
}

const pad = (n: number) => String(n).padStart(2, '0');
function isoOf(ms: number, withTime: boolean): string {
  const d = new Date(ms);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  if (!withTime) return day;
  const ms3 = String(d.getUTCMilliseconds()).padStart(3, '0');
  return `${day} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}.${ms3}`;
}
const asMs = (v: unknown) => (v instanceof Date ? v.getTime() : Number(v));

/** The PostgreSQL column for an Arrow column, with the types DuckDB's import gave it. */
function columnCopy(type: DataType): ColumnCopy {
  const plain = (v: unknown) => String(v);
  if (DataType.isBool(type)) return { sqlType: 'boolean', text: (v) => (v ? 't' : 'f') };
  if (DataType.isInt(type))
    return {
      sqlType: type.bitWidth === 64 ? 'bigint' : type.bitWidth === 32 ? 'integer' : 'smallint',
      text: plain,
    };
  if (DataType.isFloat(type)) return { sqlType: 'double precision', text: plain };
  if (DataType.isDecimal(type)) {
    const divisor = 10 ** type.scale;
    return { sqlType: `numeric(${type.precision}, ${type.scale})`, text: (v) => String(Number(v) / divisor) };
  }
  if (DataType.isDate(type)) return { sqlType: 'date', text: (v) => isoOf(asMs(v), false) };
  if (DataType.isTimestamp(type)) return { sqlType: 'timestamp', text: (v) => isoOf(asMs(v), true) };
  return { sqlType: 'text', text: plain };
}

/** Rows per INSERT: each column travels as one array parameter. */
const BATCH = 5_000;

/** A statement and its parameters, for the engine's client to run in order. */
export interface Statement {
  text: string;
  values?: unknown[];
}

/**
 * The statements that create `name` with `table`'s columns, fill it and ANALYZE it: one INSERT … SELECT
 * FROM unnest() per batch, each column one text[] parameter cast to its type, so no value
 * is ever spliced into SQL text.
 */
export function copyStatements(name: string, table: Table, quoteIdent: (s: string) => string): Statement[] {
  const fields = table.schema.fields.map((f) => ({ name: f.name, copy: columnCopy(f.type) }));
  const target = quoteIdent(name);
  const out: Statement[] = [
    { text: `DROP TABLE IF EXISTS ${target}` },
    {
      text: `CREATE TABLE ${target} (${fields.map((f) => `${quoteIdent(f.name)} ${f.copy.sqlType}`).join(', ')})`,
    },
  ];
  if (fields.length === 0) return out;
  const columns = fields.map((f) => quoteIdent(f.name)).join(', ');
  const unnest = fields.map((f, i) => `CAST($${i + 1} AS text[])::${f.copy.sqlType}[]`).join(', ');
  for (let start = 0; start < table.numRows; start += BATCH) {
    const end = Math.min(table.numRows, start + BATCH);
    const values = fields.map((f) => {
      const vector = table.getChild(f.name);
      const texts: (string | null)[] = [];
      for (let i = start; i < end; i++) {
        const v = vector?.get(i);
        texts.push(v == null ? null : f.copy.text(v));
      }
      return texts;
    });
    out.push({ text: `INSERT INTO ${target} (${columns}) SELECT * FROM unnest(${unnest})`, values });
  }
  // Statistics now, so the first scorecard is planned on the table's real size.
  out.push({ text: `ANALYZE ${target}` });
  return out;
}
