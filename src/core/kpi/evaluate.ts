import type { Grain } from '../sql/calendarSchema';
import { type BenchmarkRow, type BestPracticeBand, comparableValue, type Quartiles } from './benchmarks';
import { isBetter, STATUS_SIGNS, type Status, statusOf, TREND_SIGNS, trendOf } from './status';
import { type ThinBase, thinBase } from './thinBase';
import type { KpiDirection, KpiThresholds } from './types';

/** One period's value of a KPI; null where the data has nothing (shown blank, never 0). */
export interface PeriodValue {
  readonly period: string;
  readonly value: number | null;
  /** What the value rests on (thinBase.ts): a rate's denominator, else the period's rows; absent when unknown. */
  readonly base?: number | null;
}

/** Periods one year back. The spine has no gaps, so an offset finds last year's period. */
export const PERIODS_PER_YEAR: Readonly<Record<Grain, number>> = {
  day: 365,
  week: 52,
  month: 12,
  quarter: 4,
  year: 1,
};

export interface Comparison {
  /** What the value is compared with; null when it is missing. */
  readonly base: number | null;
  /** value − base. */
  readonly change: number | null;
  /** (value − base) / |base|; null when the base is 0 or missing. */
  readonly relative: number | null;
  /** True when the change is an improvement for the KPI's direction. */
  readonly better: boolean | null;
  /** ▲ ▼ ● for the change, '' when there is none. */
  readonly sign: string;
  /**
   * Set when either side rests on too little data: the change is then withheld (null),
   * never shown as a huge percentage of a near-empty period.
   */
  readonly thin: ThinBase | null;
}

export type QuartilePosition = 'top' | 'second' | 'third' | 'bottom';

interface EvaluateOptions {
  readonly direction: KpiDirection;
  readonly grain: Grain;
  readonly thresholds?: KpiThresholds | null;
  readonly target?: number | null;
  readonly benchmark?: BenchmarkRow | null;
  /** How many periods the rolling average covers, the latest included. */
  readonly rollingPeriods?: number;
}

export interface Evaluation {
  readonly period: string | null;
  readonly value: number | null;
  readonly previous: Comparison;
  readonly lastYear: Comparison;
  readonly rolling: Comparison & { readonly periods: number };
  readonly target: Comparison;
  readonly benchmark: Comparison & { readonly quartile: QuartilePosition | null };
  /** Inside the benchmark's best-practice band; null without a band or a value. */
  readonly inBestPractice: boolean | null;
  readonly status: Status;
  readonly statusSign: string;
  readonly statusLabel: string;
}

/** A value against a base: the change, the relative change and whether it is better for the direction. */
export function compare(
  value: number | null,
  base: number | null,
  direction: KpiDirection,
  thin: ThinBase | null = null,
): Comparison {
  if (value === null || base === null || thin !== null) {
    return { base, change: null, relative: null, better: null, sign: '', thin: value === null ? null : thin };
  }
  const change = value - base;
  const trend = trendOf(change);
  return {
    base,
    change,
    relative: base === 0 ? null : change / Math.abs(base),
    better: isBetter(direction, change),
    sign: trend === null ? '' : TREND_SIGNS[trend],
    thin: null,
  };
}

const present = (v: number | null | undefined): v is number =>
  v !== null && v !== undefined && !Number.isNaN(v);

/**
 * Which quartile of the published distribution the value falls in, the direction
 * deciding which end is the top: for a lower-is-better KPI, at or below p25 is top.
 */
export function quartilePosition(
  value: number,
  q: Quartiles,
  direction: KpiDirection,
): QuartilePosition | null {
  if (direction === 'context') return null;
  const { p25, p50, p75 } = q;
  if (p25 === undefined || p50 === undefined || p75 === undefined) return null;
  if (direction === 'up') {
    if (value >= p75) return 'top';
    if (value >= p50) return 'second';
    if (value >= p25) return 'third';
    return 'bottom';
  }
  if (value <= p25) return 'top';
  if (value <= p50) return 'second';
  if (value <= p75) return 'third';
  return 'bottom';
}

function inBand(value: number, band: BestPracticeBand): boolean {
  return (band.min === undefined || value >= band.min) && (band.max === undefined || value <= band.max);
}

/** Mean of the last `n` periods' values, the latest included; null if any of them is missing. */
export function rollingAverage(values: readonly PeriodValue[], n: number): number | null {
  if (n < 1 || values.length < n) return null;
  const window = values.slice(values.length - n).map((p) => p.value);
  if (!window.every(present)) return null;
  return (window as number[]).reduce((s, v) => s + v, 0) / n;
}

/**
 * The latest period of a KPI with its comparisons and status. `series` is in
 * period order without gaps (the compiled scorecard's spine), so the period a year
 * back is a fixed number of places earlier.
 */
export function evaluate(series: readonly PeriodValue[], o: EvaluateOptions): Evaluation {
  const last = series.length > 0 ? series[series.length - 1] : null;
  const value = last !== null && present(last.value) ? last.value : null;
  const at = (back: number): number | null => {
    const p = series[series.length - 1 - back];
    return p !== undefined && present(p.value) ? p.value : null;
  };
  const baseAt = (back: number) => series[series.length - 1 - back]?.base;
  // A change from (or to) a period of a handful of rows is withheld, with the reason.
  const thinAgainst = (back: number) => thinBase(baseAt(0), baseAt(back));
  const n = o.rollingPeriods ?? 3;
  // The rolling average the latest is compared with is of the n periods before it.
  const rollingBase = rollingAverage(series.slice(0, -1), n);
  const windowBases = series.slice(-1 - n, -1).map((p) => p.base);
  const rollingThin =
    windowBases.length === n && windowBases.every((b) => typeof b === 'number')
      ? thinBase(
          baseAt(0),
          (windowBases as number[]).reduce((s, b) => s + b, 0),
        )
      : thinBase(baseAt(0), null);
  const row = o.benchmark ?? null;
  const benchValue = row === null ? null : comparableValue(row);
  const quartile =
    value !== null && row?.quartiles !== undefined && row.scale !== 'index'
      ? quartilePosition(value, row.quartiles, o.direction)
      : null;
  const status = statusOf(value, o.direction, o.thresholds, o.target);
  return {
    period: last?.period ?? null,
    value,
    previous: compare(value, at(1), o.direction, thinAgainst(1)),
    lastYear: compare(
      value,
      at(PERIODS_PER_YEAR[o.grain]),
      o.direction,
      thinAgainst(PERIODS_PER_YEAR[o.grain]),
    ),
    rolling: { ...compare(value, rollingBase, o.direction, rollingThin), periods: n },
    target: compare(value, o.target ?? null, o.direction),
    benchmark: { ...compare(value, benchValue, o.direction), quartile },
    inBestPractice:
      value !== null && row?.bestPractice !== undefined ? inBand(value, row.bestPractice) : null,
    status,
    statusSign: STATUS_SIGNS[status].sign,
    statusLabel: STATUS_SIGNS[status].label,
  };
}
