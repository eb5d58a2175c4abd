import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { type Browser, eventually, ROOT, SLOW_LOAD } from './harness';
import { desktopBrowser, scorecardSettled } from './scorecardPage';

const SHIPPED = JSON.parse(readFileSync(join(ROOT, 'samples/crm-demo-prepared/results.json'), 'utf8'));

/** Holds DuckDB's module until `release`: the engine cannot start before it. */
async function holdEngine(b: Browser): Promise<{ release(): void }> {
  let release = () => {};
  const gate = new Promise<void>((ok) => {
    release = ok;
  });
  await b.context.route(/duckdb-[^/]*\.wasm$/, async (route: Route) => {
    await gate;
    await route.continue();
  });
  return { release };
}

/** Serves `shipped` in place of the build's shipped results. */
async function serveShipped(b: Browser, shipped: unknown): Promise<void> {
  await b.context.route(/\/results-[^/]*\.json$/, (route: Route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(shipped) }),
  );
}

/** The page's performance entries by name: marks and measures. */
const entries = (page: Page, name: string) =>
  page.evaluate(
    (n) => performance.getEntriesByName(n).map((e) => ({ detail: (e as PerformanceMark).detail ?? null })),
    name,
  );

/** Every drawn grid row's text by KPI id (its pinned and scrolling parts together). */
async function gridRows(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const row of document.querySelectorAll<HTMLElement>('.sc-grid .ag-row[row-id]')) {
      const id = row.getAttribute('row-id') ?? '';
      out[id] = `${out[id] ?? ''}|${row.innerText.replace(/\s+/g, ' ').trim()}`;
    }
    return out;
  });
}

describe('the demo’s shipped results on a cold visit', () => {
  let b: Browser;
  afterEach(async (ctx) => {
    await b.check(ctx);
    await b.close();
  });

  it('paints them before the engine has started, marked as a preview, and the computed run shows the same numbers', async () => {
    b = await desktopBrowser();
    const engine = await holdEngine(b);
    await b.page.goto(b.url);
    const preview = b.page.locator('.sc-status [data-kpi-preview]');
    await preview.waitFor({ timeout: SLOW_LOAD });
    // The engine is held: these numbers came from no query of this page.
    expect(await entries(b.page, 'engine: start')).toEqual([]);
    expect(await entries(b.page, 'shipped results: painted')).toHaveLength(1);
    expect(await preview.innerText()).toBe('Last results shown while the workbook’s data loads…');
    expect(Number(await preview.getAttribute('data-kpi-preview'))).toBe(SHIPPED.document.kpis.length);
    await eventually(async () => Object.keys(await gridRows(b.page)).length, 60_000).toBeGreaterThan(5);
    const shown = await gridRows(b.page);
    await b.screenshot('shipped-results-preview');

    engine.release();
    await scorecardSettled(b);
    expect(await b.page.locator('[data-kpi-preview]').count()).toBe(0);
    expect(await entries(b.page, 'engine: start')).toHaveLength(1);
    // The computed scorecard confirms every number the preview showed.
    const computed = await gridRows(b.page);
    for (const [id, text] of Object.entries(shown)) expect(computed[id], id).toBe(text);
    await b.screenshot('shipped-results-computed');
  });

  it.each([
    [
      'a table they were not computed from',
      () => ({ ...SHIPPED, tables: { ...SHIPPED.tables, 'deals.csv': '0'.repeat(64) } }),
      'the table deals.csv being loaded is not the one the results were computed from',
    ],
    [
      'a document whose KPI target is not the app’s (a number the results do not depend on, which would outlive them)',
      () => {
        const changed = structuredClone(SHIPPED);
        const kpi = changed.document.kpis.find((k: { target?: number }) => k.target !== undefined);
        kpi.target += 1;
        return changed;
      },
      'the shipped KPIs are not the ones the app lists for these tables',
    ],
  ])('refuses them, painting nothing, when they name %s', async (_what, shipped, reason) => {
    b = await desktopBrowser();
    await serveShipped(b, shipped());
    const engine = await holdEngine(b);
    await b.page.goto(b.url);
    await eventually(async () => (await entries(b.page, 'shipped results: refused')).length, SLOW_LOAD).toBe(
      1,
    );
    expect(await entries(b.page, 'shipped results: refused')).toEqual([{ detail: reason }]);
    expect(await b.page.locator('[data-kpi-preview]').count()).toBe(0);
    // The page still says the demo is loading, as it did before results were shipped.
    expect(await b.page.locator('.sc-grid').count()).toBe(0);
    engine.release();
    await scorecardSettled(b);
    expect(await b.page.locator('[data-kpi-preview]').count()).toBe(0);
    expect(await entries(b.page, 'shipped results: painted')).toEqual([]);
  });
});
