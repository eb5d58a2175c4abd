import { describe, expect, it } from 'vitest';
import { mentionedNames, sqlWords } from '../../../src/core/notebook/sqlNames';

/**
 * The cells a SQL cell reads, found with DuckDB's lexical rules (the differential test
 * against DuckDB's own tokenizer is test/integration/security/sqlLexer.test.ts).
 */
describe("a SQL cell's names", () => {
  const cells = new Set(['sales', 'فروش‌ها', 'Mixed_Case']);

  it('finds names with a zero-width non-joiner whole, quoted or not, in any case', () => {
    expect(mentionedNames('SELECT * FROM فروش‌ها JOIN "Sales" USING (id)', cells)).toEqual([
      'فروش‌ها',
      'sales',
    ]);
    expect(mentionedNames('SELECT * FROM mixed_case', cells)).toEqual(['Mixed_Case']);
  });

  it('ignores names hidden in comments, strings and dollar quotes, as DuckDB does', () => {
    const hidden = [
      'SELECT 1 /* outer /* inner */ sales */',
      'SELECT 1 -- sales',
      "SELECT 'sales', E'it\\'s sales'",
      'SELECT $$ sales $$, $q$ $$ sales $q$',
    ];
    for (const sql of hidden) expect(mentionedNames(sql, cells), sql).toEqual([]);
    // A carriage return ends a line comment, and a dollar quote with a quote in it ends.
    expect(mentionedNames('SELECT 1 -- x\rFROM sales', cells)).toEqual(['sales']);
    expect(mentionedNames("SELECT $$ ' $$ FROM sales", cells)).toEqual(['sales']);
  });

  it('keeps the quoted name as DuckDB reads it', () => {
    expect(sqlWords('SELECT "a""b" FROM t')).toEqual(['SELECT', 'a"b', 'FROM', 't']);
  });
});
