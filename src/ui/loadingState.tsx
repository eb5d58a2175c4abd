import './firstScreen.css';
import { t } from '../i18n/t';
import { useData } from './appStore';
import { type FirstLoad, useFirstLoad } from './firstLoad';

/** What is loading, in a sentence: "Loading the demo: 4 of 13 tables". */
export function loadingText(load: FirstLoad): string {
  if (load.what === 'starting') return t('loading.starting');
  if (load.what === 'demo') return t('loading.demo', { done: load.done, total: load.total });
  return load.done < load.total
    ? t('loading.autosave', { done: load.done, total: load.total })
    : t('loading.autosaveEngine');
}

/**
 * The first screen while the demo or the last workbook loads, in place of the empty
 * state: what is loading, how far along, and the file being read now.
 */
export function LoadingState() {
  const load = useFirstLoad((s) => s.load);
  const engine = useData((s) => s.engineStatus);
  if (load === null) return null;
  const counted = load.what !== 'starting' && load.total > 0;
  return (
    <div className="empty" data-testid="first-load" data-loading={load.what}>
      <div className="empty-card loading-card" role="status" aria-live="polite">
        <h2>{loadingText(load)}</h2>
        <progress
          className="loading-bar"
          aria-label={t('loading.progress')}
          max={counted ? load.total : undefined}
          value={counted ? load.done : undefined}
        />
        {load.what === 'demo' && load.file !== null && (
          <p className="loading-file">{t('loading.file', { file: load.file })}</p>
        )}
        {engine === 'starting' && <p className="loading-file">{t('app.starting')}</p>}
        {load.what !== 'starting' && (
          <p>{t(load.what === 'demo' ? 'loading.demoHint' : 'loading.autosaveHint')}</p>
        )}
      </div>
    </div>
  );
}
