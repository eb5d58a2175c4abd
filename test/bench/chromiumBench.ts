import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { CANONICAL_TABLE_NAMES } from '../../src/core/model/canonical';
import { launchChromium } from '../e2e/chromium';
import { startServer } from '../e2e/serve.mjs';
import type { Figure } from './report';

type Server = Awaited<ReturnType<typeof startServer>>;

/** One served build and a fresh profile per measurement, as a first-time user has. */
async function withBrowser<T>(fn: (ctx: BrowserContext, server: Server) => Promise<T>): Promise<T> {
  const server = await startServer({ root: process.env.SHAKHES_DIST ?? 'dist', port: 0 });
  const profile = mkdtempSync(join(tmpdir(), 'shakhes-bench-'));
  const ctx = await launchChromium(profile);
  try {
    return await fn(ctx, server);
  } finally {
    await ctx.close();
    rmSync(profile, { recursive: true, force: true });
    await server.close();
  }
}

const listed = (page: Page, table: string, rows?: number) =>
  page
    .locator(`li[data-table="${table}"] .count${rows === undefined ? '' : `[data-rows="${rows}"]`}`)
    .waitFor({ state: 'attached', timeout: 600_000 });

async function chooseFiles(page: Page, paths: string[]) {
  await page.getByLabel('Open CRM export files').first().setInputFiles(paths);
}

/** Seconds from giving the file input a file until the data panel lists the table with its rows. */
export async function chromiumLoad(section: string, file: string, table: string, rows: number, runs: number) {
  return withBrowser(async (ctx, server) => {
    const times: number[] = [];
    for (let i = 0; i <= runs; i++) {
      const page = await ctx.newPage();
      await page.goto(`${server.url}?demo=0`);
      await page.getByLabel('Open CRM export files').first().waitFor({ state: 'attached' });
      const t0 = Date.now();
      await chooseFiles(page, [resolve(file)]);
      await listed(page, table, rows);
      if (i > 0) times.push((Date.now() - t0) / 1000);
      await page.close();
    }
    return {
      section,
      work: `DuckDB-WASM (Chromium): load ${file.split('.').pop()?.toUpperCase()} through the app`,
      runs: times,
      rows,
    } as Figure;
  });
}

