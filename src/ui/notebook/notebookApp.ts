import { createContext, createElement, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import type { NotebookState, NotebookStore } from '../../state/notebookStore';
import { notebooks } from '../appRoot';

/** Which notebook the notebook components below it show and edit. */
const NotebookContext = createContext<NotebookStore | null>(null);

export function NotebookProvider({ sheetId, children }: { sheetId: string; children: ReactNode }) {
  return createElement(NotebookContext.Provider, { value: notebooks.get(sheetId) }, children);
}

/** The notebook of the sheet being shown. */
export function useNotebookStore(): NotebookStore {
  const store = useContext(NotebookContext);
  if (store === null) throw new Error('A notebook component was shown outside a NotebookProvider.');
  return store;
}

export function useNotebook<T>(selector: (s: NotebookState) => T): T {
  return useStore(useNotebookStore(), selector);
}
