import { kpiLabel } from '../../i18n/kpi';
import { t } from '../../i18n/t';
import type { WorkbookKpi } from '../../state/scorecardStore';
import { formatKpiValue } from '../scorecard/formatKpi';
import type { ChartTokens } from './chartTheme';
import type { ChartOption } from './echarts';
import { htmlLines } from './escapeHtml';
import { useChart } from './useChart';

interface BulletInput {
  kpi: Pick<WorkbookKpi, 'id' | 'label' | 'format' | 'unit' | 'direction'>;
  value: number;
  target: number;
  benchmark: number | null;
}

/**
 * The qualitative ranges behind the bar, as [from, to, tone]: below 80 % of a
 * higher-is-better target is poor, up to the target fair, beyond it good; a
 * lower-is-better KPI reads the other way. Context KPIs get one neutral range.
 */
function bulletBands(input: BulletInput, max: number): [number, number, 'bad' | 'warn' | 'ok' | 'none'][] {
  const { target, kpi } = input;
  if (kpi.direction === 'context' || target <= 0) return [[0, max, 'none']];
  if (kpi.direction === 'up') {
    return [
      [0, target * 0.8, 'bad'],
      [target * 0.8, target, 'warn'],
      [target, max, 'ok'],
    ];
  }
  return [
    [0, target, 'ok'],
    [target, target * 1.2, 'warn'],
    [target * 1.2, max, 'bad'],
  ];
}

/** The smallest round number (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × a power of ten) at or above `x`, so the axis ends on a label. */
function niceCeil(x: number): number {
  if (!(x > 0)) return 1;
  const mag = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10]) if (x <= m * mag * (1 + 1e-9)) return m * mag;
  return 10 * mag;
}

/** A bullet chart: the latest value as a bar over poor / fair / good ranges, the target as a tick. */
function bulletOption(input: BulletInput, k: ChartTokens): ChartOption {
  const { kpi, value, target, benchmark } = input;
  const fmt = (v: number) => formatKpiValue(v, kpi);
  const top = niceCeil(Math.max(value, target, benchmark ?? 0) * 1.1);
  const low = Math.min(0, value);
  const tone = { bad: k.badWeak, warn: k.warnWeak, ok: k.surface, none: k.surface };
  const bands = bulletBands(input, top).map(([from, to, tn]) => [
    { xAxis: from, itemStyle: { color: tone[tn], opacity: tn === 'ok' ? 0 : 1 } },
    { xAxis: to },
  ]);
  const lines: object[] = [
    {
      xAxis: target,
      name: t('bullet.target'),
      lineStyle: { color: k.text, width: 3, type: 'solid' },
      label: { formatter: `${t('bullet.target')} ${fmt(target)}`, color: k.text, position: 'end' },
    },
  ];
  if (benchmark !== null) {
    lines.push({
      xAxis: benchmark,
      name: t('bullet.benchmark'),
      lineStyle: { color: k.muted, width: 1.5, type: 'dashed' },
      label: { formatter: `${t('bullet.benchmark')} ${fmt(benchmark)}`, color: k.muted, position: 'start' },
    });
  }
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 22, bottom: 20, containLabel: true },
    tooltip: {
      trigger: 'item',
      formatter: () =>
        htmlLines(`${t('bullet.actual')}: ${fmt(value)}`, `${t('bullet.target')}: ${fmt(target)}`),
    },
    xAxis: {
      type: 'value',
      min: low,
      max: top,
      splitNumber: 4,
      axisLabel: { formatter: (v: number) => fmt(v), hideOverlap: true },
      splitLine: { show: false },
    },
    yAxis: { type: 'category', data: [''], axisLine: { show: false }, axisTick: { show: false } },
    series: [
      {
        type: 'bar',
        name: t('bullet.actual'),
        data: [value],
        barWidth: 12,
        itemStyle: { color: k.accent },
        markArea: { silent: true, data: bands },
        markLine: { silent: true, symbol: 'none', data: lines },
        label: { show: false },
      },
    ],
  };
}

/** The chart on a div; `aria-label` says in words what it draws. */
export function BulletChart({ input }: { input: BulletInput }) {
  const { ref } = useChart((k) => bulletOption(input, k));
  const fmt = (v: number) => formatKpiValue(v, input.kpi);
  return (
    <div
      ref={ref}
      className="bullet-chart"
      role="img"
      data-testid="bullet-chart"
      aria-label={`${t('bullet.title', { kpi: kpiLabel(input.kpi) })}: ${fmt(input.value)} / ${fmt(input.target)}`}
    />
  );
}
