import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { createDataStore } from '../../../src/state/dataStore';
import { mappingSlice } from '../../../src/state/mappingSlice';
import { createMappingStore } from '../../../src/state/mappingStore';
import { createWorkbookStore } from '../../../src/state/workbookStore';

/**
 * `shakhes map` and `--map auto` over the labelled corpus: the suggestion printed is
 * the app's (canonical table, confidence, preset, columns, stage outcomes, warnings,
 * relationships), and eval/run compute catalog KPIs on it with no workbook.
 */
const C = 'test/fixtures/crm/corpus';
const OPP = `opp=${C}/pipeline-opportunities.csv`;
const ACCOUNTS = `acct=${C}/salesforce-accounts-report.csv`;
const SAAS = `sc=${C}/saas-customers.csv`;
const TICKETS = `tk=${C}/support-tickets.csv`;
const WEATHER = `w=${C}/weather-daily.csv`;

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface MapJson {
  tables: {
    name: string;
    file: string;
    table: string | null;
    confidence: number;
    preset: { crm: string; label: string } | null;
    columns: Record<string, string>;
    stages: { column: string; won: string[]; lost: string[]; open: string[] } | null;
    warnings: { severity: string; message: string }[];
    applies: boolean;
  }[];
  relationships: { from: string; to: string; via: string }[];
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'shakhes-map-'));
  // A companion file with nothing of its own to map: it is linked to customers by its column name.
  writeFileSync(join(dir, 'notes.csv'), 'customer_id,remark\nC301,called back\nC302,sent quote\n');
});

