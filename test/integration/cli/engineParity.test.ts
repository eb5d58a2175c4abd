import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../../src/cli/main';
import { readWorkbook, writeWorkbook } from '../../../src/workbook/workbookFile';

/**
 * The CLI computes the same numbers on native DuckDB as on DuckDB-WASM (the browser's):
 * the demo scorecard by week, month and whole range, in both calendars, and the published real-data
 * figures. Counts must be equal; other numbers may differ by 1e-12 relative (DuckDB may
 * add in a different order with more threads).
 */
const REAL = '../shared/real-data';
const TELCO = `telco=${REAL}/Telco-Customer-Churn.csv`;
const HR = `hr=${REAL}/WA_Fn-UseC_-HR-Employee-Attrition.csv`;
/** Grains and calendars run here; the dialect parity suite covers every grain on one engine pair. */
const CASES = [
  ['gregorian', 'week'],
  ['gregorian', 'month'],
  ['gregorian', 'total'],
  ['jalali', 'month'],
] as const;

const dir = mkdtempSync(join(tmpdir(), 'shakhes-parity-'));
const demo = { gregorian: 'samples/crm-demo.shakhes', jalali: join(dir, 'crm-demo-jalali.shakhes') };
beforeAll(() => {
  const { doc, data } = readWorkbook(readFileSync(demo.gregorian));
  writeFileSync(demo.jalali, writeWorkbook({ ...doc, calendar: 'jalali' }, data));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  expect(err.join('\n')).toBe('');
  expect(code).toBe(0);
  return JSON.parse(out.join('\n')) as unknown;
}

/** Every number found, with where it was, so a difference names its KPI and period. */
function numbers(value: unknown, path = '', into = new Map<string, number>()): Map<string, number> {
  if (typeof value === 'number') into.set(path, value);
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) numbers(v, `${path}[${i}]`, into);
  else if (value !== null && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) numbers(v, `${path}.${k}`, into);
  return into;
}

/** Same shape and text; each number equal when both are whole (counts), else within 1e-12 relative. */
function expectParity(native: unknown, wasm: unknown) {
  const strip = (v: unknown) => JSON.stringify(v, (_, x) => (typeof x === 'number' ? 0 : x));
  expect(strip(native)).toBe(strip(wasm));
  const n = numbers(native);
  let compared = 0;
  for (const [at, w] of numbers(wasm)) {
    const v = n.get(at) as number;
    if (Number.isInteger(v) && Number.isInteger(w)) expect(v, at).toBe(w);
    else expect(Math.abs(v - w), at).toBeLessThanOrEqual(1e-12 * Math.max(Math.abs(v), Math.abs(w)));
    compared++;
  }
  return compared;
}

async function onBoth(...argv: string[]) {
  const [native, wasm] = [await cli(...argv, '--engine', 'native'), await cli(...argv, '--engine', 'wasm')];
  return { native, wasm, compared: expectParity(native, wasm) };
}

describe('native and WASM engines give the same numbers', () => {
  it.each(CASES)(
    'the demo scorecard, %s, by %s',
    async (calendar, grain) => {
      const { native, compared } = await onBoth('run', demo[calendar], '--grain', grain, '--format', 'json');
      const kpis = (native as { kpis: { id: string; error?: unknown }[] }).kpis;
      expect(kpis.length).toBeGreaterThan(10);
      expect(kpis.filter((k) => k.error !== undefined)).toEqual([]);
      expect(compared).toBeGreaterThan(kpis.length);
    },
    180_000,
  );

  it('the Telco churn share and charges by contract', async () => {
    const { native } = await onBoth(
      'eval',
      '--data',
      TELCO,
      '--format',
      'json',
      '--kpi',
      'churn=COUNTIF(telco.Churn = "Yes") / COUNTROWS(telco)',
      '--kpi',
      'customers=COUNTROWS(telco)',
      '--kpi',
      'charges=SUM(telco.TotalCharges)',
      '--kpi',
      'monthly=AVERAGE(telco.MonthlyCharges)',
    );
    expect(JSON.stringify(native)).toContain('7043');
  }, 120_000);

  it('HR attrition by department', async () => {
    const by = ['--by', 'hr.Department', '--format', 'json'];
    const { native } = await onBoth(
      'eval',
      '--data',
      HR,
      ...by,
      'COUNTIF(hr.Attrition = "Yes") / COUNTROWS(hr)',
    );
    expect((native as { rows: unknown[] }).rows).toHaveLength(3);
  }, 120_000);
});
