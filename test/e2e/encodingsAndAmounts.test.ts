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

describe('real exports’ encodings and amounts in the page', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
    const page = await b.open('?demo=0');
    await chooseFiles(page, [fixture('latin1-survey.csv'), fixture('currency.csv')]);
    await importsSettled(page, ['latin1_survey', 'currency']);
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('says which encoding a Latin-1 export was read in and why, and reads it again as chosen', async () => {
    const page = b.page;
    const entry = tableEntry(page, 'latin1_survey');
    await entry.locator('.table-name').click();
    const form = page.getByRole('region', { name: /How latin1-survey\.csv was read/ });
    const encoding = form.getByLabel('Encoding');
    expect(await encoding.inputValue()).toBe('windows-1252');
    expect(await form.locator('[data-encoding-reason]').textContent()).toContain(
      'inside Latin words such as José, Martín, Málaga',
    );
    await encoding.selectOption('windows-1256');
    await form.getByRole('button', { name: 'Read again' }).click();
    await eventually(() => form.locator('[data-encoding-reason]').textContent()).toBe(
      'latin1-survey.csv was read as Windows-1256 (Persian/Arabic), as chosen; it looks like Windows-1252 (Western European, Latin-1).',
    );
    await b.screenshot('latin1-encoding');
  });

  it('shows the currency of a column of amounts in its profile', async () => {
    const page = b.page;
    const entry = tableEntry(page, 'currency');
    await entry.locator('.table-name').click();
    await eventually(() => entry.locator('[data-column="amount"]').getAttribute('aria-label')).toBe(
      'amount (Number)',
    );
    await entry.locator('[data-column="amount"]').click();
    const profile = page.locator('[data-profile="amount"]');
    await eventually(() => profile.locator('[data-stat="currency"] dd').textContent()).toBe('$');
    const max = profile.locator('dt', { hasText: 'Max' }).locator('xpath=../dd');
    await eventually(() => max.textContent()).toBe('40,000');
    await b.screenshot('currency-profile');
  });
});
