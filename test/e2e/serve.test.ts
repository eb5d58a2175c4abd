import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createNativeEngine } from '../../src/engine/nativeEngine';
import { startServer } from '../../src/server/startServer';
import { type Browser, eventually, importsSettled, SLOW_LOAD, startBrowser } from './harness';

/**
 * `shakhes serve` in Chromium: the page opened at the printed address runs every query on
 * the server's native DuckDB (no DuckDB-WASM is even fetched), the demo's scorecard
 * computes, and nothing leaves the origin.
 */
describe('the app served by shakhes serve', () => {
  let b: Browser;
  let token = '';
  beforeAll(async () => {
    b = await startBrowser(async (root) => {
      const server = await startServer({
        root,
        port: 0,
        engine: await createNativeEngine({ allowedDirectories: [] }),
      });
      token = server.token;
      return server;
    });
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  // A reload restores the autosaved workbook: 13 tables sent back to the server first.
  const settled = async () => {
    await eventually(() => b.page.locator('.sc-status [data-kpi-count]').count(), SLOW_LOAD).toBe(1);
  };

  it('computes the demo scorecard on the server', async () => {
    const page = await b.open();
    await importsSettled(page);
    await settled();
    const count = Number(await page.locator('[data-kpi-count]').getAttribute('data-kpi-count'));
    expect(count).toBeGreaterThanOrEqual(30);
    await eventually(() =>
      page.locator('.sc-grid .ag-row[row-id="nps"] [col-id="latest"]').first().innerText(),
    ).toMatch(/\d/);
    const latest = await page.locator('.sc-grid [col-id="latest"].cell-number').allInnerTexts();
    expect(latest.filter((x) => /\d/.test(x)).length).toBeGreaterThanOrEqual(15);
    // The demo's files were uploaded and every query went to the server; the WASM engine never loaded.
    const paths = b.requests.map((u) => new URL(u).pathname);
    expect(paths.filter((p) => p.startsWith('/api/files/')).length).toBeGreaterThanOrEqual(13);
    expect(paths.filter((p) => p === '/api/query').length).toBeGreaterThan(30);
    expect(paths.filter((p) => /duckdb-.*\.wasm$/.test(p))).toEqual([]);
    await b.screenshot('serve-scorecard');
  });

  it('keeps the token in the tab, not in the address bar, and works after a reload', async () => {
    const page = b.page;
    expect(page.url()).not.toContain(token);
    expect(await page.evaluate(() => sessionStorage.getItem('shakhes-serve-token'))).toBe(token);
    await page.reload();
    await page.getByRole('heading', { name: 'Shakhes' }).waitFor();
    await importsSettled(page);
    await settled();
    await eventually(() =>
      page.locator('.sc-grid .ag-row[row-id="nps"] [col-id="latest"]').first().innerText(),
    ).toMatch(/\d/);
  });
});
