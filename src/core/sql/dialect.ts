/**
 * The seam between the SQL core builds and the engine that runs it. Everything that
 * builds SQL goes through a Dialect: names and values (so user text can only ever be
 * data, STYLE.md), and every construct the engines spell differently. Core code never
 * names an engine; it asks the dialect it was given. One folder per dialect under
 * dialects/, picked by name in dialects/registry.ts.
 */
export interface Dialect {
  /** The registry's name for it ('duckdb', 'postgres', 'clickhouse'). */
  readonly name: string;

  // ---- names and values ----
  quoteIdent(name: string): string;
  /** A qualified name: each part quoted. */
  qualify(...parts: string[]): string;
  stringLiteral(value: string): string;
  /** A DOUBLE (so integer literals never force integer division); NULL for NaN and infinities. */
  numberLiteral(value: number): string;
  dateLiteral(isoDate: string): string;
  /**
   * The n-th (1-based) parameter of a prepared statement, read as a date. Absent where the
   * app prepares no statements on the engine: its queries carry their dates as literals.
   */
  dateParameter?(n: number): string;

  // ---- types ----
  /** `sql` as a value of `type`, blank-preserving (ClickHouse: its Nullable type). */
  cast(sql: string, type: SqlType): string;
  /**
   * `sql` as a value of `type`, blank where a value does not fit: how a mapping's view reads
   * a file's column, so one odd cell is blank instead of failing every KPI. Where the engine
   * has no such cast it is a plain one: the mapping's kinds were checked to fit first.
   */
  tryCast(sql: string, type: SqlType): string;

  // ---- dates ----
  /** The DATE `days` (an integer SQL expression, may be negative) after the DATE `date`. */
  addDays(date: string, days: string): string;
  /** A DATE `years` years from the DATE `date` (Feb 29 to Feb 28 when the year has none). */
  addYears(date: string, years: number): string;
  /** Whole days from the DATE `from` to the DATE `to`, as an integer. */
  daysBetween(from: string, to: string): string;
  /** Hours, with fractions, from the TIMESTAMP `from` to the TIMESTAMP `to`, as a DOUBLE. */
  hoursBetween(from: string, to: string): string;
  /** One integer field of a DATE (or TIMESTAMP). */
  datePart(part: DatePart, date: string): string;
  /** The DATE of integer year, month and day expressions. */
  makeDate(year: string, month: string, day: string): string;

  // ---- numbers and text ----
  /** Integer division, truncating: a and b are non-negative integers here. */
  intDiv(a: string, b: string): string;
  /** `x` rounded to `digits` decimals (an integer, may be negative), halves away from zero. */
  round(x: string, digits: string): string;
  /** A non-negative integer as text, zero-padded to `width` digits. */
  padNumber(n: string, width: number): string;
  /** Text parts joined (each already text). */
  concat(parts: readonly string[]): string;
  /** Whether `text` contains `part` (both text; case as given). */
  contains(text: string, part: string): string;

  // ---- aggregates and windows ----
  /**
   * An aggregate over the rows where `filter` holds (all rows when null): FILTER (WHERE …)
   * where the engine has it, else the argument blanked outside the filter.
   */
  aggregate(kind: AggregateKind, args: readonly string[], filter: string | null): string;
  /** The value `n` rows back in the window `over` (`PARTITION BY … ORDER BY …`); blank before the first. */
  lag(value: string, n: number, over: string): string;
  /** The smallest of the values, blanks skipped (blank when all are). */
  least(values: readonly string[]): string;
  /** The largest of the values, blanks skipped (blank when all are). */
  greatest(values: readonly string[]): string;
  /** a = b where two blanks count as equal. */
  nullSafeEquals(a: string, b: string): string;
  /** The set operator that removes duplicate rows. */
  readonly unionDistinct: string;

  // ---- sessions and tables ----
  /** Statements each session must run before any query (ClickHouse: left joins give NULLs). */
  readonly sessionSettings: readonly string[];
  /** Statements that (re)create the table `table` (unquoted) from a SELECT. */
  createTableAs(table: string, select: string): string[];
  /** A SELECT giving one DATE column `column`, one row per day from `from` to `to` (ISO dates, inclusive). */
  daySeries(from: string, to: string, column: string): string;
  /** Statements building the calendar table (calendarSchema.ts) over [from, to], ISO dates. */
  calendarTable(from: string, to: string): string[];

  // ---- analyses (src/core/analysis) ----
  /** A SELECT giving one integer column `column`, one row for each of 0 … count − 1. */
  integerSeries(count: number, column: string): string;
  /**
   * The least-squares line of `y` on `x` over the rows where both are there, as
   * regr_slope, regr_intercept and regr_count give it: blank slope and intercept when
   * fewer than two such rows or all of one `x`.
   */
  regression(part: RegressionPart, y: string, x: string): string;
}

export type RegressionPart = 'slope' | 'intercept' | 'count';

export type SqlType = 'double' | 'integer' | 'text' | 'date' | 'timestamp' | 'boolean';

/** isoDayOfWeek: Monday 1 … Sunday 7; isoWeek and isoYear as ISO 8601 numbers them. */
export type DatePart = 'year' | 'month' | 'day' | 'quarter' | 'isoYear' | 'isoWeek' | 'isoDayOfWeek';

/**
 * The aggregates formulas compile to. countRows counts rows (no argument); percentile
 * takes the value and a constant share 0..1 and interpolates linearly between values.
 * corr (key drivers) takes two values: Pearson's r over the rows holding both (with no
 * spread, PostgreSQL's is blank and the others' nan, which the engine boundary reads as blank).
 */
export type AggregateKind =
  | 'sum'
  | 'avg'
  | 'count'
  | 'countDistinct'
  | 'countRows'
  | 'min'
  | 'max'
  | 'stddev'
  | 'percentile'
  | 'anyValue'
  | 'corr';
