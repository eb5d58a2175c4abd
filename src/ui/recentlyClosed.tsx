import { useEffect, useState } from 'react';
import { numberLocale } from '../i18n/locale';
import { isDefaultText, t } from '../i18n/t';
import { restoreClosed } from '../state/workbookSwitch';
import type { ClosedWorkbook } from '../workbook/autosaveStorage';
import { autosaveStatus, autosaveStorage } from './appRoot';
import { switchDeps } from './autosaveApp';
import { Dialog } from './dialog';
import { readyToReplace } from './workbookFiles';

function closedTime(iso: string): string {
  return new Intl.DateTimeFormat(numberLocale(), { dateStyle: 'medium', timeStyle: 'short' }).format(
    new Date(iso),
  );
}

/**
 * Workbooks replaced by another, each with its document and tables, kept in this
 * browser until the user empties the list. Restoring one asks first over unsaved edits.
 */
export function RecentlyClosed({ onClose }: { onClose(): void }) {
  const [list, setList] = useState<ClosedWorkbook[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    autosaveStorage.listClosed().then(setList, () => {
      setList([]);
      setError(t('autosave.unavailable'));
    });
  }, []);

  const restore = (entry: ClosedWorkbook) => {
    void (async () => {
      if (!(await readyToReplace())) return false;
      const restored = await restoreClosed(await switchDeps(), entry);
      autosaveStatus.setState({ missing: restored?.missing ?? [], gone: restored?.gone ?? [] });
      return true;
    })().then(
      (done) => done && onClose(),
      () => setError(t('workbook.recentFailed')),
    );
  };

  const empty = () => {
    void autosaveStorage
      .emptyClosed()
      .then(() => autosaveStorage.prune())
      .then(
        () => setList([]),
        () => setError(t('autosave.unavailable')),
      );
  };

  return (
    <Dialog
      title={t('workbook.recentTitle')}
      onClose={onClose}
      footer={
        <>
          {error && (
            <span className="error" role="alert">
              {error}
            </span>
          )}
          <button type="button" className="btn" disabled={!list || list.length === 0} onClick={empty}>
            {t('workbook.recentEmpty')}
          </button>
        </>
      }
    >
      {list && list.length === 0 && <p>{t('workbook.recentNone')}</p>}
      {list && list.length > 0 && (
        <ul className="recent-list">
          {list.map((entry) => {
            const title = isDefaultText('workbook.untitled', entry.title)
              ? t('workbook.untitled')
              : entry.title;
            const time = closedTime(entry.closedAt);
            const count = entry.kept.doc.datasets.length;
            return (
              <li key={entry.id} data-closed-title={entry.title}>
                <span>
                  <strong>{title}</strong>
                  <small>
                    {time} · {t('workbook.recentTables', { count })}
                  </small>
                </span>
                <button
                  type="button"
                  className="btn small"
                  aria-label={t('workbook.recentRestoreLabel', { title, time })}
                  onClick={() => restore(entry)}
                >
                  {t('workbook.recentRestore')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </Dialog>
  );
}
