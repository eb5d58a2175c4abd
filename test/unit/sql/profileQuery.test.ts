import { describe, expect, it } from 'vitest';
import { duckdb } from '../../../src/core/sql/dialects/registry';
import { buildProfileQueries, HISTOGRAM_BINS, histogramEdges } from '../../../src/core/sql/profileQuery';

describe('buildProfileQueries', () => {
  it('counts whitespace-only text as blank and has no histogram for text', () => {
    const q = buildProfileQueries('customers', 'segment', 'text', duckdb);
    const filled = `FILTER (WHERE NOT ("segment" IS NULL OR trim("segment") = ''))`;
    expect(q.stats).toBe(
      `SELECT count(*) AS rows, count(*) FILTER (WHERE ("segment" IS NULL OR trim("segment") = '')) AS blanks, ` +
        `count(DISTINCT "segment") ${filled} AS distinct, min("segment") ${filled} AS min, ` +
        `max("segment") ${filled} AS max FROM "customers"`,
    );
    expect(q.top).toBe(
      `SELECT "segment" AS value, count(*) AS n FROM "customers" WHERE NOT ("segment" IS NULL OR trim("segment") = '') ` +
        'GROUP BY 1 ORDER BY n DESC, 1 LIMIT 10',
    );
    expect(q.histogram).toBeUndefined();
  });

  it('bins numbers on their own scale and dates on epoch seconds', () => {
    const n = buildProfileQueries('deals', 'amount', 'number', duckdb);
    expect(n.stats).toContain('FILTER (WHERE "amount" IS NULL)');
    expect(n.histogram).toContain(
      'SELECT CAST("amount" AS DOUBLE) AS x FROM "deals" WHERE "amount" IS NOT NULL',
    );
    expect(n.histogram).toContain(`* ${HISTOGRAM_BINS}), ${HISTOGRAM_BINS - 1})`);
    const d = buildProfileQueries('deals', 'closed', 'date', duckdb);
    expect(d.histogram).toContain('CAST(epoch("closed") AS DOUBLE)');
    expect(buildProfileQueries('t', 'flag', 'boolean', duckdb).histogram).toBeUndefined();
  });

  it('quotes hostile names', () => {
    const q = buildProfileQueries('t"x', 'c"); DROP TABLE t; --', 'number', duckdb);
    expect(q.stats).toContain('"c""); DROP TABLE t; --"');
    expect(q.stats).toContain('FROM "t""x"');
  });
});

describe('histogramEdges', () => {
  it('splits the range into equal bins with the maximum as the last edge', () => {
    const e = histogramEdges(0, 100);
    expect(e).toHaveLength(HISTOGRAM_BINS + 1);
    expect(e[1]).toBe(5);
    expect(e[HISTOGRAM_BINS]).toBe(100);
  });

  it('gives zero-width bins when every value is the same', () => {
    expect(new Set(histogramEdges(7, 7))).toEqual(new Set([7]));
  });
});
