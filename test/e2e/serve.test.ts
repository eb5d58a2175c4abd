import { readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { serveWorkbook } from '../../src/cli/serveWorkbook';
import type { Engine } from '../../src/engine/engine';
import { engineRoot } from '../../src/engine/engineRoot';
import { importFromPath } from '../../src/engine/ingest/importFromPath';
import { createNativeEngine } from '../../src/engine/nativeEngine';
import { type StartedServer, startServer } from '../../src/server/startServer';
import { readWorkbook } from '../../src/workbook/workbookFile';
import { gatedEngine } from '../helpers/gatedEngine';
import { typeFormula } from './formulaEditor';
import {
  type Browser,
  dropFile,
  eventually,
  importsSettled,
  ROOT,
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
    // The demo's 13 tables went to the server in their prepared form (Arrow, samples/crm-demo-prepared)
    // and every query after them; the WASM engine never loaded.
    const paths = b.requests.map((u) => new URL(u).pathname);
    expect(paths.filter((p) => p.startsWith('/api/tables/')).length).toBeGreaterThanOrEqual(13);
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

  it('saves with data the dropped file’s rows but the PATH’s table by reference, and says so', async () => {
    const page = b.page;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save', exact: true }).click(),
    ]);
    const bytes = new Uint8Array(readFileSync(await download.path()));
    const { doc, data: embedded } = readWorkbook(bytes);
    // The PATH's table is named in the file, not copied through the tab; the dropped file
    // came from the user's machine and is in the file (before: by its private path on the server).
    expect(doc.datasets.map((d) => [d.table, d.embedded])).toEqual([
      ['deals', false],
      ['leads', true],
    ]);
    expect(embedded.size).toBe(1);
    const notice = page.locator('.workbook-by-reference');
    await notice.waitFor();
    const said = await notice.innerText();
    expect(said).toContain(`deals (${join(data, 'deals.csv')})`);
    expect(said).not.toContain('leads');
    expect(new TextDecoder().decode(bytes)).not.toMatch(/[0-9a-f-]{36}\.csv/);
    await b.screenshot('serve-saved-by-reference');
  });
});

/**
 * `shakhes serve --workbook samples/crm-demo.shakhes`: the command puts the workbook's data
 * into the server's engine; the page opens its document, lists its tables as the server's,
 * and computes its scorecard there, with none of its data uploaded from the tab.
 */
