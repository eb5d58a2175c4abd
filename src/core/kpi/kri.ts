import type { Grain } from '../sql/calendarSchema';
import type { PeriodValue } from './evaluate';
import { type Forecast, forecastSeries } from './forecast';
import { beyond, firstBeyond } from './forecastLine';
import { firstWithData } from './trendStart';

interface KriOptions {
  /** The risk threshold (the KRI's `critical`). */
  readonly threshold: number;
  /** 'down': lower is better, so reaching the threshold from below is the breach. */
  readonly direction: 'up' | 'down';
  /** The series' grain: it sets the season the forecast may use. */
  readonly grain: Grain;
  /** How many periods ahead a forecast crossing counts as an early warning. */
  readonly horizon?: number;
}

export interface KriState {
  /** Null when the latest period has no value. */
  readonly breached: boolean | null;
  /** Not breached now, but the forecast reaches the threshold within the horizon. */
  readonly warning: boolean;
  /** 0 when breached; periods until the forecast crossing; null when none is in sight. */
  readonly periodsToBreach: number | null;
  /** The KPI's forecast (forecast.ts) the warning was read from; null when the series is too short. */
  readonly forecast: Forecast | null;
}

export const KRI_DEFAULTS = { horizon: 3 } as const;

/**
 * A KRI's state in the latest period: breached now, or forecast to breach soon. The
 * warning reads the point forecast (the method its backtest chose), so a KRI with a
 * season is warned of the season's peak, not of a straight line through it.
 */
export function kriState(series: readonly PeriodValue[], o: KriOptions): KriState {
  const horizon = o.horizon ?? KRI_DEFAULTS.horizon;
  const latest = series.length > 0 ? series[series.length - 1].value : null;
  const values = series.map((p) => p.value);
  // From the first period with data, as the KPI chart draws it: a count of no rows reads 0, not a value.
  const from = firstWithData(
    values,
    series.map((p) => p.base),
  );
  const forecast = forecastSeries(values.slice(from), o.grain, horizon);
  if (latest === null || !Number.isFinite(latest)) {
    return { breached: null, warning: false, periodsToBreach: null, forecast };
  }
  if (beyond(o.direction, latest, o.threshold)) {
    return { breached: true, warning: false, periodsToBreach: 0, forecast };
  }
  const ahead =
    forecast === null
      ? null
      : firstBeyond(
          forecast.points.map((p) => p.value),
          o.threshold,
          o.direction,
        );
  return { breached: false, warning: ahead !== null, periodsToBreach: ahead, forecast };
}
