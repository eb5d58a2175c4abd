import { lexSql } from '../sql/sqlLexer';

/**
 * Reading names out of cell SQL without parsing it: enough to find which other cells
 * a SQL cell reads and which `{{parameters}}` it uses. Comments and quoted text are
 * skipped so a name in them is not a dependency; a column that happens to share a
 * cell's name makes a harmless extra edge (the cell reruns once more than needed).
 *
 * This runs on every edit, synchronously, to draw the cell graph, so it cannot wait for
 * the engine's tokenizer as the guard does; it uses the pure lexer whose token ends the
 * guard uses, tested to read every case of the hostile corpus as DuckDB does.
 */

const PARAM = /\{\{\s*([\p{L}_][\p{L}\p{N}_]*)(?:\.(from|to))?\s*\}\}/gu;

/** Each `{{name}}` or `{{name.from}}` in the SQL, as the input cell name. */
export function paramNames(sql: string): string[] {
  const out = new Set<string>();
  for (const m of sql.matchAll(PARAM)) out.add(m[1]);
  return [...out];
}

/**
 * Words and quoted identifiers outside comments and string literals, case kept, read with
 * DuckDB's lexical rules (core/sql/sqlLexer.ts, the guard's): nested comments, comments
 * ended by a carriage return, E'…' escapes and dollar quotes hide what they hide from DuckDB.
 */
export function sqlWords(sql: string): string[] {
  const words: string[] = [];
  for (const t of lexSql(sql)) {
    const text = sql.slice(t.start, t.end);
    if (t.kind === 'word') words.push(text);
    else if (t.kind === 'quoted')
      words.push(text.slice(1, text.endsWith('"') && text.length > 1 ? -1 : undefined).replaceAll('""', '"'));
  }
  return words;
}

/** Names from `candidates` the SQL mentions (case-insensitive, as DuckDB resolves them). */
export function mentionedNames(sql: string, candidates: ReadonlySet<string>): string[] {
  const byLower = new Map([...candidates].map((n) => [n.toLowerCase(), n]));
  const out = new Set<string>();
  for (const w of sqlWords(sql)) {
    const hit = byLower.get(w.toLowerCase());
    if (hit !== undefined) out.add(hit);
  }
  return [...out];
}
