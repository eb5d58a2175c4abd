import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetsOf } from '../../../src/app/data/tableEntry';
import { compileScorecard } from '../../../src/core/formula/compile';
import { availability } from '../../../src/core/kpi/availability';
import { canonicalSchema } from '../../../src/core/kpi/canonicalSchema';
import { catalogKpi } from '../../../src/core/kpi/catalog';
import { emptyDocument, parseDocument } from '../../../src/core/model/document';
import type { TableMapping } from '../../../src/core/model/mapping';
import { mappedColumns } from '../../../src/core/model/mappingView';
import { duckdb } from '../../../src/core/sql/dialects/registry';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { tableToRows } from '../../../src/engine/rows';
import { runScorecard } from '../../../src/engine/scorecardRun';
import { createDataStore } from '../../../src/state/dataStore';
import { mappingSlice } from '../../../src/state/mappingSlice';
import { createMappingStore } from '../../../src/state/mappingStore';

/**
 * An ad-campaign export with no channel column: every row is one Facebook campaign
 * day. January: spend 100 + 50, 10 + 5 leads, 40 + 20 clicks of 1000 + 1000
 * impressions; February: spend 30, 3 leads, 6 clicks of 600 impressions.
 */
const ADS = [
  'Day,Campaign,Amount Spent,Results,Link Clicks,Impressions',
  '2024-01-03,fb_spring,100,10,40,1000',
  '2024-01-20,ig_story,50,5,20,1000',
  '2024-02-07,fb_spring,30,3,6,600',
].join('\n');

const base: TableMapping = {
  canonicalTable: 'marketing',
  columns: {
    date: 'Day',
    spend: 'Amount Spent',
    leads: 'Results',
    clicks: 'Link Clicks',
    impressions: 'Impressions',
    campaign: 'Campaign',
  },
};

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(() => engine?.close());

async function loaded() {
  for (const r of tableToRows(
    await engine.query('SELECT table_name, table_type FROM information_schema.tables'),
  )) {
    if (String(r.table_name).startsWith('_')) continue;
    await engine.query(
      `DROP ${r.table_type === 'VIEW' ? 'VIEW' : 'TABLE'} IF EXISTS "${String(r.table_name)}"`,
    );
  }
  const data = createDataStore({ createEngine: async () => engine, importFile, demoFiles: () => [] });
  const mapping = createMappingStore(data);
  const bytes = new TextEncoder().encode(ADS);
  await data.getState().loadFiles([{ name: 'ads.csv', size: bytes.byteLength, read: async () => bytes }]);
  await mapping.getState().settled();
  return { data, mapping };
}

/** The marketing KPIs by month and channel, over the canonical view. */
async function byChannel(m: TableMapping) {
  const kpis = ['marketing_spend', 'cost_per_lead', 'ad_ctr'].map((id) => catalogKpi(id)!);
  const present = mappedColumns(m);
  for (const k of kpis) expect(availability(k, present), k.id).toEqual({ available: true });
  const compiled = compileScorecard({
    dialect: duckdb,
    kpis,
    schema: canonicalSchema(present),
    grain: 'month',
    from: '2024-01-01',
    to: '2024-02-29',
    today: '2024-06-01',
    breakdown: { table: 'marketing', column: 'channel' },
  });
  expect(compiled.diagnostics.map((d) => d.message)).toEqual([]);
  const rows = await runScorecard(engine, compiled);
  return rows
    .filter((r) => r.range === null && r.by !== null)
    .map((r) => ({ month: r.periodStart, channel: r.by, ...r.values }));
}

describe('a required column the file lacks', () => {
  it('set to a constant: channel = Facebook gives the marketing KPIs by channel', async () => {
    const { mapping } = await loaded();
    const m: TableMapping = { ...base, computed: { channel: { constant: 'Facebook' } } };
    expect(await mapping.getState().apply('ads', m)).toEqual([]);
    expect(await byChannel(m)).toEqual([
      { month: '2024-01-01', channel: 'Facebook', marketing_spend: 150, cost_per_lead: 10, ad_ctr: 0.03 },
      { month: '2024-02-01', channel: 'Facebook', marketing_spend: 30, cost_per_lead: 10, ad_ctr: 0.01 },
    ]);
  });

  it('derived by a formula over another column: one channel per campaign prefix', async () => {
    const { mapping } = await loaded();
    const m: TableMapping = {
      ...base,
      computed: { channel: { formula: 'IF(CONTAINS(Campaign, "ig_"), "Instagram", "Facebook")' } },
    };
    expect(await mapping.getState().apply('ads', m)).toEqual([]);
    const rows = await byChannel(m);
    expect(rows.find((r) => r.month === '2024-01-01' && r.channel === 'Instagram')).toMatchObject({
      marketing_spend: 50,
      cost_per_lead: 10,
      ad_ctr: 0.02,
    });
    expect(rows.find((r) => r.month === '2024-01-01' && r.channel === 'Facebook')).toMatchObject({
      marketing_spend: 100,
      ad_ctr: 0.04,
    });
  });

  it('a hostile constant is stored and shown as the text it is; the raw table stays', async () => {
    const { mapping } = await loaded();
    const hostile = 'x\'); DROP TABLE ads; --\nفیس‌بوک "q"';
    const m: TableMapping = { ...base, computed: { channel: { constant: hostile } } };
    expect(await mapping.getState().apply('ads', m)).toEqual([]);
    const rows = tableToRows(await engine.query('SELECT DISTINCT channel FROM marketing'));
    expect(rows).toEqual([{ channel: hostile }]);
    expect(tableToRows(await engine.query('SELECT COUNT(*) AS n FROM ads'))[0].n).toBe(3);
  });

  it('a refused formula says where, and nothing is applied', async () => {
    const { mapping } = await loaded();
    const m: TableMapping = { ...base, computed: { channel: { formula: 'UPPER(Campain)' } } };
    const problems = await mapping.getState().apply('ads', m);
    expect(problems.map((p) => p.message)).toEqual([
      'marketing.channel: at character 7 of the formula: no KPI or column `Campain` in ads; did you mean `Campaign`?',
    ]);
    expect(mapping.getState().applied.ads).toBeUndefined();
  });

  it('is saved in the workbook and made again on open', async () => {
    const { data, mapping } = await loaded();
    const m: TableMapping = {
      ...base,
      computed: { channel: { formula: 'IF(CONTAINS(Campaign, "ig_"), "Instagram", "Facebook")' } },
    };
    await mapping.getState().apply('ads', m);
    const doc = emptyDocument('w');
    doc.datasets = datasetsOf(data.getState().tables);
    mappingSlice(mapping).contribute(doc);
    // Through JSON and the document schema, as a saved file is read.
    const parsed = parseDocument(JSON.parse(JSON.stringify(doc)));
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.doc.datasets[0].mapping?.computed).toEqual(m.computed);
    await engine.query('DROP VIEW marketing');
    const reopened = createMappingStore(data);
    mappingSlice(reopened).adopt(parsed.doc);
    await reopened.getState().settled();
    expect(reopened.getState().applied.ads.mapping.computed).toEqual(m.computed);
    const rows = tableToRows(
      await engine.query('SELECT channel, COUNT(*) AS n FROM marketing GROUP BY 1 ORDER BY 1'),
    );
    expect(rows).toEqual([
      { channel: 'Facebook', n: 2 },
      { channel: 'Instagram', n: 1 },
    ]);
  });
});