describe('shakhes map', () => {
  it('prints per file the table, confidence, columns, stage outcomes, warnings and the links found', async () => {
    const r = await cli(
      'map',
      '--data',
      OPP,
      '--data',
      SAAS,
      '--data',
      TICKETS,
      '--data',
      `notes=${dir}/notes.csv`,
      '--data',
      WEATHER,
      '--format',
      'json',
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as MapJson;
    const by = Object.fromEntries(j.tables.map((t) => [t.name, t]));
    expect(j.tables.map((t) => [t.name, t.table])).toEqual([
      ['opp', 'deals'],
      ['sc', 'customers'],
      ['tk', 'tickets'],
      ['notes', null],
      ['w', null],
    ]);
    // A generic pipeline: no preset, sure from its stage values and names.
    expect(by.opp.preset).toBeNull();
    expect(by.opp.confidence).toBeGreaterThanOrEqual(0.8);
    expect(by.opp.columns).toMatchObject({
      deal_id: 'opportunity_id',
      created_at: 'engage_date',
      stage: 'deal_stage',
      amount: 'close_value',
      owner: 'sales_agent',
    });
    expect(by.opp.stages).toEqual({
      column: 'deal_stage',
      won: ['Won'],
      lost: ['Lost'],
      open: ['Engaging', 'Prospecting'],
    });
    expect(by.opp.applies).toBe(true);
    expect(by.sc.columns).toMatchObject({ customer_id: 'customer_id', created_at: 'signup_date' });
    expect(by.sc.stages).toBeNull();
    // The ticket file has no creation date: suggested, not applied, and the warning says why.
    expect(by.tk.confidence).toBeGreaterThanOrEqual(0.6);
    expect(by.tk.columns).toMatchObject({ ticket_id: 'Ticket ID', priority: 'Ticket Priority' });
    expect(by.tk.applies).toBe(false);
    expect(by.tk.warnings).toContainEqual({
      target: 'tickets.created_at',
      severity: 'error',
      message: 'tickets needs created_at: choose the column that holds it',
    });
    // "No good match" is offered, with how sure the classifier is that nothing fits.
    expect(by.w.confidence).toBeGreaterThan(0.4);
    expect(by.w.columns).toEqual({});
    expect(j.relationships).toEqual([
      { from: 'deals.customer_id', to: 'customers.customer_id', via: 'model' },
      { from: 'notes.customer_id', to: 'customers.customer_id', via: 'values', found: 1 },
    ]);
  }, 120_000);

  it('names a recognised CRM export and prints headlines a person reads', async () => {
    const r = await cli('map', '--data', ACCOUNTS, '--data', OPP, '--data', WEATHER);
    expect(r.code).toBe(0);
    const lines = r.out.split('\n');
    expect(lines).toContain('acct (salesforce-accounts-report.csv, 30 rows): customers, 100 % sure');
    expect(lines).toContain('  recognised: Salesforce accounts (report export)');
    expect(lines).toContain('  customer_id ← Account ID');
    expect(lines).toContain('opp (pipeline-opportunities.csv, 50 rows): deals, 99 % sure');
    expect(lines).toContain('  stages (deal_stage): won Won; lost Lost; open Engaging, Prospecting');
    expect(lines.find((l) => l.startsWith('w (weather-daily.csv, 40 rows): '))).toMatch(
      /: no good match \(\d+ % sure none fits; closest \w+ \d+ %\)$/,
    );
    expect(lines.slice(-2)).toEqual([
      'relationships:',
      '  deals.customer_id → customers.customer_id (CRM model)',
    ]);
  }, 120_000);
});

describe('--map auto', () => {
  it('eval computes win rate and average won deal on the suggested mapping (25 won, 10 lost)', async () => {
    const r = await cli(
      'eval',
      '--data',
      OPP,
      '--data',
      WEATHER,
      '--map',
      'auto',
      '--format',
      'json',
      '--kpi',
      'win_rate=DIVIDE(COUNTIF(deals.won), COUNT(deals.won))',
      '--kpi',
      'avg_won=AVERAGEIF(deals.amount, deals.won)',
      '--kpi',
      'raw_won=COUNTIF(opp.deal_stage = "Won")',
    );
    expect(r.code).toBe(0);
    // The file that fits nothing stays as loaded, and stderr says so.
    expect(r.err).toBe('note: w (weather-daily.csv) was left unmapped: no canonical table fits it well.');
    const [row] = (JSON.parse(r.out) as { rows: Record<string, number>[] }).rows;
    expect(row.win_rate).toBeCloseTo(25 / 35, 12);
    // 90,190 won over 25 deals, summed by hand from the file.
    expect(row.avg_won).toBeCloseTo(90190 / 25, 9);
    // The file's own name and columns stay reachable next to the canonical ones.
    expect(row.raw_won).toBe(25);
  }, 120_000);

  it('without it, canonical names are unknown to eval', async () => {
    const r = await cli('eval', '--data', OPP, 'COUNTIF(deals.won)');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/deals/);
  });

  it('run needs no workbook: the catalog scorecard over fresh exports', async () => {
    const r = await cli('run', '--data', OPP, '--map', 'auto', '--format', 'json');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out) as {
      kpis: { id: string; periods: { period: string; value: number | null }[] }[];
    };
    const winRate = report.kpis.find((k) => k.id === 'win_rate');
    // Closed in October 2024: 1 won of 3; in September: 3 of 3 (counted by hand from close_date).
    const month = (p: string) => winRate?.periods.find((x) => x.period === p)?.value;
    expect(month('2024-10')).toBeCloseTo(1 / 3, 12);
    expect(month('2024-09')).toBe(1);
  }, 120_000);
});

/** A workbook saved without data over the pipeline file, its deals mapping applied in the app's stores or not. */
async function savedWorkbook(mapped: boolean): Promise<string> {
  const data = createDataStore({ createEngine: createNodeEngine, importFile, demoFiles: () => [] });
  const mapping = createMappingStore(data);
  const workbook = createWorkbookStore(data, mapped ? 'Mapped' : 'Unmapped');
  workbook.getState().registerSlice(mappingSlice(mapping));
  const bytes = readFileSync(`${C}/pipeline-opportunities.csv`);
  await data.getState().loadFiles([{ name: 'opp.csv', size: bytes.length, read: async () => bytes }]);
  if (mapped) {
    const draft = await mapping.getState().draft('opp');
    expect(await mapping.getState().apply('opp', draft!.mapping)).toEqual([]);
  }
  const path = join(dir, mapped ? 'mapped.shakhes' : 'unmapped.shakhes');
  writeFileSync(path, await workbook.getState().save({ embedData: false }));
  await (await data.getState().engine()).close();
  return path;
}

