import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  dropFile,
  eventually,
  importsSettled,
  ROOT,
  startBrowser,
  tableEntry,
} from './harness';

const FIXTURES = join(ROOT, 'test/fixtures/mapping');

/**
 * The mapping panel before Apply: the dates and durations a mapping gives, with a
 * warning when a date column is the wrong one (test/fixtures/mapping/README.md has
 * the hand-computed values), and a required column the file lacks set to a constant.
 */
describe('mapping preview and columns the file lacks', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('shows the median first response and warns when created_at is the purchase date', async () => {
    const page = await b.open('?demo=0');
    await page.getByRole('tab', { name: 'Data' }).click();
    await dropFile(page, join(FIXTURES, 'helpdesk.csv'));
    await importsSettled(page, ['helpdesk']);
    await tableEntry(page, 'helpdesk').click();
    await page.getByRole('button', { name: 'Map columns' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('mapping-table').waitFor();
    if ((await dialog.getByTestId('mapping-table').inputValue()) !== 'tickets')
      await dialog.getByTestId('mapping-table').selectOption('tickets');
    const column = (c: string) => dialog.locator(`select[data-column="${c}"]`);
    await eventually(() => column('created_at').count()).toBe(1);
    await column('created_at').selectOption('Created');
    await column('first_response_at').selectOption('First Response');
    await column('resolved_at').selectOption('Resolved');

    const preview = dialog.getByTestId('mapping-preview');
    const firstResponse = preview.locator('tr[data-span="first_response"]');
    // Replies after 2, 0.5, 6 and 1 hours.
    await eventually(() => firstResponse.innerText()).toMatch(/median 1\.5 h/);
    expect(await preview.getByTestId('plausibility-warning').count()).toBe(0);

    await column('created_at').selectOption('Purchase Date');
    const warning = preview.getByTestId('plausibility-warning');
    await eventually(() => warning.allInnerTexts()).toContain(
      'First response time: a median of 24,277 h is implausible (more than 720 h); check which column is tickets.created_at',
    );
    expect(await firstResponse.innerText()).toMatch(/median 24,277 h/);
    // Still a warning, not a refusal: the user may apply it knowingly.
    expect(await dialog.getByRole('button', { name: 'Apply mapping' }).isDisabled()).toBe(false);
    await page.setViewportSize({ width: 1280, height: 800 });
    await preview.scrollIntoViewIfNeeded();
    await b.screenshot('mapping-plausibility-warning');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });

  it('sets a missing channel to a constant, keeps the choice, and locates a bad formula', async () => {
    const page = b.page;
    await dropFile(page, join(FIXTURES, 'ads.csv'));
    await importsSettled(page, ['ads']);
    await tableEntry(page, 'ads').click();
    await page.getByRole('button', { name: 'Map columns' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('mapping-table').waitFor();
    if ((await dialog.getByTestId('mapping-table').inputValue()) !== 'marketing')
      await dialog.getByTestId('mapping-table').selectOption('marketing');
    const channel = dialog.locator('select[data-column="channel"]');
    await channel.waitFor();
    await dialog.locator('select[data-column="date"]').selectOption('Day');
    await dialog.locator('select[data-column="spend"]').selectOption('Amount Spent');
    await channel.selectOption({ label: 'Set to a constant…' });
    await dialog.getByTestId('mapping-constant-channel').fill('Facebook');
    await eventually(() => dialog.getByTestId('mapping-errors').count()).toBe(0);
    await dialog.getByRole('button', { name: 'Apply mapping' }).click();
    await eventually(() => page.getByTestId('mapping-notice').innerText()).toContain('Mapped to marketing');

    await page.getByRole('button', { name: 'Edit mapping' }).click();
    await eventually(() => dialog.getByTestId('mapping-constant-channel').inputValue()).toBe('Facebook');
    await channel.selectOption({ label: 'Derive with a formula…' });
    await dialog.getByTestId('mapping-formula-channel').fill('UPPER(Campain)');
    await dialog
      .getByText(
        'marketing.channel: at character 7 of the formula: no KPI or column `Campain` in ads; did you mean `Campaign`?',
      )
      .waitFor();
    expect(await dialog.getByRole('button', { name: 'Apply mapping' }).isDisabled()).toBe(true);
    await b.screenshot('mapping-formula-refused');
    await dialog.getByRole('button', { name: 'Cancel' }).click();
  });
});
