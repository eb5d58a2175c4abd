import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { startAutosave } from '../../../src/state/autosave';
import { restoreAutosave } from '../../../src/state/autosaveRestore';
import { createDataStore, type DataStore, type SourceFile } from '../../../src/state/dataStore';
import { previewScorecard, scorecardSlice } from '../../../src/state/scorecardSlice';
import { createScorecardStore, type ScorecardStore } from '../../../src/state/scorecardStore';
import { createWorkbookStore } from '../../../src/state/workbookStore';
import { memoryAutosave } from '../../helpers/memoryAutosave';

const DEMO = ['deals', 'customers', 'surveys', 'orders'];

const demoFile = (table: string): SourceFile => {
  const bytes = readFileSync(new URL(`../../../samples/crm-demo/${table}.csv`, import.meta.url));
  return { name: `${table}.csv`, size: bytes.length, read: async () => bytes };
};

function stores(log?: string[]) {
  const data: DataStore = createDataStore({
    async createEngine() {
      const engine = await createNodeEngine();
      // Logging every query, so a test can tell which ones ran.
      if (log === undefined) return engine;
      return {
        ...engine,
        query: (sql) => {
          log.push(sql);
          return engine.query(sql);
        },
      };
    },
    importFile,
    demoFiles: () => [],
  });
  const scorecard: ScorecardStore = createScorecardStore({
    engine: () => data.getState().engine(),
    tables: () => data.getState().tables,
    today: () => '2026-01-15',
    ...(log === undefined ? {} : { dataKey: () => JSON.stringify(data.getState().dataIds) }),
  });
  const workbook = createWorkbookStore(data);
  workbook.getState().registerSlice(scorecardSlice(scorecard));
  return { data, scorecard, workbook };
}

/** Every KPI's value in every period, as the scorecard shows them. */
const values = (s: ScorecardStore) =>
  JSON.stringify({ periods: s.getState().periods, series: s.getState().series });

describe('the scorecard in a workbook file', () => {
  it('reopens with the same settings, targets and every KPI value, with and without data', async () => {
    const a = stores();
    await a.data.getState().loadFiles(DEMO.map(demoFile));
    await a.scorecard.getState().refresh();
    await a.scorecard.getState().setGrain('quarter');
    a.scorecard.getState().setTarget('win_rate', 0.5);
    await a.scorecard
      .getState()
      .setFormula(
        'nps',
        '100 * DIVIDE(COUNTIF(surveys.nps >= 9) - COUNTIF(surveys.nps <= 6), COUNT(surveys.nps))',
      );
    const before = values(a.scorecard);
    expect(a.scorecard.getState().periods.length).toBeGreaterThan(4);
    expect(a.workbook.getState().canUndo).toBe(true);

    for (const embedData of [true, false]) {
      const bytes = await a.workbook.getState().save({ embedData });
      const b = stores();
      const opened = await b.workbook.getState().open(bytes, 'demo.shakhes');
      if (!embedData) {
        expect(opened).toBe(false);
        expect(await b.workbook.getState().provideFiles(DEMO.map(demoFile))).toBe(true);
      } else expect(opened).toBe(true);
      await b.scorecard.getState().refresh();
      expect(b.scorecard.getState().settings.grain).toBe('quarter');
      expect(b.scorecard.getState().kpis.find((k) => k.id === 'win_rate')?.target).toBe(0.5);
      expect(values(b.scorecard)).toBe(before);
    }
  });

  it('undo puts a changed target back', async () => {
    const { data, scorecard, workbook } = stores();
    await data.getState().loadFiles([demoFile('deals')]);
    await scorecard.getState().refresh();
    scorecard.getState().setTarget('win_rate', 0.4);
    scorecard.getState().setTarget('win_rate', 0.6);
    workbook.getState().undo();
    expect(scorecard.getState().kpis.find((k) => k.id === 'win_rate')?.target).toBe(0.4);
    workbook.getState().redo();
    expect(scorecard.getState().kpis.find((k) => k.id === 'win_rate')?.target).toBe(0.6);
  });

  it('a reload shows the last scorecard before its data is back, then reuses it without a query', async () => {
    const { storage } = memoryAutosave();
    const a = stores([]);
    const saver = startAutosave({
      workbook: a.workbook,
      data: a.data,
      storage,
      extra: { results: () => a.scorecard.getState().results(), subscribe: () => () => undefined },
    });
    await a.data.getState().loadFiles(DEMO.map(demoFile));
    await a.scorecard.getState().refresh();
    await a.scorecard.getState().setBreakdown('customers.segment');
    const before = values(a.scorecard);
    const segments = a.scorecard.getState().segments;
    await saver.flush();
    saver.stop();

    const log: string[] = [];
    const b = stores(log);
    let previewed = '';
    const restored = await restoreAutosave(b.workbook, b.data, storage, {
      preview(doc, results) {
        expect(previewScorecard(b.scorecard, doc, results)).toBe(true);
        previewed = values(b.scorecard);
        // Shown from what was kept: the engine has not even started.
        expect(log).toEqual([]);
        expect(b.scorecard.getState().preview).toBe(true);
      },
    });
    expect(restored?.missing).toEqual([]);
    expect(previewed).toBe(before);
    await b.scorecard.getState().refresh();
    expect(values(b.scorecard)).toBe(before);
    expect(b.scorecard.getState().segments).toEqual(segments);
    expect(b.scorecard.getState().preview).toBe(false);
    expect(b.scorecard.getState().reused).toBe(true);
    expect(log.filter((q) => q.includes('spine_periods'))).toEqual([]);
    // Data changed since: the kept results are not used for it.
    await b.data.getState().loadFiles([demoFile('surveys')]);
    await b.scorecard.getState().refresh();
    expect(b.scorecard.getState().reused).toBe(false);
    expect(log.filter((q) => q.includes('spine_periods')).length).toBeGreaterThan(0);
  });
});
