import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, eventually, importsSettled } from './harness';
import { desktopBrowser, scorecardSettled as settled } from './scorecardPage';
import { chartsSettled } from './settled';

/** The demo's planted anomaly (samples/generator/marketing.ts): website sessions in May 2025, the 29th month. */
const PLANTED = { kpi: 'website_sessions', col: 'p28' };

/**
 * Scrolls the grid down, then across (either way, for either direction of the page),
 * until `selector` inside it is drawn: rows and columns are drawn near the viewport only.
 */
async function scrollGridTo(page: Page, selector: string): Promise<void> {
  const target = page.locator(`.sc-grid ${selector}`).first();
  let step = 0;
  await eventually(async () => {
    if ((await target.count()) > 0) return true;
    step++;
    await page.evaluate((k) => {
      const grid = document.querySelector('.sc-grid');
      const down = grid?.querySelector<HTMLElement>('.ag-body-viewport');
      const across = grid?.querySelector<HTMLElement>('.ag-body-horizontal-scroll-viewport');
      if (down === null || down === undefined || across === null || across === undefined) return;
      // Down a screen at a time; at the bottom, back to the top and a column band across.
      if (down.scrollTop + down.clientHeight < down.scrollHeight) down.scrollTop += down.clientHeight / 2;
      else {
        down.scrollTop = 0;
        const sign = getComputedStyle(across).direction === 'rtl' ? -1 : 1;
        across.scrollLeft = sign * ((k * 300) % (across.scrollWidth + 300));
      }
    }, step);
    return false;
  }, 60_000).toBe(true);
  await target.scrollIntoViewIfNeeded();
}

/** Where a date's year and day are drawn in the first label of the detail panel's whole-range table. */
function dateLayout(page: Page): Promise<{ date: string; yearLeft: number; dayLeft: number }> {
  return page.getByTestId('detail-total').evaluate((table) => {
    const walker = document.createTreeWalker(table.querySelector('th') ?? table, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const m = /[0-9۰-۹]{4}\D[0-9۰-۹]{2}\D[0-9۰-۹]{2}/.exec(node.textContent ?? '');
      if (m === null) continue;
      const left = (from: number, to: number) => {
        const r = document.createRange();
        r.setStart(node, m.index + from);
        r.setEnd(node, m.index + to);
        return r.getBoundingClientRect().left;
      };
      return { date: m[0], yearLeft: left(0, 4), dayLeft: left(8, 10) };
    }
    throw new Error('no date in the whole-range label');
  });
}

/**
 * The narrowest space, in pixels, between a label of the detail panel's whole-range table
 * and the figure beside it, on the side the page reads from.
 */
function labelGap(page: Page): Promise<number> {
  return page.getByTestId('detail-total').evaluate((table) => {
    const rtl = getComputedStyle(table).direction === 'rtl';
    const gaps = [...table.querySelectorAll('tr')].flatMap((tr) => {
      const label = tr.querySelector('th');
      const value = tr.querySelector('td.cell-number');
      if (label === null || value === null) return [];
      const text = document.createRange();
      text.selectNodeContents(value);
      const v = text.getBoundingClientRect();
      const l = label.getBoundingClientRect();
      return [rtl ? l.left - v.right : v.left - l.right];
    });
    // No row to measure would make any gap pass.
    if (gaps.length === 0) throw new Error('no label beside a figure in the whole-range table');
    return Math.min(...gaps);
  });
}

/** Scrolls the detail panel so the KPI chart and its forecast caption are both in view. */
async function showChart(page: Page): Promise<void> {
  await page.getByTestId('forecast-backtest').evaluate((el) => el.scrollIntoView({ block: 'end' }));
}

/**
 * Hovers a grid cell until AG Grid shows its tooltip, and returns the tooltip's text. A
 * tooltip counts only while the cell is still under the pointer: a grid laid out again
 * after the hover (a language switch rebuilds its columns) can slide another cell there,
 * whose tooltip is not the one asked for.
 */
async function tooltipOf(page: Page, cell: string): Promise<string> {
  const tip = page.locator('.ag-tooltip');
  const target = page.locator(`.sc-grid ${cell}`).first();
  let text = '';
  await eventually(async () => {
    await page.mouse.move(0, 0);
    await eventually(() => tip.count()).toBe(0);
    await target.hover();
    await tip
      .first()
      .waitFor({ timeout: 3_000 })
      .catch(() => undefined);
    if ((await tip.count()) === 0) return false;
    text = await tip.first().innerText();
    return target.evaluate((el) => el.matches(':hover'));
  }).toBe(true);
  return text;
}

