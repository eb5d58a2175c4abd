import type { ChartTokens } from '../../charts/chartTheme';
import { useChart } from '../../charts/useChart';
import type { ChartOption } from './echarts';
// Registers the analyses' chart types (treemap, heatmap, funnel…) on the shared ECharts core.
import './echarts';

/** The scorecard's chart hook, with the analyses' chart types registered. */
export function useNotebookChart(build: (k: ChartTokens) => ChartOption) {
  return useChart(build).ref;
}
