import { DataType, type Table, tableFromIPC } from 'apache-arrow';
import type { ParquetCodec, ParquetLimits } from './codec';

/**
 * Limits on what a Parquet file may unpack to, checked before its data is decoded. An 8 KB
 * file declaring one long string a million times decoded to 4.4 GB on the page's thread;
 * its footer says the rows, and its first rows say how wide each one is once decoded.
 */
const MiB = 1024 * 1024;

/** About the most a tab's DuckDB holds (DESIGN.md: ~20M deals rows, a 3.1 GiB heap). */
export const PARQUET_LIMITS: ParquetLimits = { maxRows: 20_000_000, maxBytes: 1536 * MiB };

/** Rows decoded to measure how wide a row is. */
const SAMPLE_ROWS = 1024;

type ParquetOverLimit = { what: 'rows' | 'bytes' | 'decoded'; amount: number; limit: number };

/** A file over a limit; `over` says which, with the declared or estimated amount. */
export class ParquetLimitError extends Error {
  constructor(readonly over: ParquetOverLimit) {
    super(`Parquet file over its ${over.what} limit: ${over.amount} > ${over.limit}`);
    this.name = 'ParquetLimitError';
  }
}

/** Bytes the sampled rows take once every value is spelled out (dictionaries expanded). */
function flatBytes(table: Table): number {
  let total = 0;
  for (const field of table.schema.fields) {
    const column = table.getChild(field.name);
    if (column === null) continue;
    const type = DataType.isDictionary(field.type) ? field.type.dictionary : field.type;
    if (DataType.isUtf8(type) || DataType.isBinary(type) || DataType.isLargeUtf8(type)) {
      for (let i = 0; i < column.length; i++) {
        const v: unknown = column.get(i);
        total += 4 + (typeof v === 'string' || v instanceof Uint8Array ? v.length : 0);
      }
    } else
      total += column.length * Math.max(1, Math.ceil((type as { bitWidth?: number }).bitWidth ?? 64) / 8);
  }
  return total;
}

/** Refuses, before decoding, a file whose footer or first rows say it is too big. */
export async function checkParquet(
  codec: ParquetCodec,
  parquet: Uint8Array,
  limits: ParquetLimits = PARQUET_LIMITS,
): Promise<void> {
  const { rows, uncompressedBytes } = await codec.footer(parquet);
  if (rows > limits.maxRows)
    throw new ParquetLimitError({ what: 'rows', amount: rows, limit: limits.maxRows });
  if (uncompressedBytes > limits.maxBytes)
    throw new ParquetLimitError({ what: 'bytes', amount: uncompressedBytes, limit: limits.maxBytes });
  if (rows === 0) return;
  const sample = tableFromIPC(codec.toArrowIPC(parquet, Math.min(rows, SAMPLE_ROWS)));
  if (sample.numRows === 0) return;
  const estimate = Math.round((flatBytes(sample) / sample.numRows) * rows);
  if (estimate > limits.maxBytes)
    throw new ParquetLimitError({ what: 'decoded', amount: estimate, limit: limits.maxBytes });
}

/** Checks, then decodes where it is called: the worker's body, and Node's whole path. */
export async function checkThenDecode(
  codec: ParquetCodec,
  parquet: Uint8Array,
  limits: ParquetLimits,
): Promise<Uint8Array> {
  await checkParquet(codec, parquet, limits);
  return codec.toArrowIPC(parquet);
}

/** Parquet bytes → Arrow IPC, refused first when over the limits; off the page's thread in the browser. */
export function decodeParquet(
  codec: ParquetCodec,
  parquet: Uint8Array,
  limits: ParquetLimits = PARQUET_LIMITS,
): Promise<Uint8Array> {
  return codec.decodeOffThread?.(parquet, limits) ?? checkThenDecode(codec, parquet, limits);
}
