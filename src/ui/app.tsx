import { lazy, Suspense, useEffect, useState } from 'react';
import { t } from '../i18n/t';
import { localeStore } from './appRoot';
import { useData } from './appStore';
import { DataPanel } from './dataPanel';
import { DemoBar } from './demoBar';
import { DetailPanel } from './detailPanel';
import { FileDrop } from './fileDrop';
import { useLocale } from './languageSwitch';
import { ManualTableDialog } from './manualTableDialog';
import { MessageList } from './messageList';
import { NotebookProvider } from './notebook/notebookApp';
import { PasteDialog } from './pasteDialog';
import { RemovedTableBar } from './removedTableBar';
import { useScorecard } from './scorecard/scorecardApp';
import { ScorecardSheet } from './scorecard/scorecardSheet';
import { useSheets } from './sheets/sheetsApp';
import { SheetTabs } from './sheets/sheetTabs';
import { applyTheme, initialTheme, type ThemeName } from './theme';
import { TopBar } from './topBar';
import { useWorkbookBoot } from './workbookBoot';
import { WorkbookMessages } from './workbookMessages';

type Open = { kind: 'paste'; text: string } | { kind: 'manual' } | null;
// The notebook (CodeMirror, more charts) and the data sheet's grid code load when first shown.
const NotebookSheet = lazy(() =>
  import('./notebook/notebookSheet').then((m) => ({ default: m.NotebookSheet })),
);
const DataSheet = lazy(() => import('./dataSheet').then((m) => ({ default: m.DataSheet })));
// The KPI detail's charts (ECharts) load with the first detail shown.
const ScorecardDetail = lazy(() =>
  import('./scorecard/kpiDetail').then((m) => ({ default: m.ScorecardDetail })),
);
const SHEETS = { scorecard: ScorecardSheet, notebook: NotebookSheet, data: DataSheet } as const;

function SheetLoading() {
  return (
    <div className="banner" role="status">
      {t('app.sheetLoading')}
    </div>
  );
}

function isEditable(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

export function App() {
  const [theme, setTheme] = useState<ThemeName>(initialTheme);
  const [open, setOpen] = useState<Open>(null);
  // The sheet shown, and its kind (`tab`); which one the app opens on is decided in sheetsApp.
  const sheet = useSheets((s) => s.sheets.find((x) => x.id === s.active) ?? s.sheets[0]);
  const tab = sheet.kind;
  const engineStatus = useData((s) => s.engineStatus);
  const engineError = useData((s) => s.engineError);
  // Sheets and panels are keyed by the language so grids and charts, which memoise their
  // headers and options, are built again in it; their data lives in the stores.
  const locale = useLocale((s) => s.locale);
  const digits = useLocale((s) => s.persianDigits);
  // Dates and period labels follow the workbook's calendar; set before the sheets render.
  localeStore.getState().setCalendar(useScorecard((s) => s.settings.calendar));
  const currency = useScorecard((s) => s.settings.currency);
  localeStore.getState().setCurrency(currency);
  const lang = `${locale}-${digits}-${currency}`;

  useEffect(() => applyTheme(theme), [theme]);

  useWorkbookBoot();

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
        <DemoBar />
        <SheetTabs />
        <div
          key={lang}
          className="sheet"
          role="tabpanel"
          id={`sheet-${sheet.id}`}
          aria-labelledby={`tab-${sheet.id}`}
        >
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
          <Suspense fallback={<SheetLoading />}>
            {(() => {
              const Sheet = SHEETS[tab];
              // Each notebook sheet edits its own notebook; the key gives every sheet a fresh view.
              return tab === 'notebook' ? (
                <NotebookProvider key={sheet.id} sheetId={sheet.id}>
                  <Sheet />
                </NotebookProvider>
              ) : (
                <Sheet key={sheet.id} />
              );
            })()}
          </Suspense>
        </div>
      </main>
      {tab === 'scorecard' ? (
        <Suspense fallback={null}>
          <ScorecardDetail key={lang} />
        </Suspense>
      ) : (
        <DetailPanel key={lang} />
      )}
      <FileDrop />
      <WorkbookMessages />
      <MessageList />
      <RemovedTableBar />
      {open?.kind === 'paste' && <PasteDialog initialText={open.text} onClose={() => setOpen(null)} />}
      {open?.kind === 'manual' && <ManualTableDialog onClose={() => setOpen(null)} />}
    </div>
  );
}
