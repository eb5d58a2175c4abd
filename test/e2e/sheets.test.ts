import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, eventually, startBrowser } from './harness';

/**
 * Sheet tabs in Chromium: a notebook sheet is added, renamed in place, moved, given a
 * cell of its own and deleted; undo brings it back and a reload restores the list.
 */
describe('sheet tabs', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  const tabNames = (page: Page) => page.getByRole('tab').allInnerTexts();
  const tab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true });
  const selected = (page: Page) => page.locator('[role="tab"][aria-selected="true"]').innerText();

  it('adds a notebook sheet, renames it in place and refuses a name in use', async () => {
    const page = await b.open('?demo=0');
    expect(await tabNames(page)).toEqual(['Scorecard', 'Notebook', 'Data']);
    await page.getByRole('button', { name: 'Add a sheet' }).click();
    await page.getByRole('menuitem', { name: 'New notebook sheet' }).click();
    await eventually(() => tabNames(page)).toEqual(['Scorecard', 'Notebook', 'Data', 'Notebook 2']);
    expect(await selected(page)).toBe('Notebook 2');

    await tab(page, 'Notebook 2').dblclick();
    const field = page.getByLabel('New name for Notebook 2');
    await field.fill('Data');
    await field.press('Enter');
    await eventually(() => page.getByRole('alert').filter({ hasText: 'already called Data' }).count()).toBe(
      1,
    );
    await field.fill('Churn story');
    await field.press('Enter');
    await eventually(() => tabNames(page)).toEqual(['Scorecard', 'Notebook', 'Data', 'Churn story']);
    // Focus is back on the tab: F2 renames again and Escape leaves the name as it was.
    await page.keyboard.press('F2');
    await page.getByLabel('New name for Churn story').fill('Never mind');
    await page.keyboard.press('Escape');
    await eventually(() => tabNames(page)).toEqual(['Scorecard', 'Notebook', 'Data', 'Churn story']);
  });

  it('moves a sheet from its menu and switches sheets from the keyboard', async () => {
    const page = b.page;
    await tab(page, 'Churn story').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Move left' }).click();
    await eventually(() => tabNames(page)).toEqual(['Scorecard', 'Notebook', 'Churn story', 'Data']);
    await tab(page, 'Churn story').focus();
    await page.keyboard.press('Shift+F10');
    await page.getByRole('menuitem', { name: 'Move left' }).press('Enter');
    await eventually(() => tabNames(page)).toEqual(['Scorecard', 'Churn story', 'Notebook', 'Data']);

    await tab(page, 'Churn story').focus();
    await page.keyboard.press('ArrowRight');
    expect(await selected(page)).toBe('Notebook');
    await page.keyboard.press('Control+PageDown');
    expect(await selected(page)).toBe('Data');
    await page.keyboard.press('Control+PageUp');
    await page.keyboard.press('Control+PageUp');
    expect(await selected(page)).toBe('Churn story');
  });

  it('gives each notebook sheet its own cells', async () => {
    const page = b.page;
    await page.getByLabel('Kind of cell to add').selectOption('markdown');
    await page.getByRole('button', { name: 'Add cell' }).click();
    const md = page.locator('.nb-cell[data-kind="markdown"]');
    if ((await md.locator('textarea').count()) === 0) await md.getByRole('button', { name: 'Edit' }).click();
    await md.locator('textarea').fill('# Who churns');
    await md.getByRole('button', { name: 'Done' }).click();
    await eventually(() => page.locator('.nb-cell').count()).toBe(1);
    await tab(page, 'Notebook').click();
    await eventually(() => page.locator('.nb-cell').count()).toBe(0);
    await tab(page, 'Churn story').click();
    await eventually(() => page.locator('.nb-cell').count()).toBe(1);
    await b.screenshot('sheets-tabs');
  });

  it('deletes a sheet after asking, keeps the last data sheet and undoes a deletion', async () => {
    const page = b.page;
    await page.getByRole('button', { name: 'Actions for Churn story' }).click();
    await page.getByRole('menuitem', { name: 'Delete…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Delete Churn story?' });
    await expect.poll(() => dialog.innerText()).toMatch(/its one cell/);
    await dialog.getByRole('button', { name: 'Delete sheet' }).click();
    await eventually(() => tabNames(page)).toEqual(['Scorecard', 'Notebook', 'Data']);

    await tab(page, 'Data').click({ button: 'right' });
    await page.getByRole('menuitem', { name: 'Delete…' }).click();
    await eventually(() => page.getByRole('alert').filter({ hasText: 'only data sheet' }).count()).toBe(1);
    expect(await page.getByRole('dialog').count()).toBe(0);

    await page.getByRole('button', { name: 'Undo' }).click();
    await eventually(() => tabNames(page)).toEqual(['Scorecard', 'Churn story', 'Notebook', 'Data']);
    await tab(page, 'Churn story').click();
    await eventually(() => page.locator('.nb-cell[data-kind="markdown"]').innerText()).toMatch(/Who churns/);
  });

  it('comes back after a reload with its sheets, their order and cells (autosave)', async () => {
    const page = b.page;
    // Autosave writes on every change, with no delay: coming back at once loses nothing.
    await b.open();
    await eventually(() => tabNames(page)).toEqual(['Scorecard', 'Churn story', 'Notebook', 'Data']);
    await tab(page, 'Churn story').click();
    await eventually(() => page.locator('.nb-cell[data-kind="markdown"]').innerText()).toMatch(/Who churns/);
  });
});
