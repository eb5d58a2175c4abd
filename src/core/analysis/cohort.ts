import { CALENDAR_DAY, CALENDAR_TABLE, type CalendarKind, periodColumns } from '../sql/calendarSchema';
import type { Dialect } from '../sql/dialect';

/**
 * Cohort retention: customers grouped by signup month; for each month k since
 * signup, the share still a customer at the start of that month (not churned
 * before it). Month 0 is therefore everyone. Only months the data has reached are
 * shown (cohort start + k ≤ the last date in the table), so young cohorts end early
 * instead of looking perfectly retained.
 *
 * Months are the workbook calendar's, read from the calendar table the scorecard
 * cuts its periods with (one definition of a Jalali month): a Jalali workbook's
 * cohorts are Farvardin, Ordibehesht… and "k months later" counts Jalali months.
 */
interface CohortSpec {
  table: string;
  start: string;
  end: string;
  /** How many of the latest signup months to show. */
  cohorts: number;
}

export const COHORT_DEFAULTS = {
  table: 'customers',
  start: 'created_at',
  end: 'churned_at',
  cohorts: 24,
} as const;

/** The dates the cohorts span (`lo`, `hi`, DATEs), which the calendar table must cover before the query runs. */
export function cohortBoundsSql(spec: CohortSpec, d: Dialect): string {
  const q = (n: string) => d.quoteIdent(n);
  const last = (col: string) => d.cast(`max(${q(col)})`, 'date');
  return `SELECT ${d.cast(`min(${q(spec.start)})`, 'date')} AS lo,
  ${d.greatest([last(spec.start), last(spec.end)])} AS hi
FROM ${q(spec.table)}`;
}

export function cohortRetentionSql(spec: CohortSpec, calendar: CalendarKind, d: Dialect): string {
  const q = (n: string) => d.quoteIdent(n);
  const n = Math.max(1, Math.min(120, Math.floor(spec.cohorts)));
  const month = periodColumns(calendar, 'month');
  const ord = q(month.ord);
  const day = (col: string) => d.cast(`t.${q(col)}`, 'date');
  const stillThere = 'b.left_at IS NULL OR b.left_at >= mk.month_start';
  const retained = d.aggregate('countRows', [], stillThere);
  // ord is year × 10000 + month, so year × 12 + month numbers the months in a row.
  return `WITH cal AS (
  SELECT ${q(CALENDAR_DAY)} AS d, ${q(month.start)} AS month_start, ${q(month.label)} AS label,
    ${d.intDiv(ord, '10000')} * 12 + ${ord} % 10000 AS month_no
  FROM ${q(CALENDAR_TABLE)}
), months AS (
  SELECT DISTINCT month_no, month_start, label FROM cal
), base AS (
  SELECT cal.month_no AS cohort, ${day(spec.end)} AS left_at
  FROM ${q(spec.table)} AS t JOIN cal ON cal.d = ${day(spec.start)}
), data_end AS (
  SELECT max(t.x) AS d FROM (
    SELECT ${d.cast(`max(${q(spec.start)})`, 'date')} AS x FROM ${q(spec.table)}
    UNION ALL SELECT ${d.cast(`max(${q(spec.end)})`, 'date')} AS x FROM ${q(spec.table)}) AS t
), last_month AS (
  SELECT month_no AS m FROM cal WHERE d = (SELECT d FROM data_end)
), cohorts AS (
  SELECT cohort, ${d.aggregate('countRows', [], null)} AS size FROM base
  WHERE cohort > (SELECT m FROM last_month) - ${n}
  GROUP BY cohort
), offsets AS (
  ${d.integerSeries(n, 'k')}
)
SELECT m0.label AS cohort, o.k AS months_since, c.size AS customers,
  ${retained} AS retained,
  ${d.cast(retained, 'double')} / c.size AS retention
FROM cohorts AS c
CROSS JOIN offsets AS o
JOIN months AS m0 ON m0.month_no = c.cohort
JOIN months AS mk ON mk.month_no = c.cohort + o.k
JOIN base AS b ON b.cohort = c.cohort
WHERE c.cohort + o.k <= (SELECT m FROM last_month)
GROUP BY c.cohort, m0.label, o.k, c.size
ORDER BY c.cohort, o.k`;
}
