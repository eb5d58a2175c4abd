import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  Dictionary,
  Int32,
  makeData,
  makeVector,
  Table,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from 'apache-arrow';
import type { Page } from 'playwright-core';
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

/**
 * Issue 12: an endless recursive CTE in a SQL cell ran with no way to stop it and wedged the
 * app. In Chromium: the running cell has a Cancel button that stops it, the next cell then
 * runs, and a low time limit stops a long query by itself.
 */
const ENDLESS = 'WITH RECURSIVE t(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM t) SELECT count(*) AS n FROM t';

describe('a runaway SQL cell', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  const cells = (page: Page) => page.locator('.nb-cell');
  const statusOf = (page: Page, i: number) => cells(page).nth(i).getAttribute('data-status');

  async function setSource(page: Page, i: number, sql: string) {
    await cells(page).nth(i).locator('.cm-content').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(sql);
  }

  it('shows Cancel while it runs; Cancel stops it and the next cell runs', async () => {
    const page = await b.open('?demo=0');
    await page.getByRole('tab', { name: 'Notebook' }).click();
    const add = page.getByRole('button', { name: 'Add cell' });
    await add.click();
    await add.click();
    await eventually(() => cells(page).count()).toBe(2);
    await setSource(page, 0, ENDLESS);
    await page.keyboard.press('Shift+Enter');
    await eventually(() => statusOf(page, 0)).toBe('running');
    const cancel = cells(page).nth(0).getByRole('button', { name: 'Cancel' });
    await eventually(() => cancel.count()).toBe(1);
    await cancel.click();
    await eventually(() => statusOf(page, 0)).toBe('error');
    expect(await cells(page).nth(0).locator('.nb-error').innerText()).toMatch(/^Cancelled after \d+ s\./);
    await cells(page).nth(1).getByRole('button', { name: 'Run' }).click();
    await eventually(() => statusOf(page, 1)).toBe('ok');
    expect(await cells(page).nth(1).locator('.nb-output').innerText()).toContain('1 row');
  });

  it('stops a long query by itself when the time limit is set low', async () => {
    const page = b.page;
    const limit = page.getByLabel('Time limit (s)');
    await limit.fill('1');
    await limit.press('Enter');
    await cells(page).nth(0).getByRole('button', { name: 'Run' }).click();
    await eventually(() => statusOf(page, 0)).toBe('running');
    await eventually(() => statusOf(page, 0), 20_000).toBe('error');
    expect(await cells(page).nth(0).locator('.nb-error').innerText()).toMatch(
      /^Stopped after 1 s, the workbook's time limit\. .*raise the time limit/,
    );
    // The engine is free again: the other cell answers.
    await cells(page).nth(1).getByRole('button', { name: 'Run' }).click();
    await eventually(() => cells(page).nth(1).getAttribute('data-runs')).toBe('2');
    expect(await statusOf(page, 1)).toBe('ok');
    await b.screenshot('notebook-runaway-stopped');
  });
});

describe('a Parquet file that decodes to far more than it weighs', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  /** A million copies of one 4,400-character string, dictionary-encoded and ZSTD-packed: about 10 KB. */
  function writeBomb(): string {
    const pw = createRequire(import.meta.url)('parquet-wasm/node') as typeof import('parquet-wasm/esm');
    const rows = 1_000_000;
    const dictionary = vectorFromArray(['x'.repeat(4400)], new Utf8());
    const data = makeData({
      type: new Dictionary(new Utf8(), new Int32()),
      length: rows,
      data: new Int32Array(rows),
      dictionary,
    });
    const ipc = tableToIPC(new Table({ stage: makeVector(data) }), 'stream');
    const props = new pw.WriterPropertiesBuilder().setCompression(pw.Compression.ZSTD).build();
    const path = join(tmpdir(), 'shakhes-bomb-deals.parquet');
    writeFileSync(path, pw.writeParquet(pw.Table.fromIPCStream(ipc), props));
    return path;
  }

  it('is refused with its size before decoding, and a sound Parquet still loads', async () => {
    const page = await b.open('?demo=0');
    await chooseFiles(page, [writeBomb()]);
    const error = page.locator('[data-error-file="shakhes-bomb-deals.parquet"]');
    await eventually(() => error.count()).toBe(1);
    expect(await error.textContent()).toMatch(/would decode to about 4\.\d GB; the limit is 1\.5 GB/);
    await chooseFiles(page, [join(ROOT, 'test/fixtures/valid.parquet')]);
    await importsSettled(page, ['valid']);
    expect(await rowCountOf(page, 'valid')).toBe(5);
  });
});
