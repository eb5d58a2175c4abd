import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bytesFile, type SourceFile } from '../../../src/app/data/sourceFile';
import { datasetsOf, entryOfImport } from '../../../src/app/data/tableEntry';
import { createWorkbookService } from '../../../src/app/workbook/workbookService';
import { emptyDocument } from '../../../src/core/model/document';
import { engineRoot } from '../../../src/engine/engineRoot';
import { importFile } from '../../../src/engine/ingest/importFile';
import { importFromPath } from '../../../src/engine/ingest/importFromPath';
import { createNativeEngine } from '../../../src/engine/nativeEngine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { type StartedServer, startServer } from '../../../src/server/startServer';
import { readWorkbook } from '../../../src/workbook/workbookFile';
import { pageStores } from './pageStores';
import { fakeBuild } from './serverHarness';

/**
 * Issue 16 follow-ups. A file dropped on a served page was saved by reference under the
 * server's private upload path (meaningless after a restart and on another machine): it is
 * now saved like a table of the tab, with its data, or without data by the user's file
 * name. And a workbook whose mapping's view has a served table's name had it clash: the
 * mapping is now left off, with a notice, the server's table untouched.
 */
let given: string;
let root: string;
let deals: string;
const servers: StartedServer[] = [];
const LEADS = 'lead_id,created_at\n7,2024-01-02\n8,2024-01-09\n9,2024-02-01\n';

/** A `shakhes serve deals.csv` (10 + 32), as a restart would start it again. */
async function serveDeals(): Promise<StartedServer> {
  const native = await createNativeEngine({ allowedDirectories: [given] });
  const read = await importFromPath(native, deals);
  const server = await startServer({ root, port: 0, engine: native, tables: [{ ...read, path: deals }] });
  servers.push(server);
  return server;
}

beforeAll(async () => {
  given = await mkdtemp(join(tmpdir(), 'shakhes-dropped-'));
  deals = join(given, 'deals.csv');
  await writeFile(deals, 'id,amount\n1,10\n2,32\n');
  root = await fakeBuild();
});
afterAll(async () => {
  for (const s of servers) await s.close();
  await rm(given, { recursive: true, force: true });
  await rm(root, { recursive: true, force: true });
});

type Page = ReturnType<typeof pageStores>;

/** A file as the browser gives a dropped one: with the File itself, which a served page streams. */
function dropped(name: string, text: string): SourceFile {
  const bytes = new TextEncoder().encode(text);
  return { ...bytesFile(name, bytes), blob: new Blob([bytes]) };
}

const count = async (p: Page, table: string) =>
  Number(
    (await (await p.data.getState().engine()).query(`SELECT count(*)::INT AS n FROM "${table}"`))
      .getChild('n')
      ?.get(0),
  );

const readme = (bytes: Uint8Array) => strFromU8(unzipSync(bytes)['README.txt']);

describe('a file dropped on a served page, saved', () => {
  let server: StartedServer;
  let uploads: string;
  let withData: Uint8Array;
  let withoutData: Uint8Array;

  beforeAll(async () => {
    server = await serveDeals();
    uploads = engineRoot(server.engine).importDirectory ?? '?';
    const served = pageStores(server);
    await served.data.getState().served();
    await served.data.getState().loadFiles([dropped('leads.csv', LEADS)]);
    // Imported on the server, from its private copy.
    expect(served.data.getState().tables.map((t) => [t.name, t.dropped ?? null])).toEqual([
      ['deals', null],
      ['leads', true],
    ]);
    expect((await readdir(uploads)).length).toBe(1);
    withData = await served.workbook.getState().save({ embedData: true });
    expect(served.workbook.getState().savedByReference).toEqual([{ table: 'deals', path: deals }]);
    withoutData = await served.workbook.getState().save({ embedData: false });
  });

  it('with data holds its rows; the PATH’s table stays by reference; the private path is named nowhere', () => {
    const { doc, data } = readWorkbook(withData);
    expect(doc.datasets.map((d) => [d.table, d.sourceName, d.embedded])).toEqual([
      ['deals', 'deals.csv', false],
      ['leads', 'leads.csv', true],
    ]);
    expect(data.size).toBe(1);
    expect(readme(withData)).toContain(`deals    read from ${deals}`);
    for (const bytes of [withData, withoutData]) {
      expect(readme(bytes)).not.toContain(uploads);
      expect(strFromU8(unzipSync(bytes)['workbook.json'])).not.toContain(uploads);
    }
  });

  it('with data opens in the plain browser app with the dropped rows, asking only for the PATH’s file', async () => {
    const browser = pageStores(null);
    expect(await browser.workbook.getState().open(withData, 'team.shakhes')).toBe(false);
    expect(browser.workbook.getState().pending?.missing.map((m) => m.sourceName)).toEqual(['deals.csv']);
    expect(
      await browser.workbook
        .getState()
        .provideFiles([bytesFile('deals.csv', new TextEncoder().encode('id,amount\n1,5\n'))]),
    ).toBe(true);
    expect(await count(browser, 'leads')).toBe(3);
    await (await browser.data.getState().engine()).close();
  });

  it('with data opens after a restart, the dropped rows from the file', async () => {
    const again = pageStores(await serveDeals());
    expect(await again.workbook.getState().open(withData, 'team.shakhes')).toBe(true);
    expect(again.data.getState().tables.map((t) => [t.name, t.served ?? null])).toEqual([
      ['deals', deals],
      ['leads', null],
    ]);
    expect(await count(again, 'leads')).toBe(3);
  });

  it('without data asks, after a restart, for the dropped file by the user’s name', async () => {
    expect(readWorkbook(withoutData).doc.datasets.map((d) => [d.table, d.embedded])).toEqual([
      ['deals', false],
      ['leads', false],
    ]);
    const again = pageStores(await serveDeals());
    expect(await again.workbook.getState().open(withoutData, 'team.shakhes')).toBe(false);
    expect(again.workbook.getState().pending?.missing.map((m) => m.sourceName)).toEqual(['leads.csv']);
  });
});

describe('a workbook whose mapping’s view has a served table’s name, opened in a served page', () => {
  it('is opened with that mapping left off and said so; the server’s table keeps its name and rows', async () => {
    const engine = await createNodeEngine();
    const csv = new TextEncoder().encode('Deal ID,Amount\n1,3\n2,4\n3,5\n');
    const doc = emptyDocument('HubSpot');
    doc.datasets = datasetsOf([entryOfImport(await importFile(engine, { name: 'hubspot.csv', bytes: csv }))]);
    doc.datasets[0].mapping = { canonicalTable: 'deals', columns: { deal_id: 'Deal ID', amount: 'Amount' } };
    const file = await createWorkbookService({ engine: async () => engine }).save(doc, true);
    await engine.close();

    const served = pageStores(await serveDeals());
    expect(await served.workbook.getState().open(file, 'hubspot.shakhes')).toBe(true);
    expect(served.workbook.getState().renamed).toEqual([
      { dataset: 'hubspot.csv', table: 'hubspot', as: 'hubspot', served: deals, view: 'deals' },
    ]);
    expect(served.data.getState().tables.map((t) => [t.name, t.served ?? null])).toEqual([
      ['hubspot', null],
      ['deals', deals],
    ]);
    expect(await count(served, 'deals')).toBe(2);
    expect(await count(served, 'hubspot')).toBe(3);
  });
});
