/**
 * The gate for SQL that arrives inside a workbook (SQL cells, raw-SQL KPIs). A
 * workbook may come from a stranger, and DuckDB can read files and URLs, load
 * extensions and attach databases, so such SQL must be one read-only query over the
 * workbook's own tables and nothing else (DESIGN.md: opening a file never reaches
 * the network and never reads anything but that file).
 *
 * The check works on tokens, not text, so comments and quoted text can neither hide
 * a keyword nor fake one. Where this tokenizer and DuckDB's could disagree (escape
 * strings, nested comments) the construct is refused rather than guessed at.
 */

export type GuardReason =
  | 'empty'
  | 'syntax'
  | 'multiple-statements'
  | 'not-a-query'
  | 'forbidden-keyword'
  | 'forbidden-function'
  | 'file-as-table'
  | 'unknown-table';

/**
 * What exactly was refused, with what the user wrote (the keyword, function or table), so
 * the page can write the refusal in the language shown (i18n/guardRefusals.ts); `message`
 * is the English sentence. Several codes share one reason (every `syntax` one, both kinds
 * of forbidden function).
 */
export interface GuardRefusalParams {
  empty: Record<string, never>;
  'nul-character': Record<string, never>;
  'unclosed-comment': Record<string, never>;
  'nested-comment': Record<string, never>;
  'escape-string': Record<string, never>;
  'unclosed-text': Record<string, never>;
  'unclosed-name': Record<string, never>;
  /** A $tag$ quoted text never closed; `tag` as written ($$ or $tag$). */
  'unclosed-dollar-text': { tag: string };
  'multiple-statements': { count: number };
  /** `word` is the statement's first word, as written. */
  'not-a-query': { word: string };
  /** `keyword` upper-cased, `text` as written. */
  'forbidden-keyword': { keyword: string; text: string };
  /** A function that reads outside the workbook, called anywhere; `name` as written. */
  'forbidden-function': { name: string };
  /** A table function other than range(), generate_series() and unnest(); `name` as written, maybe qualified. */
  'table-function': { name: string };
  /** Quoted text where a table belongs; `text` as written, quotes and all. */
  'file-as-table': { text: string };
  /** `table` as written (maybe qualified); `tables` what the SQL may read. */
  'unknown-table': { table: string; tables: string[] };
}

export type GuardRefusalCode = keyof GuardRefusalParams;

/** A refusal's code and parameters, for any code. */
export type GuardRefusalRef = {
  [C in GuardRefusalCode]: { code: C; params: GuardRefusalParams[C] };
}[GuardRefusalCode];

export type GuardResult =
  | { ok: true }
  | ({ ok: false; reason: GuardReason; message: string } & GuardRefusalRef);

/** The reason each refusal is filed under. */
export const GUARD_REASONS: Readonly<Record<GuardRefusalCode, GuardReason>> = {
  empty: 'empty',
  'nul-character': 'syntax',
  'unclosed-comment': 'syntax',
  'nested-comment': 'syntax',
  'escape-string': 'syntax',
  'unclosed-text': 'syntax',
  'unclosed-name': 'syntax',
  'unclosed-dollar-text': 'syntax',
  'multiple-statements': 'multiple-statements',
  'not-a-query': 'not-a-query',
  'forbidden-keyword': 'forbidden-keyword',
  'forbidden-function': 'forbidden-function',
  'table-function': 'forbidden-function',
  'file-as-table': 'file-as-table',
  'unknown-table': 'unknown-table',
};

const allowedText = (tables: readonly string[]) =>
  tables.length === 0 ? 'no tables (none are loaded)' : tables.join(', ');

export type GuardRefusalFormatters = { [C in GuardRefusalCode]: (p: GuardRefusalParams[C]) => string };

