import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { compileScorecard } from '../../src/core/formula/compile';
import { kpiDefOf } from '../../src/core/formula/schema';
import { availability } from '../../src/core/kpi/availability';
import { CATALOG } from '../../src/core/kpi/catalog';
import { presentColumns, scorecardSchema } from '../../src/core/model/scorecardSchema';
import { duckdb } from '../../src/core/sql/dialects/registry';
import { kindOfSqlType } from '../../src/engine/ingest/sqlTypes';
import { launchChromium } from '../e2e/chromium';
import { withBrowser } from './chromiumBench';
import { dealsCsv, dealsParquet, LARGE_MEMORY_LIMIT, LARGE_ROWS, spillDirectory } from './dealsParquet';
import { type NativeConnection, nativeConnection } from './nativeDuckdb';
import type { Figure, ServeComparison } from './report';
import { startServeChild } from './serveChild';
import {
  appReady,
  lastRowShown,
  type PaintedScorecard,
  pageQuery,
  paintedScorecard,
  scorecardTab,
} from './servePage';
import { interleavedRuns, median } from './stats';

const s = duckdb.stringLiteral;
const say = (line: string) => process.stderr.write(`${line}\n`);

interface Workload {
  sql: string;
  calendarSql: string[];
  kpiCount: number;
  from: string;
  to: string;
}

/**
 * The demo workbook's deals KPIs (every catalog KPI the deals table alone supports) over
 * the latest 36 months by month, with the Total column, compiled once for all three.
 */
async function dealsScorecard(path: string): Promise<Workload> {
  const db = await nativeConnection('all');
  try {
    const described = await db.rows(`DESCRIBE SELECT * FROM read_parquet(${s(path)})`);
    const columns = described.map((r) => ({
      name: String(r.column_name),
      kind: kindOfSqlType(String(r.column_type)),
    }));
    const loaded = [{ name: 'deals', columns }];
    const kpis = CATALOG.filter((k) => availability(k, presentColumns(loaded)).available).map(kpiDefOf);
    const schema = scorecardSchema(loaded);
    const to = String(
      (await db.rows(`SELECT max(closed_at)::VARCHAR AS hi FROM read_parquet(${s(path)})`))[0].hi,
    );
    const fromDate = new Date(`${to.slice(0, 7)}-01T00:00:00Z`);
    fromDate.setUTCMonth(fromDate.getUTCMonth() - 35);
    const from = fromDate.toISOString().slice(0, 10);
    const compiled = compileScorecard({
      kpis,
      schema,
      grain: 'month',
      from,
      to,
      totals: true,
      dialect: duckdb,
    });
    if (compiled.sql === '') throw new Error('the deals scorecard did not compile');
    // The span the app's ensureCalendar builds by default (src/engine/calendar.ts).
    const calendarSql = duckdb.calendarTable('1998-01-01', '2042-12-31');
    return { sql: compiled.sql, calendarSql, kpiCount: kpis.length, from, to };
  } finally {
    db.close();
  }
}

/**
 * The same file and SQL on native DuckDB in this process, in the UTC the server's engine
 * sets: the floor serve is measured against, under the server's memory limit when it has
 * one. Left open, so its runs alternate with the page's and load from other work on the
 * machine falls on both alike.
 */
async function nativeDirect(path: string, work: Workload, memoryLimit: string | undefined) {
  const db = await nativeConnection('all');
  await db.run("SET TimeZone='UTC'");
  if (memoryLimit !== undefined) {
    await db.run(`SET memory_limit = ${s(memoryLimit)}`);
    await db.run(`SET temp_directory = ${s(spillDirectory('native'))}`);
  }
  const t0 = performance.now();
  await db.run(`CREATE TABLE deals AS SELECT * FROM read_parquet(${s(path)})`);
  const load = (performance.now() - t0) / 1000;
  for (const sql of work.calendarSql) await db.run(sql);
  const resultRows = (await db.rows(work.sql)).length;
  return { db, load, resultRows };
}

/**
 * Serve in Chromium: the command's start with its import, the page opened, the app's
 * Scorecard tab timed to a painted grid, then the scorecard SQL from the page and on
 * native DuckDB directly, in turns; each one's seconds.
 */
