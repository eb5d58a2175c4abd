import './anomalyMark.css';
import type { ICellRendererParams } from 'ag-grid-community';
import { type Anomaly, findAnomalies } from '../../core/kpi/anomaly';
import { firstWithData } from '../../core/kpi/trendStart';
import type { Grain } from '../../core/sql/calendarSchema';
import { t } from '../../i18n/t';
import type { WorkbookKpi } from '../../state/scorecardStore';
import { scorecardStore } from '../appRoot';
import { formatKpiValue } from './formatKpi';
import { isKpi, type Row } from './scorecardRows';

// Every period cell of a row asks; the series array is the key, so a new run finds anew.
const found = new WeakMap<readonly (number | null)[], { grain: Grain; at: Map<number, Anomaly> }>();

/**
 * A KPI's anomalies by period index, as its chart marks them: from the first period with
 * data (a count of no rows reads 0, not a value).
 */
function anomaliesOf(id: string, values: readonly (number | null)[]): Map<number, Anomaly> {
  const s = scorecardStore.getState();
  const grain = s.settings.grain;
  const hit = found.get(values);
  if (hit?.grain === grain) return hit.at;
  const start = firstWithData(values, s.bases[id]);
  const at = new Map(findAnomalies(values.slice(start), grain).map((a) => [a.index + start, a]));
  found.set(values, { grain, at });
  return at;
}

const anomalyAt = (r: Row | undefined, i: number): Anomaly | undefined =>
  isKpi(r) ? anomaliesOf(r.id, r.values).get(i) : undefined;

/** The rule in words, with this period's figures: the tooltip of a marked cell (plain text, never HTML). */
function ruleText(a: Anomaly, kpi: WorkbookKpi): string {
  const f = (v: number) => formatKpiValue(v, kpi);
  return t('anomaly.rule', { actual: f(a.actual), expected: f(a.expected), lo: f(a.lo), hi: f(a.hi) });
}

/** The tooltip of period `i`'s cell when it is an anomaly; null otherwise. */
export function anomalyTip(r: Row | undefined, i: number): string | null {
  const a = anomalyAt(r, i);
  return a === undefined || !isKpi(r) ? null : ruleText(a, r.kpi);
}

/** Period `i`'s value, with a mark when it is an anomaly. */
export function periodCell(i: number) {
  return function PeriodCell(p: ICellRendererParams<Row>) {
    const a = anomalyAt(p.data, i);
    if (a === undefined) return p.valueFormatted;
    return (
      <span className="sc-anomaly-cell">
        <span className="sc-anomaly" data-testid="anomaly-mark" role="img" aria-label={t('anomaly.label')}>
          {t('anomaly.mark')}
        </span>
        {p.valueFormatted}
      </span>
    );
  };
}
