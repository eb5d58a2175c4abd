import './scorecard.css';
import { lazy, Suspense, useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { isServedPage } from '../../app/browserEngine';
import { numberFormat } from '../../i18n/format';
import { t } from '../../i18n/t';
import { cancelScorecard, scorecardStopStore, scorecardStore } from '../appRoot';
import { useData } from '../appStore';
import { EmptyState } from '../emptyState';
import { ScorecardExportMenu } from '../export/scorecardExportMenu';
import { useFirstLoad } from '../firstLoad';
import { PlusIcon } from '../icons';
import { LoadingState } from '../loadingState';
import { AddKpiDialog, NewKpiDialog } from './addKpiDialog';
import { runFailureText, stopText } from './failureText';
import { FormulaBar } from './formulaBar';
import { useScorecard } from './scorecardApp';
import { ScorecardControls } from './scorecardControls';
import { type OptionalSet, scorecardViewStore, useScorecardView } from './scorecardView';

// AG Grid is most of the app's code: it loads while the page paints, and a skeleton of the grid stands in.
const ScorecardGrid = lazy(() => import('./scorecardGrid').then((m) => ({ default: m.ScorecardGrid })));

function GridSkeleton() {
  return <div className="grid-wrap sc-grid sc-grid-skeleton" aria-busy="true" />;
}

/** The scorecard tab: controls, the formula bar, then the grid; recomputed when the loaded tables settle. */
export function ScorecardSheet() {
  const tables = useData((s) => s.tables);
  const jobs = useData((s) => s.jobs.length);
  // A table read again keeps its name and columns; its version says the data changed.
  const versions = useData((s) => s.versions);
  const status = useScorecard((s) => s.status);
  const error = useScorecard((s) => s.error);
  const stop = useStore(scorecardStopStore, (s) => s.stop);
  const count = useScorecard((s) => s.kpis.length);
  const ms = useScorecard((s) => s.lastRunMs);
  const preview = useScorecard((s) => s.preview);
  const reused = useScorecard((s) => s.reused);
  const breakdown = useScorecard((s) =>
    s.settings.breakdown === null ? 'none' : s.segmentsPending ? 'pending' : 'ready',
  );
  // Counted over the KPIs on the scorecard, as the risk panel lists them: a KRI whose table was
  // removed keeps its last state in `kri` but is no longer an alert.
  const kriAlerts = useScorecard(
    (s) => s.kpis.filter((k) => k.kind === 'kri' && (s.kri[k.id]?.breached || s.kri[k.id]?.warning)).length,
  );
  const [open, setOpen] = useState<'add' | 'new' | null>(null);
  const loading = useFirstLoad((s) => s.load !== null);

  useEffect(() => {
    // Wait for loads to finish so a demo of 13 files computes once, not 13 times.
    if (jobs === 0 && tables.length > 0 && versions !== null) void scorecardStore.getState().refresh();
  }, [tables, jobs, versions]);

  // The demo or the last workbook is still coming in: say so (the kept results, when
  // there are some, are better still), never "drop a CRM export here".
  if (loading && !preview) return <LoadingState />;
  if (tables.length === 0 && jobs === 0 && !preview) return <EmptyState />;
  return (
    <div className="sc-sheet">
      <ScorecardControls />
      <FormulaBar />
      <div className="sc-status" role="status" aria-live="polite" data-breakdown={breakdown}>
        {preview && status === 'ready' ? (
          <span className="muted" data-kpi-preview={count}>
            {t('scorecard.restoring')}
          </span>
        ) : status === 'running' || jobs > 0 ? (
          <>
            <span className="muted">{t('scorecard.running')}</span>
            {status === 'running' && (
              <button type="button" className="btn small sc-cancel" onClick={cancelScorecard}>
                ■ {t('notebook.cancel')}
              </button>
            )}
          </>
        ) : status === 'error' ? (
          <span className="sc-error">
            {stop === null ? runFailureText(error ?? '') : stopText(stop, isServedPage())}
          </span>
        ) : (
          <span className="muted" data-kpi-count={count}>
            {reused
              ? t('scorecard.summaryReused', { count })
              : t('scorecard.summary', {
                  count,
                  seconds: numberFormat({ minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(
                    (ms ?? 0) / 1000,
                  ),
                })}
          </span>
        )}
        {kriAlerts > 0 && (
          <button
            type="button"
            className="btn small sc-kri-alert"
            onClick={() => scorecardStore.getState().select(null)}
          >
            <span aria-hidden="true">!</span> {t('scorecard.kriAlerts', { count: kriAlerts })}
          </button>
        )}
        <span className="spacer" />
        <ColumnToggles />
        <ScorecardExportMenu />
        <button type="button" className="btn small" onClick={() => setOpen('add')}>
          <PlusIcon />
          {t('scorecard.addKpi')}
        </button>
        <button type="button" className="btn small" onClick={() => setOpen('new')}>
          <PlusIcon />
          {t('scorecard.newKpi')}
        </button>
      </div>
      <Suspense fallback={<GridSkeleton />}>
        <ScorecardGrid />
      </Suspense>
      {open === 'add' && <AddKpiDialog onClose={() => setOpen(null)} />}
      {open === 'new' && <NewKpiDialog onClose={() => setOpen(null)} />}
    </div>
  );
}

const TOGGLES: readonly { set: OptionalSet; label: 'scorecard.view.targets' | 'scorecard.view.periods' }[] = [
  { set: 'targets', label: 'scorecard.view.targets' },
  { set: 'periods', label: 'scorecard.view.periods' },
];

/** The column sets beyond the at-a-glance ones, each a pressed-or-not button. */
function ColumnToggles() {
  const shown = useScorecardView((s) => s.shown);
  return (
    <fieldset className="sc-views" aria-label={t('scorecard.view.label')}>
      {TOGGLES.map(({ set, label }) => (
        <button
          key={set}
          type="button"
          className="btn small"
          aria-pressed={shown[set]}
          data-view={set}
          onClick={() => scorecardViewStore.getState().toggleSet(set)}
        >
          {t(label)}
        </button>
      ))}
    </fieldset>
  );
}
