import { tableFromIPC } from 'apache-arrow';
import pg from 'pg';
import { dialectNamed } from '../../core/sql/dialects/registry';
import type { Engine } from '../engine';
import { serialEngine } from '../serialEngine';
import { copyStatements, type Statement } from './pgCopy';
import { resultTable, type TextResult } from './pgResult';

/** Where a workbook's PostgreSQL tables are: the server's URL and the schema holding them. */
interface PostgresTarget {
  url: string;
  /** Schema of the user's tables; `public` when not given. */
  schema?: string;
}

/** Every value arrives as text: pgResult.ts types it by the column's OID, in UTC. */
const asText = { getTypeParser: () => (text: string) => text };

const dialect = dialectNamed('postgres');
const { quoteIdent } = dialect;

const refuse = (what: string) => async (): Promise<never> => {
  throw new Error(`${what} is DuckDB's; on PostgreSQL, files are imported with DuckDB and copied in.`);
};

/**
 * Engine on a PostgreSQL server (15 and later) through `pg`. The user's tables are only
 * read: the connection gets a schema of its own (`shakhes_<random>`), first on its
 * search path, so the workbook's views, the calendar and copied files are created there;
 * close() drops it. cancel() asks the server to cancel the running statement from a
 * second connection (pg_cancel_backend), so a runaway query really stops.
 */
export async function createPostgresEngine(
  target: PostgresTarget,
): Promise<Engine & { readonly dialect: 'postgres' }> {
  const client = new pg.Client({ connectionString: target.url, types: asText });
  await client.connect();
  const scratch = `shakhes_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const run = async (s: Statement & { single?: boolean }): Promise<TextResult> => {
    const result = await client.query({
      text: s.text,
      values: s.values,
      rowMode: 'array',
      // The extended protocol takes exactly one statement, so a `;` cannot start a second.
      ...(s.single ? { queryMode: 'extended' as const } : {}),
    });
    // A text with several statements answers with one result each; the last one is the answer.
    const last = Array.isArray(result) ? result[result.length - 1] : result;
    return { fields: last.fields, rows: last.rows };
  };
  try {
    await run({ text: `CREATE SCHEMA ${quoteIdent(scratch)}` });
    await run({
      text: `SET search_path TO ${quoteIdent(scratch)}, ${quoteIdent(target.schema ?? 'public')}`,
    });
    await run({ text: "SET TimeZone TO 'UTC'" });
    for (const setting of dialect.sessionSettings) await run({ text: setting });
  } catch (err) {
    await client.end();
    throw err;
  }
  // The server process serving this connection, which pg_cancel_backend names (set by connect()).
  const { processID: pid } = client as unknown as { processID: number | null };
  let running = 0;
  const inner: Engine = {
    async query(sql, options) {
      running++;
      try {
        return resultTable(await run({ text: sql, single: options?.single }));
      } finally {
        running--;
      }
    },
    tokenize: refuse("Reading SQL with DuckDB's tokenizer"),
    async cancel() {
      if (running === 0 || pid === null) return;
      const other = new pg.Client({ connectionString: target.url });
      await other.connect();
      try {
        await other.query('SELECT pg_cancel_backend($1)', [pid]);
      } finally {
        await other.end();
      }
    },
    registerFile: refuse('Registering a file'),
    dropFile: refuse('Dropping a registered file'),
    async insertArrowIPC(table, ipc) {
      for (const s of copyStatements(table, tableFromIPC(ipc), quoteIdent)) await run(s);
    },
    loadParquet: refuse('Reading Parquet'),
    async close() {
      try {
        await run({ text: `DROP SCHEMA IF EXISTS ${quoteIdent(scratch)} CASCADE` });
      } finally {
        await client.end();
      }
    },
  };
  return Object.assign(serialEngine(inner), { dialect: 'postgres' as const });
}
