import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchChromium } from '../e2e/chromium';
import { startServer } from '../e2e/serve.mjs';

/**
 * Loads a file through the app's own file input in headless Chromium, the path a
 * user takes, and times it until the data panel lists the table with its row count.
 */
export async function chromiumLoadSeconds(
  file: string,
  table: string,
  expectedRows: number,
  runs: number,
): Promise<number[]> {
  const server = await startServer({ root: 'dist', port: 0 });
  const profile = mkdtempSync(join(tmpdir(), 'shakhes-bench-'));
  const context = await launchChromium(profile);
  const times: number[] = [];
  try {
    for (let i = 0; i <= runs; i++) {
      const page = await context.newPage();
      await page.goto(`${server.url}?demo=0`);
      const input = page.locator('input[type=file]').first();
      await input.waitFor({ state: 'attached' });
      const t0 = Date.now();
      await input.setInputFiles(file);
      await page
        .locator(`li[data-table="${table}"] [data-rows="${expectedRows}"]`)
        .waitFor({ state: 'attached', timeout: 300_000 });
      if (i > 0) times.push((Date.now() - t0) / 1000);
      await page.close();
    }
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
  return times;
}
