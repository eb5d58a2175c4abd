import { useStore } from 'zustand';
import type { DataState } from '../state/dataStore';
import type { WorkbookState } from '../state/workbookStore';
import { dataStore, workbookStore } from './appRoot';

export function useData<T>(selector: (s: DataState) => T): T {
  return useStore(dataStore, selector);
}

export function useWorkbook<T>(selector: (s: WorkbookState) => T): T {
  return useStore(workbookStore, selector);
}
