import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { eventually } from './harness';

/**
 * The formula editor is CodeMirror: a contenteditable, not an <input>. Its text is read
 * from its lines, and a formula is typed the way a user does it: click, select all, type.
 */
export function formulaText(editor: Locator): Promise<string> {
  return editor.evaluate((el) =>
    Array.from(el.querySelectorAll('.cm-line'), (line) => line.textContent ?? '').join('\n'),
  );
}

/**
 * Replaces the editor's formula by typing it. A formula that ends in a name may leave a
 * completion list open (Enter would pick from it); every formula typed here ends in `)`.
 */
export async function typeFormula(editor: Locator, formula: string): Promise<void> {
  await editor.click();
  await editor.press('Control+a');
  await editor.page().keyboard.insertText(formula);
  await eventually(() => formulaText(editor)).toBe(formula);
}

/** Types a formula and applies it with Enter, as in the scorecard's formula bar. */
export async function applyFormula(editor: Locator, formula: string): Promise<void> {
  await typeFormula(editor, formula);
  await editor.press('Enter');
}

/** The text under the editor's problem underlines, in order. */
export function underlined(editor: Locator): Promise<string[]> {
  return editor
    .locator('xpath=ancestor::div[contains(@class, "cm-editor")]')
    .locator('.cm-lintRange')
    .allInnerTexts();
}

/** The labels of the open completion list (empty when none is open). */
export function completionLabels(page: Page): Promise<string[]> {
  return page.locator('.cm-tooltip-autocomplete li .cm-completionLabel').allInnerTexts();
}

/** Moves through the open completion list with the arrow keys until `label` is the chosen option. */
export async function chooseCompletion(page: Page, label: string): Promise<void> {
  await eventually(() => completionLabels(page)).toContain(label);
  const chosen = page.locator('.cm-tooltip-autocomplete li[aria-selected] .cm-completionLabel');
  for (let i = 0; i < 40 && (await chosen.innerText()) !== label; i++) await page.keyboard.press('ArrowDown');
  expect(await chosen.innerText()).toBe(label);
}

/**
 * Picks the chosen option with Enter. A list that was just opened or refiltered ignores
 * keys for a moment (CodeMirror's guard against a stray pick), so Enter is pressed again
 * while the list is still showing.
 */
export async function acceptCompletion(editor: Locator, expected: string): Promise<void> {
  const page = editor.page();
  await eventually(async () => {
    if ((await completionLabels(page)).length > 0) await page.keyboard.press('Enter');
    return formulaText(editor);
  }).toBe(expected);
  await eventually(() => completionLabels(page)).toEqual([]);
}
