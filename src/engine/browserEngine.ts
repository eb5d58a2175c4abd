import * as duckdb from '@duckdb/duckdb-wasm';
import ehWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import mvpWorker from '@duckdb/duckdb-wasm/dist/duckdb-browser-mvp.worker.js?url';
import ehWasm from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import mvpWasm from '@duckdb/duckdb-wasm/dist/duckdb-mvp.wasm?url';
import { Table } from 'apache-arrow';
import { type Engine, EngineCancelled } from './engine';
import { assertImportPath, LOCKDOWN_SETTINGS } from './lockdown';
import { loadBrowserParquet } from './parquet/browserCodec';
import { serialEngine } from './serialEngine';
import { watchWorker } from './workerWatch';

// Every file comes from the app's own origin: no CDN bundle is ever chosen.
const BUNDLES: duckdb.DuckDBBundles = {
  mvp: { mainModule: mvpWasm, mainWorker: mvpWorker },
  eh: { mainModule: ehWasm, mainWorker: ehWorker },
};

/** DuckDB-WASM in a Web Worker. One connection; queries are queued by the worker. */
export async function createBrowserEngine(): Promise<Engine> {
  const bundle = await duckdb.selectBundle(BUNDLES);
  const worker = new Worker(bundle.mainWorker!);
  // A failed worker rejects what waits on it (DuckDB-WASM alone would leave it waiting for ever).
  const { guard } = watchWorker(worker);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  const conn = await guard(async () => {
    await db.instantiate(bundle.mainModule, bundle.pthreadWorker);
    await db.open({ query: { castBigIntToDouble: false } });
    const c = await db.connect();
    for (const s of LOCKDOWN_SETTINGS) await c.query(s);
    return c;
  });

  let running = 0;
  let cancelled = false;
  // Two streamed queries in flight on the one connection hang, so calls are queued.
  return serialEngine({
    keepsStatements: true,
    query: (sql, options) =>
      guard(async (): Promise<Table> => {
        running++;
        cancelled = false;
        let statement: duckdb.AsyncPreparedStatement | null = null;
        try {
          // A prepared statement holds exactly one statement: DuckDB refuses text with more.
          if (options?.single) statement = await conn.prepare(sql);
          // send() runs the query as a pending query that cancelSent() can interrupt.
          const reader = statement === null ? await conn.send(sql) : await statement.send();
          const batches = [];
          for await (const batch of reader) batches.push(batch);
          return batches.length ? new Table(batches) : new Table(reader.schema);
        } catch (err) {
          if (cancelled) throw new EngineCancelled();
          throw err;
        } finally {
          running--;
          await statement?.close();
        }
      }),
    tokenize: (sql) => guard(() => db.tokenize(sql)),
    async cancel() {
      if (running > 0) {
        cancelled = true;
        await guard(() => conn.cancelSent());
      }
    },
    async registerFile(name, bytes) {
      assertImportPath(name);
      // The buffer is transferred to the worker; a copy leaves the caller's bytes usable (re-reads, errors).
      await guard(() => db.registerFileBuffer(name, bytes.slice()));
    },
    dropFile: (name) => guard(() => db.dropFile(name)).then(() => undefined),
    insertArrowIPC: (table, ipc) =>
      guard(() => conn.insertArrowFromIPCStream(ipc, { name: table, create: true })),
    loadParquet: loadBrowserParquet,
    async close() {
      await conn.close();
      await db.terminate();
      worker.terminate();
    },
  });
}
