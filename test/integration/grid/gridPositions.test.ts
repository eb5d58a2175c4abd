import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ColumnKind } from '../../../src/core/model/columnKind';
import { duckdb } from '../../../src/core/sql/dialects/registry';
import {
  buildGridQuery,
  buildPositionsSql,
  dropPositionsSql,
  type GridFilterModel,
  type GridSort,
  positionsPageSql,
} from '../../../src/core/sql/gridQuery';
import { persianSortKey } from '../../../src/core/sql/persianText';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { arrowToRows } from '../../../src/state/arrowRows';
import { tablePages } from '../../../src/state/gridPages';
import { recordingEngine } from './recordingEngine';

// Ties, blanks, Persian and Arabic letter forms and empty text, so the order rule's every part counts.
const N = 6000;
const COLUMNS: { name: string; kind: ColumnKind }[] = [
  { name: 'id', kind: 'number' },
  { name: 'n', kind: 'number' },
  { name: 'name', kind: 'text' },
  { name: 'day', kind: 'date' },
];
const NAMES = ['', 'الف', 'یک', 'يک', 'کتاب', 'كتاب', 'Zebra', 'apple', 'Apple', ' '];
const rowsSql = (seed: number) => `SELECT i AS id,
    CASE WHEN i % 11 = 0 THEN NULL ELSE (i * ${seed}) % 37 END AS n,
    CASE WHEN i % 13 = 0 THEN NULL ELSE (['${NAMES.join("','")}'])[1 + (i * 7) % ${NAMES.length}] END AS name,
    CASE WHEN i % 17 = 0 THEN NULL ELSE DATE '2024-01-01' + CAST((i * 3) % 50 AS INTEGER) END AS day
  FROM range(${N}) t(i)`;

let engine: Engine;
const queries: string[] = [];
const recording = recordingEngine(() => engine, queries);

beforeAll(async () => {
  // Locked down as the app's engine is (lockdown.ts): temporary tables must still be allowed.
  engine = await createNodeEngine();
  await engine.query(`CREATE TABLE t AS ${rowsSql(7)}`);
  // Rowids with gaps: positions key rows by rowid, never by a dense range.
  await engine.query('DELETE FROM t WHERE id % 5 = 1');
});
afterAll(async () => {
  await engine.close();
});

const columns = COLUMNS.map((c) => c.name);
const textColumns = ['name'];

const sortArb: fc.Arbitrary<GridSort[]> = fc.uniqueArray(
  fc.record({ column: fc.constantFrom(...columns), direction: fc.constantFrom('asc', 'desc') }),
  { selector: (s) => s.column, maxLength: 3 },
);
const filterArb: fc.Arbitrary<GridFilterModel> = fc.record(
  {
    n: fc.oneof(
      fc.record({
        filterType: fc.constant('number' as const),
        type: fc.constant('lessThan' as const),
        filter: fc.integer({ min: 0, max: 40 }),
      }),
      fc.record({
        filterType: fc.constant('number' as const),
        type: fc.constantFrom('blank' as const, 'notBlank' as const),
      }),
    ),
    name: fc.record({
      filterType: fc.constant('text' as const),
      type: fc.constantFrom('contains' as const, 'notEqual' as const, 'startsWith' as const),
      filter: fc.constantFrom('a', 'ک', 'ی', 'p'),
    }),
    day: fc.record({
      filterType: fc.constant('date' as const),
      type: fc.constant('greaterThan' as const),
      dateFrom: fc.constantFrom('2024-01-10', '2024-02-01'),
    }),
  },
  { requiredKeys: [] },
);

const read = async (sql: string) => arrowToRows(await engine.query(sql)).rows;

describe('grid pages by position', () => {
  it('gives the pages LIMIT/OFFSET gives, for any sort and filter', async () => {
    let serial = 0;
    await fc.assert(
      fc.asyncProperty(
        sortArb,
        filterArb,
        fc.integer({ min: 0, max: N }),
        fc.integer({ min: 1, max: 300 }),
        async (sort, filter, offset, limit) => {
          fc.pre(sort.length > 0 || Object.keys(filter).length > 0);
          const view = { table: 't', columns, textColumns, sort, filter };
          const name = `__grid_pos_test_${serial++}`;
          const build = buildPositionsSql(view, name, duckdb);
          expect(build).not.toBeNull();
          await engine.query(build as string);
          try {
            const byPosition = await read(positionsPageSql(view, name, offset, limit, duckdb));
            const byOffset = await read(buildGridQuery({ ...view, offset, limit }, duckdb).sql);
            expect(byPosition).toEqual(byOffset);
          } finally {
            await engine.query(dropPositionsSql(name, duckdb));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('sorts text as the Persian-aware key does, ASCII text as itself', async () => {
    for (const direction of ['asc', 'desc'] as const) {
      const sort: GridSort[] = [{ column: 'name', direction }];
      const { sql } = buildGridQuery({ table: 't', columns, textColumns, sort, offset: 0, limit: N }, duckdb);
      const key = persianSortKey('"name"', duckdb);
      const plain = `SELECT ${columns.join(', ')} FROM t ORDER BY ${key} ${direction.toUpperCase()} NULLS LAST, rowid`;
      expect(await read(sql)).toEqual(await read(plain));
    }
  });

  it('pages deep through the positions once built, and builds them again for new contents', async () => {
    const sort: GridSort[] = [
      { column: 'name', direction: 'desc' },
      { column: 'n', direction: 'asc' },
    ];
    const view = (startRow: number) => ({ startRow, endRow: startRow + 100, sort, filter: {} });
    const expected = async (start: number) =>
      read(buildGridQuery({ table: 't', columns, textColumns, sort, offset: start, limit: 100 }, duckdb).sql);
    const tempTables = async () =>
      (await engine.query("SELECT table_name FROM duckdb_tables() WHERE database_name = 'temp'"))
        .toArray()
        .map((r) => String(r.table_name));

    queries.length = 0;
    const pages = tablePages({ name: 't', columns: COLUMNS }, recording);
    const total = (await pages.get(view(0))).total;
    const last = total - 100;
    expect((await pages.get(view(last))).rows).toEqual(await expected(last));
    expect(queries.filter((q) => q.startsWith('CREATE TEMP TABLE'))).toHaveLength(1);
    expect(queries.some((q) => q.includes('p.pos BETWEEN') && q.includes(`${last} AND ${last + 99}`))).toBe(
      true,
    );
    // Only the top of the view is read by OFFSET (while its positions are being built).
    const offsets = queries.map((q) => Number(/ OFFSET (\d+)$/.exec(q)?.[1] ?? -1));
    expect(Math.max(...offsets)).toBeLessThan(1000);
    expect(await tempTables()).toHaveLength(1);

    // New contents under the same name: the grid closes its pages and makes new ones.
    await engine.query(`CREATE OR REPLACE TABLE t AS ${rowsSql(13)}`);
    pages.close();
    const fresh = tablePages({ name: 't', columns: COLUMNS }, recording);
    queries.length = 0;
    expect((await fresh.get(view(N - 100))).rows).toEqual(await expected(N - 100));
    expect(queries.filter((q) => q.startsWith('CREATE TEMP TABLE'))).toHaveLength(1);
    // The old contents' positions are dropped: only the new ones are left.
    await expect.poll(tempTables).toHaveLength(1);

    // Another view replaces the positions of the last one.
    await fresh.get({
      startRow: N - 100,
      endRow: N,
      sort: [{ column: 'day', direction: 'asc' }],
      filter: {},
    });
    expect(await tempTables()).toHaveLength(1);
    fresh.close();
    await expect.poll(tempTables).toEqual([]);
  });
});
