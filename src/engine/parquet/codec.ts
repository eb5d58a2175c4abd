/**
 * DuckDB-WASM's own Parquet support is an extension it would download, so Parquet
 * goes through parquet-wasm instead (DESIGN.md). The Node and browser builds of
 * parquet-wasm load differently; both sit behind this shape.
 */
export interface ParquetCodec {
  /** Parquet file bytes → Arrow IPC stream. Throws on a malformed file. */
  toArrowIPC(parquet: Uint8Array): Uint8Array;
  /** Arrow IPC stream → Parquet bytes (ZSTD). */
  fromArrowIPC(ipc: Uint8Array): Uint8Array;
}

type ParquetWasm = typeof import('parquet-wasm/esm');

export function codecFrom(
  pw: Pick<ParquetWasm, 'readParquet' | 'writeParquet' | 'Table' | 'WriterPropertiesBuilder' | 'Compression'>,
): ParquetCodec {
  return {
    toArrowIPC(parquet) {
      return pw.readParquet(parquet).intoIPCStream();
    },
    fromArrowIPC(ipc) {
      const props = new pw.WriterPropertiesBuilder().setCompression(pw.Compression.ZSTD).build();
      return pw.writeParquet(pw.Table.fromIPCStream(ipc), props);
    },
  };
}
