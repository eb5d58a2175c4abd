import { createRequire } from 'node:module';
import type * as DuckDBNode from '@duckdb/duckdb-wasm/blocking';
import { type Table, tableFromIPC } from 'apache-arrow';
import type { Engine } from './engine';
import { assertImportPath, LOCKDOWN_SETTINGS } from './lockdown';
import { loadNodeParquet } from './parquet/nodeCodec';

const require = createRequire(import.meta.url);

/**
 * Engine on DuckDB-WASM's Node build: the same WASM and SQL as the browser, so
 * tests and the CLI compute the browser's numbers. Queries run synchronously in
 * this build, so cancel() has nothing to interrupt.
 */
export async function createNodeEngine(): Promise<Engine> {
  const duckdb: typeof DuckDBNode = require('@duckdb/duckdb-wasm/blocking');
  const dist = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm').replace(/duckdb-eh\.wasm$/, '');
  const bundles = {
    mvp: { mainModule: `${dist}duckdb-mvp.wasm`, mainWorker: `${dist}duckdb-node-mvp.worker.cjs` },
    eh: { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: `${dist}duckdb-node-eh.worker.cjs` },
  };
  // The Node build require()s its own copy of apache-arrow; its tables fail the
  // instanceof checks of the copy the app imports (tableToIPC then writes nothing),
  // so every result is handed over through IPC bytes, which both copies read.
  const cjsArrow: typeof import('apache-arrow') = require('apache-arrow');
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({});
  const conn = db.connect();
  for (const s of LOCKDOWN_SETTINGS) conn.query(s);
  const single = (sql: string) => {
    const statement = conn.prepare(sql);
    try {
      return statement.query();
    } finally {
      statement.close();
    }
  };
  return {
    async query(sql, options): Promise<Table> {
      const result = options?.single ? single(sql) : conn.query(sql);
      return tableFromIPC(cjsArrow.tableToIPC(result, 'stream'));
    },
    async tokenize(sql) {
      const { offsets, types } = db.tokenize(sql);
      return { offsets: [...offsets], types: [...types] };
    },
    async cancel() {},
    async registerFile(name, bytes) {
      assertImportPath(name);
      db.registerFileBuffer(name, bytes);
    },
    async dropFile(name) {
      db.dropFile(name);
    },
    async insertArrowIPC(table, ipc) {
      conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
    },
    async loadParquet() {
      return loadNodeParquet();
    },
    async close() {
      conn.close();
    },
  };
}
