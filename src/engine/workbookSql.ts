import { duckdb } from '../core/sql/dialects/registry';
import { checkWorkbookSql, type GuardResult } from '../core/sql/guard';
import { type SqlParse, type SqlToken, sqlTokens } from '../core/sql/sqlParse';
import { workbookView } from '../core/sql/workbookView';
import type { Engine } from './engine';
import { tableToRows } from './rows';

/**
 * DuckDB's own reading of workbook SQL, for the guard (core/sql/guard.ts).
 *
 * The WASM build has no JSON extension offline, so `json_serialize_sql` is not there
 * (its catalog says so), and `getTableNames` fails on any view of more than one column
 * (DuckDB 1.4.3 binds the view's tables as one-column dummies). What works, with nothing
 * loaded and the configuration locked:
 * - DuckDB's tokenizer (duckdb-wasm's `tokenize`): the statement count, the first word,
 *   keywords and function calls, lexed exactly as the parser lexes them;
 * - preparing a temporary view over the SQL: DuckDB parses it as one view's query (a
 *   prepared statement refuses a second statement; a view's query cannot be DDL) and
 *   binds it, so unknown tables and files are refused by DuckDB itself, in scope;
 * - `EXPLAIN (FORMAT JSON)` of that view: the bound plan names every base table and table
 *   function the query reads, through CTEs, subqueries, PIVOT and views alike.
 * Nothing of the user's query runs: a view is only bound, a plan only explained.
 */

let probes = 0;
/** A scratch view to bind workbook SQL in, one per check so that two checks never share one. */
const probeName = () => duckdb.quoteIdent(`__shakhes_guard_probe_${++probes}`);

/** UTF-16 offsets of DuckDB's UTF-8 byte offsets. */
function charOffsets(sql: string, bytes: readonly number[]): number[] {
  const encoder = new TextEncoder();
  const out: number[] = [];
  let byte = 0;
  let char = 0;
  for (const target of bytes) {
    while (byte < target && char < sql.length) {
      const cp = sql.codePointAt(char) ?? 0;
      byte += encoder.encode(String.fromCodePoint(cp)).length;
      char += cp > 0xffff ? 2 : 1;
    }
    out.push(char);
  }
  return out;
}

interface PlanNode {
  children?: PlanNode[];
  extra_info?: Record<string, unknown>;
}

/** Base tables and table functions a query's plan reads, as DuckDB's EXPLAIN (FORMAT JSON) names them. */
async function planReads(
  engine: Engine,
  relation: string,
): Promise<{ tables: string[]; functions: string[] }> {
  const rows = tableToRows(await engine.query(`EXPLAIN (FORMAT JSON) SELECT * FROM ${relation}`));
  const tables = new Set<string>();
  const functions = new Set<string>();
  const walk = (node: PlanNode) => {
    const table = node.extra_info?.Table;
    const fn = node.extra_info?.Function;
    if (typeof table === 'string') tables.add(table);
    if (typeof fn === 'string') functions.add(fn);
    for (const child of node.children ?? []) walk(child);
  };
  for (const row of rows) {
    const value = row.explain_value;
    if (typeof value === 'string') for (const node of JSON.parse(value) as PlanNode[]) walk(node);
  }
  return { tables: [...tables], functions: [...functions] };
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** DuckDB's tokens of `sql`, placed in the text (comments are not tokens). */
export async function duckdbTokens(engine: Engine, sql: string): Promise<SqlToken[]> {
  const raw = await engine.tokenize(sql);
  return sqlTokens(sql, charOffsets(sql, raw.offsets), raw.types);
}

/** DuckDB's reading of `sql` as plain data: its tokens, its error, what its plan reads. */
async function parseWorkbookSql(engine: Engine, sql: string): Promise<SqlParse> {
  const tokens = await duckdbTokens(engine, sql);
  const probe = probeName();
  try {
    await engine.query(workbookView(probe, sql, true), { single: true });
  } catch (err) {
    return { tokens, error: messageOf(err), reads: null };
  }
  try {
    return { tokens, error: null, reads: await planReads(engine, `temp.main.${probe}`) };
  } catch (err) {
    return { tokens, error: messageOf(err), reads: null };
  } finally {
    await engine.query(`DROP VIEW IF EXISTS temp.main.${probe}`);
  }
}

/** Base tables under the allowed names that are views (DuckDB's plan names base tables, not views). */
async function tablesUnderViews(engine: Engine, allowed: readonly string[]): Promise<string[]> {
  const views = tableToRows(
    await engine.query(
      "SELECT view_name FROM duckdb_views() WHERE NOT internal AND database_name = 'memory' AND schema_name = 'main'",
    ),
  ).map((r) => String(r.view_name));
  const wanted = new Set(allowed.map((t) => t.toLowerCase()));
  const out: string[] = [];
  for (const view of views.filter((v) => wanted.has(v.toLowerCase())))
    out.push(...(await planReads(engine, `main.${duckdb.quoteIdent(view)}`)).tables);
  return out;
}

/**
 * The guard's verdict on workbook SQL, on DuckDB's reading of it. `allowedTables` are the
 * workbook's tables and views; the tables under those views are looked up only when the
 * plan reads a table not named there.
 */
export async function guardWorkbookSql(
  engine: Engine,
  sql: string,
  allowedTables: readonly string[],
): Promise<GuardResult> {
  const parse = await parseWorkbookSql(engine, sql);
  const named = new Set(allowedTables.map((t) => t.toLowerCase()));
  const needsViews = parse.reads?.tables.some((t) => !named.has(t.toLowerCase())) ?? false;
  const underViews = needsViews ? await tablesUnderViews(engine, allowedTables) : [];
  return checkWorkbookSql(sql, parse, allowedTables, underViews);
}
