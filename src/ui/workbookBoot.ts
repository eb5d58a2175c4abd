import { useEffect } from 'react';
import type { WorkbookDocument } from '../core/model/documentSchema';
import { startAutosave } from '../state/autosave';
import { type Restored, restoreAutosave } from '../state/autosaveRestore';
import { previewScorecard } from '../state/scorecardSlice';
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
    extra: {
      results: () => scorecardStore.getState().results(),
      // Each finished run is worth keeping: the next start shows it before any query.
      subscribe: (onChange) =>
        scorecardStore.subscribe((s, prev) => {
          if (s.status === 'ready' && (prev.status !== 'ready' || s.series !== prev.series)) onChange();
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
    const restored = await restoreAutosave(workbookStore, dataStore, autosaveStorage, {
      // The last scorecard is on screen while DuckDB starts and the tables come back.
      preview: (doc, results) => previewScorecard(scorecardStore, doc, results),
      progress: autosaveProgress,
    }).catch(() => null);
    keepChanges(blank, restored);
    if (restored) autosaveStatus.setState({ missing: restored.missing });
    else if (hasDemo()) {
      await loadDemoTracked();
      // The demo is where the app starts, not an edit: opening a file over it does not ask.
      workbookStore.setState({ dirty: false });
    } else
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
