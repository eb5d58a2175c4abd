import type { ResultTable } from '../../../core/notebook/types';
import { formatCount, numberFormat } from '../../../i18n/format';
import { t } from '../../../i18n/t';
import type { ChartTokens } from '../../charts/chartTheme';
import { htmlLines } from '../../charts/escapeHtml';
import { richRun } from '../../charts/richText';
import { formatKpi, money, percent, periodLabel, shortNumber } from '../format';
import { rfmSegmentName } from '../rfmNames';
import type { ChartOption } from './echarts';

/**
 * The analyses' chart options, apart from React so a test can call every formatter.
 * Text from the data (driver and segment names, groups, KPI labels) reaches a tooltip
 * only through `htmlLines` and a rich-text label only through `richRun`.
 */

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown) => (v === null || v === undefined ? '' : String(v));
/** A figure with a fixed number of decimals, in the language's digits (axes and tooltips). */
const fixed = (v: number, digits: number) =>
  numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
/** Month and quarter labels that analyses write in SQL (`2024-03`, `2025-Q4`): Gregorian, named as the scorecard names them. */
const GREGORIAN_PERIOD = /^\d{4}-(\d{2}|Q[1-4])$/;
const gregorianPeriod = (v: unknown) =>
  GREGORIAN_PERIOD.test(str(v)) ? periodLabel(v, { calendar: 'gregorian' }) : str(v);

/** Segment colours by what the segment asks of the business: keep (green), grow (blue), win back (amber/red), let go (grey). */
const SEGMENT_COLOURS: Record<string, string> = {
  Champions: '#1f7a4d',
  Loyal: '#3c9a6a',
  'Potential loyalists': '#2f5fb3',
  New: '#5b84c4',
  Promising: '#7aa2e8',
  'Need attention': '#b7791f',
  'About to sleep': '#9a5b00',
  'At risk': '#c0504d',
  "Can't lose them": '#b42318',
  Hibernating: '#7b8494',
};

/** RFM: one tile per segment sized by customers, with revenue share in the label. */
export function rfmTreemapOption({ result }: { result: ResultTable }, k: ChartTokens): ChartOption {
  return {
    tooltip: {
      formatter: (p: { name: string; value: number; data: { revenue: number; share: number } }) =>
        htmlLines(
          p.name,
          `${shortNumber(p.value)} ${t('notebook.chart.customers')} · ${money(p.data.revenue)} (${percent(p.data.share, 0)})`,
        ),
    },
    series: [
      {
        type: 'treemap',
        roam: false,
        nodeClick: false,
        breadcrumb: { show: false },
        width: '100%',
        height: '100%',
        top: 0,
        left: 0,
        itemStyle: { borderColor: k.surface, borderWidth: 2, gapWidth: 2 },
        label: {
          color: '#fff',
          fontSize: 12,
          lineHeight: 16,
          overflow: 'truncate',
          formatter: (p: { name: string; value: number; data: { share: number } }) =>
            `${richRun('b', p.name)}\n${shortNumber(p.value)} ${t('notebook.chart.customers')}\n${t('notebook.chart.revenueShare', { share: percent(p.data.share, 0) })}`,
          rich: { b: { fontWeight: 600, fontSize: 13, color: '#fff', lineHeight: 18 } },
        },
        data: result.rows.map((r) => ({
          name: rfmSegmentName(str(r.segment)),
          itemStyle: { color: SEGMENT_COLOURS[str(r.segment)] ?? k.muted },
          value: num(r.customers) ?? 0,
          revenue: num(r.revenue) ?? 0,
          share: num(r.revenue_share) ?? 0,
        })),
      },
    ],
  };
}

