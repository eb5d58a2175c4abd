import { readdir, rm } from 'node:fs/promises';
import { tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { wrapping } from '../../../src/engine/engineRoot';
import { createNativeEngine } from '../../../src/engine/nativeEngine';
import { loadNodeParquet } from '../../../src/engine/parquet/nodeCodec';
import { connectRemoteEngine } from '../../../src/engine/remoteEngine';
import { type StartedServer, startServer } from '../../../src/server/startServer';
import { fakeBuild } from './serverHarness';

/**
 * Two tabs of one `shakhes serve` import at the same time. Each tab is a process of its
 * own, so each has its own copy of the importer's modules (here: fresh module instances
 * after vi.resetModules) and both write to the server's one database. Tab A is held
 * right after its first step on a scratch table until tab B's import has ended, so the
 * two imports overlap on every run.
 */
let root: string;
let server: StartedServer;
let serverEngine: Engine;

beforeAll(async () => {
  root = await fakeBuild();
  serverEngine = await createNativeEngine({ allowedDirectories: [] });
  server = await startServer({ root, port: 0, engine: serverEngine });
});

afterAll(async () => {
  await server?.close();
  await serverEngine?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/** A tab: its engine talks to the server, and its importer modules are its own. */
async function tab() {
  const engine = await connectRemoteEngine({
    origin: server.origin,
    token: server.token,
    loadParquet: async () => loadNodeParquet(),
  });
  vi.resetModules();
  const { importFile } = await import('../../../src/engine/ingest/importFile');
  const { insertPrepared } = await import('../../../src/app/data/preparedTable');
  return { engine, importFile, insertPrepared };
}

/**
 * `engine`, whose first call that `matches` waits, once the server has answered it, for
 * `until` to settle: the tab stands still with its scratch table in the database.
 */
function heldAfter(engine: Engine, matches: (sql: string) => boolean, until: () => Promise<unknown>) {
  let held = false;
  const hold = async () => {
    if (held) return;
    held = true;
    await until().catch(() => undefined);
  };
  return wrapping(
    {
      ...engine,
      query: async (sql, options) => {
        const result = await engine.query(sql, options);
        if (matches(sql)) await hold();
        return result;
      },
      insertArrowIPC: async (table, ipc) => {
        await engine.insertArrowIPC(table, ipc);
        if (matches(table)) await hold();
      },
    },
    engine,
  );
}

const csv = (rows: number, amount: number) =>
  new TextEncoder().encode(
    `id,amount\n${Array.from({ length: rows }, (_, i) => `${i + 1},${amount}`).join('\n')}\n`,
  );

async function figures(table: string) {
  const r = await serverEngine.query(`SELECT count(*)::INT AS n, sum(amount)::INT AS total FROM "${table}"`);
  const [row] = r.toArray();
  return { n: Number(row.n), total: Number(row.total) };
}

async function scratchTables(): Promise<string[]> {
  const r = await serverEngine.query(
    "SELECT table_name AS t FROM duckdb_tables() WHERE table_name LIKE '\\_\\_%' ESCAPE '\\'",
  );
  return r.toArray().map((x) => String(x.t));
}

describe('two tabs importing into one server at once', () => {
  it('each gets its own table with its own rows, and no scratch table or file is left', async () => {
    const a = await tab();
    const b = await tab();
    let importB: Promise<unknown> = new Promise(() => undefined);
    const heldA = heldAfter(
      a.engine,
      (sql) => sql.includes('__staging_'),
      () => importB,
    );
    const importA = a.importFile(heldA, { name: 'tab_a.csv', bytes: csv(3, 10) });
    // B starts once A stands still with its staging table made.
    importB = Promise.resolve().then(() => b.importFile(b.engine, { name: 'tab_b.csv', bytes: csv(5, 7) }));
    const [ra, rb] = await Promise.allSettled([importA, importB]);
    expect(ra.status === 'rejected' ? String(ra.reason) : ra.value.table).toBe('tab_a');
    expect(rb.status === 'rejected' ? String(rb.reason) : (rb.value as { table: string }).table).toBe(
      'tab_b',
    );
    // 3 rows of 10 and 5 rows of 7.
    expect(await figures('tab_a')).toEqual({ n: 3, total: 30 });
    expect(await figures('tab_b')).toEqual({ n: 5, total: 35 });
    expect(await scratchTables()).toEqual([]);
    const uploads = await readdir(a.engine.importDirectory ?? '');
    expect(uploads.filter((f) => f.startsWith('__import_'))).toEqual([]);
  });

  it('puts prepared tables (the demo’s) in place side by side', async () => {
    const a = await tab();
    const b = await tab();
    // A prepared table's rows and its import's result, as the build makes them: from an import.
    const prepare = async (name: string, rows: number, amount: number) => {
      const result = await a.importFile(a.engine, { name: `${name}.csv`, bytes: csv(rows, amount) });
      const ipc = tableToIPC(await a.engine.query(`SELECT * FROM "${result.table}"`), 'stream');
      await a.engine.query(`DROP TABLE "${result.table}"`);
      const { table: _, ...prepared } = result;
      return { ipc, result: prepared };
    };
    const pa = await prepare('prep_a', 2, 4);
    const pb = await prepare('prep_b', 6, 1);
    let insertB: Promise<unknown> = new Promise(() => undefined);
    const heldA = heldAfter(
      a.engine,
      (name) => name.startsWith('__prepared_'),
      () => insertB,
    );
    const insertA = a.insertPrepared(heldA, pa, []);
    insertB = Promise.resolve().then(() => b.insertPrepared(b.engine, pb, []));
    const [ra, rb] = await Promise.allSettled([insertA, insertB]);
    expect(ra.status === 'rejected' ? String(ra.reason) : ra.value.table).toBe('prep_a');
    expect(rb.status === 'rejected' ? String(rb.reason) : (rb.value as { table: string }).table).toBe(
      'prep_b',
    );
    expect(await figures('prep_a')).toEqual({ n: 2, total: 8 });
    expect(await figures('prep_b')).toEqual({ n: 6, total: 6 });
    expect(await scratchTables()).toEqual([]);
  });
});
