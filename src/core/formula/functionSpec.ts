import type { ColumnKind } from '../model/columnKind';
import type { Dialect } from '../sql/dialect';

/**
 * What a formula function is: its parameters, its type, its help, and how it is written
 * in SQL. The entries themselves are in aggregateFunctions.ts, rowFunctions.ts and
 * timeFunctions.ts, listed together by registry.ts. Each writes its SQL through the
 * dialect it is given, so one entry serves every engine.
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
export const PERIODS_BACK: NumberRange = { min: 1, max: MAX_PERIODS_BACK, whole: true };
/** Doubles hold 15 to 17 significant digits: rounding finer, or coarser than 10^15, changes nothing. */
export const ROUND_DIGITS: NumberRange = { min: -15, max: 15, whole: true };

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
  sql(d: Dialect, args: string[], ctx: RowSqlContext): string;
}

export interface AggregateFunction extends Common {
  level: 'aggregate';
  /** The value when a period has no rows (or only blanks): 0 for sums and counts, blank otherwise. */
  empty: 0 | null;
  /** `filter` is the KPI's filter (and any condition argument) as SQL, or null. */
  sql(d: Dialect, args: string[], filter: string | null, ctx: RowSqlContext): string;
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
  sql(d: Dialect, value: string, n: number | null, w: WindowContext): string;
  /** How many earlier periods (and whole years) must exist for the first period in range. */
  lookback(n: number | null): { periods: number; years: number };
}

export type FunctionSpec = RowFunction | AggregateFunction | TimeFunction;

export const num = (name: string, extra: Partial<ParamSpec> = {}): ParamSpec => ({
  name,
  type: 'number',
  ...extra,
});
export const p = (name: string, type: ParamType, extra: Partial<ParamSpec> = {}): ParamSpec => ({
  name,
  type,
  ...extra,
});
