import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datasetsOf } from '../../../src/app/data/tableEntry';
import { createLinkMeasures, detectLinks } from '../../../src/app/mapping/mappingLinks';
import type { ColumnKind } from '../../../src/core/model/columnKind';
import { emptyDocument } from '../../../src/core/model/document';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { tableToRows } from '../../../src/engine/rows';
import { createDataStore, type SourceFile } from '../../../src/state/dataStore';
import { mappingSlice } from '../../../src/state/mappingSlice';
import { createMappingStore, type MappingStore } from '../../../src/state/mappingStore';
import { createScorecardStore } from '../../../src/state/scorecardStore';
import { notingEngine } from '../../helpers/notingEngine';

/**
 * Links between loaded tables found by name and confirmed by values on the real
 * engine, the file's own columns reachable after mapping, and breakdowns through
 * a link (test/fixtures/links/README.md has the hand-computed values).
 */
let engine: Engine;

beforeAll(async () => {
  engine = await createNodeEngine();
});

afterAll(() => engine?.close());

const fixture = (name: string): SourceFile => {
  const bytes = new Uint8Array(readFileSync(join(__dirname, '../../fixtures/links', name)));
  return { name, size: bytes.byteLength, read: async () => bytes };
};

async function dropAll() {
  for (const r of tableToRows(
    await engine.query('SELECT table_name, table_type FROM information_schema.tables'),
  )) {
    if (String(r.table_name).startsWith('_')) continue;
    await engine.query(
      `DROP ${r.table_type === 'VIEW' ? 'VIEW' : 'TABLE'} IF EXISTS "${String(r.table_name)}"`,
    );
  }
}

async function setup(...files: string[]) {
  await dropAll();
  const data = createDataStore({ createEngine: async () => engine, importFile, demoFiles: () => [] });
  const mapping = createMappingStore(data);
  await data.getState().loadFiles(files.map(fixture));
  await mapping.getState().settled();
  return { data, mapping };
}

/** Maps `raw` onto `table` from the app's own suggestion, as the user's one confirmation would. */
async function mapAs(mapping: MappingStore, raw: string, table: 'deals' | 'tickets') {
  const draft = await mapping.getState().draft(raw, table);
  if (draft === null) throw new Error(`${raw} is not loaded`);
  const problems = await mapping.getState().apply(raw, draft.mapping);
  expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
  await mapping.getState().settled();
  return draft.mapping;
}

function scorecardOver(mapping: MappingStore) {
  const scorecard = createScorecardStore({
    engine: async () => engine,
    tables: () => mapping.getState().scorecardTables(),
    relationships: () => mapping.getState().links(),
    today: () => '2024-12-31',
  });
  scorecard.setState({
    settings: { ...scorecard.getState().settings, grain: 'year', from: '2024-01-01', to: '2024-12-31' },
  });
  return scorecard;
}

/** A table as the scorecard sees it, from column name → kind. */
const table = (name: string, columns: Record<string, ColumnKind>) => ({
  name,
  columns: Object.entries(columns).map(([column, kind]) => ({ name: column, kind })),
});

const text = (ends: { fromTable: string; fromColumn: string; toTable: string; toColumn: string }) =>
  `${ends.fromTable}.${ends.fromColumn} -> ${ends.toTable}.${ends.toColumn}`;

describe('every column of a mapped file stays reachable', () => {
  it('a formula over a raw column of a mapped tickets file gives the hand-computed value', async () => {
    const { mapping } = await setup('support-tickets.csv');
    // The suggestion takes the rating for a customer key (the name says customer); even
    // a mapped header stays reachable under its own name, with its own type.
    const m = await mapAs(mapping, 'support_tickets', 'tickets');
    expect(m.columns.ticket_id).toBe('Ticket ID');
    const [view] = mapping.getState().scorecardTables();
    expect(view.name).toBe('tickets');
    expect(view.columns.map((c) => c.name)).toEqual(
      expect.arrayContaining(['ticket_id', 'created_at', 'Customer Satisfaction Rating', 'Status']),
    );
    const scorecard = scorecardOver(mapping);
    const { id, diagnostics } = await scorecard
      .getState()
      .addKpi({ label: 'CSAT', formula: 'AVERAGE(tickets.[Customer Satisfaction Rating])' });
    expect(diagnostics).toEqual([]);
    await scorecard.getState().refresh();
    expect(scorecard.getState().series[id as string]).toEqual([3.5]);
  });
});

