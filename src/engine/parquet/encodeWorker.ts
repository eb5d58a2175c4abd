import { loadBrowserParquet } from './browserCodec';
import type { EncodeReply, EncodeRequest } from './encodeMessages';

/**
 * Encodes Arrow IPC to Parquet off the page's thread: ZSTD over a large table takes
 * long enough to stall typing if done where the page runs.
 */
const scope = globalThis as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (e: MessageEvent<EncodeRequest>) => {
  const { id, ipc } = e.data;
  try {
    const bytes = (await loadBrowserParquet()).fromArrowIPC(ipc);
    scope.postMessage({ id, bytes } satisfies EncodeReply, [bytes.buffer]);
  } catch (err) {
    scope.postMessage({ id, error: err instanceof Error ? err.message : String(err) } satisfies EncodeReply);
  }
};
