import type { ColumnKind } from '../model/columnKind';

/**
 * The one list of functions. Checker, compiler, autocomplete, help and the
 * generated docs/formulas.md all read these entries; nothing else knows a
 * function's signature or its SQL.
 */

export type ParamType =
  /** number; TRUE/FALSE count as 1/0 */
  | 'number'
  | 'text'
  | 'boolean'
  /** date or timestamp */
  | 'datelike'
  /** number, text, date or timestamp: anything with an order */
  | 'orderable'
  | 'any'
  /** a table name, as in COUNTROWS(deals) */
  | 'table';

export interface ParamSpec {
  name: string;
  type: ParamType;
  optional?: boolean;
  /** The last parameter may repeat. */
  variadic?: boolean;
  /** Must be a fixed value, not read from the data. */
  constant?: boolean;
  /** The values a fixed number may take; the checker refuses others with their span. */
  range?: NumberRange;
}

/** Inclusive bounds of a fixed numeric argument, and whether it must be whole. */
export interface NumberRange {
  min: number;
  max: number;
  whole?: true;
}

/**
 * How many periods PREV and ROLLING may reach back. The calendar is built one row
 * per day over the range plus the look-back, so n × the grain's length is work done
 * before any KPI runs: 1000 periods is 2.7 years of days and 83 years of months,
 * past any real comparison, while a typo such as 1e9 is refused instead of
 * building a calendar of billions of days.
 */
const MAX_PERIODS_BACK = 1000;
const PERIODS_BACK: NumberRange = { min: 1, max: MAX_PERIODS_BACK, whole: true };
/** Doubles hold 15 to 17 significant digits: rounding finer, or coarser than 10^15, changes nothing. */
const ROUND_DIGITS: NumberRange = { min: -15, max: 15, whole: true };

/** A fixed type, the type of one argument, or the common type of the value arguments. */
type ReturnSpec = ColumnKind | { sameAs: number } | { commonOf: number[] };

export type Category = 'aggregate' | 'logical' | 'math' | 'text' | 'date' | 'time intelligence';

interface Example {
  formula: string;
  /** What it gives on a small data set, in words, for the docs. */
  result: string;
}

interface Common {
  name: string;
  category: Category;
  params: ParamSpec[];
  returns: ReturnSpec;
  help: string;
  example: Example;
}

/** What row-level SQL may refer to besides its arguments. */
export interface RowSqlContext {
  periodStart: string;
  periodEnd: string;
  /** Today as a DATE literal; DuckDB-WASM's CURRENT_DATE needs the ICU extension, which is never loaded. */
  today: string;
}

export interface RowFunction extends Common {
  level: 'row';
  sql(args: string[], ctx: RowSqlContext): string;
}

export interface AggregateFunction extends Common {
  level: 'aggregate';
  /** The value when a period has no rows (or only blanks): 0 for sums and counts, blank otherwise. */
  empty: 0 | null;
  /** `filter` is the KPI's filter (and any condition argument) as SQL, or null. */
  sql(args: string[], filter: string | null, ctx: RowSqlContext): string;
  /** Counted from running sums of start and end events per period instead of a plain aggregate. */
  active?: true;
}

/** Column names of the relation a time-intelligence window runs over. */
export interface WindowContext {
  partition: string;
  order: string;
  /** year × 10000 + the period's number within its year: one year back is 10000 less. */
  ordinal: string;
  year: string;
  inRange: string;
  /** The period-start column, for SHARE's per-period total. */
  period: string;
}

export interface TimeFunction extends Common {
  level: 'time';
  /** `n` is the constant second argument when the function takes one. */
  sql(value: string, n: number | null, w: WindowContext): string;
  /** How many earlier periods (and whole years) must exist for the first period in range. */
  lookback(n: number | null): { periods: number; years: number };
}

export type FunctionSpec = RowFunction | AggregateFunction | TimeFunction;

