import { createStore } from 'zustand/vanilla';
import { autosaveEncoder, importInBrowser, isServedPage, startBrowserEngine } from '../app/browserEngine';
import { createTextValues } from '../app/scorecard/textValues';
import { type ScorecardStop, scorecardLimits } from '../app/scorecardLimits';
import { DEFAULT_TIME_LIMIT_SECONDS, SERVED_TIME_LIMIT_SECONDS } from '../core/model/documentSchema';
import { DEMO_NOTEBOOK_TABLES, demoNotebook } from '../core/notebook/demo';
import { CELL_REGISTRY } from '../core/notebook/registry';
import { localizeDemoNotebook } from '../i18n/demoNotebookFa';
import { activeLocale } from '../i18n/locale';
import { CATALOGUES, t } from '../i18n/t';
import { createAutosaveStatus } from '../state/autosaveStatus';
import { createDataStore } from '../state/dataStore';
import { createLocaleStore } from '../state/localeStore';
import { mappingSlice } from '../state/mappingSlice';
import { createMappingStore } from '../state/mappingStore';
import { catalogNotebookKpis } from '../state/notebookKpis';
import { asDerived, notebookSlice } from '../state/notebookSlice';
import { createNotesStore, notesSlice } from '../state/notesStore';
import { scorecardSlice } from '../state/scorecardSlice';
import { createScorecardStore } from '../state/scorecardStore';
import { createSheetNotebooks } from '../state/sheetsNotebooks';
import { sheetsSlice } from '../state/sheetsSlice';
import { createSheetsStore, type SheetKind } from '../state/sheetsStore';
import { createTableRemoval } from '../state/tableRemoval';
import { createTimeLimitStore, timeLimitSlice } from '../state/timeLimitStore';
import { createWorkbookStore } from '../state/workbookStore';
import { indexedDbStorage } from '../workbook/autosaveStorage';
import { fetchingDemoFiles, hasDemo, isDemoWorkbook } from './demoFiles';
import { DEMO_TARGETS } from './scorecard/demoTargets';

/**
 * The composition root: every store and service of the page is made here, once, and
 * here alone are they wired to each other (what the workbook document holds, and which
 * change in one sets off work in another). UI modules only read and call them.
 */

/** The app's language, made first: messages read below (the untitled workbook's name) are already in it. */
export const localeStore = createLocaleStore();

export const dataStore = createDataStore({
  createEngine: startBrowserEngine,
  importFile: importInBrowser,
  demoFiles: fetchingDemoFiles,
});

/** The open workbook: its title, undo history, saving and opening. */
export const workbookStore = createWorkbookStore(dataStore, t('workbook.untitled'));

/** Column mappings over the data store. */
export const mappingStore = createMappingStore(dataStore);

/** The workbook's query time limit, read by the notebooks and the scorecard. */
const defaultTimeLimit = isServedPage() ? SERVED_TIME_LIMIT_SECONDS : DEFAULT_TIME_LIMIT_SECONDS;
export const timeLimitStore = createTimeLimitStore(defaultTimeLimit);
const timeLimitMs = (): number => timeLimitStore.getState().seconds * 1000;

/** Why the scorecard's last run stopped (time limit or Cancel), for the sheet to say. */
export const scorecardStopStore = createStore<{ stop: ScorecardStop }>()(() => ({ stop: null }));
const limits = scorecardLimits({ timeLimitMs, onStop: (stop) => scorecardStopStore.setState({ stop }) });
export const cancelScorecard = limits.cancel;
/** The engine as the scorecard sees it: bounded by the time limit and the Cancel button. */
export const scorecardEngine = async () => limits.bound(await dataStore.getState().engine());

/**
 * What "Why did it change?" explains by, kept outside the detail panel: the panel is made
 * afresh when the language changes, and the user's choice must outlive that.
 */
export const explainChoiceStore = createStore<{ by: string | null; period: 'latest' | 'yoy' }>()(() => ({
  by: null,
  period: 'latest',
}));

export const scorecardStore = createScorecardStore({
  // Every scorecard query stops at the workbook's time limit or the Cancel button.
  engine: scorecardEngine,
  // Mapped tables are seen through their canonical views, so catalog KPIs find them.
  tables: () => mappingStore.getState().scorecardTables(),
  // Declared links in today's names (raw or canonical, as written) and those found by values.
  relationships: () => mappingStore.getState().links(),
  // The tables' contents and the mappings that shape their views decide every number.
  dataKey: () => JSON.stringify([dataStore.getState().dataIds, mappingStore.getState().applied]),
  prefetch: true,
  textValues: createTextValues(),
  // Only the untouched demo gets the demo company's targets; a user's own data starts with none.
  defaultTargets: () => (isDemoWorkbook(dataStore.getState().tables) ? DEMO_TARGETS : {}),
});

const SHEET_LABELS = { scorecard: 'tabs.scorecard', notebook: 'tabs.notebook', data: 'tabs.data' } as const;

