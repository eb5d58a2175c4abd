import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';
import { isDefaultText, t } from '../i18n/t';
import { useWorkbook } from './appStore';
import { Dialog } from './dialog';

type UnsavedChoice = 'save' | 'discard' | 'cancel';

/** The one question open at a time, answered by the dialog below. */
const asking = createStore<{ answer: ((c: UnsavedChoice) => void) | null }>()(() => ({ answer: null }));

/** Asks what to do with unsaved edits before the workbook is replaced. */
export function askUnsaved(): Promise<UnsavedChoice> {
  asking.getState().answer?.('cancel');
  return new Promise((ok) => asking.setState({ answer: ok }));
}

function answer(choice: UnsavedChoice): void {
  const reply = asking.getState().answer;
  asking.setState({ answer: null });
  reply?.(choice);
}

/** Save, Discard or Cancel; Escape and the close button cancel. */
export function UnsavedPrompt() {
  const open = useStore(asking, (s) => s.answer !== null);
  const stored = useWorkbook((s) => s.title);
  if (!open) return null;
  const title = isDefaultText('workbook.untitled', stored) ? t('workbook.untitled') : stored;
  return (
    <Dialog
      title={t('workbook.askTitle', { title })}
      onClose={() => answer('cancel')}
      footer={
        <>
          <button type="button" className="btn" onClick={() => answer('cancel')}>
            {t('workbook.cancel')}
          </button>
          <button type="button" className="btn" onClick={() => answer('discard')}>
            {t('workbook.askDiscard')}
          </button>
          <button type="button" className="btn primary" onClick={() => answer('save')}>
            {t('workbook.askSave')}
          </button>
        </>
      }
    >
      <p>{t('workbook.askText')}</p>
    </Dialog>
  );
}
