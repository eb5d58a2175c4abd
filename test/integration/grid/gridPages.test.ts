import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnKind } from '../../../src/core/model/columnKind';
import type { GridFilterModel, GridSort } from '../../../src/core/sql/gridQuery';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { arrowToRows } from '../../../src/state/arrowRows';
import { tablePages } from '../../../src/state/gridPages';
import { recordingEngine } from './recordingEngine';

// More rows than two of DuckDB's row groups (122,880 rows each), so pages cross them.
const N = 300_000;
const PAGE = 200;
const COLUMNS: { name: string; kind: ColumnKind }[] = [
  { name: 'id', kind: 'number' },
  { name: 'n', kind: 'number' },
  { name: 'name', kind: 'text' },
  { name: 'day', kind: 'date' },
];

let engine: Engine;
const queries: string[] = [];
const recording = recordingEngine(() => engine, queries);

beforeAll(async () => {
  engine = await createNodeEngine();
  // n is a permutation of 0..N-1 (7919 is prime to N), so a sort on it moves every row.
  const rows = `SELECT i AS id, (i * 7919) % ${N} AS n, 'r' || i AS name, DATE '2020-01-01' + CAST(i % 1000 AS INTEGER) AS day FROM range(${N}) t(i)`;
  await engine.query(`CREATE TABLE big AS ${rows}`);
  await engine.query(`CREATE TABLE holes AS ${rows}`);
  await engine.query('DELETE FROM holes WHERE id % 3 = 0');
  // A column named rowid hides DuckDB's own; here it is 0..N-1 but in another order than the rows'.
  await engine.query(
    `CREATE TABLE shadow AS SELECT (i * 7919) % ${N} AS rowid, i AS id FROM range(${N}) t(i)`,
  );
});
afterAll(async () => {
  await engine.close();
});

const view = (startRow: number, sort: GridSort[] = [], filter: GridFilterModel = {}) => ({
  startRow,
  endRow: startRow + PAGE,
  sort,
  filter,
});

/** What the grid showed before keyset paging: LIMIT/OFFSET over the same order. */
async function offsetPage(table: string, order: string, where: string, start: number) {
  const sql = `SELECT ${table === 'shadow' ? '"rowid", id' : 'id, n, name, day'} FROM ${table} ${where} ${order} LIMIT ${PAGE} OFFSET ${start}`;
  return arrowToRows(await engine.query(sql)).rows;
}

describe('tablePages', () => {
  it('reads deep pages of an unsorted table by rowid range: the same rows, at the end too', async () => {
    const pages = tablePages({ name: 'big', columns: COLUMNS }, recording);
    queries.length = 0;
    for (const start of [0, 122_800, 245_700, N - PAGE]) {
      const page = await pages.get(view(start));
      expect(page.total).toBe(N);
      expect(page.rows.map((r) => r.id)).toEqual(Array.from({ length: PAGE }, (_, i) => start + i));
      expect(page.rows).toEqual(await offsetPage('big', '', '', start));
    }
    expect(queries.filter((q) => q.includes(`WHERE rowid >= ${N - PAGE} AND rowid < ${N}`))).toHaveLength(1);
    expect(queries.filter((q) => q.includes('OFFSET'))).toEqual([]);
    const last = await pages.get(view(N - PAGE));
    expect(last.rows.at(-1)).toEqual({
      id: N - 1,
      n: ((N - 1) * 7919) % N,
      name: `r${N - 1}`,
      day: Date.UTC(2020, 0, 1) + ((N - 1) % 1000) * 86_400_000,
    });
  });

  it('pages a sorted view to its last row', async () => {
    const pages = tablePages({ name: 'big', columns: COLUMNS }, recording);
    const sort: GridSort[] = [{ column: 'n', direction: 'desc' }];
    const last = await pages.get(view(N - PAGE, sort));
    expect(last.total).toBe(N);
    expect(last.rows.map((r) => r.n)).toEqual(Array.from({ length: PAGE }, (_, i) => PAGE - 1 - i));
    expect(last.rows).toEqual(await offsetPage('big', 'ORDER BY n DESC NULLS LAST, rowid', '', N - PAGE));
  });

  it('pages a filtered view with its own count', async () => {
    const pages = tablePages({ name: 'big', columns: COLUMNS }, recording);
    const filter: GridFilterModel = { n: { filterType: 'number', type: 'lessThan', filter: 1000 } };
    const page = await pages.get(view(800, [], filter));
    expect(page.total).toBe(1000);
    expect(page.rows).toEqual(await offsetPage('big', '', 'WHERE n < 1000', 800));
  });

  it('serves the page read ahead only to the view and place it was read for', async () => {
    const pages = tablePages({ name: 'big', columns: COLUMNS }, recording);
    const sort: GridSort[] = [{ column: 'name', direction: 'asc' }];
    const steps: [number, GridSort[]][] = [
      [0, []],
      [200, []],
      [400, []],
      [200, []], // backwards
      [0, []],
      [250_000, []], // a jump: what was read ahead is dropped
      [250_200, []],
      [250_400, sort], // same place, another order
      [250_600, sort],
      [250_400, []],
    ];
    for (const [start, s] of steps) {
      const page = await pages.get(view(start, s));
      const order = s.length ? 'ORDER BY lower(name) ASC NULLS LAST, rowid' : '';
      const expected = await offsetPage('big', order, '', start);
      if (s.length === 0) expect(page.rows).toEqual(expected);
      // The Persian-aware sort key orders these plain names as lower() does.
      else expect(page.rows.map((r) => r.name)).toEqual(expected.map((r) => r.name));
    }
  });

  it('pages by OFFSET once rows were deleted, so rowids have gaps', async () => {
    const pages = tablePages({ name: 'holes', columns: COLUMNS }, recording);
    const total = N - N / 3;
    queries.length = 0;
    const last = await pages.get(view(total - PAGE));
    expect(last.total).toBe(total);
    expect(last.rows).toEqual(await offsetPage('holes', '', '', total - PAGE));
    expect(last.rows.at(-1)?.id).toBe(N - 1);
    expect(queries.some((q) => q.includes('rowid >='))).toBe(false);
  });

  it('pages by OFFSET when a column named rowid hides DuckDB’s', async () => {
    const columns: { name: string; kind: ColumnKind }[] = [
      { name: 'rowid', kind: 'number' },
      { name: 'id', kind: 'number' },
    ];
    const pages = tablePages({ name: 'shadow', columns }, recording);
    const page = await pages.get(view(N - PAGE));
    expect(page.rows.map((r) => r.id)).toEqual(Array.from({ length: PAGE }, (_, i) => N - PAGE + i));
  });
});
