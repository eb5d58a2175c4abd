import { type Comparison, compare } from './evaluate';
import type { KpiDirection } from './types';

/**
 * Pace of the current, unfinished period. "Today" is the latest date in the data, not the
 * clock: a demo or an old export still has a current period, and the numbers do not move
 * when the same file is opened a week later.
 */

/** One day's value of a KPI; null where the day has nothing. */
export interface DailyValue {
  readonly date: string;
  readonly value: number | null;
}

/**
 * How the period end is projected: a flow (sum or count) runs on at its day-of-week
 * weighted rate; a rate, an average or a level is expected to end where it stands.
 */
export type PaceMethod = 'run-rate' | 'to-date';

/** Whether the projection reaches the target: within `AT_RISK_SHORTFALL` of it is at risk. */
export type PaceStatus = 'met' | 'at-risk' | 'off-pace';

/** Short of the target by at most this share of it: at risk rather than off pace. */
const AT_RISK_SHORTFALL = 0.05;

export interface PaceInput {
  readonly start: string;
  readonly end: string;
  /** The latest date in the data: the last day counted. */
  readonly today: string;
  readonly method: PaceMethod;
  readonly direction: KpiDirection;
  readonly value: number | null;
  /** The same number of days from the start of the previous period. */
  readonly previous: number | null;
  /** The same days one year earlier. */
  readonly lastYear: number | null;
  readonly target: number | null;
  /** The KPI's daily values before today (for `run-rate`): its day-of-week pattern. */
  readonly history: readonly DailyValue[];
}

export interface Pace {
  readonly start: string;
  readonly end: string;
  readonly today: string;
  readonly daysElapsed: number;
  readonly daysInPeriod: number;
  readonly value: number | null;
  readonly previous: Comparison;
  readonly lastYear: Comparison;
  readonly method: PaceMethod;
  /** The value expected at period end; null without a value to date. */
  readonly projection: number | null;
  readonly target: number | null;
  /** Null without a projection, a target or a direction. */
  readonly status: PaceStatus | null;
  /** projection − target, the basis of the status. */
  readonly gap: number | null;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
/** 0 = Sunday … 6 = Saturday. */
const weekdayOf = (day: number) => (((day + 4) % 7) + 7) % 7;

/**
 * Each weekday's share of an average day, learnt from `history`: a blank day of a flow
 * counts as zero (no rows, nothing summed). A weekday the history never saw, or a history
 * with nothing in it, weighs as an average day.
 */
export function weekdayWeights(history: readonly DailyValue[]): number[] {
  const sums = Array<number>(7).fill(0);
  const days = Array<number>(7).fill(0);
  for (const d of history) {
    const w = weekdayOf(dayNumber(d.date));
    sums[w] += d.value ?? 0;
    days[w] += 1;
  }
  const means = sums.map((s, w) => (days[w] === 0 ? null : s / days[w]));
  const seen = means.filter((m): m is number => m !== null);
  const overall = seen.reduce((a, b) => a + b, 0) / Math.max(1, seen.length);
  if (!(overall > 0)) return Array<number>(7).fill(1);
  return means.map((m) => (m === null ? 1 : m / overall));
}

/** The summed weights of the days from `from` to `to`, both included. */
function weightOf(weights: readonly number[], from: number, to: number): number {
  let total = 0;
  for (let d = from; d <= to; d++) total += weights[weekdayOf(d)];
  return total;
}

/**
 * A flow's value at period end: what is done, plus the days left at the rate of the days
 * done, each day weighted by its weekday. When the days done weigh nothing (a weekend of a
 * weekday business), every day counts alike.
 */
function runRateProjection(
  value: number,
  start: string,
  today: string,
  end: string,
  weights: readonly number[],
): number {
  const [s, t, e] = [dayNumber(start), dayNumber(today), dayNumber(end)];
  const done = weightOf(weights, s, t);
  const all = weightOf(weights, s, e);
  if (done > 0) return (value * all) / done;
  return (value * (e - s + 1)) / (t - s + 1);
}

function statusOf(projection: number | null, target: number | null, direction: KpiDirection) {
  if (projection === null || target === null || direction === 'context') return { status: null, gap: null };
  const gap = projection - target;
  const shortfall = direction === 'up' ? -gap : gap;
  // Weights are fractions: a projection that lands on the target by arithmetic meets it.
  const scale = Math.abs(target);
  const status: PaceStatus =
    shortfall <= 1e-9 * scale ? 'met' : shortfall <= AT_RISK_SHORTFALL * scale ? 'at-risk' : 'off-pace';
  return { status, gap };
}

/** The pace of one KPI in the current period. */
export function paceOf(p: PaceInput): Pace {
  const [s, t, e] = [dayNumber(p.start), dayNumber(p.today), dayNumber(p.end)];
  const daysElapsed = Math.max(0, Math.min(t, e) - s + 1);
  const value = daysElapsed === 0 ? null : p.value;
  const projection =
    value === null
      ? null
      : p.method === 'to-date'
        ? value
        : runRateProjection(value, p.start, p.today, p.end, weekdayWeights(p.history));
  return {
    start: p.start,
    end: p.end,
    today: p.today,
    daysElapsed,
    daysInPeriod: e - s + 1,
    value,
    previous: compare(value, p.previous, p.direction),
    lastYear: compare(value, p.lastYear, p.direction),
    method: p.method,
    projection,
    target: p.target,
    ...statusOf(projection, p.target, p.direction),
  };
}
