import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sqlWords } from '../../../src/core/notebook/sqlNames';
import { lexSql } from '../../../src/core/sql/sqlLexer';
import type { SqlToken } from '../../../src/core/sql/sqlParse';
import type { Engine } from '../../../src/engine/engine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { duckdbTokens } from '../../../src/engine/workbookSql';
import { HOSTILE_SQL } from '../../fixtures/hostile/sql/corpus';

/**
 * The notebook reads a SQL cell's names with the pure lexer (core/sql/sqlLexer.ts), the
 * guard with DuckDB's own tokenizer. Over the hostile corpus and the lexical corners below,
 * both find the same names, strings and numbers at the same places, and the lexer never
 * swallows a token DuckDB sees: a comment, string or dollar quote hides the same text from
 * both.
 */

const CORNERS = [
  'SELECT 1 /* outer /* inner */ still comment */ AS hidden_after_nested',
  'SELECT a --comment\rb, c -- x\r\nd',
  "SELECT E'it\\'s', 'it''s', x'ff', b'01', n'x' FROM t",
  'SELECT $$ a ; b $$, $q$ $$ c $q$, $Q$ d $q$ e $Q$, $1, x$y FROM t',
  'SELECT "a""b", "x y" FROM "فروش‌ها", فروش‌ها, ۱۲x, «quoted», t.col',
  'SELECT 1e5, 1_000, .5, 3.14, 0x1F, a::INT, a <= b, a||b FROM t',
  "SELECT a FROM t WHERE b = 'unclosed",
  'SELECT a, "unclosed',
  'SELECT a, $$ unclosed',
  'SELECT a /* unclosed',
];

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(() => engine?.close());

type Reading = [start: number, kind: 'name' | 'string' | 'number'];

/** DuckDB's tokens that carry names, strings and numbers (`::` is a keyword to DuckDB). */
function duckdbReading(tokens: readonly SqlToken[]): Reading[] {
  const out: Reading[] = [];
  for (const t of tokens) {
    if (t.kind === 'string' || t.kind === 'number') out.push([t.start, t.kind]);
    else if ((t.kind === 'identifier' || t.kind === 'keyword') && /^[^\s:]/.test(t.text) && t.text !== '')
      out.push([t.start, 'name']);
  }
  return out;
}

function lexerReading(sql: string): Reading[] {
  const out: Reading[] = [];
  for (const t of lexSql(sql)) {
    if (t.kind === 'word' || t.kind === 'quoted') out.push([t.start, 'name']);
    else if (t.kind !== 'operator') out.push([t.start, t.kind]);
  }
  return out;
}

describe("the notebook's lexer and DuckDB's tokenizer", () => {
  const cases = [
    ...HOSTILE_SQL.map((c) => ({ name: c.name, sql: c.sql.replaceAll('{{DIR}}', '/tmp/x') })),
    ...CORNERS.map((sql, i) => ({ name: `corner ${i + 1}`, sql })),
  ];

  it.each(cases)('read $name alike', async ({ sql }) => {
    const theirs = await duckdbTokens(engine, sql);
    expect(lexerReading(sql)).toEqual(duckdbReading(theirs));
    // Every lexer token ends where DuckDB's next token (if any) has not yet begun.
    const starts = theirs.map((t) => t.start);
    for (const t of lexSql(sql)) {
      const next = starts.find((s) => s > t.start);
      if (next !== undefined) expect(t.end, sql.slice(t.start)).toBeLessThanOrEqual(next);
    }
  });

  it('finds the names DuckDB finds, and none that it hides', async () => {
    const sql = CORNERS.join('\n;\n');
    const theirs = (await duckdbTokens(engine, sql))
      .filter((t) => t.kind === 'identifier')
      .map((t) => (t.text.startsWith('"') ? t.text.slice(1, -1).replaceAll('""', '"') : t.text));
    expect(sqlWords(sql).filter((w) => theirs.includes(w))).toEqual(theirs);
    expect(sqlWords(sql)).not.toContain('hidden');
    expect(sqlWords(sql)).toContain('hidden_after_nested');
    expect(sqlWords(sql)).toContain('فروش‌ها');
  });
});
