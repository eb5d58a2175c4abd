import type { CanonicalTableName } from './canonical';

/**
 * The durations KPIs derive from a mapping's dates, each measured with the function
 * its catalog KPI uses (HOURS for tickets, DAYS elsewhere), and the median beyond
 * which the mapping is more likely wrong than the business slow:
 *
 * - first response over 30 days: helpdesks answer in hours or days; a month means the
 *   created date is another date (the case: a purchase date, 25,606 hours);
 * - resolution over a year: long tickets exist, a typical one a year long does not;
 * - sales cycle over 3 years: enterprise cycles run 6 to 18 months;
 * - customer lifetime (created to churned) and employee tenure over 60 years: longer
 *   than a working life, so a birth date or a placeholder such as 1900-01-01.
 */
export interface SpanRule {
  readonly id: 'first_response' | 'resolution' | 'sales_cycle' | 'customer_lifetime' | 'tenure';
  readonly table: CanonicalTableName;
  readonly start: string;
  readonly end: string;
  readonly fn: 'HOURS' | 'DAYS';
  /** How the span is shown: hours as measured, days, or days as years. */
  readonly shown: 'hours' | 'days' | 'years';
  /** The largest plausible median, in the unit `fn` measures. */
  readonly limit: number;
}

export const DAYS_PER_YEAR = 365.25;

export const SPAN_RULES: readonly SpanRule[] = [
  {
    id: 'first_response',
    table: 'tickets',
    start: 'created_at',
    end: 'first_response_at',
    fn: 'HOURS',
    shown: 'hours',
    limit: 30 * 24,
  },
  {
    id: 'resolution',
    table: 'tickets',
    start: 'created_at',
    end: 'resolved_at',
    fn: 'HOURS',
    shown: 'hours',
    limit: 365 * 24,
  },
  {
    id: 'sales_cycle',
    table: 'deals',
    start: 'created_at',
    end: 'closed_at',
    fn: 'DAYS',
    shown: 'days',
    limit: 3 * DAYS_PER_YEAR,
  },
  {
    id: 'customer_lifetime',
    table: 'customers',
    start: 'created_at',
    end: 'churned_at',
    fn: 'DAYS',
    shown: 'years',
    limit: 60 * DAYS_PER_YEAR,
  },
  {
    id: 'tenure',
    table: 'employees',
    start: 'hired_at',
    end: 'left_at',
    fn: 'DAYS',
    shown: 'years',
    limit: 60 * DAYS_PER_YEAR,
  },
];
