import { type Dialect, duckdb } from '../sql/dialect';

/**
 * Cohort retention: customers grouped by signup month; for each month k since
 * signup, the share still a customer at the start of that month (not churned
 * before it). Month 0 is therefore everyone. Only months the data has reached are
 * shown (cohort start + k ≤ the last date in the table), so young cohorts end early
 * instead of looking perfectly retained.
 */
export interface CohortSpec {
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

export function cohortRetentionSql(spec: CohortSpec, d: Dialect = duckdb): string {
  const q = (n: string) => d.quoteIdent(n);
  const n = Math.max(1, Math.min(120, Math.floor(spec.cohorts)));
  return `WITH base AS (
  SELECT CAST(date_trunc('month', ${q(spec.start)}) AS DATE) AS cohort, CAST(${q(spec.end)} AS DATE) AS left_at
  FROM ${q(spec.table)} WHERE ${q(spec.start)} IS NOT NULL
), data_end AS (
  SELECT max(x) AS d FROM (
    SELECT CAST(max(${q(spec.start)}) AS DATE) AS x FROM ${q(spec.table)}
    UNION ALL SELECT CAST(max(${q(spec.end)}) AS DATE) FROM ${q(spec.table)})
), cohorts AS (
  SELECT cohort, count(*) AS size FROM base
  WHERE cohort > CAST(date_trunc('month', (SELECT d FROM data_end)) - to_months(${n}) AS DATE)
  GROUP BY cohort
), offsets AS (
  SELECT range AS k FROM range(0, ${n})
)
SELECT strftime(c.cohort, '%Y-%m') AS cohort, o.k AS months_since, c.size AS customers,
  count(*) FILTER (WHERE b.left_at IS NULL OR b.left_at >= CAST(c.cohort + to_months(CAST(o.k AS INTEGER)) AS DATE)) AS retained,
  count(*) FILTER (WHERE b.left_at IS NULL OR b.left_at >= CAST(c.cohort + to_months(CAST(o.k AS INTEGER)) AS DATE)) / c.size AS retention
FROM cohorts c
CROSS JOIN offsets o
JOIN base b ON b.cohort = c.cohort
WHERE CAST(c.cohort + to_months(CAST(o.k AS INTEGER)) AS DATE) <= (SELECT d FROM data_end)
GROUP BY c.cohort, o.k, c.size
ORDER BY c.cohort, o.k`;
}
