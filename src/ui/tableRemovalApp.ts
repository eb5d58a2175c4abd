import { useStore } from 'zustand';
import { createTableRemoval, type TableRemovalState } from '../state/tableRemoval';
import { dataStore } from './appStore';
import { mappingStore } from './mapping/mappingApp';

/** Removing tables from the app's workbook, with an undo while the notice shows. */
export const tableRemoval = createTableRemoval(dataStore, mappingStore);

export function useTableRemoval<T>(selector: (s: TableRemovalState) => T): T {
  return useStore(tableRemoval, selector);
}
