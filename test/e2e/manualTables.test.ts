import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, eventually, importsSettled, rowCountOf, startBrowser, tableEntry } from './harness';

describe('tables typed or pasted by hand', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
    await b.open('?demo=0');
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('loads cells pasted into the paste dialog', async () => {
    const page = b.page;
    await page.getByRole('button', { name: 'Paste table' }).click();
    const dialog = page.getByRole('dialog', { name: 'Paste a table' });
    await dialog.getByLabel('Table name').fill('followers');
    await dialog
      .getByLabel('Pasted cells')
      .fill(
        'month\tplatform\tfollowers\n2024-01-01\tInstagram\t1200\n2024-02-01\tInstagram\t1350\n2024-03-01\tInstagram\t1500',
      );
    await b.screenshot('paste-dialog');
    await dialog.getByRole('button', { name: 'Load table' }).click();
    await importsSettled(page, ['followers']);
    expect(await rowCountOf(page, 'followers')).toBe(3);
    const entry = tableEntry(page, 'followers');
    expect(await entry.locator('[data-column="followers"]').getAttribute('aria-label')).toBe(
      'followers (Number)',
    );
    expect(await entry.locator('[data-column="month"]').getAttribute('aria-label')).toBe('month (Date)');
  });

  it('opens the paste dialog when cells are pasted onto the page', async () => {
    const page = b.page;
    await page.locator('.sheet-header').click();
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData('text/plain', 'channel\tspend\nSearch\t100\nSocial\t250');
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true }));
    });
    const dialog = page.getByRole('dialog', { name: 'Paste a table' });
    await eventually(() => dialog.getByLabel('Pasted cells').inputValue()).toBe(
      'channel\tspend\nSearch\t100\nSocial\t250',
    );
    await dialog.getByLabel('Table name').fill('spend');
    await dialog.getByRole('button', { name: 'Load table' }).click();
    await importsSettled(page, ['spend']);
    expect(await rowCountOf(page, 'spend')).toBe(2);
  });

  it('saves a table typed into the new-table grid', async () => {
    const page = b.page;
    await page.getByRole('button', { name: 'New table' }).click();
    const dialog = page.getByRole('dialog', { name: 'New table' });
    await dialog.getByLabel('Table name').fill('targets');
    await dialog.getByLabel('Column 1 name').fill('kpi');
    await dialog.getByLabel('Column 2 name').fill('target');
    await dialog.getByRole('button', { name: 'Add column' }).click();
    await dialog.getByLabel('Column 4 name').fill('owner');
    const values = [
      ['win_rate', '0.3', 'Sara'],
      ['nps', '45', 'Kian'],
      ['churn_rate', '0.05', 'Maryam'],
      ['csat', '4.2', 'Sara'],
      ['cac', '1200', 'Kian'],
    ];
    await dialog.getByRole('button', { name: 'Add row' }).click();
    for (const [r, [kpi, target, owner]] of values.entries()) {
      await dialog.getByLabel(`Row ${r + 1}, kpi`).fill(kpi);
      await dialog.getByLabel(`Row ${r + 1}, target`).fill(target);
      await dialog.getByLabel(`Row ${r + 1}, owner`).fill(owner);
    }
    await b.screenshot('new-table-dialog');
    await dialog.getByRole('button', { name: 'Save table' }).click();
    await importsSettled(page, ['targets']);
    expect(await rowCountOf(page, 'targets')).toBe(5);
    const entry = tableEntry(page, 'targets');
    // The empty third column was typed nothing into; it still comes along.
    expect(await entry.locator('.column-item').count()).toBe(4);
    expect(await entry.locator('[data-column="target"]').getAttribute('aria-label')).toBe('target (Number)');
    await entry.locator('[data-column="target"]').click();
    const max = page.locator('[data-profile="target"] dt', { hasText: 'Max' }).locator('xpath=../dd');
    await eventually(() => max.textContent()).toBe('1,200');
    await b.screenshot('manual-table');
  });
});
