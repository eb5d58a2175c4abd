import type { ColumnKind } from '../core/model/columnKind';
import type { DialectName } from '../core/sql/dialects/registry';
import { clickhouseCatalog } from './clickhouse/chInPlace';
import type { Engine } from './engine';
import { engineDialect } from './engineDialect';
import { postgresCatalog } from './postgres/pgInPlace';
import { tableToRows } from './rows';
import type { TableCatalog, TablePlace } from './tableCatalog';

/** One of the workbook's tables read in place: where it is, and the columns the workbook reads. */
export interface PlacedTable {
  /** The workbook's name for it: the view in the engine's own schema or database takes it. */
  name: string;
  place: TablePlace;
  columns: readonly { name: string; kind: ColumnKind }[];
}

/** The databases whose own tables can be read in place; DuckDB's are opened from files instead. */
const CATALOGS: Record<DialectName, TableCatalog | null> = {
  duckdb: null,
  postgres: postgresCatalog,
  clickhouse: clickhouseCatalog,
};

function catalogOf(engine: Engine): TableCatalog {
  const dialect = engineDialect(engine);
  const catalog = CATALOGS[dialect.name as DialectName];
  if (!catalog)
    throw new Error(`tables are read in place on PostgreSQL or ClickHouse, not on ${dialect.name}.`);
  return catalog;
}

const where = ({ container, table }: TablePlace) => `${container}.${table}`;

/** The columns of the table the reader can see, in order, by name: empty when there is no such table. */
async function columnTypes(engine: Engine, catalog: TableCatalog, place: TablePlace) {
  const rows = tableToRows(await engine.query(catalog.columnsSql(place)));
  return new Map(rows.map((r) => [String(r.column_name), String(r.data_type)]));
}

function missingTable(catalog: TableCatalog, name: string, place: TablePlace): string {
  const { container, reader } = catalog.words;
  return `${where(place)}: no such table or view (or this ${reader} may not read it); ${name} is read from there. Name another with --table ${name}=${container}.TABLE.`;
}

const KIND_WORDS: Record<ColumnKind, string> = {
  number: 'a number',
  date: 'a date',
  timestamp: 'a timestamp',
  boolean: 'a true/false value',
  text: 'text',
};

/** The view's SELECT over the user's table, or what stops it: each problem says what and where. */
function placedSelect(
  engine: Engine,
  catalog: TableCatalog,
  placed: PlacedTable,
  types: Map<string, string>,
): { sql: string } | { problems: string[] } {
  const at = where(placed.place);
  if (types.size === 0) return { problems: [missingTable(catalog, placed.name, placed.place)] };
  const { quoteIdent, qualify } = engineDialect(engine);
  const problems: string[] = [];
  const select: string[] = [];
  for (const c of placed.columns) {
    const type = types.get(c.name);
    const read = type === undefined ? null : catalog.readAs(c.name, type, c.kind);
    if (type === undefined)
      problems.push(`${at} has no column "${c.name}", which the workbook's ${placed.name} reads.`);
    else if (read === null)
      problems.push(
        `${at}.${c.name} is ${type}, but the workbook reads ${placed.name}.${c.name} as ${KIND_WORDS[c.kind]} (${catalog.accepts(c.kind)}).`,
      );
    else select.push(`${read} AS ${quoteIdent(c.name)}`);
  }
  if (problems.length > 0) return { problems };
  return { sql: `SELECT ${select.join(', ')} FROM ${qualify(placed.place.container, placed.place.table)}` };
}

const refusal = (problems: readonly string[]) =>
  new Error(`the tables cannot be read in place:\n  ${problems.join('\n  ')}`);

/**
 * Creates, in the engine's own schema (PostgreSQL) or database (ClickHouse), one view per
 * workbook table over the user's table, with the workbook's column names and the types
 * its import gave them. The user's tables are only read. Every table is checked first;
 * the error lists every missing table and misfit column, and then nothing is created.
 */
export async function viewsInPlace(engine: Engine, tables: readonly PlacedTable[]): Promise<void> {
  const catalog = catalogOf(engine);
  const planned: { name: string; sql: string }[] = [];
  const problems: string[] = [];
  for (const placed of tables) {
    const result = placedSelect(engine, catalog, placed, await columnTypes(engine, catalog, placed.place));
    if ('problems' in result) problems.push(...result.problems);
    else planned.push({ name: placed.name, sql: result.sql });
  }
  if (problems.length > 0) throw refusal(problems);
  const { quoteIdent } = engineDialect(engine);
  for (const v of planned) await engine.query(`CREATE VIEW ${quoteIdent(v.name)} AS ${v.sql}`);
}

/**
 * With no workbook to say what a table holds (eval): each table's columns, every one, each
 * read as the kind its database type gives, then made views as viewsInPlace does.
 */
export async function tablesInPlace(
  engine: Engine,
  tables: readonly { name: string; place: TablePlace }[],
): Promise<PlacedTable[]> {
  const catalog = catalogOf(engine);
  const placed: PlacedTable[] = [];
  const problems: string[] = [];
  for (const t of tables) {
    const types = await columnTypes(engine, catalog, t.place);
    if (types.size === 0) problems.push(missingTable(catalog, t.name, t.place));
    const columns = [...types].map(([name, type]) => ({ name, kind: catalog.kindOf(type) }));
    placed.push({ ...t, columns });
  }
  if (problems.length > 0) throw refusal(problems);
  await viewsInPlace(engine, placed);
  return placed;
}
