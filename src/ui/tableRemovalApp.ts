import { useStore } from 'zustand';
import type { TableRemovalState } from '../state/tableRemoval';
import { tableRemoval } from './appRoot';

export function useTableRemoval<T>(selector: (s: TableRemovalState) => T): T {
  return useStore(tableRemoval, selector);
}
