import type { SourceFile } from '../state/dataStore';
import { replaceWorkbook } from '../state/workbookSwitch';
import { dataStore, workbookStore } from './appStore';
import { switchDeps } from './autosaveApp';
import { toSourceFiles } from './browserFiles';
import { askUnsaved } from './unsavedPrompt';

export const WORKBOOK_EXTENSION = '.shakhes';

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
}

/**
 * Asked before the open workbook is replaced (a file opened, a new one started, a
 * closed one brought back): over unsaved edits, Save, Discard or Cancel. False when the
 * user cancelled or the save failed; then nothing changes.
 */
export async function confirmReplace(): Promise<boolean> {
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

/** Replaces the open workbook by what `open` brings, once confirmed; the replaced one goes to "Recently closed". */
export async function switchWorkbook(open: () => Promise<boolean>): Promise<boolean> {
  if (!(await confirmReplace())) return false;
  return replaceWorkbook(await switchDeps(), open);
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
export function workbookFileName(title: string): string {
  const printable = [...title].filter((ch) => ch.charCodeAt(0) >= 0x20).join('');
  const base =
    printable
      .replace(/[\\/:*?"<>|]+/g, ' ')
      .trim()
      .slice(0, 80) || 'workbook';
  return `${base}${WORKBOOK_EXTENSION}`;
}
