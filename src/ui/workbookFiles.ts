import { t } from '../i18n/t';
import type { SourceFile } from '../state/dataStore';
import { replaceWorkbook } from '../state/workbookSwitch';
import { dataStore, tableRemoval, workbookStore } from './appRoot';
import { blankDocument, switchDeps } from './autosaveApp';
import { toSourceFiles } from './browserFiles';
import { firstLoad, loadDemoTracked, stopFirstLoad } from './firstLoad';
import { askUnsaved } from './unsavedPrompt';

const WORKBOOK_EXTENSION = '.shakhes';

const isWorkbook = (f: File) => f.name.toLowerCase().endsWith(WORKBOOK_EXTENSION);

/**
 * Files picked or dropped anywhere: a .shakhes file opens as a workbook; data files
 * are the missing data of a workbook waiting for them, or new tables otherwise.
 */
export function routeFiles(list: FileList | File[]): void {
  const files = Array.from(list);
  const workbook = files.find(isWorkbook);
  if (workbook) {
    void switchWorkbook(async () =>
      workbookStore.getState().open(new Uint8Array(await workbook.arrayBuffer()), workbook.name),
    );
    return;
  }
  const sources: SourceFile[] = toSourceFiles(files);
  if (workbookStore.getState().pending) void workbookStore.getState().provideFiles(sources);
  else void dataStore.getState().loadFiles(sources);
}

/** Saves the workbook to a .shakhes file named after its title, as a download. */
export async function saveWorkbookFile(embedData: boolean): Promise<void> {
  const name = workbookFileName(workbookStore.getState().title);
  const bytes = await workbookStore.getState().save({ embedData, fileName: name });
  download(bytes, name, 'application/zip');
  // What was saved is what the user keeps: a removal still open to undo becomes final.
  await tableRemoval.getState().commit();
}

/**
 * Asked before the open workbook is replaced (a file opened, a new one started, a
 * closed one brought back): over unsaved edits, Save, Discard or Cancel. False when the
 * user cancelled or the save failed; then nothing changes.
 */
async function confirmReplace(): Promise<boolean> {
  if (!workbookStore.getState().dirty) return true;
  const choice = await askUnsaved();
  if (choice === 'cancel') return false;
  if (choice === 'save') {
    try {
      await saveWorkbookFile(true);
    } catch {
      // The store shows why; the open workbook stays.
      return false;
    }
  }
  return true;
}

/**
 * Everything before the open workbook is replaced: the first load (the demo, a restore)
 * is ended first, so nothing it still brings merges into what comes next; then the user
 * is asked over unsaved edits; then a removed table still open to undo is dropped for good.
 */
export async function readyToReplace(): Promise<boolean> {
  await stopFirstLoad();
  if (!(await confirmReplace())) return false;
  await stopLoads();
  await tableRemoval.getState().commit();
  return true;
}

/** Cancels the files still loading into the open workbook and waits until none is left. */
function stopLoads(): Promise<void> {
  dataStore.getState().cancelAll();
  return new Promise((done) => {
    if (dataStore.getState().jobs.length === 0) return done();
    const stop = dataStore.subscribe((s) => {
      if (s.jobs.length > 0) return;
      stop();
      done();
    });
  });
}

/** Replaces the open workbook by what `open` brings, once confirmed; the replaced one goes to "Recently closed". */
async function switchWorkbook(open: () => Promise<boolean>): Promise<boolean> {
  if (!(await readyToReplace())) return false;
  return replaceWorkbook(await switchDeps(), open);
}

/** Starts an empty workbook (as the app starts with ?demo=0), asking first over unsaved edits. */
export async function newWorkbook(): Promise<boolean> {
  try {
    return await switchWorkbook(async () => {
      const blank = blankDocument();
      if (blank === null) return false;
      await workbookStore.getState().restore({ ...blank, title: t('workbook.untitled') }, new Map(), null);
      return true;
    });
  } catch (e) {
    workbookStore.getState().showProblem({ code: 'new-failed', file: '' }, e);
    return false;
  }
}

/** The demo in a workbook of its own: a new one, then the demo's files read into it. */
export async function openDemo(): Promise<void> {
  if (!(await newWorkbook())) return;
  await firstLoad(loadDemoTracked);
  // The demo is where the user starts, not an edit: opening a file over it does not ask.
  workbookStore.setState({ dirty: false });
}

/** Hands bytes to the browser as a download, the only way a page writes a file. */
export function download(bytes: Uint8Array, fileName: string, type = 'application/octet-stream'): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file name from the workbook title: letters of any script kept, path characters never. */
function workbookFileName(title: string): string {
  const printable = [...title].filter((ch) => ch.charCodeAt(0) >= 0x20).join('');
  const base =
    printable
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .trim()
      .slice(0, 80) || 'workbook';
  return `${base}${WORKBOOK_EXTENSION}`;
}
