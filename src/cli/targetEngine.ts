import { tableToIPC } from 'apache-arrow';
import { duckdb } from '../core/sql/dialects/registry';
import { DATABASE_URLS, databaseNamed } from '../engine/databaseUrls';
import type { Engine } from '../engine/engine';
import { flag, type ParsedArgs, UsageError } from './args';

/** Options of `run` and `eval` that choose the database the scorecard is computed in. */
export const TARGET_OPTIONS = ['engine', 'schema'];

/** The database the numbers are computed in; close() drops what was created there. */
interface Target {
  engine: Engine;
  close(): Promise<void>;
}

/** Whether `--engine` names a database by URL (postgres://, chdb:, clickhouse://), not a DuckDB build. */
export function isTargetUrl(value: string | undefined): value is string {
  return databaseNamed(value) !== undefined;
}

/** Copies tables (or views) from DuckDB into `to` under the same names, typed as DuckDB typed them. */
export async function copyTables(duck: Engine, to: Engine, tables: readonly string[]): Promise<void> {
  for (const name of tables) {
    const table = await duck.query(`SELECT * FROM ${duckdb.quoteIdent(name)}`);
    await to.insertArrowIPC(name, tableToIPC(table, 'stream'));
  }
}

/** An engine on the database `url` names (`chdb:PATH` is the chDB folder at PATH; `chdb:` a fresh one). */
export async function openTarget(url: string, schema: string | undefined): Promise<Engine> {
  const kind = databaseNamed(url);
  if (kind === undefined)
    throw new UsageError(`--engine takes a database URL (${DATABASE_URLS}); got “${url}”.`);
  return kind.open(url, schema);
}

/**
 * With `--engine URL`, the database the scorecard is computed in: the tables the command
 * loaded with DuckDB (its files, the workbook's data, the mapping's views, typed by the
 * browser's import code) are copied into a scratch schema there and read under the same
 * names; without, DuckDB itself. The copies go when the target is closed.
 */
export async function targetFor(args: ParsedArgs, duck: Engine, tables: readonly string[]): Promise<Target> {
  const url = flag(args, 'engine');
  const schema = flag(args, 'schema');
  if (url !== undefined && !isTargetUrl(url))
    throw new UsageError(`--engine takes a database URL (${DATABASE_URLS}); got “${url}”.`);
  if (url === undefined) {
    if (schema !== undefined) throw new UsageError('--schema goes with --engine postgres://….');
    return { engine: duck, close: async () => undefined };
  }
  const engine = await openTarget(url, schema);
  try {
    await copyTables(duck, engine, tables);
  } catch (err) {
    await engine.close();
    throw err;
  }
  return { engine, close: () => engine.close() };
}
