import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  chooseFiles,
  eventually,
  importsSettled,
  ROOT,
  startBrowser,
  tableEntry,
} from './harness';

const DIR = join(ROOT, 'test/fixtures/links');

/**
 * A pipeline export and its accounts file, loaded together: the link between them
 * is found by name and values, holds once the pipeline is mapped onto deals, and
 * win rate breaks down by a column of the accounts file.
 */
describe('relationships found between two loaded files', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('finds the link, keeps it through mapping, and breaks win rate down by accounts.Industry', async () => {
    const page = await b.open('?demo=0');
    await page.getByRole('tab', { name: 'Data' }).waitFor();
    await chooseFiles(page, [join(DIR, 'pipeline.csv'), join(DIR, 'accounts.csv')]);
    await importsSettled(page, ['pipeline', 'accounts']);

    await tableEntry(page, 'pipeline').click();
    await page.getByRole('button', { name: 'Map columns' }).click();
    const dialog = page.getByRole('dialog');
    const link = (from: string) =>
      dialog.locator('.map-relation').filter({ hasText: `${from}.Account ID → accounts.Account ID` });
    // Found before any mapping, between the raw tables, with how many values matched.
    await eventually(() => link('pipeline').count()).toBe(1);
    expect(await link('pipeline').innerText()).toMatch(/found: 100\s?% of values match/);
    await dialog.getByTestId('mapping-table').selectOption('deals');
    await eventually(() => dialog.locator('select[data-stage="Won"]').count()).toBe(1);
    expect(await dialog.locator('select[data-stage="Won"]').inputValue()).toBe('won');
    expect(await dialog.locator('select[data-stage="Lost"]').inputValue()).toBe('lost');
    await b.screenshot('links-found');
    await dialog.getByRole('button', { name: 'Apply mapping' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // After mapping the same link starts from the deals view, which kept Account ID.
    await page.getByRole('button', { name: 'Edit mapping' }).click();
    await eventually(() => link('deals').count()).toBe(1);
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await page.getByRole('tab', { name: 'Scorecard' }).click();
    const breakdown = page.getByLabel('Breakdown');
    await eventually(async () => (await breakdown.locator('option').allInnerTexts()).join('|')).toContain(
      'accounts.Industry',
    );
    expect(await breakdown.locator('option').allInnerTexts()).not.toContain('accounts.Account ID');
    await breakdown.selectOption('accounts.Industry');
    await page.locator('.sc-grid .ag-row[row-id="win_rate"] [col-id="kpi"]').first().click();
    const chart = page.getByTestId('breakdown-chart');
    await chart.waitFor({ timeout: 60_000 });
    expect(await chart.getAttribute('aria-label')).toBe('Win rate by accounts.Industry');
    await chart.scrollIntoViewIfNeeded();
    await b.screenshot('links-breakdown');
  });
});
