import type { ScorecardStop } from '../../app/scorecardLimits';
import { engineTroubleText } from '../../i18n/engineTrouble';
import { isolated, ltr } from '../../i18n/isolate';
import { kpiLabel } from '../../i18n/kpi';
import { t } from '../../i18n/t';
import type { KpiFailure, WorkbookKpi } from '../../state/scorecardStore';

/**
 * Why a KPI shows no values, in the language shown. The engine's message is English,
 * left to right, and kept whole (isolated) inside a Persian sentence; text only, never HTML.
 */
export function failureText(f: KpiFailure, kpis: readonly WorkbookKpi[]): string {
  // At the browser engine's memory limit, where to go instead (as an import and a notebook cell say).
  if (f.via === null)
    return engineTroubleText(f.message) ?? t('scorecard.runFailed', { message: ltr(f.message) });
  const via = kpis.find((k) => k.id === f.via);
  return t('scorecard.runFailedVia', { kpi: isolated(via === undefined ? f.via : kpiLabel(via)) });
}

/** Why a whole run failed, in the language shown: at the engine's limit, what to do instead. */
export function runFailureText(message: string): string {
  return engineTroubleText(message) ?? t('scorecard.failed', { message });
}

/**
 * Why a run stopped: Cancel, or the time limit. In the tab the time limit also says that
 * `shakhes serve` runs bigger data (all cores, spilling to disk), as the out-of-memory
 * message does; a page `shakhes serve` served is there already.
 */
export function stopText(stop: NonNullable<ScorecardStop>, served: boolean): string {
  const seconds = { seconds: stop.seconds };
  if (stop.kind === 'cancelled') return t('scorecard.cancelled', seconds);
  const text = t('scorecard.timedOut', seconds);
  return served ? text : `${text} ${t('scorecard.timedOutServe')}`;
}
