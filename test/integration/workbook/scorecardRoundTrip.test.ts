import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { createDataStore, type DataStore, type SourceFile } from '../../../src/state/dataStore';
import { scorecardSlice } from '../../../src/state/scorecardSlice';
import { createScorecardStore, type ScorecardStore } from '../../../src/state/scorecardStore';
import { createWorkbookStore } from '../../../src/state/workbookStore';

const DEMO = ['deals', 'customers', 'surveys', 'orders'];

const demoFile = (table: string): SourceFile => {
  const bytes = readFileSync(new URL(`../../../samples/crm-demo/${table}.csv`, import.meta.url));
  return { name: `${table}.csv`, size: bytes.length, read: async () => bytes };
};

function stores() {
  const data: DataStore = createDataStore({
    createEngine: createNodeEngine,
    importFile,
    demoFiles: () => [],
  });
  const scorecard: ScorecardStore = createScorecardStore({
    engine: () => data.getState().engine(),
    tables: () => data.getState().tables,
    today: () => '2026-01-15',
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
});
