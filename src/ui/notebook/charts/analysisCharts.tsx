import type { ResultTable } from '../../../core/notebook/types';
import { t } from '../../../i18n/t';
import { driverQuadrantOption, kpiLinesOption, segmentBarsOption } from './analysisOptions';
import { cohortChartHeight, cohortHeatmapOption } from './cohortOption';
import { funnelBarsOption, funnelChartHeight } from './funnelOption';
import { useNotebookChart } from './useNotebookChart';

function Chart({
  build,
  label,
  height = 320,
}: {
  build: Parameters<typeof useNotebookChart>[0];
  label: string;
  height?: number;
}) {
  const { ref } = useNotebookChart(build);
  return <div className="nb-chart" ref={ref} role="img" aria-label={label} style={{ height }} />;
}

/** Importance–performance: drivers as points, quadrants split at the drivers' means. */
export function DriverQuadrant(props: { result: ResultTable; outcome: string }) {
  return <Chart label={t('notebook.kind.keyDrivers')} build={(k) => driverQuadrantOption(props, k)} />;
}

/** Cohorts × months since signup, coloured by the share retained. */
export function CohortHeatmap(props: { result: ResultTable }) {
  return (
    <Chart
      height={cohortChartHeight(new Set(props.result.rows.map((r) => String(r.cohort))).size)}
      label={t('notebook.kind.cohort')}
      build={(k) => cohortHeatmapOption(props, k)}
    />
  );
}

/** Stages per group as bars ending in their conversion from the step before. */
export function FunnelBars(props: { result: ResultTable }) {
  return (
    <Chart
      height={funnelChartHeight(props.result.rows.length)}
      label={t('notebook.kind.funnel')}
      build={(k) => funnelBarsOption(props, k)}
    />
  );
}

/** A KPI per segment, ranked, as horizontal bars with the value at the end. */
export function SegmentBars(props: { result: ResultTable; format: string }) {
  return (
    <Chart
      height={Math.max(160, props.result.rows.length * 34 + 40)}
      label={t('notebook.kind.segmentCompare')}
      build={(k) => segmentBarsOption(props, k)}
    />
  );
}

/** KPIs over periods as lines. */
export function KpiLines(props: {
  result: ResultTable;
  labels: Record<string, string>;
  formats: Record<string, string>;
}) {
  return <Chart label={t('notebook.kind.kpiChart')} build={() => kpiLinesOption(props)} />;
}
