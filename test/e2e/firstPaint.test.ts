import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, startBrowser } from './harness';

/**
 * Issue 19's first paint: index.html's skeleton must paint before anything the page
 * fetches arrives. A stylesheet in the head held it back (render-blocking) until the
 * app's 40 KB of CSS had come; the browser says which resources blocked rendering.
 */
describe('first paint', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('waits for no stylesheet or script: nothing the page fetches blocks rendering', async () => {
    const page = await b.open('?demo=0');
    const fetched = (await page.evaluate(() =>
      performance
        .getEntriesByType('resource')
        .map((e) => e as PerformanceResourceTiming & { renderBlockingStatus?: string })
        .map((e) => ({ name: e.name.split('/').pop() ?? '', status: e.renderBlockingStatus ?? 'unknown' })),
    )) as { name: string; status: string }[];
    // The app's own stylesheet and entry script were fetched, and neither held the paint.
    expect(fetched.some((e) => e.name.endsWith('.css'))).toBe(true);
    expect(fetched.some((e) => /^index-.*\.js$/.test(e.name))).toBe(true);
    expect(fetched.filter((e) => e.status !== 'non-blocking')).toEqual([]);
  });
});
