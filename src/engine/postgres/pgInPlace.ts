import type { ColumnKind } from '../../core/model/columnKind';
import { dialectNamed } from '../../core/sql/dialects/registry';
import type { Engine } from '../engine';
import { tableToRows } from '../rows';

/** One of the workbook's tables read in place: where it is, and the columns the workbook reads. */
interface PlacedTable {
  /** The workbook's name for it: the view in the scratch schema takes it. */
  name: string;
  schema: string;
  table: string;
  columns: readonly { name: string; kind: ColumnKind }[];
}

const { quoteIdent, qualify, stringLiteral } = dialectNamed('postgres');

const INTEGERS = ['smallint', 'integer', 'bigint'];
const NUMBERS = [...INTEGERS, 'numeric', 'real', 'double precision'];
const DATES = ['date', 'timestamp without time zone', 'timestamp with time zone'];

/**
 * The PostgreSQL types a column of each kind may have, and what the view casts it to: the
 * types DuckDB's import gives (whole numbers stay whole, as a copied BIGINT does). The
 * session runs in UTC, so a timestamp with time zone becomes its UTC time.
 */
const FITS: Record<ColumnKind, { accepts: readonly string[] | 'any'; castTo(type: string): string }> = {
  number: { accepts: NUMBERS, castTo: (t) => (INTEGERS.includes(t) ? 'bigint' : 'double precision') },
  date: { accepts: DATES, castTo: () => 'date' },
  timestamp: { accepts: DATES, castTo: () => 'timestamp' },
  boolean: { accepts: ['boolean'], castTo: () => 'boolean' },
  text: { accepts: 'any', castTo: () => 'text' },
};

const KIND_WORDS: Record<ColumnKind, string> = {
  number: 'a number',
  date: 'a date',
  timestamp: 'a timestamp',
  boolean: 'a true/false value',
  text: 'text',
};

/** The columns of `schema.table` this role can see, by name: empty when there is no such table. */
async function columnTypes(engine: Engine, schema: string, table: string): Promise<Map<string, string>> {
  const rows = tableToRows(
    await engine.query(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = ${stringLiteral(schema)} AND table_name = ${stringLiteral(table)}`,
    ),
  );
  return new Map(rows.map((r) => [String(r.column_name), String(r.data_type)]));
}

/** The view's SELECT over the user's table, or what stops it: each problem says what and where. */
function placedSelect(
  placed: PlacedTable,
  types: Map<string, string>,
): { sql: string } | { problems: string[] } {
  const where = `${placed.schema}.${placed.table}`;
  if (types.size === 0)
    return {
      problems: [
        `${where}: no such table or view (or this role may not read it); the workbook's table ${placed.name} is read from there. Name another with --table ${placed.name}=SCHEMA.TABLE.`,
      ],
    };
  const problems: string[] = [];
  const select: string[] = [];
  for (const c of placed.columns) {
    const type = types.get(c.name);
    const fit = FITS[c.kind];
    if (type === undefined) {
      problems.push(`${where} has no column "${c.name}", which the workbook's ${placed.name} reads.`);
    } else if (fit.accepts !== 'any' && !fit.accepts.includes(type)) {
      problems.push(
        `${where}.${c.name} is ${type}, but the workbook reads ${placed.name}.${c.name} as ${KIND_WORDS[c.kind]} (${fit.accepts.join(', ')}).`,
      );
    } else {
      select.push(`CAST(${quoteIdent(c.name)} AS ${fit.castTo(type)}) AS ${quoteIdent(c.name)}`);
    }
  }
  if (problems.length > 0) return { problems };
  return { sql: `SELECT ${select.join(', ')} FROM ${qualify(placed.schema, placed.table)}` };
}

/**
 * Creates, in the engine's scratch schema (first on its search path), one view per
 * workbook table over the user's own table, with the workbook's column names and the
 * types its import gave them. The user's tables are only read. Every table is checked
 * before any view is made; the error lists every missing table and misfit column.
 */
export async function viewsInPlace(engine: Engine, tables: readonly PlacedTable[]): Promise<void> {
  const planned: { name: string; sql: string }[] = [];
  const problems: string[] = [];
  for (const placed of tables) {
    const result = placedSelect(placed, await columnTypes(engine, placed.schema, placed.table));
    if ('problems' in result) problems.push(...result.problems);
    else planned.push({ name: placed.name, sql: result.sql });
  }
  if (problems.length > 0)
    throw new Error(`the workbook's tables cannot be read in place:\n  ${problems.join('\n  ')}`);
  for (const v of planned) await engine.query(`CREATE VIEW ${quoteIdent(v.name)} AS ${v.sql}`);
}
