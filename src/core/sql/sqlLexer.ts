/**
 * DuckDB's lexical rules (its Postgres-derived scanner) as pure code: what is a comment,
 * a string, a quoted name, a dollar-quoted body, a word. The guard takes its token starts
 * and kinds from DuckDB's own tokenizer (sqlParse.ts) and finds each token's end here; the
 * notebook finds the cells a SQL cell reads with `lexSql`, synchronously, as it edits.
 * test/integration/security/sqlLexer.test.ts holds the two readings together over the
 * hostile SQL corpus: the same tokens at the same places.
 */

type LexKind = 'word' | 'quoted' | 'string' | 'number' | 'operator';

interface LexToken {
  kind: LexKind;
  start: number;
  /** Exclusive; an unclosed string, quoted name or comment runs to the end of the text. */
  end: number;
  /** A string or quoted name never closed: DuckDB's tokenizer stops before it. */
  unclosed?: true;
}

/** ASCII letters and underscore; every non-ASCII character counts as a letter, as in DuckDB. */
const isLetter = (c: string) => /[A-Za-z_]/.test(c) || c > '\x7f';
const isWordChar = (c: string) => isLetter(c) || /[0-9$]/.test(c);
const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
/** Characters that run together into one operator (`<=`, `||`, `->>`). */
const OPERATOR_CHARS = '~!@#^&|`?+-*/%<>=';

/** Where a run quoted with `quote` ends, a doubled quote being one character of it; -1 if never. */
function closeQuoted(sql: string, from: number, quote: string, backslash = false): number {
  let i = from;
  while (i < sql.length) {
    if (backslash && sql[i] === '\\') i += 2;
    else if (sql[i] !== quote) i++;
    else if (sql[i + 1] === quote) i += 2;
    else return i + 1;
  }
  return -1;
}

/** Where a comment that starts at `i` ends, or -1 when none starts there. Block comments nest. */
function commentEnd(sql: string, i: number): number {
  if (sql.startsWith('--', i)) {
    const line = sql.slice(i).search(/[\n\r]/);
    return line === -1 ? sql.length : i + line;
  }
  if (!sql.startsWith('/*', i)) return -1;
  let depth = 0;
  let j = i;
  while (j < sql.length) {
    if (sql.startsWith('/*', j)) {
      depth++;
      j += 2;
    } else if (sql.startsWith('*/', j)) {
      depth--;
      j += 2;
      if (depth === 0) return j;
    } else j++;
  }
  return sql.length;
}

/** `$tag$…$tag$` (the tag may be empty; tags are case-sensitive); null when `$` starts none. */
function dollarQuoted(sql: string, i: number): number | null {
  let j = i + 1;
  if (j < sql.length && isLetter(sql[j])) while (j < sql.length && isWordChar(sql[j]) && sql[j] !== '$') j++;
  if (sql[j] !== '$') return null;
  const tag = sql.slice(i, j + 1);
  const close = sql.indexOf(tag, j + 1);
  return close === -1 ? -1 : close + tag.length;
}

function numberEnd(sql: string, i: number): number {
  const m = /^(?:[0-9][0-9_]*(?:\.[0-9_]*)?|\.[0-9][0-9_]*)(?:[eE][+-]?[0-9]+)?/.exec(sql.slice(i));
  return i + (m?.[0].length ?? 1);
}

/** The token that starts at `i`, which must not be whitespace or a comment. */
export function tokenAt(sql: string, i: number): LexToken {
  const c = sql[i];
  const next = sql[i + 1];
  const at = (kind: LexKind, end: number): LexToken =>
    end === -1 ? { kind, start: i, end: sql.length, unclosed: true } : { kind, start: i, end };
  if (c === "'") return at('string', closeQuoted(sql, i + 1, "'"));
  if (c === '"') return at('quoted', closeQuoted(sql, i + 1, '"'));
  // E'…' reads backslash escapes; X'…' and B'…' are bit strings.
  if (/[eExXbB]/.test(c) && next === "'") return at('string', closeQuoted(sql, i + 2, "'", /[eE]/.test(c)));
  if (c === '$') {
    const end = dollarQuoted(sql, i);
    if (end !== null) return at('string', end);
    let j = i + 1;
    while (isDigit(sql[j])) j++;
    return at('operator', j);
  }
  if (isDigit(c) || (c === '.' && isDigit(next))) return at('number', numberEnd(sql, i));
  if (isLetter(c)) {
    let j = i + 1;
    while (j < sql.length && isWordChar(sql[j])) j++;
    return at('word', j);
  }
  if (OPERATOR_CHARS.includes(c)) {
    let j = i + 1;
    while (j < sql.length && OPERATOR_CHARS.includes(sql[j]) && commentEnd(sql, j) === -1) j++;
    return at('operator', j);
  }
  return at('operator', i + 1);
}

/** Every token of `sql` in order, up to one never closed; whitespace and comments are not tokens. */
export function lexSql(sql: string): LexToken[] {
  const out: LexToken[] = [];
  let i = 0;
  while (i < sql.length) {
    if (/[ \t\n\r\f\v]/.test(sql[i])) {
      i++;
      continue;
    }
    const comment = commentEnd(sql, i);
    if (comment !== -1) {
      i = comment;
      continue;
    }
    const token = tokenAt(sql, i);
    if (token.unclosed) break;
    out.push(token);
    i = token.end;
  }
  return out;
}
