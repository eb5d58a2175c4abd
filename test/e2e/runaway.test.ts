import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, eventually, startBrowser } from './harness';

/**
 * Issue 12: an endless recursive CTE in a SQL cell ran with no way to stop it and wedged the
 * app. In Chromium: the running cell has a Cancel button that stops it, the next cell then
 * runs, and a low time limit stops a long query by itself.
 */
const ENDLESS = 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) AS n FROM t';

describe('a runaway SQL cell', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  const cells = (page: Page) => page.locator('.nb-cell');
  const statusOf = (page: Page, i: number) => cells(page).nth(i).getAttribute('data-status');

  async function setSource(page: Page, i: number, sql: string) {
    await cells(page).nth(i).locator('.cm-content').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(sql);
  }

  it('shows Cancel while it runs; Cancel stops it and the next cell runs', async () => {
    const page = await b.open('?demo=0');
    await page.getByRole('tab', { name: 'Notebook' }).click();
    const add = page.getByRole('button', { name: 'Add cell' });
    await add.click();
    await add.click();
    await eventually(() => cells(page).count()).toBe(2);
    await setSource(page, 0, ENDLESS);
    await page.keyboard.press('Shift+Enter');
    await eventually(() => statusOf(page, 0)).toBe('running');
    const cancel = cells(page).nth(0).getByRole('button', { name: 'Cancel' });
    await eventually(() => cancel.count()).toBe(1);
    await cancel.click();
    await eventually(() => statusOf(page, 0)).toBe('error');
    expect(await cells(page).nth(0).locator('.nb-error').innerText()).toMatch(/^Cancelled after \d+ s\./);
    await cells(page).nth(1).getByRole('button', { name: 'Run' }).click();
    await eventually(() => statusOf(page, 1)).toBe('ok');
    expect(await cells(page).nth(1).locator('.nb-output').innerText()).toContain('1 row');
  });

  it('stops a long query by itself when the time limit is set low', async () => {
    const page = b.page;
    const limit = page.getByLabel('Time limit (s)');
    await limit.fill('1');
    await limit.press('Enter');
    await cells(page).nth(0).getByRole('button', { name: 'Run' }).click();
    await eventually(() => statusOf(page, 0)).toBe('running');
    await eventually(() => statusOf(page, 0), 20_000).toBe('error');
    expect(await cells(page).nth(0).locator('.nb-error').innerText()).toMatch(
      /^Stopped after 1 s, the workbook's time limit\. .*raise the time limit/,
    );
    // The engine is free again: the other cell answers.
    await cells(page).nth(1).getByRole('button', { name: 'Run' }).click();
    await eventually(() => cells(page).nth(1).getAttribute('data-runs')).toBe('2');
    expect(await statusOf(page, 1)).toBe('ok');
    await b.screenshot('notebook-runaway-stopped');
  });
});
