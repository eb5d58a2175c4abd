import type { Grain } from '../sql/calendarSchema';
import { type ForecastMethod, fitMethod, minHistory } from './forecastMethods';

/** Periods in one season per grain; a year has none, so it gets only the line. */
const SEASON: Readonly<Record<Grain, number | null>> = {
  day: 7,
  week: 52,
  month: 12,
  quarter: 4,
  year: null,
};
/** The backtest scores the one-step forecasts of at most this many latest periods. */
export const BACKTEST_PERIODS = 12;
/** Seasonal methods compete only with this many backtest periods after two whole seasons. */
const MIN_SEASONAL_BACKTEST = 4;
/** The band's half-width per unit of backtest RMSE: about 80 % of normal errors fall inside. */
const BAND_Z = 1.28;

export interface ForecastPoint {
  readonly value: number;
  readonly lo: number;
  readonly hi: number;
}

export interface Forecast {
  readonly method: ForecastMethod;
  /** The next periods after the series' last one (blank or not), first is one period ahead. */
  readonly points: readonly ForecastPoint[];
  /** Mean absolute percentage error of the backtest, in percent; null when no actual could be scored. */
  readonly mape: number | null;
  /** Backtest periods the MAPE is the mean of (blanks and zeros are not scored). */
  readonly scored: number;
  /** Root mean square of the backtest errors: the band's scale. */
  readonly rmse: number;
}

/** A series cut to its first through last value, blanks between filled by a straight line. */
interface Dense {
  /** Index in the input of dense[0]. */
  readonly offset: number;
  readonly values: number[];
  /** Whether each dense value was in the data (false where it was filled). */
  readonly present: boolean[];
}

const isValue = (v: number | null | undefined): v is number => typeof v === 'number' && Number.isFinite(v);

export function densify(values: readonly (number | null)[]): Dense | null {
  const first = values.findIndex(isValue);
  if (first < 0) return null;
  let last = values.length - 1;
  while (!isValue(values[last])) last--;
  const out: number[] = [];
  const present: boolean[] = [];
  let prev = first;
  for (let i = first; i <= last; i++) {
    const v = values[i];
    present.push(isValue(v));
    if (isValue(v)) {
      out.push(v);
      prev = i;
      continue;
    }
    let next = i + 1;
    while (!isValue(values[next])) next++;
    const a = values[prev] as number;
    const b = values[next] as number;
    out.push(a + ((b - a) * (i - prev)) / (next - prev));
  }
  return { offset: first, values: out, present };
}

export function seasonLength(grain: Grain): number | null {
  return SEASON[grain];
}

interface Candidates {
  readonly methods: readonly ForecastMethod[];
  /** How many latest periods the backtest scores. */
  readonly window: number;
}

/**
 * Which methods compete, over which backtest window. Seasonal ones need two whole
 * seasons before the window; the line needs three periods.
 */
export function candidates(length: number, m: number | null): Candidates {
  if (m !== null && length - 2 * m >= MIN_SEASONAL_BACKTEST)
    return {
      methods: ['seasonalNaive', 'linear', 'holtWinters'],
      window: Math.min(BACKTEST_PERIODS, length - 2 * m),
    };
  return { methods: ['linear'], window: Math.min(BACKTEST_PERIODS, length - minHistory('linear', 1)) };
}

interface Backtest {
  readonly method: ForecastMethod;
  readonly errors: number[];
  readonly mape: number | null;
  readonly scored: number;
  readonly mae: number;
}

/**
 * One-step-ahead forecasts of each of the last `window` periods, each from the input
 * before it only (blanks there filled from that prefix alone, so nothing later leaks in).
 */
function backtest(
  method: ForecastMethod,
  values: readonly (number | null)[],
  window: number,
  m: number,
): Backtest | null {
  const errors: number[] = [];
  const pct: number[] = [];
  for (let t = values.length - window; t < values.length; t++) {
    const actual = values[t];
    if (!isValue(actual)) continue;
    const d = densify(values.slice(0, t));
    if (d === null || d.values.length < minHistory(method, m)) continue;
    const h = t - (d.offset + d.values.length - 1);
    const e = actual - fitMethod(method, d.values, m).ahead(h);
    errors.push(e);
    // A zero has no percentage error; nor has a value so near zero that the ratio overflows.
    const percent = (100 * Math.abs(e)) / Math.abs(actual);
    if (actual !== 0 && Number.isFinite(percent)) pct.push(percent);
  }
  if (errors.length === 0) return null;
  // Each term is divided before adding, so huge (near-zero-actual) errors cannot overflow the sum.
  const mape = pct.reduce((s, v) => s + v / pct.length, 0);
  return {
    method,
    errors,
    mape: pct.length === 0 || !Number.isFinite(mape) ? null : mape,
    scored: pct.length,
    mae: errors.reduce((s, e) => s + Math.abs(e), 0) / errors.length,
  };
}

/** Lower MAPE wins; where either has none, lower mean absolute error; equals keep the earlier (simpler) method. */
const better = (a: Backtest, b: Backtest) =>
  a.mape !== null && b.mape !== null ? a.mape < b.mape : a.mae < b.mae;

/**
 * The next `horizon` periods of a KPI's series, by the method with the best backtest,
 * with a band of ±1.28 × backtest RMSE × √h. Null when the series is too short to
 * backtest (fewer than four periods from its first value).
 */
export function forecastSeries(
  values: readonly (number | null)[],
  grain: Grain,
  horizon: number,
): Forecast | null {
  const d = densify(values);
  if (d === null) return null;
  const m = seasonLength(grain);
  const series = values.slice(d.offset);
  const { methods, window } = candidates(series.length, m);
  if (window < 1) return null;
  let best: Backtest | null = null;
  for (const method of methods) {
    const b = backtest(method, series, window, m ?? 1);
    if (b !== null && (best === null || better(b, best))) best = b;
  }
  if (best === null) return null;
  const rmse = Math.sqrt(best.errors.reduce((s, e) => s + e * e, 0) / best.errors.length);
  const model = fitMethod(best.method, d.values, m ?? 1);
  // Blanks after the last value push the forecast further ahead of it.
  const after = series.length - d.values.length;
  const points = Array.from({ length: Math.max(0, horizon) }, (_, i) => {
    const value = model.ahead(after + i + 1);
    const half = BAND_Z * rmse * Math.sqrt(i + 1);
    return { value, lo: value - half, hi: value + half };
  });
  return { method: best.method, points, mape: best.mape, scored: best.scored, rmse };
}