describe('the app served with --workbook', () => {
  let b: Browser;
  const demo = join(ROOT, 'samples/crm-demo.shakhes');
  const { doc } = readWorkbook(readFileSync(demo));
  beforeAll(async () => {
    b = await startBrowser(async (root) => {
      const engine = await createNativeEngine({ allowedDirectories: [] });
      const opened = await serveWorkbook(engine, demo, []);
      return startServer({ root, port: 0, engine, tables: opened.tables, workbook: opened.workbook });
    });
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('shows the workbook’s tables and KPIs, its scorecard computed on the server', async () => {
    const page = await b.open();
    const tables = doc.datasets.map((d) => d.table);
    await importsSettled(page, tables);
    await eventually(() => page.locator('.sc-status [data-kpi-count]').count(), SLOW_LOAD).toBe(1);
    // Every dataset is listed as on the server, with the rows the file declares.
    expect(await page.locator('li[data-table]').count()).toBe(tables.length);
    for (const d of doc.datasets) {
      expect(await tableEntry(page, d.table).locator('.served-badge').count()).toBe(1);
      expect(await rowCountOf(page, d.table)).toBe(d.rows);
    }
    const count = Number(await page.locator('[data-kpi-count]').getAttribute('data-kpi-count'));
    expect(count).toBeGreaterThanOrEqual(30);
    await eventually(() =>
      page.locator('.sc-grid .ag-row[row-id="nps"] [col-id="latest"]').first().innerText(),
    ).toMatch(/\d/);
    const latest = await page.locator('.sc-grid [col-id="latest"].cell-number').allInnerTexts();
    expect(latest.filter((x) => /\d/.test(x)).length).toBeGreaterThanOrEqual(15);
    // Its data never went through the tab: no file or table was sent up, the WASM engine never loaded.
    const paths = b.requests.map((u) => new URL(u).pathname);
    expect(paths).toContain('/api/workbook');
    expect(paths.filter((p) => p.startsWith('/api/files/') || p.startsWith('/api/tables/'))).toEqual([]);
    expect(paths.filter((p) => p === '/api/query').length).toBeGreaterThan(30);
    expect(paths.filter((p) => /duckdb-.*\.wasm$/.test(p))).toEqual([]);
    await b.screenshot('serve-workbook');
  });

  it('says on the Data tab that the served deals table is read as the CRM model’s, as the scorecard does', async () => {
    // Before: "Not mapped to the CRM model" while the scorecard computed from it.
    const page = b.page;
    await tableEntry(page, 'deals').click();
    await page.getByRole('tab', { name: 'Data' }).click();
    const notice = page.getByTestId('mapping-notice');
    await eventually(() => notice.getAttribute('data-mapping')).toBe('canonical');
    expect(await notice.innerText()).toMatch(
      /^Read as the CRM model’s deals table: catalog KPIs use it as loaded/,
    );
    expect(await notice.innerText()).not.toContain('lacks');
    await b.screenshot('serve-data-tab-canonical');
    await page.getByLabel('Language').selectOption('fa');
    await eventually(() => notice.innerText()).toMatch(/به‌عنوان جدول deals مدل CRM خوانده می‌شود/);
    await b.screenshot('serve-data-tab-canonical-fa');
    await page.getByLabel('زبان').selectOption('en');
  });
});

/**
 * Regression for issue 16: the page's Cancel of a file importing on the server stopped the
 * page only. Now the server's import stops: no table, no file left, the list unchanged.
 */
describe('a cancelled import on the server', () => {
  let b: Browser;
  let data: string;
  let engine: Engine;
  let server: StartedServer;
  /** The server's upload folder (the native engine's own import folder). */
  let uploads: string;
  let gate: ReturnType<typeof gatedEngine>;
  beforeAll(async () => {
    data = await mkdtemp(join(tmpdir(), 'shakhes-e2e-cancel-'));
    await writeFile(join(data, 'leads.csv'), 'lead_id,source\n7,web\n8,fair\n');
    b = await startBrowser(async (root) => {
      engine = await createNativeEngine({ allowedDirectories: [] });
      uploads = engineRoot(engine).importDirectory ?? '?';
      // The full read of the dropped CSV is held until its query is called off.
      gate = gatedEngine(engine, 'auto_detect = false');
      server = await startServer({ root, port: 0, engine: gate.engine });
      return server;
    });
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(async () => {
    await b?.close();
    await rm(data, { recursive: true, force: true });
  });

  it('stops there: nothing imported, no file left, the list as it was', async () => {
    // No demo: the page starts empty, and the drop is the only import.
    const page = b.page;
    await page.goto(`${server.origin}/?demo=0#token=${server.token}`);
    await page.getByRole('heading', { name: 'Shakhes' }).waitFor();
    await dropFile(page, join(data, 'leads.csv'));
    const cancel = page.getByRole('button', { name: 'Cancel loading leads.csv' });
    await cancel.waitFor({ timeout: SLOW_LOAD });
    // Held on the server: the file is there and its import under way.
    await gate.reached;
    expect((await readdir(uploads)).length).toBe(1);
    await cancel.click();
    await importsSettled(page);
    // The server called its import off.
    await eventually(gate.cancelled).toBe(true);
    await eventually(async () => readdir(uploads)).toEqual([]);
    // Neither the table nor any half-made (staging, upload) table of the import is left.
    const left = await engine.query(
      "SELECT table_name AS t FROM duckdb_tables() WHERE table_name LIKE 'leads%' OR starts_with(table_name, '__')",
    );
    expect(left.toArray()).toEqual([]);
    expect(await page.locator('li[data-table]').count()).toBe(0);
  });
});
