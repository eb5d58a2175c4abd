import { readFileSync } from 'node:fs';
import { duckdb } from '../../src/core/sql/dialects/registry';
import { buildGridQuery, type GridSort } from '../../src/core/sql/gridQuery';
import { importFile } from '../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../src/engine/nodeEngine';
import { tablePages } from '../../src/state/gridPages';
import type { Figure } from './report';

const PAGE = 200;

/**
 * Pages of a sorted million-row table as the data grid reads them (state/gridPages.ts) in
 * DuckDB-WASM's Node build: the first page of a new sort, the first deep page (which waits
 * for the view's row positions), then pages at the start, middle and end once they are
 * built. Each run reads places no earlier run read, and waits for the page read ahead
 * of it, so a figure is one page's own cost. The LIMIT/OFFSET page at the end, which the
 * grid read before, is timed once for comparison.
 */
export async function gridPageFigures(section: string, csvPath: string, runs: number): Promise<Figure[]> {
  const engine = await createNodeEngine();
  try {
    const loaded = await importFile(
      engine,
      { name: 'deals.csv', bytes: readFileSync(csvPath) },
      { table: 'deals' },
    );
    const rows = loaded.rows;
    // A text column with many ties: the Persian-aware key and the rowid tie-break both count.
    const sort: GridSort[] = [{ column: 'owner', direction: 'asc' }];
    const pages = tablePages({ name: 'deals', columns: loaded.columns }, () => Promise.resolve(engine));
    const idle = () => engine.query('SELECT 1');
    const page = async (startRow: number, wait = true) => {
      if (wait) await idle();
      const t0 = performance.now();
      const got = await pages.get({ startRow, endRow: startRow + PAGE, sort, filter: {} });
      if (got.rows.length === 0) throw new Error(`no rows at ${startRow}`);
      return (performance.now() - t0) / 1000;
    };
    const first = await page(0);
    // Not waiting: the positions are being built behind the first page, and this page needs them.
    const firstDeep = await page(rows - PAGE, false);
    const at: Record<'start' | 'middle' | 'end', number[]> = { start: [], middle: [], end: [] };
    for (let i = 1; i <= runs; i++) {
      // Three pages apart per run, never the one read ahead of an earlier run.
      const shift = 3 * PAGE * i;
      at.start.push(await page(shift));
      at.middle.push(await page(Math.floor(rows / 2) + shift));
      at.end.push(await page(rows - PAGE - shift));
    }
    const { sql } = buildGridQuery(
      {
        table: 'deals',
        columns: loaded.columns.map((c) => c.name),
        textColumns: loaded.columns.filter((c) => c.kind === 'text').map((c) => c.name),
        sort,
        offset: rows - PAGE,
        limit: PAGE,
      },
      duckdb,
    );
    await idle();
    const t0 = performance.now();
    await engine.query(sql);
    const offsetEnd = (performance.now() - t0) / 1000;
    pages.close();
    const n = rows.toLocaleString('en');
    const work = (s: string) => `DuckDB-WASM (Node), ${n} rows sorted by owner: ${s}`;
    return [
      { section, work: work('first page after a new sort'), runs: [first] },
      { section, work: work('first page at the end (waits for the row positions)'), runs: [firstDeep] },
      {
        section,
        work: work('page at the start, positions built'),
        runs: at.start,
        target: '≤ 0.15 s',
        goal: 'sorted-page',
      },
      {
        section,
        work: work('page in the middle, positions built'),
        runs: at.middle,
        target: '≤ 0.15 s',
        goal: 'sorted-page',
      },
      {
        section,
        work: work('page at the end, positions built'),
        runs: at.end,
        target: '≤ 0.15 s',
        goal: 'sorted-page',
      },
      { section, work: work('page at the end by LIMIT/OFFSET (before)'), runs: [offsetEnd] },
    ];
  } finally {
    await engine.close();
  }
}
