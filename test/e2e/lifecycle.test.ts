import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNodeEngine } from '../../src/engine/nodeEngine';
import { readWorkbook } from '../../src/workbook/workbookFile';
import { workbookContents } from '../helpers/workbookContents';
import {
  type Browser,
  dropFile,
  eventually,
  importsSettled,
  ROOT,
  SCREENSHOTS,
  SLOW_LOAD,
  startBrowser,
  tableEntry,
} from './harness';

const LINKS = join(ROOT, 'test/fixtures/links');
const SAVED = join(SCREENSHOTS, 'lifecycle-own-data.shakhes');
const CSV = /\.csv(\?|$)/;

const listedTables = (page: Page) =>
  page
    .locator('.table-list > li[data-table]')
    .evaluateAll((items) => items.map((li) => li.getAttribute('data-table')));
const kpiRow = (page: Page, id: string) => page.locator(`.sc-grid .ag-row[row-id="${id}"]`);
const scorecardReady = (page: Page) => page.locator('[data-kpi-count]').waitFor({ timeout: SLOW_LOAD });

/**
 * A new user's path from the demo to their own files and back out of mistakes: leave the
 * demo in one click, drop a pipeline export and its accounts file, confirm the suggested
 * mapping once, break win rate down by the accounts file, remove a table and undo it,
 * and open a workbook while the demo is loading (it opens alone and intact).
 */
