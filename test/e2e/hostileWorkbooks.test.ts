import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_WORKBOOKS } from '../fixtures/hostile/workbooks/make';
import {
  type Browser,
  chooseFiles,
  eventually,
  importsSettled,
  ROOT,
  rowCountOf,
  startBrowser,
  tableEntry,
} from './harness';

const HOSTILE = join(ROOT, 'test/fixtures/hostile/workbooks');

describe('hostile workbooks in the browser', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('refuses a name clash in the language shown and a half-damaged file, keeping the open tables', async () => {
    const page = await b.open('?demo=0');
    await chooseFiles(page, [join(ROOT, 'test/fixtures/bom-utf8.csv')]);
    await importsSettled(page, ['bom_utf8']);
    const alert = page.locator('.workbook-error');
    // The loaded CSV is an unsaved edit: each open asks first, and Discard lets it go ahead.
    // A refused file must still change nothing.
    const open = async (file: string, discard: string) => {
      await page.getByLabel('Open a Shakhes workbook (.shakhes)').setInputFiles(join(HOSTILE, file));
      await page.getByRole('dialog').getByRole('button', { name: discard }).click();
    };

    await open('restore-staging-name.shakhes', 'Discard');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(HOSTILE_WORKBOOKS['restore-staging-name.shakhes'].message);
    await page.getByLabel('Language').selectOption('fa');
    await eventually(() => alert.textContent()).toContain('این کارپوشه پذیرفته نشد');
    expect(await alert.textContent()).toContain('\u2068__restore_2.csv\u2069');
    await alert.getByRole('button', { name: 'بستن' }).click();
    await page.getByLabel('زبان').selectOption('en');

    // The first two datasets are staged before the third fails to decode; none may land.
    await open('view-name-then-broken.shakhes', 'Discard');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(HOSTILE_WORKBOOKS['view-name-then-broken.shakhes'].message);
    expect(await rowCountOf(page, 'bom_utf8')).toBe(2);
    for (const name of ['accounts', 'customers', 'refunds'])
      expect(await tableEntry(page, name).count(), name).toBe(0);
  });
});
