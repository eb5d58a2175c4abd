import type { ReactNode } from 'react';
import { configString } from '../../core/notebook/config';
import type { CellKind, NotebookCell, ResultTable } from '../../core/notebook/types';
import { kpiLabel } from '../../i18n/kpi';
import { t } from '../../i18n/t';
import { notebookKpis } from '../appRoot';
import { ChangeOutput } from './changeOutput';
import { CohortHeatmap, DriverQuadrant, FunnelBars, KpiLines, SegmentBars } from './charts/analysisCharts';
import { RfmTreemap } from './charts/rfmTreemap';
import { KpiChangeTable } from './kpiChangeTable';
import { PivotGrid } from './pivotGrid';
import { ResultGrid } from './resultGrid';

type Render = (result: ResultTable, cell: NotebookCell) => ReactNode;

const withGrid = (chart: Render): Render =>
  function ChartAndGrid(result, cell) {
    return (
      <>
        {chart(result, cell)}
        <details className="nb-rows">
          <summary>{t('notebook.rowsToggle')}</summary>
          <ResultGrid result={result} />
        </details>
      </>
    );
  };

/** How each kind shows its result; a kind not listed shows its rows as a grid. */
const OUTPUTS: Partial<Record<CellKind, Render>> = {
  kpiTable: (r) => <KpiChangeTable result={r} />,
  kpiChart: (r) => {
    const kpis = notebookKpis;
    const ids = r.columns.slice(1).map((c) => c.name);
    return (
      <KpiLines
        result={r}
        labels={Object.fromEntries(ids.map((id) => [id, kpiLabel({ id, label: kpis.get(id)?.label ?? id })]))}
        formats={Object.fromEntries(ids.map((id) => [id, kpis.get(id)?.format ?? 'number']))}
      />
    );
  },
  segmentCompare: withGrid((r, cell) => (
    <SegmentBars
      result={r}
      format={notebookKpis.get(configString(cell.config, 'kpi', ''))?.format ?? 'number'}
    />
  )),
  rfm: withGrid((r) => <RfmTreemap result={r} />),
  keyDrivers: withGrid((r, cell) => (
    <DriverQuadrant result={r} outcome={configString(cell.config, 'outcome', 'csat')} />
  )),
  cohort: withGrid((r) => <CohortHeatmap result={r} />),
  funnel: withGrid((r) => <FunnelBars result={r} />),
  pivot: (r) => <PivotGrid result={r} />,
  contribution: withGrid((r, cell) => <ChangeOutput result={r} cell={cell} />),
};

export function CellOutput({ cell, result }: { cell: NotebookCell; result: ResultTable }) {
  const render = OUTPUTS[cell.kind];
  return <>{render ? render(result, cell) : <ResultGrid result={result} />}</>;
}