/** The English sentence of each refusal. */
export const GUARD_REFUSAL_FORMATTERS: GuardRefusalFormatters = {
  empty: () => 'Workbook SQL is empty.',
  'nul-character': () => 'Workbook SQL cannot contain a NUL character.',
  'unclosed-comment': () => 'Workbook SQL has a /* comment that is never closed.',
  'nested-comment': () => 'Workbook SQL cannot nest one /* comment */ inside another.',
  'escape-string': () => "Workbook SQL cannot use escape strings (E'...'); write the text plainly.",
  'unclosed-text': () => 'Workbook SQL has a quoted text that is never closed.',
  'unclosed-name': () => 'Workbook SQL has a quoted name that is never closed.',
  'unclosed-dollar-text': (p) => `Workbook SQL has a ${p.tag} quoted text that is never closed.`,
  'multiple-statements': (p) => `Workbook SQL must be a single statement; this has ${p.count}.`,
  'not-a-query': (p) => `Workbook SQL must be one query starting with SELECT or WITH, not "${p.word}".`,
  'forbidden-keyword': (p) =>
    `Workbook SQL may only read data: ${p.keyword} is not allowed. (If "${p.text}" is a column name, write it in double quotes.)`,
  'forbidden-function': (p) =>
    `Workbook SQL cannot call ${p.name}(): it reads files, URLs or engine settings outside the workbook.`,
  'table-function': (p) =>
    `Workbook SQL cannot read from ${p.name}(): only the workbook's own tables can be queried.`,
  'file-as-table': (p) =>
    `Workbook SQL cannot read ${p.text} as a table: only the workbook's own tables can be queried.`,
  'unknown-table': (p) =>
    `${p.table} is not a table of this workbook; workbook SQL can only read ${allowedText(p.tables)}.`,
};

function refusalOf<C extends GuardRefusalCode>(code: C, params: GuardRefusalParams[C]): GuardResult {
  const format = GUARD_REFUSAL_FORMATTERS[code] as (p: GuardRefusalParams[C]) => string;
  return { ok: false, reason: GUARD_REASONS[code], code, params, message: format(params) } as GuardResult;
}

type TokenKind = 'word' | 'ident' | 'string' | 'number' | 'param' | 'punct';

interface Token {
  kind: TokenKind;
  /** Words upper-cased; quoted identifiers and strings unquoted. */
  value: string;
  /** As written, for messages. */
  text: string;
}

class Refusal extends Error {
  readonly result: GuardResult;
  constructor(refusal: GuardRefusalRef) {
    const result = refusalOf(refusal.code, refusal.params);
    super(result.ok ? '' : result.message);
    this.result = result;
  }
}

const NO_PARAMS: Record<string, never> = {};

const WORD_START = /[\p{L}_]/u;
const WORD_PART = /[\p{L}\p{N}_$]/u;
const DIGIT = /[0-9]/;

/** The end of a quoted run whose quote is doubled to escape it; -1 when never closed. */
function closingQuote(sql: string, from: number, quote: string): number {
  let i = from;
  while (i < sql.length) {
    if (sql[i] === quote) {
      if (sql[i + 1] === quote) i += 2;
      else return i;
    } else i++;
  }
  return -1;
}

