import { useStore } from 'zustand';
import { createTextValues } from '../../app/scorecard/textValues';
import { scorecardSlice } from '../../state/scorecardSlice';
import { createScorecardStore, type ScorecardState } from '../../state/scorecardStore';
import { dataStore, workbookStore } from '../appStore';
import { isDemoWorkbook } from '../demoFiles';
import { mappingStore } from '../mapping/mappingApp';
import { scorecardEngine } from '../timeLimitApp';
import { DEMO_TARGETS } from './demoTargets';

/** The app's scorecard, reading the tables and engine of the one data store. */
export const scorecardStore = createScorecardStore({
  // Every scorecard query stops at the workbook's time limit or the Cancel button.
  engine: async () => scorecardEngine(await dataStore.getState().engine()),
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

// The scorecard's settings and KPIs are part of the workbook: saved, autosaved, undone.
workbookStore.getState().registerSlice(scorecardSlice(scorecardStore));

// A mapping applied, undone or restored changes what the scorecard can compute.
mappingStore.subscribe((s, prev) => {
  if (
    s.viewsVersion !== prev.viewsVersion ||
    s.relationships !== prev.relationships ||
    s.detected !== prev.detected
  )
    void scorecardStore.getState().refresh();
});

export function useScorecard<T>(selector: (s: ScorecardState) => T): T {
  return useStore(scorecardStore, selector);
}
