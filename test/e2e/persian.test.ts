import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, eventually, importsSettled, startBrowser } from './harness';

/**
 * The app in Persian: the whole page mirrors, numbers use Persian digits, the Jalali
 * calendar names its months, and formulas and SQL stay left to right. Screenshots of
 * the scorecard, a chart and the notebook are saved for a person to look at.
 */
describe('Persian, right to left', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  const settled = () => eventually(() => b.page.locator('.sc-status [data-kpi-count]').count()).toBe(1);
  const PERSIAN_DIGIT = /[۰-۹]/;

  it('switches to Persian: rtl page, Persian text and digits in the scorecard', async () => {
    const page = await b.open();
    await importsSettled(page);
    await settled();
    await page.getByLabel('Language').selectOption('fa');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('fa');
    await page.getByRole('heading', { name: 'شاخص' }).waitFor();
    await eventually(() => page.getByRole('tab', { name: 'کارنامه' }).count()).toBe(1);
    await settled();
    const latest = b.page.locator('.sc-grid .ag-row[row-id="nps"] [col-id="latest"]').first();
    await eventually(() => latest.innerText()).toMatch(PERSIAN_DIGIT);
    expect(await latest.innerText()).not.toMatch(/[0-9]/);
    // Catalog KPIs are labelled in Persian.
    await eventually(() =>
      b.page.locator('.sc-grid .ag-row[row-id="churn_rate"] .sc-kpi-label').first().innerText(),
    ).toBe('نرخ ریزش');
    // AG Grid runs in its RTL mode.
    expect(await page.locator('.sc-grid .ag-rtl').count()).toBeGreaterThan(0);
    // The font is the bundled Vazirmatn.
    expect(await page.evaluate(() => getComputedStyle(document.body).fontFamily)).toMatch(/Vazirmatn/);
    await eventually(() => page.evaluate(() => document.fonts.check('14px Vazirmatn', 'شاخص'))).toBe(true);
    await b.screenshot('persian-scorecard');
  });

  it('names the Jalali months in the period headers', async () => {
    const page = b.page;
    await page.getByLabel('تقویم').selectOption('jalali');
    await settled();
    const headers = () => page.locator('.sc-grid .ag-header-cell-text').allInnerTexts();
    await eventually(async () => (await headers()).join(' ')).toMatch(
      /(فروردین|اردیبهشت|خرداد|تیر|مرداد|شهریور|مهر|آبان|آذر|دی|بهمن|اسفند) [۰-۹]{4}/,
    );
    expect((await headers()).join(' ')).not.toMatch(/\d{4}-\d{2}/);
    await b.screenshot('persian-scorecard-jalali');
  });

  it('keeps the formula bar left to right and charts a KPI', async () => {
    const page = b.page;
    await page.locator('.sc-grid .ag-row[row-id="nps"] [col-id="kpi"]').first().click();
    const input = page.locator('#formula-input');
    await input.waitFor();
    expect(await input.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    const chart = page.getByTestId('kpi-chart');
    await chart.waitFor();
    await eventually(() => chart.locator('canvas').count()).toBeGreaterThan(0);
    await page.waitForTimeout(500);
    await b.screenshot('persian-chart');
  });

  it('shows the notebook in Persian with SQL left to right', async () => {
    const page = b.page;
    await page.getByRole('tab', { name: 'دفترچه' }).click();
    await page.getByRole('button', { name: 'اجرای همه' }).waitFor();
    const editor = page.locator('.nb-sql-editor').first();
    if ((await editor.count()) > 0) expect(await editor.getAttribute('dir')).toBe('ltr');
    await page.waitForTimeout(1500);
    await b.screenshot('persian-notebook');
  });

  it('keeps the choice after a reload', async () => {
    const page = b.page;
    await page.reload();
    await page.getByRole('heading', { name: 'شاخص' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    await page.getByLabel('زبان').selectOption('en');
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('ltr');
    await page.getByRole('heading', { name: 'Shakhes' }).waitFor();
  });
});
