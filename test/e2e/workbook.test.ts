import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  chooseFiles,
  eventually,
  importsSettled,
  ROOT,
  rowCountOf,
  SLOW_LOAD,
  startBrowser,
  tableEntry,
} from './harness';
import { pageSettled } from './settled';

const FIXTURES = join(ROOT, 'test/fixtures');
const WORKBOOKS = join(FIXTURES, 'workbooks');

/** Opens a .shakhes file; over unsaved edits the app asks first, and `discard` answers. */
async function openWorkbook(b: Browser, path: string, discard = false) {
  await b.page.getByLabel('Open a Shakhes workbook (.shakhes)').setInputFiles(path);
  if (discard) await b.page.getByRole('dialog').getByRole('button', { name: 'Discard' }).click();
}

async function setTitle(b: Browser, title: string) {
  const input = b.page.getByLabel('Workbook title');
  await input.fill(title);
  await input.press('Enter');
}

describe('workbook files', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('a reload restores the workbook and its tables from autosave', async () => {
    const page = await b.open('?demo=0');
    await chooseFiles(page, [join(FIXTURES, 'mixed-types.csv')]);
    await importsSettled(page, ['mixed_types']);
    await setTitle(b, 'Recovery check');
    // Autosave writes on every change, with no delay: coming back at once loses nothing.
    await b.open();
    expect(await rowCountOf(page, 'mixed_types')).toBe(50);
    await eventually(() => page.getByLabel('Workbook title').inputValue()).toBe('Recovery check');
    // What came back is the saved workbook, not the demo.
    expect(await tableEntry(page, 'deals').count()).toBe(0);
  });

  it('a reload paints the kept scorecard before its tables are back, then recomputes nothing', async () => {
    const page = await b.open('?demo=0');
    const demo = join(ROOT, 'samples/crm-demo');
    await chooseFiles(page, [join(demo, 'customers.csv'), join(demo, 'deals.csv')]);
    await importsSettled(page, ['customers', 'deals']);
    await page.getByRole('tab', { name: 'Scorecard' }).click();
    const summary = page.locator('.sc-status [data-kpi-count]');
    await eventually(() => summary.count(), SLOW_LOAD).toBe(1);
    const latest = page.locator('.ag-row[row-id="win_rate"] [col-id="latest"]');
    const before = await latest.textContent();
    expect(before).toMatch(/\d/);
    // The run's results are kept as soon as it ends: no wait before the reload.
    // Notes, from the first script of the next page on, when the kept scorecard and the tables appear.
    await page.addInitScript(() => {
      const seen: Record<string, number> = {};
      (window as unknown as { seen: typeof seen }).seen = seen;
      new MutationObserver(() => {
        if (seen.preview === undefined && document.querySelector('[data-kpi-preview]'))
          seen.preview = performance.now();
        if (seen.table === undefined && document.querySelector('li[data-table]'))
          seen.table = performance.now();
      }).observe(document, { childList: true, subtree: true, attributes: true });
    });
    await b.open();
    await eventually(() => summary.count(), SLOW_LOAD).toBe(1);
    const seen = await page.evaluate(() => (window as unknown as { seen: Record<string, number> }).seen);
    expect(seen.preview).toBeGreaterThan(0);
    expect(seen.preview).toBeLessThan(seen.table ?? Number.POSITIVE_INFINITY);
    await eventually(() => summary.textContent()).toMatch(/nothing recomputed/);
    expect(await latest.textContent()).toBe(before);
  });

  it('undo and redo step through edits', async () => {
    const page = await b.open('?demo=0');
    await setTitle(b, 'First');
    await setTitle(b, 'Second');
    await page.getByRole('button', { name: 'Undo' }).click();
    await eventually(() => page.getByLabel('Workbook title').inputValue()).toBe('First');
    await page.locator('body').click();
    await page.keyboard.press('Control+Shift+Z');
    await eventually(() => page.getByLabel('Workbook title').inputValue()).toBe('Second');
  });

  it('saves with data and opens the file in a fresh browser profile with the same tables', async () => {
    const page = await b.open('?demo=0');
    await chooseFiles(page, [join(FIXTURES, 'jalali-dates.csv'), join(FIXTURES, 'decimal-comma.csv')]);
    await importsSettled(page, ['jalali_dates', 'decimal_comma']);
    await setTitle(b, 'Round trip');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Save', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('Round trip.shakhes');
    const saved = join(ROOT, 'test/e2e/screenshots/round-trip.shakhes');
    await download.saveAs(saved);

    const other = await startBrowser();
    try {
      const p2 = await other.open('?demo=0');
      await openWorkbook(other, saved);
      expect(await rowCountOf(p2, 'jalali_dates')).toBe(4);
      expect(await rowCountOf(p2, 'decimal_comma')).toBe(3);
      await eventually(() => p2.getByLabel('Workbook title').inputValue()).toBe('Round trip');
      other.assertClean();
    } finally {
      await other.close();
    }
  });

  it('refuses hostile files with a message and keeps the open workbook', async () => {
    const page = await b.open('?demo=0');
    await chooseFiles(page, [join(FIXTURES, 'bom-utf8.csv')]);
    await importsSettled(page, ['bom_utf8']);
    const refusals: Array<[string, string]> = [
      ['zip-slip-dotdot.shakhes', 'points outside the archive'],
      ['not-a-zip.shakhes', 'it is not a zip archive'],
      ['newer-version.shakhes', 'newer Shakhes'],
      ['bomb-ratio.shakhes', ''],
    ];
    for (const [file, words] of refusals) {
      // The loaded table is an unsaved edit.
      await openWorkbook(b, join(WORKBOOKS, file), true);
      const alert = page.locator('.workbook-error');
      await alert.waitFor();
      if (words) expect(await alert.textContent()).toContain(words);
      await alert.getByRole('button', { name: 'Dismiss' }).click();
      expect(await rowCountOf(page, 'bom_utf8'), file).toBe(2);
    }
  });

  it('shows text from a stranger as text: no script, handler or dialog runs', async () => {
    const page = await b.open('?demo=0');
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await openWorkbook(b, join(WORKBOOKS, 'script-in-text.shakhes'));
    await eventually(() => page.getByLabel('Workbook title').inputValue()).toBe(
      '<script>alert("title")</script>',
    );
    await pageSettled(page);
    expect(dialogs).toEqual([]);
    expect(await page.locator('script:not([src])').count()).toBe(0);
    await b.screenshot('hostile-workbook');
  });
});
