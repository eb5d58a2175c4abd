import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  dropFile,
  eventually,
  importsSettled,
  ROOT,
  startBrowser,
  tableEntry,
} from './harness';

const HUBSPOT = join(ROOT, 'test/fixtures/crm/hubspot-deals.csv');
const CORPUS = join(ROOT, 'test/fixtures/crm/corpus');

/**
 * A consultant drops a client's HubSpot deals export on a clean page: it is mapped
 * onto deals with no step of theirs, and the scorecard shows win rate at once.
 */
describe('column mapping', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  const latestOf = (id: string) =>
    b.page.locator(`.sc-grid .ag-row[row-id="${id}"] [col-id="latest"]`).first().innerText();

  it('maps a dropped HubSpot deals export with no manual step; the scorecard shows win rate', async () => {
    const page = await b.open('?demo=0');
    await page.getByRole('tab', { name: 'Data' }).waitFor();
    await dropFile(page, HUBSPOT);
    await importsSettled(page, ['hubspot_deals']);
    const notice = page.getByTestId('mapping-notice');
    await eventually(() => notice.innerText()).toContain('Mapped to deals (HubSpot)');
    await b.screenshot('mapping-auto-notice');

    await page.getByRole('tab', { name: 'Scorecard' }).click();
    // March 2024, the last full month: 3 of 5 closed deals won; 24000 / 3 on average.
    await eventually(() => latestOf('win_rate'), 60_000).toMatch(/^60(\.0)?\s?%$/);
    expect(await latestOf('average_deal_size')).toMatch(/8,000/);
    await b.screenshot('mapping-scorecard');
  });

  it('shows the mapping, says why an invalid edit cannot hold, and keeps the applied one', async () => {
    const page = b.page;
    await page.getByRole('tab', { name: 'Data' }).click();
    await page.getByRole('button', { name: 'Edit mapping' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('mapping-recognised').waitFor();
    expect(await dialog.getByTestId('mapping-recognised').innerText()).toBe(
      'Recognised: HubSpot deals export',
    );
    expect(await dialog.locator('select[data-column="amount"]').inputValue()).toBe('Amount');
    expect(await dialog.locator('select[data-stage="Closed Won"]').inputValue()).toBe('won');
    expect(await dialog.locator('select[data-stage="Closed Lost"]').inputValue()).toBe('lost');
    await b.screenshot('mapping-dialog');

    await dialog.locator('select[data-column="amount"]').selectOption('Deal Name');
    const problem = dialog.getByText('deals.amount needs numbers; column “Deal Name” holds text');
    await problem.waitFor();
    expect(await dialog.getByRole('button', { name: 'Apply mapping' }).isDisabled()).toBe(true);
    await problem.scrollIntoViewIfNeeded();
    await b.screenshot('mapping-invalid');

    await dialog.locator('select[data-column="amount"]').selectOption('Amount');
    await eventually(() => dialog.getByTestId('mapping-errors').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('tab', { name: 'Scorecard' }).click();
    await eventually(() => latestOf('win_rate')).toMatch(/^60(\.0)?\s?%$/);
  });

  it('charts win rate against a target as a bullet chart', async () => {
    const page = b.page;
    await page.locator('.sc-grid .ag-row[row-id="win_rate"] [col-id="kpi"]').first().click();
    const target = page.getByTestId('kpi-target');
    await target.fill('55');
    await target.press('Enter');
    const chart = page.getByTestId('bullet-chart');
    await chart.waitFor();
    await eventually(() => chart.getAttribute('aria-label')).toMatch(/60.*55/);
    await chart.scrollIntoViewIfNeeded();
    await b.screenshot('mapping-bullet');
  });

  it('suggests deals for a generic pipeline from its names and values, and no good match for a weather table', async () => {
    const page = b.page;
    await page.getByRole('tab', { name: 'Data' }).click();
    await dropFile(page, join(CORPUS, 'pipeline-opportunities.csv'));
    await importsSettled(page, ['pipeline_opportunities']);
    await tableEntry(page, 'pipeline_opportunities').click();
    await page.getByRole('button', { name: 'Map columns' }).click();
    const dialog = page.getByRole('dialog');
    const said = dialog.getByTestId('mapping-recognised');
    await eventually(() => said.innerText()).toMatch(
      /^Suggested from the column names and values \(\d+ % sure\)$/,
    );
    expect(await dialog.getByTestId('mapping-table').inputValue()).toBe('deals');
    expect(await dialog.locator('select[data-column="deal_id"]').inputValue()).toBe('opportunity_id');
    expect(await dialog.locator('select[data-column="created_at"]').inputValue()).toBe('engage_date');
    expect(await dialog.locator('select[data-column="owner"]').inputValue()).toBe('sales_agent');
    expect(await dialog.locator('select[data-column="customer_id"]').inputValue()).toBe('account');
    await b.screenshot('mapping-generic-pipeline');
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    await dropFile(page, join(CORPUS, 'weather-daily.csv'));
    await importsSettled(page, ['weather_daily']);
    await tableEntry(page, 'weather_daily').click();
    await page.getByRole('button', { name: 'Map columns' }).click();
    await eventually(() => page.getByRole('dialog').getByTestId('mapping-recognised').innerText()).toMatch(
      /^No good match: this file does not look like any table of the CRM model \(\d+ % sure\)/,
    );
    await b.screenshot('mapping-no-match');
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  });
});
