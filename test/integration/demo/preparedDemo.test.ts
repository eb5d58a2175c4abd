import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PREPARED_DIR, PREPARED_IMPORTS } from '../../../samples/generator/preparedDemo';
import { insertPrepared, type PreparedImport } from '../../../src/app/data/preparedTable';
import { duckdb } from '../../../src/core/sql/dialects/registry';
import type { Engine } from '../../../src/engine/engine';
import { describeTable } from '../../../src/engine/ingest/describe';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { createDataStore, type SourceFile } from '../../../src/state/dataStore';
import { notingEngine } from '../../helpers/notingEngine';

/**
 * The demo's prepared form (samples/crm-demo-prepared, what the browser's cold start
 * inserts) must be exactly what importing the committed CSVs gives today: the same
 * result (columns, types, rows, options, notes) and the same rows in the same order.
 * When the importer or the CSVs change, this fails until `npm run generate` is run.
 */
const SAMPLES = join(import.meta.dirname, '../../../samples');
const CSV_DIR = join(SAMPLES, 'crm-demo');
const OUT = join(SAMPLES, PREPARED_DIR);
const CSVS = readdirSync(CSV_DIR)
  .filter((n) => n.endsWith('.csv'))
  .sort();
const IMPORTS = JSON.parse(readFileSync(join(OUT, PREPARED_IMPORTS), 'utf8')) as Record<
  string,
  PreparedImport
>;
const arrowOf = (name: string) => new Uint8Array(readFileSync(join(OUT, name.replace(/\.csv$/, '.arrow'))));
const csvOf = (name: string) => new Uint8Array(readFileSync(join(CSV_DIR, name)));
const q = duckdb.quoteIdent;

let engine: Engine;

beforeAll(async () => {
  engine = await createNodeEngine();
});

afterAll(async () => {
  await engine?.close();
});

async function count(sql: string): Promise<number> {
  return Number((await engine.query(`SELECT count(*) AS n FROM (${sql})`)).toArray()[0].n);
}

/** A data store over the test's engine whose demo is `files`, noting each file the importer reads. */
function storeOf(files: SourceFile[]) {
  const imported: string[] = [];
  const store = createDataStore({
    createEngine: async () => engine,
    importFile: (e, source, opts) => {
      imported.push(source.name);
      return importFile(e, source, opts);
    },
    demoFiles: () => files,
  });
  return { store, imported };
}

