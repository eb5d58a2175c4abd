/**
 * The guard for SQL that arrives inside a workbook (SQL cells). A workbook may come
 * from a stranger, so such SQL must be one read-only query over the workbook's own
 * tables and views and nothing else.
 *
 * The engine is the wall (src/engine/lockdown.ts: no file, URL, extension or setting;
 * src/engine/workbookSql.ts: one statement, run only as a view's query). This guard
 * explains refusals in the user's words, and it judges DuckDB's own reading of the SQL
 * (sqlParse.ts: DuckDB's tokens, its error, its bound plan), never a second tokenizer:
 * a second tokenizer disagreed with DuckDB's on dollar-quote tags, carriage-return
 * comments and CTE scope, and each disagreement was a way past it. (Where DuckDB's tokens
 * end is measured with sqlLexer.ts, the notebook's lexer, which a differential test holds
 * to DuckDB's over the hostile corpus; where they start and what they are is DuckDB's.)
 */

import type { SqlParse, SqlToken } from './sqlParse';

export type GuardReason =
  | 'empty'
  | 'syntax'
  | 'multiple-statements'
  | 'not-a-query'
  | 'forbidden-keyword'
  | 'forbidden-function'
  | 'file-as-table'
  | 'unknown-table'
  | 'outside-access';

/**
 * What exactly was refused, with what the user wrote (the keyword, function or table), so
 * the page can write the refusal in the language shown (i18n/guardRefusals.ts); `message`
 * is the English sentence. Several codes share one reason (every `syntax` one, both kinds
 * of forbidden function).
 */
export interface GuardRefusalParams {
  empty: Record<string, never>;
  'nul-character': Record<string, never>;
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
  /** `table` as DuckDB names it; `tables` what the SQL may read. */
  'unknown-table': { table: string; tables: string[] };
  /** A file or URL DuckDB was asked to open; `path` as DuckDB names it. */
  'file-access': { path: string };
  /** DuckDB refused to change a setting: its configuration is locked. */
  'settings-locked': Record<string, never>;
}

export type GuardRefusalCode = keyof GuardRefusalParams;

/** A refusal's code and parameters, for any code. */
export type GuardRefusalRef = {
  [C in GuardRefusalCode]: { code: C; params: GuardRefusalParams[C] };
}[GuardRefusalCode];

export type GuardRefusal = { ok: false; reason: GuardReason; message: string } & GuardRefusalRef;

export type GuardResult = { ok: true } | GuardRefusal;

/** The reason each refusal is filed under. */
export const GUARD_REASONS: Readonly<Record<GuardRefusalCode, GuardReason>> = {
  empty: 'empty',
  'nul-character': 'syntax',
  'multiple-statements': 'multiple-statements',
  'not-a-query': 'not-a-query',
  'forbidden-keyword': 'forbidden-keyword',
  'forbidden-function': 'forbidden-function',
  'table-function': 'forbidden-function',
  'file-as-table': 'file-as-table',
  'unknown-table': 'unknown-table',
  'file-access': 'outside-access',
  'settings-locked': 'outside-access',
};

const allowedText = (tables: readonly string[]) =>
  tables.length === 0 ? 'no tables (none are loaded)' : tables.join(', ');

export type GuardRefusalFormatters = { [C in GuardRefusalCode]: (p: GuardRefusalParams[C]) => string };

/** The English sentence of each refusal. */
export const GUARD_REFUSAL_FORMATTERS: GuardRefusalFormatters = {
  empty: () => 'Workbook SQL is empty.',
  'nul-character': () => 'Workbook SQL cannot contain a NUL character.',
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
  'file-access': (p) =>
    `Workbook SQL cannot open ${p.path}: only the workbook's own tables can be queried, never files or URLs.`,
  'settings-locked': () => "Workbook SQL cannot change the engine's settings.",
};

/** A refusal of any code, with its English sentence. */
export function guardRefusal<C extends GuardRefusalCode>(
  code: C,
  params: GuardRefusalParams[C],
): GuardRefusal {
  const format = GUARD_REFUSAL_FORMATTERS[code] as (p: GuardRefusalParams[C]) => string;
  return { ok: false, reason: GUARD_REASONS[code], code, params, message: format(params) } as GuardRefusal;
}

const NO_PARAMS: Record<string, never> = {};

/** Keywords of statements that change data, settings, extensions or files, or read the catalog. */
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
  'DESCRIBE',
  'SUMMARIZE',
  'SHOW',
  'EXECUTE',
  'PREPARE',
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

/** Table functions that only make rows up, never read anything (as DuckDB's plan names them). */
const ALLOWED_TABLE_FUNCTIONS = new Set(['RANGE', 'GENERATE_SERIES', 'UNNEST']);

/** A name token without its quotes, upper-cased: how DuckDB matches it. */
const nameKey = (t: SqlToken) =>
  t.text.startsWith('"') ? t.text.slice(1, -1).replaceAll('""', '"').toUpperCase() : t.text.toUpperCase();
const isName = (t: SqlToken | undefined): t is SqlToken => t?.kind === 'identifier' || t?.kind === 'keyword';
const isOpen = (t: SqlToken | undefined) => t?.kind === 'operator' && t.text.startsWith('(');

