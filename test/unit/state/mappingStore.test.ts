import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetsOf } from '../../../src/app/data/tableEntry';
import { emptyDocument } from '../../../src/core/model/document';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { tableToRows } from '../../../src/engine/rows';
import { createDataStore, type SourceFile } from '../../../src/state/dataStore';
import { mappingSlice } from '../../../src/state/mappingSlice';
import { createMappingStore } from '../../../src/state/mappingStore';

/** The mapping store over a data store on the Node engine: auto-mapping, edits, refusals, the document. */
let engine: Engine;

beforeAll(async () => {
  engine = await createNodeEngine();
}, 30_000);

afterAll(() => engine?.close());

const text = (name: string, body: string): SourceFile => {
  const bytes = new TextEncoder().encode(body);
  return { name, size: bytes.byteLength, read: async () => bytes };
};
const fixture = (name: string): SourceFile => {
  const bytes = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/crm', name)));
  return { name, size: bytes.byteLength, read: async () => bytes };
};

async function setup() {
  for (const r of tableToRows(
    await engine.query('SELECT table_name, table_type FROM information_schema.tables'),
  )) {
    if (String(r.table_name).startsWith('_')) continue;
    await engine.query(
      `DROP ${r.table_type === 'VIEW' ? 'VIEW' : 'TABLE'} IF EXISTS "${String(r.table_name)}"`,
    );
  }
  const data = createDataStore({ createEngine: async () => engine, importFile, demoFiles: () => [] });
  return { data, mapping: createMappingStore(data) };
}

describe('mapping store', () => {
  it('maps a HubSpot deals export on load, with the stage values sorted into won and lost', async () => {
    const { data, mapping } = await setup();
    const [t] = await data.getState().loadFiles([fixture('hubspot-deals.csv')]);
    await mapping.getState().settled();
    const a = mapping.getState().applied[t.name];
    expect(a.auto).toEqual({ crm: 'HubSpot', label: 'HubSpot deals' });
    expect(a.mapping.columns).toMatchObject({ deal_id: 'Record ID', amount: 'Amount', stage: 'Deal Stage' });
    expect(a.mapping.stageOutcomes).toEqual({ won: ['Closed Won'], lost: ['Closed Lost'] });
    const tables = mapping.getState().scorecardTables();
    expect(tables.map((x) => x.name)).toEqual(['deals']);
    expect(tables[0].columns.find((c) => c.name === 'won')?.kind).toBe('boolean');
    const won = tableToRows(await engine.query('SELECT COUNT(*) AS n FROM deals WHERE won'));
    expect(won[0].n).toBe(7);
  }, 30_000);

  it('does not auto-map a file no preset recognises', async () => {
    const { data, mapping } = await setup();
    await data.getState().loadFiles([text('sales.csv', 'Ref,Value,Opened,Phase\nA1,100,2024-01-02,Won\n')]);
    await mapping.getState().settled();
    expect(mapping.getState().applied).toEqual({});
  }, 30_000);

  it('applies a manual edit, and a table the user unmapped stays unmapped', async () => {
    const { data, mapping } = await setup();
    const [t] = await data.getState().loadFiles([fixture('pipedrive-deals.csv')]);
    await mapping.getState().settled();
    const draft = await mapping.getState().draft(t.name);
    expect(draft?.outcomeValues.sort()).toEqual(['lost', 'open', 'won']);
    const edited = { ...draft!.mapping, columns: { ...draft!.mapping.columns, source: 'Deal - Stage' } };
    expect(await mapping.getState().apply(t.name, edited)).toEqual([]);
    expect(mapping.getState().applied[t.name]).toMatchObject({
      auto: null,
      mapping: { columns: { source: 'Deal - Stage' } },
    });
    const sources = tableToRows(await engine.query('SELECT DISTINCT source FROM deals ORDER BY 1'));
    expect(sources.map((r) => r.source)).toContain('Negotiations Started');

    await mapping.getState().unmap(t.name);
    expect(mapping.getState().applied).toEqual({});
    expect(
      mapping
        .getState()
        .scorecardTables()
        .map((x) => x.name),
    ).toEqual([t.name]);
    await expect(engine.query('SELECT * FROM deals')).rejects.toThrow();
    expect(tableToRows(await engine.query(`SELECT COUNT(*) AS n FROM "${t.name}"`))[0].n).toBe(7);
  }, 30_000);

  it('refuses a mapping that cannot hold and says why', async () => {
    const { data, mapping } = await setup();
    const [t] = await data.getState().loadFiles([fixture('hubspot-deals.csv')]);
    await mapping.getState().settled();
    const before = mapping.getState().applied[t.name].mapping;
    const bad = { ...before, columns: { ...before.columns, amount: 'Deal Name' } };
    const problems = await mapping.getState().apply(t.name, bad);
    expect(problems).toContainEqual({
      target: 'deals.amount',
      severity: 'error',
      code: 'wrong-kind',
      params: {
        target: 'deals.amount',
        header: 'Deal Name',
        needs: 'number',
        holds: 'text',
        wonValues: false,
      },
      message: 'deals.amount needs numbers; column “Deal Name” holds text',
    });
    expect(mapping.getState().applied[t.name].mapping).toBe(before);

    const { deal_id: _id, ...withoutId } = before.columns;
    expect(
      mapping
        .getState()
        .check(t.name, { ...before, columns: withoutId })
        .map((p) => p.message),
    ).toContain('deals needs deal_id: choose the column that holds it');
  }, 30_000);

  it('saves mappings in the workbook document and makes the views again from it', async () => {
    const { data, mapping } = await setup();
    const [t] = await data.getState().loadFiles([fixture('salesforce-opportunities.csv')]);
    await mapping.getState().settled();
    const doc = emptyDocument('w');
    doc.datasets = datasetsOf(data.getState().tables);
    mappingSlice(mapping).contribute(doc);
    expect(doc.datasets[0].mapping).toMatchObject({
      canonicalTable: 'deals',
      columns: { stage: 'StageName' },
    });

    await engine.query('DROP VIEW deals');
    const fresh = createMappingStore(data);
    mappingSlice(fresh).adopt(doc);
    await fresh.getState().settled();
    expect(fresh.getState().applied[t.name].mapping).toEqual(doc.datasets[0].mapping);
    expect(tableToRows(await engine.query('SELECT COUNT(*) AS n FROM deals'))[0].n).toBe(9);
  }, 30_000);
});

