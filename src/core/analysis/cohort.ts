import { CALENDAR_DAY, CALENDAR_TABLE, type CalendarKind, periodColumns } from '../sql/calendarSchema';
import type { Dialect } from '../sql/dialect';
import { duckdb } from '../sql/dialects/registry';

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

/** The dates the cohorts span (`lo`, `hi`), which the calendar table must cover before the query runs. */
export function cohortBoundsSql(spec: CohortSpec, d: Dialect = duckdb): string {
  const q = (n: string) => d.quoteIdent(n);
  return `SELECT strftime(CAST(min(${q(spec.start)}) AS DATE), '%Y-%m-%d') AS lo,
  strftime(greatest(CAST(max(${q(spec.start)}) AS DATE), CAST(max(${q(spec.end)}) AS DATE)), '%Y-%m-%d') AS hi
FROM ${q(spec.table)}`;
}

export function cohortRetentionSql(
  spec: CohortSpec,
  calendar: CalendarKind = 'gregorian',
  d: Dialect = duckdb,
): string {
  const q = (n: string) => d.quoteIdent(n);
  const n = Math.max(1, Math.min(120, Math.floor(spec.cohorts)));
  const month = periodColumns(calendar, 'month');
  // ord is year × 10000 + month, so year × 12 + month numbers the months in a row.
  return `WITH cal AS (
  SELECT ${q(CALENDAR_DAY)} AS d, ${q(month.start)} AS month_start, ${q(month.label)} AS label,
    (${q(month.ord)} // 10000) * 12 + ${q(month.ord)} % 10000 AS month_no
  FROM ${q(CALENDAR_TABLE)}
), months AS (
  SELECT DISTINCT month_no, month_start, label FROM cal
), base AS (
  SELECT cal.month_no AS cohort, CAST(t.${q(spec.end)} AS DATE) AS left_at
  FROM ${q(spec.table)} t JOIN cal ON cal.d = CAST(t.${q(spec.start)} AS DATE)
), data_end AS (
  SELECT max(x) AS d FROM (
    SELECT CAST(max(${q(spec.start)}) AS DATE) AS x FROM ${q(spec.table)}
    UNION ALL SELECT CAST(max(${q(spec.end)}) AS DATE) FROM ${q(spec.table)})
), last_month AS (
  SELECT month_no AS m FROM cal WHERE d = (SELECT d FROM data_end)
), cohorts AS (
  SELECT cohort, count(*) AS size FROM base
  WHERE cohort > (SELECT m FROM last_month) - ${n}
  GROUP BY cohort
), offsets AS (
  SELECT range AS k FROM range(0, ${n})
)
SELECT m0.label AS cohort, o.k AS months_since, c.size AS customers,
  count(*) FILTER (WHERE b.left_at IS NULL OR b.left_at >= mk.month_start) AS retained,
  count(*) FILTER (WHERE b.left_at IS NULL OR b.left_at >= mk.month_start) / c.size AS retention
FROM cohorts c
CROSS JOIN offsets o
JOIN months m0 ON m0.month_no = c.cohort
JOIN months mk ON mk.month_no = c.cohort + o.k
JOIN base b ON b.cohort = c.cohort
WHERE c.cohort + o.k <= (SELECT m FROM last_month)
GROUP BY c.cohort, m0.label, o.k, c.size
ORDER BY c.cohort, o.k`;
}
