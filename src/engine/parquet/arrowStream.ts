import { RecordBatchStreamWriter, Table, tableToIPC } from 'apache-arrow';

/** The longest the page's thread is held between two pauses, in milliseconds. */
const SLICE_MS = 20;

/** Bytes of stream per chunk handed over: small enough to copy within a slice. */
const CHUNK_BYTES = 4 * 1024 * 1024;

function sameArrow(table: Table): void {
  // A table built by another loaded copy of apache-arrow (duckdb-wasm's Node build
  // require()s its own) fails the writer's instanceof checks and would silently
  // serialise to an empty stream, losing the data.
  if (!(table instanceof Table))
    throw new Error(
      'The engine returned an Arrow table from another copy of apache-arrow; it cannot be saved.',
    );
}

/** A table as one Arrow IPC stream, written in one go (Node, and the page's fallback). */
export function ipcStream(table: Table): Uint8Array {
  sameArrow(table);
  return tableToIPC(table, 'stream');
}

/**
 * The stream writer, handing each piece it writes to `take` at once. The stock writer
 * queues pieces for an async reader that drains them only when the page yields, so a
 * slice's copying landed after the slice's clock had stopped (tasks of 0.5–1.4 s).
 */
class PieceWriter extends RecordBatchStreamWriter {
  constructor(private readonly take: (piece: Uint8Array) => void) {
    super();
  }

  protected override _write(chunk: unknown): this {
    if (!this._started) return this;
    // Every piece apache-arrow's writer writes is a typed array; anything else would be lost.
    if (!ArrayBuffer.isView(chunk)) throw new Error('The Arrow writer wrote something other than bytes.');
    if (chunk.byteLength === 0) return this;
    this.take(new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength));
    this._position += chunk.byteLength;
    return this;
  }
}

/**
 * A table as an Arrow IPC stream handed to `send` in chunks of fresh memory (each the
 * receiver's to transfer), written a few record batches at a time with a pause between,
 * so the page keeps painting. A million rows written in one go held the page's thread
 * for about four seconds; joining them into one 83 MB array on the page took 1.3 s and
 * copying that to a worker another second (2026-12-03, bench `export`).
 */
export async function ipcChunks(
  table: Table,
  send: (chunk: Uint8Array) => void,
  chunkBytes = CHUNK_BYTES,
): Promise<void> {
  sameArrow(table);
  // No batches, no schema from them: the one-go writer writes the table's own.
  if (table.batches.length === 0) {
    send(tableToIPC(table, 'stream'));
    return;
  }
  let chunk = new Uint8Array(chunkBytes);
  let used = 0;
  const flush = () => {
    if (used === 0) return;
    send(used === chunk.byteLength ? chunk : chunk.slice(0, used));
    chunk = new Uint8Array(chunkBytes);
    used = 0;
  };
  // Pieces are views of the table's own buffers: copied out, never handed over.
  const take = (piece: Uint8Array) => {
    if (used + piece.byteLength > chunkBytes) flush();
    if (piece.byteLength >= chunkBytes) send(piece.slice());
    else {
      chunk.set(piece, used);
      used += piece.byteLength;
    }
  };
  const writer = new PieceWriter(take);
  let slice = performance.now();
  for (const batch of table.batches) {
    writer.write(batch);
    if (performance.now() - slice > SLICE_MS) {
      await new Promise((r) => setTimeout(r, 0));
      slice = performance.now();
    }
  }
  writer.finish();
  flush();
}
