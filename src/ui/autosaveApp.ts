import { useStore } from 'zustand';
import type { WorkbookDocument } from '../core/model/documentSchema';
import type { Autosaver } from '../state/autosave';
import type { AutosaveStatusState } from '../state/autosaveStatus';
import type { SwitchDeps } from '../state/workbookSwitch';
import { autosaveStatus, autosaveStorage, dataStore, workbookStore } from './appRoot';

/** The autosaver, once the boot has started it. */
let started: (saver: Autosaver) => void = () => undefined;
const saver = new Promise<Autosaver>((ok) => {
  started = ok;
});

/** The workbook as the app starts it, before anything is restored or loaded: what "New workbook" gives. */
let blank: WorkbookDocument | null = null;

export function autosaveStarted(s: Autosaver, startDoc: WorkbookDocument): void {
  blank = startDoc;
  started(s);
}

export function blankDocument(): WorkbookDocument | null {
  return blank === null ? null : structuredClone(blank);
}

/** What replacing the open workbook needs; waits for autosave to have started. */
export async function switchDeps(): Promise<SwitchDeps> {
  return { workbook: workbookStore, data: dataStore, storage: autosaveStorage, autosave: await saver };
}

export function useAutosaveStatus<T>(selector: (s: AutosaveStatusState) => T): T {
  return useStore(autosaveStatus, selector);
}
