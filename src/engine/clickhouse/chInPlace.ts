import type { ColumnKind } from '../../core/model/columnKind';
import { dialectNamed } from '../../core/sql/dialects/registry';
import type { TableCatalog } from '../tableCatalog';

const dialect = dialectNamed('clickhouse');
const { quoteIdent, stringLiteral } = dialect;

/** A system.columns type without its LowCardinality and Nullable wrappers: `Nullable(DateTime64(3, 'UTC'))` is DateTime64, nullable. */
function typeOf(type: string): { base: string; nullable: boolean } {
  let t = type.trim();
  let nullable = false;
  for (
    let m = /^(LowCardinality|Nullable)\((.*)\)$/s.exec(t);
    m !== null;
    m = /^(LowCardinality|Nullable)\((.*)\)$/s.exec(t)
  ) {
    if (m[1] === 'Nullable') nullable = true;
    t = m[2].trim();
  }
  return { base: /^[A-Za-z0-9]+/.exec(t)?.[0] ?? t, nullable };
}

/** Whole numbers a BIGINT holds every value of; wider ones are read as doubles, never wrapped. */
const INTEGERS = ['Int8', 'Int16', 'Int32', 'Int64', 'UInt8', 'UInt16', 'UInt32'];
const NUMBERS = [
  ...INTEGERS,
  ...['UInt64', 'Int128', 'UInt128', 'Int256', 'UInt256', 'Float32', 'Float64', 'BFloat16'],
  ...['Decimal', 'Decimal32', 'Decimal64', 'Decimal128', 'Decimal256'],
];
const DAYS = ['Date', 'Date32'];
const TIMES = ['DateTime', 'DateTime64'];
const TEXTS = ['String', 'FixedString'];
const TIMESLIKE = 'Date, Date32, DateTime, DateTime64';

/** A time as its UTC instant, as the other engines read a zoned time. */
const utc = (x: string) => dialect.cast(x, 'timestamp');

/**
 * The types a column of each kind may have (any of them Nullable or LowCardinality) and how
 * the view reads one: as the type a copy from DuckDB would have, and Nullable, since the
 * compiled SQL takes every column as possibly blank.
 */
const FITS: Record<
  ColumnKind,
  { accepts: readonly string[] | 'any'; named: string; read(x: string, base: string): string }
> = {
  number: {
    accepts: NUMBERS,
    named: 'Int…, UInt…, Float…, Decimal…',
    read: (x, base) =>
      INTEGERS.includes(base) ? `CAST(${x} AS Nullable(Int64))` : dialect.cast(x, 'double'),
  },
  date: {
    accepts: [...DAYS, ...TIMES],
    named: TIMESLIKE,
    read: (x, base) => dialect.cast(TIMES.includes(base) ? utc(x) : x, 'date'),
  },
  timestamp: { accepts: [...DAYS, ...TIMES], named: TIMESLIKE, read: (x) => utc(x) },
  boolean: { accepts: ['Bool'], named: 'Bool', read: (x) => dialect.cast(x, 'boolean') },
  text: {
    accepts: 'any',
    named: 'any type',
    read: (x, base) => dialect.cast(TEXTS.includes(base) ? x : `toString(${x})`, 'text'),
  },
};

/**
 * A column that is not Nullable cannot hold a blank: a load fills a missing value with the
 * type's default. For text ('') and times (the epoch; Date32's is 1900-01-01) that default is read as
 * a blank, as DuckDB reads the empty cell of an export; for numbers and true/false it is a
 * value (0, false) and stays one (docs/engines.md).
 */
const DEFAULT_IS_BLANK = [...TEXTS, ...DAYS, ...TIMES];

const KINDS: Record<string, ColumnKind> = {
  ...Object.fromEntries(NUMBERS.map((t) => [t, 'number'])),
  ...Object.fromEntries(DAYS.map((t) => [t, 'date'])),
  ...Object.fromEntries(TIMES.map((t) => [t, 'timestamp'])),
  Bool: 'boolean',
};

/** ClickHouse's side of reading tables in place (a server or chDB): system.columns, and its types. */
export const clickhouseCatalog: TableCatalog = {
  words: { container: 'DATABASE', reader: 'user' },
  columnsSql: ({ container, table }) =>
    `SELECT name AS column_name, type AS data_type FROM system.columns WHERE database = ${stringLiteral(container)} AND table = ${stringLiteral(table)} ORDER BY position`,
  readAs(column, type, kind) {
    const { base, nullable } = typeOf(type);
    const fit = FITS[kind];
    if (fit.accepts !== 'any' && !fit.accepts.includes(base)) return null;
    const x = quoteIdent(column);
    return fit.read(
      !nullable && DEFAULT_IS_BLANK.includes(base) ? `nullIf(${x}, defaultValueOfArgumentType(${x}))` : x,
      base,
    );
  },
  accepts: (kind) => FITS[kind].named,
  kindOf: (type) => KINDS[typeOf(type).base] ?? 'text',
};
