import { createRequire } from 'node:module';
import type * as DuckDBNode from '@duckdb/duckdb-wasm/blocking';
import { type Table, tableFromIPC } from 'apache-arrow';
import { type Engine, OFFLINE_SETTINGS } from './engine';
import { loadNodeParquet } from './parquet/nodeCodec';
import { pendingQueries } from './pendingQuery';
import { serialEngine } from './serialEngine';

const require = createRequire(import.meta.url);

/**
 * Engine on DuckDB-WASM's Node build: the same WASM and SQL as the browser, so
 * tests and the CLI compute the browser's numbers. Queries run as pending queries
 * polled between event-loop turns, so a time limit or cancel() can stop them; calls are
 * queued like the browser's.
 */
export async function createNodeEngine(): Promise<Engine> {
  const duckdb: typeof DuckDBNode = require('@duckdb/duckdb-wasm/blocking');
  const dist = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm').replace(/duckdb-eh\.wasm$/, '');
  const bundles = {
    mvp: { mainModule: `${dist}duckdb-mvp.wasm`, mainWorker: `${dist}duckdb-node-mvp.worker.cjs` },
    eh: { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: `${dist}duckdb-node-eh.worker.cjs` },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await db.instantiate();
  db.open({});
  const conn = db.connect();
  for (const s of OFFLINE_SETTINGS) conn.query(s);
  const pending = pendingQueries(duckdb, conn);
  return serialEngine({
    async query(sql: string): Promise<Table> {
      // The Node build require()s its own copy of apache-arrow, whose tables fail the app's
      // instanceof checks; results cross as IPC bytes, which every copy reads.
      return tableFromIPC(await pending.query(sql));
    },
    async cancel() {
      pending.cancel();
    },
    async registerFile(name, bytes) {
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
  });
}