/** Importance–performance: drivers as points, quadrants split at the drivers' means. */
export function driverQuadrantOption(
  { result, outcome }: { result: ResultTable; outcome: string },
  k: ChartTokens,
): ChartOption {
  const pts = result.rows
    .map((r) => ({ name: str(r.driver), x: num(r.performance), y: num(r.importance) }))
    .filter((p): p is { name: string; x: number; y: number } => p.x !== null && p.y !== null);
  const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const mx = mean(pts.map((p) => p.x));
  const my = mean(pts.map((p) => p.y));
  const pretty = (n: string) => n.replace(/^driver_/, '').replace(/_/g, ' ');
  // Fixed axis bounds with a margin, so the quadrant areas can span them exactly.
  const pad = (lo: number, hi: number) => Math.max((hi - lo) * 0.15, 0.05);
  const xs = pts.map((p) => p.x);
  const ys = pts.map((p) => p.y);
  const x0 = Math.min(...xs, mx) - pad(Math.min(...xs), Math.max(...xs));
  const x1 = Math.max(...xs, mx) + pad(Math.min(...xs), Math.max(...xs)) * 1.6;
  const y0 = Math.min(...ys, my, 0) - pad(Math.min(...ys), Math.max(...ys));
  const y1 = Math.max(...ys, my) + pad(Math.min(...ys), Math.max(...ys));
  return {
    grid: { left: 64, right: 32, top: 28, bottom: 52 },
    tooltip: {
      formatter: (p: { data: { name: string; value: [number, number] } }) =>
        htmlLines(pretty(p.data.name), `r = ${fixed(p.data.value[1], 2)} · ${fixed(p.data.value[0], 2)}`),
    },
    xAxis: {
      type: 'value',
      name: t('notebook.chart.performance'),
      nameLocation: 'middle',
      nameGap: 30,
      min: x0,
      max: x1,
      axisLabel: {
        color: k.muted,
        showMinLabel: false,
        showMaxLabel: false,
        formatter: (v: number) => fixed(v, 1),
      },
    },
    yAxis: {
      type: 'value',
      name: t('notebook.chart.importance', { outcome }),
      nameLocation: 'middle',
      nameGap: 44,
      min: y0,
      max: y1,
      axisLabel: {
        color: k.muted,
        showMinLabel: false,
        showMaxLabel: false,
        formatter: (v: number) => fixed(v, 2),
      },
    },
    series: [
      {
        type: 'scatter',
        symbolSize: 16,
        itemStyle: { color: k.accent },
        label: {
          show: true,
          position: 'right',
          color: k.text,
          fontSize: 12,
          formatter: (p: { data: { name: string } }) => pretty(p.data.name),
        },
        data: pts.map((p) => ({ name: p.name, value: [p.x, p.y] })),
        markLine: {
          silent: true,
          symbol: 'none',
          lineStyle: { color: k.faint, type: 'dashed' },
          label: { show: false },
          data: [{ xAxis: mx }, { yAxis: my }],
        },
        markArea: {
          silent: true,
          itemStyle: { color: 'transparent' },
          label: { color: k.faint, fontSize: 11 },
          data: [
            [
              { name: t('notebook.chart.actNow'), coord: [x0, my], label: { position: 'insideTopLeft' } },
              { coord: [mx, y1] },
            ],
            [
              {
                name: t('notebook.chart.keepUp'),
                coord: [mx, my],
                label: { position: 'insideTopRight' },
              },
              { coord: [x1, y1] },
            ],
            [
              {
                name: t('notebook.chart.lowPriority'),
                coord: [x0, y0],
                label: { position: 'insideBottomLeft' },
              },
              { coord: [mx, my] },
            ],
            [
              {
                name: t('notebook.chart.overkill'),
                coord: [mx, y0],
                label: { position: 'insideBottomRight' },
              },
              { coord: [x1, my] },
            ],
          ],
        },
      },
    ],
  };
}

