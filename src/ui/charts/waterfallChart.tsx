import type { SegmentEffect } from '../../core/analysis/contribution';
import type { ExplainResult } from '../../core/analysis/explain';
import { formatPeriodLabel, numberFormat } from '../../i18n/format';
import { kpiLabel } from '../../i18n/kpi';
import { t } from '../../i18n/t';
import type { WorkbookKpi } from '../../state/scorecardStore';
import { formatKpiValue } from '../scorecard/formatKpi';
import type { ChartTokens } from './chartTheme';
import type { ChartOption } from './echarts';
import { htmlLines } from './escapeHtml';
import { exportPng, useChart } from './useChart';

type Explained = Extract<ExplainResult, { t: 'explained' }>;

/** What the chart reads of a KPI: a scorecard KPI, or a notebook cell's. */
export type WaterfallKpi = Pick<WorkbookKpi, 'id' | 'label' | 'format' | 'direction' | 'unit'>;

interface WaterfallInput {
  kpi: WaterfallKpi;
  result: Explained;
  by: string;
}

/** One bar: the value in A or B (from the axis), or an effect floating from the level before it. */
interface Step {
  readonly name: string;
  readonly kind: 'level' | 'effect';
  /** The level (for a level bar) or the effect (for an effect bar). */
  readonly value: number;
}

function segmentName(e: SegmentEffect): string {
  if (e.others > 0) return t('explain.others', { count: e.others });
  return e.segment === null || e.segment === '' ? t('explain.blank') : e.segment;
}

/** Start, one bar per effect (a ratio's rate and mix apart; effects that show as 0 left out), end. */
function steps(r: Explained, kpi: WaterfallKpi): Step[] | null {
  if (r.valueA === null || r.valueB === null) return null;
  const effects: Step[] = r.segments.flatMap((e) => {
    const name = segmentName(e);
    if (r.shape === 'additive') return [{ name, kind: 'effect' as const, value: e.total }];
    return [
      { name: t('explain.rateBar', { segment: name }), kind: 'effect' as const, value: e.rate },
      { name: t('explain.mixBar', { segment: name }), kind: 'effect' as const, value: e.mix },
    ];
  });
  return [
    { name: formatPeriodLabel(r.a.label), kind: 'level', value: r.valueA },
    ...effects.filter((s) => signedEffect(s.value, kpi) !== signedEffect(0, kpi)),
    { name: formatPeriodLabel(r.b.label), kind: 'level', value: r.valueB },
  ];
}

/** An effect as a signed figure: percentage points for a rate shown as a percentage. */
function signedEffect(v: number, kpi: WaterfallKpi): string {
  if (kpi.format === 'percent') {
    const f = numberFormat({ maximumFractionDigits: 1, minimumFractionDigits: 1, signDisplay: 'exceptZero' });
    return `${f.format(v * 100).replace('-', '\u2212')} ${t('kpiUnit.ppShort')}`;
  }
  return `${v > 0 ? '+' : v < 0 ? '\u2212' : ''}${formatKpiValue(Math.abs(v), kpi)}`;
}

/**
 * The change as a horizontal waterfall, read top to bottom: the value in A, each effect
 * floating from the level the ones above it reached, the value in B. An invisible base
 * series lifts each effect bar to its level; the value axis spans the levels, not zero,
 * so effects of a point or two stay visible next to a rate of 30 %.
 */
function waterfallOption(input: WaterfallInput, k: ChartTokens, rows: readonly Step[]): ChartOption {
  const { kpi } = input;
  const bases: number[] = [];
  const lengths: number[] = [];
  const levels: number[] = [];
  let level = 0;
  for (const s of rows) {
    if (s.kind === 'level') {
      level = s.value;
      bases.push(0);
      lengths.push(s.value);
    } else {
      bases.push(Math.min(level, level + s.value));
      lengths.push(Math.abs(s.value));
      level += s.value;
    }
    levels.push(level);
  }
  const lo = Math.min(...levels);
  const hi = Math.max(...levels);
  const pad = Math.max((hi - lo) * 0.1, Math.abs(hi) * 0.02, 1e-9);
  const min = lo >= 0 && lo - pad < 0 ? 0 : lo - pad;
  const colour = (s: Step) => {
    if (s.kind === 'level') return k.bar;
    if (kpi.direction === 'context') return k.muted;
    return s.value > 0 === (kpi.direction === 'up') ? k.ok : k.bad;
  };
  const text = (i: number) => {
    const s = rows[i] as Step;
    return s.kind === 'level' ? formatKpiValue(s.value, kpi) : signedEffect(s.value, kpi);
  };
  return {
    animation: false,
    grid: { left: 4, right: 60, top: 4, bottom: 4, containLabel: true },
    tooltip: {
      trigger: 'item',
      // Text only: the segment names are data, escaped before ECharts writes them as HTML.
      formatter: (p: unknown) => {
        const i = (p as { dataIndex: number }).dataIndex;
        return htmlLines((rows[i] as Step).name, text(i));
      },
    },
    xAxis: {
      type: 'value',
      min,
      max: hi + pad,
      axisLabel: { formatter: (v: number) => formatKpiValue(v, kpi), hideOverlap: true },
      splitNumber: 3,
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((s) => s.name),
      axisLabel: { width: 110, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        stack: 'waterfall',
        stackStrategy: 'all',
        silent: true,
        tooltip: { show: false },
        itemStyle: { color: 'transparent' },
        data: bases,
      },
      {
        type: 'bar',
        stack: 'waterfall',
        stackStrategy: 'all',
        name: kpiLabel(kpi),
        barMaxWidth: 16,
        data: rows.map((s, i) => ({ value: lengths[i], itemStyle: { color: colour(s) } })),
        label: {
          show: true,
          position: 'right',
          color: k.text,
          formatter: (p: { dataIndex: number }) => text(p.dataIndex),
        },
      },
    ],
  };
}

export function WaterfallChart({ input }: { input: WaterfallInput }) {
  const rows = steps(input.result, input.kpi);
  const { ref, chart } = useChart((k) => (rows === null ? {} : waterfallOption(input, k, rows)));
  if (rows === null) return null;
  return (
    <figure className="chart-figure">
      <div
        ref={ref}
        className="chart"
        style={{ height: rows.length * 26 + 40 }}
        data-testid="waterfall-chart"
        role="img"
        aria-label={t('explain.chartLabel', { kpi: kpiLabel(input.kpi), by: input.by })}
      />
      <figcaption>
        <button
          type="button"
          className="btn small"
          onClick={() => exportPng(chart.current, `${input.kpi.id}-why-${input.by}`)}
        >
          {t('chart.exportPng')}
        </button>
      </figcaption>
    </figure>
  );
}
