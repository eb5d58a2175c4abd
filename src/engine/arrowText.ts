import { Field, makeData, RecordBatch, Schema, Struct, Table, tableToIPC, Utf8 } from 'apache-arrow';

/**
 * Text columns as an Arrow IPC stream, built straight from their bytes. Arrow's
 * builders (behind tableFromArrays for strings) compile a function with `new
 * Function`, which the page's Content-Security-Policy rightly forbids.
 */
export function textColumnsToIPC(columns: Record<string, ReadonlyArray<string | null>>): Uint8Array {
  const encoder = new TextEncoder();
  const names = Object.keys(columns);
  const length = names.length === 0 ? 0 : columns[names[0]].length;
  const children = names.map((name) => {
    const values = columns[name];
    const encoded = values.map((v) => (v === null ? null : encoder.encode(v)));
    const valueOffsets = new Int32Array(length + 1);
    let total = 0;
    for (let i = 0; i < length; i++) {
      total += encoded[i]?.length ?? 0;
      valueOffsets[i + 1] = total;
    }
    const data = new Uint8Array(total);
    const nullBitmap = new Uint8Array(Math.ceil(length / 8));
    let nullCount = 0;
    for (let i = 0; i < length; i++) {
      const bytes = encoded[i];
      if (bytes === null) nullCount++;
      else {
        data.set(bytes, valueOffsets[i]);
        nullBitmap[i >> 3] |= 1 << (i & 7);
      }
    }
    return makeData({ type: new Utf8(), length, nullCount, valueOffsets, data, nullBitmap });
  });
  const fields = names.map((name) => new Field(name, new Utf8(), true));
  const schema = new Schema(fields);
  const batch = new RecordBatch(
    schema,
    makeData({ type: new Struct(fields), length, children, nullCount: 0 }),
  );
  return tableToIPC(new Table(schema, [batch]), 'stream');
}
