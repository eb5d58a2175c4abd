import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, eventually, importsSettled, SLOW_LOAD } from './harness';
import { desktopBrowser, selectKpi, scorecardSettled as settled } from './scorecardPage';
import { chartsSettled } from './settled';

/**
 * The current period to date on the demo. The demo's data ends on 31 December 2025, the
 * last day of a month, so with the range left to the data every month is whole; a range
 * chosen to end on 15 December makes December the current month, as of that day: the
 * grid gains a "To date" column with each KPI's value so far and its pace against the
 * demo's targets, and the detail panel the like-for-like comparisons and the projection.
 */
describe('pace to date', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await desktopBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('shows December to date with win rate’s pace against its target', { timeout: 300_000 }, async () => {
    const page = await b.open();
    await importsSettled(page);
    await settled(b);
    // Whole months only: no "To date" column.
    expect(await page.locator('.sc-grid .ag-header-cell[col-id="toDate"]').count()).toBe(0);
    const to = page.getByLabel('To', { exact: true });
    const end = await to.inputValue();
    expect(end).toMatch(/2025.12.31|12\/31\/2025/);
    await to.fill(end.replace('31', '15'));
    await to.press('Enter');
    const header = page.locator('.sc-grid .ag-header-cell[col-id="toDate"]');
    await eventually(() => header.count(), SLOW_LOAD).toBe(1);
    expect(await header.innerText()).toMatch(/To date\s+Dec 2025/);
    const cell = page.locator('.sc-grid .ag-row[row-id="win_rate"] [col-id="toDate"]').first();
    // Win rate has the demo's target of 45 %: a rate ends where it stands, judged against it.
    await eventually(() => cell.locator('[data-pace]').count(), SLOW_LOAD).toBe(1);
    expect(await cell.locator('[data-pace]').innerText()).toMatch(/On pace|At risk|Off pace/);
    expect(await cell.innerText()).toMatch(/\d+(\.\d)? ?%/);

    await selectKpi(b, 'win_rate');
    // Clicking the cell brings the column into view (the detail panel leaves the grid narrower).
    await cell.click();
    const detail = page.getByTestId('pace-detail');
    await detail.waitFor({ timeout: SLOW_LOAD });
    expect(await detail.locator('h3').innerText()).toBe('Dec 2025 to date');
    expect(await detail.innerText()).toContain('15 of 31 days');
    // A rate's projection is its rate so far.
    expect(await detail.getByTestId('pace-projection').innerText()).toBe(
      await detail.getByTestId('pace-value').innerText(),
    );
    expect(await detail.innerText()).toMatch(/Previous period, first 15 days/);
    expect(await detail.innerText()).toMatch(/Target\s+45(\.0+)? ?%/);
    await chartsSettled(page.locator('.sc-detail'));
    await detail.scrollIntoViewIfNeeded();
    await page
      .locator('.sc-grid .ag-body-horizontal-scroll-viewport')
      .first()
      .evaluate((el) => {
        el.scrollLeft = el.scrollWidth;
      });
    await page.mouse.move(640, 120);
    await b.screenshot('pace-win-rate-en');

    await page.getByLabel('Language').selectOption('fa');
    await eventually(() => header.innerText()).toMatch(/تا امروز/);
    await eventually(() => page.getByTestId('pace-detail').locator('h3').innerText()).toMatch(/تا امروز/);
    expect(await page.getByTestId('pace-detail').innerText()).toMatch(/[۰-۹]+ روز از ۳۱ روز/);
    await chartsSettled(page.locator('.sc-detail'));
    await page.locator('.sc-grid .ag-row[row-id="win_rate"] [col-id="toDate"]').first().click();
    await page.getByTestId('pace-detail').scrollIntoViewIfNeeded();
    await page.mouse.move(640, 120);
    await b.screenshot('pace-win-rate-fa');
    await page.getByLabel('زبان').selectOption('en');
  });

  it('keeps a note added in the detail through a reload, its text as text', {
    timeout: 300_000,
  }, async () => {
    const page = b.page;
    await settled(b);
    await selectKpi(b, 'win_rate');
    const notes = page.getByTestId('kpi-notes');
    await notes.waitFor();
    const hostile = '<img src=x onerror="window.__noted=1"> price change on 1 March';
    await notes.getByLabel('Note').fill(hostile);
    await notes.getByRole('button', { name: 'Add note' }).click();
    const note = notes.getByTestId('kpi-note');
    await eventually(() => note.count()).toBe(1);
    // The markup is shown as it was typed, and nothing of it runs.
    expect(await note.locator('.sc-note-text').innerText()).toBe(hostile);
    expect(await notes.locator('img').count()).toBe(0);
    // An empty note is refused where it was typed.
    await notes.getByRole('button', { name: 'Add note' }).click();
    await eventually(() => notes.getByRole('alert').innerText()).toBe('Write the note first.');

    await page.reload();
    await page.getByRole('heading', { name: 'Shakhes' }).waitFor();
    await settled(b);
    await selectKpi(b, 'win_rate');
    const kept = page.getByTestId('kpi-note');
    await eventually(() => kept.count(), SLOW_LOAD).toBe(1);
    expect(await kept.locator('.sc-note-text').innerText()).toBe(hostile);
    expect(await page.evaluate(() => (window as { __noted?: number }).__noted)).toBeUndefined();
    // Removed, it stays removed.
    await page
      .getByTestId('kpi-notes')
      .getByRole('button', { name: /^Remove the note/ })
      .click();
    await eventually(() => kept.count()).toBe(0);
  });
});
