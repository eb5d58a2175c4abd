import type { Locator, Page } from 'playwright-core';
import { eventually } from './harness';

/**
 * Conditions to wait for instead of fixed sleeps: a chart whose animation has ended, and a
 * page that has dispatched what its images and the next frames would trigger.
 */

/** Waits until the charts inside `scope` draw the same picture on two samples in a row. */
export async function chartsSettled(scope: Locator): Promise<void> {
  let last: string | null = null;
  await eventually(async () => {
    const now = await scope.evaluate((root) =>
      [...root.querySelectorAll('canvas, svg')]
        .map((el) => (el instanceof HTMLCanvasElement ? el.toDataURL() : el.outerHTML))
        .join('\n'),
    );
    // A scope with no chart settles too (two empty samples): a KPI table cell has none.
    const same = now === last;
    last = now;
    return same;
  }).toBe(true);
}

/**
 * Waits until every image has loaded or failed (so its load/error handlers have had their
 * turn) and two animation frames have passed: after that, anything a page would run on its
 * own has run.
 */
export async function pageSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
  await page.evaluate(
    () => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))),
  );
}
