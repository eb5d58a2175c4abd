import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, chooseFiles, eventually, importsSettled, startBrowser, tableEntry } from './harness';

// Enough rows that the scrollbar jumps many screens a frame, and that pages cross row groups.
const ROWS = 150_000;
// A permutation of 0..ROWS-1 (7919 is prime to ROWS): sorting on it moves every row.
const shuffled = (i: number) => (i * 7919) % ROWS;

describe('the data grid of a large table', () => {
  let b: Browser;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'shakhes-grid-'));
    const lines = ['id,n,label'];
    for (let i = 0; i < ROWS; i++) lines.push(`${i + 1},${shuffled(i)},row ${i + 1}`);
    writeFileSync(join(dir, 'grid_rows.csv'), `${lines.join('\n')}\n`);
    b = await startBrowser();
    const page = await b.open('?demo=0');
    await chooseFiles(page, [join(dir, 'grid_rows.csv')]);
    await importsSettled(page, ['grid_rows']);
    await tableEntry(page, 'grid_rows').locator('.table-name').click();
    await page.locator('[data-grid-table="grid_rows"] .ag-row[row-index="0"]').first().waitFor();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(async () => {
    await b?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const grid = () => b.page.locator('[data-grid-table="grid_rows"]');
  const cell = (row: number, column: string): Locator =>
    grid().locator(`.ag-row[row-index="${row}"] [col-id="${column}"]`).first();

  /** Drags the scrollbar the grid shows to `fraction` of the way down, one step a frame. */
  const drag = (fraction: number, steps = 60) =>
    grid()
      .locator('.ag-body-vertical-scroll-viewport')
      .evaluate(
        (bar, [to, n]) =>
          new Promise<void>((done) => {
            const from = bar.scrollTop;
            const target = (bar.scrollHeight - bar.clientHeight) * to;
            let i = 0;
            const step = () => {
              i++;
              bar.scrollTop = from + ((target - from) * i) / n;
              if (i < n) requestAnimationFrame(step);
              else done();
            };
            requestAnimationFrame(step);
          }),
        [fraction, steps] as const,
      );

  /** Rows the grid creates from now on, counted when `read` is called. */
  const countRowsDrawn = async () => {
    await grid().evaluate((el) => {
      const w = window as unknown as { rowsDrawn: number };
      w.rowsDrawn = 0;
      new MutationObserver((changes) => {
        for (const c of changes)
          for (const n of c.addedNodes)
            if (n instanceof HTMLElement && n.classList.contains('ag-row')) w.rowsDrawn++;
      }).observe(el, { childList: true, subtree: true });
    });
    return { read: () => b.page.evaluate(() => (window as unknown as { rowsDrawn: number }).rowsDrawn) };
  };

  // Regression (issue 19): drawn as React components by AG Grid's React wrapper, the first
  // screenful of a 1M-row table took one frame over 100 ms of main-thread work to commit.
  it('has AG Grid draw its rows and cells itself, not as React components', async () => {
    // In the page's own world: React's marks on the elements it made are not seen from another.
    const reactOwned = await b.page.evaluate(() => {
      const row = document.querySelector('[data-grid-table="grid_rows"] .ag-row[row-index="0"]');
      return [row, row?.querySelector('.ag-cell') ?? null, row?.closest('.ag-root-wrapper') ?? null].map(
        (el) => el !== null && Object.keys(el).some((k) => k.startsWith('__react')),
      );
    });
    expect(reactOwned).toEqual([false, false, false]);
  });

  it('shows the right rows where a fast scrollbar drag stops: the middle and the last', async () => {
    await drag(0.5);
    const middle = grid().locator('.ag-row[row-index]').first();
    await eventually(() => middle.getAttribute('row-index')).not.toBe('0');
    await eventually(async () => {
      const rows = await grid()
        .locator('.ag-row[row-index]')
        .evaluateAll((els) =>
          els.map((e) => [
            Number(e.getAttribute('row-index')),
            e.querySelector('[col-id="id"]')?.textContent ?? '',
          ]),
        );
      const filled = rows.filter(([, id]) => id !== '');
      return (
        filled.length > 0 &&
        filled.every(([index, id]) => Number(String(id).replace(/,/g, '')) === Number(index) + 1)
      );
    }).toBe(true);

    const drawn = await countRowsDrawn();
    await drag(1);
    // An id is a code: it shows its digits without separators, while the row number is a count.
    await eventually(() => cell(ROWS - 1, 'id').textContent()).toBe('150000');
    await eventually(() => cell(ROWS - 1, 'label').textContent()).toBe(`row ${ROWS}`);
    await eventually(() => cell(ROWS - 1, '__row_number').textContent()).toBe('150,000');
    // The row-number column is wide enough for the last row's number: it is not cut to "150,0…".
    expect(await cell(ROWS - 1, '__row_number').evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(
      true,
    );
    // Each step jumped over thousands of rows: the grid drew a screenful where the drag
    // stopped (twice at most: empty, then filled), not one on every step.
    expect(await drawn.read()).toBeLessThan(150);
  });

  /** The smallest height the scrollbar's track is given from now on, read when `read` is called. */
  const watchScrollRange = async () => {
    await grid().evaluate((el) => {
      const track = el.querySelector<HTMLElement>('.ag-body-vertical-scroll-container');
      const w = window as unknown as { leastRange: number };
      w.leastRange = Number.POSITIVE_INFINITY;
      if (track === null) return;
      new MutationObserver(() => {
        w.leastRange = Math.min(w.leastRange, Number.parseFloat(track.style.height) || 0);
      }).observe(track, { attributes: true, attributeFilter: ['style'] });
    });
    return { read: () => b.page.evaluate(() => (window as unknown as { leastRange: number }).leastRange) };
  };

  // Regression: on an AMD EPYC machine a drag to the end after a descending sort stopped
  // about 25 rows short. AG Grid starts its row cache afresh on a sort, with one row unless
  // told otherwise, so the scrollbar vanished and came back a screen short while the
  // sorted rows were already showing; a drag begun then ended short of the last row.
  it('keeps a sort to the last row', async () => {
    await drag(0);
    const range = await watchScrollRange();
    const header = grid().locator('.ag-header-cell[col-id="n"] .ag-header-cell-label');
    await header.click();
    await header.click();
    await eventually(() => cell(0, 'n').textContent()).toBe((ROWS - 1).toLocaleString('en'));
    // Sorting changes no row count, so the scrollbar keeps the whole table's height throughout.
    const rowHeight = await grid()
      .locator('.ag-row[row-index="0"]')
      .first()
      .evaluate((r) => r.clientHeight);
    expect(await range.read()).toBeGreaterThanOrEqual(ROWS * rowHeight);
    await drag(1);
    await eventually(() => cell(ROWS - 1, 'n').textContent()).toBe('0');
    // n = 0 is the first row of the file.
    await eventually(() => cell(ROWS - 1, 'id').textContent()).toBe('1');
    await eventually(() => cell(ROWS - 2, 'n').textContent()).toBe('1');
  });
});
