import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  chooseFiles,
  eventually,
  importsSettled,
  ROOT,
  SLOW_LOAD,
  selectedTab,
  startBrowser,
} from './harness';
import { kept } from './keptRecord';

// What a cold start must never show while the demo or the last workbook loads.
const EMPTY_TEXTS = ['Drop a CRM export here', 'No tables yet'];
const LOADING_TEXTS = ['Loading the demo', 'Restoring your last workbook'];
const saw = (page: Page) => page.evaluate(() => (window as unknown as { saw: string[] }).saw);
const loading = (page: Page) => page.getByTestId('first-load');
const scorecardReady = (page: Page) => page.locator('[data-kpi-count]').waitFor({ timeout: SLOW_LOAD });

/** The grid's horizontal overflow and where each header cell sits, against the grid's own box. */
function layout(page: Page) {
  return page.evaluate(() => {
    const grid = document.querySelector('[data-testid="scorecard-grid"]')!.getBoundingClientRect();
    const scroll = document.querySelector('.sc-grid .ag-body-horizontal-scroll-viewport')!;
    const cells = [...document.querySelectorAll<HTMLElement>('.sc-grid .ag-header-cell[col-id]')].map((e) => {
      const r = e.getBoundingClientRect();
      return { id: e.getAttribute('col-id') ?? '', left: r.left, right: r.right, text: e.innerText.trim() };
    });
    return {
      grid: { left: grid.left, right: grid.right },
      overflow: scroll.scrollWidth - scroll.clientWidth,
      window: window.innerWidth,
      cells,
    };
  });
}

type Layout = Awaited<ReturnType<typeof layout>>;

/** The header cells' ids as a reader meets them, starting from the grid's `from` side. */
const readingOrder = (l: Layout, from: 'left' | 'right') =>
  [...l.cells].sort((a, b) => (from === 'left' ? a.left - b.left : b.right - a.right)).map((c) => c.id);

