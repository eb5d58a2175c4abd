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

/** The usual footer: a located error, Cancel and the primary action. */
export function DialogActions(props: {
  error: string | null;
  cancelLabel: string;
  submitLabel: string;
  onCancel(): void;
  onSubmit(): void;
}) {
  return (
    <>
      {props.error && (
        <span className="error" role="alert">
          {props.error}
        </span>
      )}
      <button type="button" className="btn" onClick={props.onCancel}>
        {props.cancelLabel}
      </button>
      <button type="button" className="btn primary" onClick={props.onSubmit}>
        {props.submitLabel}
      </button>
    </>
  );
}
