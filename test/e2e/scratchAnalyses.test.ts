import { afterAll, beforeAll, describe, it } from 'vitest';
import { type Browser, eventually, importsSettled, startBrowser } from './harness';

describe('scratch', () => {
  let b: Browser;
  beforeAll(async () => { b = await startBrowser(); });
  afterAll(() => b?.close());
  it('shots', async () => {
    const page = await b.open();
    await page.setViewportSize({ width: 1280, height: 800 });
    await importsSettled(page);
    await page.getByRole('tab', { name: 'Notebook' }).click();
    await eventually(() => page.locator('.nb-cell').count()).toBeGreaterThan(10);
    await eventually(() => page.evaluate(() => [...document.querySelectorAll<HTMLElement>('.nb-cell:not([data-kind="markdown"])')].every((el) => ['ok', 'error'].includes(el.dataset.status ?? ''))), 110_000).toBe(true);
    for (const name of ['rfm_segments', 'retention_cohorts', 'lead_funnel', 'channel_costs']) {
      const c = page.locator(`.nb-cell[data-cell-name="${name}"]`);
      await c.scrollIntoViewIfNeeded();
      await page.waitForTimeout(600);
      await page.screenshot({ path: `/tmp/analyses-shots/before-${name}.png` });
    }
  }, 200_000);
});
