import { type Table, tableToIPC } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../../src/core/model/document';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { tableToRows } from '../../../src/engine/rows';
import { startAutosave } from '../../../src/state/autosave';
import { restoreAutosave } from '../../../src/state/autosaveRestore';
import { createDataStore, type DataStore, type SourceFile } from '../../../src/state/dataStore';
import { createWorkbookStore } from '../../../src/state/workbookStore';
import { replaceWorkbook, restoreClosed } from '../../../src/state/workbookSwitch';
import { memoryAutosave } from '../../helpers/memoryAutosave';

const DEALS = 'id,stage,amount\n1,Won,100\n2,Lost,50\n3,Won,70\n';

const file = (name: string, text: string): SourceFile => {
  const bytes = new TextEncoder().encode(text);
  return { name, size: bytes.length, read: async () => bytes };
};

function stores() {
  const data: DataStore = createDataStore({
    createEngine: createNodeEngine,
    importFile,
    demoFiles: () => [],
  });
  return { data, workbook: createWorkbookStore(data) };
}

async function rowsOf(data: DataStore, sql: string) {
  return tableToRows(await (await data.getState().engine()).query(sql));
}

/** Lets the current task's microtasks run: what autosave does "without waiting". */
const endOfTask = () => new Promise<void>((ok) => setImmediate(ok));

/** An encoder held until the test releases it: the window between a change and its Parquet. */
function heldEncoder() {
  const waiting: Array<() => void> = [];
  return {
    encode: (rows: Table) =>
      new Promise<Uint8Array>((ok) => {
        waiting.push(() => ok(tableToIPC(rows)));
      }),
    release: () => {
      for (const w of waiting.splice(0)) w();
    },
    get count() {
      return waiting.length;
    },
  };
}

