import type { Dialect } from '../sql/dialect';
import { duckdb } from '../sql/dialects/registry';
import type { PeriodValue } from './evaluate';

/** A least-squares line over period positions: value ≈ intercept + slope × x. */
export interface TrendFit {
  readonly slope: number;
  readonly intercept: number;
  /** Position of the latest period in the window, on the same x axis. */
  readonly xLast: number;
  /** How many non-blank values the line was fitted to. */
  readonly n: number;
}

interface KriOptions {
  /** The risk threshold (the KRI's `critical`). */
  readonly threshold: number;
  /** 'down': lower is better, so reaching the threshold from below is the breach. */
  readonly direction: 'up' | 'down';
  /** Periods the trend line is fitted over, the latest included. */
  readonly window?: number;
  /** How many periods ahead a projected crossing counts as an early warning. */
  readonly horizon?: number;
}

export interface KriState {
  /** Null when the latest period has no value. */
  readonly breached: boolean | null;
  /** Not breached now, but the trend reaches the threshold within the horizon. */
  readonly warning: boolean;
  /** 0 when breached; periods until the projected crossing; null when none is in sight. */
  readonly periodsToBreach: number | null;
  readonly fit: TrendFit | null;
}

export const KRI_DEFAULTS = { window: 6, horizon: 3 } as const;
/** Fewer points than this make a line that says nothing. */
const MIN_POINTS = 3;

const beyond = (direction: 'up' | 'down', value: number, threshold: number) =>
  direction === 'down' ? value >= threshold : value <= threshold;

/** Least squares over the last `window` periods; x is the position in that window (0 = oldest). */
export function leastSquares(series: readonly PeriodValue[], window: number): TrendFit | null {
  const tail = series.slice(Math.max(0, series.length - window));
  const points = tail.flatMap((p, x) =>
    p.value === null || Number.isNaN(p.value) ? [] : [{ x, y: p.value }],
  );
  const n = points.length;
  if (n < 2) return null;
  const mx = points.reduce((s, p) => s + p.x, 0) / n;
  const my = points.reduce((s, p) => s + p.y, 0) / n;
  const sxx = points.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  if (sxx === 0) return null;
  const sxy = points.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0);
  const slope = sxy / sxx;
  return { slope, intercept: my - slope * mx, xLast: tail.length - 1, n };
}

/**
 * The first whole period after the latest at which the line reaches the threshold,
 * if that is within `horizon` periods. Shared by the JS path and the SQL path so
 * the two give the same answer from the same fit.
 */
export function projectBreach(
  fit: TrendFit,
  threshold: number,
  direction: 'up' | 'down',
  horizon: number,
): number | null {
  if (fit.n < MIN_POINTS) return null;
  for (let k = 1; k <= horizon; k++) {
    if (beyond(direction, fit.intercept + fit.slope * (fit.xLast + k), threshold)) return k;
  }
  return null;
}

/** A KRI's state in the latest period: breached now, or trending to a breach soon. */
export function kriState(series: readonly PeriodValue[], o: KriOptions): KriState {
  const window = o.window ?? KRI_DEFAULTS.window;
  const horizon = o.horizon ?? KRI_DEFAULTS.horizon;
  const latest = series.length > 0 ? series[series.length - 1].value : null;
  const fit = leastSquares(series, window);
  if (latest === null || Number.isNaN(latest)) {
    return { breached: null, warning: false, periodsToBreach: null, fit };
  }
  if (beyond(o.direction, latest, o.threshold)) {
    return { breached: true, warning: false, periodsToBreach: 0, fit };
  }
  const ahead = fit === null ? null : projectBreach(fit, o.threshold, o.direction, horizon);
  return { breached: false, warning: ahead !== null, periodsToBreach: ahead, fit };
}

interface TrendSqlOptions {
  /** A table or view with one row per period (the scorecard result, say). */
  readonly source: string;
  /** Orders the periods, e.g. period_start. */
  readonly orderBy: string;
  readonly value: string;
  readonly window?: number;
  /** One line per value of this column (the breakdown). */
  readonly partitionBy?: string;
  readonly dialect?: Dialect;
}

/**
 * SQL for the same least-squares line, with DuckDB's regr_slope / regr_intercept,
 * over the last `window` rows of each partition. Columns: [partition,] slope,
 * intercept, x_last, n — a TrendFit per row, for projectBreach.
 */
export function trendSql(o: TrendSqlOptions): string {
  const d = o.dialect ?? duckdb;
  const window = Math.max(1, Math.floor(o.window ?? KRI_DEFAULTS.window));
  const part = o.partitionBy === undefined ? null : d.quoteIdent(o.partitionBy);
  const over = (dir: 'ASC' | 'DESC') =>
    `OVER (${part === null ? '' : `PARTITION BY ${part} `}ORDER BY ${d.quoteIdent(o.orderBy)} ${dir})`;
  const keep = part === null ? '' : `${part}, `;
  // x counts from 0 at the oldest period kept, as leastSquares does.
  return [
    `WITH numbered AS (`,
    `  SELECT ${keep}CAST(${d.quoteIdent(o.value)} AS DOUBLE) AS y, row_number() ${over('DESC')} AS back`,
    `  FROM ${d.quoteIdent(o.source)}`,
    `), win AS (`,
    `  SELECT ${keep}y, CAST(MAX(back) OVER (${part === null ? '' : `PARTITION BY ${part}`}) - back AS DOUBLE) AS x`,
    `  FROM numbered WHERE back <= ${window}`,
    `)`,
    `SELECT ${keep}regr_slope(y, x) AS slope, regr_intercept(y, x) AS intercept, MAX(x) AS x_last, regr_count(y, x) AS n`,
    `FROM win${part === null ? '' : ` GROUP BY ${part}`}`,
  ].join('\n');
}
