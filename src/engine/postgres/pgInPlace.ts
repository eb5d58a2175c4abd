import type { ColumnKind } from '../../core/model/columnKind';
import { dialectNamed } from '../../core/sql/dialects/registry';
import type { TableCatalog } from '../tableCatalog';

const { quoteIdent, stringLiteral } = dialectNamed('postgres');

const INTEGERS = ['smallint', 'integer', 'bigint'];
const NUMBERS = [...INTEGERS, 'numeric', 'real', 'double precision'];
const DATES = ['date', 'timestamp without time zone', 'timestamp with time zone'];

/**
 * The PostgreSQL types a column of each kind may have, and what the view casts it to: the
 * types DuckDB's import gives (whole numbers stay whole, as a copied BIGINT does). The
 * session runs in UTC, so a timestamp with time zone becomes its UTC time. A blank is
 * NULL in PostgreSQL as in DuckDB, so values are read as they are.
 */
const FITS: Record<ColumnKind, { accepts: readonly string[] | 'any'; castTo(type: string): string }> = {
  number: { accepts: NUMBERS, castTo: (t) => (INTEGERS.includes(t) ? 'bigint' : 'double precision') },
  date: { accepts: DATES, castTo: () => 'date' },
  timestamp: { accepts: DATES, castTo: () => 'timestamp' },
  boolean: { accepts: ['boolean'], castTo: () => 'boolean' },
  text: { accepts: 'any', castTo: () => 'text' },
};

/** The kind each type reads as with no workbook to say; any other type is text. */
const KINDS: Record<string, ColumnKind> = {
  ...Object.fromEntries(NUMBERS.map((t) => [t, 'number'])),
  date: 'date',
  'timestamp without time zone': 'timestamp',
  'timestamp with time zone': 'timestamp',
  boolean: 'boolean',
};

/** PostgreSQL's side of reading tables in place: information_schema, and its type names. */
export const postgresCatalog: TableCatalog = {
  words: { container: 'SCHEMA', reader: 'role' },
  columnsSql: ({ container, table }) =>
    `SELECT column_name, data_type FROM information_schema.columns WHERE table_schema = ${stringLiteral(container)} AND table_name = ${stringLiteral(table)} ORDER BY ordinal_position`,
  readAs(column, type, kind) {
    const fit = FITS[kind];
    if (fit.accepts !== 'any' && !fit.accepts.includes(type)) return null;
    return `CAST(${quoteIdent(column)} AS ${fit.castTo(type)})`;
  },
  accepts: (kind) => {
    const { accepts } = FITS[kind];
    return accepts === 'any' ? 'any type' : accepts.join(', ');
  },
  kindOf: (type) => KINDS[type] ?? 'text',
};