describe('links found by name and values', () => {
  it('links the pipeline to its accounts file, and breaks win rate down by the accounts industry', async () => {
    const { mapping } = await setup('pipeline.csv', 'accounts.csv');
    // Before mapping: the raw tables are linked already.
    expect(mapping.getState().detected.map(text)).toEqual(['pipeline.Account ID -> accounts.Account ID']);
    expect(mapping.getState().detected[0].foundShare).toBe(1);

    await mapAs(mapping, 'pipeline', 'deals');
    // After mapping: the same link from the view, which kept the raw Account ID column.
    expect(mapping.getState().links().map(text)).toEqual(['deals.Account ID -> accounts.Account ID']);

    const scorecard = scorecardOver(mapping);
    await scorecard.getState().addCatalogKpi('win_rate');
    await scorecard.getState().setBreakdown('accounts.Industry');
    const segments = Object.fromEntries(
      scorecard.getState().segments.win_rate.map((s) => [s.segment, s.value]),
    );
    expect(segments).toEqual({ Retail: 0.75, Software: 1, Health: 0.5, '': 1 });
  });

  it("shows the segments of the grid's latest period, not of a month the data has not finished", async () => {
    const { mapping } = await setup('pipeline.csv', 'accounts.csv');
    await mapAs(mapping, 'pipeline', 'deals');
    const scorecard = scorecardOver(mapping);
    // The range is left to the data, which ends on 10 April: the grid's latest month is March.
    scorecard.setState({
      settings: { ...scorecard.getState().settings, grain: 'month', from: null, to: null },
    });
    await scorecard.getState().addCatalogKpi('win_rate');
    await scorecard.getState().setBreakdown('accounts.Industry');
    expect(scorecard.getState().periods.at(-1)?.start).toBe('2024-03-01');
    const segments = Object.fromEntries(
      scorecard.getState().segments.win_rate.map((s) => [s.segment, s.value]),
    );
    // March: D04 (Retail), D05 (Health) and D06 (Software) won, none without an account;
    // April's losses are not in it.
    expect(segments).toEqual({ Retail: 1, Health: 1, Software: 1, '': null });
  });

  it('a link declared once holds in raw or canonical names, through mapping, unmapping and a reopen', async () => {
    const { data, mapping } = await setup('pipeline.csv', 'accounts.csv');
    // Declared on the raw table before it is mapped…
    mapping.getState().declare({
      fromTable: 'pipeline',
      fromColumn: 'Account ID',
      toTable: 'accounts',
      toColumn: 'Account ID',
    });
    const m = await mapAs(mapping, 'pipeline', 'deals');
    expect(mapping.getState().links().map(text)).toContain('deals.Account ID -> accounts.Account ID');
    // …and again in canonical names after: kept once, in the raw names.
    const canonicalFrom = Object.entries(m.columns).find(([, h]) => h === 'Owner')?.[0] ?? 'owner';
    mapping.getState().declare({
      fromTable: 'deals',
      fromColumn: canonicalFrom,
      toTable: 'accounts',
      toColumn: 'Account Name',
    });
    expect(mapping.getState().relationships).toEqual([
      { fromTable: 'pipeline', fromColumn: 'Account ID', toTable: 'accounts', toColumn: 'Account ID' },
      { fromTable: 'pipeline', fromColumn: 'Owner', toTable: 'accounts', toColumn: 'Account Name' },
    ]);
    expect(mapping.getState().links().map(text)).toEqual([
      'deals.Account ID -> accounts.Account ID',
      `deals.${canonicalFrom} -> accounts.Account Name`,
    ]);

    // Saved and opened again: the views are made again and the links resolve the same.
    const doc = emptyDocument('w');
    doc.datasets = datasetsOf(data.getState().tables);
    mappingSlice(mapping).contribute(doc);
    const reopened = createMappingStore(data);
    mappingSlice(reopened).adopt(doc);
    await reopened.getState().settled();
    expect(reopened.getState().links().map(text)).toEqual(mapping.getState().links().map(text));

    // Unmapped, the raw table is back under its own name, and so is the link.
    await mapping.getState().unmap('pipeline');
    await mapping.getState().settled();
    expect(mapping.getState().links().map(text)).toContain('pipeline.Account ID -> accounts.Account ID');
  });
});

