import { createContext, createElement, type ReactNode, useContext } from 'react';
import { useStore } from 'zustand';
import { DEMO_NOTEBOOK_TABLES, demoNotebook } from '../../core/notebook/demo';
import { CELL_REGISTRY } from '../../core/notebook/registry';
import { localizeDemoNotebook } from '../../i18n/demoNotebookFa';
import { activeLocale } from '../../i18n/locale';
import { catalogNotebookKpis } from '../../state/notebookKpis';
import { asDerived, notebookSlice } from '../../state/notebookSlice';
import type { NotebookState, NotebookStore } from '../../state/notebookStore';
import { createSheetNotebooks } from '../../state/sheetsNotebooks';
import { dataStore, workbookStore } from '../appStore';
import { localeStore } from '../languageSwitch';
import { mappingStore } from '../mapping/mappingApp';
import { scorecardStore } from '../scorecard/scorecardApp';
import { sheetsStore } from '../sheets/sheetsApp';
import { timeLimitMs } from '../timeLimitApp';

const kpis = catalogNotebookKpis();

/** The KPIs cells may name, for labels and formats in the UI. */
export function notebookKpis() {
  return kpis;
}

/** Every notebook sheet's notebook, reading the data store's engine and tables. */
const notebooks = createSheetNotebooks({
  engine: () => dataStore.getState().engine(),
  // Every loaded table under its own name, and each mapping's view under its canonical
  // name, so analyses and KPI cells read a mapped file the way the scorecard does.
  tables: () => {
    const loaded = dataStore.getState().tables;
    const names = new Set(loaded.map((t) => t.name.toLowerCase()));
    const views = mappingStore.getState().scorecardTables();
    return [...loaded, ...views.filter((t) => !names.has(t.name.toLowerCase()))];
  },
  relationships: () => mappingStore.getState().links(),
  kpis: () => kpis,
  // The workbook has one calendar, chosen on the scorecard: notebook periods are cut in it too.
  calendar: () => scorecardStore.getState().settings.calendar,
  timeLimitMs,
});

/** The notebook of a notebook sheet. */
export function notebookFor(sheetId: string): NotebookStore {
  return notebooks.get(sheetId);
}

// The notebooks' cells are part of the workbook: saved, autosaved, undone.
workbookStore.getState().registerSlice(notebookSlice(sheetsStore, notebooks));

/** Which notebook the notebook components below it show and edit. */
const NotebookContext = createContext<NotebookStore | null>(null);

export function NotebookProvider({ sheetId, children }: { sheetId: string; children: ReactNode }) {
  return createElement(NotebookContext.Provider, { value: notebookFor(sheetId) }, children);
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

/**
 * Once the demo's tables are in and nothing is loading, an empty first notebook sheet
 * becomes the demo notebook. The seeding is the app's doing, not an edit to undo.
 */
let seeded = false;
function seedDemo() {
  if (seeded) return;
  const data = dataStore.getState();
  if (data.jobs.length > 0) return;
  const names = new Set(data.tables.map((t) => t.name));
  if (!DEMO_NOTEBOOK_TABLES.every((t) => names.has(t))) return;
  seeded = true;
  const first = sheetsStore.getState().sheets.find((s) => s.kind === 'notebook');
  if (first === undefined) return;
  const store = notebookFor(first.id);
  if (store.getState().cells.length === 0)
    asDerived(() => store.getState().load(localizeDemoNotebook(demoNotebook(), activeLocale())));
}
dataStore.subscribe(seedDemo);

// The demo's text follows the language it is read in; a cell the user rewrote keeps its words.
localeStore.subscribe((s, prev) => {
  if (s.locale === prev.locale) return;
  for (const id of notebooks.ids()) {
    const store = notebooks.get(id);
    const cells = store.getState().cells;
    const next = localizeDemoNotebook(cells, s.locale);
    if (next !== cells) asDerived(() => store.setState({ cells: next }));
  }
});

// Periods cut in the old calendar are wrong in the new one: cells that have shown some run again.
scorecardStore.subscribe((s, prev) => {
  if (s.settings.calendar === prev.settings.calendar) return;
  for (const id of notebooks.ids()) {
    const store = notebooks.get(id);
    const { cells, runs } = store.getState();
    for (const c of cells)
      if (CELL_REGISTRY[c.kind].periodic && (runs[c.id]?.runs ?? 0) > 0) void store.getState().runCell(c.id);
  }
});
