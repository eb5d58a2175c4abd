import { DataType, type Field, tableFromIPC } from 'apache-arrow';
import { dialectNamed } from '../../core/sql/dialects/registry';
import type { Engine } from '../engine';
import { serialEngine } from '../serialEngine';
import { cleanNullDates } from './arrowCopy';

const dialect = dialectNamed('clickhouse');
const { quoteIdent, stringLiteral } = dialect;

const refuse = (what: string) => async (): Promise<never> => {
  throw new Error(`${what} is DuckDB's; on ClickHouse, files are imported with DuckDB and copied in.`);
};

/** The HTTP interface a `clickhouse://USER:PASS@HOST:PORT/DB` URL names (port 8123 when not given). */
function endpointOf(url: string) {
  const u = new URL(url.replace(/^clickhouse:/, 'http:'));
  return {
    base: `http://${u.host.includes(':') ? u.host : `${u.host}:8123`}/`,
    user: decodeURIComponent(u.username) || 'default',
    password: decodeURIComponent(u.password),
  };
}

/** The Nullable ClickHouse column an Arrow column of a copied table becomes. */
function columnType(field: Field): string {
  const t = field.type;
  if (DataType.isBool(t)) return 'Nullable(Bool)';
  if (DataType.isInt(t)) return `Nullable(Int${t.bitWidth})`;
  if (DataType.isFloat(t)) return 'Nullable(Float64)';
  if (DataType.isDecimal(t)) return `Nullable(Decimal(${t.precision}, ${t.scale}))`;
  if (DataType.isDate(t)) return 'Nullable(Date32)';
  if (DataType.isTimestamp(t)) return 'Nullable(DateTime64(3))';
  return 'Nullable(String)';
}

/**
 * Engine on a ClickHouse server through its HTTP interface (fetch; no client library).
 * One HTTP session (`session_id`) holds the dialect's settings and a scratch database
 * (`shakhes_<random>`) for the calendar and copied tables; results come as
 * uncompressed ArrowStream. cancel() sends `KILL QUERY` for the running query's id from
 * outside the session, which a running query keeps busy. close() drops the database.
 */
export async function createClickhouseHttpEngine(
  url: string,
): Promise<Engine & { readonly dialect: 'clickhouse' }> {
  const endpoint = endpointOf(url);
  const session = crypto.randomUUID();
  const database = `shakhes_${crypto.randomUUID().replaceAll('-', '').slice(0, 16)}`;
  let running: string | null = null;
  let inDatabase = false;
  const post = async (params: Record<string, string>, body: string | Uint8Array): Promise<Uint8Array> => {
    const response = await fetch(`${endpoint.base}?${new URLSearchParams(params)}`, {
      method: 'POST',
      headers: { 'X-ClickHouse-User': endpoint.user, 'X-ClickHouse-Key': endpoint.password },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    const bytes = new Uint8Array(await response.arrayBuffer());
    if (!response.ok) throw new Error(new TextDecoder().decode(bytes).trim());
    return bytes;
  };
  const run = async (sql: string, data?: Uint8Array): Promise<Uint8Array> => {
    const queryId = crypto.randomUUID();
    running = queryId;
    try {
      const params = {
        session_id: session,
        query_id: queryId,
        default_format: 'ArrowStream',
        output_format_arrow_compression_method: 'none',
        ...(inDatabase ? { database } : {}),
      };
      return data === undefined ? await post(params, sql) : await post({ ...params, query: sql }, data);
    } finally {
      running = null;
    }
  };
  await run(`CREATE DATABASE ${quoteIdent(database)}`);
  inDatabase = true;
  try {
    for (const setting of dialect.sessionSettings) await run(setting);
  } catch (err) {
    await run(`DROP DATABASE IF EXISTS ${quoteIdent(database)}`).catch(() => undefined);
    throw err;
  }
  const inner: Engine = {
    async query(sql) {
      // A statement with no result (DDL) answers with no bytes at all.
      const bytes = await run(sql);
      return tableFromIPC(bytes.byteLength === 0 ? new Uint8Array(0) : bytes);
    },
    tokenize: refuse("Reading SQL with DuckDB's tokenizer"),
    async cancel() {
      if (running === null) return;
      await post({}, `KILL QUERY WHERE query_id = ${stringLiteral(running)} ASYNC`);
    },
    registerFile: refuse('Registering a file'),
    dropFile: refuse('Dropping a registered file'),
    async insertArrowIPC(table, ipc) {
      const clean = cleanNullDates(ipc);
      const fields = tableFromIPC(clean).schema.fields;
      const columns = fields.map((f) => `${quoteIdent(f.name)} ${columnType(f)}`).join(', ');
      await run(`DROP TABLE IF EXISTS ${quoteIdent(table)}`);
      await run(`CREATE TABLE ${quoteIdent(table)} (${columns}) ENGINE = Memory`);
      await run(`INSERT INTO ${quoteIdent(table)} FORMAT ArrowStream`, clean);
    },
    loadParquet: refuse('Reading Parquet'),
    async close() {
      // SYNC: an Atomic database would otherwise keep its tables' files for minutes.
      await run(`DROP DATABASE IF EXISTS ${quoteIdent(database)} SYNC`);
    },
  };
  return Object.assign(serialEngine(inner), { dialect: 'clickhouse' as const });
}
