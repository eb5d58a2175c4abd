import { findAnomalies } from '../../core/kpi/anomaly';
import type { BenchmarkRow } from '../../core/kpi/benchmarks';
import { comparableValue } from '../../core/kpi/benchmarks';
import { PERIODS_PER_YEAR } from '../../core/kpi/evaluate';
import { type Forecast, forecastSeries } from '../../core/kpi/forecast';
import { KRI_DEFAULTS, type KriState } from '../../core/kpi/kri';
import { firstWithData } from '../../core/kpi/trendStart';
import type { KpiNote } from '../../core/model/notes';
import type { Grain } from '../../core/sql/calendarSchema';
import { formatPeriodLabel } from '../../i18n/format';
import { kpiLabel } from '../../i18n/kpi';
import { t } from '../../i18n/t';
import type { Period, WorkbookKpi } from '../../state/scorecardStore';
import { formatKpiValue } from '../scorecard/formatKpi';
import type { ChartTokens } from './chartTheme';
import type { ChartOption } from './echarts';
import { forecastCaption, forecastLayers } from './forecastBand';
import { noteMarks } from './noteMarks';
import { exportPng, useChart } from './useChart';

export interface KpiChartInput {
  kpi: WorkbookKpi;
  periods: readonly Period[];
  values: readonly (number | null)[];
  /** What each value rests on (thinBase.ts): a period of no rows is no data, even where a count reads 0. */
  bases?: readonly (number | null)[];
  grain: Grain;
  benchmark: BenchmarkRow | undefined;
  /** A KRI's state: its forecast is the one the chart draws, so the band shows what the warning read. */
  kri: KriState | undefined;
  /** The KPI's notes, marked at their periods. */
  notes?: readonly KpiNote[];
}

/** The periods drawn: from the first with data (trendStart.ts), as the line and forecast start there. */
function shownFrom(input: KpiChartInput): number {
  return firstWithData(input.values, input.bases);
}

/** The forecast the chart draws: a KRI's own, else one made here the same way from the periods drawn. */
function chartForecast(input: KpiChartInput): Forecast | null {
  if (input.kri !== undefined) return input.kri.forecast;
  return forecastSeries(input.values.slice(shownFrom(input)), input.grain, KRI_DEFAULTS.horizon);
}

/**
 * The KPI over time: its line, the same period a year earlier as a ghost, the target
 * and benchmark as lines (the benchmark's quartiles as a band), threshold bands, the
 * forecast a few periods ahead as a band (forecast.ts) and anomalies marked (anomaly.ts).
 */
