import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  chooseFiles,
  eventually,
  importsSettled,
  ROOT,
  startBrowser,
  tableEntry,
} from './harness';

const fixture = (name: string) => join(ROOT, 'test/fixtures', name);

describe('reading a file again with other options', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
    const page = await b.open('?demo=0');
    await chooseFiles(page, [
      fixture('decimal-comma.csv'),
      fixture('two-sheets.xlsx'),
      fixture('dates-dmy.csv'),
    ]);
    await importsSettled(page, ['decimal_comma', 'two_sheets', 'dates_dmy']);
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('switches an Excel workbook to its other sheet in the same table', async () => {
    const page = b.page;
    const entry = tableEntry(page, 'two_sheets');
    await entry.locator('.table-name').click();
    const sheet = page.getByLabel('Sheet', { exact: true });
    expect(await sheet.locator('option').allTextContents()).toEqual(['Deals', 'Targets']);
    expect(await entry.locator('[data-column="Close date"]').getAttribute('aria-label')).toBe(
      'Close date (Date)',
    );
    await sheet.selectOption('Targets');
    await page.getByRole('button', { name: 'Read again' }).click();
    await entry.locator('[data-column="ماه"]').waitFor();
    expect(await page.locator('li[data-table]').count()).toBe(3);
    await b.screenshot('xlsx-targets');
  });

  it('reads a CSV again with decimal commas, leaving the other tables alone', async () => {
    const page = b.page;
    const entry = tableEntry(page, 'decimal_comma');
    await entry.locator('.table-name').click();
    const form = page.getByRole('region', { name: /How decimal-comma\.csv was read/ });
    await form.getByLabel('Delimiter').selectOption(';');
    await form.getByLabel('Decimal comma (1.234,5)').check();
    await form.getByRole('button', { name: 'Read again' }).click();
    await eventually(() => entry.locator('[data-column="amount"]').getAttribute('aria-label')).toBe(
      'amount (Number)',
    );
    await entry.locator('[data-column="amount"]').click();
    const max = page.locator('[data-profile="amount"] dt', { hasText: 'Max' }).locator('xpath=../dd');
    await eventually(() => max.textContent()).toBe('1,234.5');
    expect(await tableEntry(page, 'dates_dmy').locator('.count').getAttribute('data-rows')).toBe('4');
    await b.screenshot('decimal-comma');
  });
});
