import { importMessageText } from '../i18n/importMessages';
import { t } from '../i18n/t';
import type { ErrorEntry } from '../state/dataStore';
import { dataStore } from './appRoot';
import { useData } from './appStore';
import { CloseIcon, ErrorIcon } from './icons';

/**
 * A load error in the language shown, from its code and parameters; and where in the file,
 * when the sentence does not say so itself. An error without a code (none the importer
 * makes) is shown as its English.
 */
function errorText(e: ErrorEntry): { text: string; where: string[] } {
  const params = (e.problem?.params ?? {}) as Record<string, unknown>;
  const says = (name: 'line' | 'column', value: string) =>
    e.problem ? params[name] !== undefined && params[name] !== null : e.message.includes(value);
  const where = [
    e.line !== undefined && !says('line', `line ${e.line}`) ? t('errors.where.line', { line: e.line }) : null,
    e.column && !says('column', e.column) ? t('errors.where.column', { column: e.column }) : null,
  ].filter((w): w is string => w !== null);
  const english = e.message;
  return { text: e.problem ? importMessageText(e.problem) : english, where };
}

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
        const { text, where } = errorText(e);
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
