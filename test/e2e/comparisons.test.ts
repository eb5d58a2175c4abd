import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, chooseFiles, eventually, importsSettled, SLOW_LOAD } from './harness';
import { desktopBrowser, scorecardSettled as settled } from './scorecardPage';

const cellText = (b: Browser, id: string, col: string) =>
  b.page.locator(`.sc-grid .ag-row[row-id="${id}"] [col-id="${col}"]`).first().innerText();

/**
 * Deals closed in January 2024 (2) and February 2024 (30, 12 won): February's win rate
 * against January's is a change from 2 deals, which must read n/a with the reason.
 */
function thinDeals(): string {
  const rows = ['deal_id,created_at,stage,amount,closed_at,won,source'];
  rows.push('D01,2024-01-02,Closed Won,1000,2024-01-10,true,Web');
  rows.push('D02,2024-01-03,Closed Lost,1000,2024-01-11,false,Web');
  for (let i = 0; i < 30; i++) {
    const day = String(1 + (i % 29)).padStart(2, '0');
    const won = i < 12;
    rows.push(
      `D${i + 3},2024-02-01,${won ? 'Closed Won' : 'Closed Lost'},1000,2024-02-${day},${won},${i % 2 ? 'Web' : 'Referral'}`,
    );
  }
  const dir = join(tmpdir(), `shakhes-thin-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'deals.csv');
  writeFileSync(path, `${rows.join('\n')}\n`);
  return path;
}

describe('a change from too little data', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await desktopBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('reads n/a in the grid and says why in the detail panel', { timeout: 240_000 }, async () => {
    const page = await b.open('?demo=0');
    await chooseFiles(page, [thinDeals()]);
    await importsSettled(page, ['deals']);
    await page.getByRole('tab', { name: 'Scorecard' }).click();
    await settled(b);
    await eventually(() => cellText(b, 'win_rate', 'latest')).toBe('40%');
    expect(await cellText(b, 'win_rate', 'prev')).toBe('n/a');
    await page.locator('.sc-grid .ag-row[row-id="win_rate"] [col-id="kpi"]').first().click();
    const reason = page.getByTestId('thin-previous');
    await reason.waitFor();
    expect((await reason.getAttribute('title')) ?? '').toBe(
      'The previous period has 2 rows of deals; changes need at least 20.',
    );
    expect(await reason.innerText()).toContain('The previous period has 2 rows of deals');
    await b.screenshot('comparisons-thin-detail');
  });
});

describe('charts of the demo', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await desktopBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('draws a trend from its first data and rate bars from zero', { timeout: 300_000 }, async () => {
    const page = await b.open();
    await importsSettled(page);
    await settled(b);
    await eventually(() => cellText(b, 'churn_rate', 'latest')).toMatch(/\d/);
    await page.locator('.sc-grid .ag-row[row-id="churn_rate"] [col-id="kpi"]').first().click();
    await page.getByTestId('kpi-chart').locator('canvas').first().waitFor();
    await b.screenshot('comparisons-trend');
    await page.getByLabel('Breakdown').selectOption('customers.segment');
    await settled(b);
    const chart = page.getByTestId('breakdown-chart');
    await chart.waitFor({ timeout: SLOW_LOAD });
    await chart.scrollIntoViewIfNeeded();
    await b.screenshot('comparisons-rate-bars');
    // Win rate by segment, further down the grid (rows are drawn near the viewport only).
    const row = page.locator('.sc-grid .ag-row[row-id="win_rate"] [col-id="kpi"]').first();
    await eventually(async () => {
      if ((await row.count()) > 0) return true;
      await page
        .locator('.sc-grid .ag-body-viewport')
        .first()
        .evaluate((el) => {
          el.scrollTop += 300;
        });
      return false;
    }, 60_000).toBe(true);
    await row.click();
    await eventually(() => page.locator('.sc-detail-title').innerText()).toMatch(/^Win rate/);
    await chart.waitFor({ timeout: SLOW_LOAD });
    await chart.scrollIntoViewIfNeeded();
    await b.screenshot('comparisons-win-rate-bars');
  });
});
