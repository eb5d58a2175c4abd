import { useStore } from 'zustand';
import { mappingSlice } from '../../state/mappingSlice';
import { createMappingStore, type MappingState } from '../../state/mappingStore';
import { dataStore, workbookStore } from '../appStore';

/** The app's column mappings over the one data store; part of the workbook document. */
export const mappingStore = createMappingStore(dataStore);

// Registered before the scorecard's slice, so an opened workbook's views are named before KPIs run.
workbookStore.getState().registerSlice(mappingSlice(mappingStore));

export function useMapping<T>(selector: (s: MappingState) => T): T {
  return useStore(mappingStore, selector);
}
