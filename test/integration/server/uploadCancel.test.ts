import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Engine, EngineCancelled } from '../../../src/engine/engine';
import { importFromPath } from '../../../src/engine/ingest/importFromPath';
import { createNativeEngine } from '../../../src/engine/nativeEngine';
import { loadNodeParquet } from '../../../src/engine/parquet/nodeCodec';
import { connectRemoteEngine, TOKEN_HEADER } from '../../../src/engine/remoteEngine';
import { type StartedServer, startServer } from '../../../src/server/startServer';
import { gatedEngine } from '../../helpers/gatedEngine';
import { fakeBuild } from './serverHarness';

/**
 * Regression for issue 16: cancelling an upload (the page's Cancel, or the page going away)
 * did not stop the server's import. Now the import stops, the partial file is removed,
 * nothing half-imported stays in the engine and the list of tables is unchanged.
 */
let given: string;
let root: string;
let server: StartedServer;
let remote: Awaited<ReturnType<typeof connectRemoteEngine>>;
let native: Engine;
let gate: ReturnType<typeof gatedEngine>;
beforeAll(async () => {
  given = await mkdtemp(join(tmpdir(), 'shakhes-upload-cancel-'));
  const deals = join(given, 'deals.csv');
  await writeFile(deals, 'id,amount\n1,10\n2,32\n');
  native = await createNativeEngine({ allowedDirectories: [given] });
  const read = await importFromPath(native, deals);
  // The import's full read of an uploaded CSV (never the command's, done above) is held.
  gate = gatedEngine(native, 'auto_detect = false');
  root = await fakeBuild();
  server = await startServer({ root, port: 0, engine: gate.engine, tables: [{ ...read, path: deals }] });
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

const uploadsOnDisk = () => readdir(remote.importDirectory ?? '?');
const engineTables = async () =>
  (await native.query('SELECT table_name AS t FROM duckdb_tables() ORDER BY 1'))
    .toArray()
    .map((r) => String(r.t));

describe('a cancelled upload', () => {
  it('stops the import on the server: no table, no staging, no file, the list as it was', async () => {
    const cancel = new AbortController();
    const csv = `id,amount\n${Array.from({ length: 50 }, (_, i) => `${i},${i * 2}`).join('\n')}\n`;
    const importing = remote.importUpload(new Blob([csv]), {
      name: 'late deals.csv',
      existing: ['deals'],
      signal: cancel.signal,
    });
    importing.catch(() => undefined);
    await gate.reached;
    // The file is on the server and its import half done (its staging table made).
    expect(await uploadsOnDisk()).toHaveLength(1);
    cancel.abort();
    await expect(importing).rejects.toBeInstanceOf(EngineCancelled);
    // The server heard it and called its import's query off (not just the page giving up).
    await expect.poll(gate.cancelled, { timeout: 30_000 }).toBe(true);
    await expect.poll(uploadsOnDisk, { timeout: 30_000 }).toEqual([]);
    await expect.poll(engineTables, { timeout: 30_000 }).toEqual(['deals']);
    expect((await remote.servedTables()).map((t) => t.table)).toEqual(['deals']);
    // The engine was not left interrupted: the next upload imports.
    const next = await remote.importUpload(new Blob(['id,amount\n1,5\n']), {
      name: 'next.csv',
      existing: ['deals'],
    });
    expect(next).toMatchObject({ table: 'next', rows: 1 });
    expect((await remote.servedTables()).map((t) => t.table)).toEqual(['deals', 'next']);
    expect(await engineTables()).toEqual(['deals', 'next']);
  });

  it('leaves no part of a file whose upload the page cut short', async () => {
    const before = await uploadsOnDisk();
    const name = 'cut-short.csv';
    const req = request(`${server.origin}/api/files/${name}`, {
      method: 'PUT',
      headers: { [TOKEN_HEADER]: server.token, 'content-length': String(10_000_000) },
    });
    req.on('error', () => undefined);
    req.write('id,amount\n'.repeat(10_000));
    // The server has started writing it; then the page goes away.
    await expect.poll(uploadsOnDisk, { timeout: 30_000 }).toContain(name);
    req.destroy();
    await expect.poll(uploadsOnDisk, { timeout: 30_000 }).toEqual(before);
  });
});