describe('a link between keys of different kinds', () => {
  it('joins a text key to a numeric one, as text', async () => {
    await dropAll();
    await engine.query(
      "CREATE TABLE deals AS SELECT * FROM (VALUES ('d1', '7', DATE '2024-01-05', 10.0), ('d2', '8', DATE '2024-01-09', 20.0), ('d3', '7', DATE '2024-02-01', 5.0), ('d4', 'x9', DATE '2024-03-01', 1.0)) v(deal_id, customer_id, created_at, amount)",
    );
    await engine.query(
      "CREATE TABLE customers AS SELECT * FROM (VALUES (7, 'SMB'), (8, 'Enterprise')) v(customer_id, segment)",
    );
    const tables = [
      table('deals', { deal_id: 'text', customer_id: 'text', created_at: 'date', amount: 'number' }),
      table('customers', { customer_id: 'number', segment: 'text' }),
    ];
    const scorecard = createScorecardStore({
      engine: async () => engine,
      tables: () => tables,
      today: () => '2024-12-31',
    });
    scorecard.setState({
      settings: { ...scorecard.getState().settings, grain: 'year', from: '2024-01-01', to: '2024-12-31' },
    });
    const { id } = await scorecard.getState().addKpi({ label: 'Amount', formula: 'SUM(deals.amount)' });
    await scorecard.getState().setBreakdown('customers.segment');
    expect(scorecard.getState().failures).toEqual({});
    const segments = Object.fromEntries(
      scorecard.getState().segments[id as string].map((s) => [s.segment, s.value]),
    );
    // x9 is no number: compared as numbers, the engine would refuse the whole query.
    expect(segments).toEqual({ SMB: 15, Enterprise: 20, '': 1 });
  });
});

describe('the value check on the engine', () => {
  const tables = [table('sales', { region: 'text' }), table('regions', { region: 'text' })];
  /** 20 distinct regions in sales (each 5 times); regions holds the first `held`, each `copies` times. */
  async function regions(held: number, copies = 1) {
    await dropAll();
    await engine.query("CREATE TABLE sales AS SELECT 'r' || (i % 20) AS region FROM range(100) t(i)");
    await engine.query(
      `CREATE TABLE regions AS SELECT 'r' || i AS region FROM range(${held}) t(i), range(${copies}) c(j)`,
    );
    return (await detectLinks(engine, tables)).map(text);
  }

  it('links from 90 % of the values found, not at 85 %', async () => {
    expect(await regions(18)).toEqual(['sales.region -> regions.region']);
    expect(await regions(17)).toEqual([]);
  });

  it('needs the other column unique', async () => {
    expect(await regions(20, 2)).toEqual([]);
  });

  it('measures a pair of loaded tables once, and a table read again anew', async () => {
    await regions(18);
    const { engine: counting, queries } = notingEngine(engine);
    const measures = createLinkMeasures();
    expect((await detectLinks(counting, tables, [], measures)).map(text)).toEqual([
      'sales.region -> regions.region',
    ]);
    const measured = queries.length;
    expect(measured).toBeGreaterThan(0);
    // Looked for again after another table loads: the same tables cost no query.
    expect((await detectLinks(counting, tables, [], measures)).map(text)).toEqual([
      'sales.region -> regions.region',
    ]);
    expect(queries).toHaveLength(measured);
    // regions read again with 17 of the 20 (a new entry): measured again, and no longer a link.
    await engine.query("DELETE FROM regions WHERE region = 'r17'");
    const reread = [tables[0], table('regions', { region: 'text' })];
    expect(await detectLinks(counting, reread, [], measures)).toEqual([]);
    expect(queries.length).toBeGreaterThan(measured);
  });

  it('measures each column pointed at once per table, and no pair pointing at one that is not unique', async () => {
    await dropAll();
    // Both fact tables name the region; regions lists each one twice. Every candidate points
    // at a column that is not unique: sales and returns at regions, and each at the other.
    await engine.query("CREATE TABLE sales AS SELECT 'r' || (i % 20) AS region FROM range(100) t(i)");
    await engine.query("CREATE TABLE returns AS SELECT 'r' || (i % 20) AS region FROM range(60) t(i)");
    await engine.query(
      "CREATE TABLE regions AS SELECT 'r' || i AS region FROM range(20) t(i), range(2) c(j)",
    );
    const three = [...tables, table('returns', { region: 'text' })];
    const { engine: counting, queries } = notingEngine(engine);
    expect(await detectLinks(counting, three)).toEqual([]);
    // One query per table pointed at, none per pair.
    expect(queries).toHaveLength(3);
    expect(queries.filter((q) => q.includes(' AS found'))).toEqual([]);
  });

  it('stays quick on a million rows', async () => {
    await dropAll();
    await engine.query(
      'CREATE TABLE deals AS SELECT i AS deal_id, i % 5000 AS customer_id, i * 1.5 AS amount FROM range(1000000) t(i)',
    );
    await engine.query('CREATE TABLE customers AS SELECT i AS customer_id FROM range(5000) t(i)');
    const big = [
      table('deals', { deal_id: 'number', customer_id: 'number' }),
      table('customers', { customer_id: 'number' }),
    ];
    const started = performance.now();
    const found = await detectLinks(engine, big);
    const ms = performance.now() - started;
    console.log(`links over 1M deals rows: ${ms.toFixed(0)} ms`);
    expect(found.map(text)).toEqual(['deals.customer_id -> customers.customer_id']);
  });
});
