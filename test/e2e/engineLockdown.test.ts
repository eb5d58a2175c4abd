import { fileURLToPath } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, dropFile, eventually, importsSettled, rowCountOf, startBrowser } from './harness';

/**
 * The browser worker's engine is locked down (src/engine/lockdown.ts): once the demo's
 * CSVs are in (imported after the lock), workbook SQL typed into a cell cannot open a
 * file or URL (DuckDB in the worker refuses, and the guard names what it refused), cannot
 * slip a second statement past a dollar-quote or a carriage-return comment, and cannot
 * drop a table; a second file still imports. The harness fails on any off-origin request.
 */
describe('the locked engine in the browser worker', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  const CELL = '.nb-cell[data-cell-name="cheapest_channel"]';

  /** Replaces the cell's SQL, runs it, and returns its error or its first value. */
  async function run(sql: string): Promise<{ error: string | null; value: string | null }> {
    const page = b.page;
    const cell = page.locator(CELL);
    const runs = Number(await cell.getAttribute('data-runs'));
    await cell.locator('.cm-content').click();
    await page.keyboard.press('Control+a');
    // One insertion, so the editor closes no bracket or quote on its own.
    await page.keyboard.insertText(sql);
    await page.keyboard.press('Shift+Enter');
    await eventually(async () => Number(await cell.getAttribute('data-runs'))).toBeGreaterThan(runs);
    await eventually(() => cell.getAttribute('data-status')).toMatch(/^(ok|error)$/);
    const error = cell.locator('.nb-error');
    if ((await error.count()) > 0) return { error: await error.innerText(), value: null };
    return { error: null, value: await cell.locator('.ag-cell').first().innerText() };
  }

  it('imports the demo after the lock, then refuses every reach outside the workbook', async () => {
    const page = await b.open();
    await importsSettled(page);
    const deals = await rowCountOf(page, 'deals');
    expect(deals).toBeGreaterThan(0);
    await page.getByRole('tab', { name: 'Notebook' }).click();
    await page.locator(CELL).waitFor();

    // DuckDB in the worker is kept from the file system: its Permission Error is what the guard names.
    expect((await run('SELECT (FROM "secret.csv" LIMIT 1) AS x')).error).toMatch(
      /Workbook SQL cannot open secret\.csv: only the workbook's own tables can be queried, never files or URLs\./,
    );
    expect((await run("SELECT * FROM 'https://evil.example/leak.csv'")).error).toMatch(
      /cannot read 'https:\/\/evil\.example\/leak\.csv' as a table/,
    );
    expect((await run("SELECT * FROM read_text('/etc/passwd')")).error).toMatch(/cannot call read_text\(\)/);
    // Second statements hidden where the old tokenizer did not look.
    expect((await run('SELECT $×$;$×$ ; DROP TABLE deals')).error).toMatch(/single statement; this has 2/);
    expect((await run('SELECT 1 --x\r; SET autoload_known_extensions = true')).error).toMatch(
      /single statement; this has 2/,
    );
    expect((await run("COPY deals TO '/tmp/out.csv'")).error).toMatch(/COPY is not allowed/);
    // The user's table is still there, whole.
    expect(await run('SELECT count(*)::VARCHAR AS n FROM deals')).toEqual({
      error: null,
      value: String(deals),
    });
    await b.screenshot('engine-lockdown-refusal');
  });

  it('still imports a second file after the lock', async () => {
    const page = b.page;
    await dropFile(page, fileURLToPath(new URL('../fixtures/mixed-types.csv', import.meta.url)));
    await importsSettled(page, ['mixed_types']);
    expect(await rowCountOf(page, 'mixed_types')).toBeGreaterThan(0);
    expect((await run('SELECT count(*) AS n FROM mixed_types')).error).toBeNull();
  });
});
