import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { tableNameFromFile } from '../../src/core/ingest/tableName';
import {
  type Browser,
  eventually,
  importsSettled,
  ROOT,
  rowCountOf,
  selectedTab,
  startBrowser,
} from './harness';

const DEMO = join(ROOT, 'samples/crm-demo');

/** Data rows of a CSV: its lines minus the header (the demo has no line breaks inside cells). */
function dataRows(path: string): number {
  return (
    readFileSync(path, 'utf8')
      .split(/\r?\n/)
      .filter((l) => l !== '').length - 1
  );
}

describe('the demo', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('opens with all 13 demo tables and their row counts', async () => {
    const files = readdirSync(DEMO).filter((f) => f.endsWith('.csv'));
    expect(files).toHaveLength(13);
    const page = await b.open();
    for (const f of files) {
      expect(await rowCountOf(page, tableNameFromFile(f)), f).toBe(dataRows(join(DEMO, f)));
    }
    await importsSettled(page);
    await eventually(() => page.locator('.ag-row[row-index="0"]').count()).toBeGreaterThan(0);
    await b.screenshot('demo');
    expect(b.requests.length).toBeGreaterThan(13);
  });

  it('starts empty on the Data sheet with ?demo=0, loads the demo from there and lands on the scorecard', async () => {
    const page = await b.open('?demo=0');
    await page.getByRole('heading', { name: 'Drop a CRM export here, or open the demo' }).waitFor();
    expect(await page.locator('li[data-table]').count()).toBe(0);
    expect(await selectedTab(page)).toBe('Data');
    await b.screenshot('empty');
    // The loading state may show only until the first table is in (the engine is started on a
    // clean start, and the demo's tables are prepared): watched from before the click, not polled.
    await page.evaluate(() => {
      const w = window as unknown as { sawLoading: boolean };
      w.sawLoading = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="first-load"]') !== null) w.sawLoading = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByRole('button', { name: 'Open the demo' }).click();
    // The demo opens in a workbook of its own first, so wait for its tables by name: right
    // after the click nothing is loading yet.
    const names = readdirSync(DEMO)
      .filter((f) => f.endsWith('.csv'))
      .map((f) => tableNameFromFile(f));
    await importsSettled(page, names);
    expect(await page.locator('li[data-table]').count()).toBe(13);
    await eventually(() => selectedTab(page)).toBe('Scorecard');
    expect(await page.evaluate(() => (window as unknown as { sawLoading: boolean }).sawLoading)).toBe(true);
  });
});
