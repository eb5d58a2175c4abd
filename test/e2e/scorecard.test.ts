import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  acceptCompletion,
  applyFormula,
  chooseCompletion,
  completionLabels,
  formulaText,
  underlined,
} from './formulaEditor';
import { type Browser, eventually, importsSettled, startBrowser } from './harness';
import { scorecardSettled } from './scorecardPage';

/**
 * The scorecard a user opens the demo on: every KPI with values, controls that
 * recompute it, a formula bar that shows where a formula is wrong, and charts.
 */
describe('the demo scorecard', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  const latestOf = (id: string) =>
    b.page.locator(`.sc-grid .ag-row[row-id="${id}"] [col-id="latest"]`).first().innerText();
  // With a loaded machine's patience: the demo's first scorecard took over 30 s at load 30.
  const settled = () => scorecardSettled(b);

  it('opens on a scorecard of at least 30 KPIs with values', async () => {
    const page = await b.open();
    await importsSettled(page);
    await settled();
    const count = Number(await page.locator('[data-kpi-count]').getAttribute('data-kpi-count'));
    expect(count).toBeGreaterThanOrEqual(30);
    // The grid virtualises rows: count the values of every KPI the store holds through the DOM of the visible ones.
    await eventually(() => latestOf('nps')).toMatch(/\d/);
    const latest = await page.locator('.sc-grid [col-id="latest"].cell-number').allInnerTexts();
    expect(latest.filter((x) => /\d/.test(x)).length).toBeGreaterThanOrEqual(15);
    expect(await page.locator('.sc-group').count()).toBeGreaterThanOrEqual(1);
    await b.screenshot('scorecard');
  });

  it('switches to quarters in the Jalali calendar', async () => {
    const page = b.page;
    await page.getByLabel('Grain').selectOption('quarter');
    await settled();
    await page.getByLabel('Calendar').selectOption('jalali');
    await settled();
    await eventually(async () =>
      (await page.locator('.sc-grid .ag-header-cell-text').allInnerTexts()).join(' '),
    ).toMatch(/\b14\d\d-Q[1-4]\b/);
    await eventually(() => latestOf('nps')).toMatch(/\d/);
    await b.screenshot('scorecard-jalali-quarter');
  });

  it('breaks down by customers.segment and shows the segments of a KPI', async () => {
    const page = b.page;
    await page.getByLabel('Breakdown').selectOption('customers.segment');
    await settled();
    await page.locator('.sc-grid .ag-row[row-id="nps"] [col-id="kpi"]').first().click();
    const chart = page.getByTestId('breakdown-chart');
    await chart.waitFor();
    await eventually(() => hasInk(chart.locator('canvas').first())).toBe(true);
    await b.screenshot('scorecard-breakdown');
  });

  it('underlines a formula error at its span and recovers when it is fixed', async () => {
    const page = b.page;
    await page.locator('.sc-grid .ag-row[row-id="csat"] [col-id="kpi"]').first().click();
    const input = page.getByLabel(/^Formula of /);
    const before = await latestOf('csat');
    const good = await formulaText(input);
    const bad = good.replace('surveys.csat', 'surveys.csatt');
    expect(bad).not.toBe(good);
    await applyFormula(input, bad);
    const problem = page.locator('.sc-problem').first();
    await problem.waitFor();
    expect(await problem.innerText()).toContain('did you mean `csat`');
    // The underline sits under the misspelt name and nowhere else.
    expect((await underlined(input)).join('')).toBe('surveys.csatt');
    expect(await latestOf('csat')).toBe(before);
    await b.screenshot('scorecard-formula-error');
    await applyFormula(input, good);
    await eventually(() => page.locator('.sc-problem').count()).toBe(0);
    expect(await latestOf('csat')).toBe(before);
  });

  it('completes a function and a column from the keyboard and applies the formula', async () => {
    const page = b.page;
    await page.locator('.sc-grid .ag-row[row-id="average_deal_size"] [col-id="kpi"]').first().click();
    const input = page.getByLabel(/^Formula of /);
    await eventually(() => formulaText(input)).toBe('AVERAGEIF(deals.amount, deals.won)');
    const before = await latestOf('average_deal_size');
    expect(before).toMatch(/\d/);
    await input.click();
    await input.press('Control+a');
    await page.keyboard.type('CO');
    await eventually(() => completionLabels(page)).toEqual(
      expect.arrayContaining(['COUNT', 'COUNTIF', 'COUNTROWS']),
    );
    // The chosen function's signature and help sit beside the list.
    await chooseCompletion(page, 'COUNTIF');
    await eventually(() => page.locator('.cm-completionInfo').innerText()).toContain('COUNTIF(condition)');
    await page.setViewportSize({ width: 1280, height: 800 });
    await b.screenshot('formula-completion');
    await page.setViewportSize({ width: 1440, height: 900 });
    // Escape closes the list, a second Escape goes back to the applied formula.
    await page.keyboard.press('Escape');
    await eventually(() => completionLabels(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await eventually(() => formulaText(input)).toBe('AVERAGEIF(deals.amount, deals.won)');

    await input.press('Control+a');
    await page.keyboard.type('ME');
    await chooseCompletion(page, 'MEDIAN');
    await acceptCompletion(input, 'MEDIAN()');
    await page.keyboard.type('deals.am');
    await chooseCompletion(page, 'amount');
    await acceptCompletion(input, 'MEDIAN(deals.amount)');
    await page.keyboard.press('Enter');
    await eventually(() => latestOf('average_deal_size')).not.toBe(before);
    expect(await latestOf('average_deal_size')).toMatch(/\d/);
    expect(await page.locator('.sc-problem').count()).toBe(0);

    // A pasted line break becomes a space: a formula is one line.
    await input.press('Control+a');
    await input.evaluate((el) => {
      const data = new DataTransfer();
      data.setData('text/plain', 'AVERAGEIF(deals.amount,\ndeals.won)');
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await eventually(() => formulaText(input)).toBe('AVERAGEIF(deals.amount, deals.won)');
    await page.keyboard.press('Enter');
    await eventually(() => latestOf('average_deal_size')).toBe(before);
  });

  it('charts a KPI: the canvas has drawn', async () => {
    const page = b.page;
    await page.getByLabel('Breakdown').selectOption('');
    await page.getByLabel('Grain').selectOption('month');
    await page.getByLabel('Calendar').selectOption('gregorian');
    await settled();
    await page.locator('.sc-grid .ag-row[row-id="churn_rate"] [col-id="kpi"]').first().click();
    const chart = page.getByTestId('kpi-chart');
    await chart.waitFor();
    await eventually(() => hasInk(chart.locator('canvas').first())).toBe(true);
    await b.screenshot('scorecard-kpi-chart');
  });

  it('lists breached KRIs and charts one with its threshold band and projection', async () => {
    const page = b.page;
    await page.getByRole('button', { name: 'Risk alerts' }).first().click();
    const first = page.locator('.kri-link').first();
    await first.waitFor();
    await first.click();
    const chart = page.getByTestId('kpi-chart');
    await eventually(() => hasInk(chart.locator('canvas').first())).toBe(true);
    await b.screenshot('scorecard-kri');
  });
});

/** True when the canvas has pixels that differ from its first pixel: something was drawn. */
async function hasInk(canvas: import('playwright-core').Locator): Promise<boolean> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const ctx = c.getContext('2d');
    if (ctx === null || c.width === 0 || c.height === 0) return false;
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let inked = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0) inked++;
    return inked > 200;
  });
}
