import { FUNNEL_STAGES, type FunnelStage, type FunnelStep, funnelSteps } from '../../../core/analysis/funnel';
import type { ResultTable } from '../../../core/notebook/types';
import type { MessageKey } from '../../../i18n/en';
import { formatCount } from '../../../i18n/format';
import { t } from '../../../i18n/t';
import type { ChartTokens } from '../../charts/chartTheme';
import { htmlLines } from '../../charts/escapeHtml';
import { percent } from '../format';
import type { ChartOption } from './echarts';
import { gregorianPeriod } from './optionValues';

const STAGE_LABELS = {
  leads: 'notebook.chart.leads',
  mql: 'notebook.chart.mql',
  sql: 'notebook.chart.sql',
  won: 'notebook.chart.won',
} as const satisfies Record<FunnelStage, MessageKey>;

const stageName = (s: FunnelStage) => t(STAGE_LABELS[s]);
/** A share on the chart: whole percents, one decimal below 10 % (a 2.5 % win rate is not "3 %"). */
const onChart = (v: number | null) => (v === null ? t('value.blank') : percent(v, v < 0.1 ? 1 : 0));
const exact = (v: number | null) => (v === null ? t('value.blank') : percent(v, 1));

/** The label at a bar's end: the count, then its share of the stage before and (past MQL) of the leads. */
export function funnelBarLabel(steps: readonly FunnelStep[], i: number): string {
  const s = steps[i];
  if (s === undefined) return '';
  const parts = [formatCount(s.count)];
  if (i >= 1) {
    const before = FUNNEL_STAGES[i - 1] ?? 'leads';
    parts.push(t('notebook.chart.ofStage', { share: onChart(s.ofPrevious), stage: stageName(before) }));
  }
  if (i >= 2)
    parts.push(t('notebook.chart.ofStage', { share: onChart(s.ofFirst), stage: stageName('leads') }));
  return parts.join(' · ');
}

/** The tooltip of one group: every stage with its exact count and shares. */
export function funnelTooltipLines(group: string, steps: readonly FunnelStep[]): string[] {
  return [
    group,
    ...steps.map((s, i) => {
      const stage = stageName(s.stage);
      const count = formatCount(s.count);
      if (i === 0) return t('notebook.chart.funnelLeads', { stage, count });
      const previous = stageName(FUNNEL_STAGES[i - 1] ?? 'leads');
      if (i === 1)
        return t('notebook.chart.funnelFirstStep', {
          stage,
          count,
          ofPrevious: exact(s.ofPrevious),
          previous,
        });
      return t('notebook.chart.funnelStep', {
        stage,
        count,
        ofPrevious: exact(s.ofPrevious),
        previous,
        ofFirst: exact(s.ofFirst),
        first: stageName('leads'),
      });
    }),
  ];
}

/** Bar thickness and the room a group takes, so the chart grows with the groups it shows. */
const BAR = 11;
const GROUP_HEIGHT = FUNNEL_STAGES.length * (BAR + 3) + 16;
export const funnelChartHeight = (groups: number) => Math.max(160, groups * GROUP_HEIGHT + 64);

/**
 * Stages per group as horizontal bars, groups top to bottom: each bar ends in its count and
 * its conversion from the stage before (and, past MQL, from the leads), so the drop-out at
 * each step reads off the chart; the tooltip has the exact figures.
 */
export function funnelBarsOption({ result }: { result: ResultTable }, k: ChartTokens): ChartOption {
  const groups = result.rows.map((r) => gregorianPeriod(r.group));
  const steps = result.rows.map(funnelSteps);
  return {
    grid: { left: 8, right: 150, top: 28, bottom: 8, containLabel: true },
    legend: { top: 0 },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (ps: { dataIndex: number }[]) => {
        const i = ps[0]?.dataIndex ?? 0;
        return htmlLines(...funnelTooltipLines(groups[i] ?? '', steps[i] ?? []));
      },
    },
    yAxis: { type: 'category', data: groups, inverse: true, axisTick: { show: false } },
    xAxis: { type: 'value', show: false },
    color: [k.faint, '#9fc1e8', k.bar, k.ok],
    series: FUNNEL_STAGES.map((stage, si) => ({
      type: 'bar',
      name: stageName(stage),
      data: steps.map((s) => s[si]?.count ?? 0),
      barWidth: BAR,
      barGap: '25%',
      label: {
        show: true,
        position: 'right',
        color: k.text,
        fontSize: 11,
        formatter: (p: { dataIndex: number }) => funnelBarLabel(steps[p.dataIndex] ?? [], si),
      },
    })),
  };
}
