import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importFromPath } from '../../../src/engine/ingest/importFromPath';
import { ImportError } from '../../../src/engine/ingest/types';
import { createNativeEngine } from '../../../src/engine/nativeEngine';
import { loadNodeParquet } from '../../../src/engine/parquet/nodeCodec';
import { connectRemoteEngine } from '../../../src/engine/remoteEngine';
import { startServer } from '../../../src/server/startServer';
import { fakeBuild } from './serverHarness';

/**
 * The server tells the page its tables (those the command read, and files the page
 * streamed to it and had imported there), and a file streamed to it is imported by path
 * with the importer's types and reports.
 */
let given: string;
let root: string;
let server: Awaited<ReturnType<typeof startServer>>;
let remote: Awaited<ReturnType<typeof connectRemoteEngine>>;
beforeAll(async () => {
  given = await mkdtemp(join(tmpdir(), 'shakhes-served-'));
  const deals = join(given, 'deals.csv');
  await writeFile(deals, 'id,amount,closed_on\n1,10,2024-01-05\n2,32,2024-02-09\n');
  const engine = await createNativeEngine({ allowedDirectories: [given] });
  const read = await importFromPath(engine, deals);
  root = await fakeBuild();
  server = await startServer({ root, port: 0, engine, tables: [{ ...read, path: deals }] });
  remote = await connectRemoteEngine({
    origin: server.origin,
    token: server.token,
    loadParquet: async () => loadNodeParquet(),
  });
});
afterAll(async () => {
  await server?.close();
  await rm(given, { recursive: true, force: true });
  await rm(root, { recursive: true, force: true });
});

const sumOf = async (sql: string) => Number((await remote.query(sql)).getChild('s')?.get(0));

describe('the tables a served page lists', () => {
  it('are those the command read, with rows, typed columns and the path; a table dropped or renamed is not', async () => {
    const [deals, ...others] = await remote.servedTables();
    expect(others).toEqual([]);
    expect(deals).toMatchObject({
      table: 'deals',
      rows: 2,
      sourceName: 'deals.csv',
      path: join(given, 'deals.csv'),
    });
    expect(deals.columns.map((c) => [c.name, c.kind])).toEqual([
      ['id', 'number'],
      ['amount', 'number'],
      ['closed_on', 'date'],
    ]);
    await remote.query('ALTER TABLE deals RENAME TO deals_aside');
    expect(await remote.servedTables()).toEqual([]);
    await remote.query('ALTER TABLE deals_aside RENAME TO deals');
    expect((await remote.servedTables()).map((t) => t.table)).toEqual(['deals']);
  });

  it('include a file streamed to the server and imported there by path, typed as any import', async () => {
    // Nineteen amounts and one misfit: a number column with one value that did not fit.
    const lines = Array.from({ length: 20 }, (_, i) => `${i + 1},${i === 7 ? 'n/a?' : i + 1}`);
    const csv = `id,amount\n${lines.join('\n')}\n`;
    const table = await remote.importUpload(new Blob([csv]), { name: 'New deals.csv', existing: ['deals'] });
    expect(table).toMatchObject({ table: 'new_deals', sourceName: 'New deals.csv', rows: 20 });
    // On disk in the engine's own folder, under a name of the server's choosing.
    expect(table.path.startsWith(remote.importDirectory ?? '?')).toBe(true);
    expect(table.problems.count).toBe(1);
    expect(table.columns.find((c) => c.name === 'amount')?.kind).toBe('number');
    expect(await sumOf('SELECT sum(amount)::INT AS s FROM new_deals')).toBe(210 - 8);
    expect((await remote.servedTables()).map((t) => t.table)).toEqual(['deals', 'new_deals']);
  });

  it('refuse a streamed file that does not import, saying why in the words of its own name', async () => {
    const binary = new Blob([new Uint8Array(4096).fill(0)]);
    const failure = await remote.importUpload(binary, { name: 'export.csv' }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(ImportError);
    expect((failure as ImportError).file).toBe('export.csv');
    expect((failure as ImportError).message).toContain('export.csv');
    expect((failure as ImportError).message).not.toContain(remote.importDirectory ?? '?');
    expect((await remote.servedTables()).map((t) => t.table)).toEqual(['deals', 'new_deals']);
  });
});
