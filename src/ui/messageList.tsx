import { t } from '../i18n/t';
import { dataStore, useData } from './appStore';
import { CloseIcon, ErrorIcon } from './icons';

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
        const where = [
          e.line !== undefined && !e.message.includes(`line ${e.line}`)
            ? t('errors.where.line', { line: e.line })
            : null,
          e.column && !e.message.includes(e.column) ? t('errors.where.column', { column: e.column }) : null,
        ].filter(Boolean);
        return (
          <div className="message error" role="alert" key={e.id} data-error-file={e.file}>
            <ErrorIcon />
            <div className="text">
              {e.message}
              {where.length > 0 && <span className="where">{where.join(', ')}</span>}
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
