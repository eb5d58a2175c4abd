import './lifecycle.css';
import { useEffect } from 'react';
import { t } from '../i18n/t';
import type { RemovalProblem } from '../state/tableRemoval';
import { tableRemoval } from './appRoot';
import { CloseIcon, ErrorIcon } from './icons';
import { useTableRemoval } from './tableRemovalApp';

/** How long a removal can be undone; after that the table is dropped for good. */
const UNDO_MS = 20_000;

const PROBLEM_KEYS = {
  'remove-failed': 'tables.removeFailed',
  'undo-taken': 'tables.undoTaken',
  'undo-failed': 'tables.undoFailed',
} as const satisfies Record<RemovalProblem['code'], string>;

/** The notice after a table is removed, with Undo; and why a removal or an undo did not happen. */
export function RemovedTableBar() {
  const removed = useTableRemoval((s) => s.removed);
  const problem = useTableRemoval((s) => s.problem);
  useEffect(() => {
    if (removed === null) return;
    const timer = setTimeout(() => void tableRemoval.getState().commit(), UNDO_MS);
    return () => clearTimeout(timer);
  }, [removed]);
  if (removed === null && problem === null) return null;
  return (
    <section className="removal-bar" aria-live="polite">
      {removed && (
        <div className="message notice removal" role="status" data-removed-table={removed.table}>
          <div className="text">{t('tables.removed', { table: removed.table })}</div>
          <button
            type="button"
            className="btn small primary"
            aria-label={t('tables.undoLabel', { table: removed.table })}
            onClick={() => void tableRemoval.getState().undo()}
          >
            {t('tables.undo')}
          </button>
        </div>
      )}
      {problem && (
        <div className="message error" role="alert">
          <ErrorIcon />
          <div className="text">{t(PROBLEM_KEYS[problem.code], { table: problem.table })}</div>
          <button
            type="button"
            className="btn ghost small"
            aria-label={t('workbook.dismiss')}
            onClick={() => tableRemoval.getState().dismissProblem()}
          >
            <CloseIcon />
          </button>
        </div>
      )}
    </section>
  );
}
