import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  chooseFiles,
  eventually,
  importsSettled,
  ROOT,
  rowCountOf,
  startBrowser,
} from './harness';

const FIXTURES = join(ROOT, 'test/fixtures');
const fixture = (name: string) => join(FIXTURES, name);

/** Each bad file and a piece its message must contain besides the file name. */
const BAD: [file: string, detail: RegExp][] = [
  ['empty.csv', /empty/i],
  ['garbage.csv', /text|binary|not/i],
  ['invalid.json', /line 3/i],
  ['truncated.parquet', /parquet|truncated|corrupt/i],
  ['unbalanced-quote.csv', /line 3/i],
];

describe('files that cannot be loaded', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
    await b.open('?demo=0');
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('get one message each naming the file, and the tables loaded before stay', async () => {
    const page = b.page;
    await chooseFiles(page, [fixture('valid.parquet'), fixture('mixed-types.csv')]);
    await importsSettled(page, ['valid', 'mixed_types']);
    expect(await rowCountOf(page, 'valid')).toBe(5);

    await chooseFiles(
      page,
      BAD.map(([f]) => fixture(f)),
    );
    const errors = page.locator('.message.error');
    await eventually(() => errors.count()).toBe(BAD.length);
    await importsSettled(page);
    for (const [file, detail] of BAD) {
      const text = (await page.locator(`[data-error-file="${file}"]`).textContent()) ?? '';
      expect(text, file).toContain(file);
      expect(text, file).toMatch(detail);
    }
    await b.screenshot('bad-files');

    // Nothing loaded before was touched, and no half-made table appeared.
    expect(await page.locator('li[data-table]').count()).toBe(2);
    expect(await rowCountOf(page, 'valid')).toBe(5);
    expect(await rowCountOf(page, 'mixed_types')).toBe(50);
    const grid = page.locator('[data-grid-table="valid"]');
    await grid.locator('.ag-row[row-index="4"]').first().waitFor();

    // Messages are dismissed one by one, or all at once.
    await page.getByRole('button', { name: 'Dismiss the message about empty.csv' }).click();
    await eventually(() => errors.count()).toBe(BAD.length - 1);
    await page.getByRole('button', { name: 'Dismiss all' }).click();
    await eventually(() => errors.count()).toBe(0);
  });

  it('reports values that did not fit their column instead of dropping them', async () => {
    const page = b.page;
    await page.locator('li[data-table="mixed_types"] .table-name').click();
    const banner = page.locator('[data-problems="mixed_types"]');
    await banner.waitFor();
    const text = (await banner.textContent()) ?? '';
    expect(text).toContain('2 values in amount were not numbers');
    expect(text).toContain('row 7 “n/a”');
    expect(text).toContain('row 31 “twelve”');
    await page.locator('li[data-table="mixed_types"] [data-column="amount"]').click();
    const blanks = page.locator('[data-profile="amount"] [data-stat="blanks"] dd');
    await eventually(() => blanks.textContent()).toBe('5');
    await b.screenshot('problems');
  });
});
