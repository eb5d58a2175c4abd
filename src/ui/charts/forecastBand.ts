import type { Anomaly } from '../../core/kpi/anomaly';
import { BACKTEST_PERIODS, type Forecast } from '../../core/kpi/forecast';
import { formatPercent } from '../../i18n/format';
import { t } from '../../i18n/t';
import type { ChartTokens } from './chartTheme';

/** "backtest error 7.3 %": how far the forecast has been off, in the page's digits. */
function backtestText(f: Forecast): string {
  return f.mape === null
    ? t('forecast.noBacktest')
    : t('forecast.backtest', { pct: formatPercent(f.mape / 100) });
}

/** The caption beside a chart: the method and its backtest error, and (for a tooltip) how both are read. */
export function forecastCaption(f: Forecast): { text: string; explain: string } {
  return {
    text: t('forecast.caption', { method: t(`forecast.method.${f.method}`), backtest: backtestText(f) }),
    explain: t('forecast.explain', { n: BACKTEST_PERIODS }),
  };
}

const BAND_STACK = 'forecast-band';

/**
 * The forecast's series on a category axis of `shown` periods and then the forecast's:
 * the band as two stacked lines (its low edge, then its width filled), the point forecast
 * dashed, both starting from the latest value so they fan out of the line; and the
 * anomalies as marks on their periods. Indices of `anomalies` count in the shown periods.
 */
export function forecastLayers(
  shown: readonly (number | null)[],
  f: Forecast | null,
  anomalies: readonly Anomaly[],
  k: ChartTokens,
): object[] {
  const n = shown.length;
  const total = n + (f?.points.length ?? 0);
  const layers: object[] = [];
  if (f !== null && f.points.length > 0) {
    const last = shown[n - 1] ?? null;
    const at = (pick: (i: number) => number, lastValue: number | null) =>
      Array.from({ length: total }, (_, i) => (i < n - 1 ? null : i === n - 1 ? lastValue : pick(i - n)));
    const lo = at((i) => f.points[i].lo, last);
    const width = at((i) => f.points[i].hi - f.points[i].lo, last === null ? null : 0);
    const hidden = { symbol: 'none', lineStyle: { opacity: 0 }, tooltip: { show: false } };
    layers.push(
      {
        name: t('forecast.band'),
        type: 'line',
        data: lo,
        stack: BAND_STACK,
        stackStrategy: 'all',
        ...hidden,
      },
      {
        name: t('forecast.band'),
        type: 'line',
        data: width,
        stack: BAND_STACK,
        stackStrategy: 'all',
        ...hidden,
        areaStyle: { color: k.accent, opacity: 0.16 },
        z: 1,
      },
      {
        name: t('forecast.band'),
        type: 'line',
        data: at((i) => f.points[i].value, last),
        symbol: 'none',
        lineStyle: { width: 1.8, color: k.accent, type: [6, 3] },
        itemStyle: { color: k.accent },
        z: 2,
      },
    );
  }
  if (anomalies.length > 0) {
    const marked = new Map(anomalies.map((a) => [a.index, a.actual]));
    layers.push({
      name: t('anomaly.series'),
      type: 'line',
      data: Array.from({ length: total }, (_, i) => marked.get(i) ?? null),
      symbol: 'diamond',
      symbolSize: 11,
      showSymbol: true,
      // On a crowded category axis ECharts draws only every few symbols; a mark must never be one skipped.
      showAllSymbol: true,
      connectNulls: false,
      lineStyle: { opacity: 0 },
      itemStyle: { color: k.bad },
      z: 4,
    });
  }
  return layers;
}