function tokenize(sql: string): Token[] {
  if (sql.includes('\u0000')) throw new Refusal({ code: 'nul-character', params: NO_PARAMS });
  const tokens: Token[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i];
    const next = sql[i + 1];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '-' && next === '-') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
    } else if (c === '/' && next === '*') {
      const end = sql.indexOf('*/', i + 2);
      if (end === -1) throw new Refusal({ code: 'unclosed-comment', params: NO_PARAMS });
      // Whether DuckDB nests comments decides where this one ends; refuse rather than guess.
      if (sql.slice(i + 2, end).includes('/*'))
        throw new Refusal({ code: 'nested-comment', params: NO_PARAMS });
      i = end + 2;
    } else if (c === "'") {
      const prev = tokens[tokens.length - 1];
      // E'...' reads backslash escapes, so its end is not where a plain string's would be.
      if (prev?.kind === 'word' && prev.value === 'E' && /[eE]/.test(sql[i - 1]))
        throw new Refusal({ code: 'escape-string', params: NO_PARAMS });
      const end = closingQuote(sql, i + 1, "'");
      if (end === -1) throw new Refusal({ code: 'unclosed-text', params: NO_PARAMS });
      tokens.push({
        kind: 'string',
        value: sql.slice(i + 1, end).replaceAll("''", "'"),
        text: sql.slice(i, end + 1),
      });
      i = end + 1;
    } else if (c === '"') {
      const end = closingQuote(sql, i + 1, '"');
      if (end === -1) throw new Refusal({ code: 'unclosed-name', params: NO_PARAMS });
      tokens.push({
        kind: 'ident',
        value: sql.slice(i + 1, end).replaceAll('""', '"'),
        text: sql.slice(i, end + 1),
      });
      i = end + 1;
    } else if (c === '$') {
      const tag = /^\$([\p{L}_][\p{L}\p{N}_]*)?\$/u.exec(sql.slice(i));
      if (tag !== null) {
        const end = sql.indexOf(tag[0], i + tag[0].length);
        if (end === -1) throw new Refusal({ code: 'unclosed-dollar-text', params: { tag: tag[0] } });
        const body = sql.slice(i + tag[0].length, end);
        tokens.push({ kind: 'string', value: body, text: sql.slice(i, end + tag[0].length) });
        i = end + tag[0].length;
      } else {
        const param = /^\$\d+/.exec(sql.slice(i));
        const text = param === null ? '$' : param[0];
        tokens.push({ kind: param === null ? 'punct' : 'param', value: text, text });
        i += text.length;
      }
    } else if (WORD_START.test(c)) {
      let j = i + 1;
      while (j < sql.length && WORD_PART.test(sql[j])) j++;
      const text = sql.slice(i, j);
      tokens.push({ kind: 'word', value: text.toUpperCase(), text });
      i = j;
    } else if (DIGIT.test(c) || (c === '.' && next !== undefined && DIGIT.test(next))) {
      const m = /^(\d[\d_]*)?(\.\d*)?([eE][+-]?\d+)?/.exec(sql.slice(i));
      const text = m?.[0] || c;
      tokens.push({ kind: 'number', value: text, text });
      i += text.length;
    } else {
      tokens.push({ kind: 'punct', value: c, text: c });
      i++;
    }
  }
  return tokens;
}

/** Statements that change data, settings, extensions or files. */
const FORBIDDEN_KEYWORDS = new Set([
  'INSTALL',
  'LOAD',
  'ATTACH',
  'DETACH',
  'COPY',
  'EXPORT',
  'IMPORT',
  'SET',
  'RESET',
  'PRAGMA',
  'CALL',
  'CREATE',
  'DROP',
  'INSERT',
  'UPDATE',
  'DELETE',
  'ALTER',
  'CHECKPOINT',
  'VACUUM',
  'USE',
]);

/** Functions that read files, URLs, the environment or engine state, or run SQL given as text. */
const FORBIDDEN_FUNCTIONS = new Set([
  'GLOB',
  'SNIFF_CSV',
  'QUERY',
  'QUERY_TABLE',
  'GETENV',
  'CURRENT_SETTING',
  'WHICH_SECRET',
  'JSON_EXECUTE_SERIALIZED_SQL',
]);
const FORBIDDEN_FUNCTION_PATTERNS = [/^READ_/, /^DUCKDB_/, /^PRAGMA_/, /^PARQUET_/, /^ST_READ/, /_SCAN$/];

/** Table functions that only make rows up, never read anything. */
const ALLOWED_TABLE_FUNCTIONS = new Set(['RANGE', 'GENERATE_SERIES', 'UNNEST']);