function isForbiddenFunction(key: string): boolean {
  return FORBIDDEN_FUNCTIONS.has(key) || FORBIDDEN_FUNCTION_PATTERNS.some((p) => p.test(key));
}

/** DuckDB's tokens cut at each `;`, empty statements dropped. */
function statements(tokens: readonly SqlToken[]): SqlToken[][] {
  const out: SqlToken[][] = [[]];
  for (const t of tokens) {
    if (t.kind === 'operator' && t.text.includes(';')) out.push([]);
    else out[out.length - 1].push(t);
  }
  return out.filter((s) => s.length > 0);
}

/** What the tokens alone settle: one statement, a query, no forbidden keyword or function. */
function checkTokens(tokens: readonly SqlToken[]): GuardResult | null {
  const parts = statements(tokens);
  if (parts.length === 0) return guardRefusal('empty', NO_PARAMS);
  if (parts.length > 1) return guardRefusal('multiple-statements', { count: parts.length });
  const first = tokens[0];
  for (const t of tokens) {
    if (t.kind === 'keyword' && FORBIDDEN_KEYWORDS.has(t.text.toUpperCase()))
      return guardRefusal('forbidden-keyword', { keyword: t.text.toUpperCase(), text: t.text });
  }
  if (first.kind !== 'keyword' || !['SELECT', 'WITH'].includes(first.text.toUpperCase()))
    return guardRefusal('not-a-query', { word: first.text });
  for (const [i, t] of tokens.entries()) {
    if (isName(t) && isOpen(tokens[i + 1]) && isForbiddenFunction(nameKey(t)))
      return guardRefusal('forbidden-function', { name: t.text });
  }
  return null;
}

/** The quoted text (a string token) whose value DuckDB named, when the user wrote it as text. */
function writtenAsText(tokens: readonly SqlToken[], value: string): string | null {
  const t = tokens.find(
    (x) =>
      x.kind === 'string' && x.text.startsWith("'") && x.text.slice(1, -1).replaceAll("''", "'") === value,
  );
  return t?.text ?? null;
}

/** A refusal for DuckDB's error when it is about reaching outside the workbook; null for a plain SQL error. */
function checkEngineError(
  error: string,
  tokens: readonly SqlToken[],
  allowed: readonly string[],
): GuardResult | null {
  const file = /Cannot access (?:file|directory) "([^"]*)"/.exec(error);
  if (file !== null) {
    const text = writtenAsText(tokens, file[1]);
    return text === null
      ? guardRefusal('file-access', { path: file[1] })
      : guardRefusal('file-as-table', { text });
  }
  if (/configuration has been locked/.test(error)) return guardRefusal('settings-locked', NO_PARAMS);
  const table = /Catalog Error: Table with name (.+) does not exist/.exec(error);
  if (table !== null) {
    const text = writtenAsText(tokens, table[1]);
    return text === null
      ? guardRefusal('unknown-table', { table: table[1], tables: [...allowed] })
      : guardRefusal('file-as-table', { text });
  }
  const scope = /(?:Catalog|Schema) (?:with name )?"?([^"\s]+)"? does not exist/.exec(error);
  if (scope !== null) return guardRefusal('unknown-table', { table: scope[1], tables: [...allowed] });
  const fn =
    /Catalog Error: Table Function with name "?([^"\s]+)"? (?:does not exist|is not in the catalog)/.exec(
      error,
    );
  if (fn !== null) return guardRefusal('table-function', { name: fn[1] });
  if (/^Permission Error/m.test(error)) return guardRefusal('file-access', { path: error.split('\n')[0] });
  return null;
}

/**
 * Whether SQL from a workbook may run, judged on DuckDB's reading of it (`parse`): a
 * single query over `allowedTables` only. DuckDB's plan names base tables, so the tables
 * under the allowed views (`underViews`) count as allowed too. A plain SQL error that
 * reaches for nothing outside passes, so that DuckDB's own located message is shown when
 * the query runs. The refusal message is written for the user.
 */
export function checkWorkbookSql(
  sql: string,
  parse: SqlParse,
  allowedTables: readonly string[],
  underViews: readonly string[] = [],
): GuardResult {
  if (sql.includes('\u0000')) return guardRefusal('nul-character', NO_PARAMS);
  const byTokens = checkTokens(parse.tokens);
  if (byTokens !== null) return byTokens;
  if (parse.error !== null) return checkEngineError(parse.error, parse.tokens, allowedTables) ?? { ok: true };
  const allowed = new Set([...allowedTables, ...underViews].map((t) => t.toUpperCase()));
  const table = parse.reads?.tables.find((t) => !allowed.has(t.toUpperCase()));
  if (table !== undefined) return guardRefusal('unknown-table', { table, tables: [...allowedTables] });
  const fn = parse.reads?.functions.find((f) => !ALLOWED_TABLE_FUNCTIONS.has(f.toUpperCase()));
  if (fn !== undefined) return guardRefusal('table-function', { name: fn.toLowerCase() });
  return { ok: true };
}
