/**
 * The demo as a workbook file, built the way the browser builds the demo: the app's own
 * stores read the committed CSVs with the app's importer, the scorecard lists the catalog
 * KPIs the data can compute with the demo company's targets, and the first notebook sheet
 * holds the demo notebook. Saved with its data, so `shakhes run` needs nothing else.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CANONICAL_TABLE_NAMES } from '../../src/core/model/canonical';
import type { WorkbookDocument } from '../../src/core/model/documentSchema';
import { demoNotebook } from '../../src/core/notebook/demo';
import type { Engine } from '../../src/engine/engine';
import { importFile } from '../../src/engine/ingest/importFile';
import { createDataStore, type SourceFile } from '../../src/state/dataStore';
import { createMappingStore } from '../../src/state/mappingStore';
import { catalogNotebookKpis } from '../../src/state/notebookKpis';
import { asDerived, notebookSlice } from '../../src/state/notebookSlice';
import type { ScorecardStore } from '../../src/state/scorecardStore';
import { createSheetNotebooks } from '../../src/state/sheetsNotebooks';
import { sheetsSlice } from '../../src/state/sheetsSlice';
import { createSheetsStore } from '../../src/state/sheetsStore';
import { workbookSession } from '../../src/state/workbookSession';
import { DEMO_TARGETS } from '../../src/ui/scorecard/demoTargets';
import { COMPANY } from './crm';

export const DEMO_WORKBOOK_FILE = 'crm-demo.shakhes';

// The browser's order (src/ui/demoFiles.ts): the canonical model's, customers first.
const ORDER: readonly string[] = CANONICAL_TABLE_NAMES;

/** The demo CSVs in `dir`, in the order the browser loads them. */
async function demoSources(dir: string): Promise<SourceFile[]> {
  const names = (await readdir(dir)).filter((n) => n.endsWith('.csv'));
  const rank = (n: string) => {
    const i = ORDER.indexOf(n.replace(/\.csv$/, ''));
    return i < 0 ? ORDER.length : i;
  };
  names.sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  return names.map((name) => ({
    name,
    size: 0,
    read: async () => new Uint8Array(await readFile(join(dir, name))),
  }));
}

/** The demo workbook's file, and the scorecard it was saved from (its numbers, for comparisons). */
export interface DemoWorkbook {
  readonly bytes: Uint8Array;
  readonly scorecard: ScorecardStore;
  /** The document saved in `bytes`. */
  readonly document: WorkbookDocument;
}

/** Builds the demo workbook over `engine` from the CSVs in `dir`. */
export async function buildDemoWorkbook(engine: Engine, dir: string): Promise<DemoWorkbook> {
  const files = await demoSources(dir);
  const data = createDataStore({ createEngine: async () => engine, importFile, demoFiles: () => files });
  const mapping = createMappingStore(data);
  const { scorecard, workbook } = workbookSession(data, mapping, { defaultTargets: () => DEMO_TARGETS });
  const sheets = createSheetsStore();
  const kpis = catalogNotebookKpis();
  const notebooks = createSheetNotebooks({
    engine: async () => engine,
    tables: () => data.getState().tables,
    relationships: () => mapping.getState().links(),
    kpis: () => kpis,
  });
  workbook.getState().registerSlice(sheetsSlice(sheets));
  workbook.getState().registerSlice(notebookSlice(sheets, notebooks));

  const loaded = await data.getState().loadDemo();
  if (loaded.length !== files.length) {
    const failed = data.getState().errors.map((e) => e.message);
    throw new Error(`The demo's CSVs did not all load: ${failed.join('; ')}`);
  }
  await mapping.getState().settled();
  await scorecard.getState().refresh();
  const first = sheets.getState().sheets.find((s) => s.kind === 'notebook');
  if (first !== undefined) asDerived(() => notebooks.get(first.id).getState().load(demoNotebook()));
  workbook.getState().setTitle(`${COMPANY} (demo)`);
  const bytes = await workbook.getState().save({ embedData: true, fileName: DEMO_WORKBOOK_FILE });
  return { bytes, scorecard, document: workbook.getState().snapshot() };
}
