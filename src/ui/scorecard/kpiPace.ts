import type { ToDate } from '../../app/scorecard/toDate';
import { type Pace, paceOf } from '../../core/kpi/pace';
import type { WorkbookKpi } from '../../state/scorecardStore';

/**
 * A KPI's pace in the current period, judged against its target as it stands now: a target
 * typed into the grid changes the status without a query.
 */
export function kpiPace(kpi: WorkbookKpi, toDate: ToDate | null): Pace | null {
  const figure = toDate?.figures[kpi.id];
  return figure === undefined ? null : paceOf({ ...figure, target: kpi.target, direction: kpi.direction });
}