/** Keywords after which the FROM list of the current query level has ended. */
const FROM_ENDS = new Set([
  'WHERE',
  'GROUP',
  'HAVING',
  'QUALIFY',
  'WINDOW',
  'ORDER',
  'LIMIT',
  'OFFSET',
  'UNION',
  'EXCEPT',
  'INTERSECT',
  'SELECT',
  'WITH',
  'RETURNING',
]);

const isName = (t: Token | undefined): t is Token =>
  t !== undefined && (t.kind === 'word' || t.kind === 'ident');
const isPunct = (t: Token | undefined, p: string) => t?.kind === 'punct' && t.value === p;
const isWord = (t: Token | undefined, w: string) => t?.kind === 'word' && t.value === w;
const nameKey = (t: Token) => (t.kind === 'word' ? t.value : t.value.toUpperCase());

function isForbiddenFunction(key: string): boolean {
  return FORBIDDEN_FUNCTIONS.has(key) || FORBIDDEN_FUNCTION_PATTERNS.some((p) => p.test(key));
}

function splitStatements(tokens: Token[]): Token[][] {
  const out: Token[][] = [[]];
  for (const t of tokens) {
    if (isPunct(t, ';')) out.push([]);
    else out[out.length - 1].push(t);
  }
  return out.filter((s) => s.length > 0);
}

/** The index of the `)` matching the `(` at `open`, or the end when unbalanced. */
function matchingParen(tokens: Token[], open: number): number {
  let depth = 0;
  for (let j = open; j < tokens.length; j++) {
    if (isPunct(tokens[j], '(')) depth++;
    else if (isPunct(tokens[j], ')') && --depth === 0) return j;
  }
  return tokens.length;
}

/** Names defined by `WITH [RECURSIVE] name [(cols)] AS [NOT] [MATERIALIZED] (...)`, at any depth. */
function cteNames(tokens: Token[]): Set<string> {
  const names = new Set<string>();
  for (let i = 0; i < tokens.length; i++) {
    if (!isWord(tokens[i], 'WITH')) continue;
    let j = i + 1;
    if (isWord(tokens[j], 'RECURSIVE')) j++;
    while (isName(tokens[j])) {
      names.add(nameKey(tokens[j]));
      j++;
      if (isPunct(tokens[j], '(')) j = matchingParen(tokens, j) + 1;
      if (!isWord(tokens[j], 'AS')) break;
      j++;
      while (isWord(tokens[j], 'NOT') || isWord(tokens[j], 'MATERIALIZED')) j++;
      if (!isPunct(tokens[j], '(')) break;
      j = matchingParen(tokens, j) + 1;
      if (!isPunct(tokens[j], ',')) break;
      j++;
    }
  }
  return names;
}

function keywordRefusal(t: Token): Refusal {
  return new Refusal({ code: 'forbidden-keyword', params: { keyword: t.value, text: t.text } });
}

interface Level {
  /** Inside a FROM list, where a comma or JOIN starts another table. */
  inFrom: boolean;
  /** The next token names a table ('table'), or only may not be quoted text ('text'). */
  expect: 'nothing' | 'table' | 'text';
  /** The parentheses of a function call, where FROM is a word of the call (EXTRACT(year FROM d)) until a SELECT. */
  call: boolean;
}

/** Words whose parentheses hold a query or a list, not function arguments. */
const NOT_CALLS = new Set(['IN', 'EXISTS', 'ANY', 'ALL', 'SOME', 'ARRAY', 'NOT', 'AS', 'LATERAL', 'ON']);
/** Words that start a query where a table was expected: a subquery in parentheses. */
const QUERY_STARTS = new Set(['SELECT', 'WITH', 'VALUES', 'FROM']);

