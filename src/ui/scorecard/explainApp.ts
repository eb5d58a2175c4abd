import { explainChange } from '../../app/contribution';
import type { ExplainResult } from '../../core/analysis/explain';
import { scorecardSchema } from '../../core/model/scorecardSchema';
import { mappingStore, scorecardEngine, scorecardStore } from '../appRoot';

/** Which change the detail panel explains: the KPI, the dimension (TABLE.COLUMN) and the two periods. */
export interface ExplainChoice {
  readonly kpiId: string;
  readonly by: string;
  readonly period: 'latest' | 'yoy';
}

/**
 * Runs the contribution analysis for the scorecard's KPI as the scorecard sees it: its
 * KPIs, mapped tables, links, grain and calendar (the same request `shakhes explain` builds).
 */
export async function explainScorecardKpi(choice: ExplainChoice): Promise<ExplainResult> {
  const { kpis, settings } = scorecardStore.getState();
  const mapping = mappingStore.getState();
  const dot = choice.by.indexOf('.');
  // Bounded like the scorecard's own queries: the time limit and Cancel stop it too.
  return explainChange(await scorecardEngine(), {
    kpiId: choice.kpiId,
    kpis,
    schema: scorecardSchema(mapping.scorecardTables(), mapping.links()),
    by: { table: choice.by.slice(0, dot), column: choice.by.slice(dot + 1) },
    period: { t: choice.period },
    grain: settings.grain,
    calendar: settings.calendar,
    // A narrow panel: five segments and the rest folded together.
    top: 5,
  });
}
