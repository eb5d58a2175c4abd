import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { compileScorecard } from '../../src/core/formula/compile';
import { kpiDefOf } from '../../src/core/formula/schema';
import { availability } from '../../src/core/kpi/availability';
import { CATALOG } from '../../src/core/kpi/catalog';
import { presentColumns, scorecardSchema } from '../../src/core/model/scorecardSchema';
import { duckdb } from '../../src/core/sql/dialects/registry';
import { kindOfSqlType } from '../../src/engine/ingest/sqlTypes';
import { launchChromium } from '../e2e/chromium';
import { withBrowser } from './chromiumBench';
import { dealsCsv, dealsParquet } from './dealsParquet';
import { type NativeConnection, nativeConnection } from './nativeDuckdb';
import type { Figure, ServeComparison } from './report';
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
    const compiled = compileScorecard({ kpis, schema, grain: 'month', from, to, totals: true });
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
 * sets: the floor serve is measured against. Left open, so its runs alternate with the
 * page's and load from other work on the machine falls on both alike.
 */
async function nativeDirect(path: string, work: Workload) {
  const db = await nativeConnection('all');
  await db.run("SET TimeZone='UTC'");
  const t0 = performance.now();
  await db.run(`CREATE TABLE deals AS SELECT * FROM read_parquet(${s(path)})`);
  const load = (performance.now() - t0) / 1000;
  for (const sql of work.calendarSql) await db.run(sql);
  const resultRows = (await db.rows(work.sql)).length;
  return { db, load, resultRows };
}

interface ServeChild {
  url: string;
  /** Seconds from spawning the command until it printed its address (its import of the file included). */
  started: number;
  /** Peak resident memory of the server process so far (VmHWM), in MB. */
  peakMb(): number;
  stop(): Promise<void>;
}

/** `shakhes serve FILE` as a child process, as a user starts it, so its memory is its own. */
async function startServeChild(file?: string, memoryLimit?: string): Promise<ServeChild> {
  const args = ['--import', 'tsx', 'src/cli/main.ts', 'serve', ...(file ? [file] : []), '--port', '0'];
  if (memoryLimit !== undefined) args.push('--memory-limit', memoryLimit);
  const t0 = performance.now();
  const child: ChildProcess = spawn(process.execPath, args, {
    env: { ...process.env, SHAKHES_DIST: resolve(process.env.SHAKHES_DIST ?? 'dist') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stderr?.on('data', (d) => {
    err += String(d);
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const url = await new Promise<string>((ok, fail) => {
    child.stdout?.on('data', (d) => {
      out += String(d);
      const m = /http:\/\/127\.0\.0\.1:\d+\/#token=[0-9a-f]+/.exec(out);
      if (m) ok(m[0]);
    });
    child.once('exit', (code, signal) =>
      fail(new Error(`shakhes serve ended (${signal ?? code}) before printing its address: ${err.trim()}`)),
    );
  });
  const started = (performance.now() - t0) / 1000;
  for (const line of out.split('\n')) if (/rows from/.test(line)) say(`  serve:${line}`);
  const pid = child.pid;
  return {
    url,
    started,
    peakMb() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    async stop() {
      child.kill('SIGINT');
      await exited;
    },
  };
}

/** The app ready in the page: its data panel offers the file input. */
const appReady = (page: Page) =>
  page.getByLabel('Open CRM export files').first().waitFor({ state: 'attached', timeout: 120_000 });

/**
 * In the served page, a query as its remote engine sends it (src/engine/remoteEngine.ts:
 * POST /api/query with the tab's token), the Arrow IPC answer read and decoded by
 * apache-arrow in the page; its rows.
 */
function pageQuery(page: Page, sql: string): Promise<number> {
  return page.evaluate(`(async () => {
    const response = await fetch('/api/query', {
      method: 'POST',
      headers: {
        'x-shakhes-token': sessionStorage.getItem('shakhes-serve-token'),
        'content-type': 'application/json',
      },
      body: JSON.stringify({ id: crypto.randomUUID(), sql: ${JSON.stringify(sql)} }),
    });
    if (!response.ok) throw new Error(await response.text());
    const table = Arrow.tableFromIPC(new Uint8Array(await response.arrayBuffer()));
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    return table.numRows;
  })()`) as Promise<number>;
}

/**
 * Serve in Chromium: the command's start with its import, the page opened, then the
 * scorecard SQL from the page and on native DuckDB directly, in turns; each one's seconds.
 */
async function serveInChromium(
  path: string,
  work: Workload,
  runs: number,
  native: NativeConnection,
  memoryLimit?: string,
) {
  const server = await startServeChild(path, memoryLimit);
  const profile = mkdtempSync(join(tmpdir(), 'shakhes-servebench-'));
  const ctx = await launchChromium(profile);
  try {
    const page = await ctx.newPage();
    const t0 = performance.now();
    await page.goto(`${server.url.replace('/#', '/?demo=0#')}`);
    await appReady(page);
    const pageOpen = (performance.now() - t0) / 1000;
    // The page's own bundle keeps apache-arrow to itself: the same library, given to the page as a global.
    await page.evaluate(readFileSync('node_modules/apache-arrow/Arrow.es2015.min.js', 'utf8'));
    for (const sql of work.calendarSql) await pageQuery(page, sql);
    const resultRows = await pageQuery(page, work.sql);
    const [scorecard, nativeScorecard] = await interleavedRuns(runs, [
      async () => {
        await pageQuery(page, work.sql);
      },
      () => native.run(work.sql),
    ]);
    return {
      load: server.started,
      pageOpen,
      scorecard,
      nativeScorecard,
      resultRows,
      peakMb: server.peakMb(),
    };
  } finally {
    await ctx.close();
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
    const t1 = performance.now();
    await page.getByRole('tab', { name: 'Scorecard' }).click();
    // Painted, or the scorecard's own failure (out of memory past the load, too).
    const failed = page.locator('.sc-status .sc-error');
    const painted = await Promise.race([
      page
        .locator('[data-kpi-count]')
        .waitFor({ state: 'attached', timeout: 600_000 })
        .then(() => true),
      failed.waitFor({ timeout: 600_000 }).then(() => false),
    ]).catch(() => false);
    if (!painted) {
      const why = crashed
        ? 'tab crashed'
        : (await failed.innerText().catch(() => 'no grid in 10 minutes')).trim();
      return { load, scorecard: Number.NaN, failure: `loaded; the scorecard then failed: ${why}` };
    }
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    return { load, scorecard: (performance.now() - t1) / 1000, failure: undefined };
  });
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
  say('  native DuckDB');
  const native = await nativeDirect(path, work);
  const memoryLimit = rows >= 1e8 ? '4GB' : undefined;
  say(
    `  shakhes serve${memoryLimit ? ` --memory-limit ${memoryLimit}` : ''} in Chromium, native DuckDB in turns`,
  );
  const serve = await serveInChromium(path, work, runs, native.db, memoryLimit).finally(() =>
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
        scorecard: median(serve.scorecard),
        peakMb: serve.peakMb,
        memoryLimit,
      },
      browser: csv?.failure ? { ...browser, failure: `${browser.failure} As CSV: ${csv.failure}` } : browser,
    },
  };
}
