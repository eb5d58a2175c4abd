import { makeTable, Table, tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { ipcInSlices } from '../../../src/ui/export/arrowStream';

describe('ipcInSlices', () => {
  it('writes the stream the one-go writer writes, over many batches', async () => {
    const whole = tableFromArrays({
      id: Int32Array.from({ length: 30_000 }, (_, i) => i),
      name: Array.from({ length: 30_000 }, (_, i) => `نام ${i}`),
    });
    const table = new Table(
      Array.from({ length: 30 }, (_, i) => whole.slice(i * 1000, (i + 1) * 1000).batches).flat(),
    );
    expect(table.batches.length).toBe(30);
    const sliced = await ipcInSlices(table);
    // Compared as bytes in one go: an element-wise deep comparison of a megabyte is slow.
    expect(Buffer.from(sliced).equals(Buffer.from(tableToIPC(table, 'stream')))).toBe(true);
    const back = tableFromIPC(sliced);
    expect(back.numRows).toBe(30_000);
    expect(back.get(29_999)?.toJSON()).toEqual({ id: 29_999, name: 'نام 29999' });
  });

  it('keeps the schema of a table with no rows', async () => {
    const empty = makeTable({ id: new Int32Array(0) }).slice(0, 0);
    const back = tableFromIPC(await ipcInSlices(new Table(empty.schema)));
    expect(back.numRows).toBe(0);
    expect(back.schema.fields.map((f) => f.name)).toEqual(['id']);
  });
});
