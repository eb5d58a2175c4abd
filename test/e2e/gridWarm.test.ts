import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, chooseFiles, eventually, importsSettled, startBrowser, tableEntry } from './harness';

/**
 * Issue 19, "no frame over 100 ms after a 1M-row load": AG Grid's first start on a page
 * (injecting and parsing its theme's style sheets, compiling its code) was the longest task
 * after the load. The page makes a hidden grid with the app's theme while idle after its
 * first paint, so the theme is in place before any data grid is made, and that hidden grid
 * goes once a real grid exists, the theme staying.
 */
describe('AG Grid warmed while the page is idle', () => {
  let b: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shakhes-warm-'));
    writeFileSync(join(dir, 'warm_rows.csv'), 'id,label\n1,one\n2,two\n3,three\n');
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(async () => {
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const state = () =>
    b.page.evaluate(() => ({
      warm: document.querySelectorAll('[data-grid-warm] .ag-root-wrapper').length,
      grids: document.querySelectorAll('.ag-root-wrapper').length,
      dataGrids: document.querySelectorAll('[data-grid-table] .ag-root-wrapper').length,
      themeSheets: document.querySelectorAll('head style[data-ag-css]').length,
    }));

  it('has the theme in place before the first data grid, and leaves one grid once it exists', async () => {
    const page = await b.open('?demo=0');
    await eventually(state, 60_000).toMatchObject({ warm: 1, grids: 1, dataGrids: 0 });
    const before = await state();
    expect(before.themeSheets).toBeGreaterThan(0);
    // Out of sight and out of the accessibility tree.
    expect(await page.getByRole('grid').count()).toBe(0);

    await chooseFiles(page, [join(dir, 'warm_rows.csv')]);
    await importsSettled(page, ['warm_rows']);
    await tableEntry(page, 'warm_rows').locator('.table-name').click();
    await page.locator('[data-grid-table="warm_rows"] .ag-row[row-index="2"]').first().waitFor();
    await eventually(state).toMatchObject({ warm: 0, grids: 1, dataGrids: 1 });
    expect((await state()).themeSheets).toBeGreaterThan(0);
    expect(await page.locator('[data-grid-warm]').count()).toBe(0);
    expect(
      await page
        .locator('[data-grid-table="warm_rows"] .ag-row[row-index="2"] [col-id="label"]')
        .first()
        .innerText(),
    ).toBe('three');
  });
});
