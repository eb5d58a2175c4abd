import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { importFromPath } from '../../src/engine/ingest/importFromPath';
import { createNativeEngine } from '../../src/engine/nativeEngine';
import { startServer } from '../../src/server/startServer';
import { typeFormula } from './formulaEditor';
import {
  type Browser,
  dropFile,
  eventually,
  importsSettled,
  rowCountOf,
  SLOW_LOAD,
  startBrowser,
  tableEntry,
} from './harness';

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

/** What autosave holds in the tab: the table records' keys, and the kept document's served references. */
function autosaved(page: Page): Promise<{ records: string[]; served: Record<string, string> }> {
  return page.evaluate(
    () =>
      new Promise((ok, fail) => {
        const open = indexedDB.open('shakhes');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['tables', 'document']);
          const keys = tx.objectStore('tables').getAllKeys();
          const doc = tx.objectStore('document').get('current');
          tx.oncomplete = () => {
            const records = keys.result.map((k) => (Array.isArray(k) ? String(k[0]) : String(k)));
            open.result.close();
            ok({ records, served: (doc.result as { served?: Record<string, string> })?.served ?? {} });
          };
        };
      }),
  );
}

/**
 * A CSV given to `shakhes serve` is in the page's data panel, marked as on the server; SQL
 * on it runs there; autosave keeps a reference to it, never its rows; a dropped file is
 * streamed to the server and imported there.
 */
describe("the server's tables in the page", () => {
  let b: Browser;
  let data: string;
  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'shakhes-e2e-served-'));
    const deals = join(data, 'deals.csv');
    await writeFile(deals, 'id,amount\n1,10\n2,32\n3,58\n');
    await writeFile(join(data, 'leads.csv'), 'lead_id,source\n7,web\n8,fair\n');
    b = await startBrowser(async (root) => {
      const engine = await createNativeEngine({ allowedDirectories: [data] });
      const read = await importFromPath(engine, deals);
      return startServer({ root, port: 0, engine, tables: [{ ...read, path: deals }] });
    });
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(async () => {
    await b?.close();
    await rm(data, { recursive: true, force: true });
  });

  const total = (page: Page) => page.locator('.nb-cell .ag-cell[col-id="total"]').first().innerText();

  it('lists the served CSV as on the server, with no demo over it, and SQL on it computes', async () => {
    const page = await b.open();
    await importsSettled(page, ['deals']);
    expect(await tableEntry(page, 'deals').locator('.served-badge').innerText()).toBe('on the server');
    expect(await rowCountOf(page, 'deals')).toBe(3);
    expect(await page.locator('li[data-table]').count()).toBe(1);
    await page.getByRole('tab', { name: 'Notebook' }).click();
    await page.getByLabel('Kind of cell to add').selectOption('sql');
    await page.getByRole('button', { name: 'Add cell' }).click();
    const editor = page.locator('.nb-cell[data-kind="sql"] .cm-content').last();
    await typeFormula(editor, 'SELECT sum(amount)::INT AS total FROM deals');
    await editor.press('Shift+Enter');
    await eventually(() => total(page)).toBe('100');
  });

  it('keeps it over a reload by reference, without copying its rows into the tab', async () => {
    const page = b.page;
    await eventually(async () => (await autosaved(page)).served).toEqual({ deals: join(data, 'deals.csv') });
    expect((await autosaved(page)).records).not.toContain('deals');
    await page.reload();
    await importsSettled(page, ['deals']);
    expect(await tableEntry(page, 'deals').locator('.served-badge').count()).toBe(1);
    await page.getByRole('tab', { name: 'Notebook' }).click();
    await eventually(() => total(page), SLOW_LOAD).toBe('100');
    expect((await autosaved(page)).records).not.toContain('deals');
  });

  it('streams a dropped file to the server, which imports it', async () => {
    const page = b.page;
    const before = b.requests.length;
    await dropFile(page, join(data, 'leads.csv'));
    await importsSettled(page, ['leads']);
    expect(await rowCountOf(page, 'leads')).toBe(2);
    expect(await tableEntry(page, 'leads').locator('.served-badge').count()).toBe(1);
    const paths = b.requests.slice(before).map((u) => new URL(u).pathname);
    // Under a name of the page's choosing; the browser streams the File as the body.
    expect(paths.some((p) => /^\/api\/files\/[0-9a-f-]{36}\.csv$/.test(p))).toBe(true);
    expect(paths).toContain('/api/import');
  });
});
