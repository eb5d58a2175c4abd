import type { SourceFile } from '../state/dataStore';
import { dataStore, workbookStore } from './appStore';
import { toSourceFiles } from './browserFiles';

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
    void workbook.arrayBuffer().then((b) => workbookStore.getState().open(new Uint8Array(b), workbook.name));
    return;
  }
  const sources: SourceFile[] = toSourceFiles(files);
  if (workbookStore.getState().pending) void workbookStore.getState().provideFiles(sources);
  else void dataStore.getState().loadFiles(sources);
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
