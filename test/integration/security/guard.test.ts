import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { guardWorkbookSql } from '../../../src/engine/workbookSql';
import { lockedWorkbookEngine } from './lockedEngine';

/** The guard's verdicts on DuckDB's own reading of the SQL, on the locked engine. */
let engine: Engine;
beforeAll(async () => {
  engine = await lockedWorkbookEngine();
});
afterAll(() => engine.close());

const TABLES = ['deals', 'customers'];
const check = (sql: string, tables = TABLES) => guardWorkbookSql(engine, sql, tables);
const refusal = async (sql: string, tables = TABLES) => {
  const r = await check(sql, tables);
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
  ])('%s', async (_, sql) => {
    expect(await check(sql)).toEqual({ ok: true });
  });
});

describe('refusals', () => {
  it.each(
    'INSTALL LOAD ATTACH DETACH COPY EXPORT IMPORT SET RESET PRAGMA CALL CREATE DROP INSERT UPDATE DELETE ALTER'.split(
      ' ',
    ),
  )('refuses %s anywhere', async (kw) => {
    const r = await refusal(`SELECT * FROM deals WHERE x IN (SELECT 1) ${kw.toLowerCase()} foo`);
    expect(r.reason).toBe('forbidden-keyword');
    expect(r.params).toEqual({ keyword: kw, text: kw.toLowerCase() });
    expect(r.message).toBe(
      `Workbook SQL may only read data: ${kw} is not allowed. (If "${kw.toLowerCase()}" is a column name, write it in double quotes.)`,
    );
  });

  it('refuses ATTACH at the start, before anything else', async () => {
    expect((await refusal("ATTACH 'https://evil.example/db.duckdb' AS evil")).message).toMatch(
      /^Workbook SQL may only read data: ATTACH is not allowed/,
    );
  });
  it('refuses COPY ... TO', async () => {
    expect((await refusal("COPY deals TO '/tmp/x.csv'")).reason).toBe('forbidden-keyword');
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
  ])('refuses %s()', async (fn, sql) => {
    const r = await refusal(sql);
    expect(r.reason).toBe('forbidden-function');
    expect(r.params).toEqual({ name: fn });
    expect(r.message).toBe(
      `Workbook SQL cannot call ${fn}(): it reads files, URLs or engine settings outside the workbook.`,
    );
  });

  it('refuses a file reader hidden in a subquery, quoted, qualified or behind a comment', async () => {
    for (const sql of [
      "SELECT * FROM deals WHERE id IN (SELECT id FROM read_csv('x.csv'))",
      `SELECT * FROM "READ_CSV"('x.csv')`,
      "SELECT * FROM main.read_csv('x.csv')",
      "SELECT * FROM read_csv/* hi */('x.csv')",
      "SELECT * FROM READ_CSV\n('x.csv')",
    ])
      expect((await refusal(sql)).reason).toBe('forbidden-function');
  });

  it.each([
    ['FROM', "SELECT * FROM 'secrets.csv'"],
    ['JOIN', "SELECT * FROM deals JOIN 'https://evil.example/x.parquet' ON true"],
    ['a comma', "SELECT * FROM deals, 'x.csv'"],
    ['FROM-first in a subquery', "SELECT * FROM deals WHERE EXISTS (FROM 'x.csv')"],
  ])('refuses a quoted file name after %s', async (_, sql) => {
    const r = await refusal(sql);
    expect(r.reason).toBe('file-as-table');
    expect(r.message).toMatch(
      /^Workbook SQL cannot read .+ as a table: only the workbook's own tables can be queried\.$/,
    );
  });

  it('refuses a dollar-quoted file name: DuckDB names the file it was asked to open', async () => {
    expect(await refusal('SELECT * FROM $$x.csv$$')).toMatchObject({
      reason: 'outside-access',
      code: 'file-access',
      params: { path: 'x.csv' },
      message:
        "Workbook SQL cannot open x.csv: only the workbook's own tables can be queried, never files or URLs.",
    });
  });

  it('refuses tables that are not the workbook’s, and names the ones it may read', async () => {
    expect(await refusal('SELECT * FROM secrets')).toEqual({
      ok: false,
      reason: 'unknown-table',
      code: 'unknown-table',
      params: { table: 'secrets', tables: ['deals', 'customers'] },
      message: 'secrets is not a table of this workbook; workbook SQL can only read deals, customers.',
    });
    expect((await refusal('SELECT * FROM (deals JOIN secrets ON true)')).code).toBe('unknown-table');
    expect((await refusal('SELECT * FROM other_db.main.deals')).message).toMatch(/other_db/);
    // A table that exists but is not the workbook's to read: DuckDB's plan names it.
    await engine.query('CREATE TABLE IF NOT EXISTS _internal AS SELECT 1 AS x');
    expect((await refusal('SELECT * FROM _internal')).params).toEqual({
      table: '_internal',
      tables: ['deals', 'customers'],
    });
    // The catalog's own views are table functions underneath.
    expect(await refusal('SELECT * FROM information_schema.tables')).toMatchObject({
      code: 'table-function',
      params: { name: 'duckdb_tables' },
    });
  });

  it('reads through the workbook’s views, whose tables DuckDB’s plan names instead', async () => {
    expect(await check('SELECT * FROM won', ['won'])).toEqual({ ok: true });
    expect(await check('SELECT w.amount, c.segment FROM won w, customers c', ['won', 'customers'])).toEqual({
      ok: true,
    });
  });

  it('refuses several statements, as DuckDB’s own tokenizer splits them', async () => {
    expect(await refusal('SELECT 1 FROM deals; SELECT 2 FROM deals')).toEqual({
      ok: false,
      reason: 'multiple-statements',
      code: 'multiple-statements',
      params: { count: 2 },
      message: 'Workbook SQL must be a single statement; this has 2.',
    });
    expect((await refusal("SELECT '--' FROM deals; DROP TABLE deals")).reason).toBe('multiple-statements');
    expect((await refusal('SELECT $×$;$×$ ; DROP TABLE deals')).params).toEqual({ count: 2 });
    expect((await refusal('SELECT 1 --x\r; DROP TABLE deals')).params).toEqual({ count: 2 });
  });

  it('refuses anything but SELECT or WITH, and statements that read the catalog', async () => {
    expect(await refusal('VALUES (1)')).toEqual({
      ok: false,
      reason: 'not-a-query',
      code: 'not-a-query',
      params: { word: 'VALUES' },
      message: 'Workbook SQL must be one query starting with SELECT or WITH, not "VALUES".',
    });
    expect(await refusal('DESCRIBE deals')).toMatchObject({
      code: 'forbidden-keyword',
      params: { keyword: 'DESCRIBE' },
    });
    expect((await refusal('SUMMARIZE deals')).reason).toBe('forbidden-keyword');
  });

  it('refuses empty SQL and a NUL; leaves what DuckDB cannot read to DuckDB’s own located error', async () => {
    expect(await refusal('  -- nothing\n')).toEqual({
      ok: false,
      reason: 'empty',
      code: 'empty',
      params: {},
      message: 'Workbook SQL is empty.',
    });
    expect((await refusal('SELECT 1\u0000')).code).toBe('nul-character');
    // Not a way out: the cell's own CREATE VIEW then fails with DuckDB's message and position.
    for (const sql of ["SELECT 'unclosed FROM deals", 'SELECT "unclosed FROM deals', 'SELECT 1 /* open'])
      expect(await check(sql), sql).toEqual({ ok: true });
  });

  it('names what it refused in the parameters, from which the English is written', async () => {
    expect(await refusal("SELECT * FROM deals, 'x.csv'")).toMatchObject({
      reason: 'file-as-table',
      code: 'file-as-table',
      params: { text: "'x.csv'" },
    });
    expect(await refusal("SELECT * FROM main.unnest2('x')")).toEqual({
      ok: false,
      reason: 'forbidden-function',
      code: 'table-function',
      params: { name: 'unnest2' },
      message: "Workbook SQL cannot read from unnest2(): only the workbook's own tables can be queried.",
    });
    expect(await check('SELECT * FROM x', [])).toMatchObject({
      code: 'unknown-table',
      params: { table: 'x', tables: [] },
      message: 'x is not a table of this workbook; workbook SQL can only read no tables (none are loaded).',
    });
  });
});
