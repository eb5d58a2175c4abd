import init, * as pw from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { codecFrom, type ParquetCodec } from './codec';

let ready: Promise<ParquetCodec> | undefined;

/** Loaded on first use so the wasm stays out of first paint. */
export function loadBrowserParquet(): Promise<ParquetCodec> {
  ready ??= init({ module_or_path: wasmUrl }).then(() => codecFrom(pw));
  return ready;
}
