import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, eventually, importsSettled, SLOW_LOAD } from './harness';
import { desktopBrowser, scorecardSettled, selectKpi } from './scorecardPage';

/**
 * Every scorecard header readable at 1280 px with the KPI detail open, the grid at its
 * narrowest: "vs benchmark" was cut to "vs benchm…". A header's text (and the label holding
 * it) must not be wider or taller than its box. The grid is scrolled sideways in steps, since
 * AG Grid draws only the header cells in view.
 */
async function clippedHeaders(page: Page): Promise<string[]> {
  const scroller = page.locator('.sc-grid .ag-body-horizontal-scroll-viewport').first();
  const clipped = new Set<string>();
  const seen = new Set<string>();
  for (let step = 0; step < 20; step++) {
    const found = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.sc-grid .ag-header-cell[col-id]')].map((cell) => {
        const boxes = [...cell.querySelectorAll<HTMLElement>('.ag-header-cell-label, .ag-header-cell-text')];
        const grid = cell.closest('.sc-grid')?.getBoundingClientRect();
        const text = cell.querySelector('.ag-header-cell-text')?.getBoundingClientRect();
        // Inside its box, and its box inside the grid (not under the detail panel beside it).
        const outside = !grid || !text || text.left < grid.left || text.right > grid.right;
        const cut =
          outside || boxes.some((e) => e.scrollWidth > e.clientWidth || e.scrollHeight > e.clientHeight + 1);
        return { id: cell.getAttribute('col-id') ?? '', text: cell.innerText.trim(), cut };
      }),
    );
    for (const h of found) {
      seen.add(h.id);
      if (h.cut) clipped.add(`${h.id}: ${h.text}`);
    }
    const moved = await scroller.evaluate((el) => {
      const before = el.scrollLeft;
      el.scrollLeft += el.clientWidth / 2;
      return el.scrollLeft !== before;
    });
    if (!moved) break;
    // Let AG Grid draw the newly exposed header cells.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  }
  await scroller.evaluate((el) => {
    el.scrollLeft = 0;
  });
  expect([...seen]).toContain('vsBenchmark');
  return [...clipped];
}

/**
 * The last column's header ran on to the grid's edge while an opaque strip (AG Grid's overlay
 * vertical scrollbar, where scrollbars take no room, as in this Chromium) hid the same 16 px
 * of its cells: the header looked cut off from its column. The strip may overlay the cells
 * only unpainted. Returns the columns it paints over.
 */
function paintedOver(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const strip = document.querySelector<HTMLElement>('.sc-grid .ag-body-vertical-scroll-viewport');
    if (!strip || strip.offsetWidth === 0) return [];
    const at = strip.getBoundingClientRect();
    const painted = getComputedStyle(strip).backgroundColor !== 'rgba(0, 0, 0, 0)';
    return [...document.querySelectorAll<HTMLElement>('.sc-grid .ag-row .ag-cell[col-id]')]
      .filter((c) => {
        const r = c.getBoundingClientRect();
        return painted && r.right > at.left && r.left < at.right && r.bottom > at.top && r.top < at.bottom;
      })
      .map((c) => c.getAttribute('col-id') ?? '')
      .filter((id, i, all) => all.indexOf(id) === i);
  });
}

describe('scorecard headers with the KPI detail open', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await desktopBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('shows every header whole in English and in Persian', { timeout: 400_000 }, async () => {
    const page = await b.open();
    await importsSettled(page);
    await scorecardSettled(b);
    await selectKpi(b, 'win_rate');
    await page.locator('.sc-detail').first().waitFor({ timeout: SLOW_LOAD });
    await eventually(() => clippedHeaders(page), 20_000).toEqual([]);
    expect(await paintedOver(page)).toEqual([]);
    await b.screenshot('scorecard-headers-detail-en');

    await page.getByLabel('Language').selectOption('fa');
    await eventually(() =>
      page.locator('.sc-grid .ag-header-cell[col-id="vsBenchmark"]').first().innerText(),
    ).toMatch(/معیار/);
    await scorecardSettled(b);
    if ((await page.locator('.sc-detail').count()) === 0) await selectKpi(b, 'win_rate');
    await page.locator('.sc-detail').first().waitFor({ timeout: SLOW_LOAD });
    await eventually(() => clippedHeaders(page), 20_000).toEqual([]);
    await b.screenshot('scorecard-headers-detail-fa');
  });
});
