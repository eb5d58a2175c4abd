import type { Table } from 'apache-arrow';
import { ipcStream } from './arrowStream';

/**
 * DuckDB-WASM's own Parquet support is an extension it would download, so Parquet
 * goes through parquet-wasm instead (DESIGN.md). The Node and browser builds of
 * parquet-wasm load differently; both sit behind this shape.
 */
export interface ParquetCodec {
  /** Parquet file bytes → Arrow IPC stream; `limit` reads only the first rows. Throws on a malformed file. */
  toArrowIPC(parquet: Uint8Array, limit?: number): Uint8Array;
  /** Arrow IPC stream → Parquet bytes (ZSTD). */
  fromArrowIPC(ipc: Uint8Array): Uint8Array;
  /** What the file's footer declares, read without decoding any data. */
  footer(parquet: Uint8Array): Promise<ParquetFooter>;
  /**
   * Checks and decodes off the page's thread (the browser's worker), with the same code
   * and limits as decodeParquet runs in place in Node.
   */
  decodeOffThread?(parquet: Uint8Array, limits: ParquetLimits): Promise<Uint8Array>;
  /** A table → Parquet bytes (ZSTD) off the page's thread (the browser's worker). */
  encodeOffThread?(table: Table): Promise<Uint8Array>;
}

/** Limits on what a Parquet file may unpack to, checked before its data is decoded. */
export interface ParquetLimits {
  maxRows: number;
  /** Uncompressed bytes the footer may declare, and bytes the rows may decode to. */
  maxBytes: number;
}

export interface ParquetFooter {
  rows: number;
  /** Sum of the row groups' uncompressed sizes. */
  uncompressedBytes: number;
}

/** A table → Parquet bytes: in the codec's worker where it has one, else where it is called. */
export async function encodeTable(codec: ParquetCodec, table: Table): Promise<Uint8Array> {
  return codec.encodeOffThread?.(table) ?? codec.fromArrowIPC(ipcStream(table));
}

type ParquetWasm = typeof import('parquet-wasm/esm');

export function codecFrom(
  pw: Pick<
    ParquetWasm,
    'readParquet' | 'writeParquet' | 'Table' | 'WriterPropertiesBuilder' | 'Compression' | 'ParquetFile'
  >,
): ParquetCodec {
  return {
    toArrowIPC(parquet, limit) {
      return pw.readParquet(parquet, limit === undefined ? undefined : { limit }).intoIPCStream();
    },
    fromArrowIPC(ipc) {
      const props = new pw.WriterPropertiesBuilder().setCompression(pw.Compression.ZSTD).build();
      return pw.writeParquet(pw.Table.fromIPCStream(ipc), props);
    },
    async footer(parquet) {
      const file = await pw.ParquetFile.fromFile(new Blob([parquet as Uint8Array<ArrayBuffer>]));
      try {
        const meta = file.metadata();
        let uncompressedBytes = 0;
        for (const g of meta.rowGroups()) uncompressedBytes += g.totalByteSize();
        return { rows: meta.fileMetadata().numRows(), uncompressedBytes };
      } finally {
        file.free();
      }
    },
  };
}
