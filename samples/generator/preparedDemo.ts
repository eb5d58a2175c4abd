/**
 * The demo's CSVs imported ahead, for the browser's cold start: each one goes through the
 * app's own importer (on DuckDB-WASM's Node build, the browser's engine), and its table is
 * written as an Arrow IPC stream beside the importer's result. The browser inserts those
 * rows as they are (src/app/data/preparedTable.ts) instead of sniffing, sampling and
 * typing a file whose outcome is fixed. The demo's data is ours: nothing here is a user's.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tableToIPC } from 'apache-arrow';
import type { PreparedImport, PreparedTable } from '../../src/app/data/preparedTable';
import { duckdb } from '../../src/core/sql/dialects/registry';
import { dropSql } from '../../src/core/sql/tableDdl';
import type { Engine } from '../../src/engine/engine';
import { importFile } from '../../src/engine/ingest/importFile';

/** Next to samples/crm-demo: one `<table>.arrow` per CSV and `imports.json`, the results by file name. */
export const PREPARED_DIR = 'crm-demo-prepared';
export const PREPARED_IMPORTS = 'imports.json';

/** One CSV as the app imports it: its table's rows in their order, and the import's result. */
async function prepareDemoTable(engine: Engine, name: string, bytes: Uint8Array): Promise<PreparedTable> {
  const { table, ...result } = await importFile(engine, { name, bytes });
  try {
    const rows = await engine.query(`SELECT * FROM ${duckdb.quoteIdent(table)} ORDER BY rowid`);
    return { ipc: tableToIPC(rows, 'stream'), result };
  } finally {
    await engine.query(dropSql(duckdb, table));
  }
}

/** Writes the prepared form of every CSV in `csvDir` to `outDir`; returns the files written. */
export async function writePreparedDemo(engine: Engine, csvDir: string, outDir: string): Promise<string[]> {
  const names = (await readdir(csvDir)).filter((n) => n.endsWith('.csv')).sort();
  const imports: Record<string, PreparedImport> = {};
  const written: string[] = [];
  for (const name of names) {
    const { ipc, result } = await prepareDemoTable(
      engine,
      name,
      new Uint8Array(await readFile(join(csvDir, name))),
    );
    const path = join(outDir, name.replace(/\.csv$/, '.arrow'));
    await writeFile(path, ipc);
    imports[name] = result;
    written.push(path);
  }
  const path = join(outDir, PREPARED_IMPORTS);
  await writeFile(path, `${JSON.stringify(imports, null, 2)}\n`);
  return [...written, path];
}
