import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type Browser,
  chooseFiles,
  eventually,
  importsSettled,
  ROOT,
  SLOW_LOAD,
  startBrowser,
} from './harness';

/**
 * Issue 19: the page started two Parquet encode workers, autosave's and the codec's
 * (Save, exports), each with its own parquet-wasm and, while encoding, its own copy of
 * a table. Both now share one.
 */
describe('the page has one Parquet encode worker', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('autosave and Save encode in the same worker', async () => {
    const page = b.page;
    const encoders: string[] = [];
    page.on('worker', (w) => {
      if (w.url().includes('encodeWorker')) encoders.push(w.url());
    });
    await b.open('?demo=0');
    // A Parquet table keeps no source bytes, so autosave encodes it: the first encoder starts.
    await chooseFiles(page, [join(ROOT, 'test/fixtures/valid.parquet')]);
    await importsSettled(page, ['valid']);
    await eventually(() => encoders.length, SLOW_LOAD).toBe(1);
    // Save with the data encodes the same table through the Parquet codec.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: SLOW_LOAD }),
      page.getByRole('button', { name: 'Save', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.shakhes$/);
    expect(encoders).toHaveLength(1);
  });
});
