import type { ChartTokens } from '../../charts/chartTheme';
import { useChart } from '../../charts/useChart';
import type { ChartOption } from './echarts';
// Registers the analyses' chart types (treemap, heatmap, funnel…) on the shared ECharts core.
import './echarts';

/**
 * The scorecard's chart hook, with the analyses' chart types registered. Drawn as SVG: an
 * analysis's labels (funnel shares, cohort percentages, segment names) are then text in
 * the page, which a screen reader, a text search and a test can read.
 */
export function useNotebookChart(build: (k: ChartTokens) => ChartOption) {
  return useChart(build, 'svg');
}
