import { DataType, Table, tableFromIPC, tableToIPC, type Vector, vectorFromArray } from 'apache-arrow';

/**
 * DuckDB leaves whatever bytes it had under a NULL date, and ClickHouse range-checks a
 * Date32 or DateTime64 before it looks at the NULL mask ("value … is out of the allowed
 * Date32 range"). Date columns with blanks are rebuilt, so a blank holds zero.
 */
export function cleanNullDates(ipc: Uint8Array): Uint8Array {
  const table = tableFromIPC(ipc);
  const dirty = table.schema.fields.filter(
    (f) =>
      (DataType.isDate(f.type) || DataType.isTimestamp(f.type)) &&
      (table.getChild(f.name)?.nullCount ?? 0) > 0,
  );
  if (dirty.length === 0) return ipc;
  const columns: Record<string, Vector> = {};
  for (const f of table.schema.fields) {
    const vector = table.getChild(f.name) as Vector;
    columns[f.name] = dirty.includes(f) ? (vectorFromArray([...vector], f.type) as Vector) : vector;
  }
  return tableToIPC(new Table(columns), 'stream');
}