async function serveInChromium(
  path: string,
  rows: number,
  work: Workload,
  runs: number,
  native: NativeConnection | undefined,
  memoryLimit?: string,
) {
  const server = await startServeChild(path, memoryLimit);
  const profile = mkdtempSync(join(tmpdir(), 'shakhes-servebench-'));
  // Chromium may fail to start (not installed): the server must still be stopped below.
  let ctx: Awaited<ReturnType<typeof launchChromium>> | undefined;
  try {
    ctx = await launchChromium(profile);
    const page = await ctx.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const t0 = performance.now();
    await page.goto(`${server.url.replace('/#', '/?demo=0#')}`);
    await appReady(page);
    const pageOpen = (performance.now() - t0) / 1000;
    const screenshot = join(dirname(path), 'serve-scorecard.png');
    const patience = rows >= LARGE_ROWS ? 3_600_000 : 600_000;
    const app = await paintedScorecard(page, 'deals', rows, screenshot, patience);
    say(
      `  app: table listed ${app.listed.toFixed(1)} s after the page was ready; Scorecard tab → painted grid ${app.painted.toFixed(1)} s (${app.kpis} KPIs); screenshot ${screenshot}`,
    );
    if (app.defaultLimit)
      say(`  app, first run (${app.defaultLimit.seconds.toFixed(1)} s): “${app.defaultLimit.message}”`);
    // The generated rows are numbered in order: the grid's last row is the last deal.
    const lastDeal = `D${String(rows).padStart(9, '0')}`;
    const end = await lastRowShown(page, rows, { column: 'deal_id', expected: lastDeal }, patience);
    await page.screenshot({ path: join(dirname(path), 'serve-data-end.png') });
    say(
      `  app: Data tab, scrollbar to the end → row ${rows.toLocaleString('en')} (${lastDeal}) drawn ${end.toFixed(1)} s`,
    );
    // The page's own bundle keeps apache-arrow to itself: the same library, given to the page as a global.
    await page.evaluate(readFileSync('node_modules/apache-arrow/Arrow.es2015.min.js', 'utf8'));
    for (const sql of work.calendarSql) await pageQuery(page, sql);
    const t1 = performance.now();
    const resultRows = await pageQuery(page, work.sql);
    const once = (performance.now() - t1) / 1000;
    // Without native DuckDB beside it, the one run above is the figure (a second copy of 100M rows would not fit the time).
    const [scorecard, nativeScorecard] = native
      ? await interleavedRuns(runs, [
          async () => {
            await pageQuery(page, work.sql);
          },
          () => native.run(work.sql),
        ])
      : [[once], []];
    return {
      load: server.started,
      pageOpen,
      app,
      lastRow: end,
      scorecard,
      nativeScorecard,
      resultRows,
      peakMb: server.peakMb(),
    };
  } finally {
    await ctx?.close();
    rmSync(profile, { recursive: true, force: true });
    await server.stop();
  }
}

/**
 * The plain built app (DuckDB-WASM in the tab), the file given to its file input: the
 * seconds until the data panel lists the table and the scorecard tab paints its grid, or
 * the message the app shows instead (or a crashed tab).
 */
async function browserEngine(path: string, rows: number) {
  return withBrowser(async (ctx, server) => {
    const page = await ctx.newPage();
    let crashed = false;
    page.on('crash', () => {
      crashed = true;
    });
    await page.goto(`${server.url}?demo=0`);
    await appReady(page);
    const t0 = performance.now();
    await page
      .getByLabel('Open CRM export files')
      .first()
      .setInputFiles([resolve(path)]);
    const message = page.locator('.message-list, [role="alert"]').first();
    const outcome = await Promise.race([
      page
        .locator(`li[data-table="deals"] .count[data-rows="${rows}"]`)
        .waitFor({ state: 'attached', timeout: 600_000 })
        .then(() => 'loaded' as const),
      message.waitFor({ timeout: 600_000 }).then(() => 'message' as const),
    ]).catch(() => (crashed ? ('crashed' as const) : ('timeout' as const)));
    const load = (performance.now() - t0) / 1000;
    if (outcome !== 'loaded') {
      const text = outcome === 'message' ? (await message.innerText()).replace(/\s+/g, ' ').trim() : outcome;
      return { load, scorecard: Number.NaN, failure: text };
    }
    // Painted, or the scorecard's own failure (out of memory past the load, too).
    const tab = await scorecardTab(page, 600_000).catch(() => null);
    const shown = tab?.outcome;
    if (tab && shown && 'kpis' in shown) return { load, scorecard: tab.seconds, failure: undefined };
    const why = crashed
      ? 'tab crashed'
      : shown && 'message' in shown
        ? shown.message
        : 'no grid in 10 minutes';
    return { load, scorecard: Number.NaN, failure: `loaded; the scorecard then failed: ${why}` };
  });
}

