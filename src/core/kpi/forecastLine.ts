import type { Dialect, RegressionPart } from '../sql/dialect';
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

/** Fewer points than this make a line that says nothing. */
const MIN_LINE_POINTS = 3;
/** The window the SQL line is fitted over when none is given (the KRI line's old window). */
const SQL_WINDOW = 6;

/** 'down': lower is better, so reaching the threshold from below is the breach. */
export const beyond = (direction: 'up' | 'down', value: number, threshold: number) =>
  direction === 'down' ? value >= threshold : value <= threshold;

/** 1-based position of the first value in `path` at or beyond the threshold; null when none is. */
export function firstBeyond(path: readonly number[], threshold: number, direction: 'up' | 'down') {
  const k = path.findIndex((v) => beyond(direction, v, threshold));
  return k < 0 ? null : k + 1;
}

/** Least squares over the last `window` periods; x is the position in that window (0 = oldest). */
export function leastSquares(series: readonly PeriodValue[], window: number): TrendFit | null {
  const tail = series.slice(Math.max(0, series.length - window));
  const points = tail.flatMap((p, x) =>
    p.value === null || !Number.isFinite(p.value) ? [] : [{ x, y: p.value }],
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
 * if that is within `horizon` periods. The same for a fit made in JS and one read
 * back from trendSql.
 */
export function projectBreach(
  fit: TrendFit,
  threshold: number,
  direction: 'up' | 'down',
  horizon: number,
): number | null {
  if (fit.n < MIN_LINE_POINTS) return null;
  const path = Array.from({ length: horizon }, (_, i) => fit.intercept + fit.slope * (fit.xLast + i + 1));
  return firstBeyond(path, threshold, direction);
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
  /** The dialect of the engine the SQL runs on. */
  readonly dialect: Dialect;
}

/**
 * SQL for the same least-squares line (the dialect's regr_slope / regr_intercept),
 * over the last `window` rows of each partition. Columns: [partition,] slope,
 * intercept, x_last, n — a TrendFit per row, for projectBreach.
 */
export function trendSql(o: TrendSqlOptions): string {
  const d = o.dialect;
  const window = Math.max(1, Math.floor(o.window ?? SQL_WINDOW));
  const part = o.partitionBy === undefined ? null : d.quoteIdent(o.partitionBy);
  const over = (dir: 'ASC' | 'DESC') =>
    `OVER (${part === null ? '' : `PARTITION BY ${part} `}ORDER BY ${d.quoteIdent(o.orderBy)} ${dir})`;
  const keep = part === null ? '' : `${part}, `;
  const line = (p: RegressionPart) => d.regression(p, 'y', 'x');
  // x counts from 0 at the oldest period kept, as leastSquares does.
  return [
    `WITH numbered AS (`,
    `  SELECT ${keep}${d.cast(d.quoteIdent(o.value), 'double')} AS y, row_number() ${over('DESC')} AS back`,
    `  FROM ${d.quoteIdent(o.source)}`,
    `), win AS (`,
    `  SELECT ${keep}y, ${d.cast(`MAX(back) OVER (${part === null ? '' : `PARTITION BY ${part}`}) - back`, 'double')} AS x`,
    `  FROM numbered WHERE back <= ${window}`,
    `)`,
    `SELECT ${keep}${line('slope')} AS slope, ${line('intercept')} AS intercept, MAX(x) AS x_last, ${line('count')} AS n`,
    `FROM win${part === null ? '' : ` GROUP BY ${part}`}`,
  ].join('\n');
}
