import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { applyFormula, chooseCompletion, formulaText, underlined } from './formulaEditor';
import { type Browser, dropFile, eventually, importsSettled, ROOT, startBrowser } from './harness';
import { chartsSettled } from './settled';

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

  it('takes Jalali dates in the range in either digit set, and says what is wrong with a date it cannot take', async () => {
    const page = b.page;
    const headers = async () =>
      (await page.locator('.sc-grid .ag-header-cell-text').allInnerTexts()).join(' | ');
    const from = page.getByLabel('از', { exact: true });
    const start = await from.inputValue();
    // The range's first periods are read off the per-period columns, shown on demand.
    await page.getByRole('button', { name: 'کل و دوره‌ها' }).click();
    // The range is shown in the page's calendar and digits, not the browser's 12/31/2025.
    expect(start).toMatch(/^[۰-۹]{4}\/[۰-۹]{2}\/[۰-۹]{2}$/);
    // Persian digits: the range starts on 1 Esfand 1403.
    await from.fill('۱۴۰۳/۱۲/۰۱');
    await from.press('Enter');
    await eventually(headers).not.toMatch(/بهمن ۱۴۰۳/);
    expect(await headers()).toMatch(/اسفند ۱۴۰۳/);
    // Latin digits, across the new year: Esfand goes and Farvardin 1404 comes first.
    await from.fill('1404/1/1');
    await from.press('Enter');
    await eventually(headers).not.toMatch(/اسفند ۱۴۰۳/);
    expect(await headers()).toMatch(/فروردین ۱۴۰۴/);
    expect(await from.inputValue()).toBe('۱۴۰۴/۰۱/۰۱');
    // 1404 is not a leap year: there is no 30 Esfand, and the field says so where it is.
    await from.fill('۱۴۰۴/۱۲/۳۰');
    await from.press('Enter');
    const problem = page.locator(`[id="${await from.getAttribute('id')}-problem"]`);
    await eventually(() => problem.innerText()).toMatch(/روز ۳۰ در اسفند ۱۴۰۴ نیست: این ماه ۲۹ روز دارد/);
    expect(await problem.getAttribute('role')).toBe('alert');
    expect(await from.getAttribute('aria-invalid')).toBe('true');
    expect(await from.getAttribute('aria-describedby')).toBe(await problem.getAttribute('id'));
    await from.fill('1404/13/01');
    await from.press('Enter');
    await eventually(() => problem.innerText()).toMatch(/ماه ۱۳ وجود ندارد/);
    // Nothing was applied, and Escape gives the field its value back.
    expect(await headers()).toMatch(/فروردین ۱۴۰۴/);
    await from.press('Escape');
    expect(await from.inputValue()).toBe('۱۴۰۴/۰۱/۰۱');
    expect(await problem.count()).toBe(0);
    await from.fill(start);
    await from.press('Enter');
    await eventually(headers).toMatch(/بهمن ۱۴۰۳ \| اسفند ۱۴۰۳ \| فروردین ۱۴۰۴/);
    await settled();
    await page.getByRole('button', { name: 'کل و دوره‌ها' }).click();
  });

  it('keeps the formula bar left to right and charts a KPI', async () => {
    const page = b.page;
    await page.locator('.sc-grid .ag-row[row-id="nps"] [col-id="kpi"]').first().click();
    const input = page.locator('#formula-input');
    await input.waitFor();
    expect(await input.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    // The completion list reads left to right too, its KPI labels and column kinds in Persian.
    const applied = await formulaText(input);
    await input.click();
    await input.press('Control+a');
    await page.keyboard.type('CO');
    await chooseCompletion(page, 'COUNTIF');
    await eventually(() => page.locator('.cm-completionInfo').innerText()).toContain('COUNTIF(condition)');
    const list = page.locator('.cm-tooltip-autocomplete');
    expect(await list.evaluate((el) => getComputedStyle(el).direction)).toBe('ltr');
    await page.setViewportSize({ width: 1280, height: 800 });
    await b.screenshot('persian-formula-completion');
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Escape');
    await eventually(() => formulaText(input)).toBe(applied);
    const chart = page.getByTestId('kpi-chart');
    await chart.waitFor();
    await eventually(() => chart.locator('canvas').count()).toBeGreaterThan(0);
    await chartsSettled(chart);
    await b.screenshot('persian-chart');
  });

  it('says what is wrong with a formula in Persian, underlining the right span', async () => {
    const page = b.page;
    await page.locator('.sc-grid .ag-row[row-id="csat"] [col-id="kpi"]').first().click();
    const input = page.locator('#formula-input');
    await input.waitFor();
    const good = await formulaText(input);
    const bad = good.replace('surveys.csat', 'surveys.csatt');
    expect(bad).not.toBe(good);
    await applyFormula(input, bad);
    const problem = page.locator('.sc-problem').first();
    await problem.waitFor();
    const text = await problem.innerText();
    expect(text).toMatch(/ستونی با نام/);
    expect(text).not.toMatch(/did you mean|no column/);
    // The names stay as written, isolated so they keep their order in the Persian sentence.
    expect(text).toContain('«\u2066csat\u2069»');
    expect(text).toContain('«\u2068csatt\u2069»');
    expect((await underlined(input)).join('')).toBe('surveys.csatt');
    await b.screenshot('persian-formula-error');
    await applyFormula(input, good);
    await eventually(() => page.locator('.sc-problem').count()).toBe(0);
  });

  it('shows the notebook in Persian with SQL left to right', async () => {
    const page = b.page;
    await page.getByRole('tab', { name: 'دفترچه' }).click();
    await page.getByRole('button', { name: 'اجرای همه' }).waitFor();
    const editor = page.locator('.nb-sql-editor').first();
    if ((await editor.count()) > 0) expect(await editor.getAttribute('dir')).toBe('ltr');
    // The demo was loaded in English; its text follows the switch to Persian.
    await page.getByRole('heading', { name: 'مروری بر فصل' }).waitFor();
    expect(await page.getByRole('heading', { name: 'The quarter in review' }).count()).toBe(0);
    // KPI periods are the Jalali seasons, named, in Persian digits.
    const kpiHeads = page.locator('[data-cell-name="this_quarter"] .nb-kpi-table thead th');
    await eventually(async () => (await kpiHeads.allInnerTexts()).join(' | ')).toMatch(
      /(بهار|تابستان|پاییز|زمستان) [۰-۹]{4} \| (بهار|تابستان|پاییز|زمستان) [۰-۹]{4}/,
    );
    expect((await kpiHeads.allInnerTexts()).join(' ')).not.toMatch(/[0-9]|Q[1-4]/);
    await chartsSettled(page.locator('.nb-cells, main').first());
    await b.screenshot('persian-notebook');
  });

  it('switches the demo text back to English, keeping a heading the user rewrote', async () => {
    const page = b.page;
    const churnNote = page.locator('[data-cell-name="churn_note"]');
    await churnNote.getByRole('button', { name: 'ویرایش' }).click();
    await churnNote.locator('textarea').fill('## ریزش به تفکیک بخش، به روایت ما');
    await churnNote.getByRole('button', { name: 'تمام' }).click();
    await page.getByLabel('زبان').selectOption('en');
    await page.getByRole('tab', { name: 'Notebook' }).click();
    await page.getByRole('heading', { name: 'The quarter in review' }).waitFor();
    expect(await page.getByRole('heading', { name: 'مروری بر فصل' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'What changed this quarter' }).count()).toBe(1);
    expect(await churnNote.getByRole('heading').innerText()).toBe('ریزش به تفکیک بخش، به روایت ما');
    await page.getByLabel('Language').selectOption('fa');
    await page.getByRole('heading', { name: 'مروری بر فصل' }).waitFor();
    expect(await churnNote.getByRole('heading').innerText()).toBe('ریزش به تفکیک بخش، به روایت ما');
  });

  it("writes AG Grid's own filter menu in Persian", async () => {
    const page = b.page;
    await page.getByRole('tab', { name: 'داده‌ها' }).click();
    const header = page.locator('.ag-header-cell[col-id="name"]').first();
    await header.waitFor();
    await header.locator('.ag-header-cell-filter-button').click();
    const menu = page.locator('.ag-filter').first();
    await menu.waitFor();
    expect(await menu.getByRole('button', { name: 'بازنشانی' }).count()).toBe(1);
    expect(await menu.locator('input[placeholder="پالایه…"]').count()).toBe(1);
    expect(await menu.innerText()).toMatch(/شامل/);
    expect(await menu.innerText()).not.toMatch(/Contains|Reset|Filter/);
    await b.screenshot('persian-filter-menu');
    await page.keyboard.press('Escape');
  });

  it('says in Persian why a dropped file could not be read, with its name and the line in Persian digits', async () => {
    const page = b.page;
    await dropFile(page, join(ROOT, 'test/fixtures/ragged.csv'));
    const error = page.locator('[data-error-file="ragged.csv"]');
    await error.waitFor();
    await importsSettled(page);
    const text = await error.innerText();
    // The file name keeps its own direction (isolated) inside the Persian sentence.
    expect(text).toContain('«\u2068ragged.csv\u2069»');
    expect(text).toMatch(/خوانده نشد: سطر ۴ دارای ۵ فیلد است، اما سطر سرستون ۳ فیلد دارد/);
    expect(text.replace('ragged.csv', '')).not.toMatch(/[A-Za-z0-9]/);
    await b.screenshot('persian-load-error');
    await page.getByRole('button', { name: 'بستن پیام دربارهٔ ragged.csv' }).click();
    await eventually(() => error.count()).toBe(0);
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