/**
 * The forecast on the demo: a KPI's chart draws the band with its backtest error beside
 * it, and the period the demo generator planted far above the band is marked in its
 * scorecard cell, whose tooltip states the rule; in English and in Persian.
 */
describe('forecast band and anomaly marks', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await desktopBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('draws the band with its backtest error and marks the planted anomaly', {
    timeout: 400_000,
  }, async () => {
    const page = await b.open();
    await importsSettled(page);
    await settled(b);
    const row = `.ag-row[row-id="${PLANTED.kpi}"]`;
    await scrollGridTo(page, `${row} [col-id="kpi"]`);
    await page.locator(`.sc-grid ${row} [col-id="kpi"]`).first().click();
    await eventually(() => page.locator('.sc-detail-title').innerText()).toMatch(/^Website sessions/);

    // The band's caption: the method the backtest chose and its error, in words a manager reads.
    const caption = page.getByTestId('forecast-backtest');
    await eventually(() => caption.innerText()).toMatch(
      /^Forecast \((Holt–Winters|linear trend|same period last season)\): backtest error \d+(\.\d)?%$/,
    );
    expect(await caption.getAttribute('title')).toContain('last 12 periods');
    const chart = page.getByTestId('kpi-chart');
    await chartsSettled(chart);
    await showChart(page);
    await b.screenshot('forecast-band-en');
    // The whole-range figures stand apart from their labels.
    expect(await labelGap(page)).toBeGreaterThanOrEqual(8);

    // The planted month carries the mark, and its tooltip says what was expected and the rule.
    await page.getByRole('button', { name: 'Total and periods' }).click();
    const cell = `${row} [col-id="${PLANTED.col}"]`;
    await scrollGridTo(page, `${cell} [data-testid="anomaly-mark"]`);
    expect(await page.locator(`.sc-grid .ag-header-cell[col-id="${PLANTED.col}"]`).innerText()).toMatch(
      /2025-05|May 2025/,
    );
    const tip = await tooltipOf(page, cell);
    expect(tip).toMatch(
      /^Anomaly: [\d,]+ is outside the expected band [\d,]+ to [\d,]+ \(expected [\d,]+\)\./,
    );
    expect(tip).toContain('Rule: a period is marked when it is more than 4 robust standard deviations');
    // The cell's neighbours are ordinary months.
    for (const col of ['p27', 'p29'])
      expect(
        await page.locator(`.sc-grid ${row} [col-id="${col}"] [data-testid="anomaly-mark"]`).count(),
      ).toBe(0);
    await b.screenshot('forecast-anomaly-en');

    // Persian: the caption and the rule in Persian words and digits, the grid right to left.
    await page.getByLabel('Language').selectOption('fa');
    await eventually(() => caption.innerText()).toMatch(/^پیش‌بینی \(.+\): خطای آزمون گذشته [۰-۹]/);
    // The grid laid out again for Persian before looking for the cell: its KPI names on the right.
    const headerX = async (col: string) =>
      (await page.locator(`.sc-grid .ag-header-cell[col-id="${col}"]`).first().boundingBox())?.x ?? 0;
    await eventually(async () => (await headerX('kpi')) > (await headerX('latest'))).toBe(true);
    await scrollGridTo(page, `${cell} [data-testid="anomaly-mark"]`);
    const tipFa = await tooltipOf(page, cell);
    expect(tipFa).toMatch(/^ناهنجاری: [۰-۹٬]+ بیرون از بازهٔ انتظار/);
    expect(tipFa).toContain('قاعده:');
    expect(await page.locator('.sc-grid').evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    // Right to left, the figures stand apart from their labels on the labels' left.
    expect(await labelGap(page)).toBeGreaterThanOrEqual(8);
    // A Gregorian day inside a Persian sentence still reads year first: its year drawn to the left.
    const fa = await dateLayout(page);
    expect(fa.date).toMatch(/^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}$/);
    expect(fa.yearLeft).toBeLessThan(fa.dayLeft);
    await b.screenshot('forecast-anomaly-fa');
    await page.mouse.move(0, 0);
    await eventually(() => page.locator('.ag-tooltip').count()).toBe(0);
    await chartsSettled(chart);
    await showChart(page);
    await b.screenshot('forecast-band-fa');
    await page.getByLabel('زبان').selectOption('en');
  });
});
