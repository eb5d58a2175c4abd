import {
  DataType,
  Field,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  Timestamp,
  tableFromIPC,
  tableToIPC,
} from 'apache-arrow';
import type { Engine } from '../engine';
import { decodeParquet, ParquetLimitError } from '../parquet/limits';
import { importError } from './types';

/**
 * DuckDB without ICU hangs on zoned timestamps (DESIGN.md), so a zoned Arrow
 * timestamp is relabelled as a plain (UTC) timestamp before DuckDB sees it; the
 * stored instants do not change.
 */
function withoutTimeZones(ipc: Uint8Array): Uint8Array {
  const table = tableFromIPC(ipc);
  const zoned = (f: Field) => DataType.isTimestamp(f.type) && Boolean(f.type.timezone);
  if (!table.schema.fields.some(zoned)) return ipc;
  const fields = table.schema.fields.map((f) =>
    zoned(f) ? new Field(f.name, new Timestamp((f.type as Timestamp).unit), f.nullable, f.metadata) : f,
  );
  const schema = new Schema(fields, table.schema.metadata);
  const batches = table.batches.map((b) => {
    const children = b.data.children.map((child, i) =>
      zoned(table.schema.fields[i])
        ? makeData({
            type: fields[i].type as Timestamp,
            offset: child.offset,
            length: child.length,
            nullCount: child.nullCount,
            data: child.values,
            nullBitmap: child.nullBitmap,
          })
        : child,
    );
    return new RecordBatch(schema, makeData({ type: new Struct(fields), length: b.numRows, children }));
  });
  return tableToIPC(new Table(schema, batches), 'stream');
}

export async function stageParquet(engine: Engine, fileName: string, bytes: Uint8Array, staging: string) {
  if (bytes.length === 0) throw importError('empty-file', { file: fileName });
  const codec = await engine.loadParquet();
  let ipc: Uint8Array;
  try {
    ipc = await decodeParquet(codec, bytes);
  } catch (err) {
    if (err instanceof ParquetLimitError) throw importError('over-limit', { file: fileName, ...err.over });
    const msg = err instanceof Error ? err.message : String(err);
    throw importError('unreadable-parquet', { file: fileName, detail: msg });
  }
  await engine.insertArrowIPC(staging, withoutTimeZones(ipc));
}
