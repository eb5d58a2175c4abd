import type { ResultTable } from '../../../core/notebook/types';
import { formatCount } from '../../../i18n/format';
import { t } from '../../../i18n/t';
import type { ChartTokens } from '../../charts/chartTheme';
import { rampColour, readableOn } from '../../charts/contrast';
import { htmlLines } from '../../charts/escapeHtml';
import { percent, periodLabel } from '../format';
import type { ChartOption } from './echarts';
import { num, str } from './optionValues';

/** Retention from 0 to 100 %: from a pale warning to a deep blue (readable for colour-blind eyes). */
const RAMP = ['#fdecea', '#f6d5a8', '#9fc1e8', '#2f5fb3'] as const;
const ROW = 22;
export const cohortChartHeight = (cohorts: number) => Math.max(260, cohorts * ROW + 96);

interface CohortPoint {
  value: [number, number, number];
  retained: number | null;
  customers: number | null;
  label: { color: string };
}

/**
 * Cohorts × months since signup: each cell shows the share of its cohort still a customer,
 * coloured by it, in a text colour that reads on that colour. Cohorts are named in the
 * calendar the result was cut in (Jalali months for a Jalali workbook).
 */
export function cohortHeatmapOption({ result }: { result: ResultTable }, k: ChartTokens): ChartOption {
  const cohorts = [...new Set(result.rows.map((r) => str(r.cohort)))];
  const cohortNames = cohorts.map((c) => periodLabel(c, result) || c);
  const months = Math.max(0, ...result.rows.map((r) => num(r.months_since) ?? 0)) + 1;
  const data: CohortPoint[] = result.rows.map((r) => {
    const share = num(r.retention) ?? 0;
    return {
      value: [num(r.months_since) ?? 0, cohorts.indexOf(str(r.cohort)), share],
      retained: num(r.retained),
      customers: num(r.customers),
      label: { color: readableOn(rampColour(RAMP, share)) },
    };
  });
  return {
    grid: { left: 8, right: 16, top: 8, bottom: 64, containLabel: true },
    tooltip: {
      formatter: (p: { data: CohortPoint }) =>
        htmlLines(
          t('notebook.chart.cohortTip', {
            cohort: cohortNames[p.data.value[1]] ?? '',
            month: formatCount(p.data.value[0]),
            share: percent(p.data.value[2], 1),
            retained: formatCount(p.data.retained ?? 0),
            customers: formatCount(p.data.customers ?? 0),
          }),
        ),
    },
    xAxis: {
      type: 'category',
      data: Array.from({ length: months }, (_, i) => formatCount(i)),
      name: t('notebook.chart.monthsSince'),
      nameLocation: 'middle',
      nameGap: 24,
      splitArea: { show: false },
    },
    yAxis: {
      type: 'category',
      data: cohortNames,
      inverse: true,
      name: t('notebook.chart.signup'),
      // The axis runs top to bottom, so its start is the top.
      nameLocation: 'start',
      axisLabel: { fontSize: 11 },
    },
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
      inRange: { color: [...RAMP] },
    },
    series: [
      {
        type: 'heatmap',
        data,
        // Whole percents fit a cell: with the % sign while cells are wide, without it (the scale
        // says 0 %–100 %) when many months make them narrow. The tooltip has one decimal and the counts.
        label: {
          show: true,
          fontSize: months > 16 ? 10 : 11,
          formatter: (p: { data: CohortPoint }) =>
            months > 12 ? formatCount(Math.round(p.data.value[2] * 100)) : percent(p.data.value[2], 0),
        },
        itemStyle: { borderColor: k.surface, borderWidth: 1 },
        emphasis: { itemStyle: { borderColor: k.text } },
      },
    ],
  };
}
