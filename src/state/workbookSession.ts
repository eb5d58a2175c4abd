import type { DataStore } from './dataStore';
import { mappingSlice } from './mappingSlice';
import type { MappingStore } from './mappingStore';
import { scorecardSlice } from './scorecardSlice';
import { createScorecardStore, type ScorecardDeps, type ScorecardStore } from './scorecardStore';
import { createWorkbookStore, type WorkbookStore } from './workbookStore';

interface WorkbookSession {
  readonly scorecard: ScorecardStore;
  readonly workbook: WorkbookStore;
}

/**
 * The scorecard and workbook stores over a data and a mapping store, wired as the app
 * wires them (outside the browser: the CLI, the demo workbook's generator, tests). The
 * mappings' slice is registered first, so an opened workbook's views exist before its KPIs run.
 */
export function workbookSession(
  data: DataStore,
  mapping: MappingStore,
  extra: Partial<ScorecardDeps> = {},
): WorkbookSession {
  const scorecard = createScorecardStore({
    engine: () => data.getState().engine(),
    tables: () => mapping.getState().scorecardTables(),
    relationships: () => mapping.getState().links(),
    ...extra,
  });
  const workbook = createWorkbookStore(data);
  workbook.getState().registerSlice(mappingSlice(mapping));
  workbook.getState().registerSlice(scorecardSlice(scorecard));
  return { scorecard, workbook };
}
