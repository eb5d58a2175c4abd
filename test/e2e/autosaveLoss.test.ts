import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, eventually, ROOT, rowCountOf, startBrowser, tableEntry } from './harness';
import { kept } from './keptRecord';

/**
 * No reload or killed browser loses an edit. Each case makes an edit, lets the page
 * run for the given time (the race being tested), then reloads or kills Chromium, and
 * waits for the edit to come back.
 */

const PLAIN = join(ROOT, 'test/fixtures/workbooks/plain.shakhes');

/** A clean start whose reloads go through autosave's restore (the `?demo=0` is dropped). */
async function cleanStart(b: Browser): Promise<Page> {
  const page = await b.open('?demo=0');
  await page.evaluate(() => history.replaceState(null, '', '/'));
  return page;
}

async function setTitle(page: Page, title: string) {
  const input = page.getByLabel('Workbook title');
  await input.fill(title);
  await input.press('Enter');
}

async function pasteTable(page: Page, name: string, text: string) {
  await page.getByRole('button', { name: 'Paste table' }).click();
  const dialog = page.getByRole('dialog', { name: 'Paste a table' });
  await dialog.getByLabel('Table name').fill(name);
  await dialog.getByLabel('Pasted cells').fill(text);
  await dialog.getByRole('button', { name: 'Load table' }).click();
  await tableEntry(page, name).waitFor({ timeout: 60_000 });
}

/** Lets the page run `ms` by its own clock (0: not at all) before what comes next. */
async function pageWait(page: Page, ms: number) {
  if (ms > 0) await page.evaluate((t) => new Promise((ok) => setTimeout(ok, t)), ms);
}

const title = (page: Page) => page.getByLabel('Workbook title');

const keptTitle = async (page: Page) => (await kept(page))?.doc?.title ?? null;
/** The tables the kept document names. */
const keptTables = async (page: Page) => Object.keys((await kept(page))?.tables ?? {});

