import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import type { Table } from 'apache-arrow';
import { type Engine, EngineCancelled } from './engine';
import { assertImportPath, lockdownSettings } from './lockdown';
import { readerToArrow } from './nativeArrow';
import { openWasmDatabase } from './nodeEngine';
import { loadNodeParquet } from './parquet/nodeCodec';
import { serialEngine } from './serialEngine';

interface NativeEngineOptions {
  /** Folders (and files) SQL may read, besides the engine's own private folder. */
  allowedDirectories: string[];
  /** DuckDB's memory_limit, such as '4GB'; DuckDB's default (80 % of RAM) when absent. */
  memoryLimit?: string;
  threads?: number;
  /** Where DuckDB spills what does not fit in memory; a folder inside the private one when absent. */
  tempDirectory?: string;
}

/** How often cancel() repeats its interrupt until the query has stopped (one sent before it starts is lost). */
const INTERRUPT_EVERY_MS = 50;

const withSlash = (dir: string) => (dir.endsWith('/') ? dir : `${dir}/`);
const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteText = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * What each open engine must undo if the process ends without closing it (an uncaught
 * error, process.exit, a second Ctrl-C): its database closed and its private folder gone.
 * One 'exit' listener for them all, so a process with many engines (the tests) adds one.
 */
const openEngines = new Set<() => void>();
process.on('exit', () => {
  for (const undo of openEngines) undo();
});

/** The locked-down database in `home`, the process's 'exit' set to undo it; nothing left behind if it fails. */
async function openLocked(home: string, options: NativeEngineOptions) {
  const config: Record<string, string> = { temp_directory: options.tempDirectory ?? join(home, 'spill') };
  if (options.memoryLimit !== undefined) config.memory_limit = options.memoryLimit;
  if (options.threads !== undefined) config.threads = String(options.threads);
  let instance: DuckDBInstance | undefined;
  let conn: DuckDBConnection | undefined;
  // 'exit' listeners run synchronously: the sync closes and removal are all there is.
  const undo = () => {
    openEngines.delete(undo);
    try {
      conn?.closeSync();
      instance?.closeSync();
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  };
  openEngines.add(undo);
  try {
    instance = await DuckDBInstance.create(':memory:', config);
    conn = await instance.connect();
    // DuckDB-WASM has no ICU: dates and zoned times are UTC there, so they are here too.
    await conn.run("SET TimeZone='UTC'");
    for (const s of lockdownSettings([...options.allowedDirectories.map(withSlash), withSlash(home)]))
      await conn.run(s);
    return { conn, undo };
  } catch (err) {
    undo();
    throw err;
  }
}

/**
 * Engine on native DuckDB (@duckdb/node-api): all cores, spilling to disk, files read in
 * place by path. Locked down like the WASM engines, with the given folders and its own
 * private folder (registered files, Arrow inserts, spill) as the only readable places.
 * Results are converted to the Arrow types DuckDB-WASM gives (nativeArrow.ts), and the
 * settings that change a number's look (time zone) match WASM's, so the app above sees
 * the same tables and numbers.
 */
export async function createNativeEngine(options: NativeEngineOptions): Promise<Engine> {
  const home = await mkdtemp(join(options.tempDirectory ?? tmpdir(), 'shakhes-native-'));
  const importDirectory = withSlash(join(home, 'import'));
  await mkdir(importDirectory).catch(async (err: unknown) => {
    await rm(home, { recursive: true, force: true });
    throw err;
  });
  const { conn, undo } = await openLocked(home, options);

  let running: Promise<unknown> | null = null;
  let cancelRequested = false;
  const track = async <T>(work: Promise<T>): Promise<T> => {
    cancelRequested = false;
    running = work;
    try {
      return await work;
    } catch (err) {
      throw cancelRequested ? new EngineCancelled() : err;
    } finally {
      running = null;
    }
  };
  let insertCounter = 0;
  let tokenizer: ReturnType<typeof openWasmDatabase> | null = null;

  return serialEngine({
    importDirectory,
    async query(sql, queryOptions): Promise<Table> {
      // A prepared statement holds exactly one statement, so DuckDB itself refuses a second.
      if (queryOptions?.single)
        return readerToArrow(await track(conn.prepare(sql).then((p) => p.runAndReadAll())));
      return readerToArrow(await track(conn.runAndReadAll(sql)));
    },
    async tokenize(sql) {
      // Node's DuckDB API has no tokenizer, and the app's highlighting and guard must read
      // SQL as DuckDB does: DuckDB-WASM's (the same parser, one patch release apart) is loaded
      // once, on first use, with no data in it.
      tokenizer ??= openWasmDatabase();
      const { offsets, types } = (await tokenizer).db.tokenize(sql);
      return { offsets: [...offsets], types: [...types] };
    },
    async cancel() {
      const query = running;
      if (query === null) return;
      cancelRequested = true;
      conn.interrupt();
      const again = setInterval(() => conn.interrupt(), INTERRUPT_EVERY_MS);
      void query.then(
        () => clearInterval(again),
        () => clearInterval(again),
      );
    },
    async registerFile(name, bytes) {
      assertImportPath(name, importDirectory);
      await writeFile(name, bytes);
    },
    async dropFile(name) {
      assertImportPath(name, importDirectory);
      await unlink(name).catch(() => undefined);
    },
    async insertArrowIPC(table, ipc) {
      // No Arrow scan in the Node API: the rows cross as a Parquet file DuckDB reads natively.
      const file = join(home, `insert-${++insertCounter}.parquet`);
      await writeFile(file, loadNodeParquet().fromArrowIPC(ipc));
      try {
        await conn.run(
          `CREATE OR REPLACE TABLE ${quoteIdent(table)} AS SELECT * FROM read_parquet(${quoteText(file)})`,
        );
      } finally {
        await unlink(file);
      }
    },
    async loadParquet() {
      return loadNodeParquet();
    },
    async close() {
      undo();
    },
  });
}
