import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type Browser, eventually, ROOT, SLOW_LOAD, startBrowser } from './harness';

const DEMO_CSVS = readdirSync(join(ROOT, 'samples/crm-demo')).filter((n) => n.endsWith('.csv'));

/**
 * Issue 19's first paint: index.html's skeleton must paint before anything the page
 * fetches arrives. A stylesheet in the head held it back (render-blocking) until the
 * app's 40 KB of CSS had come; the browser says which resources blocked rendering.
 */
describe('first paint and cold start', () => {
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

  it('asks for the engine first, fetches every demo file at once while it starts, and puts each prepared table in place', async () => {
    // A profile of its own: the visit above kept an empty workbook, which a start restores instead of the demo.
    const fresh = await startBrowser();
    try {
      await demoFetchedAtOnce(fresh);
      fresh.assertClean();
    } finally {
      await fresh.close();
    }
  });
});

async function demoFetchedAtOnce(b: Browser) {
  const page = b.page;
  // Noted by the page itself, before any of its scripts run: when the first table is listed.
  await page.addInitScript(() => {
    const w = window as unknown as { firstListed?: number };
    new MutationObserver((_, observer) => {
      if (document.querySelector('li[data-table] .count') === null) return;
      w.firstListed = performance.now();
      observer.disconnect();
    }).observe(document, { subtree: true, childList: true });
  });
  await b.open();
  await page.locator('li[data-table] .count').first().waitFor({ timeout: SLOW_LOAD });
  await eventually(() => page.locator('li[data-table] .count').count(), SLOW_LOAD).toBe(13);
  const { listed, csv, arrow, imports, engineAsked } = (await page.evaluate(() => {
    const started = (ext: string) =>
      performance
        .getEntriesByType('resource')
        .filter((e) => e.name.endsWith(ext))
        .map((e) => e.startTime);
    return {
      listed: (window as unknown as { firstListed?: number }).firstListed ?? Number.NaN,
      csv: started('.csv'),
      arrow: started('.arrow'),
      imports: performance
        .getEntriesByType('measure')
        .filter((e) => e.name.startsWith('import'))
        .map((e) => e.name),
      engineAsked: performance.getEntriesByName('engine: asked')[0]?.startTime ?? Number.NaN,
    };
  })) as { listed: number; csv: number[]; arrow: number[]; imports: string[]; engineAsked: number };
  expect(csv).toHaveLength(13);
  expect(Math.max(...csv)).toBeLessThan(listed);
  // Each table came from its prepared form (samples/crm-demo-prepared), fetched at once too;
  // none went through the importer's sniffing and typing. The CSVs stay its kept sources.
  expect(arrow).toHaveLength(13);
  expect(Math.max(...arrow)).toBeLessThan(listed);
  expect(imports.sort()).toEqual(DEMO_CSVS.map((n) => `import (prepared): ${n}`).sort());
  // The engine is asked for as the entry first runs (src/ui/engineEarly.ts), not after the
  // first render and the autosave check, which the demo's fetches wait for: its 34 MB
  // module is fetched and compiled meanwhile.
  expect(engineAsked).toBeLessThan(Math.min(...csv, ...arrow));
}
