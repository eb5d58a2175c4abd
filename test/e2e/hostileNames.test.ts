import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_NAMES, hostileNamesWorkbook } from '../fixtures/hostile/names/workbook';
import { type Browser, eventually, importsSettled, SCREENSHOTS, SLOW_LOAD, startBrowser } from './harness';
import { chartsSettled } from './settled';

/**
 * A stranger's workbook whose column names, segments, sources, RFM segment names and KPI
 * label are HTML (test/fixtures/hostile/names). Every chart kind is drawn and hovered
 * until its tooltips have shown the names; none becomes an element, nothing runs and the
 * page stays where it is. The tooltips show each name as text.
 */

/** Elements or effects that only hostile markup could have made. */
async function injected(page: Page) {
  return page.evaluate(() => ({
    img: document.querySelectorAll('img[src="x"], [onerror]').length,
    meta: document.querySelectorAll('meta[http-equiv="refresh" i], body meta').length,
    svg: document.querySelectorAll('svg[onload], [onload]').length,
    script: document.querySelectorAll('script:not([src])').length,
    styledByData: document.querySelectorAll('b, [style*="styled"]').length,
    pwned: (window as unknown as { pwned?: string }).pwned ?? null,
  }));
}

const CLEAN = { img: 0, meta: 0, svg: 0, script: 0, styledByData: 0, pwned: null };

/** The text of every tooltip shown since the last call, as the page showed it. */
const takeTooltips = (page: Page) =>
  page.evaluate(() => (window as unknown as { tooltips: string[] }).tooltips.splice(0).join('\n'));

/**
 * Points the mouse at the chart in a grid fine enough to land on every point, the way a
 * reader explores it, until its tooltips have shown every name in `names` (or at least one
 * tooltip when none is expected). Returns the tooltips' text.
 *
 * The sweep runs in the page: at each point the element there gets the pointer and mouse
 * moves a real mouse would give it, and the tooltip observer runs before the next point.
 * Moving Playwright's mouse cost a round trip to the browser per point, thousands per
 * chart: minutes of the suite on a loaded machine, for the same tooltips.
 */
async function hoverUntilShown(page: Page, chart: Locator, step: number, names: readonly string[]) {
  await takeTooltips(page);
  await chart.scrollIntoViewIfNeeded();
  const box = await chart.boundingBox();
  if (box === null) throw new Error('the chart has no box');
  await page.evaluate(
    async ({ box, step, names }) => {
      const tooltips = (window as unknown as { tooltips: string[] }).tooltips;
      const done = () => {
        const seen = tooltips.join('\n');
        return names.length === 0 ? seen !== '' : names.every((n) => seen.includes(n));
      };
      let last: Element | null = null;
      for (let y = box.y + step / 2; y < box.y + box.height && !done(); y += step) {
        for (let x = box.x + step / 2; x < box.x + box.width; x += step) {
          const at = document.elementFromPoint(x, y);
          if (at === null) continue;
          const where = { clientX: x, clientY: y, bubbles: true, cancelable: true, composed: true };
          at.dispatchEvent(
            new PointerEvent('pointermove', { ...where, pointerType: 'mouse', isPrimary: true }),
          );
          at.dispatchEvent(new MouseEvent('mousemove', where));
          last = at;
          // The tooltip observer's records are delivered before this continues.
          await Promise.resolve();
        }
      }
      // The pointer leaves the chart, as it would on the way to the next one.
      last?.dispatchEvent(new PointerEvent('pointerout', { bubbles: true, pointerType: 'mouse' }));
      last?.dispatchEvent(new MouseEvent('mouseout', { bubbles: true }));
    },
    { box, step, names },
  );
  return takeTooltips(page);
}

