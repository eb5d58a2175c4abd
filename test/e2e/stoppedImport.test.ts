import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engineWorker } from './engineWorker';
import { type Browser, chooseFiles, eventually, importsSettled, startBrowser } from './harness';

/**
 * Issue 16 follow-up: a file loaded after the tab's DuckDB-WASM worker failed said
 * "… could not be loaded: DuckDB-WASM stopped (…)", the engine's English, even in Persian.
 * It now says the engine stopped and to use `shakhes serve`, in the language shown, as the
 * notebook and the scorecard do.
 */
describe('a file loaded after the tab’s engine stopped', () => {
  let b: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'shakhes-e2e-stopped-'));
    await writeFile(join(dir, 'leads.csv'), 'lead_id,created_at\n1,2024-01-02\n2,2024-01-03\n');
    await writeFile(join(dir, 'targets.csv'), 'month,target\n2024-01,5\n');
    b = await startBrowser();
  });
  afterAll(async () => {
    await b?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('says the engine stopped, in English then Persian, not DuckDB-WASM’s words', async () => {
    const page = await b.open('?demo=0');
    await chooseFiles(page, [join(dir, 'leads.csv')]);
    await importsSettled(page, ['leads']);
    // The worker fails as it does when the tab's memory runs out: an error it does not catch.
    const worker = await engineWorker(page);
    await worker.evaluate(() => {
      setTimeout(() => {
        throw new RangeError('Array buffer allocation failed');
      });
    });
    await chooseFiles(page, [join(dir, 'targets.csv')]);
    const message = page.locator('.message.error[data-error-file="targets.csv"]');
    await message.waitFor({ timeout: 60_000 });
    const en = await message.innerText();
    expect(en).toMatch(
      /^\u2068?targets\.csv\u2069? could not be loaded\. The browser tab ran out of memory and its DuckDB-WASM engine stopped.*“shakhes serve”/s,
    );
    expect(en).not.toContain('DuckDB-WASM stopped (');
    // The Data tab's rows, asked of the stopped engine (sorted, so asked again), say the same
    // (they showed its English).
    await page.locator('.ag-header-cell[col-id="lead_id"] .ag-header-cell-label').click();
    // Persian writes the name with a non-breaking hyphen (U+2011), so no line ends inside it.
    const rows = page.locator('.banner.warn').filter({ hasText: /DuckDB[-\u2011]WASM/ });
    await eventually(() => rows.innerText()).toMatch(/^The browser tab ran out of memory/);
    await b.screenshot('stopped-import-en');

    await page.getByLabel('Language').selectOption('fa');
    await eventually(() => message.innerText()).toMatch(
      /targets\.csv.*بارگذاری نشد\..*از کار ایستاد.*shakhes serve/s,
    );
    expect(await message.innerText()).not.toMatch(/could not|DuckDB-WASM stopped/);
    await eventually(() => rows.innerText()).toMatch(/از کار ایستاد/);
    await b.screenshot('stopped-import-fa');
    // The table loaded before is kept.
    expect(await page.locator('li[data-table="leads"]').count()).toBe(1);
    expect(b.offOrigin).toEqual([]);
  }, 300_000);
});
