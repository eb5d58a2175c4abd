import { isPercentUnit } from '../../core/kpi/kpiFigure';
import { spreadExceedsNoise } from '../../core/kpi/spreadNoise';
import { kpiLabel } from '../../i18n/kpi';
import { t } from '../../i18n/t';
import type { SegmentValue, WorkbookKpi } from '../../state/scorecardStore';
import { formatKpiValue } from '../scorecard/formatKpi';
import type { ChartTokens } from './chartTheme';
import type { ChartOption } from './echarts';
import { exportPng, useChart } from './useChart';

interface BreakdownInput {
  kpi: WorkbookKpi;
  /** Best first, blanks last (the store's order). */
  segments: readonly SegmentValue[];
  benchmark: number | null;
  period: string;
  by: string;
}

/**
 * Whether best and worst get their green and red marks: a KPI with a direction, two
 * segments at least, and a gap between them wider than chance (spreadNoise.ts).
 */
function marksBestAndWorst(kpi: WorkbookKpi, segments: readonly SegmentValue[]): boolean {
  const withValue = segments.filter((s): s is SegmentValue & { value: number } => s.value !== null);
  const best = withValue[0];
  const worst = withValue.at(-1);
  if (kpi.direction === 'context' || best === undefined || worst === undefined || best === worst)
    return false;
  return spreadExceedsNoise(
    { value: best.value, base: best.base ?? null },
    { value: worst.value, base: worst.base ?? null },
    isPercentUnit(kpi.unit),
  );
}

/**
 * Segments ranked as horizontal bars from zero, best at the top, the benchmark as a line;
 * best and worst marked only when their gap is more than noise.
 */
function breakdownOption(input: BreakdownInput, k: ChartTokens): ChartOption {
  const { kpi, segments, benchmark } = input;
  const fmt = (v: number | null) => formatKpiValue(v, kpi);
  const withValue = segments.filter((s) => s.value !== null);
  const best = withValue[0]?.segment;
  const worst = withValue.length > 1 ? withValue[withValue.length - 1]?.segment : undefined;
  const judged = marksBestAndWorst(kpi, segments);
  // Bars start at zero: a bar's length is its value, so an axis from 50 % would make 64 % look twice 57 %.
  const negative = withValue.some((s) => (s.value as number) < 0);
  // ECharts draws the first category at the bottom; reverse so the best is on top.
  const rows = segments.filter((s) => s.value !== null).reverse();
  const name = (s: SegmentValue) => (s.segment === '' ? t('chart.blankSegment') : s.segment);
  const tag = (s: SegmentValue) =>
    !judged
      ? ''
      : s.segment === best
        ? ` ✓ ${t('chart.best')}`
        : s.segment === worst
          ? ` ✕ ${t('chart.worst')}`
          : '';
  return {
    animation: false,
    // Room on the right for the longest bar's label: "64.2% ✓ best".
    grid: { left: 8, right: judged ? 104 : 64, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (v: unknown) => (typeof v === 'number' ? fmt(v) : t('value.blank')),
    },
    xAxis: {
      type: 'value',
      scale: false,
      ...(negative ? {} : { min: 0 }),
      axisLabel: { formatter: (v: number) => fmt(v), hideOverlap: true },
    },
    yAxis: { type: 'category', data: rows.map(name), axisLabel: { width: 110, overflow: 'truncate' } },
    series: [
      {
        type: 'bar',
        name: kpiLabel(kpi),
        barMaxWidth: 18,
        data: rows.map((s) => ({
          value: s.value,
          itemStyle: {
            color: !judged ? k.bar : s.segment === best ? k.ok : s.segment === worst ? k.bad : k.bar,
          },
          label: {
            show: true,
            position: 'right',
            color: k.text,
            formatter: () => `${fmt(s.value)}${tag(s)}`,
          },
        })),
        markLine:
          benchmark === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                lineStyle: { color: k.muted, type: 'dotted', width: 1.5 },
                label: { formatter: `${t('chart.benchmark')} ${fmt(benchmark)}`, color: k.muted },
                data: [{ xAxis: benchmark }],
              },
      },
    ],
  };
}

export function BreakdownChart({ input }: { input: BreakdownInput }) {
  const { ref, chart } = useChart((k) => breakdownOption(input, k));
  const height = Math.max(120, input.segments.length * 30 + 40);
  const unmarked =
    input.kpi.direction !== 'context' &&
    input.segments.filter((s) => s.value !== null).length > 1 &&
    !marksBestAndWorst(input.kpi, input.segments);
  return (
    <figure className="chart-figure">
      <div
        ref={ref}
        className="chart"
        style={{ height }}
        data-testid="breakdown-chart"
        role="img"
        aria-label={t('chart.breakdownLabel', { kpi: kpiLabel(input.kpi), by: input.by })}
      />
      <figcaption>
        {unmarked && (
          <p className="chart-note muted" data-testid="breakdown-no-marks">
            {t('chart.noMarks')}
          </p>
        )}
        <button
          type="button"
          className="btn small"
          onClick={() => exportPng(chart.current, `${input.kpi.id}-by-segment`)}
        >
          {t('chart.exportPng')}
        </button>
      </figcaption>
    </figure>
  );
}
