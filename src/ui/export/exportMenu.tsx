import './export.css';
import { useEffect, useRef, useState } from 'react';
import { t } from '../../i18n/t';
import { DownloadIcon } from './exportIcons';

interface ExportChoice {
  id: string;
  label: string;
  hint: string;
  run(): Promise<void> | void;
}

interface Props {
  /** What is exported, for the button's accessible name ("Export deals"). */
  what: string;
  /** A line above the choices: how many rows, filtered or not. */
  note?: string;
  choices: readonly ExportChoice[];
  /** Called as the menu opens, so the note can be worked out when it is needed. */
  onOpen?(): void;
}

/** An "Export" button with a menu of formats; a failed export says why next to it. */
export function ExportMenu({ what, note, choices, onOpen }: Props) {
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !ref.current?.contains(e.target as Node))
        setOpen(false);
    };
    window.addEventListener('keydown', close);
    window.addEventListener('pointerdown', close);
    return () => {
      window.removeEventListener('keydown', close);
      window.removeEventListener('pointerdown', close);
    };
  }, [open]);

  const run = async (choice: ExportChoice) => {
    setOpen(false);
    setBusy(true);
    setError(null);
    try {
      await choice.run();
    } catch (e) {
      setError(t('export.failed', { message: e instanceof Error ? e.message : String(e) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="export-menu" ref={ref}>
      <button
        type="button"
        className="btn small"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-label={t('export.menuLabel', { what })}
        disabled={busy}
        onClick={() => {
          if (!open) onOpen?.();
          setOpen((o) => !o);
        }}
      >
        <DownloadIcon />
        {busy ? t('export.working') : t('export.button')}
      </button>
      {open && (
        <div className="export-popover" role="menu">
          {note && <p className="export-note">{note}</p>}
          {choices.map((c) => (
            <button
              key={c.id}
              type="button"
              role="menuitem"
              className="export-choice"
              data-export={c.id}
              onClick={() => void run(c)}
            >
              <strong>{c.label}</strong>
              <span>{c.hint}</span>
            </button>
          ))}
        </div>
      )}
      {error && (
        <span className="export-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
