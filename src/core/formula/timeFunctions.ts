import type { Dialect } from '../sql/dialect';
import { num, PERIODS_BACK, type TimeFunction, type WindowContext } from './functionSpec';

const over = (w: WindowContext) => `PARTITION BY ${w.partition} ORDER BY ${w.order}`;
const frame = (w: WindowContext, tail = '') => `OVER (${over(w)}${tail})`;
const lag = (d: Dialect, v: string, n: number, w: WindowContext) => d.lag(v, n, over(w));

/** Time intelligence: compare a KPI's value across periods. */
export const TIME_FUNCTIONS: TimeFunction[] = [
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
    sql: (d, v, n, w) => lag(d, v, n ?? 1, w),
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
    sql: (_d, v, _n, w) =>
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
    sql: (d, v, _n, w) => `(${v} - ${lag(d, v, 1, w)})`,
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
    sql: (d, v, _n, w) => `((${v} - ${lag(d, v, 1, w)}) / NULLIF(${lag(d, v, 1, w)}, 0))`,
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
    sql: (_d, v, _n, w) =>
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
    sql: (_d, v, n, w) =>
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
    sql: (_d, v, _n, w) =>
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
    sql: (_d, v, _n, w) => `(${v} / NULLIF(SUM(${v}) OVER (PARTITION BY ${w.period}), 0))`,
    lookback: () => ({ periods: 0, years: 0 }),
  },
];
