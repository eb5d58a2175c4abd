import type { WorkbookDocument } from '../core/model/documentSchema';
import { databaseNamed } from '../engine/databaseUrls';
import type { Engine } from '../engine/engine';
import { type PlacedTable, tablesInPlace, viewsInPlace } from '../engine/placedTables';
import type { TablePlace } from '../engine/tableCatalog';
import { flag, flags, type ParsedArgs, UsageError } from './args';
import { openTarget } from './targetEngine';

/** The tables read where they are, in the database `--engine` names. */
interface InPlaceOf<T> {
  /** Opens the database and puts the tables there as views over the user's own. */
  open(what: T): Promise<Engine>;
  /** Drops the engine's own schema or database, views included; the user's tables are untouched. */
  close(): Promise<void>;
}

/** A workbook's tables read in place (run, explain). */
export type InPlace = InPlaceOf<WorkbookDocument>;

/**
 * Whether `--engine` names a database that holds a team's own tables: a PostgreSQL or
 * ClickHouse server, or a chDB folder (`chdb:PATH`). `chdb:` alone is a fresh, empty
 * database, so the tables loaded here are copied into it instead (targetEngine.ts).
 */
const holdsTables = (url: string | undefined): url is string =>
  url !== undefined && databaseNamed(url)?.holdsTables(url) === true;

/**
 * Where a table named without one is: `--schema`, else the database a clickhouse:// URL
 * names, else PostgreSQL's `public` or ClickHouse's `default`.
 */
function defaultContainer(args: ParsedArgs, url: string): string {
  const schema = flag(args, 'schema');
  if (schema !== undefined) return schema;
  return databaseNamed(url)?.defaultContainer(url) ?? 'public';
}

/** `--table NAME=CONTAINER.TABLE` (or `NAME=TABLE`, in the default one): where a table is instead of under its own name. */
function tableArgs(args: ParsedArgs, container: string): Map<string, TablePlace> {
  const out = new Map<string, TablePlace>();
  for (const spec of flags(args, 'table')) {
    const m = /^([^=]+)=(?:([^.]+)\.)?([^.]+)$/.exec(spec);
    if (m === null)
      throw new UsageError(
        `--table takes NAME=SCHEMA.TABLE (PostgreSQL) or NAME=DATABASE.TABLE (ClickHouse), e.g. deals=crm.deals_export; got “${spec}”.`,
      );
    out.set(m[1], { container: m[2] ?? container, table: m[3] });
  }
  return out;
}

/** An engine on `url`, opened by `open` and closed once, however the command ends. */
function inPlaceOn<T>(
  url: string,
  args: ParsedArgs,
  place: (engine: Engine, what: T) => Promise<void>,
): InPlaceOf<T> {
  let engine: Engine | null = null;
  return {
    async open(what) {
      engine = await openTarget(url, flag(args, 'schema'));
      await place(engine, what);
      return engine;
    },
    async close() {
      await engine?.close();
    },
  };
}

const misplacedTable = () =>
  new UsageError(
    '--table names where a table is in the database: it goes with --engine postgres://…, clickhouse://… or chdb:PATH, without --data.',
  );

/**
 * Whether `run` and `explain` read the workbook's tables in place: a workbook, `--engine`
 * naming a database with tables of its own, and no `--data`. Then each workbook table is the
 * table of its name in the default schema or database (defaultContainer) or the one
 * `--table NAME=SCHEMA.TABLE` names.
 */
export function inPlaceFor(args: ParsedArgs, workbook: string | undefined): InPlace | null {
  const url = flag(args, 'engine');
  if (!holdsTables(url) || workbook === undefined || flags(args, 'data').length > 0) {
    if (flags(args, 'table').length > 0) throw misplacedTable();
    return null;
  }
  const container = defaultContainer(args, url);
  const named = tableArgs(args, container);
  return inPlaceOn(url, args, async (engine, doc: WorkbookDocument) => {
    const unknown = [...named.keys()].filter((n) => !doc.datasets.some((d) => d.table === n));
    if (unknown.length > 0)
      throw new UsageError(
        `--table ${unknown.join(', ')}: the workbook has no such table (it has ${doc.datasets.map((d) => d.table).join(', ')}).`,
      );
    const placed = doc.datasets.map((d) => ({
      name: d.table,
      place: named.get(d.table) ?? { container, table: d.table },
      columns: d.columns,
    }));
    await viewsInPlace(engine, placed);
  });
}

/**
 * Whether `eval` reads its tables in place: `--table NAME=SCHEMA.TABLE` (at least one),
 * `--engine` naming a database with tables of its own, and no `--data`. With no workbook to
 * say what a column holds, each is read as the kind its type gives; `tables()` says which.
 */
export function evalInPlaceFor(args: ParsedArgs): (InPlaceOf<void> & { tables(): PlacedTable[] }) | null {
  const url = flag(args, 'engine');
  if (flags(args, 'table').length === 0) return null;
  if (!holdsTables(url) || flags(args, 'data').length > 0) throw misplacedTable();
  const named = tableArgs(args, defaultContainer(args, url));
  let placed: PlacedTable[] = [];
  const inPlace = inPlaceOn(url, args, async (engine) => {
    placed = await tablesInPlace(
      engine,
      [...named].map(([name, place]) => ({ name, place })),
    );
  });
  return { ...inPlace, tables: () => placed };
}
