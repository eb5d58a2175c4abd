import { uniqueTableName } from '../../core/ingest/tableName';
import { dropSql, renameTableSql } from '../../core/sql/tableDdl';
import type { Engine } from '../../engine/engine';
import { engineDialect } from '../../engine/engineDialect';
import { countRows, describeTable } from '../../engine/ingest/describe';
import type { ColumnInfo, ImportResult } from '../../engine/ingest/types';
import { scratchName } from '../../engine/scratchName';

/** What importing a file gave, apart from the table's name (which depends on the tables already there). */
export type PreparedImport = Omit<ImportResult, 'table'>;

/**
 * A file of ours (the demo's) imported ahead, when the app is built: its table's rows as
 * an Arrow IPC stream and the importer's result. Inserting the rows skips the importer's
 * work on a file whose outcome is known (sniffing, sampling, typing, reading the text),
 * and the table is listed exactly as importing the file lists it.
 */
export interface PreparedTable {
  readonly ipc: Uint8Array;
  readonly result: PreparedImport;
}

const shape = (columns: readonly ColumnInfo[]) => columns.map((c) => `${c.name} ${c.sqlType}`).join(', ');

/**
 * Puts a prepared table in place under a name none of `existing` has. The rows go to a
 * staging table first and are checked against the result they came with (columns, their
 * types, the row count): a prepared form that no longer matches its file is refused,
 * saying what differs, and leaves every table as it was, so the caller can import the
 * file itself instead.
 */
export async function insertPrepared(
  engine: Engine,
  prepared: PreparedTable,
  existing: readonly string[],
): Promise<ImportResult> {
  const { result } = prepared;
  const staging = scratchName('__prepared_');
  try {
    await engine.insertArrowIPC(staging, prepared.ipc);
    const got = shape(await describeTable(engine, staging));
    if (got !== shape(result.columns))
      throw new Error(
        `the prepared ${result.sourceName} has the columns (${got}), its import (${shape(result.columns)})`,
      );
    const rows = await countRows(engine, staging);
    if (rows !== result.rows)
      throw new Error(`the prepared ${result.sourceName} has ${rows} rows, its import ${result.rows}`);
    const table = uniqueTableName(result.sourceName, existing);
    await engine.query(dropSql(engineDialect(engine), table));
    await engine.query(renameTableSql(engineDialect(engine), staging, table));
    return { ...result, table };
  } catch (e) {
    // Only a refused or failed insert leaves the staging table: a renamed one is gone, and
    // dropping it anyway would cost each cold start 13 more trips to the engine's worker.
    await engine.query(dropSql(engineDialect(engine), staging)).catch(() => undefined);
    throw e;
  }
}
