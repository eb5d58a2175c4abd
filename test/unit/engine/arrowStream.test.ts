import { makeTable, Table, tableFromIPC, tableToIPC, Utf8, vectorFromArray } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ipcChunks } from '../../../src/engine/parquet/arrowStream';

/** A table of 30 record batches, 30,000 rows with Persian text. */
function batched(): Table {
  const part = (from: number) =>
    new Table({
      id: vectorFromArray(Int32Array.from({ length: 1000 }, (_, i) => from + i)),
      // Plain text, not a dictionary: every batch then has the same schema.
      name: vectorFromArray(
        Array.from({ length: 1000 }, (_, i) => `نام ${from + i}`),
        new Utf8(),
      ),
    }).batches;
  return new Table(Array.from({ length: 30 }, (_, i) => part(i * 1000)).flat());
}

async function chunksOf(table: Table, chunkBytes?: number): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = [];
  await ipcChunks(table, (c) => chunks.push(c), chunkBytes);
  return chunks;
}

function joined(chunks: Uint8Array[]): Buffer {
  return Buffer.concat(chunks.map((c) => Buffer.from(c.buffer, c.byteOffset, c.byteLength)));
}

describe('ipcChunks', () => {
  it('hands over, in order, the stream the one-go writer writes, over many batches', async () => {
    const table = batched();
    expect(table.batches.length).toBe(30);
    const chunks = await chunksOf(table, 64 * 1024);
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    // Compared as bytes in one go: an element-wise deep comparison of a megabyte is slow.
    expect(joined(chunks).equals(Buffer.from(tableToIPC(table, 'stream')))).toBe(true);
    const back = tableFromIPC(joined(chunks));
    expect(back.numRows).toBe(30_000);
    expect(back.get(29_999)?.toJSON()).toEqual({ id: 29_999, name: 'نام 29999' });
  });

  // Pieces here are at most 13 KB (a batch's column), under the chunk size.
  it('hands over chunks of their own memory, none over the size, so each can be transferred', async () => {
    const table = batched();
    const chunks = await chunksOf(table, 64 * 1024);
    const buffers = new Set(chunks.map((c) => c.buffer));
    expect(buffers.size).toBe(chunks.length);
    for (const c of chunks) {
      expect(c.byteOffset).toBe(0);
      expect(c.buffer.byteLength).toBe(c.byteLength);
      expect(c.byteLength).toBeLessThanOrEqual(64 * 1024);
    }
    // Nothing handed over is the table's own memory: detaching every chunk leaves the table whole.
    for (const c of chunks) structuredClone(c.buffer, { transfer: [c.buffer] });
    expect(table.get(12_345)?.toJSON()).toEqual({ id: 12_345, name: 'نام 12345' });
  });

  it('keeps the schema of a table with no rows', async () => {
    const empty = makeTable({ id: new Int32Array(0) }).slice(0, 0);
    const back = tableFromIPC(joined(await chunksOf(new Table(empty.schema))));
    expect(back.numRows).toBe(0);
    expect(back.schema.fields.map((f) => f.name)).toEqual(['id']);
  });
});
