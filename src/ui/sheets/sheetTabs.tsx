import { type KeyboardEvent as ReactKeyboardEvent, useEffect, useRef, useState } from 'react';
import { t } from '../../i18n/t';
import { MAX_SHEET_NAME, type Sheet, type SheetProblem } from '../../state/sheetsStore';
import { Dialog } from '../dialog';

import { SheetMenu, type SheetMenuItem } from './sheetMenu';
import { useSheets } from './sheetsApp';
import './sheets.css';
import { notebooks, sheetsStore } from '../appRoot';

const tabId = (sheetId: string) => `tab-${sheetId}`;
const panelId = (sheetId: string) => `sheet-${sheetId}`;

/** Tabs read in the page's direction: in Persian the first sheet is on the right. */
const isRtl = (el: Element | null) => el !== null && getComputedStyle(el).direction === 'rtl';

const focusTab = (id: string) => requestAnimationFrame(() => document.getElementById(tabId(id))?.focus());

function problemText(problem: SheetProblem, sheet: Sheet | undefined, name: string): string {
  if (problem === 'empty') return t('sheets.problem.empty');
  if (problem === 'taken') return t('sheets.problem.taken', { name });
  return t(sheet?.kind === 'data' ? 'sheets.problem.lastData' : 'sheets.problem.lastScorecard');
}

type Menu = { kind: 'sheet'; id: string; x: number; y: number } | { kind: 'add'; x: number; y: number };

/** Where a menu opens: under the element that opened it, at its reading-direction start. */
function below(el: Element): { x: number; y: number } {
  const r = el.getBoundingClientRect();
  return { x: isRtl(el) ? r.right : r.left, y: r.bottom + 2 };
}

/**
 * The workbook's sheets as tabs: pick one, rename it in place (double-click or F2),
 * add a notebook sheet, move or delete one from its menu (right-click, Shift+F10 or the
 * actions button). Arrow keys move between tabs; Ctrl+PageUp and Ctrl+PageDown switch
 * sheets from anywhere.
 */
