import { t } from '../i18n/t';
import { dataStore } from './appRoot';
import { useData } from './appStore';
import { CloseIcon, ErrorIcon } from './icons';
import { importErrorText } from './importErrorText';

/**
 * Failed loads, one message each, kept until dismissed: the user may fix several files
 * before reading them all. Cancelled loads get a quieter note.
 */
export function MessageList() {
  const errors = useData((s) => s.errors);
  const notices = useData((s) => s.notices);
  if (errors.length === 0 && notices.length === 0) return null;
  return (
    <section className="messages" aria-label={t('errors.heading')}>
      {errors.length > 1 && (
        <div className="messages-bar">
          <button type="button" className="btn small" onClick={() => dataStore.getState().dismissAllErrors()}>
            {t('errors.dismissAll')}
          </button>
        </div>
      )}
      {errors.map((e) => {
        const { text, where } = importErrorText(e);
        return (
          <div className="message error" role="alert" key={e.id} data-error-file={e.file}>
            <ErrorIcon />
            <div className="text">
              {text}
              {where.length > 0 && <span className="where">{where.join(t('errors.where.separator'))}</span>}
            </div>
            <button
              type="button"
              className="btn ghost small"
              aria-label={t('errors.dismissLabel', { file: e.file })}
              title={t('errors.dismiss')}
              onClick={() => dataStore.getState().dismissError(e.id)}
            >
              <CloseIcon />
            </button>
          </div>
        );
      })}
      {notices.map((n) => (
        <div className="message notice" role="status" key={n.id}>
          <div className="text">{t('import.cancelled', { file: n.file })}</div>
          <button
            type="button"
            className="btn ghost small"
            aria-label={t('errors.dismiss')}
            onClick={() => dataStore.getState().dismissNotice(n.id)}
          >
            <CloseIcon />
          </button>
        </div>
      ))}
    </section>
  );
}
