import { useStore } from 'zustand';
import type { MappingState } from '../../state/mappingStore';
import { mappingStore } from '../appRoot';

export function useMapping<T>(selector: (s: MappingState) => T): T {
  return useStore(mappingStore, selector);
}
