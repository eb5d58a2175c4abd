import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineWorker } from './engineWorker';
import { type Browser, chooseFiles, eventually, importsSettled, ROOT, startBrowser } from './harness';

/**
 * Issue 16: past the tab's memory limit the Scorecard showed no grid and no message for 15
 * minutes, the tab idle. DuckDB-WASM's AsyncDuckDB answers its worker failing (an `error`
 * event) by forgetting every pending request without settling it, so whatever was waiting on
 * the engine, and everything queued behind it, waited for ever. Here the real engine worker
 * fails with a query in flight, as it does at the limit: the query, the scorecard run queued
 * after it and every later one must say that the engine stopped and to use `shakhes serve`.
 */
const ENDLESS = 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) AS n FROM t';
const STOPPED = /^The browser tab ran out of memory and its DuckDB-WASM engine stopped.*“shakhes serve”/;
const STOPPED_FA = /DuckDB\u2011WASM.*از کار ایستاد.*shakhes serve/;

describe('the browser engine’s worker failing', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterAll(() => b?.close());

  const cells = (page: Page) => page.locator('.nb-cell');

  it('fails the query in flight and every later one with the message, in en and fa; the workbook stays', async () => {
    const page = await b.open('?demo=0');
    await chooseFiles(page, [join(ROOT, 'samples/crm-demo/deals.csv')]);
    await importsSettled(page, ['deals']);
    await page.getByRole('tab', { name: 'Scorecard' }).click();
    await eventually(() => page.locator('.sc-status [data-kpi-count]').count(), 200_000).toBe(1);
    const kpis = await page.locator('[data-kpi-count]').getAttribute('data-kpi-count');

    // A query that runs until stopped, in flight on the engine.
    await page.getByRole('tab', { name: 'Notebook' }).click();
    await page.getByRole('button', { name: 'Add cell' }).click();
    const cell = cells(page).last();
    await cell.locator('.cm-content').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(ENDLESS);
    await page.keyboard.press('Shift+Enter');
    await eventually(() => cell.getAttribute('data-status'), 60_000).toBe('running');

    // The worker fails the way it does when the tab's memory runs out: an error it does not catch.
    const worker = await engineWorker(page);
    await worker.evaluate(() => {
      setTimeout(() => {
        throw new RangeError('Array buffer allocation failed');
      });
    });

    await eventually(() => cell.getAttribute('data-status'), 60_000).toBe('error');
    expect(await cell.locator('.nb-error').innerText()).toMatch(STOPPED);

    // The Scorecard: a grain nothing computed ahead needs the engine, and says it stopped.
    await page.getByRole('tab', { name: 'Scorecard' }).click();
    await page.getByLabel('Grain').selectOption('day');
    const error = page.locator('.sc-status .sc-error');
    await eventually(() => error.count(), 60_000).toBe(1);
    expect(await error.innerText()).toMatch(STOPPED);
    // The workbook is kept: its KPIs are still listed, the controls still answer.
    expect(await page.locator('.sc-grid .ag-row[row-id]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-kpi-count]').count()).toBe(0);
    expect(kpis).not.toBeNull();
    await b.screenshot('engine-stopped-en');

    await page.getByLabel('Language').selectOption('fa');
    await eventually(() => error.innerText()).toMatch(STOPPED_FA);
    await b.screenshot('engine-stopped-fa');

    // Only the failure itself was logged: DuckDB-WASM's own report of its worker's error.
    expect(b.offOrigin).toEqual([]);
    expect(
      b.errors.filter((e) => !/duckdb worker|Array buffer allocation failed|ErrorEvent/.test(e)),
    ).toEqual([]);
  }, 400_000);
});
