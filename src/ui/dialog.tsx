import { type ReactNode, useEffect, useRef } from 'react';
import { t } from '../i18n/t';
import { CloseIcon } from './icons';

interface Props {
  title: string;
  onClose(): void;
  children: ReactNode;
  footer: ReactNode;
}

/**
 * A modal on the native <dialog>: the browser traps focus, closes on Escape and hides
 * the page from screen readers while it is open.
 */
export function Dialog({ title, onClose, children, footer }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog ref={ref} className="dialog" aria-label={title} onCancel={onClose}>
      <div className="dialog-head">
        <h2>{title}</h2>
        <button type="button" className="btn ghost small" aria-label={t('dialog.close')} onClick={onClose}>
          <CloseIcon />
        </button>
      </div>
      <div className="dialog-body">{children}</div>
      <div className="dialog-foot">{footer}</div>
    </dialog>
  );
}
