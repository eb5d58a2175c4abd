import { describe, expect, it } from 'vitest';
import { checkWorkbookSql } from '../../../src/core/sql/guard';

const TABLES = ['deals', 'customers'];
const check = (sql: string) => checkWorkbookSql(sql, TABLES);
const refusal = (sql: string) => {
  const r = check(sql);
  if (r.ok) throw new Error(`expected a refusal for: ${sql}`);
  return r;
};

describe('allowed queries', () => {
  it.each([
    ['a plain select', 'SELECT * FROM deals'],
    ['a trailing semicolon', 'SELECT count(*) FROM deals;'],
    [
      'a join of allowed tables',
      'SELECT c.segment, sum(d.amount) FROM deals d JOIN customers c ON d.customer_id = c.customer_id GROUP BY 1',
    ],
    ['a comma join', 'SELECT * FROM deals, customers WHERE deals.customer_id = customers.customer_id'],
    ['a CTE', 'WITH won AS (SELECT * FROM deals WHERE stage = $$Closed Won$$) SELECT count(*) FROM won'],
    [
      'two CTEs, one with columns',
      'WITH a(x) AS (SELECT amount FROM deals), b AS MATERIALIZED (SELECT x FROM a) SELECT * FROM b',
    ],
    ['a subquery in FROM', 'SELECT * FROM (SELECT amount FROM deals) AS t'],
    [
      'IN and EXISTS subqueries',
      'SELECT * FROM deals WHERE customer_id IN (SELECT customer_id FROM customers) AND EXISTS (FROM customers)',
    ],
    ['a string that contains DROP', "SELECT * FROM deals WHERE note = 'DROP TABLE deals; ATTACH x'"],
    ['a quoted column named like a keyword', 'SELECT "load", "set" FROM deals'],
    ['DROP inside a comment', 'SELECT 1 -- DROP TABLE deals\nFROM deals /* ATTACH */'],
    ['EXTRACT ... FROM a column', 'SELECT EXTRACT(year FROM created_at) FROM deals'],
    ['a table named in a different case, qualified by main', 'SELECT * FROM main.DEALS'],
    ['range() as a table', 'SELECT * FROM range(10)'],
    ['read_csv as text', "SELECT 'read_csv(''x'')' AS s FROM deals"],
  ])('%s', (_, sql) => {
    expect(check(sql)).toEqual({ ok: true });
  });
});

