import { t } from '../i18n/t';
import { hasDemo } from './demoFiles';
import { UploadIcon } from './icons';
import { OpenFilesButton } from './openFilesButton';
import { openDemo } from './workbookFiles';

/** What to do next when nothing is loaded. */
export function EmptyState() {
  return (
    <div className="empty">
      <div className="empty-card">
        <UploadIcon className="big-icon" />
        <h2>{t('empty.title')}</h2>
        <p>{t('empty.body')}</p>
        <div className="actions">
          {hasDemo() && (
            <button type="button" className="btn primary" onClick={() => void openDemo()}>
              {t('empty.demo')}
            </button>
          )}
          <OpenFilesButton label={t('empty.open')} />
        </div>
      </div>
    </div>
  );
}