/** The served app's Scorecard tab: to a painted grid, and what stopped its first run if the time limit did. */
function appFigures(section: string, app: PaintedScorecard): Figure[] {
  const painted: Figure = {
    section,
    work: `shakhes serve in Chromium: Scorecard tab → painted grid (${app.kpis} KPIs, the app’s mapping and default range${app.defaultLimit ? ', time limit raised' : ''})`,
    runs: [app.painted],
  };
  if (!app.defaultLimit) return [painted];
  const stopped: Figure = {
    section,
    work: `shakhes serve in Chromium: Scorecard tab, default time limit → “${app.defaultLimit.message}”`,
    runs: [app.defaultLimit.seconds],
  };
  return [stopped, painted];
}

/**
 * One size: the table generated, then native DuckDB directly, `shakhes serve` in
 * Chromium (with --memory-limit 4GB from 100M rows up, where it must spill) and the
 * browser engine, each on the same file and, for the first two, the same SQL.
 */
export async function serveFigures(
  rows: number,
  runs: number,
): Promise<{ figures: Figure[]; comparison: ServeComparison }> {
  const n = rows.toLocaleString('en');
  const section = `shakhes serve, deals ${n} rows (Parquet)`;
  say(`serve ${n}: generating`);
  const path = await dealsParquet(rows);
  const work = await dealsScorecard(path);
  say(`  ${work.kpiCount} deals KPIs, months ${work.from}..${work.to}`);
  const memoryLimit = rows >= LARGE_ROWS ? LARGE_MEMORY_LIMIT : undefined;
  say(`  native DuckDB${memoryLimit ? `, memory_limit ${memoryLimit}` : ''}`);
  const native = await nativeDirect(path, work, memoryLimit);
  say(
    `  shakhes serve${memoryLimit ? ` --memory-limit ${memoryLimit}` : ''} in Chromium, native DuckDB in turns`,
  );
  const serve = await serveInChromium(path, rows, work, runs, native.db, memoryLimit).finally(() =>
    native.db.close(),
  );
  // What the command's start costs without a file (Node, the CLI, the engine): the rest of its start is the import.
  const bare = await startServeChild();
  await bare.stop();
  if (serve.resultRows !== native.resultRows)
    throw new Error(`the page got ${serve.resultRows} result rows, native DuckDB ${native.resultRows}`);
  const list = (xs: number[]) => xs.map((x) => x.toFixed(2)).join(', ');
  say(`  scorecard runs (s): page ${list(serve.scorecard)}; native ${list(serve.nativeScorecard)}`);
  say(`  server peak memory ${serve.peakMb.toFixed(0)} MB`);
  say('  browser engine');
  const browser = await browserEngine(path, rows);
  if (browser.failure) say(`  browser engine: ${browser.failure}`);
  // A Parquet file refused before it is read never reaches DuckDB-WASM's memory limit; a
  // CSV of the same rows does (no size check before reading). Not at 100M: 5.5 GB of CSV.
  const csv = browser.failure && rows < 1e8 ? await browserEngine(await dealsCsv(path), rows) : undefined;
  if (csv) say(`  browser engine, CSV: ${csv.failure ?? `loaded in ${csv.load.toFixed(1)} s`}`);
  const nativeLoad = 'native DuckDB: read_parquet into a table';
  const nativeSc = 'native DuckDB: deals scorecard SQL';
  const figures: Figure[] = [
    { section, work: nativeLoad, runs: [native.load], rows },
    { section, work: 'shakhes serve without a file: command start → address printed', runs: [bare.started] },
    {
      section,
      work: 'shakhes serve: command start → address printed (file imported by path)',
      runs: [serve.load],
      rows,
      baseline: nativeLoad,
    },
    { section, work: 'shakhes serve: page opened → app ready in Chromium', runs: [serve.pageOpen] },
    { section, work: 'shakhes serve: app ready → data panel lists the table', runs: [serve.app.listed] },
    ...appFigures(section, serve.app),
    {
      section,
      work: 'shakhes serve in Chromium: Data tab, scrollbar dragged to the end → the last row drawn',
      runs: [serve.lastRow],
    },
    browser.failure
      ? {
          section,
          work: `browser engine: file given → load refused: “${browser.failure}”`,
          runs: [browser.load],
        }
      : {
          section,
          work: 'browser engine: load through the app',
          runs: [browser.load],
          rows,
          baseline: nativeLoad,
        },
    { section, work: nativeSc, runs: serve.nativeScorecard },
    {
      section,
      work: 'shakhes serve in Chromium: same SQL from the page, Arrow decoded',
      runs: serve.scorecard,
      baseline: nativeSc,
      target: '≤ 1.10× native at 20M',
    },
    {
      section,
      work: `shakhes serve: server peak memory (VmHWM)${memoryLimit ? `, --memory-limit ${memoryLimit}` : ''}`,
      runs: [serve.peakMb],
      unit: 'MB',
    },
  ];
  if (csv)
    figures.push({
      section,
      work: csv.failure
        ? `browser engine, same rows as CSV: file given → failed: “${csv.failure}”`
        : 'browser engine, same rows as CSV: load through the app',
      runs: [csv.load],
    });
  if (csv && !csv.failure)
    figures.push({
      section,
      work: 'browser engine, same rows as CSV: Scorecard tab → painted grid (the app’s default range)',
      runs: [csv.scorecard],
    });
  if (!browser.failure)
    figures.push({
      section,
      work: 'browser engine: Scorecard tab → painted grid (the app’s default range)',
      runs: [browser.scorecard],
    });
  return {
    figures,
    comparison: {
      rows,
      kpis: work.kpiCount,
      native: { load: native.load, scorecard: median(serve.nativeScorecard) },
      serve: {
        load: serve.load,
        pageOpen: serve.pageOpen,
        painted: serve.app.painted,
        scorecard: median(serve.scorecard),
        peakMb: serve.peakMb,
        memoryLimit,
      },
      browser: csv?.failure ? { ...browser, failure: `${browser.failure} As CSV: ${csv.failure}` } : browser,
    },
  };
}

