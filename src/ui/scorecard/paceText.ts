import type { Pace } from '../../core/kpi/pace';
import { t } from '../../i18n/t';
import type { WorkbookKpi } from '../../state/scorecardStore';
import { formatChange, formatKpiValue } from './formatKpi';

/** What a pace status rests on: the projection, the target and how it was projected. */
export function paceBasisText(p: Pace, kpi: WorkbookKpi): string {
  return t('pace.basis', {
    projection: formatKpiValue(p.projection, kpi),
    target: formatKpiValue(p.target, kpi),
    method: t(`pace.method.${p.method}`),
  });
}

/** The like-for-like changes of a value to date, for a tooltip. */
export function paceChangesText(p: Pace, kpi: WorkbookKpi): string {
  const blank = t('value.blank');
  const of = (c: Pace['previous']) => (c.change === null ? blank : formatChange(c, kpi, true));
  return t('pace.cellTip', { previous: of(p.previous), lastYear: of(p.lastYear) });
}