describe('refusals', () => {
  it.each([
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
  ])('refuses %s anywhere', (kw) => {
    const r = refusal(`SELECT * FROM deals WHERE x IN (SELECT 1) ${kw.toLowerCase()} foo`);
    expect(r.reason).toBe('forbidden-keyword');
    expect(r.params).toEqual({ keyword: kw, text: kw.toLowerCase() });
    expect(r.message).toBe(
      `Workbook SQL may only read data: ${kw} is not allowed. (If "${kw.toLowerCase()}" is a column name, write it in double quotes.)`,
    );
  });

  it('refuses ATTACH at the start, before anything else', () => {
    expect(refusal("ATTACH 'https://evil.example/db.duckdb' AS evil").message).toMatch(
      /^Workbook SQL may only read data: ATTACH is not allowed/,
    );
  });
  it('refuses COPY ... TO', () => {
    expect(refusal("COPY deals TO '/tmp/x.csv'").reason).toBe('forbidden-keyword');
  });

  it.each([
    ['read_csv', "SELECT * FROM read_csv('https://evil.example/x.csv')"],
    ['read_csv_auto', "SELECT * FROM read_csv_auto('x.csv')"],
    ['read_parquet', "SELECT * FROM read_parquet('s3://b/x.parquet')"],
    ['read_json_auto', "SELECT * FROM read_json_auto('x.json')"],
    ['read_ndjson', "SELECT * FROM read_ndjson('x.json')"],
    ['read_text', "SELECT * FROM read_text('/etc/passwd')"],
    ['read_blob', "SELECT * FROM read_blob('/etc/passwd')"],
    ['glob', "SELECT * FROM glob('/home/*')"],
    ['parquet_scan', "SELECT * FROM parquet_scan('x.parquet')"],
    ['sniff_csv', "SELECT * FROM sniff_csv('x.csv')"],
    ['query_table', "SELECT * FROM query_table('secrets')"],
    ['query', "SELECT * FROM query('ATT' || 'ACH ''x''')"],
    ['duckdb_settings', 'SELECT * FROM duckdb_settings()'],
    ['getenv', "SELECT getenv('HOME') FROM deals"],
    ['current_setting', "SELECT current_setting('threads')"],
    ['sqlite_scan', "SELECT * FROM sqlite_scan('x.db', 't')"],
  ])('refuses %s()', (fn, sql) => {
    const r = refusal(sql);
    expect(r.reason).toBe('forbidden-function');
    expect(r.params).toEqual({ name: fn });
    expect(r.message).toBe(
      `Workbook SQL cannot call ${fn}(): it reads files, URLs or engine settings outside the workbook.`,
    );
  });

  it('refuses a file reader hidden in a subquery, quoted, qualified or behind a comment', () => {
    for (const sql of [
      "SELECT * FROM deals WHERE id IN (SELECT id FROM read_csv('x.csv'))",
      `SELECT * FROM "READ_CSV"('x.csv')`,
      "SELECT * FROM main.read_csv('x.csv')",
      "SELECT * FROM read_csv/* hi */('x.csv')",
      "SELECT * FROM READ_CSV\n('x.csv')",
    ])
      expect(refusal(sql).reason).toBe('forbidden-function');
  });

  it.each([
    ['FROM', "SELECT * FROM 'secrets.csv'"],
    ['JOIN', "SELECT * FROM deals JOIN 'https://evil.example/x.parquet' ON true"],
    ['a comma', "SELECT * FROM deals, 'x.csv'"],
    ['FROM-first in a subquery', "SELECT * FROM deals WHERE EXISTS (FROM 'x.csv')"],
    ['a dollar-quoted name', 'SELECT * FROM $$x.csv$$'],
  ])('refuses a quoted file name after %s', (_, sql) => {
    const r = refusal(sql);
    expect(r.reason).toBe('file-as-table');
    expect(r.message).toMatch(
      /^Workbook SQL cannot read .+ as a table: only the workbook's own tables can be queried\.$/,
    );
  });

  it('refuses tables that are not the workbook’s, and names the ones it may read', () => {
    const r = refusal('SELECT * FROM "x.csv"');
    expect(r).toEqual({
      ok: false,
      reason: 'unknown-table',
      code: 'unknown-table',
      params: { table: '"x.csv"', tables: ['deals', 'customers'] },
      message: '"x.csv" is not a table of this workbook; workbook SQL can only read deals, customers.',
    });
    expect(refusal('SELECT * FROM information_schema.tables').reason).toBe('unknown-table');
    expect(refusal('SELECT * FROM (deals JOIN secrets ON true)').reason).toBe('unknown-table');
    expect(refusal('SELECT * FROM other_db.main.deals').reason).toBe('unknown-table');
  });

  it('refuses several statements, even when the second hides behind a string-looking comment', () => {
    expect(refusal('SELECT 1 FROM deals; SELECT 2 FROM deals')).toEqual({
      ok: false,
      reason: 'multiple-statements',
      code: 'multiple-statements',
      params: { count: 2 },
      message: 'Workbook SQL must be a single statement; this has 2.',
    });
    expect(refusal("SELECT '--' FROM deals; DROP TABLE deals").reason).toBe('multiple-statements');
  });

  it('refuses anything but SELECT or WITH', () => {
    expect(refusal('DESCRIBE deals')).toEqual({
      ok: false,
      reason: 'not-a-query',
      code: 'not-a-query',
      params: { word: 'DESCRIBE' },
      message: 'Workbook SQL must be one query starting with SELECT or WITH, not "DESCRIBE".',
    });
    expect(refusal('SUMMARIZE deals').reason).toBe('not-a-query');
  });

  it('refuses empty SQL and text that cannot be tokenised safely', () => {
    expect(refusal('  -- nothing\n')).toEqual({
      ok: false,
      reason: 'empty',
      code: 'empty',
      params: {},
      message: 'Workbook SQL is empty.',
    });
    expect(refusal("SELECT 'unclosed FROM deals").message).toBe(
      'Workbook SQL has a quoted text that is never closed.',
    );
    expect(refusal('SELECT "unclosed FROM deals').message).toBe(
      'Workbook SQL has a quoted name that is never closed.',
    );
    expect(refusal('SELECT 1 /* open').message).toBe('Workbook SQL has a /* comment that is never closed.');
    expect(refusal('SELECT 1 /* a /* b */ DROP */ FROM deals').message).toBe(
      'Workbook SQL cannot nest one /* comment */ inside another.',
    );
    expect(refusal("SELECT E'\\'' FROM deals").message).toBe(
      "Workbook SQL cannot use escape strings (E'...'); write the text plainly.",
    );
    expect(refusal('SELECT $x$ never closed').reason).toBe('syntax');
    expect(refusal('SELECT $x$ never closed')).toMatchObject({
      code: 'unclosed-dollar-text',
      params: { tag: '$x$' },
    });
  });

  it('names what it refused in the parameters, from which the English is written', () => {
    expect(refusal("SELECT * FROM deals, 'x.csv'")).toMatchObject({
      reason: 'file-as-table',
      code: 'file-as-table',
      params: { text: "'x.csv'" },
    });
    expect(refusal("SELECT * FROM main.unnest2('x')")).toEqual({
      ok: false,
      reason: 'forbidden-function',
      code: 'table-function',
      params: { name: 'main.unnest2' },
      message: "Workbook SQL cannot read from main.unnest2(): only the workbook's own tables can be queried.",
    });
    expect(checkWorkbookSql('SELECT * FROM x', [])).toMatchObject({
      code: 'unknown-table',
      params: { table: 'x', tables: [] },
      message: 'x is not a table of this workbook; workbook SQL can only read no tables (none are loaded).',
    });
    for (const [sql, code] of [
      ['SELECT 1\u0000', 'nul-character'],
      ["SELECT 'x", 'unclosed-text'],
      ['SELECT "x', 'unclosed-name'],
      ['SELECT 1 /* x', 'unclosed-comment'],
      ['SELECT 1 /* a /* b */ */', 'nested-comment'],
      ["SELECT E'x'", 'escape-string'],
    ])
      expect(refusal(sql).code, sql).toBe(code);
  });
});
