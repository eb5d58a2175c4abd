import { type Browser, eventually, SLOW_LOAD, startBrowser } from './harness';

/** A browser at the 1280 × 800 a consultant's laptop shows, where the screenshots are taken. */
export async function desktopBrowser(): Promise<Browser> {
  const b = await startBrowser();
  await b.page.setViewportSize({ width: 1280, height: 800 });
  return b;
}

/** The scorecard has computed: its status line counts the KPIs. */
export const scorecardSettled = (b: Browser) =>
  eventually(() => b.page.locator('.sc-status [data-kpi-count]').count(), SLOW_LOAD).toBe(1);

/** Clicks a KPI's row, scrolling the grid until it is drawn (rows are drawn near the viewport only), and waits for its detail. */
export async function selectKpi(b: Browser, id: string): Promise<void> {
  const row = b.page.locator(`.sc-grid .ag-row[row-id="${id}"] [col-id="kpi"]`).first();
  await eventually(async () => {
    if ((await row.count()) > 0) return true;
    await b.page
      .locator('.sc-grid .ag-body-viewport')
      .first()
      .evaluate((el) => {
        el.scrollTop += 300;
      });
    return false;
  }, 60_000).toBe(true);
  await row.click();
  // The panel shows the KPI chosen, not the one before it.
  await b.page.locator(`.sc-detail[data-kpi="${id}"]`).waitFor();
}
