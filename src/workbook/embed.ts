import { Table, tableToIPC } from 'apache-arrow';
import type { Dataset } from '../core/model/documentSchema';
import { duckdb } from '../core/sql/dialect';
import type { Engine } from '../engine/engine';
import { describeTable } from '../engine/ingest/describe';
import { WorkbookError } from './workbookError';

/**
 * Moving loaded tables into and out of a workbook file as Parquet. DuckDB-WASM's own
 * Parquet support is an extension it would download, so both ways go through the
 * engine's parquet-wasm codec and Arrow IPC (DESIGN.md).
 */
type TableOf = Pick<Dataset, 'id' | 'table'>;
type RestoreTarget = Pick<Dataset, 'id' | 'table' | 'sourceName' | 'columns'>;

const q = duckdb.quoteIdent;

export function streamOf(table: Table): Uint8Array {
  // A table built by another loaded copy of apache-arrow (duckdb-wasm's Node build
  // require()s its own) fails the writer's instanceof checks and would silently
  // serialise to an empty stream, losing the data.
  if (!(table instanceof Table))
    throw new Error(
      'The engine returned an Arrow table from another copy of apache-arrow; it cannot be saved.',
    );
  return tableToIPC(table, 'stream');
}

/** Each dataset's table as Parquet bytes, keyed by dataset id. */
export async function embedTables(
  engine: Engine,
  datasets: readonly TableOf[],
): Promise<Map<string, Uint8Array>> {
  const codec = await engine.loadParquet();
  const out = new Map<string, Uint8Array>();
  for (const d of datasets) {
    const table = await engine.query(`SELECT * FROM ${q(d.table)}`);
    out.set(d.id, codec.fromArrowIPC(streamOf(table)));
  }
  return out;
}

let restoreCounter = 0;

/**
 * Loads embedded data back into each dataset's table. All tables are staged and
 * checked against the columns the document declares before any is put in place,
 * so a damaged file leaves the engine's tables as they were.
 */
export async function restoreTables(
  engine: Engine,
  datasets: readonly RestoreTarget[],
  data: ReadonlyMap<string, Uint8Array>,
): Promise<void> {
  const codec = await engine.loadParquet();
  const staged: { staging: string; table: string }[] = [];
  try {
    for (const d of datasets) {
      const parquet = data.get(d.id);
      if (parquet === undefined) continue;
      const staging = `__restore_${++restoreCounter}`;
      let ipc: Uint8Array;
      try {
        ipc = codec.toArrowIPC(parquet);
      } catch {
        throw new WorkbookError(
          'corrupt',
          `The embedded data of "${d.sourceName}" is damaged and cannot be read.`,
        );
      }
      staged.push({ staging, table: d.table });
      await engine.insertArrowIPC(staging, ipc);
      const columns = await describeTable(engine, staging);
      const same =
        columns.length === d.columns.length &&
        columns.every((c, i) => c.name === d.columns[i].name && c.sqlType === d.columns[i].sqlType);
      if (!same)
        throw new WorkbookError(
          'corrupt',
          `The embedded data of "${d.sourceName}" does not have the columns the workbook describes.`,
        );
    }
    for (const s of staged) {
      await engine.query(`DROP TABLE IF EXISTS ${q(s.table)}`);
      await engine.query(`ALTER TABLE ${q(s.staging)} RENAME TO ${q(s.table)}`);
    }
  } finally {
    for (const s of staged) await engine.query(`DROP TABLE IF EXISTS ${q(s.staging)}`).catch(() => undefined);
  }
}
