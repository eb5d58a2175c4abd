import { useStore } from 'zustand';
import { CATALOGUES, t } from '../../i18n/t';
import { sheetsSlice } from '../../state/sheetsSlice';
import { createSheetsStore, type SheetKind, type SheetsState } from '../../state/sheetsStore';
import { workbookStore } from '../appStore';
import { hasDemo } from '../demoFiles';

const LABEL_KEYS = { scorecard: 'tabs.scorecard', notebook: 'tabs.notebook', data: 'tabs.data' } as const;

/** The app's sheet tabs; names follow the language the app is shown in. */
export const sheetsStore = createSheetsStore({
  label: (kind) => t(LABEL_KEYS[kind]),
  numbered: (kind, n) => t('sheets.numbered', { name: t(LABEL_KEYS[kind]), n }),
});

/** A kind's own name in every language, so a sheet saved under it reads in the reader's. */
const ownNames = (kind: SheetKind): string[] =>
  Object.values(CATALOGUES).flatMap((c) => {
    const m = c[LABEL_KEYS[kind]];
    return typeof m === 'string' ? [m] : [];
  });

// The sheet list, names and order are part of the workbook: saved, autosaved, undone.
workbookStore.getState().registerSlice(sheetsSlice(sheetsStore, ownNames));

/** Shows the first sheet of a kind (a link to "the data", say); false when there is none. */
export function showKind(kind: SheetKind): boolean {
  const first = sheetsStore.getState().sheets.find((s) => s.kind === kind);
  if (first) sheetsStore.getState().setActive(first.id);
  return first !== undefined;
}

// The scorecard is what a user opens Shakhes for; with no data the Data sheet says how to load some.
showKind(new URLSearchParams(window.location.search).get('demo') !== '0' && hasDemo() ? 'scorecard' : 'data');

export function useSheets<T>(selector: (s: SheetsState) => T): T {
  return useStore(sheetsStore, selector);
}
