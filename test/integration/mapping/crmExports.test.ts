import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { tableToRows } from '../../../src/engine/rows';
import { createDataStore, type SourceFile } from '../../../src/state/dataStore';
import { createMappingStore } from '../../../src/state/mappingStore';
import { createScorecardStore } from '../../../src/state/scorecardStore';

/**
 * Each CRM-headed fixture loaded the way the app loads a dropped file: it is
 * mapped onto deals with no manual step, and the scorecard computes win rate and
 * average deal size on the view equal to the values worked out by hand
 * (test/fixtures/crm/README.md).
 */
const DIR = join(__dirname, '../../fixtures/crm');
let engine: Engine;

beforeAll(async () => {
  engine = await createNodeEngine();
});

afterAll(() => engine?.close());

function file(name: string): SourceFile {
  const bytes = new Uint8Array(readFileSync(join(DIR, name)));
  return { name, size: bytes.byteLength, read: async () => bytes };
}

async function loadAndScore(name: string) {
  // One engine for every case; earlier cases' tables and views are dropped first (not the calendar).
  for (const row of tableToRows(
    await engine.query('SELECT table_name, table_type FROM information_schema.tables'),
  )) {
    if (String(row.table_name).startsWith('_')) continue;
    const kind = row.table_type === 'VIEW' ? 'VIEW' : 'TABLE';
    await engine.query(`DROP ${kind} IF EXISTS "${String(row.table_name)}"`);
  }
  const data = createDataStore({ createEngine: async () => engine, importFile, demoFiles: () => [] });
  const mapping = createMappingStore(data);
  const [entry] = await data.getState().loadFiles([file(name)]);
  await mapping.getState().settled();
  const scorecard = createScorecardStore({
    engine: async () => engine,
    tables: () => mapping.getState().scorecardTables(),
    today: () => '2024-06-01',
  });
  scorecard.setState({
    settings: { ...scorecard.getState().settings, grain: 'quarter', from: '2024-01-01', to: '2024-03-31' },
  });
  await scorecard.getState().refresh();
  return { entry, mapping, scorecard };
}

const CASES = [
  { file: 'hubspot-deals.csv', crm: 'HubSpot', winRate: 7 / 11, averageDeal: 65000 / 7 },
  { file: 'salesforce-opportunities.csv', crm: 'Salesforce', winRate: 4 / 7, averageDeal: 19000 },
  { file: 'pipedrive-deals.csv', crm: 'Pipedrive', winRate: 4 / 6, averageDeal: 4000 },
];

describe('CRM exports map onto deals on load and feed the scorecard', () => {
  for (const c of CASES) {
    it(`${c.file}: mapped by the ${c.crm} preset, win rate and average deal size by hand`, async () => {
      const { entry, mapping, scorecard } = await loadAndScore(c.file);
      const applied = mapping.getState().applied[entry.name];
      expect(applied?.auto?.crm).toBe(c.crm);
      expect(applied?.mapping.canonicalTable).toBe('deals');
      // The raw table stays as loaded beside the view.
      const raw = tableToRows(await engine.query(`SELECT COUNT(*) AS n FROM "${entry.name}"`));
      expect(raw[0].n).toBe(entry.rows);

      const st = scorecard.getState();
      expect(st.status, st.error ?? '').toBe('ready');
      const ids = st.kpis.map((k) => k.id);
      expect(ids).toContain('win_rate');
      expect(ids).toContain('average_deal_size');
      expect(st.periods.map((p) => p.start)).toEqual(['2024-01-01']);
      expect(st.series.win_rate[0]).toBeCloseTo(c.winRate, 12);
      expect(st.series.average_deal_size[0]).toBeCloseTo(c.averageDeal, 9);
    });
  }

  it('HubSpot by month: March is 3 won of 5 closed, 8000 on average', async () => {
    const { scorecard } = await loadAndScore('hubspot-deals.csv');
    await scorecard.getState().setGrain('month');
    const st = scorecard.getState();
    const at = (id: string, start: string) => st.series[id][st.periods.findIndex((p) => p.start === start)];
    expect(at('win_rate', '2024-01-01')).toBeCloseTo(2 / 3, 12);
    expect(at('win_rate', '2024-02-01')).toBeCloseTo(2 / 3, 12);
    expect(at('win_rate', '2024-03-01')).toBeCloseTo(0.6, 12);
    expect(at('average_deal_size', '2024-01-01')).toBe(8500);
    expect(at('average_deal_size', '2024-02-01')).toBe(12000);
    expect(at('average_deal_size', '2024-03-01')).toBe(8000);
  });
});
