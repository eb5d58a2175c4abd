import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { isDefaultText, t } from '../i18n/t';
import { workbookStore } from './appRoot';
import { useWorkbook } from './appStore';
import { useMenuDismiss } from './menuDismiss';
import { WorkbookActions } from './workbookActions';
import { routeFiles, saveWorkbookFile as save } from './workbookFiles';
import { RedoIcon, SaveIcon, UndoIcon, WorkbookIcon } from './workbookIcons';

/** Title, open, save (with or without data), new and recently closed, undo and redo, in the top bar. */
export function WorkbookMenu() {
  // The untitled default shows in the language of the page, whichever language wrote it.
  const stored = useWorkbook((s) => s.title);
  const title = isDefaultText('workbook.untitled', stored) ? t('workbook.untitled') : stored;
  const canUndo = useWorkbook((s) => s.canUndo);
  const canRedo = useWorkbook((s) => s.canRedo);
  const busy = useWorkbook((s) => s.busy);
  const [draft, setDraft] = useState(title);
  const [menu, setMenu] = useState(false);
  const inputId = useId();
  const menuRef = useRef<HTMLDivElement>(null);
  const closeMenu = useCallback(() => setMenu(false), []);
  useEffect(() => setDraft(title), [title]);
  useMenuDismiss(menu, menuRef, closeMenu);

  const commitTitle = () => {
    const next = draft.trim() || t('workbook.untitled');
    if (next !== title) workbookStore.getState().setTitle(next);
    else setDraft(title);
  };

  return (
    <div className="workbook-menu">
      <input
        className="workbook-title"
        value={draft}
        aria-label={t('workbook.titleLabel')}
        maxLength={120}
        onChange={(e) => setDraft(e.currentTarget.value)}
        onBlur={commitTitle}
        onKeyDown={(e) => {
          if (e.key === 'Enter') e.currentTarget.blur();
          if (e.key === 'Escape') {
            setDraft(title);
            e.currentTarget.blur();
          }
        }}
      />
      <label className="btn file-button" htmlFor={inputId}>
        <WorkbookIcon />
        {t('workbook.open')}
        <input
          id={inputId}
          type="file"
          accept=".shakhes"
          className="visually-hidden"
          aria-label={t('workbook.openLabel')}
          onChange={(e) => {
            const files = e.currentTarget.files;
            if (files && files.length > 0) routeFiles(files);
            e.currentTarget.value = '';
          }}
        />
      </label>
      <div className="save-group" ref={menuRef}>
        <button type="button" className="btn" disabled={busy !== null} onClick={() => void save(true)}>
          <SaveIcon />
          {busy === 'saving' ? t('workbook.saving') : t('workbook.save')}
        </button>
        <button
          type="button"
          className="btn small save-more"
          aria-label={t('workbook.saveMenu')}
          aria-expanded={menu}
          aria-haspopup="menu"
          onClick={() => setMenu((m) => !m)}
        >
          ▾
        </button>
        {menu && (
          <div className="save-menu" role="menu">
            {([true, false] as const).map((embed) => (
              <button
                key={String(embed)}
                type="button"
                role="menuitem"
                className="save-choice"
                onClick={() => {
                  setMenu(false);
                  void save(embed);
                }}
              >
                <strong>{t(embed ? 'workbook.saveWithData' : 'workbook.saveWithoutData')}</strong>
                <span>{t(embed ? 'workbook.saveWithDataHint' : 'workbook.saveWithoutDataHint')}</span>
              </button>
            ))}
          </div>
        )}
      </div>
      <WorkbookActions />
      <button
        type="button"
        className="btn ghost"
        disabled={!canUndo}
        aria-label={t('workbook.undo')}
        title={`${t('workbook.undo')} (Ctrl+Z)`}
        onClick={() => workbookStore.getState().undo()}
      >
        <UndoIcon />
      </button>
      <button
        type="button"
        className="btn ghost"
        disabled={!canRedo}
        aria-label={t('workbook.redo')}
        title={`${t('workbook.redo')} (Ctrl+Shift+Z)`}
        onClick={() => workbookStore.getState().redo()}
      >
        <RedoIcon />
      </button>
    </div>
  );
}
