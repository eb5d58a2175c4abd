import type { Page, Worker } from 'playwright-core';
import { eventually } from './harness';

/** The worker DuckDB-WASM runs in, once the page has started it. */
export async function engineWorker(page: Page): Promise<Worker> {
  await eventually(() => page.workers().some((w) => w.url().includes('duckdb-browser'))).toBe(true);
  const found = page.workers().find((w) => w.url().includes('duckdb-browser'));
  if (found === undefined) throw new Error('no DuckDB worker');
  return found;
}