const octoberWinRate = (out: string) =>
  (JSON.parse(out) as { kpis: { id: string; periods: { period: string; value: number | null }[] }[] }).kpis
    .find((k) => k.id === 'win_rate')
    ?.periods.find((p) => p.period === '2024-10')?.value;

describe('run on a workbook', () => {
  it('applies the mapping the workbook saved, and --map auto maps a table it left unmapped', async () => {
    const mapped = await cli('run', await savedWorkbook(true), '--data', OPP, '--format', 'json');
    expect(mapped.err).toBe('');
    expect(mapped.code).toBe(0);
    expect(octoberWinRate(mapped.out)).toBeCloseTo(1 / 3, 12);
    const unmapped = await savedWorkbook(false);
    const auto = await cli('run', unmapped, '--data', OPP, '--map', 'auto', '--format', 'json');
    expect(auto.code).toBe(0);
    expect(octoberWinRate(auto.out)).toBeCloseTo(1 / 3, 12);
    // Without --map auto the raw table gives the catalog no deals, so no win rate.
    const raw = await cli('run', unmapped, '--data', OPP, '--format', 'json');
    expect(octoberWinRate(raw.out)).toBeUndefined();
    const alone = await cli('run', '--data', OPP, '--format', 'json');
    expect(alone.code).toBe(0);
    expect(alone.err).toBe(
      'note: no catalog KPI can be computed on these tables as loaded; add --map auto to map them.',
    );
  }, 240_000);
});

describe('bad arguments', () => {
  const usage = (err: string) => err.split('\n')[0];

  it('says what is wrong and exits 2', async () => {
    const cases: [string[], string][] = [
      [['map'], 'map needs at least one --data NAME=FILE.'],
      [['map', '--data', 'opp.csv'], '--data takes NAME=FILE (e.g. deals=deals.csv); got “opp.csv”.'],
      [['map', '--data', '=x.csv'], '--data takes NAME=FILE (e.g. deals=deals.csv); got “=x.csv”.'],
      [['map', '--data', 'x=no/such.csv'], 'no/such.csv: no such file.'],
      [['map', '--data', OPP, '--format', 'xml'], '--format must be one of json, table; got “xml”.'],
      [['map', '--data', OPP, 'extra'], 'map takes only options; got “extra”.'],
      [['map', '--data', OPP, '--map', 'auto'], 'Unknown option --map. Options: --data, --format.'],
      [['eval', '--data', OPP, '--map', 'yes', 'COUNTROWS(opp)'], '--map takes auto; got “yes”.'],
      [
        ['run', '--map', 'auto'],
        'run takes one workbook file (run sales.shakhes), or data files alone (run --data pipeline=export.csv --map auto).',
      ],
      [['map', '--data', `d=${dir}`], `${dir}: cannot be read (EISDIR).`],
    ];
    for (const [argv, message] of cases) {
      const r = await cli(...argv);
      expect({ argv, code: r.code, first: usage(r.err) }).toEqual({ argv, code: 2, first: message });
      expect(r.out).toBe('');
    }
    // No case gets as far as starting the engine: each is answered before it.
  });

  it('a file that cannot be parsed names the file and the line', async () => {
    const bad = await cli('map', '--data', 'r=test/fixtures/ragged.csv');
    expect(bad.code).toBe(2);
    expect(bad.err).toBe('error: ragged.csv could not be read: line 4 has 5 fields, but the header has 3.');
  });
});
