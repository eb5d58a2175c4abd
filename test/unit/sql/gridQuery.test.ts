import { describe, expect, it } from 'vitest';
import { duckdb } from '../../../src/core/sql/dialects/registry';
import {
  buildGridQuery,
  buildPositionsSql,
  denseRowidsSql,
  dropPositionsSql,
  positionsPageSql,
} from '../../../src/core/sql/gridQuery';

const base = { table: 'deals', columns: ['id', 'stage', 'amount', 'closed'], offset: 200, limit: 100 };

describe('buildGridQuery', () => {
  it('pages in insertion order when nothing is sorted', () => {
    const q = buildGridQuery(base, duckdb);
    expect(q.sql).toBe('SELECT "id", "stage", "amount", "closed" FROM "deals" LIMIT 100 OFFSET 200');
    expect(q.countSql).toBe('SELECT count(*) AS n FROM "deals"');
  });

  it('sorts with blanks last and rowid as tie-breaker', () => {
    const q = buildGridQuery(
      {
        ...base,
        sort: [
          { column: 'amount', direction: 'desc' },
          { column: 'stage', direction: 'asc' },
        ],
      },
      duckdb,
    );
    expect(q.sql).toContain('ORDER BY "amount" DESC NULLS LAST, "stage" ASC NULLS LAST, rowid LIMIT');
  });

  it('ignores sorts and filters on names that are not columns of the table', () => {
    const q = buildGridQuery(
      {
        ...base,
        sort: [{ column: 'x; DROP TABLE deals', direction: 'asc' }],
        filter: { nope: { filterType: 'text', type: 'contains', filter: 'a' } },
      },
      duckdb,
    );
    expect(q.sql).toBe('SELECT "id", "stage", "amount", "closed" FROM "deals" LIMIT 100 OFFSET 200');
  });

  it('escapes text filter values and matches case-insensitively', () => {
    const q = buildGridQuery(
      {
        ...base,
        filter: { stage: { filterType: 'text', type: 'contains', filter: "O'Brien" } },
      },
      duckdb,
    );
    expect(q.countSql).toBe(
      `SELECT count(*) AS n FROM "deals" WHERE contains(lower(CAST("stage" AS VARCHAR)), 'o''brien')`,
    );
    expect(q.sql).toContain(`WHERE contains(lower(CAST("stage" AS VARCHAR)), 'o''brien') LIMIT`);
  });

  it('quotes identifiers that contain quotes', () => {
    const q = buildGridQuery({ table: 'a"b', columns: ['c"d'], offset: 0, limit: 10 }, duckdb);
    expect(q.sql).toBe('SELECT "c""d" FROM "a""b" LIMIT 10 OFFSET 0');
  });

  it('turns number comparisons, ranges and blanks into SQL combined with AND', () => {
    const q = buildGridQuery(
      {
        ...base,
        filter: {
          amount: { filterType: 'number', type: 'inRange', filter: 10, filterTo: 20 },
          id: { filterType: 'number', type: 'greaterThanOrEqual', filter: 5 },
          stage: { filterType: 'text', type: 'blank' },
        },
      },
      duckdb,
    );
    expect(q.countSql).toBe(
      'SELECT count(*) AS n FROM "deals" WHERE "amount" BETWEEN CAST(10 AS DOUBLE) AND CAST(20 AS DOUBLE)' +
        ' AND "id" >= CAST(5 AS DOUBLE)' +
        ` AND ("stage" IS NULL OR trim(CAST("stage" AS VARCHAR)) = '')`,
    );
  });

  it('combines two conditions on one column with the operator the user chose', () => {
    const q = buildGridQuery(
      {
        ...base,
        filter: {
          amount: {
            filterType: 'number',
            operator: 'OR',
            conditions: [
              { filterType: 'number', type: 'lessThan', filter: 0 },
              { filterType: 'number', type: 'blank' },
            ],
          },
        },
      },
      duckdb,
    );
    expect(q.countSql).toBe(
      'SELECT count(*) AS n FROM "deals" WHERE ("amount" < CAST(0 AS DOUBLE) OR ("amount" IS NULL))',
    );
  });

  it('keeps blanks when excluding a value, so "not equal" means what a reader expects', () => {
    const q = buildGridQuery(
      {
        ...base,
        filter: { stage: { filterType: 'text', type: 'notEqual', filter: 'Won' } },
      },
      duckdb,
    );
    expect(q.countSql).toContain(`("stage" IS NULL OR lower(CAST("stage" AS VARCHAR)) <> 'won')`);
  });

  it('filters dates on the date part of what the grid sends', () => {
    const q = buildGridQuery(
      {
        ...base,
        filter: { closed: { filterType: 'date', type: 'lessThan', dateFrom: '2024-03-01 00:00:00' } },
      },
      duckdb,
    );
    expect(q.countSql).toBe(`SELECT count(*) AS n FROM "deals" WHERE "closed" < DATE '2024-03-01'`);
  });

  it('drops conditions that have no value yet', () => {
    const q = buildGridQuery(
      {
        ...base,
        filter: {
          stage: { filterType: 'text', type: 'contains', filter: '' },
          amount: { filterType: 'number', type: 'equals', filter: null },
          closed: { filterType: 'date', type: 'equals', dateFrom: 'not a date' },
        },
      },
      duckdb,
    );
    expect(q.countSql).toBe('SELECT count(*) AS n FROM "deals"');
  });

  it('never pages with negative or fractional numbers', () => {
    const q = buildGridQuery({ ...base, offset: -5, limit: 10.7 }, duckdb);
    expect(q.sql).toMatch(/LIMIT 10 OFFSET 0$/);
  });
});

