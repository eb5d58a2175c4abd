import type { DateSpan } from '../kpi/dateRange';
import {
  CALENDAR_DAY,
  CALENDAR_TABLE,
  type CalendarKind,
  type Grain,
  periodColumns,
} from '../sql/calendarSchema';
import type { Dialect } from '../sql/dialect';

/**
 * Which two periods a change is explained between: the latest period of the grain and
 * the one before it, the latest and the same period a year earlier, or any two ranges.
 */
export type PeriodChoice =
  | { readonly t: 'latest' }
  | { readonly t: 'yoy' }
  | { readonly t: 'ranges'; readonly a: DateSpan; readonly b: DateSpan };

const ISO = String.raw`\d{4}-\d{2}-\d{2}`;
const RANGE = new RegExp(`^(${ISO})(?:/(${ISO}))?$`);

function span(text: string): DateSpan | null {
  const m = RANGE.exec(text);
  if (m === null) return null;
  const [from, to] = [m[1], m[2] ?? m[1]];
  const valid = (d: string) =>
    !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  return valid(from) && valid(to) && from <= to ? { from, to } : null;
}

/**
 * `latest`, `yoy`, or `A..B` where A and B are ISO 8601 ranges `YYYY-MM-DD/YYYY-MM-DD`
 * (or single days): `2024-01-01/2024-03-31..2024-04-01/2024-06-30`. Null when it is none.
 */
export function parsePeriodChoice(text: string): PeriodChoice | null {
  const s = text.trim();
  if (s === 'latest' || s === 'yoy') return { t: s };
  const parts = s.split('..');
  if (parts.length !== 2) return null;
  const [a, b] = parts.map(span);
  return a === null || b === null ? null : { t: 'ranges', a, b };
}

/**
 * The two periods of a `latest` or `yoy` choice, from the calendar table: rows of
 * (side, period_start, period_end, period) with side 'b' the latest period the data
 * has whole (the one holding `last`, its last date, or the one before when the data
 * stops mid-period: a period not yet over would read as a collapse, so the scorecard
 * leaves it out too) and side 'a' the period before it, or the same period a year earlier (the period
 * whose ordinal is one year less, which is how YOY() finds it). The calendar must
 * cover both periods whole.
 */
export function choicePeriodsSql(
  choice: 'latest' | 'yoy',
  grain: Grain,
  calendar: CalendarKind,
  last: string,
  d: Dialect,
): string {
  const p = periodColumns(calendar, grain);
  const q = (s: string) => d.quoteIdent(s);
  const c = (col: string) => `c.${q(col)}`;
  const end = d.dateLiteral(last);
  const dayBefore = (date: string) => d.addDays(date, '-1');
  const before =
    choice === 'latest' ? `p.period_end = ${dayBefore('cur.period_start')}` : 'p.ord = cur.ord - 10000';
  const any = (col: string) => d.aggregate('anyValue', [c(col)], null);
  return [
    `WITH p AS (SELECT ${c(p.start)} AS period_start, MAX(${c(CALENDAR_DAY)}) AS period_end,`,
    `  ${any(p.label)} AS period, ${any(p.ord)} AS ord FROM ${q(CALENDAR_TABLE)} AS c GROUP BY ${c(p.start)}),`,
    `h AS (SELECT p.* FROM p JOIN ${q(CALENDAR_TABLE)} AS c ON ${c(p.start)} = p.period_start WHERE ${c(CALENDAR_DAY)} = ${end}),`,
    `cur AS (SELECT p.* FROM p, h WHERE (h.period_end <= ${end} AND p.period_start = h.period_start) OR (h.period_end > ${end} AND p.period_end = ${dayBefore('h.period_start')}))`,
    `SELECT ${d.stringLiteral('b')} AS side, period_start, period_end, period FROM cur`,
    'UNION ALL',
    `SELECT ${d.stringLiteral('a')} AS side, p.period_start, p.period_end, p.period FROM p, cur WHERE ${before}`,
  ].join('\n');
}
