import { afterAll, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { importPath } from '../../../src/engine/lockdown';
import { createNodeEngine } from '../../../src/engine/nodeEngine';

/**
 * A closed DuckDB-WASM engine's instance goes to the next engine of the process, emptied
 * (src/engine/nodeEngine.ts): starting an instance costs seconds, emptying one far less.
 * The next engine must find nothing of the last one's (tables, files, settings) and be
 * locked down as any new engine is; the closed engine must reach nothing any more.
 */
const open: Engine[] = [];
afterAll(async () => {
  await Promise.all(open.map((e) => e.close()));
});

const one = async (e: Engine, sql: string) => (await e.query(sql)).toArray()[0]?.toJSON();

describe('an engine started after another was closed', () => {
  it('gets its instance, empty and locked down, and the closed one reaches nothing', async () => {
    const first = await createNodeEngine();
    await first.query('CREATE TABLE left_behind AS SELECT 42 AS x');
    await first.query('CREATE VIEW left_view AS SELECT 1 AS y');
    await first.registerFile(importPath('left.csv'), new TextEncoder().encode('a\n1\n'));
    expect(await one(first, `SELECT count(*)::INT AS n FROM read_csv('${importPath('left.csv')}')`)).toEqual({
      n: 1,
    });
    await first.close();

    const instantiate = vi.spyOn(WebAssembly, 'instantiate');
    const next = await createNodeEngine();
    open.push(next);
    expect(instantiate).not.toHaveBeenCalled();
    instantiate.mockRestore();

    expect(
      await one(
        next,
        'SELECT (SELECT count(*) FROM duckdb_tables())::INT AS tables, (SELECT count(*) FROM duckdb_views() WHERE NOT internal)::INT AS views',
      ),
    ).toEqual({ tables: 0, views: 0 });
    await expect(next.query(`SELECT * FROM read_csv('${importPath('left.csv')}')`)).rejects.toThrow(
      /left\.csv/,
    );
    expect(
      await one(
        next,
        "SELECT current_setting('enable_external_access') AS external, current_setting('lock_configuration') AS locked",
      ),
    ).toEqual({ external: false, locked: true });
    await expect(next.query("SET memory_limit = '1GB'")).rejects.toThrow(/locked/);

    await next.query('CREATE TABLE mine AS SELECT 7 AS x');
    await expect(first.query('DROP TABLE mine')).rejects.toThrow('This DuckDB-WASM engine is closed.');
    await expect(first.insertArrowIPC('mine', new Uint8Array())).rejects.toThrow(/closed/);
    await expect(first.registerFile(importPath('x.csv'), new Uint8Array())).rejects.toThrow(/closed/);
    await first.cancel();
    expect(await one(next, 'SELECT x FROM mine')).toEqual({ x: 7 });
  });

  it('hands one spare to one engine when two start at once', async () => {
    await open.pop()?.close();
    const instantiate = vi.spyOn(WebAssembly, 'instantiate');
    const [a, b] = await Promise.all([createNodeEngine(), createNodeEngine()]);
    open.push(a, b);
    expect(instantiate).toHaveBeenCalledTimes(1);
    instantiate.mockRestore();
    await a.query('CREATE TABLE only_a AS SELECT 1 AS x');
    await expect(b.query('SELECT x FROM only_a')).rejects.toThrow(/only_a/);
  });
});
