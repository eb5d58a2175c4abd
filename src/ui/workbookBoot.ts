import { useEffect } from 'react';
import { isServedPage, TOKEN_KEY } from '../app/browserEngine';
import type { WorkbookDocument } from '../core/model/documentSchema';
import { startAutosave } from '../state/autosave';
import { type Restored, restoreAutosave } from '../state/autosaveRestore';
import { previewScorecard } from '../state/scorecardSlice';
import { openServedWorkbook } from '../state/servedWorkbook';
import {
  autosaveStatus,
  autosaveStorage,
  dataStore,
  encodeForAutosave,
  scorecardStore,
  workbookStore,
} from './appRoot';
import { autosaveStarted } from './autosaveApp';
import { hasDemo } from './demoFiles';
import { autosaveProgress, firstLoad, loadDemoTracked } from './firstLoad';

function isEditable(el: EventTarget | null): boolean {
  return el instanceof HTMLElement && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
}

/** Undo and redo by keyboard, except inside text fields, which have their own. */
const SHORTCUTS: ReadonlyArray<{ match: (e: KeyboardEvent) => boolean; run: () => void }> = [
  { match: (e) => e.key.toLowerCase() === 'z' && !e.shiftKey, run: () => workbookStore.getState().undo() },
  {
    match: (e) => (e.key.toLowerCase() === 'z' && e.shiftKey) || e.key.toLowerCase() === 'y',
    run: () => workbookStore.getState().redo(),
  },
];

let booted = false;
// The demo is loading for the first time: what autosave keeps meanwhile says so (KeptDocument.demoLoading).
let demoUnderWay = false;

/**
 * Starts autosave. Kept from here on, before the demo or the engine is waited for:
 * edits made while they load are edits too.
 */
function keepChanges(blank: WorkbookDocument, restored: Restored | null): void {
  const saver = startAutosave({
    workbook: workbookStore,
    data: dataStore,
    storage: autosaveStorage,
    status: autosaveStatus,
    restored: restored?.kept,
    encode: encodeForAutosave,
    demoLoading: () => demoUnderWay,
    extra: {
      results: () => scorecardStore.getState().results(),
      // Each painted run is worth keeping, and again as its breakdown and to-date values arrive:
      // the next start shows them before any query.
      subscribe: (onChange) =>
        scorecardStore.subscribe((s, prev) => {
          if (s.status !== 'ready') return;
          if (s.keptRuns !== prev.keptRuns || s.segments !== prev.segments || s.toDate !== prev.toDate)
            onChange();
        }),
    },
  });
  // The document is written on every change already; these start any write still
  // waiting for the end of its task before the page goes away or is frozen.
  const flush = () => saver.writeNow();
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') flush();
  });
  autosaveStarted(saver, blank);
}

/** Where the tab notes the server start whose `--workbook` it opened (its token). */
const SERVED_WORKBOOK_KEY = 'shakhes-serve-workbook';

/**
 * Opens `shakhes serve --workbook`'s workbook, once per server start in a tab: a reload
 * then restores what autosave kept of it, edits and all. False when there is none to open.
 */
async function openServedWorkbookOnce(): Promise<boolean> {
  // Connecting puts the token in the tab's storage.
  await dataStore.getState().engine();
  const start = sessionStorage.getItem(TOKEN_KEY) ?? '';
  if (sessionStorage.getItem(SERVED_WORKBOOK_KEY) === start) return false;
  const opened = await openServedWorkbook(workbookStore, dataStore);
  sessionStorage.setItem(SERVED_WORKBOOK_KEY, start);
  return opened !== null;
}

/** Whether the demo opens when nothing was restored: not over tables the server holds. */
async function demoWanted(): Promise<boolean> {
  if (!hasDemo()) return false;
  if (!isServedPage()) return true;
  return (await dataStore.getState().served()).length === 0;
}

async function start(): Promise<void> {
  // Taken before anything is restored or loaded: what New workbook goes back to.
  const blank = workbookStore.getState().snapshot();
  const fresh = new URLSearchParams(window.location.search).get('demo') === '0';
  if (fresh) {
    keepChanges(blank, null);
    void dataStore
      .getState()
      .engine()
      .catch(() => undefined);
    return;
  }
  // Until the workbook or the demo is in, the page says what is loading; then it shows the scorecard.
  await firstLoad(async () => {
    if (isServedPage() && (await openServedWorkbookOnce().catch(() => false))) {
      keepChanges(blank, null);
      return;
    }
    const restored = await restoreAutosave(workbookStore, dataStore, autosaveStorage, {
      // The last scorecard is on screen while DuckDB starts and the tables come back.
      preview: (doc, results) => previewScorecard(scorecardStore, doc, results),
      progress: autosaveProgress,
    }).catch(() => null);
    // A first visit left before the demo was in: it loads on, over what was kept of it.
    const demo = restored ? restored.kept.demoLoading === true : await demoWanted().catch(() => false);
    // Set before autosave starts, so even its first write says the demo is still to come.
    demoUnderWay = demo;
    keepChanges(blank, restored);
    if (restored && !demo) autosaveStatus.setState({ missing: restored.missing, gone: restored.gone });
    if (demo) {
      try {
        await loadDemoTracked();
      } finally {
        demoUnderWay = false;
      }
      // The demo is where the app starts, not an edit: opening a file over it does not ask.
      workbookStore.setState({ dirty: false });
    } else if (!restored)
      void dataStore
        .getState()
        .engine()
        .catch(() => undefined);
  });
}

/**
 * Starts the workbook: what autosave kept comes back first; otherwise the demo
 * (unless `?demo=0`, a clean start). Then every change is kept as the user works.
 */
export function useWorkbookBoot(): void {
  useEffect(() => {
    if (booted) return;
    booted = true;
    void start();
  }, []);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || isEditable(e.target)) return;
      const shortcut = SHORTCUTS.find((s) => s.match(e));
      if (!shortcut) return;
      e.preventDefault();
      shortcut.run();
    };
    // Closing the tab is safe (autosave keeps everything), but a file the user opened
    // or saved would no longer match: the browser asks first.
    const onUnload = (e: BeforeUnloadEvent) => {
      const { dirty, fileName } = workbookStore.getState();
      if (dirty && fileName !== null) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('beforeunload', onUnload);
    };
  }, []);
}
