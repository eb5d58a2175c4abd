import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesFile } from '../../../src/app/data/sourceFile';
import type { Engine } from '../../../src/engine/engine';
import { wrapping } from '../../../src/engine/engineRoot';
import { importFromPath } from '../../../src/engine/ingest/importFromPath';
import { createNativeEngine } from '../../../src/engine/nativeEngine';
import { loadNodeParquet } from '../../../src/engine/parquet/nodeCodec';
import { connectRemoteEngine } from '../../../src/engine/remoteEngine';
import { startServer } from '../../../src/server/startServer';
import { readWorkbook } from '../../../src/workbook/workbookFile';
import { pageStores } from './pageStores';
import { fakeBuild } from './serverHarness';

/**
 * Regressions for issue 16: a `.shakhes` whose table has a served table's name replaced
 * the server's rows while the list kept the server's entry; and Save with data read the
 * served tables through the tab. Now the workbook's copy is renamed with a notice, and
 * the served tables are saved by reference (named in README.txt, asked for outside serve).
 */
let given: string;
let root: string;
let deals: string;
let server: Awaited<ReturnType<typeof startServer>>;
/** Every SQL text the server's engine ran. */
const ran: string[] = [];
beforeAll(async () => {
  given = await mkdtemp(join(tmpdir(), 'shakhes-served-files-'));
  deals = join(given, 'deals.csv');
  await writeFile(deals, 'id,amount\n1,10\n2,32\n');
  const native = await createNativeEngine({ allowedDirectories: [given] });
  const read = await importFromPath(native, deals);
  const recording: Engine = wrapping(
    {
      ...native,
      query: (sql, options) => {
        ran.push(sql);
        return native.query(sql, options);
      },
    },
    native,
  );
  root = await fakeBuild();
  server = await startServer({ root, port: 0, engine: recording, tables: [{ ...read, path: deals }] });
});
afterAll(async () => {
  await server?.close();
  await rm(given, { recursive: true, force: true });
  await rm(root, { recursive: true, force: true });
});

/** A page's stores: served by the server, or the plain browser app (DuckDB-WASM). */
const page = (served: boolean) => pageStores(served ? server : null);

const sum = async (p: ReturnType<typeof page>, table: string) =>
  Number(
    (await (await p.data.getState().engine()).query(`SELECT sum(amount) AS s FROM "${table}"`))
      .getChild('s')
      ?.get(0),
  );

describe('a workbook file in a served page', () => {
  it('is opened with its own table of a served name renamed, the server’s rows and entry untouched', async () => {
    // Made in the browser app from another deals.csv: 3 + 4.
    const browser = page(false);
    await browser.data
      .getState()
      .loadFiles([bytesFile('deals.csv', new TextEncoder().encode('id,amount\n1,3\n2,4\n'))]);
    const file = await browser.workbook.getState().save({ embedData: true });
    await (await browser.data.getState().engine()).close();

    const served = page(true);
    expect(await served.workbook.getState().open(file, 'mine.shakhes')).toBe(true);
    // The workbook's tables, then the server's it does not name.
    expect(served.data.getState().tables.map((t) => [t.name, t.served ?? null])).toEqual([
      ['deals_2', null],
      ['deals', deals],
    ]);
    expect(served.workbook.getState().renamed).toEqual([
      { dataset: 'deals.csv', table: 'deals', as: 'deals_2', served: deals },
    ]);
    expect(await sum(served, 'deals')).toBe(42);
    expect(await sum(served, 'deals_2')).toBe(7);
    const remote = await connectRemoteEngine({
      origin: server.origin,
      token: server.token,
      loadParquet: async () => loadNodeParquet(),
    });
    expect((await remote.servedTables()).map((t) => [t.table, t.path])).toEqual([['deals', deals]]);
    await served.data.getState().removeTable('deals_2');
  });

  it('is saved with its data but the served tables by reference: never read through the tab', async () => {
    const served = page(true);
    await served.data.getState().served();
    await served.data.getState().pasteTable('month\ttarget\n2024-01\t5\n', 'targets');
    const before = ran.length;
    const bytes = await served.workbook.getState().save({ embedData: true });
    // The server's table was not read for the file (a 100M-row table would end the tab).
    expect(ran.slice(before).filter((sql) => /FROM\s+"?deals"?/i.test(sql))).toEqual([]);
    const { doc, data } = readWorkbook(bytes);
    expect(doc.datasets.map((d) => [d.table, d.embedded])).toEqual([
      ['deals', false],
      ['targets', true],
    ]);
    expect(data.size).toBe(1);
    const readme = strFromU8(unzipSync(bytes)['README.txt']);
    expect(readme).toContain('Saved by reference');
    expect(readme).toContain(`deals    read from ${deals}`);
    expect(served.workbook.getState().savedByReference).toEqual([{ table: 'deals', path: deals }]);

    // Outside serve, the file asks for the served table's file by name.
    const browser = page(false);
    expect(await browser.workbook.getState().open(bytes, 'served.shakhes')).toBe(false);
    expect(browser.workbook.getState().pending?.missing).toEqual([
      expect.objectContaining({ sourceName: 'deals.csv', table: 'deals' }),
    ]);
    await (await browser.data.getState().engine()).close();

    // This process's event loop held past the server's keep-alive time (5 s), as the page
    // above's DuckDB-WASM held it when this step failed in a full run: the server's idle
    // connections must still carry the next page's requests (startServer.ts). Atomics.wait
    // holds the loop without using a core.
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5_500);

    // In serve again, it is the server's table, and the embedded one comes back.
    const again = page(true);
    const opened = await again.workbook.getState().open(bytes, 'served.shakhes');
    // With the store's error and pending files beside it, so a failure says why.
    const { error, pending } = again.workbook.getState();
    expect({ opened, error, pending }).toEqual({ opened: true, error: null, pending: null });
    expect(again.workbook.getState().renamed).toEqual([]);
    expect(again.data.getState().tables.map((t) => [t.name, t.served ?? null])).toEqual([
      ['deals', deals],
      ['targets', null],
    ]);
    expect(await sum(again, 'deals')).toBe(42);
  });
});
