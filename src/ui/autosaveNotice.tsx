import { t } from '../i18n/t';
import { autosaveStatus } from './appRoot';
import { useAutosaveStatus } from './autosaveApp';
import { goneTablesText } from './goneTablesText';
import { ErrorIcon } from './icons';
import { saveWorkbookFile } from './workbookFiles';

/**
 * A write autosave could not make, said in the page with what to do; and the tables a
 * restore could not bring back. Never a silent loss.
 */
export function AutosaveNotice() {
  const problem = useAutosaveStatus((s) => s.problem);
  const detail = useAutosaveStatus((s) => s.detail);
  const missing = useAutosaveStatus((s) => s.missing);
  const gone = useAutosaveStatus((s) => s.gone);
  return (
    <>
      {problem && (
        <div className="banner warn autosave-banner autosave-problem" role="alert" data-problem={problem}>
          <ErrorIcon />
          <span>{t(`autosave.${problem}`, { detail })}</span>
          <button
            type="button"
            className="btn small primary"
            onClick={() => void saveWorkbookFile(true).catch(() => undefined)}
          >
            {t('autosave.saveFile')}
          </button>
        </div>
      )}
      {!problem && missing.length > 0 && (
        <div className="banner warn autosave-banner autosave-missing" role="alert">
          <ErrorIcon />
          <span>{t('autosave.missing', { tables: missing.join(', ') })}</span>
          <button
            type="button"
            className="btn small"
            onClick={() => autosaveStatus.setState({ missing: [] })}
          >
            {t('workbook.dismiss')}
          </button>
        </div>
      )}
      {gone.length > 0 && (
        <div className="banner warn autosave-banner autosave-gone" role="alert">
          <ErrorIcon />
          <span>{goneTablesText(gone)}</span>
          <button type="button" className="btn small" onClick={() => autosaveStatus.setState({ gone: [] })}>
            {t('workbook.dismiss')}
          </button>
        </div>
      )}
    </>
  );
}
