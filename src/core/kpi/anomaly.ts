import type { Grain } from '../sql/calendarSchema';
import { densify, forecastSeries, seasonLength } from './forecast';
import { type ForecastMethod, fitMethod, hwRun, hwWeights, minHistory } from './forecastMethods';

/** A period far from what the periods before it led to expect. */
export interface Anomaly {
  /** Index in the input series. */
  readonly index: number;
  readonly actual: number;
  readonly expected: number;
  readonly lo: number;
  readonly hi: number;
}

/** How many robust standard deviations from the expected value a period must be. */
export const ANOMALY_K = 3;
/** 1.4826 × the median absolute deviation estimates a standard deviation, unmoved by the outliers it hunts. */
const MAD_TO_SD = 1.4826;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

type Decide = (t: number, predicted: number, actual: number) => number;

/**
 * The one-step forecast of each period from the periods before it, by the method the
 * KPI's forecast chose (Holt–Winters with its weights fitted once). `use` says what the
 * method learns from each period: its value, or the forecast in place of an anomaly.
 */
function oneStepPath(
  method: ForecastMethod,
  y: readonly number[],
  m: number,
  use: Decide,
): (number | null)[] {
  if (method === 'holtWinters') {
    const w = hwWeights(y, m);
    const start = minHistory(method, m);
    const { predicted } = hwRun(y, m, w, (t, p, a) => (t < start ? a : use(t, p, a)));
    return predicted.map((p, t) => (t < start ? null : p));
  }
  const learned: number[] = [];
  return y.map((actual, t) => {
    const p = t < minHistory(method, m) ? null : fitMethod(method, learned, m).ahead(1);
    learned.push(p === null ? actual : use(t, p, actual));
    return p;
  });
}

/**
 * Periods outside the expected band: the one-step forecast from the periods before
 * (the KPI's own forecast method) ± 3 robust standard deviations of those forecasts'
 * errors over the series. A marked period teaches the method its forecast instead of
 * its value, so one outlier neither drags the next forecasts nor returns a season later.
 * Blanks are never marked; a series too short to forecast has none.
 */
export function findAnomalies(values: readonly (number | null)[], grain: Grain): Anomaly[] {
  const method = forecastSeries(values, grain, 0)?.method ?? null;
  const d = densify(values);
  if (method === null || d === null) return [];
  const m = seasonLength(grain) ?? 1;
  const y = d.values;
  const first = oneStepPath(method, y, m, (_t, _p, a) => a);
  const errors = first.flatMap((p, t) => (p === null || !d.present[t] ? [] : [y[t] - p]));
  if (errors.length === 0) return [];
  const centre = median(errors);
  // A series the method forecasts exactly has no spread: a floor keeps rounding from marking it.
  const floor = 1e-9 * Math.max(1, median(y.map(Math.abs)));
  const half = ANOMALY_K * Math.max(MAD_TO_SD * median(errors.map((e) => Math.abs(e - centre))), floor);
  const found: Anomaly[] = [];
  oneStepPath(method, y, m, (t, p, a) => {
    if (!d.present[t] || Math.abs(a - p) <= half) return a;
    found.push({ index: d.offset + t, actual: a, expected: p, lo: p - half, hi: p + half });
    return p;
  });
  return found;
}
