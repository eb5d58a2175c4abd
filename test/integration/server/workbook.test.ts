import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetsOf, entryOfImport } from '../../../src/app/data/tableEntry';
import { createWorkbookService } from '../../../src/app/workbook/workbookService';
import { emptyDocument } from '../../../src/core/model/document';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { TOKEN_HEADER } from '../../../src/engine/remoteEngine';
import type { ServedTable, ServedWorkbook } from '../../../src/engine/servedTables';
import { cli, fakeBuild } from './serverHarness';

/** `shakhes serve --workbook FILE`: its data goes into the server's engine, and the page is given its document. */
let dir: string;
let build: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shakhes-serve-workbook-'));
  build = await fakeBuild();
  process.env.SHAKHES_DIST = build;
});
afterAll(async () => {
  delete process.env.SHAKHES_DIST;
  await rm(dir, { recursive: true, force: true });
  await rm(build, { recursive: true, force: true });
});

/** A .shakhes file with (or without) its `deals` table in it. */
async function workbookFile(name: string, embed: boolean): Promise<string> {
  const engine = await createNodeEngine();
  const csv = new TextEncoder().encode('id,amount\n1,10\n2,32\n3,58\n');
  const doc = emptyDocument('Quarter');
  doc.datasets = datasetsOf([entryOfImport(await importFile(engine, { name: 'deals.csv', bytes: csv }))]);
  const path = join(dir, name);
  await writeFile(path, await createWorkbookService({ engine: async () => engine }).save(doc, embed));
  await engine.close();
  return path;
}

describe('shakhes serve --workbook', () => {
  it("puts the workbook's data in the server's engine and gives the page its document", async () => {
    const path = await workbookFile('quarter.shakhes', true);
    const run = cli(['serve', '--workbook', path]);
    await expect.poll(() => run.out.join('\n'), { timeout: 30_000 }).toMatch(/#token=/);
    const url = new URL(/http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}/.exec(run.out.join('\n'))![0]);
    const headers = { [TOKEN_HEADER]: url.hash.slice('#token='.length), 'content-type': 'application/json' };
    const get = async (route: string) => (await fetch(`${url.origin}/api/${route}`, { headers })).json();
    const workbook = (await get('workbook')) as ServedWorkbook;
    expect(workbook.fileName).toBe('quarter.shakhes');
    expect((workbook.doc as { title: string }).title).toBe('Quarter');
    const tables = (await get('tables')) as ServedTable[];
    expect(tables.map((t) => [t.table, t.rows, t.path])).toEqual([['deals', 3, path]]);
    const answer = await fetch(`${url.origin}/api/query`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ id: 'a', sql: 'SELECT sum(amount)::INT AS s FROM deals' }),
    });
    expect(answer.status).toBe(200);
    process.emit('SIGINT');
    expect(await run.code).toBe(0);
  });

  it('stops with status 2, saying why, for a missing, a damaged or a data-less workbook', async () => {
    const missing = cli(['serve', '--workbook', join(dir, 'nope.shakhes')]);
    expect(await missing.code).toBe(2);
    expect(missing.err.join('\n')).toContain('nope.shakhes: no such file');
    const damaged = join(dir, 'damaged.shakhes');
    await writeFile(damaged, 'not a zip at all');
    const bad = cli(['serve', '--workbook', damaged]);
    expect(await bad.code).toBe(2);
    expect(bad.err.join('\n')).toContain('damaged.shakhes: ');
    const bare = cli(['serve', '--workbook', await workbookFile('bare.shakhes', false)]);
    expect(await bare.code).toBe(2);
    expect(bare.err.join('\n')).toContain('bare.shakhes: saved without the data of deals.csv');
  });

  it('serves a workbook whose own data has a PATH’s table’s name under the next free name, as the page opens it', async () => {
    // Before: refused with status 2, while the page renames the same file's table.
    const csv = join(dir, 'deals.csv');
    await writeFile(csv, 'id,amount\n1,10\n2,32\n');
    const file = await workbookFile('own-deals.shakhes', true);
    const run = cli(['serve', csv, '--workbook', file]);
    await expect.poll(() => run.out.join('\n'), { timeout: 30_000 }).toMatch(/#token=/);
    expect(run.out.join('\n')).toContain(
      `the workbook's table deals is served as deals_2: ${csv} gave a table that name`,
    );
    const url = new URL(/http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}/.exec(run.out.join('\n'))![0]);
    const headers = { [TOKEN_HEADER]: url.hash.slice('#token='.length), 'content-type': 'application/json' };
    const get = async (route: string) => (await fetch(`${url.origin}/api/${route}`, { headers })).json();
    expect(((await get('tables')) as ServedTable[]).map((t) => [t.table, t.rows, t.path])).toEqual([
      ['deals', 2, csv],
      ['deals_2', 3, file],
    ]);
    const workbook = (await get('workbook')) as ServedWorkbook;
    expect((workbook.doc as { datasets: { table: string }[] }).datasets.map((d) => d.table)).toEqual([
      'deals_2',
    ]);
    expect(workbook.renamed).toEqual([{ dataset: 'deals.csv', table: 'deals', as: 'deals_2', served: csv }]);
    const sum = async (table: string) => {
      const answer = await fetch(`${url.origin}/api/query`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ id: table, sql: `SELECT sum(amount)::INT AS s FROM ${table}` }),
      });
      return tableFromIPC(new Uint8Array(await answer.arrayBuffer()))
        .getChild('s')
        ?.get(0);
    };
    expect([await sum('deals'), await sum('deals_2')]).toEqual([42, 100]);
    process.emit('SIGINT');
    expect(await run.code).toBe(0);
  });

  it('serves a workbook saved by reference over the PATH that holds its table', async () => {
    const csv = join(dir, 'deals.csv');
    await writeFile(csv, 'id,amount\n1,10\n2,32\n');
    const run = cli(['serve', csv, '--workbook', await workbookFile('by-reference.shakhes', false)]);
    await expect.poll(() => run.out.join('\n'), { timeout: 30_000 }).toMatch(/#token=/);
    const url = new URL(/http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]{64}/.exec(run.out.join('\n'))![0]);
    const headers = { [TOKEN_HEADER]: url.hash.slice('#token='.length) };
    const tables = (await (await fetch(`${url.origin}/api/tables`, { headers })).json()) as ServedTable[];
    // The PATH's table, once: the workbook brought no copy of its own.
    expect(tables.map((t) => [t.table, t.rows, t.path])).toEqual([['deals', 2, csv]]);
    process.emit('SIGINT');
    expect(await run.code).toBe(0);
  });
});
