import { createRequire } from 'node:module';
import { codecFrom, type ParquetCodec } from './codec';

const require = createRequire(import.meta.url);

export function loadNodeParquet(): ParquetCodec {
  // The node build initialises its wasm synchronously on require.
  return codecFrom(require('parquet-wasm/node'));
}
