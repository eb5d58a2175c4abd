import type { ResultTable } from '../../../core/notebook/types';
import { numberFormat } from '../../../i18n/format';
import { t } from '../../../i18n/t';
import type { ChartTokens } from '../../charts/chartTheme';
import { htmlLines } from '../../charts/escapeHtml';
import { formatKpi, periodLabel } from '../format';
import type { ChartOption } from './echarts';
import { num, str } from './optionValues';

/**
 * The analyses' chart options, apart from React so a test can call every formatter.
 * Text from the data (driver and segment names, groups, KPI labels) reaches a tooltip
 * only through `htmlLines` and a rich-text label only through `richRun`.
 */

/** A figure with a fixed number of decimals, in the language's digits (axes and tooltips). */
const fixed = (v: number, digits: number) =>
  numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);

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
