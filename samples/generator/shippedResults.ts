/**
 * The demo's scorecard as the real runner computed it when the demo was built, shipped
 * beside the prepared tables so a cold visit paints it before DuckDB has started
 * (src/ui/shippedDemo.ts). It names the tables it came from by the SHA-256 of their
 * prepared bytes and carries the document whose KPIs and settings it shows; the browser
 * refuses it when either does not match (src/state/shippedResults.ts).
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { contentDigest } from '../../src/core/model/contentDigest';
import { keptResults, viewKeyOf } from '../../src/state/scorecardResults';
import type { ShippedResults } from '../../src/state/shippedResults';
import type { DemoWorkbook } from './demoWorkbook';

const SHIPPED_RESULTS = 'results.json';

/** Each prepared table's digest, by the CSV name the browser loads it under. */
async function preparedDigests(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).filter((n) => n.endsWith('.arrow')).sort())
    out[name.replace(/\.arrow$/, '.csv')] = await contentDigest(
      new Uint8Array(await readFile(join(dir, name))),
    );
  return out;
}

/** Writes the demo's shipped results into `preparedDir` (after its tables); returns the path. */
export async function writeShippedResults(demo: DemoWorkbook, preparedDir: string): Promise<string> {
  const st = demo.scorecard.getState();
  // The cache is left out: its frames are keyed by this run's contents tokens, which no browser shares.
  const results = keptResults(st, { data: '', view: viewKeyOf(st.kpis, st.settings) }, { frames: [] });
  const shipped: ShippedResults = {
    tables: await preparedDigests(preparedDir),
    document: demo.document,
    results,
  };
  const path = join(preparedDir, SHIPPED_RESULTS);
  await writeFile(path, `${JSON.stringify(shipped)}\n`);
  return path;
}