describe('hostile names in charts', () => {
  let b: Browser;
  let url: string;
  let file: string;
  beforeAll(async () => {
    b = await startBrowser();
    file = join(SCREENSHOTS, 'hostile-names.shakhes');
    await writeFile(file, await hostileNamesWorkbook());
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('opens the workbook and collects every tooltip the charts show', async () => {
    const page = await b.open('?demo=0');
    url = page.url();
    // Every tooltip's text, as ECharts writes it into the page.
    await page.evaluate(() => {
      const w = window as unknown as { tooltips: string[] };
      w.tooltips = [];
      // ECharts' HTML tooltip is a div on the chart with this z-index; its text is what a reader sees.
      new MutationObserver((records) => {
        for (const r of records) {
          const el = r.target instanceof Element ? r.target : r.target.parentElement;
          const tip = el?.closest('div[style*="z-index: 9999999"]') ?? null;
          if (tip?.textContent) w.tooltips.push(tip.textContent);
        }
      }).observe(document.body, { subtree: true, childList: true, characterData: true });
    });
    await page.getByLabel('Open a Shakhes workbook (.shakhes)').setInputFiles(file);
    await importsSettled(page, ['customers_export', 'orders_export', 'surveys_export', 'leads_export']);
    await eventually(() => page.getByLabel('Workbook title').inputValue()).toBe('Hostile names');
  });

  it('draws the scorecard charts of a KPI labelled and broken down by hostile names', async () => {
    const page = b.page;
    await page.getByRole('tab', { name: 'Scorecard' }).click();
    await page.locator('.sc-grid .ag-row[row-id="signups"] [col-id="kpi"]').first().click();
    const expected: [string, readonly string[], number][] = [
      ['kpi-chart', [HOSTILE_NAMES[0]], 16],
      ['breakdown-chart', HOSTILE_NAMES, 16],
    ];
    for (const [id, names, step] of expected) {
      const chart = page.getByTestId(id);
      await chart.locator('canvas, svg').first().waitFor();
      // Hovered once its picture has stopped changing: the KPI's values, forecast band and
      // breakdown may still be arriving (on a loaded machine a hover before then found nothing).
      await chartsSettled(chart);
      let seen = '';
      await eventually(async () => {
        seen += await hoverUntilShown(page, chart, step, names);
        return names.every((n) => seen.includes(n));
      }, 60_000).toBe(true);
      for (const name of names) expect(seen, `${id}: a tooltip showing ${name}`).toContain(name);
      expect(seen, `${id}: a tooltip`).not.toBe('');
    }
    // The bullet's tooltip holds no names, and its bar may be empty (a month without
    // signups); it is hovered all the same.
    await hoverUntilShown(page, page.getByTestId('bullet-chart'), 6, []);
    expect(await injected(page)).toEqual(CLEAN);
    expect(page.url()).toBe(url);
  });

  it('draws every analysis and shows each hostile name in a tooltip as text', async () => {
    const page = b.page;
    await page.getByRole('tab', { name: 'Analyses' }).click();
    const cells = page.locator('.nb-cell');
    await eventually(() => cells.count()).toBe(6);
    const states = () =>
      cells.evaluateAll((els) =>
        els.map((e) => {
          const el = e as HTMLElement;
          return `${el.dataset.cellName}:${el.dataset.status}${el.querySelector('.nb-error')?.textContent ?? ''}`;
        }),
      );
    await eventually(async () => (await states()).every((s) => /:(ok|error)/.test(s)), SLOW_LOAD).toBe(true);
    expect(await states()).toEqual([
      'drivers:ok',
      'rfm:ok',
      'segments:ok',
      'cohorts:ok',
      'funnel:ok',
      'trend:ok',
    ]);
    // Which names each chart's tooltips show: key drivers without their driver_ prefix, RFM
    // segments, customer segments and lead sources as written; cohorts and the trend have none.
    const expected: [string, number, readonly string[]][] = [
      ['drivers', 10, HOSTILE_NAMES],
      ['rfm', 24, HOSTILE_NAMES],
      ['segments', 16, HOSTILE_NAMES],
      ['cohorts', 24, []],
      ['funnel', 16, HOSTILE_NAMES],
      ['trend', 24, []],
    ];
    for (const [name, step, names] of expected) {
      const chart = page.locator(`.nb-cell[data-cell-name="${name}"] .nb-chart`);
      await chart.locator('canvas, svg').first().waitFor();
      const seen = await hoverUntilShown(page, chart, step, names);
      for (const n of names) expect(seen, `${name}: a tooltip showing ${n}`).toContain(n);
      expect(seen, `${name}: a tooltip`).not.toBe('');
    }
    expect(await injected(page)).toEqual(CLEAN);
    expect(page.url()).toBe(url);
    await b.screenshot('hostile-names');
  });
});
