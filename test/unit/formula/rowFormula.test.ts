import { describe, expect, it } from 'vitest';
import { checkRowFormula, rowFormulaSql } from '../../../src/core/formula/rowFormula';
import type { SchemaTable } from '../../../src/core/formula/schema';
import { duckdb } from '../../../src/core/sql/dialects/registry';

const ads: SchemaTable = {
  name: 'ads',
  columns: [
    { name: 'Day', kind: 'date' },
    { name: 'Source', kind: 'text' },
    { name: 'Cost', kind: 'number' },
  ],
};

describe('row formulas (derived columns of a mapping)', () => {
  it('checks a row-level expression over the table and compiles it against an alias', () => {
    const f = checkRowFormula('IF(Source = "fb", "Facebook", UPPER(Source))', ads);
    expect(f.diagnostics).toEqual([]);
    expect(f.type).toBe('text');
    expect(rowFormulaSql(f, duckdb, '"ads"')).toBe(
      `CASE WHEN ("ads"."Source" = 'fb') THEN 'Facebook' ELSE upper("ads"."Source") END`,
    );
  });

  it('types YEAR of a date as a number', () => {
    const f = checkRowFormula('YEAR([Day])', ads);
    expect(f.ok).toBe(true);
    expect(f.type).toBe('number');
  });

  it('refuses aggregates, period and day-dependent functions, with the span of each', () => {
    for (const [source, at] of [
      ['Cost / SUM(Cost)', 'SUM(Cost)'],
      ['DAYS([Day], TODAY())', 'TODAY()'],
      ['PERIOD_START()', 'PERIOD_START()'],
    ]) {
      const f = checkRowFormula(source, ads);
      expect(f.ok, source).toBe(false);
      const d = f.diagnostics.find((x) => x.code === 'not-row-level');
      expect(d, source).toBeDefined();
      expect(source.slice(d!.span.start, d!.span.end)).toBe(at);
      expect(d!.message).toMatch(/worked out for each row/);
      expect(f.diagnostics.some((x) => x.code === 'bare-column')).toBe(false);
    }
  });

  it('locates a misspelt column and suggests the right one', () => {
    const f = checkRowFormula('UPPER(Sorce)', ads);
    expect(f.ok).toBe(false);
    const d = f.diagnostics[0];
    expect(d.code).toBe('unknown-name');
    expect(d.span.start).toBe(6);
    expect(d.message).toMatch(/did you mean `Source`/);
  });

  it('never lets SQL through: text is a literal, a stray quote is an error', () => {
    const f = checkRowFormula(`"x'); DROP TABLE ads; --"`, ads);
    expect(rowFormulaSql(f, duckdb, '"ads"')).toBe(`'x''); DROP TABLE ads; --'`);
    expect(checkRowFormula(`Source'); DROP TABLE ads; --`, ads).ok).toBe(false);
    expect(() => rowFormulaSql(checkRowFormula('SUM(Cost)', ads), duckdb, '"ads"')).toThrow();
  });
});
