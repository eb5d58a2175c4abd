import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { dialectNamed } from '../../core/sql/dialects/registry';
import type { Engine } from '../engine';
import { serialEngine } from '../serialEngine';
import { cleanNullDates } from './arrowCopy';
import { CHDB_INSTALL, type ChdbSession, loadChdb } from './chdbModule';

const dialect = dialectNamed('clickhouse');
const { quoteIdent, stringLiteral: quoteString } = dialect;

const refuse = (what: string) => async (): Promise<never> => {
  throw new Error(`${what} is DuckDB's; on ClickHouse, files are imported with DuckDB and copied in.`);
};

/** Results as plain Arrow: apache-arrow cannot read compressed record batches. */
const SESSION_ARGS = ['--output_format_arrow_compression_method=none'];

/**
 * Engine on chDB, ClickHouse embedded in the process: in a temporary folder, or in `path`,
 * a chDB folder holding a team's own tables (read in place, never written). Either way a
 * database of its own (`shakhes_<random>`) holds the workbook's views, the calendar and
 * copied files, and close() drops it. chDB 3.4 binds one folder per process and cannot
 * interrupt a running statement: cancel() rejects the caller at once (serialEngine) while
 * the statement finishes in the background; later calls wait for it.
 */
export async function createChdbEngine(path?: string): Promise<Engine & { readonly dialect: 'clickhouse' }> {
  const chdb = loadChdb();
  if (chdb === null) throw new Error(`chDB is not installed here; run \`${CHDB_INSTALL}\` first.`);
  // chDB would make the folder: a mistyped path must not leave an empty database behind.
  if (path !== undefined && !existsSync(path)) throw new Error(`chdb:${path}: no such folder.`);
  const session: ChdbSession = new chdb.Session(path, { connectionArgs: SESSION_ARGS });
  const database = `shakhes_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const run = async (sql: string) => (await session.queryAsync(sql, { format: 'ArrowStream' })).bytes();
  await run(`CREATE DATABASE ${quoteIdent(database)}`);
  await run(`USE ${quoteIdent(database)}`);
  // What the dialect's SQL needs of a session (a left join's missing side as NULL).
  for (const setting of dialect.sessionSettings) await run(setting);
  let copies = 0;
  const inner: Engine = {
    async query(sql) {
      // A statement with no result (DDL) answers with no bytes at all.
      const bytes = await run(sql);
      return tableFromIPC(bytes.byteLength === 0 ? new Uint8Array(0) : bytes);
    },
    tokenize: refuse("Reading SQL with DuckDB's tokenizer"),
    async cancel() {},
    registerFile: refuse('Registering a file'),
    dropFile: refuse('Dropping a registered file'),
    async insertArrowIPC(table, ipc) {
      // ClickHouse reads the Arrow stream itself, types and NULLs included (Nullable columns).
      const file = join(session.path, `copy_${++copies}.arrows`);
      await writeFile(file, cleanNullDates(ipc));
      try {
        await run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
        await run(
          `CREATE TABLE ${quoteIdent(table)} ENGINE = Memory AS SELECT * FROM file(${quoteString(file)}, 'ArrowStream')`,
        );
      } finally {
        await rm(file, { force: true });
      }
    },
    loadParquet: refuse('Reading Parquet'),
    async close() {
      try {
        // SYNC: an Atomic database would otherwise keep its tables' files for minutes.
        await run(`DROP DATABASE IF EXISTS ${quoteIdent(database)} SYNC`);
      } finally {
        session.close();
      }
    },
  };
  return Object.assign(serialEngine(inner), { dialect: 'clickhouse' as const });
}