describe('autosave under reloads and kills', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  for (const delay of [0, 100, 300]) {
    it(`a reload ${delay} ms after an edit keeps it`, async () => {
      const page = await cleanStart(b);
      await setTitle(page, `Edited ${delay}`);
      await pageWait(page, delay);
      await page.reload();
      await eventually(() => title(page).inputValue()).toBe(`Edited ${delay}`);
    });

    it(`a reload ${delay} ms after pasting a table keeps the table`, async () => {
      const page = await cleanStart(b);
      await pasteTable(page, `pasted_${delay}`, 'channel\tspend\nSearch\t100\nSocial\t250\nEmail\t40');
      await pageWait(page, delay);
      await page.reload();
      expect(await rowCountOf(page, `pasted_${delay}`)).toBe(3);
    });
  }

  it('a reload 0 ms after pasting a table on a slowed page keeps it', async () => {
    const page = await cleanStart(b);
    // A renderer 20 times slower (a loaded machine) has not handled the write's results
    // yet when the reload comes: the write must not depend on it doing so.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
    await pasteTable(page, 'slowed', 'channel\tspend\nSearch\t100\nSocial\t250\nEmail\t40');
    await page.reload();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    expect(await rowCountOf(page, 'slowed')).toBe(3);
  });

  it('a browser killed right after an edit reaches storage keeps it', async () => {
    const page = await cleanStart(b);
    await setTitle(page, 'Before the crash');
    // A kill can beat the page to IndexedDB (on a loaded machine the renderer may not have
    // handled the key yet); what must hold is that once the write is in, a kill keeps it:
    // the write is durable, and nothing later (a restore, a second write) undoes it.
    await eventually(() => keptTitle(page)).toBe('Before the crash');
    const next = await b.killAndRestart();
    await next.goto(b.url);
    await eventually(() => title(next).inputValue()).toBe('Before the crash');
  });

  it('a browser killed 200 ms after a table is created keeps it', async () => {
    const page = await cleanStart(b);
    await pasteTable(page, 'typed', 'kpi\ttarget\nwin_rate\t0.3\nnps\t45');
    await pageWait(page, 200);
    const next = await b.killAndRestart();
    await next.goto(b.url);
    expect(await rowCountOf(next, 'typed')).toBe(2);
  });

  it('a browser killed while a table is being written as Parquet keeps the table whole', async () => {
    const page = await cleanStart(b);
    await setTitle(page, 'Orders');
    await page
      .getByLabel('Open CRM export files')
      .first()
      .setInputFiles(join(ROOT, 'samples/crm-demo/orders.csv'));
    const rows = await rowCountOf(page, 'orders');
    // Named by the kept document (from the file's bytes) while its Parquet is being made.
    await eventually(() => keptTables(page)).toContain('orders');
    const next = await b.killAndRestart();
    await next.goto(b.url);
    expect(await rowCountOf(next, 'orders')).toBe(rows);
    await eventually(() => title(next).inputValue()).toBe('Orders');
  });

  it('a failed write is shown with what to do', async () => {
    await b.context.addInitScript(() => {
      if (!location.search.includes('full')) return;
      IDBObjectStore.prototype.put = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    });
    const page = await b.open('?demo=0&full');
    await setTitle(page, 'No room');
    const alert = page.locator('.autosave-problem');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('no room left to keep your latest changes');
    expect(await alert.getByRole('button', { name: 'Save a .shakhes file' }).count()).toBe(1);
  });

  it('opening a workbook over unsaved edits asks; Cancel keeps them, Discard keeps them under Recently closed', async () => {
    const page = await cleanStart(b);
    await pasteTable(page, 'kept_table', 'a\tb\n1\t2\n3\t4');
    await setTitle(page, 'Unsaved work');
    const open = page.getByLabel('Open a Shakhes workbook (.shakhes)');
    const ask = page.getByRole('dialog', { name: 'Save the changes to “Unsaved work”?' });

    await open.setInputFiles(PLAIN);
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await ask.waitFor({ state: 'detached' });
    expect(await title(page).inputValue()).toBe('Unsaved work');
    expect(await rowCountOf(page, 'kept_table')).toBe(2);
    // Undo still steps back through the edits.
    await page.getByRole('button', { name: 'Undo' }).click();
    await eventually(() => title(page).inputValue()).not.toBe('Unsaved work');
    await page.getByRole('button', { name: 'Redo' }).click();
    await eventually(() => title(page).inputValue()).toBe('Unsaved work');

    await open.setInputFiles(PLAIN);
    await ask.getByRole('button', { name: 'Discard' }).click();
    await eventually(() => title(page).inputValue()).toBe('Plain workbook');
    expect(await tableEntry(page, 'kept_table').count()).toBe(0);

    await page.getByRole('button', { name: 'Workbook menu' }).click();
    await page.getByRole('menuitem', { name: 'Recently closed…' }).click();
    const recent = page.getByRole('dialog', { name: 'Recently closed workbooks' });
    const entry = recent.locator('li[data-closed-title="Unsaved work"]');
    await entry.waitFor();
    expect(await entry.textContent()).toContain('1 table');
    await entry.getByRole('button', { name: /^Restore Unsaved work/ }).click();
    await eventually(() => title(page).inputValue()).toBe('Unsaved work');
    expect(await rowCountOf(page, 'kept_table')).toBe(2);
  });

  it('a new workbook over unsaved edits asks too, and starts empty after Discard', async () => {
    const page = await cleanStart(b);
    await setTitle(page, 'Draft to drop');
    await page.getByRole('button', { name: 'Workbook menu' }).click();
    await page.getByRole('menuitem', { name: 'New workbook' }).click();
    await page
      .getByRole('dialog', { name: 'Save the changes to “Draft to drop”?' })
      .getByRole('button', { name: 'Discard' })
      .click();
    await eventually(() => title(page).inputValue()).toBe('Untitled workbook');
    // Not unsaved any more: a second new workbook does not ask.
    await page.getByRole('button', { name: 'Workbook menu' }).click();
    await page.getByRole('menuitem', { name: 'New workbook' }).click();
    await page.getByRole('button', { name: 'Workbook menu' }).click();
    await page.getByRole('menuitem', { name: 'Recently closed…' }).click();
    const recent = page.getByRole('dialog', { name: 'Recently closed workbooks' });
    await recent.locator('li[data-closed-title="Draft to drop"]').waitFor();
    await recent.getByRole('button', { name: 'Empty the list' }).click();
    await recent.getByText('None yet.', { exact: false }).waitFor();
  });
});
