import { RecordBatchStreamWriter, type Table, tableToIPC } from 'apache-arrow';

/** The longest the page's thread is held between two pauses, in milliseconds. */
const SLICE_MS = 40;

/**
 * A table as one Arrow IPC stream (what the Parquet worker encodes), written a few record
 * batches at a time with a pause between, so the page keeps painting: a million rows
 * written in one go held the page's thread for about four seconds.
 */
export async function ipcInSlices(table: Table): Promise<Uint8Array> {
  // No batches, no schema from them: the one-go writer writes the table's own.
  if (table.batches.length === 0) return tableToIPC(table, 'stream');
  const writer = new RecordBatchStreamWriter();
  // The writer's own toUint8Array took seconds to join a million rows' thousands of pieces.
  const pieces: Uint8Array[] = [];
  const drained = (async () => {
    for await (const piece of writer) pieces.push(piece);
  })();
  let slice = performance.now();
  for (const batch of table.batches) {
    writer.write(batch);
    if (performance.now() - slice > SLICE_MS) {
      await new Promise((r) => setTimeout(r, 0));
      slice = performance.now();
    }
  }
  writer.finish();
  await drained;
  const out = new Uint8Array(pieces.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
