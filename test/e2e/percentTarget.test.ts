import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { completionLabels, typeFormula } from './formulaEditor';
import { type Browser, eventually, importsSettled, startBrowser } from './harness';

/**
 * One percent convention (issue 14): a KPI the user writes as a rate of two counts is a
 * % KPI, and a target typed as 35 on it means 35 %, is shown as 35 % and judges the value.
 */
describe('a target on a custom % KPI', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  /**
   * A cell of the grid, scrolled into the drawn part first: the grid draws only the rows and
   * columns near its viewport, and the new KPI's row and the target columns start out of it.
   */
  const cell = async (id: string, col: string) => {
    const page = b.page;
    const row = page.locator(`.sc-grid .ag-row[row-id="${id}"]`).first();
    const found = page.locator(`.sc-grid .ag-row[row-id="${id}"] [col-id="${col}"]`).first();
    const scrollBy = (sel: string, prop: 'scrollTop' | 'scrollLeft', by: number) =>
      page
        .locator(`.sc-grid ${sel}`)
        .first()
        .evaluate(
          (el, [p, n]) => {
            (el as HTMLElement)[p as 'scrollTop' | 'scrollLeft'] += Number(n);
          },
          [prop, by] as const,
        );
    /** Polls `present`, scrolling one step between looks. */
    const until = (present: () => Promise<boolean>, step: () => Promise<void>) =>
      eventually(async () => {
        if (await present()) return true;
        await step();
        return false;
      }, 60_000).toBe(true);
    await until(
      async () => (await row.count()) > 0,
      () => scrollBy('.ag-body-vertical-scroll-viewport', 'scrollTop', 300),
    );
    // From the left edge each time: the column may lie left of where the last look scrolled to.
    await scrollBy('.ag-body-horizontal-scroll-viewport', 'scrollLeft', -100_000);
    await until(
      async () => (await found.count()) > 0,
      () => scrollBy('.ag-body-horizontal-scroll-viewport', 'scrollLeft', 300),
    );
    return found;
  };
  const textOf = async (id: string, col: string) => (await cell(id, col)).innerText();
  const percentOf = (text: string) => Number(text.replace(/[^\d.-]/g, '')) / 100;

  it('takes 35 as 35 % and judges the KPI against 0.35', { timeout: 240_000 }, async () => {
    const page = await b.open();
    await importsSettled(page);
    await eventually(() => page.locator('.sc-status [data-kpi-count]').count()).toBe(1);

    await page.getByRole('button', { name: 'New KPI' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('My conversion');
    const formula = dialog.getByLabel('Formula');
    // The formula field completes as the formula bar does; Escape closes its list, not the dialog.
    await formula.click();
    await page.keyboard.type('COUNTR');
    await eventually(() => completionLabels(page)).toContain('COUNTROWS');
    await page.keyboard.press('Escape');
    await eventually(() => completionLabels(page)).toEqual([]);
    expect(await dialog.isVisible()).toBe(true);
    await typeFormula(formula, 'DIVIDE(COUNT(leads.converted_at), COUNT(leads.lead_id))');
    // A count over a count: the unit follows the formula, and the direction is asked.
    await eventually(() => dialog.getByTestId('new-kpi-unit').inputValue()).toBe('%');
    const add = dialog.getByRole('button', { name: 'Add KPI' });
    expect(await add.isDisabled()).toBe(true);
    await dialog.getByLabel('Higher is better').check();
    await add.click();
    await dialog.waitFor({ state: 'detached' });

    await eventually(() => textOf('my_conversion', 'latest')).toMatch(/^\d+(\.\d+)?%$/);
    const value = percentOf(await textOf('my_conversion', 'latest'));
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(1);

    // The grid's target column sits behind its toggle.
    await page.getByRole('button', { name: 'Targets and thresholds' }).click();
    const target = page.getByTestId('kpi-target');
    await target.fill('35');
    await target.press('Enter');
    await eventually(() => textOf('my_conversion', 'target')).toMatch(/^35\s?%$/);
    expect(await target.inputValue()).toBe('35');
    // Reached is on track, missed is watch: judged against 0.35, not 35.
    await eventually(() => textOf('my_conversion', 'status')).toContain(value >= 0.35 ? 'On track' : 'Watch');
    // The gap to the target is in points, as for every percentage.
    expect(await textOf('my_conversion', 'vsTarget')).toMatch(/pp$/);
    await b.screenshot('percent-target-35');

    // Persian digits and percent sign mean the same; a target below the value is reached.
    const below = Math.floor(value * 100 * 0.5);
    const persian = String(below).replace(/\d/g, (d) => '۰۱۲۳۴۵۶۷۸۹'[Number(d)]);
    await target.fill(`${persian}٪`);
    await target.press('Enter');
    await eventually(() => textOf('my_conversion', 'target')).toMatch(new RegExp(`^${below}\\s?%$`));
    await eventually(() => textOf('my_conversion', 'status')).toContain(
      value >= below / 100 ? 'On track' : 'Watch',
    );
    await target.fill('99');
    await target.press('Enter');
    await eventually(() => textOf('my_conversion', 'target')).toMatch(/^99\s?%$/);
    await eventually(() => textOf('my_conversion', 'status')).toContain('Watch');

    // Text that is no figure is refused with a message, and the target is kept.
    await target.fill('abc');
    await target.press('Enter');
    await eventually(() => page.getByRole('alert').filter({ hasText: 'is not a percentage' }).count()).toBe(
      1,
    );
    expect(await textOf('my_conversion', 'target')).toMatch(/^99\s?%$/);
  });
});
