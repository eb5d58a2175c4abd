import { createRequire } from 'node:module';
import type * as DuckDBNode from '@duckdb/duckdb-wasm/blocking';
import { type Table, tableFromIPC } from 'apache-arrow';
import { instantiateCompiled } from './compiledWasm';
import type { Engine } from './engine';
import { assertImportPath, LOCKDOWN_SETTINGS } from './lockdown';
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
  const { duckdb, db } = spare.pop() ?? (await openWasmDatabase());
  const conn = db.connect();
  for (const s of LOCKDOWN_SETTINGS) conn.query(s);
  const pending = pendingQueries(duckdb, conn);
  // A prepared statement holds exactly one statement, so DuckDB itself refuses a second.
  const single = (sql: string) => {
    const statement = conn.prepare(sql);
    try {
      return statement.query();
    } finally {
      statement.close();
    }
  };
  const cjsArrow: { tableToIPC(t: unknown, format: 'stream'): Uint8Array } = require('apache-arrow');
  let closed = false;
  // Its instance goes on to another engine once this one is closed: nothing may reach it from here.
  const ensureOpen = () => {
    if (closed) throw new Error('This DuckDB-WASM engine is closed.');
  };
  return serialEngine({
    keepsStatements: true,
    async query(sql, options): Promise<Table> {
      ensureOpen();
      // The Node build require()s its own copy of apache-arrow, whose tables fail the app's
      // instanceof checks; results cross as IPC bytes, which every copy reads.
      if (options?.single) return tableFromIPC(cjsArrow.tableToIPC(single(sql), 'stream'));
      return tableFromIPC(await pending.query(sql));
    },
    async tokenize(sql) {
      ensureOpen();
      const { offsets, types } = db.tokenize(sql);
      return { offsets: [...offsets], types: [...types] };
    },
    async cancel() {
      // After close the connection's id may be the next engine's.
      if (!closed) pending.cancel();
    },
    async registerFile(name, bytes) {
      ensureOpen();
      assertImportPath(name);
      db.registerFileBuffer(name, bytes);
    },
    async dropFile(name) {
      ensureOpen();
      db.dropFile(name);
    },
    async insertArrowIPC(table, ipc) {
      ensureOpen();
      conn.insertArrowFromIPCStream(ipc, { name: table, create: true });
    },
    async loadParquet() {
      return loadNodeParquet();
    },
    async close() {
      if (closed) return;
      closed = true;
      conn.close();
      keepSpare({ duckdb, db });
    },
  });
}

type WasmDatabase = Awaited<ReturnType<typeof openWasmDatabase>>;

/**
 * Instances of closed engines, emptied, for the next engines of the process. Starting an
 * instance costs seconds even with the module compiled (compiledWasm.ts): Emscripten links
 * DuckDB's symbols in JavaScript on every instantiation. Emptying one takes a reset and a
 * new database (its tables, files and settings gone) in a fraction of that. Its memory stays
 * as large as it grew, so only a few are kept.
 */
const spare: WasmDatabase[] = [];
const SPARE_LIMIT = 2;

function keepSpare(instance: WasmDatabase): void {
  if (spare.length >= SPARE_LIMIT) return;
  const { db } = instance;
  try {
    db.dropFiles();
    db.reset();
    db.open({});
    // An instance a query left broken (a trap, memory gone) fails here and is not handed on.
    const check = db.connect();
    try {
      check.query('SELECT 1');
    } finally {
      check.close();
    }
  } catch {
    return;
  }
  spare.push(instance);
}

/** An open, empty DuckDB-WASM database in Node (its tokenizer also serves the native engine). */
export async function openWasmDatabase() {
  const duckdb: typeof DuckDBNode = require('@duckdb/duckdb-wasm/blocking');
  const dist = require.resolve('@duckdb/duckdb-wasm/dist/duckdb-eh.wasm').replace(/duckdb-eh\.wasm$/, '');
  const bundles = {
    mvp: { mainModule: `${dist}duckdb-mvp.wasm`, mainWorker: `${dist}duckdb-node-mvp.worker.cjs` },
    eh: { mainModule: `${dist}duckdb-eh.wasm`, mainWorker: `${dist}duckdb-node-eh.worker.cjs` },
  };
  const db = await duckdb.createDuckDB(bundles, new duckdb.VoidLogger(), duckdb.NODE_RUNTIME);
  await instantiateCompiled(db);
  db.open({});
  return { duckdb, db };
}