/**
 * `--only serve-app`: the served app alone on one size, with no native DuckDB beside it
 * (at 100M rows a second copy and its runs take longer than a shared machine gives): the
 * command's start with its import, the app to a painted scorecard and the grid's last row,
 * the scorecard SQL once from the page, and the server's peak memory.
 */
export async function serveAppFigures(rows: number): Promise<Figure[]> {
  const n = rows.toLocaleString('en');
  const section = `shakhes serve alone, deals ${n} rows (Parquet)`;
  const path = await dealsParquet(rows);
  const work = await dealsScorecard(path);
  const memoryLimit = rows >= LARGE_ROWS ? LARGE_MEMORY_LIMIT : undefined;
  say(
    `serve ${n}${memoryLimit ? ` --memory-limit ${memoryLimit}` : ''} in Chromium, no native DuckDB beside it`,
  );
  const serve = await serveInChromium(path, rows, work, 1, undefined, memoryLimit);
  say(
    `  scorecard SQL from the page: ${serve.scorecard[0].toFixed(1)} s; server peak memory ${serve.peakMb.toFixed(0)} MB`,
  );
  return [
    {
      section,
      work: 'shakhes serve: command start → address printed (file imported by path)',
      runs: [serve.load],
      rows,
    },
    { section, work: 'shakhes serve: page opened → app ready in Chromium', runs: [serve.pageOpen] },
    { section, work: 'shakhes serve: app ready → data panel lists the table', runs: [serve.app.listed] },
    ...appFigures(section, serve.app),
    {
      section,
      work: 'shakhes serve in Chromium: Data tab, scrollbar dragged to the end → the last row drawn',
      runs: [serve.lastRow],
    },
    {
      section,
      work: 'shakhes serve in Chromium: deals scorecard SQL from the page, one run',
      runs: serve.scorecard,
    },
    {
      section,
      work: `shakhes serve: server peak memory (VmHWM)${memoryLimit ? `, --memory-limit ${memoryLimit}` : ''}`,
      runs: [serve.peakMb],
      unit: 'MB',
    },
  ];
}
