/// <reference lib="webworker" />
import init, * as pw from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { codecFrom, type ParquetLimits } from './codec';
import { checkThenDecode, ParquetLimitError } from './limits';

/**
 * Checks and decodes one Parquet file off the page's thread. The page starts a worker per
 * file and ends it after: parquet-wasm's memory, which never shrinks, goes with it.
 */
export type DecodeRequest = { parquet: Uint8Array; limits: ParquetLimits };
export type DecodeReply =
  | { ok: true; ipc: Uint8Array }
  | { ok: false; over: ParquetLimitError['over'] }
  | { ok: false; error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (e: MessageEvent<DecodeRequest>) => {
  let reply: DecodeReply;
  try {
    await init({ module_or_path: wasmUrl });
    const ipc = await checkThenDecode(codecFrom(pw), e.data.parquet, e.data.limits);
    reply = { ok: true, ipc };
  } catch (err) {
    reply =
      err instanceof ParquetLimitError
        ? { ok: false, over: err.over }
        : { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
  scope.postMessage(reply, reply.ok ? [reply.ipc.buffer] : []);
};
