import { leastSquares } from './forecastLine';

/** The three ways a KPI is forecast; the backtest picks one per series. */
export type ForecastMethod = 'seasonalNaive' | 'holtWinters' | 'linear';

/** A method fitted to a training series: the value h ≥ 1 periods after its last one. */
interface Model {
  ahead(h: number): number;
}

/** Holt–Winters smoothing weights: level, trend, season. */
interface HwWeights {
  readonly alpha: number;
  readonly beta: number;
  readonly gamma: number;
}

/** The periods the linear trend is fitted over: recent enough to follow a turn, long enough to average noise. */
const LINE_WINDOW = 12;

// A small grid, searched by in-sample one-step squared error; fixed so results are reproducible.
const ALPHAS = [0.1, 0.2, 0.4, 0.6, 0.8];
const BETAS = [0, 0.05, 0.15];
const GAMMAS = [0.05, 0.2, 0.4];

/** Periods of history a method needs before it can forecast, for season length m. */
export function minHistory(method: ForecastMethod, m: number): number {
  if (method === 'linear') return 3;
  return method === 'seasonalNaive' ? m : 2 * m;
}

function seasonalNaive(y: readonly number[], m: number): Model {
  return { ahead: (h) => y[y.length - m + ((h - 1) % m)] };
}

function linear(y: readonly number[]): Model {
  const fit = leastSquares(
    y.map((value, i) => ({ period: String(i), value })),
    LINE_WINDOW,
  );
  const last = y[y.length - 1];
  if (fit === null) return { ahead: () => last };
  return { ahead: (h) => fit.intercept + fit.slope * (fit.xLast + h) };
}

interface HwState {
  level: number;
  trend: number;
  /** Seasonal terms by position mod m. */
  season: number[];
}

const mean = (xs: readonly number[]) => xs.reduce((s, v) => s + v, 0) / xs.length;

/**
 * The state before the first period, from the first two seasons: level and trend from
 * the two seasons' means, and each season's term as the average gap between the value
 * and that line. A series that is exactly line + repeating season starts exact.
 */
function hwStart(y: readonly number[], m: number): HwState {
  const l1 = mean(y.slice(0, m));
  const trend = (mean(y.slice(m, 2 * m)) - l1) / m;
  const centre = (m - 1) / 2;
  const season = Array.from(
    { length: m },
    (_, i) => (y[i] - (l1 + trend * (i - centre)) + (y[i + m] - (l1 + trend * (i + m - centre)))) / 2,
  );
  return { level: l1 + trend * (-1 - centre), trend, season };
}

/**
 * Additive Holt–Winters over the whole series, one period at a time. `use` may replace
 * the value the state learns from (anomaly.ts feeds the forecast in place of an outlier).
 * Returns the one-step forecast made before each period and the state after the last.
 */
export function hwRun(
  y: readonly number[],
  m: number,
  w: HwWeights,
  use: (t: number, predicted: number, actual: number) => number = (_t, _p, a) => a,
): { predicted: number[]; state: HwState } {
  const s = hwStart(y, m);
  const predicted: number[] = [];
  for (let t = 0; t < y.length; t++) {
    const si = s.season[t % m];
    const p = s.level + s.trend + si;
    predicted.push(p);
    const v = use(t, p, y[t]);
    const level = w.alpha * (v - si) + (1 - w.alpha) * (s.level + s.trend);
    s.trend = w.beta * (level - s.level) + (1 - w.beta) * s.trend;
    s.season[t % m] = w.gamma * (v - level) + (1 - w.gamma) * si;
    s.level = level;
  }
  return { predicted, state: s };
}

/** The grid's weights with the least in-sample one-step squared error (the first of equals). */
export function hwWeights(y: readonly number[], m: number): HwWeights {
  let best: HwWeights = { alpha: ALPHAS[0], beta: BETAS[0], gamma: GAMMAS[0] };
  let bestSse = Number.POSITIVE_INFINITY;
  for (const alpha of ALPHAS)
    for (const beta of BETAS)
      for (const gamma of GAMMAS) {
        const { predicted } = hwRun(y, m, { alpha, beta, gamma });
        const sse = predicted.reduce((s, p, t) => s + (y[t] - p) ** 2, 0);
        if (sse < bestSse) {
          bestSse = sse;
          best = { alpha, beta, gamma };
        }
      }
  return best;
}

function holtWinters(y: readonly number[], m: number): Model {
  const { state } = hwRun(y, m, hwWeights(y, m));
  const n = y.length;
  return { ahead: (h) => state.level + h * state.trend + state.season[(n + h - 1) % m] };
}

/** Fit a method to a gap-free training series with season length m (ignored by the line). */
export function fitMethod(method: ForecastMethod, y: readonly number[], m: number): Model {
  if (method === 'linear') return linear(y);
  return method === 'seasonalNaive' ? seasonalNaive(y, m) : holtWinters(y, m);
}