describe('buildGridQuery with dense rowids', () => {
  const dense = { ...base, offset: 1_000_000, limit: 200, denseRowids: true };

  it('reads an unsorted, unfiltered page as a rowid range, in rowid order', () => {
    const q = buildGridQuery(dense, duckdb);
    expect(q.sql).toBe(
      'SELECT "id", "stage", "amount", "closed" FROM "deals" WHERE rowid >= 1000000 AND rowid < 1000200 ORDER BY rowid',
    );
    expect(q.countSql).toBe('SELECT count(*) AS n FROM "deals"');
  });

  it('pages sorted or filtered views with OFFSET, where position is not rowid', () => {
    expect(buildGridQuery({ ...dense, sort: [{ column: 'amount', direction: 'desc' }] }, duckdb).sql).toMatch(
      /ORDER BY "amount" DESC NULLS LAST, rowid LIMIT 200 OFFSET 1000000$/,
    );
    const filtered = buildGridQuery(
      {
        ...dense,
        filter: { stage: { filterType: 'text', type: 'equals', filter: 'won' } },
      },
      duckdb,
    );
    expect(filtered.sql).toMatch(
      /WHERE lower\(CAST\("stage" AS VARCHAR\)\) = 'won' LIMIT 200 OFFSET 1000000$/,
    );
  });

  it('still uses the rowid range when the sort and filter name no column', () => {
    const q = buildGridQuery(
      {
        ...dense,
        sort: [{ column: 'nope', direction: 'asc' }],
        filter: { stage: { filterType: 'text', type: 'contains', filter: '' } },
      },
      duckdb,
    );
    expect(q.sql).toContain('WHERE rowid >= 1000000 AND rowid < 1000200 ORDER BY rowid');
  });

  it('falls back to OFFSET when a column named rowid hides DuckDB’s, or no columns are listed', () => {
    expect(buildGridQuery({ ...dense, columns: ['RowId', 'stage'] }, duckdb).sql).toMatch(
      /LIMIT 200 OFFSET 1000000$/,
    );
    expect(buildGridQuery({ ...dense, columns: [] }, duckdb).sql).toBe(
      'SELECT * FROM "deals" LIMIT 200 OFFSET 1000000',
    );
  });

  it('asks whether the rowids run 0..n-1', () => {
    expect(denseRowidsSql('a"b', duckdb)).toBe(
      'SELECT count(*) = coalesce(max(rowid) + 1, 0) AS dense FROM "a""b"',
    );
  });
});

describe('paging by position', () => {
  const view = { table: 'deals', columns: ['id', 'stage'], textColumns: ['stage'] };

  it('numbers a sorted view’s rows in its order, ties by rowid, blanks last', () => {
    expect(
      buildPositionsSql({ ...view, sort: [{ column: 'id', direction: 'desc' }] }, '__grid_pos_1', duckdb),
    ).toBe(
      'CREATE TEMP TABLE "__grid_pos_1" AS SELECT rowid AS r, row_number() OVER (ORDER BY "id" DESC NULLS LAST, rowid) - 1 AS pos FROM "deals" ORDER BY pos',
    );
  });

  it('keeps rowid order for a filter alone, and needs no positions for neither', () => {
    const filter = { id: { filterType: 'number' as const, type: 'lessThan' as const, filter: 5 } };
    expect(buildPositionsSql({ ...view, filter }, 'p', duckdb)).toBe(
      'CREATE TEMP TABLE "p" AS SELECT rowid AS r, row_number() OVER (ORDER BY rowid) - 1 AS pos FROM "deals" WHERE "id" < CAST(5 AS DOUBLE) ORDER BY pos',
    );
    expect(buildPositionsSql(view, 'p', duckdb)).toBeNull();
    expect(
      buildPositionsSql(
        { ...view, columns: ['RowID'], sort: [{ column: 'RowID', direction: 'asc' }] },
        'p',
        duckdb,
      ),
    ).toBeNull();
  });

  it('reads a page as a range of positions joined back by rowid', () => {
    expect(positionsPageSql(view, 'p"q', 400.5, 200, duckdb)).toBe(
      'SELECT t."id", t."stage" FROM temp.main."p""q" p JOIN "deals" t ON t.rowid = p.r WHERE p.pos BETWEEN 400 AND 599 ORDER BY p.pos',
    );
    expect(dropPositionsSql('p"q', duckdb)).toBe('DROP TABLE IF EXISTS temp.main."p""q"');
  });
});
