import { writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { createDataStore } from '../../../src/state/dataStore';
import { scorecardSlice } from '../../../src/state/scorecardSlice';
import { createScorecardStore } from '../../../src/state/scorecardStore';
import { createWorkbookStore } from '../../../src/state/workbookStore';

/**
 * `shakhes run` on a workbook with a KPI the engine refuses at run time: the failure is
 * in every format's output with exit status 0; only a scorecard where nothing computed
 * exits 2. `sales` is not a canonical table, so the workbook holds only these KPIs.
 */
const SALES = [
  'deal_id,created_on,amount,stage',
  '1,2024-01-05,100,Won',
  '2,2024-01-20,300,Lost',
  '3,2024-02-10,50,Won',
  '4,2024-03-03,250,Won',
  '5,2024-03-15,200,Lost',
].join('\n');
const REFUSED = 'Out of Range Error: STDDEV_SAMP is out of range!';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

interface RunJson {
  failures: { id: string; label: string; message: string }[];
  kpis: { id: string; failure: string | null; periods: { value: number | null }[] }[];
}

let oneBad = '';
let allBad = '';

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'shakhes-run-failures-'));
  const data = createDataStore({ createEngine: createNodeEngine, importFile, demoFiles: () => [] });
  const scorecard = createScorecardStore({
    engine: () => data.getState().engine(),
    tables: () => data.getState().tables,
  });
  const workbook = createWorkbookStore(data, 'Sales');
  workbook.getState().registerSlice(scorecardSlice(scorecard));
  const bytes = new TextEncoder().encode(SALES);
  await data.getState().loadFiles([{ name: 'sales.csv', size: bytes.length, read: async () => bytes }]);
  const sc = () => scorecard.getState();
  await sc().refresh();
  await sc().setRange('2024-01-01', '2024-03-31');
  // Passes the checker; the engine's STDDEV_SAMP overflows on these amounts.
  for (const [label, formula] of [
    ['Revenue', 'SUM(sales.amount)'],
    ['Spread', 'STDEV(sales.amount ^ 300)'],
    ['Deals', 'COUNTROWS(sales)'],
  ]) {
    expect((await sc().addKpi({ label, formula })).diagnostics).toEqual([]);
  }
  expect(Object.keys(sc().failures)).toEqual(['spread']);
  oneBad = join(dir, 'one-bad.shakhes');
  writeFileSync(oneBad, await workbook.getState().save({ embedData: true }));
  await sc().removeKpi('revenue');
  await sc().removeKpi('deals');
  await sc().addKpi({ label: 'Spread more', formula: 'STDEV(sales.amount ^ 310)' });
  expect(Object.keys(sc().failures).sort()).toEqual(['spread', 'spread_more']);
  allBad = join(dir, 'all-bad.shakhes');
  writeFileSync(allBad, await workbook.getState().save({ embedData: true }));
}, 120_000);

describe('shakhes run with a KPI that fails', () => {
  it('JSON: exit 0, the others computed, the failure listed with the engine’s message', async () => {
    const r = await cli('run', oneBad, '--format', 'json');
    expect(r.code).toBe(0);
    expect(r.err).toBe('warning: 1 of 3 KPIs could not be computed (spread); see the report.');
    const json = JSON.parse(r.out) as RunJson;
    const message = `the engine refused it: ${REFUSED}`;
    expect(json.failures).toEqual([{ id: 'spread', label: 'Spread', message }]);
    const byId = new Map(json.kpis.map((k) => [k.id, k]));
    // By hand: January 100 + 300, February 50, March 250 + 200.
    expect(byId.get('revenue')?.periods.map((p) => p.value)).toEqual([400, 50, 450]);
    expect(byId.get('deals')?.periods.map((p) => p.value)).toEqual([2, 1, 2]);
    expect(byId.get('revenue')?.failure).toBeNull();
    expect(byId.get('spread')?.failure).toBe(message);
    expect(byId.get('spread')?.periods.map((p) => p.value)).toEqual([null, null, null]);
  });

  it('Markdown and CSV list the failure too', async () => {
    const md = await cli('run', oneBad, '--format', 'md');
    expect(md.code).toBe(0);
    expect(md.out).toContain(
      `## Could not be computed\n\n- **Spread** (spread): the engine refused it: ${REFUSED}\n`,
    );
    expect(md.out).toMatch(/\| Spread \| 2024-03 \| — \|.*\| ✕ Failed \|/);
    expect(md.out).toMatch(/\| Revenue \| 2024-03 \| 450 \|/);
    const csv = await cli('run', oneBad, '--format', 'csv');
    expect(csv.code).toBe(0);
    const lines = csv.out.split('\r\n');
    expect(lines[0]).toMatch(/,status,failure$/);
    const spread = lines.filter((l) => l.startsWith('spread,'));
    expect(spread).toHaveLength(3);
    for (const l of spread) expect(l).toMatch(new RegExp(`,none,the engine refused it: ${REFUSED}$`));
    expect(lines.filter((l) => l.startsWith('revenue,')).map((l) => l.split(',')[8])).toEqual([
      '400',
      '50',
      '450',
    ]);
  });

  it('exits 2 when no KPI could be computed, still listing each failure', async () => {
    const r = await cli('run', allBad, '--format', 'json');
    expect(r.code).toBe(2);
    expect(r.err).toBe('error: 2 of 2 KPIs could not be computed (spread, spread_more); see the report.');
    const json = JSON.parse(r.out) as RunJson;
    expect(json.failures.map((f) => f.id)).toEqual(['spread', 'spread_more']);
    expect(json.failures[1].message).toBe(`the engine refused it: ${REFUSED}`);
  });
});
