import init, * as pw from 'parquet-wasm/esm';
import wasmUrl from 'parquet-wasm/esm/parquet_wasm_bg.wasm?url';
import { codecFrom } from './codec';
import type { EncodeReply, EncodeRequest } from './encodeMessages';

/**
 * Encodes Arrow IPC to Parquet off the page's thread: ZSTD over a large table takes
 * long enough to stall typing if done where the page runs. The stream arrives in chunks
 * and is joined here, where a second of copying holds up no one.
 */
const scope = globalThis as unknown as DedicatedWorkerGlobalScope;
const arriving = new Map<number, Uint8Array[]>();
let ready: Promise<unknown> | undefined;

function joined(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

scope.onmessage = async (e: MessageEvent<EncodeRequest>) => {
  const request = e.data;
  const chunks = arriving.get(request.id) ?? [];
  if ('chunk' in request) {
    chunks.push(request.chunk);
    arriving.set(request.id, chunks);
    return;
  }
  arriving.delete(request.id);
  const { id } = request;
  try {
    ready ??= init({ module_or_path: wasmUrl });
    await ready;
    const bytes = codecFrom(pw).fromArrowIPC(joined(chunks));
    scope.postMessage({ id, bytes } satisfies EncodeReply, [bytes.buffer]);
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies EncodeReply);
  }
};
