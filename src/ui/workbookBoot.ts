import { useEffect } from 'react';
import { restoreAutosave, startAutosave } from '../state/autosave';
import { previewScorecard } from '../state/scorecardSlice';
import { indexedDbStorage } from '../workbook/autosaveStorage';
import { dataStore, workbookStore } from './appStore';
import { hasDemo } from './demoFiles';
import { scorecardStore } from './scorecard/scorecardApp';

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
 * Starts the workbook: what autosave kept comes back first; otherwise the demo
 * (unless `?demo=0`, a clean start). Then every change is kept as the user works.
 */
export function useWorkbookBoot(): void {
  useEffect(() => {
    if (booted) return;
    booted = true;
    const fresh = new URLSearchParams(window.location.search).get('demo') === '0';
    const storage = indexedDbStorage();
    void (async () => {
      const restored =
        !fresh &&
        (await restoreAutosave(workbookStore, storage, {
          // The last scorecard is on screen while DuckDB starts and the tables come back.
          preview: (doc, record) => previewScorecard(scorecardStore, doc, record.results),
        }).catch(() => false));
      if (!restored && !fresh && hasDemo()) await dataStore.getState().loadDemo();
      else if (!restored)
        await dataStore
          .getState()
          .engine()
          .catch(() => undefined);
      startAutosave(workbookStore, dataStore, storage, undefined, {
        results: () => scorecardStore.getState().results(),
        // Each finished run is worth keeping: the next start shows it before any query.
        subscribe: (onChange) =>
          scorecardStore.subscribe((s, prev) => {
            if (s.status === 'ready' && (prev.status !== 'ready' || s.series !== prev.series)) onChange();
          }),
      });
    })();
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
