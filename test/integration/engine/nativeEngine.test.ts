import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Table } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Engine, EngineCancelled, EngineTimedOut } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNativeEngine } from '../../../src/engine/nativeEngine';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { tableToRows } from '../../../src/engine/rows';

/**
 * The native engine gives the app what the WASM engine gives it: the same Arrow column
 * types and cells for the same SQL and the same imports, a cancel that really stops the
 * running query, and the same wall around the files it may read.
 */
const FIXTURES = new URL('../../fixtures/', import.meta.url);
const outside = mkdtempSync(join(tmpdir(), 'shakhes-outside-'));
const allowed = mkdtempSync(join(tmpdir(), 'shakhes-allowed-'));
writeFileSync(join(outside, 'secret.csv'), 'a\n1\n');
writeFileSync(join(allowed, 'deals.csv'), 'a\n1\n2\n');

let wasm: Engine;
let native: Engine;
beforeAll(async () => {
  [wasm, native] = await Promise.all([
    createNodeEngine(),
    createNativeEngine({ allowedDirectories: [allowed] }),
  ]);
});
afterAll(async () => {
  await Promise.all([wasm.close(), native.close()]);
  rmSync(outside, { recursive: true, force: true });
  rmSync(allowed, { recursive: true, force: true });
});

const types = (t: Table) =>
  t.schema.fields.map((f) => `${f.name}: ${f.type} (${'bitWidth' in f.type ? f.type.bitWidth : ''})`);

const TYPED = `SELECT true AS b, 1::TINYINT AS i8, 2::SMALLINT AS i16, 3 AS i32, 4::BIGINT AS i64, 5::HUGEINT AS i128,
  6::UTINYINT AS u8, 7::UBIGINT AS u64, 1.5::FLOAT AS f32, 2.5::DOUBLE AS f64, -12.34::DECIMAL(4,2) AS d4,
  12.34::DECIMAL(9,2) AS d9, 123456789012.34::DECIMAL(18,2) AS d18, -123456789012.5::DECIMAL(30,1) AS d30,
  DATE '2024-01-02' AS dt, DATE '1969-12-31' AS before_epoch, TIMESTAMP '2024-01-02 03:04:05.678' AS ts,
  TIMESTAMPTZ '2024-01-02 03:04:05' AS tstz, TIME '01:02:03' AS tm, 'x' AS s, 'سلام' AS fa, 'x'::BLOB AS bl,
  NULL AS n, 1::BIGINT * NULL AS nb, count(*) OVER () AS c, sum(3) OVER () AS sm, avg(2) OVER () AS av`;

describe('the native engine, beside the WASM one', () => {
  it('gives the same Arrow types and cells for every column type the app reads', async () => {
    const [w, n] = await Promise.all([wasm.query(TYPED), native.query(TYPED)]);
    expect(types(n)).toEqual(types(w));
    expect(tableToRows(n)).toEqual(tableToRows(w));
    expect(tableToRows(n, 'epoch')).toEqual(tableToRows(w, 'epoch'));
  });

  it('gives the same types for many rows with blanks, and for an empty result', async () => {
    const sql = `SELECT i, CASE WHEN i % 3 = 0 THEN NULL ELSE i * 1.25 END::DECIMAL(12,2) AS amount,
      CASE WHEN i % 5 = 0 THEN NULL ELSE DATE '2020-01-01' + i::INTEGER END AS day,
      CASE WHEN i % 7 = 0 THEN NULL ELSE 'deal ' || i END AS name, i % 2 = 0 AS even FROM range(5000) t(i)`;
    const [w, n] = await Promise.all([wasm.query(sql), native.query(sql)]);
    expect(types(n)).toEqual(types(w));
    expect(tableToRows(n)).toEqual(tableToRows(w));
    const empty = `${sql} LIMIT 0`;
    expect(types(await native.query(empty))).toEqual(types(await wasm.query(empty)));
  });

  it.each([
    'mixed-types.csv',
    'dates-dmy.csv',
    'decimal-comma.csv',
    'currency.csv',
    'na-blanks.csv',
    'jalali-dates.csv',
    'persian-1256.csv',
    'records.ndjson',
    'array.json',
    'valid.parquet',
    'two-sheets.xlsx',
  ])('imports %s with the same types, blanks and reports', async (name) => {
    const bytes = readFileSync(new URL(name, FIXTURES));
    const [w, n] = await Promise.all([
      importFile(wasm, { name, bytes }),
      importFile(native, { name, bytes }),
    ]);
    expect(n).toEqual(w);
    const sql = `SELECT * FROM "${w.table}"`;
    const [wt, nt] = await Promise.all([wasm.query(sql), native.query(sql)]);
    expect(types(nt)).toEqual(types(wt));
    expect(tableToRows(nt)).toEqual(tableToRows(wt));
  });

  it('tokenizes as DuckDB does', async () => {
    const sql = 'SELECT \'a;b\' AS x, "q" -- note\nFROM t WHERE n >= 1.5';
    expect(await native.tokenize(sql)).toEqual(await wasm.tokenize(sql));
  });

  it('refuses a second statement in a single query', async () => {
    await expect(native.query('SELECT 1; SELECT 2', { single: true })).rejects.toThrow(
      /multiple statements/i,
    );
    expect((await native.query('SELECT 1 AS one', { single: true })).getChild('one')?.get(0)).toBe(1);
  });
});