/** Waits for the scorecard to finish a run and paint: its summary shows again, then two frames pass. */
async function scorecardPainted(page: Page) {
  await page.locator('[data-kpi-count]').waitFor({ state: 'attached', timeout: 600_000 });
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** From a changed control (grain) to a painted grid, with the demo schema at benchmark scale. */
export async function chromiumScorecard(section: string, dir: string, runs: number): Promise<Figure> {
  return withBrowser(async (ctx, server) => {
    const page = await ctx.newPage();
    await page.goto(`${server.url}?demo=0`);
    await chooseFiles(
      page,
      CANONICAL_TABLE_NAMES.map((t) => resolve(`${dir}/${t}.csv`)),
    );
    for (const t of CANONICAL_TABLE_NAMES) await listed(page, t);
    await page.getByRole('tab', { name: 'Scorecard' }).click();
    await scorecardPainted(page);
    await page.getByLabel('Breakdown').selectOption('customers.segment');
    await scorecardPainted(page);
    const times: number[] = [];
    const grains = ['quarter', 'month'];
    for (let i = 0; i <= runs; i++) {
      const grain = grains[i % 2];
      // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
      const ms = (await page.evaluate(`(async () => {
        const g = ${JSON.stringify(grain)};
        const select = [...document.querySelectorAll('select')].find((s) =>
          [...s.options].some((o) => o.value === 'quarter'));
        const t0 = performance.now();
        select.value = g;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await new Promise((r) => {
          const tick = () =>
            document.querySelector('[data-kpi-count]') !== null && select.value === g ? r() : requestAnimationFrame(tick);
          requestAnimationFrame(tick);
        });
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
        return performance.now() - t0;
      })()`)) as number;
      if (i > 0) times.push(ms / 1000);
    }
    return {
      section,
      work: 'DuckDB-WASM (Chromium): change grain → painted scorecard',
      runs: times,
      target: '≤ 0.5 s at 1M rows',
    };
  });
}

/** Navigation to a computed scorecard with the demo: a fresh profile, then the same one again. */
export async function chromiumFirstScorecard(section: string, runs: number): Promise<Figure[]> {
  const cold: number[] = [];
  const warm: number[] = [];
  const warmReady: number[] = [];
  for (let i = 0; i <= runs; i++) {
    await withBrowser(async (ctx, server) => {
      for (const visit of ['cold', 'warm'] as const) {
        const page = await ctx.newPage();
        const t0 = Date.now();
        await page.goto(server.url);
        // Painted: computed now, or (warm) the results kept with the workbook, shown before the data is back.
        await page
          .locator('[data-kpi-count], [data-kpi-preview]')
          .first()
          .waitFor({ state: 'attached', timeout: 600_000 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const painted = (Date.now() - t0) / 1000;
        // Ready: the data is loaded again and the scorecard confirmed against it.
        await scorecardPainted(page);
        const ready = (Date.now() - t0) / 1000;
        if (i > 0) {
          if (visit === 'cold') cold.push(ready);
          else {
            warm.push(painted);
            warmReady.push(ready);
          }
        }
        // Let autosave keep the workbook and its results, as it would for a user who comes back.
        await page.waitForTimeout(4000);
        await page.close();
      }
    });
  }
  return [
    { section, work: 'first scorecard of the demo, cold (new profile)', runs: cold },
    {
      section,
      work: 'first scorecard of the demo, warm (same profile): kept results painted',
      runs: warm,
      target: '≤ 2 s',
    },
    { section, work: 'warm: data loaded again and the scorecard confirmed', runs: warmReady },
  ];
}

/**
 * Frames over 50 ms while the grid scrolls through a large table: like a mouse wheel
 * (120 px a frame) and like dragging the scrollbar end to end in ten seconds.
 */
export async function chromiumScroll(
  section: string,
  file: string,
  table: string,
  rows: number,
): Promise<Figure[]> {
  return withBrowser(async (ctx, server) => {
    const page = await ctx.newPage();
    await page.goto(`${server.url}?demo=0`);
    await chooseFiles(page, [resolve(file)]);
    await listed(page, table, rows);
    await page.locator('.ag-row[row-index="0"]').waitFor({ timeout: 120_000 });
    // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
    const measure = async (mode: 'wheel' | 'fling') =>
      (await page.evaluate(`(async () => {
        const viewport = document.querySelector('.ag-grid-viewport');
        const steps = 600;
        const deltas = [];
        let last = performance.now();
        for (let i = 1; i <= steps; i++) {
          await new Promise((r) => requestAnimationFrame(r));
          const now = performance.now();
          deltas.push(now - last);
          last = now;
          if (${JSON.stringify(mode)} === 'wheel') viewport.scrollTop += 120;
          else viewport.scrollTop = (viewport.scrollHeight * i) / steps;
        }
        return deltas.filter((d) => d > 50).length;
      })()`)) as number;
    const wheel = await measure('wheel');
    const fling = await measure('fling');
    const n = rows.toLocaleString('en');
    return [
      {
        section,
        work: `wheel scroll in ${n} rows: frames over 50 ms (of 600)`,
        runs: [wheel],
        unit: 'frames',
        target: '0',
      },
      {
        section,
        work: `scrollbar dragged through ${n} rows: frames over 50 ms (of 600)`,
        runs: [fling],
        unit: 'frames',
        target: '0',
      },
    ];
  });
}

/** Peak resident memory of Chromium's renderer processes (the tab and its DuckDB worker). */
function rendererPeakMb(): number {
  const out = execFileSync('ps', ['-eo', 'pid,args'], { encoding: 'utf8' });
  let peak = 0;
  for (const line of out.split('\n')) {
    if (!line.includes('--type=renderer')) continue;
    const pid = line.trim().split(/\s+/)[0];
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      peak = Math.max(peak, kb / 1024);
    } catch {
      // The process ended between ps and the read.
    }
  }
  return peak;
}

/** Loads a large table, computes a scorecard on it, and reports the tab's peak memory or its message. */
export async function chromiumMemory(
  section: string,
  file: string,
  table: string,
  rows: number,
): Promise<Figure> {
  return withBrowser(async (ctx, server) => {
    const page = await ctx.newPage();
    let crashed = false;
    page.on('crash', () => {
      crashed = true;
    });
    await page.goto(`${server.url}?demo=0`);
    await chooseFiles(page, [resolve(file)]);
    const outcome = await Promise.race([
      listed(page, table, rows).then(() => 'loaded'),
      page
        .locator('.message-list, [role="alert"]')
        .first()
        .waitFor({ timeout: 600_000 })
        .then(() => 'message'),
    ]).catch(() => (crashed ? 'crashed' : 'timeout'));
    if (outcome === 'loaded') {
      await page.getByRole('tab', { name: 'Scorecard' }).click();
      await scorecardPainted(page).catch(() => undefined);
    }
    const mb = rendererPeakMb();
    return {
      section,
      work: `peak tab memory with ${rows.toLocaleString('en')} rows loaded + scorecard (${outcome}${crashed ? ', tab crashed' : ''})`,
      runs: [mb],
      unit: 'MB',
      target: 'no crash',
    };
  });
}