const num = (name: string, extra: Partial<ParamSpec> = {}): ParamSpec => ({ name, type: 'number', ...extra });
const p = (name: string, type: ParamType, extra: Partial<ParamSpec> = {}): ParamSpec => ({
  name,
  type,
  ...extra,
});

function whereAll(...conds: (string | null)[]): string | null {
  const present = conds.filter((c): c is string => c !== null);
  if (present.length === 0) return null;
  return present.length === 1 ? present[0] : present.map((c) => `(${c})`).join(' AND ');
}

function agg(call: string, filter: string | null): string {
  return filter === null ? call : `${call} FILTER (WHERE ${filter})`;
}

const frame = (w: WindowContext, tail = '') =>
  `OVER (PARTITION BY ${w.partition} ORDER BY ${w.order}${tail})`;
const lag = (v: string, n: number, w: WindowContext) => `LAG(${v}, ${n}) ${frame(w)}`;

const FUNCTIONS: FunctionSpec[] = [
  // Aggregates: one value per period from the rows of that period.
  {
    name: 'SUM',
    category: 'aggregate',
    level: 'aggregate',
    params: [num('value')],
    returns: 'number',
    empty: 0,
    help: 'Adds up the values; blanks are skipped. A period with no rows gives 0.',
    example: { formula: 'SUM(deals.amount)', result: 'amounts 100, 250 and a blank give 350' },
    sql: ([x], f) => agg(`SUM(${x})`, f),
  },
  {
    name: 'AVERAGE',
    category: 'aggregate',
    level: 'aggregate',
    params: [num('value')],
    returns: 'number',
    empty: null,
    help: 'The mean of the values; blanks are skipped. Blank when there is nothing to average.',
    example: { formula: 'AVERAGE(deals.amount)', result: 'amounts 100, 250 and a blank give 175' },
    sql: ([x], f) => agg(`AVG(${x})`, f),
  },
  {
    name: 'COUNT',
    category: 'aggregate',
    level: 'aggregate',
    params: [p('value', 'any')],
    returns: 'number',
    empty: 0,
    help: 'How many rows have a value (blanks are not counted).',
    example: {
      formula: 'COUNT(deals.closed_at)',
      result: 'closing dates 2024-01-05, blank, 2024-01-09 give 2',
    },
    sql: ([x], f) => agg(`COUNT(${x})`, f),
  },
  {
    name: 'COUNTD',
    category: 'aggregate',
    level: 'aggregate',
    params: [p('value', 'any')],
    returns: 'number',
    empty: 0,
    help: 'How many different values there are (blanks are not counted).',
    example: { formula: 'COUNTD(orders.customer_id)', result: 'customers 7, 7, 9 give 2' },
    sql: ([x], f) => agg(`COUNT(DISTINCT ${x})`, f),
  },
  {
    name: 'MIN',
    category: 'aggregate',
    level: 'aggregate',
    params: [p('value', 'orderable')],
    returns: { sameAs: 0 },
    empty: null,
    help: 'The smallest value (earliest date, first text in order).',
    example: { formula: 'MIN(deals.amount)', result: 'amounts 100, 250 and a blank give 100' },
    sql: ([x], f) => agg(`MIN(${x})`, f),
  },
  {
    name: 'MAX',
    category: 'aggregate',
    level: 'aggregate',
    params: [p('value', 'orderable')],
    returns: { sameAs: 0 },
    empty: null,
    help: 'The largest value (latest date, last text in order).',
    example: { formula: 'MAX(deals.amount)', result: 'amounts 100, 250 and a blank give 250' },
    sql: ([x], f) => agg(`MAX(${x})`, f),
  },
  {
    name: 'MEDIAN',
    category: 'aggregate',
    level: 'aggregate',
    params: [num('value')],
    returns: 'number',
    empty: null,
    help: 'The middle value; with an even count, the mean of the two middle values.',
    example: { formula: 'MEDIAN(deals.amount)', result: 'amounts 100, 200, 250, 900 give 225' },
    sql: ([x], f) => agg(`quantile_cont(${x}, 0.5)`, f),
  },
  {
    name: 'PERCENTILE',
    category: 'aggregate',
    level: 'aggregate',
    params: [num('value'), num('p', { constant: true, range: { min: 0, max: 1 } })],
    returns: 'number',
    empty: null,
    help: 'The value below which a share p (0 to 1) of the values fall, interpolating between values.',
    example: { formula: 'PERCENTILE(tickets.resolution_hours, 90%)', result: 'hours 1, 2, 3, 4, 5 give 4.6' },
    sql: ([x, q], f) => agg(`quantile_cont(${x}, ${q})`, f),
  },
  {
    name: 'STDEV',
    category: 'aggregate',
    level: 'aggregate',
    params: [num('value')],
    returns: 'number',
    empty: null,
    help: 'The sample standard deviation; blank with fewer than two values.',
    example: { formula: 'STDEV(deals.amount)', result: 'amounts 2, 4, 4, 4, 5, 5, 7, 9 give about 2.138' },
    sql: ([x], f) => agg(`stddev_samp(${x})`, f),
  },
  {
    name: 'COUNTIF',
    category: 'aggregate',
    level: 'aggregate',
    params: [p('condition', 'boolean')],
    returns: 'number',
    empty: 0,
    help: 'How many rows meet the condition; rows where it is blank are not counted.',
    example: { formula: 'COUNTIF(deals.stage = "Won")', result: 'stages Won, Lost, Won give 2' },
    sql: ([c], f, _ctx) => `COUNT(*) FILTER (WHERE ${whereAll(c, f)})`,
  },
  {
    name: 'SUMIF',
    category: 'aggregate',
    level: 'aggregate',
    params: [num('value'), p('condition', 'boolean')],
    returns: 'number',
    empty: 0,
    help: 'Adds up the values of the rows that meet the condition.',
    example: {
      formula: 'SUMIF(deals.amount, deals.stage = "Won")',
      result: 'Won 100, Lost 250, Won 40 give 140',
    },
    sql: ([x, c], f) => `SUM(${x}) FILTER (WHERE ${whereAll(c, f)})`,
  },
  {
    name: 'AVERAGEIF',
    category: 'aggregate',
    level: 'aggregate',
    params: [num('value'), p('condition', 'boolean')],
    returns: 'number',
    empty: null,
    help: 'The mean of the values of the rows that meet the condition.',
    example: {
      formula: 'AVERAGEIF(deals.amount, deals.stage = "Won")',
      result: 'Won 100, Lost 250, Won 40 give 70',
    },
    sql: ([x, c], f) => `AVG(${x}) FILTER (WHERE ${whereAll(c, f)})`,
  },
  {
    name: 'COUNTROWS',
    category: 'aggregate',
    level: 'aggregate',
    params: [p('table', 'table')],
    returns: 'number',
    empty: 0,
    help: "How many rows the table has in the period (all rows when the table has no date column); the KPI's filter applies.",
    example: { formula: 'COUNTROWS(tickets)', result: 'three tickets opened in January give 3 for January' },
    sql: (_args, f) => agg('COUNT(*)', f),
  },
  {
    name: 'ACTIVE',
    category: 'aggregate',
    level: 'aggregate',
    params: [p('start', 'datelike'), p('end', 'datelike')],
    returns: 'number',
    empty: 0,
    active: true,
    help: 'How many rows are active at the start of the period: start on or before it, and end blank or after it. For customers, employees, subscriptions.',
    example: {
      formula: 'ACTIVE(customers.created_at, customers.churned_at)',
      result:
        'one customer joined 2023-12-01 and left 2024-02-01, another joined 2024-01-10: 1 active on 2024-01-01, 1 on 2024-02-01 (one had joined, one had left), 1 on 2024-03-01',
    },
    sql: ([s, e], f, ctx) =>
      `COUNT(*) FILTER (WHERE ${whereAll(
        `${s} <= ${ctx.periodStart}`,
        `(${e} IS NULL OR ${e} > ${ctx.periodStart})`,
        f,
      )})`,
  },

  // Row level: evaluated on each row, or on KPI values.
  {
    name: 'IF',
    category: 'logical',
    level: 'row',
    params: [p('condition', 'boolean'), p('then', 'any'), p('else', 'any', { optional: true })],
    returns: { commonOf: [1, 2] },
    help: 'The "then" value where the condition is true, else the "else" value (blank when left out). A blank condition counts as false.',
    example: { formula: 'SUM(IF(deals.amount > 1000, 1, 0))', result: 'amounts 500, 1500, 2500 give 2' },
    sql: ([c, a, b]) => `CASE WHEN ${c} THEN ${a} ELSE ${b ?? 'NULL'} END`,
  },
  {
    name: 'AND',
    category: 'logical',
    level: 'row',
    params: [p('condition', 'boolean'), p('condition', 'boolean', { variadic: true })],
    returns: 'boolean',
    help: 'True when every condition is true. Also written a AND b.',
    example: {
      formula: 'COUNTIF(AND(deals.stage = "Won", deals.amount > 1000))',
      result: 'Won 500, Won 1500, Lost 2000 give 1',
    },
    sql: (args) => `(${args.join(' AND ')})`,
  },
  {
    name: 'OR',
    category: 'logical',
    level: 'row',
    params: [p('condition', 'boolean'), p('condition', 'boolean', { variadic: true })],
    returns: 'boolean',
    help: 'True when at least one condition is true. Also written a OR b.',
    example: {
      formula: 'COUNTIF(OR(deals.source = "Ads", deals.source = "Web"))',
      result: 'sources Ads, Web, Referral give 2',
    },
    sql: (args) => `(${args.join(' OR ')})`,
  },
  {
    name: 'NOT',
    category: 'logical',
    level: 'row',
    params: [p('condition', 'boolean')],
    returns: 'boolean',
    help: 'True when the condition is false. Written NOT x or NOT(x).',
    example: { formula: 'COUNTIF(NOT(deals.stage = "Lost"))', result: 'stages Won, Lost, Open give 2' },
    sql: ([c]) => `(NOT ${c})`,
  },
  {
    name: 'ISBLANK',
    category: 'logical',
    level: 'row',
    params: [p('value', 'any')],
    returns: 'boolean',
    help: 'True when the value is blank.',
    example: {
      formula: 'COUNTIF(ISBLANK(deals.closed_at))',
      result: 'closing dates 2024-01-05, blank, blank give 2',
    },
    sql: ([x]) => `(${x} IS NULL)`,
  },
  {
    name: 'COALESCE',
    category: 'logical',
    level: 'row',
    params: [p('value', 'any'), p('fallback', 'any', { variadic: true })],
    returns: { commonOf: [0, 1] },
    help: 'The first value that is not blank.',
    example: { formula: 'SUM(COALESCE(orders.cost, 0))', result: 'costs 5, blank, 7 give 12' },
    sql: (args) => `COALESCE(${args.join(', ')})`,
  },
  {
    name: 'ROUND',
    category: 'math',
    level: 'row',
    params: [num('value'), num('digits', { optional: true, constant: true, range: ROUND_DIGITS })],
    returns: 'number',
    help: 'Rounds to the given number of decimals (0 when left out); halves round away from zero.',
    example: { formula: 'ROUND(AVERAGE(deals.amount), 1)', result: 'an average of 133.333 gives 133.3' },
    sql: ([x, d]) => `ROUND(${x}, CAST(${d ?? '0'} AS INTEGER))`,
  },
  {
    name: 'ABS',
    category: 'math',
    level: 'row',
    params: [num('value')],
    returns: 'number',
    help: 'The value without its sign.',
    example: { formula: 'ABS(CHANGE(revenue))', result: 'a change of -40 gives 40' },
    sql: ([x]) => `ABS(${x})`,
  },
  {
    name: 'DIVIDE',
    category: 'math',
    level: 'row',
    params: [num('numerator'), num('denominator'), num('alternative', { optional: true })],
    returns: 'number',
    help: 'numerator / denominator, or the alternative (blank when left out) when the denominator is 0 or blank.',
    example: {
      formula: 'DIVIDE(COUNTIF(deals.stage = "Won"), COUNTROWS(deals), 0)',
      result: '2 won of 5 deals gives 0.4; a month with no deals gives 0',
    },
    sql: ([a, b, alt]) => `CASE WHEN COALESCE(${b}, 0) = 0 THEN ${alt ?? 'NULL'} ELSE ${a} / ${b} END`,
  },
  {
    name: 'LOWER',
    category: 'text',
    level: 'row',
    params: [p('text', 'text')],
    returns: 'text',
    help: 'The text in lower case.',
    example: { formula: 'COUNTIF(LOWER(deals.stage) = "won")', result: 'stages WON, won, Lost give 2' },
    sql: ([x]) => `lower(${x})`,
  },
  {
    name: 'UPPER',
    category: 'text',
    level: 'row',
    params: [p('text', 'text')],
    returns: 'text',
    help: 'The text in upper case.',
    example: { formula: 'COUNTD(UPPER(customers.region))', result: 'regions north, North, South give 2' },
    sql: ([x]) => `upper(${x})`,
  },
  {
    name: 'TRIM',
    category: 'text',
    level: 'row',
    params: [p('text', 'text')],
    returns: 'text',
    help: 'The text without spaces at either end.',
    example: {
      formula: 'COUNTIF(TRIM(deals.stage) = "Won")',
      result: 'stages " Won", "Won ", "Lost" give 2',
    },
    sql: ([x]) => `trim(${x})`,
  },
  {
    name: 'CONTAINS',
    category: 'text',
    level: 'row',
    params: [p('text', 'text'), p('part', 'text')],
    returns: 'boolean',
    help: 'True when the text contains the part, ignoring upper and lower case.',
    example: {
      formula: 'COUNTIF(CONTAINS(tickets.type, "refund"))',
      result: 'types "Refund request", "Bug", "refund" give 2',
    },
    sql: ([x, part]) => `contains(lower(${x}), lower(${part}))`,
  },
  {
    name: 'YEAR',
    category: 'date',
    level: 'row',
    params: [p('date', 'datelike')],
    returns: 'number',
    help: 'The (Gregorian) year of a date.',
    example: {
      formula: 'COUNTIF(YEAR(customers.created_at) = 2023)',
      result: 'sign-ups in 2023, 2023, 2024 give 2',
    },
    sql: ([x]) => `CAST(year(${x}) AS DOUBLE)`,
  },
  {
    name: 'MONTH',
    category: 'date',
    level: 'row',
    params: [p('date', 'datelike')],
    returns: 'number',
    help: 'The (Gregorian) month of a date, 1 to 12.',
    example: {
      formula: 'COUNTIF(MONTH(deals.closed_at) = 12)',
      result: 'closings in December, December, May give 2',
    },
    sql: ([x]) => `CAST(month(${x}) AS DOUBLE)`,
  },
  {
    name: 'DAYS',
    category: 'date',
    level: 'row',
    params: [p('from', 'datelike'), p('to', 'datelike')],
    returns: 'number',
    help: 'Whole calendar days from the first date to the second (negative when the second is earlier).',
    example: {
      formula: 'MEDIAN(DAYS(deals.created_at, deals.closed_at))',
      result: 'cycles of 10, 30 and 45 days give 30',
    },
    sql: ([a, b]) => `CAST(CAST(${b} AS DATE) - CAST(${a} AS DATE) AS DOUBLE)`,
  },
  {
    name: 'HOURS',
    category: 'date',
    level: 'row',
    params: [p('from', 'datelike'), p('to', 'datelike')],
    returns: 'number',
    help: 'Hours, with fractions, from the first time to the second: response and resolution times, where whole days would round most replies to 0.',
    example: {
      formula: 'MEDIAN(HOURS(tickets.created_at, tickets.first_response_at))',
      result: 'replies after 30 minutes, 2 hours and 5 hours give 2',
    },
    sql: ([a, b]) => `((epoch(CAST(${b} AS TIMESTAMP)) - epoch(CAST(${a} AS TIMESTAMP))) / 3600.0)`,
  },
  {
    name: 'TODAY',
    category: 'date',
    level: 'row',
    params: [],
    returns: 'date',
    help: "Today's date on the computer running the formula.",
    example: {
      formula: 'AVERAGE(DAYS(customers.created_at, TODAY()))',
      result: 'the mean customer age in days',
    },
    sql: (_args, ctx) => ctx.today,
  },
  {
    name: 'PERIOD_START',
    category: 'date',
    level: 'row',
    params: [],
    returns: 'date',
    help: 'The first day of the period being computed (of the whole range when there is no grain).',
    example: {
      formula: 'COUNTIF(customers.created_at < PERIOD_START())',
      result: 'customers who joined before the month began',
    },
    sql: (_args, ctx) => ctx.periodStart,
  },
  {
    name: 'PERIOD_END',
    category: 'date',
    level: 'row',
    params: [],
    returns: 'date',
    help: 'The last day of the period being computed.',
    example: {
      formula: 'COUNTIF(deals.closed_at <= PERIOD_END())',
      result: 'deals closed by the last day of the period',
    },
    sql: (_args, ctx) => ctx.periodEnd,
  },

  // Time intelligence: compare a KPI's value across periods.
  {
    name: 'PREV',
    category: 'time intelligence',
    level: 'time',
    params: [num('kpi'), num('n', { optional: true, constant: true, range: PERIODS_BACK })],
    returns: 'number',
    help: 'The value n periods earlier (1 when left out).',
    example: {
      formula: 'PREV(revenue)',
      result: 'revenue 100 in January, 120 in February: February shows 100',
    },
    sql: (v, n, w) => lag(v, n ?? 1, w),
    lookback: (n) => ({ periods: n ?? 1, years: 0 }),
  },
  {
    name: 'YOY',
    category: 'time intelligence',
    level: 'time',
    params: [num('kpi')],
    returns: 'number',
    help: 'The value in the same period one year earlier (same month, quarter, week number or day).',
    example: {
      formula: 'DIVIDE(revenue - YOY(revenue), YOY(revenue))',
      result: '120 now, 100 a year ago: 0.2',
    },
    sql: (v, _n, w) =>
      `FIRST_VALUE(${v}) OVER (PARTITION BY ${w.partition} ORDER BY ${w.ordinal} RANGE BETWEEN 10000 PRECEDING AND 10000 PRECEDING)`,
    lookback: () => ({ periods: 0, years: 1 }),
  },
  {
    name: 'CHANGE',
    category: 'time intelligence',
    level: 'time',
    params: [num('kpi')],
    returns: 'number',
    help: 'The value minus the previous period’s value.',
    example: { formula: 'CHANGE(revenue)', result: 'revenue 100 then 120 gives 20' },
    sql: (v, _n, w) => `(${v} - ${lag(v, 1, w)})`,
    lookback: () => ({ periods: 1, years: 0 }),
  },
  {
    name: 'GROWTH',
    category: 'time intelligence',
    level: 'time',
    params: [num('kpi')],
    returns: 'number',
    help: 'The change relative to the previous period’s value; blank when that was 0 or blank.',
    example: { formula: 'GROWTH(revenue)', result: 'revenue 100 then 120 gives 0.2' },
    sql: (v, _n, w) => `((${v} - ${lag(v, 1, w)}) / NULLIF(${lag(v, 1, w)}, 0))`,
    lookback: () => ({ periods: 1, years: 0 }),
  },
  {
    name: 'RUNNING',
    category: 'time intelligence',
    level: 'time',
    params: [num('kpi')],
    returns: 'number',
    help: 'The running total from the first period of the range up to this one.',
    example: { formula: 'RUNNING(revenue)', result: 'revenue 100, 120, 80 gives 100, 220, 300' },
    sql: (v, _n, w) =>
      `SUM(CASE WHEN ${w.inRange} THEN ${v} END) ${frame(w, ' ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW')}`,
    lookback: () => ({ periods: 0, years: 0 }),
  },
  {
    name: 'ROLLING',
    category: 'time intelligence',
    level: 'time',
    params: [num('kpi'), num('n', { constant: true, range: PERIODS_BACK })],
    returns: 'number',
    help: 'The average of the last n periods, this one included (a moving average); blanks are skipped.',
    example: { formula: 'ROLLING(revenue, 3)', result: 'revenue 90, 120, 150 gives 120 for the third month' },
    sql: (v, n, w) =>
      `AVG(${v}) ${frame(w, ` ROWS BETWEEN ${Math.max(0, (n ?? 1) - 1)} PRECEDING AND CURRENT ROW`)}`,
    lookback: (n) => ({ periods: Math.max(0, (n ?? 1) - 1), years: 0 }),
  },
  {
    name: 'YTD',
    category: 'time intelligence',
    level: 'time',
    params: [num('kpi')],
    returns: 'number',
    help: 'The total from the first period of the year up to this one (the Jalali year in the Jalali calendar).',
    example: { formula: 'YTD(revenue)', result: 'revenue 100 in January, 120 in February: 220 in February' },
    sql: (v, _n, w) =>
      `SUM(${v}) OVER (PARTITION BY ${w.partition}, ${w.year} ORDER BY ${w.order} ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW)`,
    lookback: () => ({ periods: 0, years: 1 }),
  },
  {
    name: 'SHARE',
    category: 'time intelligence',
    level: 'time',
    params: [num('kpi')],
    returns: 'number',
    help: 'This value’s share of the total across the breakdown in the same period (1 without a breakdown).',
    example: { formula: 'SHARE(revenue)', result: 'by segment: SMB 30, Enterprise 70 give 0.3 and 0.7' },
    sql: (v, _n, w) => `(${v} / NULLIF(SUM(${v}) OVER (PARTITION BY ${w.period}), 0))`,
    lookback: () => ({ periods: 0, years: 0 }),
  },
];

