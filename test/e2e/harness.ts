import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { CHROMIUM, launchChromium } from './chromium';
import { startServer } from './serve.mjs';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SCREENSHOTS = join(ROOT, 'test/e2e/screenshots');

/**
 * One served build and one fresh Chromium profile. Every request the page or its
 * workers make is recorded; `assertClean` fails when any left the server's origin or
 * the page logged an error.
 */
export interface Browser {
  origin: string;
  url: string;
  /** The profile folder: what survives a killed browser. */
  profile: string;
  context: BrowserContext;
  page: Page;
  requests: string[];
  offOrigin: string[];
  errors: string[];
  open(query?: string): Promise<Page>;
  /**
   * Kills Chromium the way a crash does (SIGKILL to the browser process: no unload, no
   * shutdown), then starts it again on the same profile; `context` and `page` are the new ones.
   */
  killAndRestart(): Promise<Page>;
  screenshot(name: string): Promise<void>;
  /** For afterEach: saves a screenshot when the test failed, then asserts the guards. */
  check(ctx: { task: { name: string; result?: { state?: string } } }): Promise<void>;
  assertClean(): void;
  close(): Promise<void>;
}

function allowed(url: string, origin: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** The Chromium browser process (not its renderers, which have a --type) running on `profile`. */
function browserPids(profile: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let cmdline: string;
    try {
      cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
    } catch {
      continue;
    }
    const args = cmdline.split('\0');
    if (args.includes(`--user-data-dir=${profile}`) && !args.some((a) => a.startsWith('--type=')))
      pids.push(Number(entry));
  }
  if (pids.length === 0) throw new Error(`No Chromium process runs on ${profile}.`);
  return pids;
}

/** The build under test: `dist/`, or another folder (SHAKHES_DIST) so parallel work can build apart. */
const DIST = process.env.SHAKHES_DIST ?? join(ROOT, 'dist');

interface Served {
  url: string;
  close(): Promise<void>;
}

/** `serve` starts another server on the build than `npm start`'s (shakhes serve's, in test/e2e/serve.test.ts). */
export async function startBrowser(
  serve: (dist: string) => Promise<Served> = (root) => startServer({ root, port: 0 }),
): Promise<Browser> {
  if (!existsSync(join(DIST, 'index.html')))
    throw new Error(`${DIST} has no build: run \`npx vite build\` first.`);
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium package.`);
  const server = await serve(DIST);
  const origin = new URL(server.url).origin;
  const profile = await mkdtemp(join(tmpdir(), 'shakhes-e2e-'));
  let context = await launchChromium(profile);
  const requests: string[] = [];
  const offOrigin: string[] = [];
  const errors: string[] = [];
  const record = (url: string) => {
    requests.push(url);
    if (!allowed(url, origin)) offOrigin.push(url);
  };
  const watch = (page: Page) => {
    page.on('request', (r) => record(r.url()));
    page.on('websocket', (ws) => record(ws.url()));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`console: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`page: ${e.message}`));
    page.on('worker', (w) =>
      w.on('console', (m) => m.type() === 'error' && errors.push(`worker: ${m.text()}`)),
    );
  };
  const firstPage = async (c: BrowserContext) => {
    c.on('request', (r) => record(r.url()));
    c.on('page', watch);
    const p = c.pages()[0] ?? (await c.newPage());
    if (c.pages()[0] === p) watch(p);
    return p;
  };
  let page = await firstPage(context);
  await mkdir(SCREENSHOTS, { recursive: true });

  const browser: Browser = {
    origin,
    url: server.url,
    profile,
    context,
    page,
    requests,
    offOrigin,
    errors,
    async open(query = '') {
      await page.goto(`${server.url}${query}`);
      await page.getByRole('heading', { name: 'Shakhes' }).waitFor();
      return page;
    },
    async killAndRestart() {
      const closed = new Promise<void>((ok) => context.once('close', () => ok()));
      for (const pid of browserPids(profile)) process.kill(pid, 'SIGKILL');
      await closed;
      context = await launchChromium(profile);
      page = await firstPage(context);
      browser.context = context;
      browser.page = page;
      return page;
    },
    async screenshot(name) {
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
    },
    async check(ctx) {
      if (ctx.task.result?.state === 'fail') {
        await browser.screenshot(`failed-${ctx.task.name.replace(/[^\w]+/g, '-')}`).catch(() => undefined);
      }
      browser.assertClean();
    },
    assertClean() {
      expect(offOrigin, 'requests that left the origin').toEqual([]);
      expect(errors, 'console and page errors').toEqual([]);
    },
    async close() {
      await context.close().catch(() => undefined);
      await server.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
  return browser;
}

/**
 * How long a wait for the demo or a big file may take. On a quiet machine the demo's first
 * scorecard comes in seconds; with three browsers on two loaded cores it took up to 100 s.
 */
export const SLOW_LOAD = 200_000;

/** expect.poll with a patience that suits a browser on a busy machine (its default is 1 s). */
export function eventually<T>(fn: () => T | Promise<T>, timeout = 30_000) {
  return expect.poll(fn, { timeout, interval: 100 });
}

/** The name of the sheet tab shown. */
export const selectedTab = (page: Page) => page.locator('[role=tab][aria-selected=true]').innerText();

/** The data panel entry of a table, once it is loaded. */
export function tableEntry(page: Page, name: string): Locator {
  return page.locator(`li[data-table="${name}"]`);
}

export async function rowCountOf(page: Page, name: string): Promise<number> {
  const count = tableEntry(page, name).locator('.count');
  await count.waitFor({ timeout: SLOW_LOAD });
  return Number(await count.getAttribute('data-rows'));
}

/** Waits until `tables` are listed (when given) and no file is loading any more. */
export async function importsSettled(page: Page, tables: string[] = []): Promise<void> {
  for (const name of tables) await tableEntry(page, name).waitFor({ timeout: SLOW_LOAD });
  await page.waitForFunction(() => document.querySelectorAll('.job').length === 0, undefined, {
    timeout: SLOW_LOAD,
    polling: 200,
  });
}

/** Loads files through the file picker, as a user choosing them would. */
export async function chooseFiles(page: Page, paths: string[]): Promise<void> {
  await page.getByLabel('Open CRM export files').first().setInputFiles(paths);
}

/** Drops a file on the window the way a browser does: a drop event carrying a DataTransfer. */
export async function dropFile(page: Page, path: string): Promise<void> {
  const text = readFileSync(path, 'utf8');
  const name = path.split('/').pop() ?? 'file.csv';
  await page.evaluate(
    ({ text, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: 'text/csv' }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        window.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { text, name },
  );
}