describe('the workbook lifecycle at 1280 x 800', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
    await b.page.setViewportSize({ width: 1280, height: 800 });
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('leaves the demo for an empty workbook in one click', async () => {
    const page = await b.open();
    const start = page.getByRole('button', { name: 'Start from my data' });
    await start.waitFor({ timeout: 60_000 });
    await importsSettled(page, ['customers', 'expenses']);
    await scorecardReady(page);
    await kpiRow(page, 'win_rate').first().waitFor({ timeout: 60_000 });
    expect(await page.getByRole('button', { name: 'Close demo' }).count()).toBe(1);
    await b.screenshot('lifecycle-demo-bar');

    // samples/crm-demo.shakhes is this demo: the browser's own save of it holds the same.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save', exact: true }).click(),
    ]);
    const saved = new Uint8Array(readFileSync(await download.path()));
    const committed = new Uint8Array(readFileSync(join(ROOT, 'samples/crm-demo.shakhes')));
    const [ours, theirs] = [readWorkbook(saved).doc, readWorkbook(committed).doc];
    expect(ours.datasets.map((d) => [d.table, d.rows])).toEqual(
      theirs.datasets.map((d) => [d.table, d.rows]),
    );
    expect(ours.kpis).toEqual(theirs.kpis);
    const engine = await createNodeEngine();
    try {
      expect(await workbookContents(engine, saved)).toEqual(await workbookContents(engine, committed));
    } finally {
      await engine.close();
    }

    await start.click();
    // The demo is not the user's work: nothing to save, so no question.
    await eventually(() => listedTables(page)).toEqual([]);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await start.count()).toBe(0);
    await page.getByText('Drop a CRM export here, or open the demo').waitFor();
  }, 240_000);

  it('maps a dropped pipeline with one confirmation and breaks win rate down by its accounts file', async () => {
    const page = b.page;
    await dropFile(page, join(LINKS, 'pipeline.csv'));
    await dropFile(page, join(LINKS, 'accounts.csv'));
    await importsSettled(page, ['pipeline', 'accounts']);
    expect(await listedTables(page)).toEqual(['pipeline', 'accounts']);

    await page.getByRole('tab', { name: 'Data' }).click();
    await tableEntry(page, 'pipeline').locator('.table-name').click();
    await page.getByRole('button', { name: 'Map columns' }).click();
    const dialog = page.getByRole('dialog');
    // Suggested as deals, won and lost read from the stages: the user only confirms.
    await eventually(() => dialog.getByTestId('mapping-table').inputValue()).toBe('deals');
    await eventually(() => dialog.locator('select[data-stage="Won"]').inputValue()).toBe('won');
    await dialog.getByRole('button', { name: 'Apply mapping' }).click();
    await dialog.waitFor({ state: 'hidden' });

    await page.getByRole('tab', { name: 'Scorecard' }).click();
    await kpiRow(page, 'win_rate').first().waitFor({ timeout: 60_000 });
    await page.getByLabel('From', { exact: true }).fill('2024-01-01');
    await page.getByLabel('From', { exact: true }).press('Enter');
    const breakdown = page.getByLabel('Breakdown');
    await eventually(async () => (await breakdown.locator('option').allInnerTexts()).join('|')).toContain(
      'accounts.Industry',
    );
    await breakdown.selectOption('accounts.Industry');
    await kpiRow(page, 'win_rate').locator('[col-id="kpi"]').first().click();
    const chart = page.getByTestId('breakdown-chart');
    await chart.waitFor({ timeout: 60_000 });
    expect(await chart.getAttribute('aria-label')).toBe('Win rate by accounts.Industry');
  });

  it('removes a table and brings it back with Undo: its KPIs leave and return', async () => {
    const page = b.page;
    await page.getByLabel('Breakdown').selectOption({ index: 0 });
    await tableEntry(page, 'pipeline').locator('.table-row').hover();
    await page.getByRole('button', { name: 'Remove table pipeline' }).click();
    const undo = page.getByRole('button', { name: 'Undo removing the table pipeline' });
    await undo.waitFor();
    await eventually(() => listedTables(page)).toEqual(['accounts']);
    // Win rate folds among the KPIs that need a deals table.
    await eventually(() => kpiRow(page, 'win_rate').count()).toBe(0);
    const fold = page.locator('.sc-fold-text').filter({ hasText: /sales and marketing KPIs need/ });
    await fold.waitFor();
    expect((await fold.innerText()).replace(/[\u200e\u200f\u2066-\u2069]/g, '')).toMatch(/need a deals, /);
    await b.screenshot('lifecycle-removed-undo');

    await undo.click();
    await eventually(() => listedTables(page)).toEqual(['pipeline', 'accounts']);
    await kpiRow(page, 'win_rate').first().waitFor({ timeout: 60_000 });
    expect(await page.getByRole('status').filter({ hasText: 'Removed the table' }).count()).toBe(0);
  });

  it('opens a workbook while the demo loads: it opens alone and intact', async () => {
    const page = b.page;
    const title = page.getByLabel('Workbook title');
    await title.fill('Own pipeline');
    await title.press('Enter');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save', exact: true }).click(),
    ]);
    await download.saveAs(SAVED);

    await page.getByRole('button', { name: 'Workbook menu' }).click();
    await page.getByRole('menuitem', { name: 'New workbook' }).click();
    await eventually(() => listedTables(page)).toEqual([]);

    // The demo's files are held on their way, so the workbook is opened mid-load.
    const held: Route[] = [];
    let released = false;
    await page.route(CSV, (route) => (released ? route.continue() : void held.push(route)));
    await page.getByRole('button', { name: 'Open the demo' }).first().click();
    await eventually(() => held.length).toBeGreaterThan(0);
    await page
      .getByText(/Loading the demo/)
      .first()
      .waitFor();
    await page.getByLabel('Open a Shakhes workbook (.shakhes)').setInputFiles(SAVED);
    released = true;
    for (const r of held.splice(0)) await r.continue();

    await eventually(() => title.inputValue(), SLOW_LOAD).toBe('Own pipeline');
    await importsSettled(page);
    await eventually(() => listedTables(page)).toEqual(['pipeline', 'accounts']);
    await scorecardReady(page);
    await kpiRow(page, 'win_rate').first().waitFor({ timeout: 60_000 });
    expect(await page.getByLabel('From', { exact: true }).inputValue()).toBe('2024-01-01');
    const text = await page.locator('body').innerText();
    expect(text).not.toMatch(/Catalog Error|Binder Error|Existing object/);
    expect(await page.locator('.workbook-error').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Start from my data' }).count()).toBe(0);
    // Still alone once everything has settled: no demo table arrived late.
    await page.getByRole('tab', { name: 'Data' }).click();
    expect(await listedTables(page)).toEqual(['pipeline', 'accounts']);
  });
});