describe('autosave', () => {
  it('writes the document at the end of the task that changed it, with no timer', async () => {
    const { storage, log } = memoryAutosave();
    const { data, workbook } = stores();
    const saver = startAutosave({ workbook, data, storage });
    await endOfTask();
    const before = log.docs.length;
    workbook.getState().setTitle('Q4 review');
    workbook.getState().setTitle('Q4 review, final');
    expect(log.docs.length).toBe(before);
    await Promise.resolve();
    // Both edits of one task in one write, already asked of the storage.
    expect(log.docs.length).toBe(before + 1);
    expect(log.docs.at(-1)?.doc.title).toBe('Q4 review, final');
    expect(log.docs.at(-1)?.dirty).toBe(true);
    saver.stop();
  });

  it('writes a table once per contents change, from its bytes at once and as Parquet after', async () => {
    const { storage, log } = memoryAutosave();
    const { data, workbook } = stores();
    const saver = startAutosave({ workbook, data, storage });
    await data.getState().loadFiles([file('deals.csv', DEALS)]);
    await endOfTask();
    // Named by the document at once, from the bytes the user gave.
    expect(log.docs.at(-1)?.tables.deals).toBe(data.getState().dataIds.deals);
    await saver.flush();
    const first = data.getState().dataIds.deals;
    expect(log.tables).toEqual([
      { table: 'deals', dataId: first, kind: 'source' },
      { table: 'deals', dataId: first, kind: 'parquet' },
    ]);
    for (const title of ['a', 'b', 'c']) workbook.getState().setTitle(title);
    await saver.flush();
    expect(log.tables.length).toBe(2);
    await data.getState().reimport('deals', { delimiter: ',' });
    await saver.flush();
    const second = data.getState().dataIds.deals;
    expect(second).not.toBe(first);
    expect(log.tables.slice(2).map((t) => [t.dataId, t.kind])).toEqual([
      [second, 'source'],
      [second, 'parquet'],
    ]);
    expect(log.dangling).toEqual([]);
    saver.stop();
  });

  it('never names a table before it is written, and restores the last kept version meanwhile', async () => {
    const { storage, log, current } = memoryAutosave();
    const { data, workbook } = stores();
    const held = heldEncoder();
    // No source bytes kept: only Parquet, which the test holds back.
    const saver = startAutosave({ workbook, data, storage, encode: held.encode, sourceLimit: 0 });
    await data.getState().loadFiles([file('deals.csv', DEALS)]);
    workbook.getState().setTitle('Pipeline');
    await endOfTask();
    expect(current()?.doc.title).toBe('Pipeline');
    expect(current()?.tables).toEqual({});
    expect(current()?.unsaved).toEqual(['deals']);
    await expect.poll(() => held.count).toBe(1);
    held.release();
    await saver.flush();
    expect(current()?.tables).toEqual({ deals: data.getState().dataIds.deals });
    expect(log.dangling).toEqual([]);
    saver.stop();

    // The page died with the document naming the table as not yet kept: restore says so.
    const { storage: s2 } = memoryAutosave();
    const { data: d2, workbook: w2 } = stores();
    const saver2 = startAutosave({
      workbook: w2,
      data: d2,
      storage: s2,
      encode: heldEncoder().encode,
      sourceLimit: 0,
    });
    await d2.getState().loadFiles([file('deals.csv', DEALS)]);
    w2.getState().setTitle('Lost table');
    await endOfTask();
    saver2.stop();
    const b = stores();
    const restored = await restoreAutosave(b.workbook, b.data, s2);
    expect(restored?.missing).toEqual(['deals']);
    expect(b.workbook.getState().title).toBe('Lost table');
    expect(b.data.getState().tables).toEqual([]);
  });

  it('restores a table kept only as its bytes (the page died before its Parquet)', async () => {
    const { storage } = memoryAutosave();
    const { data, workbook } = stores();
    const held = heldEncoder();
    const saver = startAutosave({ workbook, data, storage, encode: held.encode });
    await data.getState().pasteTable('name\tvalue\nx\t1\ny\t2', 'typed');
    await endOfTask();
    saver.stop();
    const b = stores();
    const restored = await restoreAutosave(b.workbook, b.data, storage);
    expect(restored?.missing).toEqual([]);
    expect(await rowsOf(b.data, 'SELECT name, value FROM typed ORDER BY name')).toEqual([
      { name: 'x', value: 1 },
      { name: 'y', value: 2 },
    ]);
  });

  it('restores what it can when a table record is gone, and names the table', async () => {
    const { storage, tables } = memoryAutosave();
    const { data, workbook } = stores();
    const saver = startAutosave({ workbook, data, storage });
    await data.getState().loadFiles([file('deals.csv', DEALS), file('other.csv', 'a,b\n1,2\n')]);
    workbook.getState().setTitle('Two tables');
    await saver.flush();
    saver.stop();
    for (const k of [...tables.keys()]) if (k.startsWith('other\0')) tables.delete(k);
    const b = stores();
    const restored = await restoreAutosave(b.workbook, b.data, storage);
    expect(restored?.missing).toEqual(['other']);
    expect(b.data.getState().tables.map((t) => t.name)).toEqual(['deals']);
    expect(await rowsOf(b.data, 'SELECT sum(amount) AS s FROM deals')).toEqual([{ s: 220 }]);
    expect(b.workbook.getState().title).toBe('Two tables');
  });

  it('shows a failed write, and clears it when a write succeeds again', async () => {
    const { storage, fault, current } = memoryAutosave();
    const { data, workbook } = stores();
    const saver = startAutosave({ workbook, data, storage });
    await endOfTask();
    fault.error = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    workbook.getState().setTitle('Too big');
    await endOfTask();
    expect(saver.status.getState().problem).toBe('quota');
    fault.error = new DOMException('Storage is off in private windows.', 'InvalidStateError');
    workbook.getState().setTitle('Private');
    await endOfTask();
    expect(saver.status.getState().problem).toBe('unavailable');
    fault.error = null;
    workbook.getState().setTitle('Room again');
    await endOfTask();
    expect(saver.status.getState().problem).toBe(null);
    expect(current()?.doc.title).toBe('Room again');
    saver.stop();
  });
});

describe('replacing the open workbook', () => {
  it('keeps the replaced one under Recently closed, not when the open fails, and brings it back', async () => {
    const { storage } = memoryAutosave();
    const { data, workbook } = stores();
    const autosave = startAutosave({ workbook, data, storage });
    const deps = { workbook, data, storage, autosave };
    await data.getState().loadFiles([file('deals.csv', DEALS)]);
    workbook.getState().setTitle('First');

    expect(await replaceWorkbook(deps, async () => false)).toBe(false);
    expect(await storage.listClosed()).toEqual([]);

    const blank = emptyDocument('Second');
    expect(
      await replaceWorkbook(deps, async () => {
        await workbook.getState().restore(blank, new Map(), null);
        return true;
      }),
    ).toBe(true);
    expect(workbook.getState().title).toBe('Second');
    const [closed] = await storage.listClosed();
    expect(closed.title).toBe('First');

    const restored = await restoreClosed(deps, closed);
    expect(restored?.missing).toEqual([]);
    expect(workbook.getState().title).toBe('First');
    expect(await rowsOf(data, 'SELECT sum(amount) AS s FROM deals')).toEqual([{ s: 220 }]);
    // The restored one is off the list; the blank one it replaced held nothing worth keeping.
    expect((await storage.listClosed()).map((c) => c.title)).toEqual([]);
    autosave.stop();
  });
});
