import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { createDataStore, type SourceFile } from '../../../src/state/dataStore';
import { scorecardSlice } from '../../../src/state/scorecardSlice';
import { createScorecardStore, type ScorecardStore } from '../../../src/state/scorecardStore';
import { createWorkbookStore } from '../../../src/state/workbookStore';

const DEMO = ['deals', 'customers', 'surveys', 'orders'];
const demoPath = (table: string) => `samples/crm-demo/${table}.csv`;
const demoFile = (table: string): SourceFile => {
  const bytes = readFileSync(demoPath(table));
  return { name: `${table}.csv`, size: bytes.length, read: async () => bytes };
};

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface RunJson {
  title: string;
  settings: { grain: string };
  periods: { label: string }[];
  kpis: {
    id: string;
    target: number | null;
    periods: {
      period: string;
      value: number | null;
      vsPrevious: { change: number | null };
      vsLastYear: { change: number | null };
      vsTarget: { change: number | null };
      status: string;
    }[];
  }[];
}

let dir = '';
let withData = '';
let withoutData = '';
let scorecard: ScorecardStore;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shakhes-run-'));
  const data = createDataStore({ createEngine: createNodeEngine, importFile, demoFiles: () => [] });
  scorecard = createScorecardStore({
    engine: () => data.getState().engine(),
    tables: () => data.getState().tables,
  });
  const workbook = createWorkbookStore(data, 'Demo KPIs');
  workbook.getState().registerSlice(scorecardSlice(scorecard));
  await data.getState().loadFiles(DEMO.map(demoFile));
  await scorecard.getState().refresh();
  await scorecard.getState().setGrain('quarter');
  scorecard.getState().setTarget('win_rate', 0.5);
  withData = join(dir, 'demo.shakhes');
  withoutData = join(dir, 'demo-lite.shakhes');
  writeFileSync(withData, await workbook.getState().save({ embedData: true }));
  writeFileSync(withoutData, await workbook.getState().save({ embedData: false }));
});

/** The CLI's output against the scorecard store that saved the workbook. */
function expectSameAsStore(json: RunJson) {
  const s = scorecard.getState();
  expect(json.settings.grain).toBe('quarter');
  expect(json.periods.map((p) => p.label)).toEqual(s.periods.map((p) => p.label));
  expect(json.kpis.map((k) => k.id).sort()).toEqual(s.kpis.map((k) => k.id).sort());
  for (const k of json.kpis) {
    expect(k.periods.map((p) => p.value)).toEqual(s.series[k.id]);
    const latest = k.periods.at(-1);
    const e = s.evaluations[k.id];
    expect(latest?.status).toBe(e.status);
    expect(latest?.vsPrevious.change).toBe(e.previous.change);
    expect(latest?.vsLastYear.change).toBe(e.lastYear.change);
    expect(latest?.vsTarget.change).toBe(e.target.change);
  }
}

describe('shakhes run', () => {
  it('prints the scorecard of a workbook saved with its data, as the store computed it', async () => {
    const r = await cli('run', withData, '--format', 'json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out) as RunJson;
    expect(json.title).toBe('Demo KPIs');
    expectSameAsStore(json);
    const win = json.kpis.find((k) => k.id === 'win_rate');
    expect(win?.target).toBe(0.5);
    expect(win?.periods.some((p) => p.status !== 'none')).toBe(true);
  });

  it('takes the data of a workbook saved without it from --data, by table name or file name', async () => {
    const r = await cli(
      'run',
      withoutData,
      '--data',
      `deals=${demoPath('deals')}`,
      '--data',
      `customers=${demoPath('customers')}`,
      '--data',
      `x=${demoPath('surveys')}`,
      '--data',
      `orders.csv=${demoPath('orders')}`,
    );
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expectSameAsStore(JSON.parse(r.out) as RunJson);
  });

  it('prints each KPI over the whole range with --grain total, as the store computed it', async () => {
    const r = await cli('run', withData, '--grain', 'total', '--format', 'json');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const rows = (
      JSON.parse(r.out) as { kpis: { id: string; total: number | null; previous: number | null }[] }
    ).kpis;
    const { totals, kpis } = scorecard.getState();
    expect(rows.map((k) => k.id)).toEqual(kpis.map((k) => k.id));
    for (const k of rows) {
      expect(k.total).toBe(totals[k.id].value);
      expect(k.previous).toBe(totals[k.id].previous.base);
    }
    expect(rows.find((k) => k.id === 'win_rate')?.total).not.toBeNull();
  });

  it('exits 2 naming the data still needed', async () => {
    const r = await cli('run', withoutData, '--data', `deals=${demoPath('deals')}`);
    expect(r.code).toBe(2);
    expect(r.err).toContain('saved without its data');
    expect(r.err).toContain('customers');
    expect(r.err).toContain('--data surveys=PATH');
  });

  it('prints Markdown tables and CSV rows', async () => {
    const md = await cli('run', withData, '--format', 'md');
    expect(md.code).toBe(0);
    expect(md.out).toMatch(/^# Demo KPIs/);
    expect(md.out).toContain('| KPI | Period | Value | vs previous |');
    expect(md.out).toMatch(/\| Win rate \| \d{4}/);
    expect(md.out).toContain('## Every period');
    const csv = await cli('run', withData, '--format', 'csv');
    expect(csv.code).toBe(0);
    const lines = csv.out.split('\r\n');
    expect(lines[0]).toBe(
      'kpi,label,family,kind,unit,period,period_start,period_end,value,previous,change_vs_previous,last_year,change_vs_last_year,target,change_vs_target,benchmark,change_vs_benchmark,status,failure',
    );
    const s = scorecard.getState();
    expect(lines.length - 1).toBe(s.kpis.length * s.periods.length);
  });

  it.each([
    ['zip-slip-dotdot.shakhes', /outside the archive/],
    ['bomb-total.shakhes', /large|unpack|size/i],
    ['not-a-zip.shakhes', /not a|zip|workbook/i],
    ['newer-version.shakhes', /newer/i],
  ])('refuses the hostile fixture %s with exit 2 and its message', async (file, message) => {
    const r = await cli('run', `test/fixtures/workbooks/${file}`);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toMatch(/^error: /);
    expect(r.err).toMatch(message);
  });

  it('exits 2 on a missing file and on a bad format', async () => {
    expect((await cli('run', join(dir, 'nope.shakhes'))).code).toBe(2);
    const bad = await cli('run', withData, '--format', 'xml');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--format must be one of json, csv, md');
  });
});
