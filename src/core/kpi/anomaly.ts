import type { Grain } from '../sql/calendarSchema';
import { candidates, densify, seasonLength } from './forecast';
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

/**
 * How many robust standard deviations from the expected value a period must be. Four, not
 * the textbook three: the spread comes from as few as a dozen errors, and forecast errors
 * have heavier tails than a normal curve, so three marked a period in about one KPI of
 * five on the demo; four leaves the clear cases (docs/forecasts.md).
 */
const ANOMALY_K = 4;
/** 1.4826 × the median absolute error estimates a standard deviation, unmoved by the outliers it hunts. */
const MAD_TO_SD = 1.4826;

const median = (xs: readonly number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

type Decide = (t: number, predicted: number, actual: number) => number;

/**
 * The one-step forecast of each period from the periods before it (Holt–Winters with
 * its weights fitted once to the whole series). `use` says what the
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
 * ± 4 robust standard deviations of those forecasts' errors over the series. The
 * forecast is Holt–Winters where the series has two seasons and a backtest beyond them
 * (as forecast.ts would consider it), else the line: methods that follow a trend, so a
 * marked period can be replaced by its forecast without the path drifting away. That
 * replacement (as in robust Holt–Winters) keeps one outlier from dragging the forecasts
 * after it or returning a season later. Blanks and the periods a method needs to start
 * (two seasons, or three for the line) are never marked.
 */
export function findAnomalies(values: readonly (number | null)[], grain: Grain): Anomaly[] {
  const d = densify(values);
  if (d === null) return [];
  const season = seasonLength(grain);
  const m = season ?? 1;
  const method: ForecastMethod = candidates(d.values.length, season).methods.includes('holtWinters')
    ? 'holtWinters'
    : 'linear';
  const y = d.values;
  const first = oneStepPath(method, y, m, (_t, _p, a) => a);
  const errors = first.flatMap((p, t) => (p === null || !d.present[t] ? [] : [y[t] - p]));
  if (errors.length === 0) return [];
  // The spread about zero, not about the errors' median: a forecast that is steadily a
  // little behind (a growth it lags) is biased, not anomalous, in every period.
  const spread = MAD_TO_SD * median(errors.map(Math.abs));
  // A series the method forecasts exactly has no spread: a floor keeps rounding from marking it.
  const floor = 1e-9 * Math.max(1, median(y.map(Math.abs)));
  const half = ANOMALY_K * Math.max(spread, floor);
  const found: Anomaly[] = [];
  oneStepPath(method, y, m, (t, p, a) => {
    if (!d.present[t] || Math.abs(a - p) <= half) return a;
    found.push({ index: d.offset + t, actual: a, expected: p, lo: p - half, hi: p + half });
    // Learnt at the band's edge: a spike moves the forecasts after it no more than a value
    // on the edge would, while a lasting shift is still followed, a band's width at a time.
    return a > p ? p + half : p - half;
  });
  return found;
}
