import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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

  const cell = (id: string, col: string) =>
    b.page.locator(`.sc-grid .ag-row[row-id="${id}"] [col-id="${col}"]`).first();
  const percentOf = (text: string) => Number(text.replace(/[^\d.-]/g, '')) / 100;

  it('takes 35 as 35 % and judges the KPI against 0.35', async () => {
    const page = await b.open();
    await importsSettled(page);
    await eventually(() => page.locator('.sc-status [data-kpi-count]').count()).toBe(1);

    await page.getByRole('button', { name: 'New KPI' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Name').fill('My conversion');
    await dialog.getByLabel('Formula').fill('DIVIDE(COUNT(leads.converted_at), COUNT(leads.lead_id))');
    // A count over a count: the unit follows the formula, and the direction is asked.
    await eventually(() => dialog.getByTestId('new-kpi-unit').inputValue()).toBe('%');
    const add = dialog.getByRole('button', { name: 'Add KPI' });
    expect(await add.isDisabled()).toBe(true);
    await dialog.getByLabel('Higher is better').check();
    await add.click();
    await dialog.waitFor({ state: 'detached' });

    const latest = cell('my_conversion', 'latest');
    await eventually(() => latest.innerText()).toMatch(/^\d+(\.\d+)?%$/);
    const value = percentOf(await latest.innerText());
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(1);

    const target = page.getByTestId('kpi-target');
    await target.fill('35');
    await target.press('Enter');
    await eventually(() => cell('my_conversion', 'target').innerText()).toMatch(/^35\s?%$/);
    expect(await target.inputValue()).toBe('35');
    // Reached is on track, missed is watch: judged against 0.35, not 35.
    await eventually(() => cell('my_conversion', 'status').innerText()).toContain(
      value >= 0.35 ? 'On track' : 'Watch',
    );
    // The gap to the target is in points, as for every percentage.
    expect(await cell('my_conversion', 'vsTarget').innerText()).toMatch(/pp$/);
    await b.screenshot('percent-target-35');

    // Persian digits and percent sign mean the same.
    await target.fill('۹۹٪');
    await target.press('Enter');
    await eventually(() => cell('my_conversion', 'target').innerText()).toMatch(/^99\s?%$/);
    await eventually(() => cell('my_conversion', 'status').innerText()).toContain('Watch');

    // Text that is no figure is refused with a message, and the target is kept.
    await target.fill('abc');
    await target.press('Enter');
    await eventually(() => page.getByRole('alert').filter({ hasText: 'is not a percentage' }).count()).toBe(1);
    expect(await cell('my_conversion', 'target').innerText()).toMatch(/^99\s?%$/);
  });
});
