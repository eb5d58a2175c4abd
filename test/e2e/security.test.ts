import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, startBrowser } from './harness';
import { pageSettled } from './settled';

describe('content security policy', () => {
  let b: Browser;
  beforeAll(async () => {
    b = await startBrowser();
  });
  afterEach((ctx) => b.check(ctx));
  afterAll(() => b?.close());

  it('is sent with the page and allows scripts only from the origin', async () => {
    const response = await b.page.request.get(b.url);
    const header = response.headers()['content-security-policy'];
    expect(header).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(header).toContain("connect-src 'self' blob: data:");
    expect(header).toContain("object-src 'none'");
    const page = await b.open('?demo=0');
    const meta = await page.evaluate(() =>
      document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'),
    );
    // The header adds what a <meta> policy cannot carry (docs/hosting.md).
    expect(header).toBe(`${meta}; frame-ancestors 'none'`);
    expect(response.headers()['referrer-policy']).toBe('no-referrer');
    expect(
      await page.evaluate(() => document.querySelector('meta[name="referrer"]')?.getAttribute('content')),
    ).toBe('no-referrer');
  });

  it('runs no injected inline script or event handler', async () => {
    const page = await b.open('?demo=0');
    await page.evaluate(() => {
      document.body.insertAdjacentHTML(
        'beforeend',
        '<img id="probe" src="data:," onerror="window.__ran = 1">',
      );
      const s = document.createElement('script');
      s.textContent = 'window.__ran2 = 1';
      document.body.append(s);
    });
    await pageSettled(page);
    const ran = await page.evaluate(() => {
      const w = window as unknown as { __ran?: number; __ran2?: number };
      return [w.__ran ?? null, w.__ran2 ?? null];
    });
    expect(ran).toEqual([null, null]);
    // Chromium reports each refusal on the console; those two are the point of this test.
    const refusals = b.errors.filter((e) => e.includes('Content Security Policy'));
    expect(refusals.length).toBeGreaterThanOrEqual(2);
    b.errors.splice(0, b.errors.length, ...b.errors.filter((e) => !e.includes('Content Security Policy')));
  });
});
