import { useId } from 'react';
import { nameClashText } from '../i18n/nameClashes';
import { t } from '../i18n/t';
import type { WorkbookProblem } from '../state/workbookStore';
import { workbookStore } from './appRoot';
import { useWorkbook } from './appStore';
import { AutosaveNotice } from './autosaveNotice';
import { Dialog } from './dialog';
import { ErrorIcon } from './icons';
import { UnsavedPrompt } from './unsavedPrompt';
import { routeFiles } from './workbookFiles';

const PROBLEM_KEYS = {
  'open-failed': 'lifecycle.openFailed',
  'new-failed': 'lifecycle.newFailed',
} as const satisfies Record<WorkbookProblem['code'], string>;

/**
 * A refused open or save, the request for the files of a workbook saved without data,
 * the question before unsaved edits are replaced, and autosave's problems.
 */
export function WorkbookMessages() {
  const english = useWorkbook((s) => s.error);
  const clash = useWorkbook((s) => s.errorClash);
  const problem = useWorkbook((s) => s.errorProblem);
  const error =
    problem !== null
      ? t(PROBLEM_KEYS[problem.code], { file: problem.file })
      : clash !== null && clash.message === english
        ? nameClashText(clash)
        : english;
  const renamed = useWorkbook((s) => s.renamed);
  const byReference = useWorkbook((s) => s.savedByReference);
  const pending = useWorkbook((s) => s.pending);
  const busy = useWorkbook((s) => s.busy);
  const inputId = useId();
  return (
    <>
      <AutosaveNotice />
      <UnsavedPrompt />
      {byReference.length > 0 && (
        <div className="banner warn workbook-by-reference" role="status">
          <ErrorIcon />
          <span>
            {t('workbook.savedByReference', {
              tables: byReference.map((r) => `${r.table} (${r.path})`).join(', '),
            })}
          </span>
          <button
            type="button"
            className="btn small"
            onClick={() => workbookStore.getState().dismissSavedByReference()}
          >
            {t('workbook.dismiss')}
          </button>
        </div>
      )}
      {renamed.length > 0 && (
        <div className="banner warn workbook-renamed" role="alert">
          <ErrorIcon />
          <span>
            {renamed.map((r) =>
              r.view === undefined ? (
                <span key={`as:${r.as}`} data-renamed={r.as}>
                  {t('workbook.renamedServed', { table: r.table, as: r.as, path: r.served })}{' '}
                </span>
              ) : (
                <span key={`view:${r.as}`} data-unmapped={r.as}>
                  {t('workbook.unmappedServed', { table: r.as, view: r.view, path: r.served })}{' '}
                </span>
              ),
            )}
          </span>
          <button
            type="button"
            className="btn small"
            onClick={() => workbookStore.getState().dismissRenamed()}
          >
            {t('workbook.dismiss')}
          </button>
        </div>
      )}
      {error && !pending && (
        <div className="banner warn workbook-error" role="alert">
          <ErrorIcon />
          <span>{error}</span>
          <button type="button" className="btn small" onClick={() => workbookStore.getState().dismissError()}>
            {t('workbook.dismiss')}
          </button>
        </div>
      )}
      {pending && (
        <Dialog
          title={t('workbook.needFilesTitle', { file: pending.fileName })}
          onClose={() => workbookStore.getState().cancelOpen()}
          footer={
            <>
              <button type="button" className="btn" onClick={() => workbookStore.getState().cancelOpen()}>
                {t('workbook.cancel')}
              </button>
              <label className="btn primary file-button" htmlFor={inputId}>
                {busy === 'opening' ? t('workbook.opening') : t('workbook.chooseFiles')}
                <input
                  id={inputId}
                  type="file"
                  multiple
                  className="visually-hidden"
                  aria-label={t('workbook.chooseFilesLabel')}
                  onChange={(e) => {
                    const files = e.currentTarget.files;
                    if (files && files.length > 0) routeFiles(files);
                    e.currentTarget.value = '';
                  }}
                />
              </label>
            </>
          }
        >
          <p>{t('workbook.needFilesText')}</p>
          <ul className="missing-files">
            {pending.missing.map((m) => (
              <li key={m.id}>
                <code>{m.sourceName}</code>
              </li>
            ))}
          </ul>
          {error && (
            <p className="error-text" role="alert">
              {error}
            </p>
          )}
        </Dialog>
      )}
    </>
  );
}
