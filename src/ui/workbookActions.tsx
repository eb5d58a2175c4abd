import { useCallback, useRef, useState } from 'react';
import { t } from '../i18n/t';
import { useMenuDismiss } from './menuDismiss';
import { RecentlyClosed } from './recentlyClosed';
import { newWorkbook } from './workbookFiles';

/** The workbook menu: a new workbook, and the list of recently closed ones. */
export function WorkbookActions() {
  const [menu, setMenu] = useState(false);
  const [recent, setRecent] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  const close = useCallback(() => setMenu(false), []);
  useMenuDismiss(menu, ref, close);
  const pick = (action: () => void) => () => {
    setMenu(false);
    action();
  };
  return (
    <div className="workbook-actions" ref={ref}>
      <button
        type="button"
        className="btn ghost"
        aria-label={t('workbook.menu')}
        aria-expanded={menu}
        aria-haspopup="menu"
        onClick={() => setMenu((m) => !m)}
      >
        ⋯
      </button>
      {menu && (
        <div className="save-menu" role="menu">
          <button
            type="button"
            role="menuitem"
            className="save-choice"
            onClick={pick(() => void newWorkbook())}
          >
            <strong>{t('workbook.new')}</strong>
          </button>
          <button type="button" role="menuitem" className="save-choice" onClick={pick(() => setRecent(true))}>
            <strong>{t('workbook.recent')}</strong>
          </button>
        </div>
      )}
      {recent && <RecentlyClosed onClose={() => setRecent(false)} />}
    </div>
  );
}
