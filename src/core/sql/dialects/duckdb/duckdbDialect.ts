import { CALENDAR_TABLE } from '../../calendarSchema';
import type { DatePart, Dialect, SqlType } from '../../dialect';
import { standardAggregate } from '../../dialectAggregates';
import { calendarSelect } from '../../dialectCalendar';
import {
  checkedCount,
  checkedIsoDate,
  checkedWholeYears,
  daysSpanned,
  finiteNumber,
  standardIdent,
  standardString,
} from '../../dialectValues';

const TYPES: Record<SqlType, string> = {
  double: 'DOUBLE',
  integer: 'INTEGER',
  text: 'VARCHAR',
  date: 'DATE',
  timestamp: 'TIMESTAMP',
  boolean: 'BOOLEAN',
};

const PARTS: Record<DatePart, string> = {
  year: 'year',
  month: 'month',
  day: 'day',
  quarter: 'quarter',
  isoYear: 'isoyear',
  isoWeek: 'week',
  isoDayOfWeek: 'isodow',
};

const OWN = {
  stddev: (x: string) => `stddev_samp(${x})`,
  percentile: (x: string, p: string) => `quantile_cont(${x}, ${p})`,
  anyValue: (x: string) => `ANY_VALUE(${x})`,
};

/** DuckDB (the browser's engine and the CLI's default): the reference the others are checked against. */
export const duckdb: Dialect = {
  name: 'duckdb',
  quoteIdent: standardIdent,
  qualify: (...parts) => parts.map(standardIdent).join('.'),
  stringLiteral: standardString,
  numberLiteral(value) {
    const n = finiteNumber(value);
    return n === null ? 'NULL' : `CAST(${n} AS DOUBLE)`;
  },
  dateLiteral: (isoDate) => `DATE '${checkedIsoDate(isoDate)}'`,
  dateParameter(n) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`Not a parameter number: ${n}`);
    return `CAST($${n} AS DATE)`;
  },
  cast: (sql, type) => `CAST(${sql} AS ${TYPES[type]})`,
  tryCast: (sql, type) => `TRY_CAST(${sql} AS ${TYPES[type]})`,
  addDays: (date, days) => `CAST(${date} + CAST(${days} AS INTEGER) AS DATE)`,
  addYears: (date, years) => `CAST(${date} + INTERVAL (${checkedWholeYears(years)}) YEAR AS DATE)`,
  daysBetween: (from, to) => `CAST(${to} - ${from} AS INTEGER)`,
  hoursBetween: (from, to) =>
    `((epoch(CAST(${to} AS TIMESTAMP)) - epoch(CAST(${from} AS TIMESTAMP))) / 3600.0)`,
  datePart: (part, date) => `${PARTS[part]}(${date})`,
  makeDate: (y, m, d) => `make_date(${y}, ${m}, ${d})`,
  intDiv: (a, b) => `((${a}) // (${b}))`,
  round: (x, digits) => `ROUND(${x}, CAST(${digits} AS INTEGER))`,
  padNumber: (n, width) => `lpad(CAST(${n} AS VARCHAR), ${width}, '0')`,
  concat: (parts) => `concat(${parts.join(', ')})`,
  contains: (text, part) => `contains(${text}, ${part})`,
  aggregate: (kind, args, filter) => standardAggregate(OWN, kind, args, filter),
  lag: (value, n, over) => `LAG(${value}, ${n}) OVER (${over})`,
  least: (values) => `LEAST(${values.join(', ')})`,
  greatest: (values) => `GREATEST(${values.join(', ')})`,
  nullSafeEquals: (a, b) => `${a} IS NOT DISTINCT FROM ${b}`,
  unionDistinct: 'UNION',
  sessionSettings: [],
  createTableAs: (table, select) => [`CREATE OR REPLACE TABLE ${standardIdent(table)} AS ${select}`],
  daySeries: (from, to, column) =>
    `SELECT CAST(DATE '${checkedIsoDate(from)}' + CAST(i AS INTEGER) AS DATE) AS ${standardIdent(column)} FROM range(0, ${daysSpanned(from, to) + 1}) AS r(i)`,
  calendarTable: (from, to) => duckdb.createTableAs(CALENDAR_TABLE, calendarSelect(duckdb, from, to)),
  integerSeries: (count, column) =>
    `SELECT CAST(i AS INTEGER) AS ${standardIdent(column)} FROM range(0, ${checkedCount(count)}) AS r(i)`,
  regression: (part, y, x) => `regr_${part}(${y}, ${x})`,
};
