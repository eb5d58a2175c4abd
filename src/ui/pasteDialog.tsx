import { useId, useState } from 'react';
import { t } from '../i18n/t';
import { dataStore } from './appRoot';
import { Dialog, DialogActions } from './dialog';

/** Cells copied from a spreadsheet arrive tab-separated; they load as a table like any file. */
export function PasteDialog({ onClose, initialText = '' }: { onClose(): void; initialText?: string }) {
  const [text, setText] = useState(initialText);
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const textId = useId();
  const nameId = useId();
  const submit = () => {
    if (text.trim() === '') {
      setError(t('paste.emptyText'));
      return;
    }
    void dataStore.getState().pasteTable(text, name || undefined);
    onClose();
  };
  return (
    <Dialog
      title={t('paste.title')}
      onClose={onClose}
      footer={
        <DialogActions
          error={error}
          cancelLabel={t('paste.cancel')}
          submitLabel={t('paste.submit')}
          onCancel={onClose}
          onSubmit={submit}
        />
      }
    >
      <p>{t('paste.body')}</p>
      <div className="name-field">
        <label htmlFor={nameId}>{t('paste.name')}</label>
        <input
          id={nameId}
          type="text"
          value={name}
          placeholder={t('paste.namePlaceholder')}
          onChange={(e) => setName(e.currentTarget.value)}
        />
      </div>
      <label htmlFor={textId} className="visually-hidden">
        {t('paste.label')}
      </label>
      <textarea
        id={textId}
        value={text}
        autoFocus
        spellCheck={false}
        onChange={(e) => {
          setText(e.currentTarget.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          // A tab typed here is data, as in the spreadsheet the cells came from.
          if (e.key === 'Tab' && !e.shiftKey && !e.ctrlKey && !e.altKey) {
            e.preventDefault();
            const el = e.currentTarget;
            const { selectionStart: a, selectionEnd: b } = el;
            setText(`${text.slice(0, a)}\t${text.slice(b)}`);
            requestAnimationFrame(() => el.setSelectionRange(a + 1, a + 1));
          }
        }}
      />
    </Dialog>
  );
}
