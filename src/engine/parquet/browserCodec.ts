import init, * as pw from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { ipcStream } from './arrowStream';
import { codecFrom, type ParquetCodec, type ParquetLimits } from './codec';
import type { DecodeReply, DecodeRequest } from './decodeWorker';
import { ParquetLimitError } from './limits';
import { workerEncoder } from './workerEncoder';

let ready: Promise<ParquetCodec> | undefined;

/** Checks and decodes in a worker of its own, so a big or hostile file never holds up the page. */
function decodeOffThread(parquet: Uint8Array, limits: ParquetLimits): Promise<Uint8Array> {
  const worker = new Worker(new URL('./decodeWorker.ts', import.meta.url), { type: 'module' });
  return new Promise<Uint8Array>((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<DecodeReply>) => {
      const r = e.data;
      if (r.ok) resolve(r.ipc);
      else reject('over' in r ? new ParquetLimitError(r.over) : new Error(r.error));
    };
    worker.onerror = (e) => reject(new Error(e.message || 'The Parquet reader stopped.'));
    // A copy goes over: the caller's bytes stay usable (re-reads, error messages).
    const request: DecodeRequest = { parquet: parquet.slice(), limits };
    worker.postMessage(request, [request.parquet.buffer]);
  }).finally(() => worker.terminate());
}

/** Loaded on first use so the wasm stays out of first paint. */
export function loadBrowserParquet(): Promise<ParquetCodec> {
  ready ??= init({ module_or_path: wasmUrl }).then(() => {
    const here = codecFrom(pw);
    // The workbook's Save encodes here: a million rows held the page's thread for seconds.
    const encodeOffThread = workerEncoder(async (table) => here.fromArrowIPC(ipcStream(table)));
    return { ...here, decodeOffThread, encodeOffThread };
  });
  return ready;
}
