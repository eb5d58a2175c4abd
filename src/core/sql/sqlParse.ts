/**
 * DuckDB's own reading of a piece of workbook SQL, as plain data. The engine makes it
 * (src/engine/workbookSql.ts: DuckDB's tokenizer, a prepared view and its bound plan);
 * the guard (guard.ts) judges it. Core never asks the engine itself.
 */

export type SqlTokenKind = 'identifier' | 'number' | 'string' | 'operator' | 'keyword';

export interface SqlToken {
  kind: SqlTokenKind;
  /** Where the token starts and ends in the SQL (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
  /** As written. */
  text: string;
}

export interface SqlParse {
  /** The tokens DuckDB's tokenizer found (comments are not tokens). */
  tokens: SqlToken[];
  /** DuckDB's error when it could not take the SQL as the query of a view; null when it could. */
  error: string | null;
  /** What DuckDB's bound plan reads, when it could plan the query: base tables and table functions. */
  reads: { tables: string[]; functions: string[] } | null;
}

import { tokenAt } from './sqlLexer';

/** DuckDB's token type numbers (duckdb-wasm's TokenType). Comments never reach the list. */
const KINDS: readonly (SqlTokenKind | null)[] = [
  'identifier',
  'number',
  'string',
  'operator',
  'keyword',
  null,
];

/**
 * Where a token of a kind that starts at `start` ends; `limit` is where the next token
 * starts. The lexical rules are sqlLexer's, the ones the notebook reads names with;
 * operators keep to their run of symbols, as DuckDB split them.
 */
function tokenEnd(sql: string, kind: SqlTokenKind, start: number, limit: number): number {
  if (kind === 'operator') {
    const op = /^[^\s\p{L}\p{N}_"'$]+/u.exec(sql.slice(start, limit));
    return start + (op?.[0].length ?? 1);
  }
  return Math.min(limit, tokenAt(sql, start).end);
}

/**
 * DuckDB's tokens from its start offsets (already in UTF-16 units) and type numbers. DuckDB
 * gives no ends; each is found from the token's kind, never past where the next one starts.
 */
export function sqlTokens(sql: string, starts: readonly number[], types: readonly number[]): SqlToken[] {
  const out: SqlToken[] = [];
  starts.forEach((start, i) => {
    const kind = KINDS[types[i]];
    if (kind === null || kind === undefined) return;
    const end = tokenEnd(sql, kind, start, starts[i + 1] ?? sql.length);
    out.push({ kind, start, end, text: sql.slice(start, end) });
  });
  return out;
}
