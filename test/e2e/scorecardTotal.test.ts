import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, eventually, importsSettled, startBrowser } from './harness';

/**
 * The Total column on the demo: the demo's tables run to 2025-12-31, so the default range
 * is the 36 months 2023-01-01 → 2025-12-31, which hold every one of the 12,058 rows of
 * samples/crm-demo/leads.csv (counted with awk); 2022-01-01 → 2024-12-31 hold 7,293.
 */
describe('the scorecard Total column', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('shows the whole-range count of new leads, exact in the detail panel', async () => {
    const page = await b.open();
    await importsSettled(page);
    await eventually(() => page.locator('.sc-status [data-kpi-count]').count()).toBe(1);
    // The Total opens with the periods, to the right of the at-a-glance columns.
    await page.getByRole('button', { name: 'Total and periods' }).click();
    const cell = page.locator('.sc-grid .ag-row[row-id="new_leads"] [col-id="total"]').first();
    await eventually(() => cell.innerText()).toBe('12,058');
    await page.locator('.sc-grid .ag-row[row-id="new_leads"] [col-id="kpi"]').first().click();
    const detail = page.getByTestId('detail-total');
    await eventually(() => detail.innerText()).toContain('12,058');
    expect(await detail.innerText()).toContain('7,293');
    await b.screenshot('scorecard-total');
  });
});
