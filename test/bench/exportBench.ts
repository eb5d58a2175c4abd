import { openTable, tabSettled, withBrowser } from './chromiumBench';
import type { Figure } from './report';

/**
 * A Parquet export of a large table from the data grid's Export menu, in the built app:
 * from the click until the download starts, and the page's long tasks (PerformanceObserver)
 * meanwhile. The encode runs in a worker, so what the page's thread still does is reading
 * the rows from the engine and writing them as one Arrow stream for the worker.
 */
export async function chromiumExport(
  section: string,
  file: string,
  table: string,
  rows: number,
  runs = 3,
): Promise<Figure[]> {
  return withBrowser(async (ctx, server) => {
    const page = await openTable(ctx, server, file, table, rows);
    await page.evaluate(`(() => {
      window.__tasks = [];
      new PerformanceObserver((list) => {
        for (const t of list.getEntries()) window.__tasks.push({ start: t.startTime, duration: t.duration });
      }).observe({ type: 'longtask' });
    })()`);
    const seconds: number[] = [];
    const longest: number[] = [];
    const over: number[] = [];
    for (let i = 0; i <= runs; i++) {
      // Autosave encodes the loaded table too: measure the export alone.
      await tabSettled();
      await page.getByRole('button', { name: `Export ${table}` }).click();
      const t0 = (await page.evaluate('performance.now()')) as number;
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 600_000 }),
        page.locator('.export-popover [data-export="parquet"]').click(),
      ]);
      const t1 = (await page.evaluate('performance.now()')) as number;
      await download.cancel();
      const tasks = (await page.evaluate('window.__tasks')) as { start: number; duration: number }[];
      const during = tasks.filter((t) => t.start + t.duration >= t0 && t.start <= t1).map((t) => t.duration);
      process.stderr.write(
        `  export run ${i}: ${Math.round(t1 - t0)} ms, long tasks ${during.map(Math.round).join(', ') || 'none'}\n`,
      );
      if (i === 0) continue;
      seconds.push((t1 - t0) / 1000);
      longest.push(Math.max(0, ...during));
      over.push(during.filter((d) => d > 100).length);
    }
    // Whether the page itself loaded the Parquet codec: if so, some encode fell back to the page's thread.
    const fetched = (await page.evaluate(
      `performance.getEntriesByType('resource').map((e) => e.name).filter((n) => /parquet|encodeWorker/i.test(n))`,
    )) as string[];
    process.stderr.write(
      `  fetched by the page: ${fetched.map((f) => f.split('/').pop()).join(', ') || 'none'}\n`,
    );
    const n = rows.toLocaleString('en');
    return [
      { section, work: `DuckDB-WASM (Chromium): ${n} rows to Parquet, click → download`, runs: seconds },
      { section, work: 'longest task on the page’s thread meanwhile', runs: longest, unit: 'ms' },
      {
        section,
        work: 'tasks over 100 ms on the page’s thread meanwhile',
        runs: over,
        unit: 'tasks',
        target: '0',
      },
    ];
  });
}
