import { useStore } from 'zustand';
import type { SheetsState } from '../../state/sheetsStore';
import { sheetsStore } from '../appRoot';

export function useSheets<T>(selector: (s: SheetsState) => T): T {
  return useStore(sheetsStore, selector);
}
