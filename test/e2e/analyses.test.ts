import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, eventually, importsSettled, startBrowser } from './harness';

/**
 * The demo notebook's analyses at 1280 × 800, read as a client would: the funnel's bars end
 * in their conversion, the cohort cells hold their percentages, RFM names are whole, a
 * pivot picks its fields from the table's columns and shows totals, no grid cuts its last
 * column, and running a cell closes the completion list. Screenshots of each analysis (and
 * of the Jalali cohorts in Persian) are saved for a person to look at.
 */
describe('analyses that read at a glance', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  const cell = (page: Page, name: string) => page.locator(`.nb-cell[data-cell-name="${name}"]`);
  const svgTexts = (c: Locator) =>
    c.locator('.nb-chart svg text').evaluateAll((els) => els.map((e) => e.textContent ?? ''));
  const allDone = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.nb-cell:not([data-kind="markdown"])')].every((el) =>
        ['ok', 'error'].includes(el.dataset.status ?? ''),
      ),
    );
  const shot = async (page: Page, name: string, file: string) => {
    await cell(page, name).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await b.screenshot(file);
  };
  /** The first grid row's value in a column of the cell's grid (its Rows, opened). */
  const firstValue = async (c: Locator, col: string) =>
    Number(
      (await c.locator(`.ag-row[row-index="0"]:not(.ag-row-pinned) [col-id="${col}"]`).innerText()).replace(
        /,/g,
        '',
      ),
    );

  it('runs the demo notebook at 1280 × 800', async () => {
    const page = await b.open();
    await page.setViewportSize({ width: 1280, height: 800 });
    await importsSettled(page);
    await page.getByRole('tab', { name: 'Notebook' }).click();
    await eventually(() => page.locator('.nb-cell').count()).toBeGreaterThan(10);
    await eventually(() => allDone(page), 110_000).toBe(true);
    expect(await page.locator('.nb-cell[data-status="error"]').count()).toBe(0);
  }, 300_000);

  it('ends each funnel bar in its conversion from the step before and from the leads', async () => {
    const page = b.page;
    const c = cell(page, 'lead_funnel');
    await c.locator('.nb-rows summary').click();
    const [leads, mql, sql] = [
      await firstValue(c, 'leads'),
      await firstValue(c, 'mql'),
      await firstValue(c, 'sql'),
    ];
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    const texts = await svgTexts(c);
    // The first source's bars: leads as a count, MQL as a share of leads, SQL of MQL and of leads.
    expect(texts).toContain(`${mql.toLocaleString('en-US')} · ${pct(mql / leads)} of Leads`);
    expect(texts).toContain(
      `${sql.toLocaleString('en-US')} · ${pct(sql / mql)} of MQL · ${pct(sql / leads)} of Leads`,
    );
    await c.locator('.nb-rows summary').click();
    await shot(page, 'lead_funnel', 'analyses-funnel');
  });

  it('shows each cohort cell as a percentage of its cohort', async () => {
    const page = b.page;
    const c = cell(page, 'retention_cohorts');
    const texts = await svgTexts(c);
    // 24 months are too many for a % sign in each cell: the scale under the chart says 0 %–100 %.
    expect(texts).toEqual(expect.arrayContaining(['0%', '100%']));
    // 24 cohorts, each with a cell per month it has reached: 24 + 23 + … + 1 = 300 cells, and
    // the 24 month numbers of the axis (0–23).
    const numbers = texts.filter((s) => /^\d{1,3}$/.test(s));
    expect(numbers.length).toBe(300 + 24);
    expect(numbers.filter((s) => s === '100').length).toBeGreaterThanOrEqual(24);
    expect(numbers.every((s) => Number(s) <= 100)).toBe(true);
    await shot(page, 'retention_cohorts', 'analyses-cohort');
  });

  it('writes RFM names whole, or leaves a tile too small for its name to the tooltip', async () => {
    const page = b.page;
    const c = cell(page, 'rfm_segments');
    const chart = c.locator('.nb-chart');
    await eventually(async () => (await chart.getAttribute('data-label-forms')) !== '{}').toBe(true);
    const forms: Record<string, string> = JSON.parse((await chart.getAttribute('data-label-forms')) ?? '{}');
    const texts = await svgTexts(c);
    expect(texts.join(' ')).not.toMatch(/…|\.\.\./);
    const shown = texts.join(' ');
    for (const [name, form] of Object.entries(forms))
      if (form !== 'none') expect(shown, name).toContain(form === 'wrapped' ? name.split(' ')[0] : name);
    expect(Object.keys(forms).length).toBe(10);
    // Every label lies inside the chart.
    const box = await chart.boundingBox();
    for (const t of await c.locator('.nb-chart svg text').all()) {
      const tb = await t.boundingBox();
      if (box === null || tb === null || tb.width === 0) continue;
      expect(tb.x).toBeGreaterThanOrEqual(box.x - 0.5);
      expect(tb.x + tb.width).toBeLessThanOrEqual(box.x + box.width + 0.5);
    }
    await shot(page, 'rfm_segments', 'analyses-rfm');
  });

  it('totals a pivot and offers its fields from the table’s columns', async () => {
    const page = b.page;
    const c = cell(page, 'customers_by_region');
    const headers = await c.locator('.ag-header-cell-text').allInnerTexts();
    expect(headers[0]).toBe('region');
    expect(headers.at(-1)).toBe('Total');
    const totalRow = c.locator('.ag-row-pinned').first();
    expect(await totalRow.locator('[col-id="region"]').innerText()).toBe('Total');
    // The grand total is every customer: the sum of the row totals above it.
    const rowTotals = (await c.locator('.ag-row:not(.ag-row-pinned) [col-id="(total)"]').allInnerTexts()).map(
      (s) => Number(s.replace(/,/g, '')),
    );
    const grand = Number((await totalRow.locator('[col-id="(total)"]').innerText()).replace(/,/g, ''));
    expect(grand).toBe(rowTotals.reduce((a, x) => a + x, 0));
    expect(grand).toBe(2980);
    // Each column field lists the customers table's columns.
    const rows = c.getByLabel('Rows');
    const listId = await rows.getAttribute('list');
    const options = await page
      .locator(`datalist[id="${listId}"] option`)
      .evaluateAll((els) => els.map((e) => (e as HTMLOptionElement).value));
    expect(options).toEqual(expect.arrayContaining(['customer_id', 'created_at', 'region', 'segment']));
    await shot(page, 'customers_by_region', 'analyses-pivot');
    // A typo is reported at its field, with the closest column.
    await rows.fill('regoin');
    await rows.press('Enter');
    await c.getByRole('button', { name: 'Run' }).click();
    await eventually(() => c.getAttribute('data-status')).toBe('error');
    expect(await c.locator('.nb-field-problem').innerText()).toBe(
      'Rows: customers has no column regoin; did you mean region?',
    );
    expect(await c.getByLabel('Rows').getAttribute('aria-invalid')).toBe('true');
    await b.screenshot('analyses-pivot-typo');
    await c.getByLabel('Rows').fill('region');
    await c.getByLabel('Rows').press('Enter');
    await c.getByRole('button', { name: 'Run' }).click();
    await eventually(() => c.getAttribute('data-status')).toBe('ok');
    expect(await c.locator('.nb-field-problem').count()).toBe(0);
  });

  /** Every header and cell of each visible grid lies inside the grid's box. */
  const gridsFit = (page: Page) =>
    page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.nb-grid')]
        .filter((g) => g.offsetParent !== null)
        // A result wider than its grid scrolls; it is checked scrolled to its end instead.
        .filter((g) => {
          const v = g.querySelector('.ag-body-horizontal-scroll-viewport');
          return v === null || v.scrollWidth <= v.clientWidth + 1;
        })
        .flatMap((g) => {
          const box = g.getBoundingClientRect();
          return [...g.querySelectorAll<HTMLElement>('.ag-header-cell, .ag-row[row-index="0"] .ag-cell')]
            .map((el) => ({ el, r: el.getBoundingClientRect() }))
            .filter(({ r }) => r.left < box.left - 0.5 || r.right > box.right + 0.5)
            .map(
              ({ el, r }) =>
                `${el.getAttribute('col-id')}: ${r.left}–${r.right} outside ${box.left}–${box.right}`,
            );
        }),
    );

  it('shows the last column of every result grid whole, in English and in Persian', async () => {
    const page = b.page;
    for (const name of ['channel_costs', 'customers_by_region']) {
      await cell(page, name).scrollIntoViewIfNeeded();
      await eventually(() => cell(page, name).locator('.ag-header-cell').count()).toBeGreaterThan(1);
    }
    expect(await gridsFit(page)).toEqual([]);
    await shot(page, 'channel_costs', 'analyses-grid-en');
    // A wide result (every customers column): scrolled to its end, the last column is whole.
    await page.getByLabel('Kind of cell to add').selectOption('sql');
    await page.getByRole('button', { name: 'Add cell' }).click();
    const added = page.locator('.nb-cell[data-kind="sql"]').last();
    await added.locator('.cm-content').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('SELECT * FROM customers');
    await page.keyboard.press('Control+Enter');
    await eventually(() => added.getAttribute('data-status')).toBe('ok');
    await added.locator('.ag-body-horizontal-scroll-viewport').evaluate((el) => {
      el.scrollLeft = el.scrollWidth;
    });
    const last = added.locator('.ag-header-cell[col-id="owner"]');
    await eventually(() => last.count()).toBe(1);
    const [grid, cellBox] = [await added.locator('.nb-grid').boundingBox(), await last.boundingBox()];
    expect(grid && cellBox && cellBox.x + cellBox.width <= grid.x + grid.width + 0.5).toBe(true);
    await shot(page, (await added.getAttribute('data-cell-name')) ?? '', 'analyses-grid-wide-en');
  });

  it('closes the completion list when the cell runs, from the keys or the Run button', async () => {
    const page = b.page;
    const c = cell(page, 'cheapest_channel');
    const editor = c.locator('.cm-content');
    const popup = page.locator('.cm-tooltip-autocomplete');
    await editor.click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type('SELECT * FROM marketing WHERE sp');
    await eventually(() => popup.count()).toBe(1);
    await page.keyboard.press('Control+Enter');
    await eventually(() => popup.count()).toBe(0);
    await eventually(() => allDone(page)).toBe(true);
    await editor.click();
    await page.keyboard.press('End');
    await page.keyboard.type('e');
    await eventually(() => popup.count()).toBe(1);
    await c.getByRole('button', { name: 'Run' }).click();
    await eventually(() => popup.count()).toBe(0);
    await eventually(() => allDone(page)).toBe(true);
  });

  it('cuts cohorts by Jalali month in a Jalali workbook, named in Persian', async () => {
    const page = b.page;
    await page.getByLabel('Language').selectOption('fa');
    // The calendar is chosen on the scorecard; the notebook's cohorts follow it.
    await page.getByRole('tab', { name: 'کارنامه' }).click();
    await page.getByLabel('تقویم').selectOption('jalali');
    await page.getByRole('tab', { name: 'دفترچه' }).click();
    const c = cell(page, 'retention_cohorts');
    const JALALI = /^(فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند) [۰-۹]{4}$/;
    await eventually(
      async () => (await svgTexts(c)).filter((s) => JALALI.test(s)).length,
      60_000,
    ).toBeGreaterThan(20);
    await eventually(() => allDone(page)).toBe(true);
    const texts = await svgTexts(c);
    expect(texts.filter((s) => /^[۰-۹]{1,3}$/.test(s)).length).toBeGreaterThan(300);
    await shot(page, 'retention_cohorts', 'analyses-cohort-fa-jalali');
    await shot(page, 'lead_funnel', 'analyses-funnel-fa');
    await shot(page, 'rfm_segments', 'analyses-rfm-fa');
    for (const name of ['channel_costs', 'customers_by_region'])
      await cell(page, name).scrollIntoViewIfNeeded();
    expect(await gridsFit(page)).toEqual([]);
    await shot(page, 'customers_by_region', 'analyses-pivot-fa');
    // The wide result, scrolled to its end (leftwards, in a right-to-left page).
    const wide = page.locator('.nb-cell[data-kind="sql"]').last();
    await wide.locator('.ag-body-horizontal-scroll-viewport').evaluate((el) => {
      el.scrollLeft = -el.scrollWidth;
    });
    const owner = wide.locator('.ag-header-cell[col-id="owner"]');
    await eventually(() => owner.count()).toBe(1);
    const [grid, box] = [await wide.locator('.nb-grid').boundingBox(), await owner.boundingBox()];
    expect(grid && box && box.x >= grid.x - 0.5 && box.x + box.width <= grid.x + grid.width + 0.5).toBe(true);
  });
});
