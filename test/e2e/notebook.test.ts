import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, eventually, importsSettled, SLOW_LOAD, startBrowser } from './harness';
import { chartsSettled } from './settled';

/**
 * The demo notebook in Chromium: it runs top to bottom with no failed cell, editing
 * an upstream SQL cell reruns only the cells that read it, and every analysis draws.
 */
describe('the demo notebook', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  const cell = (page: Page, name: string) => page.locator(`.nb-cell[data-cell-name="${name}"]`);
  const runsOf = async (page: Page) =>
    page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll<HTMLElement>('.nb-cell')].map((el) => [
          el.dataset.cellName ?? '',
          Number(el.dataset.runs),
        ]),
      ),
    );
  const allDone = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.nb-cell:not([data-kind="markdown"])')].every((el) =>
        ['ok', 'error'].includes(el.dataset.status ?? ''),
      ),
    );

  it('runs the demo notebook top to bottom with no failed cell', async () => {
    const page = await b.open();
    await importsSettled(page);
    await page.getByRole('tab', { name: 'Notebook' }).click();
    await eventually(() => page.locator('.nb-cell').count()).toBeGreaterThan(10);
    await eventually(() => allDone(page), SLOW_LOAD).toBe(true);
    const failed = await page
      .locator('.nb-cell[data-status="error"]')
      .evaluateAll((els) =>
        els.map(
          (e) => `${(e as HTMLElement).dataset.cellName}: ${e.querySelector('.nb-error')?.textContent}`,
        ),
      );
    expect(failed).toEqual([]);
    await expect
      .poll(() => cell(page, 'cheapest_channel').locator('.ag-cell[col-id="channel"]').first().innerText())
      .toBe('Webinars');
    await b.screenshot('notebook-top');
  });

  it('reruns only the cells that read an edited SQL cell', async () => {
    const page = b.page;
    const before = await runsOf(page);
    const editor = cell(page, 'channel_costs').locator('.cm-content');
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type('\n-- edited');
    await expect.poll(() => cell(page, 'cheapest_channel').getAttribute('data-status')).toBe('stale');
    await page.keyboard.press('Shift+Enter');
    await eventually(async () => (await runsOf(page)).cheapest_channel).toBe(before.cheapest_channel + 1);
    await eventually(() => allDone(page)).toBe(true);
    const after = await runsOf(page);
    const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
    expect(changed.sort()).toEqual(['channel_costs', 'cheapest_channel']);
  });

  it('shows a DuckDB error at its line and column', async () => {
    const page = b.page;
    const editor = cell(page, 'cheapest_channel').locator('.cm-content');
    await editor.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('SELECT channel,\n  cost_per_leed\nFROM channel_costs');
    await page.keyboard.press('Shift+Enter');
    const error = cell(page, 'cheapest_channel').locator('.nb-error');
    await eventually(() => error.count()).toBe(1);
    expect(await error.innerText()).toMatch(/cost_per_leed/);
    expect(await error.innerText()).toMatch(/Line 2, column 3/);
    await eventually(() =>
      cell(page, 'cheapest_channel').locator('.cm-lintRange-error').count(),
    ).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    await cell(page, 'cheapest_channel').scrollIntoViewIfNeeded();
    await b.screenshot('notebook-sql-error');
  });

  it('draws each analysis', async () => {
    const page = b.page;
    for (const name of [
      'this_quarter',
      'churn_by_segment',
      'csat_drivers',
      'rfm_segments',
      'retention_cohorts',
      'lead_funnel',
    ]) {
      const c = cell(page, name);
      await c.scrollIntoViewIfNeeded();
      if (name !== 'this_quarter')
        await eventually(() => c.locator('.nb-chart canvas, .nb-chart svg').count()).toBeGreaterThan(0);
      await chartsSettled(c);
      await c.screenshot({ path: `test/e2e/screenshots/notebook-${name}.png` });
    }
  });
});