describe('the first screen at 1280 x 800', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
    await b.page.setViewportSize({ width: 1280, height: 800 });
    // Watches every change of each page load from before its first script: which of the
    // texts showed, even for a moment.
    await b.page.addInitScript(
      (texts: string[]) => {
        const w = window as unknown as { saw: string[] };
        w.saw = [];
        new MutationObserver(() => {
          const text = document.body?.textContent ?? '';
          for (const t of texts) if (text.includes(t) && !w.saw.includes(t)) w.saw.push(t);
        }).observe(document, { childList: true, subtree: true, characterData: true });
      },
      [...EMPTY_TEXTS, ...LOADING_TEXTS],
    );
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('says what is loading from its first render, never the empty state, and lands on the scorecard', async () => {
    const page = b.page;
    // Shipped results that fit nothing: refused, so the progress is what shows (the demo's
    // own would replace it with their preview: test/e2e/shippedResults.test.ts).
    await b.context.route(/\/results-[^/]*\.json$/, (r) =>
      r.fulfill({ contentType: 'application/json', body: '{}' }),
    );
    await page.goto(b.url);
    // No deadline here (speed is the bench's): `saw` below shows nothing else came first.
    await loading(page).waitFor({ timeout: SLOW_LOAD });
    for (const text of EMPTY_TEXTS) expect(await page.getByText(text).count(), text).toBe(0);
    await b.screenshot('first-screen-loading');
    // What loads, and how far along it is.
    await eventually(() => loading(page).innerText()).toMatch(/Loading the demo: \d+ of 13 tables/);
    await b.screenshot('first-screen-progress');
    await importsSettled(page);
    await scorecardReady(page);
    expect(await loading(page).count()).toBe(0);
    expect(await selectedTab(page)).toBe('Scorecard');
    expect(await saw(page)).toEqual(['Loading the demo']);
  });

  it('shows KPI, latest with its period, status and the four comparisons without scrolling sideways', async () => {
    const page = b.page;
    await eventually(() =>
      page.locator('.sc-grid .ag-row[row-id="nps"] [col-id="latest"]').first().innerText(),
    ).toMatch(/\d/);
    const l = await layout(page);
    const ids = l.cells.map((c) => c.id);
    for (const id of ['kpi', 'latest', 'status', 'prev', 'yoy', 'vsTarget', 'vsBenchmark'])
      expect(ids).toContain(id);
    // Per-period columns are behind "Total and periods".
    expect(ids.filter((id) => /^p\d+$/.test(id))).toEqual([]);
    for (const c of l.cells) {
      expect(c.left, c.id).toBeGreaterThanOrEqual(l.grid.left - 1);
      expect(c.right, c.id).toBeLessThanOrEqual(l.grid.right + 1);
    }
    expect(l.grid.right).toBeLessThanOrEqual(l.window);
    // Read from the left: the KPI, then its latest value.
    expect(readingOrder(l, 'left').slice(0, 2)).toEqual(['kpi', 'latest']);
    expect(l.overflow, 'horizontal scroll in the grid').toBeLessThanOrEqual(0);
    // The latest value says which period it is.
    expect(l.cells.find((c) => c.id === 'latest')?.text.replace(/\s+/g, ' ')).toMatch(
      /^Latest (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$/,
    );
    // Nothing at a glance is cut short: the values fit their cells.
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.sc-grid .ag-center-cols-container .ag-cell')]
        .filter((e) => e.scrollWidth > e.clientWidth + 1)
        .map(
          (e) =>
            `${e.closest('[row-id]')?.getAttribute('row-id')}/${e.getAttribute('col-id')}: ${e.innerText}`,
        ),
    );
    expect(clipped).toEqual([]);
    await b.screenshot('first-screen-scorecard');
  });

  it('fits the same columns in Persian, where a change in points reads "▲ +۰٫۵ واحد"', async () => {
    const page = b.page;
    await page.getByLabel('Language').selectOption('fa');
    await eventually(async () =>
      (await layout(page)).cells.find((c) => c.id === 'latest')?.text.replace(/\s+/g, ' '),
    ).toMatch(/^آخرین /);
    const l = await layout(page);
    for (const id of ['kpi', 'latest', 'status', 'prev', 'yoy', 'vsTarget', 'vsBenchmark'])
      expect(l.cells.map((c) => c.id)).toContain(id);
    for (const c of l.cells) {
      expect(c.left, c.id).toBeGreaterThanOrEqual(l.grid.left - 1);
      expect(c.right, c.id).toBeLessThanOrEqual(l.grid.right + 1);
    }
    expect(l.overflow, 'horizontal scroll in the Persian grid').toBeLessThanOrEqual(0);
    // Read from the right: the KPI, then its latest value.
    expect(readingOrder(l, 'right').slice(0, 2)).toEqual(['kpi', 'latest']);
    // The demo's rates do change in points; the cell abbreviates the unit, the tooltip writes it out.
    await eventually(() => page.locator('.sc-grid .ag-cell[col-id="prev"]').allInnerTexts()).toContainEqual(
      expect.stringMatching(/^[▲▼●] .*[۰-۹] واحد$/),
    );
    const cells = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.sc-grid .ag-center-cols-container .ag-cell')].map((e) => ({
        at: `${e.closest('[row-id]')?.getAttribute('row-id')}/${e.getAttribute('col-id')}`,
        text: e.innerText,
        clipped: e.scrollWidth > e.clientWidth + 1,
      })),
    );
    expect(cells.filter((c) => c.clipped).map((c) => `${c.at}: ${c.text}`)).toEqual([]);
    await b.screenshot('first-screen-scorecard-fa');
    await page.getByLabel('زبان').selectOption('en');
    await eventually(async () => (await layout(page)).cells.find((c) => c.id === 'latest')?.text).toMatch(
      /^Latest/,
    );
  });

  it('opens the period and target columns on demand, to the right', async () => {
    const page = b.page;
    await page.getByRole('button', { name: 'Total and periods' }).click();
    await eventually(
      async () => (await layout(page)).cells.filter((c) => /^p\d+$/.test(c.id)).length,
    ).toBeGreaterThan(12);
    expect((await layout(page)).overflow).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Targets and thresholds' }).click();
    await eventually(async () => (await layout(page)).cells.map((c) => c.id)).toContain('target');
    await page.getByRole('button', { name: 'Total and periods' }).click();
    await page.getByRole('button', { name: 'Targets and thresholds' }).click();
    await eventually(async () => (await layout(page)).overflow).toBeLessThanOrEqual(0);
  });

  it('brings the autosaved workbook back saying so, never the empty state, and lands on the scorecard', async () => {
    const page = b.page;
    await page.reload();
    await importsSettled(page, ['customers', 'expenses']);
    await scorecardReady(page);
    await eventually(() => selectedTab(page)).toBe('Scorecard');
    expect(await saw(page)).toEqual(['Restoring your last workbook']);
  });

  // Otherwise it lands on the scorecard: test/e2e/demo.test.ts, from the same empty state.
  it('keeps a tab the user picks while the demo loads', async () => {
    const page = b.page;
    // From a clean start the empty state is on the Data sheet; its button loads the demo.
    await page.goto(`${b.url}?demo=0`);
    // The demo's tables are held back until the tab is picked: on a clean start the engine is
    // up already, and the prepared tables would otherwise be in before the click.
    let release = () => {};
    const held = new Promise<void>((ok) => {
      release = ok;
    });
    const demoTables = /\/assets\/[a-z]+-[^/]*\.arrow$/;
    await b.context.route(demoTables, async (r) => {
      await held;
      await r.continue();
    });
    await page.getByRole('button', { name: 'Open the demo' }).click();
    await loading(page).waitFor();
    await page.getByRole('tab', { name: 'Notebook' }).click();
    // Picked while the demo was still loading.
    expect(await page.locator('.job').count()).toBeGreaterThan(0);
    release();
    await importsSettled(page);
    await b.context.unroute(demoTables);
    await eventually(() => page.getByText(/Loading the demo/).count()).toBe(0);
    expect(await selectedTab(page)).toBe('Notebook');
  });

  it('lists the KPIs that compute first and folds the others into a line per family', async () => {
    const page = b.page;
    await page.goto(`${b.url}?demo=0`);
    await chooseFiles(page, [`${ROOT}samples/crm-demo/deals.csv`, `${ROOT}samples/crm-demo/tickets.csv`]);
    await importsSettled(page, ['deals', 'tickets']);
    await page.getByRole('tab', { name: 'Scorecard' }).click();
    await scorecardReady(page);
    const fold = page.locator('[data-fold="customer"]');
    await fold.scrollIntoViewIfNeeded();
    const count = Number(await fold.getAttribute('data-count'));
    expect(count).toBeGreaterThan(1);
    // The reason comes from the columns the KPIs lack: customers, surveys and orders are not loaded,
    // the most needed first.
    // Table names are kept left to right inside either language (isolates around each).
    expect((await fold.innerText()).replace(/[\u2066-\u2069]/g, '').replace(/\s+/g, ' ')).toBe(
      `${count} customer KPIs need a customers, surveys or orders table : map one`,
    );
    // Every computable KPI comes before the first folded line.
    const index = (sel: string) =>
      page.evaluate(
        (q) => [...document.querySelectorAll(q)].map((e) => Number(e.getAttribute('row-index'))),
        sel,
      );
    const folds = await index('.sc-grid .ag-full-width-row[row-id^="fold:"]');
    const computed = await index('.sc-grid .ag-row:not(.ag-full-width-row):not(.sc-unavailable)');
    expect(folds.length).toBeGreaterThan(0);
    expect(Math.max(...computed)).toBeLessThan(Math.min(...folds));
    expect(await page.locator('.sc-grid .sc-unavailable').count()).toBe(0);
    await b.screenshot('first-screen-folded');
    // It opens onto the family's list, each with what it lacks.
    await fold.getByRole('button', { expanded: false }).click();
    await eventually(() => page.locator('.sc-grid .sc-unavailable').count()).toBe(count);
    expect(await page.locator('.sc-grid .sc-unavailable .sc-reason').first().innerText()).toMatch(
      /needs \u2066?(surveys|customers|orders)\./,
    );
    await b.screenshot('first-screen-unfolded');
    await fold.getByRole('button', { expanded: true }).click();
    await eventually(() => page.locator('.sc-grid .sc-unavailable').count()).toBe(0);
    // In Persian too, with the count in Persian digits.
    await page.getByLabel('Language').selectOption('fa');
    await fold.scrollIntoViewIfNeeded();
    await eventually(async () => (await fold.innerText()).replace(/[\u2066-\u2069]/g, '')).toMatch(
      /^[۰-۹]+ شاخص مشتری به جدول customers، surveys یا orders نیاز دارند/,
    );
    await b.screenshot('first-screen-folded-fa');
    await page.getByLabel('زبان').selectOption('en');
    // "map one" goes to the data, where tables are mapped.
    await fold.getByRole('button', { name: 'map one' }).click();
    expect(await selectedTab(page)).toBe('Data');
  });

  it('loads the demo on after a first visit reloaded while it loaded, before any table and after some', async () => {
    const page = b.page;
    // A first visit again: nothing kept from the tests before.
    const cdp = await b.context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin: b.origin, storageTypes: 'all' });
    await page.goto(b.url);
    await eventually(async () => (await kept(page))?.demoLoading, SLOW_LOAD).toBe(true);
    await page.reload();
    // Kept while loading on: some tables in, the demo still under way.
    await eventually(async () => {
      const k = await kept(page);
      return k?.demoLoading === true ? Object.keys(k.tables ?? {}).length : 0;
    }, SLOW_LOAD).toBeGreaterThanOrEqual(3);
    await page.reload();
    await importsSettled(page);
    await scorecardReady(page);
    expect(await page.locator('li[data-table]').count()).toBe(13);
    expect(await selectedTab(page)).toBe('Scorecard');
    const seen = await saw(page);
    expect(seen).toContain('Loading the demo');
    for (const text of EMPTY_TEXTS) expect(seen).not.toContain(text);
    // Once in, the demo is kept as a workbook like any other.
    await eventually(async () => (await kept(page))?.demoLoading ?? false).toBe(false);
  });
});
