import { CALENDAR_DAY, CALENDAR_TABLE, type Grain, periodColumns } from '../sql/calendarSchema';
import type { CompileScope } from './compileScope';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Both ends of the range asked for, when both are dates: what a prepared query takes as its parameters. */
export function givenRange(s: CompileScope): { from: string; to: string } | null {
  const { from, to } = s.req;
  return from !== undefined && to !== undefined && ISO_DATE.test(from) && ISO_DATE.test(to)
    ? { from, to }
    : null;
}

/**
 * The range a scorecard covers, as one row (lo, hi): the dates asked for, else the
 * first and last date the data has (today when it has none). `parameters`: the dates
 * asked for are the statement's parameters $1 and $2 (see givenRange), not literals.
 */
export function boundsSql(s: CompileScope, parameters = false): string {
  const { d, req } = s;
  const given = (text: string | undefined, n: number) => {
    if (text === undefined || !ISO_DATE.test(text)) return null;
    return parameters && d.dateParameter !== undefined ? d.dateParameter(n) : d.dateLiteral(text);
  };
  const from = given(req.from, 1);
  const to = given(req.to, 2);
  if (s.grain === null && !s.ranges) {
    return `SELECT ${d.cast(from ?? 'NULL', 'date')} AS lo, ${d.cast(to ?? 'NULL', 'date')} AS hi`;
  }
  const unique = s.plan.times();
  if (unique.length === 0) {
    return `SELECT COALESCE(${from ?? 'NULL'}, ${s.today}) AS lo, COALESCE(${to ?? 'NULL'}, ${s.today}) AS hi`;
  }
  // A date given is the bound as it is: no scan of every date column for the one not used.
  const edge = (given: string | null, fn: 'MIN' | 'MAX', pick: (xs: string[]) => string) =>
    given ??
    `COALESCE(${pick(unique.map((t) => `(SELECT ${fn}(${d.cast(s.q(t.column), 'date')}) FROM ${s.q(t.table)})`))}, ${s.today})`;
  return [
    `SELECT ${edge(from, 'MIN', (xs) => d.least(xs))} AS lo,`,
    `  ${edge(to, 'MAX', (xs) => d.greatest(xs))} AS hi`,
  ].join('\n');
}

/** Every period of the calendar at the grain: its first and last day, label, ordinal and year. */
export function periodsSql(s: CompileScope): string {
  const p = periodColumns(s.calendar, s.grain as Grain);
  const c = (col: string) => `c.${s.q(col)}`;
  const any = (col: string) => s.d.aggregate('anyValue', [c(col)], null);
  return [
    `SELECT ${c(p.start)} AS period_start, MAX(${c(CALENDAR_DAY)}) AS period_end,`,
    `  ${any(p.label)} AS period, ${any(p.ord)} AS period_ord, ${any(p.year)} AS period_year`,
    `FROM ${s.q(CALENDAR_TABLE)} AS c GROUP BY ${c(p.start)}`,
  ].join('\n');
}

/** The periods the query computes: those of the range and the look-back before it. */
export function spinePeriodsSql(s: CompileScope): string {
  return [
    'SELECT p.*, p.period_end >= bd.lo AS in_range',
    `FROM ${s.n('periods')} AS p, ${s.n('bounds')} AS bd`,
    `WHERE p.period_end >= ${s.d.addDays('bd.lo', `0 - ${s.plan.lookbackDays()}`)} AND p.period_start <= bd.hi`,
  ].join('\n');
}

/** Without a grain: one period, the whole range. */
export function wholeRangeSpineSql(s: CompileScope): string {
  return `SELECT bd.lo AS period_start, bd.hi AS period_end, 'all' AS period, 0 AS period_ord, 0 AS period_year, TRUE AS in_range, ${s.null('text')} AS range_kind FROM ${s.n('bounds')} AS bd`;
}

/** The first period start on or after each day: an event on that day counts from then on. */
export function dayBucketSql(s: CompileScope): string {
  const p = periodColumns(s.calendar, s.grain as Grain);
  const day = `c.${s.q(CALENDAR_DAY)}`;
  return [
    `SELECT ${day} AS d,`,
    `  CASE WHEN p.period_start = ${day} THEN p.period_start ELSE ${s.d.addDays('p.period_end', '1')} END AS bucket`,
    `FROM ${s.q(CALENDAR_TABLE)} AS c JOIN ${s.n('periods')} AS p ON p.period_start = c.${s.q(p.start)}`,
  ].join('\n');
}

/** Every breakdown value: those of the breakdown column and those the blocks found. */
export function byValuesSql(s: CompileScope): string {
  const bd = s.plan.breakdown;
  if (bd === null) return `SELECT ${s.null('text')} AS by_value`;
  const parts = [
    `SELECT ${s.q(bd.column)} AS by_value FROM ${s.q(bd.table)}`,
    ...s.plan.blocks.map((b) => `SELECT by_value FROM ${s.q(b.name)}`),
  ];
  return parts.join(`\n${s.d.unionDistinct}\n`);
}

/** First and last date of each date column the KPIs read: table_name, column_name, lo, hi. */
export function spansSql(s: CompileScope): string {
  const { d } = s;
  return s.plan
    .times()
    .map(
      (t) =>
        `SELECT ${d.stringLiteral(t.table)} AS table_name, ${d.stringLiteral(t.column)} AS column_name, MIN(${d.cast(s.q(t.column), 'date')}) AS lo, MAX(${d.cast(s.q(t.column), 'date')}) AS hi FROM ${s.q(t.table)}`,
    )
    .join('\nUNION ALL\n');
}