/** Cohorts × months since signup, coloured by the share retained. */
export function cohortHeatmapOption({ result }: { result: ResultTable }, k: ChartTokens): ChartOption {
  const cohorts = [...new Set(result.rows.map((r) => str(r.cohort)))];
  const cohortNames = cohorts.map(gregorianPeriod);
  const months = Math.max(0, ...result.rows.map((r) => num(r.months_since) ?? 0)) + 1;
  const data = result.rows.map((r) => [
    num(r.months_since) ?? 0,
    cohorts.indexOf(str(r.cohort)),
    num(r.retention) ?? 0,
  ]);
  return {
    grid: { left: 72, right: 24, top: 12, bottom: 72 },
    tooltip: {
      formatter: (p: { value: [number, number, number] }) =>
        htmlLines(`${cohortNames[p.value[1]]} · +${formatCount(p.value[0])}: ${percent(p.value[2])}`),
    },
    xAxis: {
      type: 'category',
      data: Array.from({ length: months }, (_, i) => formatCount(i)),
      name: t('notebook.chart.monthsSince'),
      nameLocation: 'middle',
      nameGap: 26,
      splitArea: { show: false },
    },
    yAxis: { type: 'category', data: cohortNames, inverse: true, axisLabel: { fontSize: 10 } },
    visualMap: {
      min: 0,
      max: 1,
      calculable: false,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemHeight: 160,
      text: [percent(1, 0), percent(0, 0)],
      textStyle: { color: k.muted, fontSize: 11 },
      inRange: { color: ['#fdecea', '#f6d5a8', '#9fc1e8', '#2f5fb3'] },
    },
    series: [
      {
        type: 'heatmap',
        data,
        itemStyle: { borderColor: k.surface, borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: k.text } },
      },
    ],
  };
}

/** Stages per group as grouped bars, so sources can be compared step by step. */
export function funnelBarsOption({ result }: { result: ResultTable }, k: ChartTokens): ChartOption {
  const groups = result.rows.map((r) => gregorianPeriod(r.group));
  const stages = [
    ['leads', t('notebook.chart.leads')],
    ['mql', t('notebook.chart.mql')],
    ['sql', t('notebook.chart.sql')],
    ['won', t('notebook.chart.won')],
  ] as const;
  return {
    grid: { left: 56, right: 16, top: 36, bottom: 36 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    xAxis: { type: 'category', data: groups },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => shortNumber(v) } },
    color: [k.faint, '#9fc1e8', k.bar, k.ok],
    series: stages.map(([key, name]) => ({
      type: 'bar',
      name,
      data: result.rows.map((r) => num(r[key]) ?? 0),
      barMaxWidth: 22,
    })),
  };
}

/** A KPI per segment, ranked, as horizontal bars with the value at the end. */
export function segmentBarsOption(
  { result, format }: { result: ResultTable; format: string },
  k: ChartTokens,
): ChartOption {
  const rows = [...result.rows].reverse();
  return {
    grid: { left: 110, right: 72, top: 8, bottom: 24 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: number) => formatKpi(v, format),
    },
    xAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatKpi(v, format) } },
    yAxis: { type: 'category', data: rows.map((r) => str(r.segment)) },
    series: [
      {
        type: 'bar',
        data: rows.map((r) => num(r.value)),
        itemStyle: { color: k.bar, borderRadius: [0, 3, 3, 0] },
        barMaxWidth: 22,
        label: {
          show: true,
          position: 'right',
          color: k.text,
          formatter: (p: { value: number }) => formatKpi(p.value, format),
        },
      },
    ],
  };
}

/** KPIs over periods as lines. */
export function kpiLinesOption({
  result,
  labels,
  formats,
}: {
  result: ResultTable;
  labels: Record<string, string>;
  formats: Record<string, string>;
}): ChartOption {
  const ids = result.columns.slice(1).map((c) => c.name);
  return {
    grid: { left: 64, right: 16, top: 36, bottom: 32 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: result.rows.map((r) => periodLabel(r.period, result)) },
    yAxis: {
      type: 'value',
      axisLabel: { formatter: (v: number) => formatKpi(v, formats[ids[0]] ?? 'number') },
    },
    series: ids.map((id) => ({
      type: 'line',
      name: labels[id] ?? id,
      showSymbol: false,
      data: result.rows.map((r) => num(r[id])),
    })),
  };
}
