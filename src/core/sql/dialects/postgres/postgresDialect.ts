import { CALENDAR_DAY, CALENDAR_TABLE } from '../../calendarSchema';
import type { DatePart, Dialect, SqlType } from '../../dialect';
import { standardAggregate } from '../../dialectAggregates';
import { calendarSelect } from '../../dialectCalendar';
import {
  checkedCount,
  checkedIsoDate,
  checkedWholeYears,
  daysSpanned,
  finiteNumber,
  refuseNul,
  standardIdent,
} from '../../dialectValues';

const TYPES: Record<SqlType, string> = {
  double: 'double precision',
  integer: 'integer',
  text: 'text',
  date: 'date',
  timestamp: 'timestamp',
  boolean: 'boolean',
};

const FIELDS: Record<DatePart, string> = {
  year: 'YEAR',
  month: 'MONTH',
  day: 'DAY',
  quarter: 'QUARTER',
  isoYear: 'ISOYEAR',
  isoWeek: 'WEEK',
  isoDayOfWeek: 'ISODOW',
};

const OWN = {
  stddev: (x: string) => `stddev_samp(${x})`,
  percentile: (x: string, p: string) => `percentile_cont(${p}) WITHIN GROUP (ORDER BY ${x})`,
  // any_value arrives in PostgreSQL 16; where it is used every value of the group is the same.
  anyValue: (x: string) => `MIN(${x})`,
};

/**
 * PostgreSQL 15 and later (and what speaks its dialect: Citus, and for the most part
 * Redshift). Text literals are E'…' strings when they hold a backslash, so they mean
 * the same whatever standard_conforming_strings says.
 */
export const postgres: Dialect = {
  name: 'postgres',
  quoteIdent: standardIdent,
  qualify: (...parts) => parts.map(standardIdent).join('.'),
  stringLiteral(value) {
    refuseNul(value, 'text');
    const quoted = value.replaceAll("'", "''");
    return value.includes('\\') ? `E'${quoted.replaceAll('\\', '\\\\')}'` : `'${quoted}'`;
  },
  numberLiteral(value) {
    const n = finiteNumber(value);
    return n === null ? 'NULL' : `CAST(${n} AS double precision)`;
  },
  dateLiteral: (isoDate) => `DATE '${checkedIsoDate(isoDate)}'`,
  cast: (sql, type) => `CAST(${sql} AS ${TYPES[type]})`,
  // PostgreSQL 15 has no TRY_CAST. Read in place, the columns' types were checked to fit first.
  tryCast: (sql, type) => `CAST(${sql} AS ${TYPES[type]})`,
  addDays: (date, days) => `CAST(${date} + CAST(${days} AS integer) AS date)`,
  addYears: (date, years) => `CAST(${date} + make_interval(years => ${checkedWholeYears(years)}) AS date)`,
  daysBetween: (from, to) => `(${to} - ${from})`,
  hoursBetween: (from, to) =>
    `CAST(EXTRACT(EPOCH FROM (CAST(${to} AS timestamp) - CAST(${from} AS timestamp))) / 3600.0 AS double precision)`,
  datePart: (part, date) => `CAST(EXTRACT(${FIELDS[part]} FROM ${date}) AS integer)`,
  makeDate: (y, m, d) => `make_date(CAST(${y} AS integer), CAST(${m} AS integer), CAST(${d} AS integer))`,
  intDiv: (a, b) => `(CAST(${a} AS integer) / CAST(${b} AS integer))`,
  // DuckDB's: the double scaled, rounded half away from zero, scaled back. Through numeric,
  // 1.005 would read as the decimal 1.005 and give 1.01 where DuckDB's double gives 1.
  round: (x, digits) => {
    const v = `CAST(${x} AS double precision)`;
    const scale = `power(10, CAST(${digits} AS integer))`;
    return `(sign(${v}) * floor(abs(${v}) * ${scale} + 0.5) / ${scale})`;
  },
  padNumber: (n, width) => `lpad(CAST(${n} AS text), ${width}, '0')`,
  concat: (parts) => `concat(${parts.join(', ')})`,
  contains: (text, part) => `(strpos(${text}, ${part}) > 0)`,
  aggregate: (kind, args, filter) => standardAggregate(OWN, kind, args, filter),
  lag: (value, n, over) => `LAG(${value}, ${n}) OVER (${over})`,
  least: (values) => `LEAST(${values.join(', ')})`,
  greatest: (values) => `GREATEST(${values.join(', ')})`,
  nullSafeEquals: (a, b) => `${a} IS NOT DISTINCT FROM ${b}`,
  unionDistinct: 'UNION',
  // A scorecard is one wide query: LLVM spent 20-40 s compiling it (JIT starts above a
  // cost, and the estimates over fresh tables are large) for milliseconds of running.
  sessionSettings: ['SET jit = off'],
  createTableAs: (table, select) => [
    `DROP TABLE IF EXISTS ${standardIdent(table)}`,
    `CREATE TABLE ${standardIdent(table)} AS ${select}`,
  ],
  daySeries: (from, to, column) =>
    `SELECT CAST(DATE '${checkedIsoDate(from)}' + i AS date) AS ${standardIdent(column)} FROM generate_series(0, ${daysSpanned(from, to)}) AS r(i)`,
  // Every KPI joins the calendar by day: indexed and analysed, the planner knows its size.
  calendarTable: (from, to) => [
    ...postgres.createTableAs(CALENDAR_TABLE, calendarSelect(postgres, from, to)),
    `CREATE INDEX ON ${standardIdent(CALENDAR_TABLE)} (${standardIdent(CALENDAR_DAY)})`,
    `ANALYZE ${standardIdent(CALENDAR_TABLE)}`,
  ],
  integerSeries: (count, column) =>
    `SELECT i AS ${standardIdent(column)} FROM generate_series(0, ${checkedCount(count) - 1}) AS r(i)`,
  regression: (part, y, x) => `regr_${part}(${y}, ${x})`,
};