export function kpiDetailOption(input: KpiChartInput, k: ChartTokens): ChartOption {
  const { kpi, grain, benchmark } = input;
  const fmt = (v: number | null) => formatKpiValue(v, kpi);
  const back = PERIODS_PER_YEAR[grain];
  // The line starts at the first period with data; last year's ghost still reads the periods before.
  const start = shownFrom(input);
  const periods = input.periods.slice(start);
  const values = input.values.slice(start);
  const all = input.values;
  const forecast = chartForecast(input);
  const ahead = forecast?.points.length ?? 0;
  const labels = [
    ...periods.map((p) => formatPeriodLabel(p.label)),
    ...Array.from({ length: ahead }, (_, i) => t('chart.ahead', { n: i + 1 })),
  ];
  const pad = (xs: (number | null)[]) => [...xs, ...Array.from({ length: ahead }, () => null)];
  const lastYear = values.map((_, i) => (start + i - back >= 0 ? (all[start + i - back] ?? null) : null));
  const markLines: object[] = [];
  if (kpi.target !== null)
    markLines.push({
      yAxis: kpi.target,
      name: t('chart.target'),
      lineStyle: { color: k.ok, type: 'dashed', width: 1.5 },
      label: { formatter: `${t('chart.target')} ${fmt(kpi.target)}`, color: k.ok, position: 'insideEndTop' },
    });
  const bench = benchmark === undefined ? null : comparableValue(benchmark);
  if (bench !== null)
    markLines.push({
      yAxis: bench,
      name: t('chart.benchmark'),
      lineStyle: { color: k.muted, type: 'dotted', width: 1.5 },
      label: {
        formatter: `${t('chart.benchmark')} ${fmt(bench)}`,
        color: k.muted,
        position: 'insideStartTop',
      },
    });
  markLines.push(...noteMarks(periods, input.notes ?? [], k));
  const areas: object[] = [];
  const q = benchmark?.quartiles;
  if (q?.p25 !== undefined && q.p75 !== undefined && benchmark?.scale !== 'index')
    areas.push([
      { yAxis: q.p25, name: t('chart.quartileBand'), itemStyle: { color: k.border, opacity: 0.35 } },
      { yAxis: q.p75 },
    ]);
  const th = kpi.thresholds;
  if (th?.critical !== undefined && kpi.direction !== 'context') {
    const far = kpi.direction === 'down' ? Number.MAX_SAFE_INTEGER : -Number.MAX_SAFE_INTEGER;
    areas.push([{ yAxis: th.critical, itemStyle: { color: k.badWeak, opacity: 0.8 } }, { yAxis: far }]);
    if (th.warning !== undefined)
      areas.push([
        { yAxis: th.warning, itemStyle: { color: k.warnWeak, opacity: 0.8 } },
        { yAxis: th.critical },
      ]);
  }
  const series: object[] = [
    {
      name: kpiLabel(kpi),
      type: 'line',
      data: pad([...values]),
      symbol: 'circle',
      symbolSize: 5,
      lineStyle: { width: 2.2, color: k.accent },
      itemStyle: { color: k.accent },
      connectNulls: false,
      markLine: { symbol: 'none', silent: true, data: markLines },
      markArea: { silent: true, data: areas },
      z: 3,
    },
    {
      name: t('chart.lastYear'),
      type: 'line',
      data: pad(lastYear),
      symbol: 'none',
      lineStyle: { width: 1.5, color: k.faint, type: 'dashed' },
      itemStyle: { color: k.faint },
      z: 2,
    },
  ];
  const anomalies = findAnomalies(values, grain);
  series.push(...forecastLayers(values, forecast, anomalies, k));
  return {
    animation: false,
    // A fourth legend entry (the anomaly mark) wraps the legend onto a second line in the detail panel.
    grid: { left: 8, right: 16, top: anomalies.length > 0 ? 56 : 36, bottom: 8, containLabel: true },
    legend: { top: 0, left: 0, itemWidth: 16, itemHeight: 8 },
    tooltip: {
      trigger: 'axis',
      valueFormatter: (v: unknown) => (typeof v === 'number' ? fmt(v) : t('value.blank')),
    },
    xAxis: { type: 'category', data: labels, boundaryGap: false, axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'value',
      scale: true,
      axisLabel: { formatter: (v: number) => fmt(v) },
    },
    series,
  };
}

export function KpiDetailChart({ input }: { input: KpiChartInput }) {
  const { ref, chart } = useChart((k) => kpiDetailOption(input, k));
  return (
    <figure className="chart-figure">
      <div
        ref={ref}
        className="chart kpi-chart"
        data-testid="kpi-chart"
        role="img"
        aria-label={t('chart.trendLabel', { kpi: kpiLabel(input.kpi) })}
      />
      <figcaption>
        <ForecastCaption input={input} />
        <button type="button" className="btn small" onClick={() => exportPng(chart.current, input.kpi.id)}>
          {t('chart.exportPng')}
        </button>
      </figcaption>
    </figure>
  );
}

/** The forecast's method and backtest error beside the chart; the tooltip says how to read them. */
function ForecastCaption({ input }: { input: KpiChartInput }) {
  const f = chartForecast(input);
  if (f === null) return null;
  const c = forecastCaption(f);
  return (
    <span className="chart-forecast muted" data-testid="forecast-backtest" title={c.explain}>
      {c.text}
    </span>
  );
}