describe('the prepared demo', () => {
  it('has one prepared table per demo CSV', () => {
    expect(CSVS).toHaveLength(13);
    expect(Object.keys(IMPORTS).sort()).toEqual(CSVS);
  });

  it.each(CSVS)(
    '%s: the prepared table is the imported CSV, result, types and rows in order',
    async (name) => {
      const csv = await importFile(engine, { name, bytes: csvOf(name) }, { table: 'from_csv' });
      const prepared = await insertPrepared(engine, { ipc: arrowOf(name), result: IMPORTS[name] }, [
        'from_csv',
      ]);
      const { table: csvTable, ...csvResult } = csv;
      const { table, ...preparedResult } = prepared;
      // Named as importing the file names it, after the tables already there.
      expect(csvTable).toBe('from_csv');
      expect(table).toBe(name.replace(/\.csv$/, ''));
      expect(preparedResult).toEqual(csvResult);
      expect(await describeTable(engine, table)).toEqual(await describeTable(engine, 'from_csv'));
      // The same rows at the same row ids (the grid's order), blanks included.
      const a = `SELECT rowid AS __rowid, * FROM ${q('from_csv')}`;
      const b = `SELECT rowid AS __rowid, * FROM ${q(table)}`;
      expect(await count(b)).toBe(csv.rows);
      expect(await count(`${a} EXCEPT ALL ${b}`)).toBe(0);
      expect(await count(`${b} EXCEPT ALL ${a}`)).toBe(0);
      await engine.query(`DROP TABLE ${q(table)}`);
      await engine.query('DROP TABLE from_csv');
    },
  );

  it('refuses a prepared table that is not what its file imports to, and leaves the tables as they were', async () => {
    const name = 'deals.csv';
    await engine.query('CREATE TABLE deals AS SELECT 1 AS kept');
    const result = IMPORTS[name];
    const retyped = {
      ...result,
      columns: result.columns.map((c) => (c.name === 'amount' ? { ...c, sqlType: 'VARCHAR' } : c)),
    };
    await expect(insertPrepared(engine, { ipc: arrowOf(name), result: retyped }, ['deals'])).rejects.toThrow(
      /the prepared deals\.csv has the columns \(.*amount BIGINT.*\), its import \(.*amount VARCHAR.*\)/,
    );
    const fewer = { ...result, rows: result.rows + 1 };
    await expect(insertPrepared(engine, { ipc: arrowOf(name), result: fewer }, ['deals'])).rejects.toThrow(
      `the prepared deals.csv has ${result.rows} rows, its import ${result.rows + 1}`,
    );
    // Nothing was put in place or left behind.
    const tables = (await engine.query('SELECT table_name FROM duckdb_tables() ORDER BY 1')).toArray();
    expect(tables.map((r) => String(r.table_name))).toEqual(['deals']);
    expect(await count('SELECT * FROM deals WHERE kept = 1')).toBe(1);
    await engine.query('DROP TABLE deals');
  });

  it('puts a matching prepared table in place with no trip to the engine after the rename', async () => {
    const name = 'training.csv';
    // The engine as insertPrepared sees it, noting each statement: the cold start makes 13 of these inserts.
    const { engine: noting, queries: asked } = notingEngine(engine);
    const result = await insertPrepared(noting, { ipc: arrowOf(name), result: IMPORTS[name] }, []);
    expect(result.table).toBe('training');
    expect(asked).toHaveLength(4);
    expect(asked[0]).toMatch(/^DESCRIBE /);
    expect(asked[3]).toMatch(/^ALTER TABLE .* RENAME TO "?training"?$/);
    const tables = (await engine.query('SELECT table_name FROM duckdb_tables() ORDER BY 1')).toArray();
    expect(tables.map((r) => String(r.table_name))).toEqual(['training']);
    await engine.query('DROP TABLE training');
  });

  it('loads a file through the importer when its prepared table cannot be used, and lists it the same', async () => {
    const name = 'expenses.csv';
    const bytes = csvOf(name);
    const broken = { ...IMPORTS[name], rows: 1 };
    const files: SourceFile[] = [
      {
        name,
        size: bytes.byteLength,
        read: async () => bytes,
        prepared: async () => ({ ipc: arrowOf(name), result: broken }),
      },
    ];
    const { store, imported } = storeOf(files);
    const [entry] = await store.getState().loadDemo();
    expect(imported).toEqual([name]);
    expect(entry.rows).toBe(IMPORTS[name].rows);
    expect(entry.columns).toEqual(IMPORTS[name].columns);
    // The file's bytes are kept either way, for autosave and "read again".
    expect(store.getState().sourceOf('expenses')?.bytes).toBe(bytes);
    await engine.query('DROP TABLE expenses');
  });

  it('loads the demo from its prepared tables without the importer, keeping the CSVs as their sources', async () => {
    const files: SourceFile[] = CSVS.map((name) => ({
      name,
      size: 0,
      read: async () => csvOf(name),
      prepared: async () => ({ ipc: arrowOf(name), result: IMPORTS[name] }),
    }));
    const { store, imported } = storeOf(files);
    const entries = await store.getState().loadDemo();
    expect(imported).toEqual([]);
    expect(entries.map((x) => x.name)).toEqual(CSVS.map((n) => n.replace(/\.csv$/, '')));
    for (const x of entries) {
      expect(x.sourceName).toBe(`${x.name}.csv`);
      expect(x.format).toBe('csv');
      expect(store.getState().sourceOf(x.name)?.name).toBe(x.sourceName);
    }
    // Read again with other options, a demo table goes through the importer like any CSV.
    await store.getState().reimport('deals', { header: true });
    expect(imported).toEqual(['deals.csv']);
    for (const x of entries) await engine.query(`DROP TABLE ${q(x.name)}`);
  });
});