describe('mapping store suggestions from names and values', () => {
  const corpus = (name: string): SourceFile => {
    const bytes = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/crm/corpus', name)));
    return { name, size: bytes.byteLength, read: async () => bytes };
  };

  it('suggests deals for a generic pipeline, with its key and start date, and leaves it to the user', async () => {
    const { data, mapping } = await setup();
    const [t] = await data.getState().loadFiles([corpus('pipeline-opportunities.csv')]);
    await mapping.getState().settled();
    expect(mapping.getState().applied[t.name]).toBeUndefined();
    const d = await mapping.getState().draft(t.name);
    expect(d?.suggestion.table).toBe('deals');
    expect(d?.suggestion.preset).toBeNull();
    expect(d?.suggestion.noGoodMatch).toBe(false);
    expect(d?.suggestion.confidence).toBeGreaterThan(0.9);
    expect(d?.mapping.columns).toMatchObject({
      deal_id: 'opportunity_id',
      created_at: 'engage_date',
      stage: 'deal_stage',
      owner: 'sales_agent',
      customer_id: 'account',
    });
    expect(d?.outcomes.won).toEqual(['Won']);
  }, 30_000);

  it('offers no good match for a weather table', async () => {
    const { data, mapping } = await setup();
    const [t] = await data.getState().loadFiles([corpus('weather-daily.csv')]);
    const d = await mapping.getState().draft(t.name);
    expect(d?.suggestion.noGoodMatch).toBe(true);
    expect(d?.suggestion.noneLikelihood).toBeGreaterThan(0.5);
  }, 30_000);
});