describe('cancelling on the native engine', () => {
  const HUGE_JOIN = 'SELECT count(*) FROM range(100000000) a, range(100000000) b';
  const answer = async () => (await native.query('SELECT 42 AS x')).getChild('x')?.get(0);

  it('interrupts the running query on cancel(), then answers the next one', async () => {
    const started = Date.now();
    const running = native.query(HUGE_JOIN).catch((e: unknown) => e);
    // One event-loop turn: the queue has handed the query to DuckDB (1e16 rows: it never ends alone).
    await new Promise((resolve) => setImmediate(resolve));
    await native.cancel();
    expect(await running).toBeInstanceOf(EngineCancelled);
    expect(Date.now() - started).toBeLessThan(20_000);
    expect(await answer()).toBe(42);
  });

  it('stops a query at its time limit', async () => {
    const err = await native.query(HUGE_JOIN, { timeLimitMs: 300 }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EngineTimedOut);
    expect(await answer()).toBe(42);
  });
});

describe('the native engine, locked down', () => {
  const failure = async (sql: string) =>
    native.query(sql).then(
      () => null,
      (err: unknown) => (err instanceof Error ? err.message : String(err)).split('\n')[0],
    );

  it('reads a file in an allowed folder by path', async () => {
    const t = await native.query(
      `SELECT sum(a)::INTEGER AS s FROM read_csv('${join(allowed, 'deals.csv')}')`,
    );
    expect(t.getChild('s')?.get(0)).toBe(3);
  });

  it.each([
    (p: string) => `SELECT * FROM read_csv('${p}')`,
    (p: string) => `SELECT * FROM read_text('${p}')`,
    (p: string) => `COPY (SELECT 1) TO '${p}.out'`,
    (p: string) => `ATTACH '${p}.db'`,
  ])('refuses a path outside them (%#)', async (sql) => {
    expect(await failure(sql(join(outside, 'secret.csv')))).toMatch(
      /Permission Error|disabled by configuration/i,
    );
  });

  it('refuses to widen its wall or its memory once locked', async () => {
    const attempts = ['SET enable_external_access = true', "SET allowed_directories = ['/']"];
    attempts.push('SET memory_limit = "100GB"', 'RESET lock_configuration');
    for (const sql of attempts) expect(await failure(sql)).toMatch(/the configuration has been locked/);
  });
});

describe('the native engine, sized', () => {
  it('sets memory_limit, threads and the spill folder before the lock', async () => {
    const spill = mkdtempSync(join(tmpdir(), 'shakhes-spill-'));
    const sized = await createNativeEngine({
      allowedDirectories: [],
      memoryLimit: '1GB',
      threads: 1,
      tempDirectory: spill,
    });
    try {
      const rows = tableToRows(
        await sized.query(
          "SELECT current_setting('memory_limit') AS m, current_setting('threads')::INTEGER AS t, current_setting('temp_directory') AS d",
        ),
      );
      expect(rows).toEqual([{ m: '953.6 MiB', t: 1, d: spill }]);
    } finally {
      await sized.close();
      rmSync(spill, { recursive: true, force: true });
    }
  });
});