function checkStatement(tokens: Token[], allowed: Set<string>, allowedTables: readonly string[]): void {
  for (const t of tokens) if (t.kind === 'word' && FORBIDDEN_KEYWORDS.has(t.value)) throw keywordRefusal(t);
  const first = tokens[0];
  if (!isWord(first, 'SELECT') && !isWord(first, 'WITH'))
    throw new Refusal({ code: 'not-a-query', params: { word: first.text } });

  const known = new Set([...allowed, ...cteNames(tokens)]);
  const stack: Level[] = [{ inFrom: false, expect: 'nothing', call: false }];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const level = stack[stack.length - 1];
    if (isName(t) && isPunct(tokens[i + 1], '(') && isForbiddenFunction(nameKey(t)))
      throw new Refusal({ code: 'forbidden-function', params: { name: t.text } });
    if (level.expect !== 'nothing' && !isWord(t, 'LATERAL')) {
      const expect = level.expect;
      level.expect = 'nothing';
      if (t.kind === 'string') throw new Refusal({ code: 'file-as-table', params: { text: t.text } });
      if (expect === 'table' && isPunct(t, '(')) {
        // A subquery (its SELECT comes next) or a parenthesised join, whose first item is a table.
        stack.push({ inFrom: true, expect: 'table', call: false });
        continue;
      }
      if (expect === 'table' && isName(t) && !(t.kind === 'word' && QUERY_STARTS.has(t.value))) {
        i = checkTableReference(tokens, i, known, allowedTables);
        continue;
      }
    }
    if (isPunct(t, '(')) {
      const prev = tokens[i - 1];
      const call = isName(prev) && !(prev.kind === 'word' && NOT_CALLS.has(prev.value));
      stack.push({ inFrom: false, expect: 'nothing', call });
    } else if (isPunct(t, ')')) {
      if (stack.length > 1) stack.pop();
    } else if (t.kind === 'word') {
      if (t.value === 'SELECT') level.call = false;
      if (t.value === 'FROM' || t.value === 'JOIN') {
        level.inFrom = !level.call;
        level.expect = level.call ? 'text' : 'table';
      } else if (FROM_ENDS.has(t.value)) level.inFrom = false;
    } else if (isPunct(t, ',') && level.inFrom) level.expect = 'table';
  }
}

/** Checks the table named at tokens[i] (maybe qualified, maybe a table function); returns its last token. */
function checkTableReference(
  tokens: Token[],
  i: number,
  known: Set<string>,
  allowedTables: readonly string[],
): number {
  const parts = [tokens[i]];
  let j = i;
  while (isPunct(tokens[j + 1], '.') && isName(tokens[j + 2])) {
    parts.push(tokens[j + 2]);
    j += 2;
  }
  const last = parts[parts.length - 1];
  const written = parts.map((p) => p.text).join('.');
  if (isPunct(tokens[j + 1], '(')) {
    if (parts.length === 1 && ALLOWED_TABLE_FUNCTIONS.has(nameKey(last))) return j;
    throw new Refusal({ code: 'table-function', params: { name: written } });
  }
  // DuckDB's default schema may be spelled out; any other catalog or schema is off limits.
  const prefixOk = parts.slice(0, -1).every((p) => ['MEMORY', 'MAIN'].includes(nameKey(p)));
  if (!prefixOk || !known.has(nameKey(last)))
    throw new Refusal({ code: 'unknown-table', params: { table: written, tables: [...allowedTables] } });
  return j;
}

/**
 * Whether SQL from a workbook may run: a single read-only SELECT or WITH query over
 * `allowedTables` (and its own CTEs). The refusal message is written for the user.
 */
export function checkWorkbookSql(sql: string, allowedTables: readonly string[]): GuardResult {
  try {
    const statements = splitStatements(tokenize(sql));
    if (statements.length === 0) return refusalOf('empty', NO_PARAMS);
    if (statements.length > 1) return refusalOf('multiple-statements', { count: statements.length });
    checkStatement(statements[0], new Set(allowedTables.map((t) => t.toUpperCase())), allowedTables);
    return { ok: true };
  } catch (err) {
    if (err instanceof Refusal) return err.result;
    throw err;
  }
}
