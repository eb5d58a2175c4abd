import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { importPath } from '../../../src/engine/lockdown';
import { createNativeEngine } from '../../../src/engine/nativeEngine';
import { loadNodeParquet } from '../../../src/engine/parquet/nodeCodec';
import { connectRemoteEngine, TOKEN_HEADER } from '../../../src/engine/remoteEngine';
import { raw, type Served, serve } from './serverHarness';

/**
 * What SQL from the page (a workbook from anyone) can read on the server: the paths the
 * command was given and the files the page uploaded, nothing else. Uploads are streamed to
 * the engine's private folder and read there by the app's own import code.
 */
let served: Served;
let remote: Engine;
let given: string;
let outside: string;
beforeAll(async () => {
  given = await mkdtemp(join(tmpdir(), 'shakhes-given-'));
  outside = await mkdtemp(join(tmpdir(), 'shakhes-outside-'));
  await writeFile(join(given, 'deals.csv'), 'id,amount\n1,10\n2,32\n');
  await writeFile(join(outside, 'secret.csv'), 'password\nhunter2\n');
  served = await serve(await createNativeEngine({ allowedDirectories: [given] }));
  remote = await connectRemoteEngine({
    origin: served.server.origin,
    token: served.server.token,
    loadParquet: async () => loadNodeParquet(),
  });
});
afterAll(async () => {
  await served?.close();
  await rm(given, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

const sumOf = async (sql: string) => Number((await remote.query(sql)).getChild('s')?.get(0));

describe('reading files by path', () => {
  it('reads a file under a path the server was given', async () => {
    expect(await sumOf(`SELECT sum(amount) AS s FROM read_csv('${join(given, 'deals.csv')}')`)).toBe(42);
  });

  it('refuses read_csv of a file outside them, however the path is written', async () => {
    for (const path of [
      join(outside, 'secret.csv'),
      `${given}/../${outside.split('/').pop()}/secret.csv`,
      '/etc/passwd',
    ])
      await expect(remote.query(`SELECT * FROM read_csv('${path}')`), path).rejects.toThrow(
        /Permission Error/,
      );
    await expect(remote.query(`SELECT * FROM glob('${outside}/*')`)).rejects.toThrow(/Permission Error/);
  });

  it('refuses to open the sandbox again: the configuration is locked', async () => {
    await expect(remote.query('SET enable_external_access=true')).rejects.toThrow(/lock/i);
    await expect(remote.query(`SET allowed_directories=['/']`)).rejects.toThrow(/lock/i);
    await expect(remote.query(`COPY (SELECT 1) TO '${join(outside, 'out.csv')}'`)).rejects.toThrow(
      /Permission Error/,
    );
    expect(await readdir(outside)).toEqual(['secret.csv']);
  });
});

describe('uploads', () => {
  it("imports a dropped file with the app's own importer, through the upload folder", async () => {
    const bytes = new TextEncoder().encode('id,amount,closed\n1,"1,200",2024-01-05\n2,300,2024-02-11\n');
    const result = await importFile(remote, { name: 'uploaded deals.csv', bytes });
    expect(result.rows).toBe(2);
    expect(result.columns.map((c) => c.name)).toEqual(['id', 'amount', 'closed']);
    expect(await sumOf(`SELECT sum(amount) AS s FROM "${result.table}"`)).toBe(1500);
  });

  it('writes an upload where its SQL reads it, and forgets it when dropped', async () => {
    const name = importPath('plain.csv', remote.importDirectory);
    await remote.registerFile(name, new TextEncoder().encode('s\n5\n'));
    expect(await sumOf(`SELECT sum(s) AS s FROM read_csv('${name}')`)).toBe(5);
    await remote.dropFile(name);
    await expect(remote.query(`SELECT * FROM read_csv('${name}')`)).rejects.toThrow(
      /No files found|does not exist/,
    );
  });

  it('refuses a name that is not one plain file name, naming it', async () => {
    for (const name of ['..%2F..%2Fescape.csv', 'sub/x.csv', 'a%00b']) {
      const answer = await raw(served.server.origin, `/api/files/${name}`, {
        method: 'PUT',
        headers: { [TOKEN_HEADER]: served.server.token },
        body: 'x\n1\n',
      });
      expect(answer.status, name).toBe(400);
      expect(JSON.parse(answer.body).message).toContain(decodeURIComponent(name));
    }
    await expect(remote.registerFile('/etc/cron.d/x', new Uint8Array(1))).rejects.toThrow(/registered under/);
  });
});
