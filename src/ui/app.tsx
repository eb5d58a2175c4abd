import { useEffect, useState } from 'react';
import { t } from '../i18n/t';
import { dataStore, useData } from './appStore';
import { DataPanel } from './dataPanel';
import { DataSheet } from './dataSheet';
import { hasDemo } from './demoFiles';
import { DetailPanel } from './detailPanel';
import { FileDrop } from './fileDrop';
import { ManualTableDialog } from './manualTableDialog';
import { MessageList } from './messageList';
import { PasteDialog } from './pasteDialog';
import { applyTheme, initialTheme, type ThemeName } from './theme';
import { TopBar } from './topBar';

type Open = { kind: 'paste'; text: string } | { kind: 'manual' } | null;

function isEditable(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

export function App() {
  const [theme, setTheme] = useState<ThemeName>(initialTheme);
  const [open, setOpen] = useState<Open>(null);
  const engineStatus = useData((s) => s.engineStatus);
  const engineError = useData((s) => s.engineError);

  useEffect(() => applyTheme(theme), [theme]);

  useEffect(() => {
    // ?demo=0 starts empty (tests, and anyone who wants a clean page).
    const wantDemo = new URLSearchParams(window.location.search).get('demo') !== '0';
    if (wantDemo && hasDemo()) void dataStore.getState().loadDemo();
    else
      void dataStore
        .getState()
        .engine()
        .catch(() => undefined);
  }, []);

  useEffect(() => {
    // Cells pasted anywhere outside a text field open the paste dialog with them.
    const onPaste = (e: ClipboardEvent) => {
      if (isEditable(e.target) || open) return;
      const text = e.clipboardData?.getData('text/plain') ?? '';
      if (!text.trim()) return;
      e.preventDefault();
      setOpen({ kind: 'paste', text });
    };
    window.addEventListener('paste', onPaste);
    return () => window.removeEventListener('paste', onPaste);
  }, [open]);

  return (
    <div className="app">
      <TopBar
        theme={theme}
        onToggleTheme={() => setTheme((x) => (x === 'dark' ? 'light' : 'dark'))}
        onPaste={() => setOpen({ kind: 'paste', text: '' })}
        onNewTable={() => setOpen({ kind: 'manual' })}
      />
      <DataPanel />
      <main className="main">
        <div className="tabs" role="tablist" aria-label={t('tabs.sheetLabel')}>
          <button
            type="button"
            role="tab"
            className="tab"
            aria-selected="true"
            id="tab-data"
            aria-controls="sheet-data"
          >
            {t('tabs.data')}
          </button>
        </div>
        <div className="sheet" role="tabpanel" id="sheet-data" aria-labelledby="tab-data">
          {engineStatus === 'failed' && (
            <div className="banner warn" role="alert">
              {t('app.engineFailed', { message: engineError ?? '' })}
            </div>
          )}
          {engineStatus === 'starting' && (
            <div className="banner" role="status">
              {t('app.starting')}
            </div>
          )}
          <DataSheet />
        </div>
      </main>
      <DetailPanel />
      <FileDrop />
      <MessageList />
      {open?.kind === 'paste' && <PasteDialog initialText={open.text} onClose={() => setOpen(null)} />}
      {open?.kind === 'manual' && <ManualTableDialog onClose={() => setOpen(null)} />}
    </div>
  );
}