/** The sheet tabs; names follow the language the app is shown in. */
export const sheetsStore = createSheetsStore({
  label: (kind) => t(SHEET_LABELS[kind]),
  numbered: (kind, n) => t('sheets.numbered', { name: t(SHEET_LABELS[kind]), n }),
});

/** A kind's own name in every language, so a sheet saved under it reads in the reader's. */
const ownNames = (kind: SheetKind): string[] =>
  Object.values(CATALOGUES).flatMap((c) => {
    const m = c[SHEET_LABELS[kind]];
    return typeof m === 'string' ? [m] : [];
  });

/** The KPIs notebook cells may name. */
export const notebookKpis = catalogNotebookKpis();

/** Every notebook sheet's notebook. */
export const notebooks = createSheetNotebooks({
  engine: () => dataStore.getState().engine(),
  // Every loaded table under its own name, and each mapping's view under its canonical
  // name, so analyses and KPI cells read a mapped file the way the scorecard does.
  tables: () => {
    const loaded = dataStore.getState().tables;
    const names = new Set(loaded.map((x) => x.name.toLowerCase()));
    const views = mappingStore.getState().scorecardTables();
    return [...loaded, ...views.filter((x) => !names.has(x.name.toLowerCase()))];
  },
  relationships: () => mappingStore.getState().links(),
  kpis: () => notebookKpis,
  // The workbook has one calendar, chosen on the scorecard: notebook periods are cut in it too.
  calendar: () => scorecardStore.getState().settings.calendar,
  timeLimitMs,
});

/** Notes on KPIs and days, kept in the workbook. */
export const notesStore = createNotesStore();

/** Removing tables, with an undo while the notice shows. */
export const tableRemoval = createTableRemoval(dataStore, mappingStore);

/** Autosave's one storage and the status the page shows. */
export const autosaveStorage = indexedDbStorage();
export const autosaveStatus = createAutosaveStatus();
export const encodeForAutosave = autosaveEncoder(() => dataStore.getState().engine());

// What the workbook document holds, in the order an opened one is applied: the mappings
// first, so its views exist before the KPIs run; the sheets before their notebooks.
for (const slice of [
  mappingSlice(mappingStore),
  timeLimitSlice(timeLimitStore, defaultTimeLimit),
  scorecardSlice(scorecardStore),
  notesSlice(notesStore),
  sheetsSlice(sheetsStore, ownNames),
  notebookSlice(sheetsStore, notebooks),
])
  workbookStore.getState().registerSlice(slice);

// A mapping applied, undone or restored changes what the scorecard can compute.
mappingStore.subscribe((s, prev) => {
  if (
    s.viewsVersion !== prev.viewsVersion ||
    s.relationships !== prev.relationships ||
    s.detected !== prev.detected
  )
    void scorecardStore.getState().refresh();
});

// Periods cut in the old calendar are wrong in the new one: notebook cells that have shown some run again.
scorecardStore.subscribe((s, prev) => {
  if (s.settings.calendar === prev.settings.calendar) return;
  for (const id of notebooks.ids()) {
    const store = notebooks.get(id);
    const { cells, runs } = store.getState();
    for (const c of cells)
      if (CELL_REGISTRY[c.kind].periodic && (runs[c.id]?.runs ?? 0) > 0) void store.getState().runCell(c.id);
  }
});

// The demo notebook's text follows the language it is read in; a cell the user rewrote keeps its words.
localeStore.subscribe((s, prev) => {
  if (s.locale === prev.locale) return;
  for (const id of notebooks.ids()) {
    const store = notebooks.get(id);
    const cells = store.getState().cells;
    const next = localizeDemoNotebook(cells, s.locale);
    if (next !== cells) asDerived(() => store.setState({ cells: next }));
  }
});

/**
 * Once the demo's tables are in and nothing is loading, an empty first notebook sheet
 * becomes the demo notebook. The seeding is the app's doing, not an edit to undo.
 */
const stopSeeding = dataStore.subscribe(() => {
  const data = dataStore.getState();
  if (data.jobs.length > 0) return;
  const names = new Set(data.tables.map((x) => x.name));
  if (!DEMO_NOTEBOOK_TABLES.every((x) => names.has(x))) return;
  stopSeeding();
  const first = sheetsStore.getState().sheets.find((s) => s.kind === 'notebook');
  if (first === undefined) return;
  const store = notebooks.get(first.id);
  if (store.getState().cells.length === 0)
    asDerived(() => store.getState().load(localizeDemoNotebook(demoNotebook(), activeLocale())));
});

/** Shows the first sheet of a kind (a link to "the data", say); false when there is none. */
export function showKind(kind: SheetKind): boolean {
  const first = sheetsStore.getState().sheets.find((s) => s.kind === kind);
  if (first) sheetsStore.getState().setActive(first.id);
  return first !== undefined;
}

// The scorecard is what a user opens Shakhes for; with no data the Data sheet says how to load some.
showKind(new URLSearchParams(window.location.search).get('demo') !== '0' && hasDemo() ? 'scorecard' : 'data');
