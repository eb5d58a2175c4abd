import { configString } from '../../core/notebook/config';
import type { NotebookCell, ResultTable } from '../../core/notebook/types';
import { explainSentence } from '../../i18n/explainSentence';
import { kpiLabel } from '../../i18n/kpi';
import { localeSettings } from '../../i18n/locale';
import { notebookKpis, scorecardStore } from '../appRoot';
import { WaterfallChart, type WaterfallKpi } from '../charts/waterfallChart';

/** The cell's KPI as the chart reads it: the scorecard's own when it has it, else the catalogue's. */
function chartKpi(id: string): WaterfallKpi | null {
  const scorecard = scorecardStore.getState().kpis.find((k) => k.id === id);
  if (scorecard !== undefined) return scorecard;
  const k = notebookKpis.get(id);
  if (k === undefined) return null;
  return {
    id,
    label: k.label,
    format: k.format,
    direction: k.direction,
    unit: k.format === 'percent' ? '%' : 'count',
  };
}

/** A contribution cell's answer: the sentence and the waterfall of the detail panel's "Why did it change?". */
export function ChangeOutput({ result, cell }: { result: ResultTable; cell: NotebookCell }) {
  const change = result.change;
  const kpi = chartKpi(configString(cell.config, 'kpi', ''));
  if (change === undefined || kpi === null) return null;
  const by = configString(cell.config, 'breakdown', '');
  const sentence = explainSentence(
    {
      kpi: kpiLabel(kpi),
      a: change.a.label,
      b: change.b.label,
      contribution: change,
      percent: kpi.format === 'percent',
    },
    localeSettings(),
  );
  return (
    <>
      <p className="sc-explain-sentence" data-testid="explain-sentence">
        {sentence}
      </p>
      <WaterfallChart input={{ kpi, result: { t: 'explained', ...change }, by }} />
    </>
  );
}
