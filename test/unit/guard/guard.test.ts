import { describe, expect, it } from 'vitest';
import { checkWorkbookSql } from '../../../src/core/sql/guard';
import type { SqlParse, SqlToken, SqlTokenKind } from '../../../src/core/sql/sqlParse';
import { sqlTokens } from '../../../src/core/sql/sqlParse';

/**
 * The guard's judgement on DuckDB's reading of SQL, given as plain data (the engine-backed
 * cases are in test/integration/security). Tokens here are written as DuckDB gives them.
 */
function tokens(sql: string, spec: [text: string, kind: SqlTokenKind][]): SqlToken[] {
  let at = 0;
  return spec.map(([text, kind]) => {
    const start = sql.indexOf(text, at);
    if (start === -1) throw new Error(`${text} is not in ${sql}`);
    at = start + text.length;
    return { kind, start, end: at, text };
  });
}

const K = (text: string): [string, SqlTokenKind] => [text, 'keyword'];
const I = (text: string): [string, SqlTokenKind] => [text, 'identifier'];
const S = (text: string): [string, SqlTokenKind] => [text, 'string'];
const O = (text: string): [string, SqlTokenKind] => [text, 'operator'];

const SELECT_DEALS: [string, SqlTokenKind][] = [K('SELECT'), O('*'), K('FROM'), I('deals')];
const parse = (
  sql: string,
  spec: [string, SqlTokenKind][],
  more: Partial<Omit<SqlParse, 'tokens'>> = {},
): SqlParse => ({
  tokens: tokens(sql, spec),
  error: null,
  reads: { tables: ['deals'], functions: [] },
  ...more,
});
const TABLES = ['deals', 'customers'];

describe('the guard on DuckDB’s tokens', () => {
  it('accepts one query over the workbook’s tables', () => {
    const sql = 'SELECT * FROM deals';
    expect(checkWorkbookSql(sql, parse(sql, SELECT_DEALS), TABLES)).toEqual({ ok: true });
  });

  it('counts statements where DuckDB cuts them, not inside a dollar-quoted string', () => {
    const one = 'SELECT $×$;$×$ AS s';
    expect(checkWorkbookSql(one, parse(one, [K('SELECT'), S('$×$;$×$'), K('AS'), I('s')]), TABLES)).toEqual({
      ok: true,
    });
    const two = 'SELECT 1 --x\r; DROP TABLE deals';
    const r = checkWorkbookSql(
      two,
      parse(two, [K('SELECT'), ['1', 'number'], O(';'), K('DROP'), K('TABLE'), I('deals')]),
      TABLES,
    );
    expect(r).toMatchObject({ code: 'multiple-statements', params: { count: 2 } });
  });

  it('refuses a keyword only where DuckDB reads a keyword, with the hint to quote it', () => {
    const quoted = 'SELECT "load" FROM deals';
    expect(
      checkWorkbookSql(quoted, parse(quoted, [K('SELECT'), I('"load"'), K('FROM'), I('deals')]), TABLES),
    ).toEqual({
      ok: true,
    });
    const bare = 'SELECT load FROM deals';
    expect(
      checkWorkbookSql(bare, parse(bare, [K('SELECT'), K('load'), K('FROM'), I('deals')]), TABLES),
    ).toMatchObject({
      code: 'forbidden-keyword',
      params: { keyword: 'LOAD', text: 'load' },
      message:
        'Workbook SQL may only read data: LOAD is not allowed. (If "load" is a column name, write it in double quotes.)',
    });
  });

  it('refuses a file-reading function called by any spelling of its name', () => {
    for (const name of ['read_text', '"READ_TEXT"', 'glob', 'getenv']) {
      const sql = `SELECT * FROM ${name}('/etc/passwd')`;
      const spec = [K('SELECT'), O('*'), K('FROM'), I(name), O('('), S("'/etc/passwd'"), O(')')];
      expect(checkWorkbookSql(sql, parse(sql, spec), TABLES), name).toMatchObject({
        code: 'forbidden-function',
        params: { name },
      });
    }
  });

  it('refuses empty SQL, a NUL, and what does not start as a query', () => {
    expect(checkWorkbookSql('-- nothing', parse('-- nothing', []), TABLES)).toMatchObject({ code: 'empty' });
    expect(checkWorkbookSql('SELECT 1\u0000', parse('SELECT 1\u0000', [K('SELECT')]), TABLES)).toMatchObject({
      code: 'nul-character',
    });
    expect(checkWorkbookSql('VALUES (1)', parse('VALUES (1)', [K('VALUES')]), TABLES)).toMatchObject({
      code: 'not-a-query',
      params: { word: 'VALUES' },
    });
  });
});

describe('the guard on DuckDB’s error and plan', () => {
  const sql = "SELECT * FROM '/etc/passwd'";
  const spec = [K('SELECT'), O('*'), K('FROM'), S("'/etc/passwd'")];
  const failing = (error: string) => checkWorkbookSql(sql, parse(sql, spec, { error, reads: null }), TABLES);

  it('names a file DuckDB was kept from, quoted as the user wrote it when they did', () => {
    expect(failing('Catalog Error: Table with name /etc/passwd does not exist!')).toMatchObject({
      code: 'file-as-table',
      params: { text: "'/etc/passwd'" },
    });
    expect(
      failing(
        'Permission Error: Cannot access file "/etc/hosts" - file system operations are disabled by configuration',
      ),
    ).toMatchObject({ code: 'file-access', params: { path: '/etc/hosts' } });
    expect(
      failing(
        'Invalid Input Error: Cannot change configuration option "threads" - the configuration has been locked',
      ),
    ).toMatchObject({ code: 'settings-locked' });
  });

  it('leaves a plain SQL mistake to DuckDB’s own located message', () => {
    expect(failing('Binder Error: Referenced column "x" not found in FROM clause!')).toEqual({ ok: true });
  });

  it('refuses what the plan reads outside the workbook, and allows the tables under its views', () => {
    const internal = parse('SELECT * FROM deals', SELECT_DEALS, {
      reads: { tables: ['_calendar'], functions: [] },
    });
    expect(checkWorkbookSql('SELECT * FROM deals', internal, TABLES)).toMatchObject({
      code: 'unknown-table',
      params: { table: '_calendar', tables: TABLES },
    });
    expect(checkWorkbookSql('SELECT * FROM deals', internal, ['won'], ['_calendar'])).toEqual({ ok: true });
    const settings = parse('SELECT * FROM deals', SELECT_DEALS, {
      reads: { tables: [], functions: ['RANGE', 'DUCKDB_SETTINGS'] },
    });
    expect(checkWorkbookSql('SELECT * FROM deals', settings, TABLES)).toMatchObject({
      code: 'table-function',
      params: { name: 'duckdb_settings' },
    });
  });
});

describe('sqlTokens', () => {
  it('finds each token’s end from its kind, never past the next token', () => {
    const sql = "SELECT 'it''s', \"a b\", $t$x;y$t$ /* c */ ;";
    const starts = [0, 7, 14, 16, 21, 23, 41];
    const types = [4, 2, 3, 0, 3, 2, 3];
    expect(sqlTokens(sql, starts, types).map((t) => t.text)).toEqual([
      'SELECT',
      "'it''s'",
      ',',
      '"a b"',
      ',',
      '$t$x;y$t$',
      ';',
    ]);
  });
});