const BY_NAME = new Map(FUNCTIONS.map((f) => [f.name, f]));

export function lookupFunction(name: string): FunctionSpec | undefined {
  return BY_NAME.get(name.toUpperCase());
}

export function allFunctions(): readonly FunctionSpec[] {
  return FUNCTIONS;
}

export function paramRange(f: FunctionSpec): { min: number; max: number | null } {
  const min = f.params.filter((x) => !x.optional).length;
  const variadic = f.params.some((x) => x.variadic);
  return { min, max: variadic ? null : f.params.length };
}

/** The parameter that argument i is matched against (variadic parameters repeat). */
export function paramFor(f: FunctionSpec, i: number): ParamSpec | undefined {
  if (i < f.params.length) return f.params[i];
  const last = f.params[f.params.length - 1];
  return last?.variadic ? last : undefined;
}

/** Written signature for help and docs, e.g. `DIVIDE(numerator, denominator[, alternative])`. */
export function signature(f: FunctionSpec): string {
  let out = '';
  f.params.forEach((x, i) => {
    const sep = i === 0 ? '' : ', ';
    if (x.variadic) out += `${sep}${x.name}, …`;
    else if (x.optional) out += `[${sep}${x.name}]`;
    else out += `${sep}${x.name}`;
  });
  return `${f.name}(${out})`;
}
