import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesFile } from '../../../src/app/data/sourceFile';
import { importFile } from '../../../src/engine/ingest/importFile';
import { importFromPath } from '../../../src/engine/ingest/importFromPath';
import { createNativeEngine } from '../../../src/engine/nativeEngine';
import { loadNodeParquet } from '../../../src/engine/parquet/nodeCodec';
import { connectRemoteEngine } from '../../../src/engine/remoteEngine';
import { startServer } from '../../../src/server/startServer';
import { startAutosave } from '../../../src/state/autosave';
import { restoreAutosave } from '../../../src/state/autosaveRestore';
import { createDataStore, type SourceFile } from '../../../src/state/dataStore';
import { createWorkbookStore } from '../../../src/state/workbookStore';
import { memoryAutosave } from '../../helpers/memoryAutosave';
import { fakeBuild } from './serverHarness';

/**
 * A page's stores over a served engine: the server's tables are listed when the engine
 * starts, autosave keeps them by reference only, and a restore re-links those the server
 * still holds and names those it does not.
 */
let given: string;
let root: string;
let server: Awaited<ReturnType<typeof startServer>>;
beforeAll(async () => {
  given = await mkdtemp(join(tmpdir(), 'shakhes-served-autosave-'));
  const deals = join(given, 'deals.csv');
  await writeFile(deals, 'id,amount\n1,10\n2,32\n');
  const engine = await createNativeEngine({ allowedDirectories: [given] });
  const read = await importFromPath(engine, deals);
  root = await fakeBuild();
  server = await startServer({ root, port: 0, engine, tables: [{ ...read, path: deals }] });
});
afterAll(async () => {
  await server?.close();
  await rm(given, { recursive: true, force: true });
  await rm(root, { recursive: true, force: true });
});

/** A page's data and workbook stores, as after a load or a reload. */
function page() {
  const data = createDataStore({
    createEngine: () =>
      connectRemoteEngine({
        origin: server.origin,
        token: server.token,
        loadParquet: async () => loadNodeParquet(),
      }),
    importFile,
    demoFiles: () => [],
  });
  return { data, workbook: createWorkbookStore(data) };
}

describe("autosave of a served page's tables", () => {
  const { storage, log } = memoryAutosave();

  it('lists them at start and keeps a reference to them, never their rows', async () => {
    const { data, workbook } = page();
    expect((await data.getState().served()).map((t) => [t.name, t.rows, t.served])).toEqual([
      ['deals', 2, join(given, 'deals.csv')],
    ]);
    const saver = startAutosave({ workbook, data, storage });
    await saver.flush();
    saver.stop();
    const kept = await storage.readDocument();
    expect(kept?.served).toEqual({ deals: join(given, 'deals.csv') });
    expect(kept?.doc.datasets.map((d) => [d.table, d.embedded])).toEqual([['deals', false]]);
    expect(log.tables.map((t) => t.table)).not.toContain('deals');
  });

  it('re-links them on restore while the server holds them, and names them gone once it does not', async () => {
    const again = page();
    const restored = await restoreAutosave(again.workbook, again.data, storage);
    expect(restored?.gone).toEqual([]);
    expect(again.data.getState().tables.map((t) => [t.name, t.served !== undefined])).toEqual([
      ['deals', true],
    ]);
    await (await again.data.getState().engine()).query('DROP TABLE deals');
    const later = page();
    const after = await restoreAutosave(later.workbook, later.data, storage);
    expect(after?.gone).toEqual([{ table: 'deals', dropped: false }]);
    expect(later.data.getState().tables).toEqual([]);
  });

  it('names a file dropped on the page apart when the server no longer holds it', async () => {
    const { storage: own } = memoryAutosave();
    const first = page();
    const bytes = new TextEncoder().encode('id,amount\n1,5\n');
    // As the browser gives a dropped file: with the File itself, which a served page streams to the server.
    const file: SourceFile = { ...bytesFile('leads.csv', bytes), blob: new Blob([bytes]) };
    await first.data.getState().loadFiles([file]);
    const saver = startAutosave({ workbook: first.workbook, data: first.data, storage: own });
    await saver.flush();
    saver.stop();
    expect((await own.readDocument())?.dropped).toEqual(['leads']);
    // The server restarted: its copy of the dropped file went with it.
    await (await first.data.getState().engine()).query('DROP TABLE leads');
    const later = page();
    const after = await restoreAutosave(later.workbook, later.data, own);
    expect(after?.gone).toEqual([{ table: 'leads', dropped: true }]);
  });
});
