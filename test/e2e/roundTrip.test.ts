import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli/main';
import { parseDelimitedText } from '../../src/core/ingest/delimited';
import { type Browser, eventually, importsSettled, SCREENSHOTS, SLOW_LOAD, startBrowser } from './harness';

/** The scorecard exported as CSV: every KPI's value in every period, keyed by KPI label. */
async function scorecardValues(page: Page, name: string): Promise<Map<string, (number | null)[]>> {
  await eventually(() => page.locator('.sc-status [data-kpi-count]').count(), SLOW_LOAD).toBe(1);
  await page.getByRole('button', { name: 'Export scorecard' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    page.locator('.export-popover [data-export="csv"]').click(),
  ]);
  const path = join(SCREENSHOTS, name);
  await download.saveAs(path);
  const { rows } = parseDelimitedText(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''), ',');
  const FIXED = 13;
  const out = new Map<string, (number | null)[]>();
  for (const cells of rows)
    out.set(
      cells[1],
      cells.slice(FIXED).map((c) => (c === '' ? null : Number(c))),
    );
  return out;
}

describe('a workbook saved in Chromium', () => {
  let a: Browser;
  let b: Browser;
  beforeAll(async () => {
    [a, b] = await Promise.all([startBrowser(), startBrowser()]);
  });
  afterEach(async (ctx) => {
    await a.check(ctx);
    await b.check(ctx);
  });
  afterAll(async () => {
    await a?.close();
    await b?.close();
  });

  it('reopens in a fresh profile and in the CLI with identical numbers', { timeout: 300_000 }, async () => {
    const page = await a.open();
    await importsSettled(page);
    const before = await scorecardValues(page, 'round-trip-before.csv');
    expect(before.size).toBeGreaterThanOrEqual(30);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save', exact: true }).click(),
    ]);
    const file = join(SCREENSHOTS, 'round-trip-demo.shakhes');
    await download.saveAs(file);

    const other = await b.open('?demo=0');
    await other.getByLabel('Open a Shakhes workbook (.shakhes)').setInputFiles(file);
    await importsSettled(other, ['deals', 'customers']);
    await other.getByRole('tab', { name: 'Scorecard' }).click();
    const after = await scorecardValues(other, 'round-trip-after.csv');
    expect([...after.keys()]).toEqual([...before.keys()]);
    for (const [label, values] of before) expect(after.get(label), label).toEqual(values);

    const out: string[] = [];
    const code = await runCli(['run', file, '--format', 'json'], {
      out: (s) => out.push(s),
      err: () => undefined,
    });
    expect(code).toBe(0);
    const report = JSON.parse(out.join('\n')) as {
      kpis: { label: string; periods: { value: number | null }[] }[];
    };
    const cli = new Map(report.kpis.map((k) => [k.label, k.periods.map((p) => p.value)]));
    for (const [label, values] of before) {
      const fromCli = cli.get(label);
      expect(fromCli, label).toBeDefined();
      expect(fromCli?.length, label).toBe(values.length);
      fromCli?.forEach((v, i) => {
        if (v === null || values[i] === null) expect([label, i, v]).toEqual([label, i, values[i]]);
        else expect(v, `${label} #${i}`).toBeCloseTo(values[i] as number, 9);
      });
    }
  });
});