export function SheetTabs() {
  const sheets = useSheets((s) => s.sheets);
  const active = useSheets((s) => s.active);
  const nameOf = useSheets((s) => s.nameOf);
  const [editing, setEditing] = useState<string | null>(null);
  const [menu, setMenu] = useState<Menu | null>(null);
  const [confirm, setConfirm] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const barRef = useRef<HTMLDivElement>(null);
  // Escape leaves the field; the blur that follows must not save what was typed.
  const cancelled = useRef(false);
  const store = sheetsStore.getState();

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.altKey) || (e.key !== 'PageUp' && e.key !== 'PageDown')) return;
      e.preventDefault();
      sheetsStore.getState().cycle(e.key === 'PageDown' ? 1 : -1);
      // Focus follows only when it was on a tab: a user typing elsewhere stays where they are.
      if (document.activeElement?.getAttribute('role') === 'tab') focusTab(sheetsStore.getState().active);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  useEffect(() => {
    if (notice === null) return;
    const timer = setTimeout(() => setNotice(null), 8000);
    return () => clearTimeout(timer);
  }, [notice]);

  const select = (id: string) => {
    setNotice(null);
    store.setActive(id);
  };

  const commitRename = (sheet: Sheet, value: string) => {
    const problem = store.rename(sheet.id, value);
    if (problem !== null) {
      setNotice(problemText(problem, sheet, value.trim()));
      return false;
    }
    setEditing(null);
    setNotice(null);
    focusTab(sheet.id);
    return true;
  };

  const askRemove = (sheet: Sheet) => {
    const problem = store.removeProblem(sheet.id);
    if (problem !== null) {
      setNotice(problemText(problem, sheet, nameOf(sheet)));
      focusTab(sheet.id);
      return;
    }
    setConfirm(sheet.id);
  };

  /** `visual` is -1 for left, 1 for right; in a right-to-left page right is towards the start. */
  const moveVisual = (sheet: Sheet, visual: -1 | 1) => {
    store.move(sheet.id, isRtl(barRef.current) ? -visual : visual);
    focusTab(sheet.id);
  };

  const onTabKey = (e: ReactKeyboardEvent, sheet: Sheet, i: number) => {
    const go = (j: number) => {
      const next = sheets[(j + sheets.length) % sheets.length];
      select(next.id);
      focusTab(next.id);
    };
    const forward = isRtl(e.currentTarget) ? 'ArrowLeft' : 'ArrowRight';
    const back = isRtl(e.currentTarget) ? 'ArrowRight' : 'ArrowLeft';
    if (e.key === forward) go(i + 1);
    else if (e.key === back) go(i - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(sheets.length - 1);
    else if (e.key === 'F2') setEditing(sheet.id);
    else if (e.key === 'Delete') askRemove(sheet);
    else if (e.key === 'ContextMenu' || (e.key === 'F10' && e.shiftKey))
      setMenu({ kind: 'sheet', id: sheet.id, ...below(e.currentTarget) });
    else return;
    e.preventDefault();
  };

  const menuSheet = menu?.kind === 'sheet' ? sheets.find((s) => s.id === menu.id) : undefined;
  const sheetItems = (sheet: Sheet): SheetMenuItem[] => {
    const i = sheets.indexOf(sheet);
    const rtl = isRtl(barRef.current);
    const removable = store.removeProblem(sheet.id) === null;
    return [
      { label: t('sheets.rename'), run: () => setEditing(sheet.id) },
      {
        label: t('sheets.moveLeft'),
        disabled: rtl ? i === sheets.length - 1 : i === 0,
        run: () => moveVisual(sheet, -1),
      },
      {
        label: t('sheets.moveRight'),
        disabled: rtl ? i === 0 : i === sheets.length - 1,
        run: () => moveVisual(sheet, 1),
      },
      {
        label: t('sheets.delete'),
        danger: true,
        // Kept in the menu, not disabled, so choosing it says why the sheet must stay.
        hint: removable ? undefined : problemText('lastOfKind', sheet, nameOf(sheet)),
        run: () => askRemove(sheet),
      },
    ];
  };

  const confirming = sheets.find((s) => s.id === confirm);
  const confirmCells =
    confirming?.kind === 'notebook' ? notebooks.get(confirming.id).getState().cells.length : 0;

  return (
    <div className="tabs sheet-tabs" ref={barRef}>
      <div className="sheet-tablist" role="tablist" aria-label={t('tabs.sheetLabel')}>
        {sheets.map((sheet, i) => {
          const name = nameOf(sheet);
          if (editing === sheet.id)
            return (
              <input
                key={sheet.id}
                className="tab sheet-rename"
                aria-label={t('sheets.renameLabel', { name })}
                defaultValue={name}
                maxLength={MAX_SHEET_NAME}
                size={Math.max(8, name.length + 2)}
                spellCheck={false}
                // The user asked to rename this tab: typing goes straight to it.
                autoFocus
                onFocus={(e) => e.currentTarget.select()}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') {
                    e.preventDefault();
                    commitRename(sheet, e.currentTarget.value);
                  } else if (e.key === 'Escape') {
                    e.preventDefault();
                    cancelled.current = true;
                    setEditing(null);
                    setNotice(null);
                    focusTab(sheet.id);
                  }
                }}
                onBlur={(e) => {
                  if (cancelled.current) {
                    cancelled.current = false;
                    return;
                  }
                  // Leaving the field keeps a good name and drops a bad one (the notice says why).
                  if (!commitRename(sheet, e.currentTarget.value)) setEditing(null);
                }}
              />
            );
          return (
            <button
              key={sheet.id}
              type="button"
              role="tab"
              className="tab"
              id={tabId(sheet.id)}
              data-sheet-id={sheet.id}
              data-kind={sheet.kind}
              aria-selected={active === sheet.id}
              aria-controls={panelId(sheet.id)}
              aria-haspopup="menu"
              tabIndex={active === sheet.id ? 0 : -1}
              title={t('sheets.tabHint')}
              onClick={() => select(sheet.id)}
              onDoubleClick={() => setEditing(sheet.id)}
              onContextMenu={(e) => {
                e.preventDefault();
                select(sheet.id);
                setMenu({ kind: 'sheet', id: sheet.id, x: e.clientX, y: e.clientY });
              }}
              onKeyDown={(e) => onTabKey(e, sheet, i)}
            >
              {name}
            </button>
          );
        })}
      </div>
      <span className="sheet-tab-tools">
        <button
          type="button"
          className="btn ghost small sheet-add"
          aria-label={t('sheets.add')}
          title={t('sheets.add')}
          aria-haspopup="menu"
          aria-expanded={menu?.kind === 'add'}
          onClick={(e) => setMenu(menu?.kind === 'add' ? null : { kind: 'add', ...below(e.currentTarget) })}
        >
          +
        </button>
        <button
          type="button"
          className="btn ghost small sheet-more"
          aria-label={t('sheets.actionsFor', {
            name: nameOf(sheets.find((s) => s.id === active) ?? sheets[0]),
          })}
          title={t('sheets.actions')}
          aria-haspopup="menu"
          aria-expanded={menu?.kind === 'sheet'}
          onClick={(e) =>
            setMenu(menu?.kind === 'sheet' ? null : { kind: 'sheet', id: active, ...below(e.currentTarget) })
          }
        >
          ⋯
        </button>
      </span>
      {notice !== null && (
        <span className="sheet-notice" role="alert">
          {notice}
        </span>
      )}

      {menu?.kind === 'add' && (
        <SheetMenu
          label={t('sheets.add')}
          x={menu.x}
          y={menu.y}
          items={[
            {
              label: t('sheets.addNotebook'),
              run: () => {
                const id = store.add('notebook');
                focusTab(id);
              },
            },
          ]}
          onClose={() => setMenu(null)}
        />
      )}
      {menuSheet !== undefined && menu?.kind === 'sheet' && (
        <SheetMenu
          label={t('sheets.actionsFor', { name: nameOf(menuSheet) })}
          x={menu.x}
          y={menu.y}
          items={sheetItems(menuSheet)}
          onClose={(returnFocus) => {
            setMenu(null);
            if (returnFocus) focusTab(menuSheet.id);
          }}
        />
      )}

      {confirming !== undefined && (
        <Dialog
          title={t('sheets.deleteTitle', { name: nameOf(confirming) })}
          onClose={() => setConfirm(null)}
          footer={
            <>
              <button type="button" className="btn" onClick={() => setConfirm(null)}>
                {t('sheets.cancel')}
              </button>
              <button
                type="button"
                className="btn primary sheet-danger"
                onClick={() => {
                  const problem = store.remove(confirming.id);
                  setConfirm(null);
                  if (problem !== null) setNotice(problemText(problem, confirming, nameOf(confirming)));
                  focusTab(sheetsStore.getState().active);
                }}
              >
                {t('sheets.deleteConfirm')}
              </button>
            </>
          }
        >
          <p>
            {confirming.kind === 'notebook' && confirmCells > 0
              ? t('sheets.deleteNotebook', { count: confirmCells })
              : t('sheets.deleteSheet')}
          </p>
        </Dialog>
      )}
    </div>
  );
}
