import type { AutosaveStorage, ClosedWorkbook } from '../workbook/autosaveStorage';
import type { Autosaver } from './autosave';
import { type Restored, restoreKept } from './autosaveRestore';
import type { DataStore } from './dataStore';
import type { WorkbookStore } from './workbookStore';

/** How many replaced workbooks "Recently closed" keeps; the oldest goes first. */
const CLOSED_LIMIT = 5;

export interface SwitchDeps {
  workbook: WorkbookStore;
  data: DataStore;
  storage: AutosaveStorage;
  autosave: Autosaver;
}

/**
 * Replaces the open workbook by what `open` brings, after keeping the open one in
 * "Recently closed" (its document and tables stay in storage while listed). Asking
 * the user first is the caller's part. When `open` fails, nothing changes.
 */
export async function replaceWorkbook(deps: SwitchDeps, open: () => Promise<boolean>): Promise<boolean> {
  // Every table of the open workbook is kept before it is listed.
  await deps.autosave.flush().catch(() => undefined);
  const kept = deps.autosave.kept();
  const worth = kept !== null && (kept.dirty || kept.doc.datasets.length > 0 || kept.unsaved.length > 0);
  const entry: ClosedWorkbook | null = worth
    ? { id: globalThis.crypto.randomUUID(), title: kept.doc.title, closedAt: new Date().toISOString(), kept }
    : null;
  // A storage that fails is already reported; the user's choice to open still stands.
  if (entry) await deps.storage.addClosed(entry, CLOSED_LIMIT).catch(() => undefined);
  let opened = false;
  try {
    opened = await open();
  } finally {
    // A workbook waiting for its files has not replaced the open one yet, and may still.
    if (!opened && entry && !deps.workbook.getState().pending)
      await deps.storage.removeClosed(entry.id).catch(() => undefined);
  }
  return opened;
}

/** Brings a recently closed workbook back in place of the open one, which is listed in turn. */
export async function restoreClosed(deps: SwitchDeps, entry: ClosedWorkbook): Promise<Restored | null> {
  let restored = null as Restored | null;
  await replaceWorkbook(deps, async () => {
    restored = await restoreKept(deps.workbook, deps.data, deps.storage, entry.kept, {
      results: entry.results,
    });
    return true;
  });
  // Off the list once the autosave names its tables, so they are never unreferenced.
  await deps.autosave.flush().catch(() => undefined);
  await deps.storage.removeClosed(entry.id);
  return restored;
}
