import { CALENDAR_TABLE } from '../../calendarSchema';
import type { AggregateKind, DatePart, Dialect, RegressionPart, SqlType } from '../../dialect';
import { calendarSelect } from '../../dialectCalendar';
import {
  checkedCount,
  checkedIsoDate,
  checkedWholeYears,
  daysSpanned,
  finiteNumber,
  refuseNul,
} from '../../dialectValues';

/** Every cast keeps blanks: ClickHouse's plain types have none and would turn a blank into 0 or ''. */
const TYPES: Record<SqlType, string> = {
  double: 'Nullable(Float64)',
  integer: 'Nullable(Int32)',
  text: 'Nullable(String)',
  // Date32 reaches back to 1900; Date starts at 1970.
  date: 'Nullable(Date32)',
  timestamp: "Nullable(DateTime64(6, 'UTC'))",
  boolean: 'Nullable(Bool)',
};

const PARTS: Record<DatePart, string> = {
  year: 'toYear',
  month: 'toMonth',
  day: 'toDayOfMonth',
  quarter: 'toQuarter',
  isoYear: 'toISOYear',
  isoWeek: 'toISOWeek',
  isoDayOfWeek: 'toDayOfWeek',
};

/** Backslash starts an escape in ClickHouse's quoted names and texts, so it is escaped too. */
function escaped(text: string, quote: string): string {
  return `${quote}${text.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`)}${quote}`;
}

function quoteIdent(name: string): string {
  refuseNul(name, 'name');
  return escaped(name, '"');
}

/**
 * The -If combinator stands for FILTER; -OrNull makes an aggregate over no rows blank,
 * where ClickHouse would give 0 or nan. Counts stay 0, as in the other dialects.
 */
function aggregate(kind: AggregateKind, [x, p]: readonly string[], filter: string | null): string {
  const f = filter === null ? '' : 'If';
  const cond = filter === null ? [] : [`(${filter})`];
  const fn = (name: string, args: string[], params = '') =>
    `${name}${f}${params}(${[...args, ...cond].join(', ')})`;
  switch (kind) {
    case 'sum':
      return fn('sumOrNull', [x]);
    case 'avg':
      return fn('avgOrNull', [x]);
    case 'count':
      return fn('count', [x]);
    case 'countDistinct':
      return fn('uniqExact', [x]);
    case 'countRows':
      return filter === null ? 'count()' : `countIf(${filter})`;
    case 'min':
      return fn('minOrNull', [x]);
    case 'max':
      return fn('maxOrNull', [x]);
    case 'stddev':
      return fn('stddevSampOrNull', [x]);
    case 'percentile':
      return fn('quantileExactInclusiveOrNull', [x], `(${p})`);
    case 'anyValue':
      return fn('any', [x]);
    // The Stable variant is the numerically stable one (plain corr sums squares and loses digits).
    case 'corr':
      return fn('corrStableOrNull', [x, p]);
  }
}

/**
 * regr_slope and regr_intercept as the population covariance over the variance, over
 * the rows holding both values: no variance (one row, or one x) is blank, not inf or nan.
 */
function regression(part: RegressionPart, y: string, x: string): string {
  const both = `${y} IS NOT NULL AND ${x} IS NOT NULL`;
  const slope = `(covarPopStableOrNullIf(${y}, ${x}, ${both}) / nullIf(varPopStableOrNullIf(${x}, ${both}), 0))`;
  if (part === 'count') return `countIf(${both})`;
  if (part === 'slope') return slope;
  return `(avgOrNullIf(${y}, ${both}) - ${slope} * avgOrNullIf(${x}, ${both}))`;
}

/**
 * least/greatest give NULL when any value is; each value falls back on the others, so a
 * blank one is skipped and all blank is blank, as in DuckDB and PostgreSQL.
 */
function skippingBlanks(fn: 'least' | 'greatest', values: readonly string[]): string {
  if (values.length === 1) return values[0];
  const each = values.map((v, i) => `coalesce(${[v, ...values.filter((_, j) => j !== i)].join(', ')})`);
  return `${fn}(${each.join(', ')})`;
}

/**
 * ClickHouse 24 and later, a server or the embedded chDB. Left joins give NULL only with
 * join_use_nulls (a session setting); a plain UNION needs DISTINCT spelt out.
 */
export const clickhouse: Dialect = {
  name: 'clickhouse',
  quoteIdent,
  qualify: (...parts) => parts.map(quoteIdent).join('.'),
  stringLiteral(value) {
    refuseNul(value, 'text');
    return escaped(value, "'");
  },
  numberLiteral(value) {
    const n = finiteNumber(value);
    return n === null ? 'NULL' : `CAST(${n} AS Float64)`;
  },
  dateLiteral: (isoDate) => `toDate32('${checkedIsoDate(isoDate)}')`,
  cast: (sql, type) => `CAST(${sql} AS ${TYPES[type]})`,
  // Gives Nullable(T): a value that does not fit is blank, as with DuckDB's TRY_CAST.
  tryCast: (sql, type) => `accurateCastOrNull(${sql}, '${TYPES[type].replace(/^Nullable\((.*)\)$/, '$1')}')`,
  addDays: (date, days) => `addDays(${date}, ${days})`,
  addYears: (date, years) => `addYears(${date}, ${checkedWholeYears(years)})`,
  daysBetween: (from, to) => `dateDiff('day', ${from}, ${to})`,
  hoursBetween: (from, to) =>
    `(dateDiff('microsecond', ${clickhouse.cast(from, 'timestamp')}, ${clickhouse.cast(to, 'timestamp')}) / 3600000000.0)`,
  datePart: (part, date) => `CAST(${PARTS[part]}(${date}) AS Nullable(Int32))`,
  makeDate: (y, m, d) => `makeDate32(${y}, ${m}, ${d})`,
  intDiv: (a, b) => `intDiv(${a}, ${b})`,
  // round() of a Float64 rounds halves to even.
  round: (x, digits) => `(sign(${x}) * floor(abs(${x}) * pow(10, ${digits}) + 0.5) / pow(10, ${digits}))`,
  padNumber: (n, width) => `leftPad(toString(${n}), ${width}, '0')`,
  concat: (parts) => `concat(${parts.map((p) => `ifNull(${p}, '')`).join(', ')})`,
  contains: (text, part) => `(position(${text}, ${part}) > 0)`,
  aggregate,
  lag: (value, n, over) =>
    `lagInFrame(${value}, ${n}) OVER (${over} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`,
  least: (values) => skippingBlanks('least', values),
  greatest: (values) => skippingBlanks('greatest', values),
  nullSafeEquals: (a, b) => `isNotDistinctFrom(${a}, ${b})`,
  unionDistinct: 'UNION DISTINCT',
  // A scorecard of fifty KPIs is one query: ClickHouse's default tree limits are for ad-hoc SQL.
  sessionSettings: [
    'SET join_use_nulls = 1',
    'SET max_expanded_ast_elements = 20000000',
    'SET max_ast_elements = 2000000',
  ],
  createTableAs: (table, select) => [
    `DROP TABLE IF EXISTS ${quoteIdent(table)}`,
    `CREATE TABLE ${quoteIdent(table)} ENGINE = MergeTree ORDER BY tuple() AS ${select}`,
  ],
  daySeries: (from, to, column) =>
    `SELECT addDays(toDate32('${checkedIsoDate(from)}'), CAST(number AS Int32)) AS ${quoteIdent(column)} FROM numbers(${daysSpanned(from, to) + 1})`,
  calendarTable: (from, to) => clickhouse.createTableAs(CALENDAR_TABLE, calendarSelect(clickhouse, from, to)),
  integerSeries: (count, column) =>
    `SELECT CAST(number AS Int32) AS ${quoteIdent(column)} FROM numbers(${checkedCount(count)})`,
  regression,
};
