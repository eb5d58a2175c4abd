import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { ImportError } from '../../../src/engine/ingest/types';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { tableToRows } from '../../../src/engine/rows';

const REAL = new URL('../../../../shared/real-data/', import.meta.url);
const utf8 = (s: string) => new TextEncoder().encode(s);

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(() => engine.close());

async function rows(sql: string) {
  return tableToRows(await engine.query(sql));
}

async function importError(name: string, bytes: Uint8Array): Promise<ImportError> {
  const err = await importFile(engine, { name, bytes }).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ImportError);
  return err as ImportError;
}

describe('real exports', () => {
  it('reads the Telco churn file with TotalCharges numeric and its 11 blanks kept', async () => {
    const r = await importFile(engine, {
      name: 'Telco-Customer-Churn.csv',
      bytes: readFileSync(new URL('Telco-Customer-Churn.csv', REAL)),
    });
    expect(r.table).toBe('telco_customer_churn');
    expect(r.rows).toBe(7043);
    expect(r.columns.find((c) => c.name === 'TotalCharges')?.kind).toBe('number');
    expect(r.columns.find((c) => c.name === 'Churn')?.kind).toBe('text');
    expect(r.problems.count).toBe(0);
    const [stats] = await rows(
      `SELECT count(*) FILTER (WHERE "TotalCharges" IS NULL) AS blanks, count(*) FILTER (WHERE "Churn" = 'Yes') AS churned FROM telco_customer_churn`,
    );
    expect(Number(stats.blanks)).toBe(11);
    expect(Number(stats.churned)).toBe(1869);
  });

  it('strips the BOM from the HR file first header and reads CRLF lines', async () => {
    const r = await importFile(engine, {
      name: 'WA_Fn-UseC_-HR-Employee-Attrition.csv',
      bytes: readFileSync(new URL('WA_Fn-UseC_-HR-Employee-Attrition.csv', REAL)),
    });
    expect(r.columns[0]).toEqual({ name: 'Age', kind: 'number', sqlType: 'BIGINT' });
    expect(r.rows).toBe(1470);
    const [s] = await rows(`SELECT count(*) FILTER (WHERE "Attrition" = 'Yes') AS left FROM "${r.table}"`);
    expect(Number(s.left)).toBe(237);
  });
});

describe('types and blanks', () => {
  it('keeps a mostly-numeric column numeric and reports the value that did not fit', async () => {
    const lines = [
      'id,amount',
      ...Array.from({ length: 40 }, (_, i) => `${i + 1},${i === 6 ? 'n/a' : i === 9 ? '' : i * 10}`),
    ];
    const r = await importFile(engine, { name: 'mixed.csv', bytes: utf8(lines.join('\n')) });
    expect(r.columns.map((c) => c.kind)).toEqual(['number', 'number']);
    expect(r.problems).toEqual({
      count: 1,
      samples: [{ column: 'amount', row: 7, value: 'n/a', expected: 'number' }],
    });
    const [s] = await rows('SELECT count(amount) AS n, sum(amount) AS total FROM mixed');
    expect(Number(s.n)).toBe(38);
    expect(s.total).toBe(((39 * 40) / 2) * 10 - 60 - 90);
  });

  it('reads Jalali dates, in ASCII and Persian digits, as DATE', async () => {
    const csv = 'closed,opened,n\n1402/05/12,۱۴۰۲/۰۱/۰۱,۱۲۳\n1403/12/30,۱۴۰۲/۰۱/۰۲,4\n';
    const r = await importFile(engine, { name: 'jalali.csv', bytes: utf8(csv) });
    expect(r.columns.map((c) => c.kind)).toEqual(['date', 'date', 'number']);
    const got = await rows('SELECT closed AS c, opened AS o, n FROM jalali');
    expect(got).toEqual([
      { c: '2023-08-03', o: '2023-03-21', n: 123 },
      { c: '2025-03-20', o: '2023-03-22', n: 4 },
    ]);
  });

  it('reads day-first dates and keeps Yes/No as text', async () => {
    const r = await importFile(engine, {
      name: 'dmy.csv',
      bytes: utf8('d,flag\n31/01/2024,Yes\n01/02/2024,No\n'),
    });
    expect(r.columns.map((c) => c.kind)).toEqual(['date', 'text']);
    const got = await rows('SELECT d FROM dmy ORDER BY d');
    expect(got.map((x) => x.d)).toEqual(['2024-01-31', '2024-02-01']);
  });

  it('types JSON arrays and NDJSON the same way as CSV', async () => {
    const a = await importFile(engine, {
      name: 'deals.json',
      bytes: utf8('[{"id":1,"closed":"2024-01-02","won":true},{"id":2.5,"closed":null,"won":false}]'),
    });
    expect(a.columns.map((c) => `${c.name}:${c.kind}`)).toEqual(['id:number', 'closed:date', 'won:boolean']);
    const b = await importFile(engine, { name: 'events.ndjson', bytes: utf8('{"a":1}\n{"a":2,"b":"x"}\n') });
    expect(b.rows).toBe(2);
    expect(b.columns.map((c) => c.name)).toEqual(['a', 'b']);
  });

  it('makes table names unique and keeps Persian letters', async () => {
    const r1 = await importFile(engine, { name: 'فروش.csv', bytes: utf8('a\n1\n') }, { existing: [] });
    const r2 = await importFile(
      engine,
      { name: 'فروش.csv', bytes: utf8('a\n2\n') },
      { existing: [r1.table] },
    );
    expect(r1.table).toBe('فروش');
    expect(r2.table).toBe('فروش_2');
  });
});

describe('bad input', () => {
  it('names the line of a ragged row and leaves loaded tables alone', async () => {
    await importFile(engine, { name: 'keep.csv', bytes: utf8('x\n1\n2\n') });
    const err = await importError('ragged.csv', utf8('a,b,c\n1,2,3\n4,5,6\n7,8,9,10\n'));
    expect(err.message).toBe('ragged.csv could not be read: line 4 has 4 fields, but the header has 3.');
    expect(err.line).toBe(4);
    const [k] = await rows('SELECT count(*) AS n FROM keep');
    expect(Number(k.n)).toBe(2);
    const tables = await rows(
      "SELECT table_name FROM information_schema.tables WHERE table_name LIKE '\\_\\_%' ESCAPE '\\'",
    );
    expect(tables).toEqual([]);
  });

  it('points at an unclosed quote', async () => {
    const err = await importError('quote.csv', utf8('a,b\n1,x\n2,"open\n3,y\n'));
    expect(err.message).toBe('quote.csv could not be read: a quote opened on line 3 is never closed.');
  });

  it('refuses an empty file and binary garbage with their own messages', async () => {
    expect((await importError('empty.csv', new Uint8Array())).message).toBe(
      'empty.csv is empty: there is nothing to load.',
    );
    const garbage = new Uint8Array(512).map((_, i) => (i * 73 + 11) % 256);
    expect((await importError('garbage.csv', garbage)).message).toMatch(
      /^garbage\.csv does not look like a text file/,
    );
  });

  it('locates a JSON syntax error', async () => {
    const err = await importError('bad.json', utf8('[{"a":1},\n{"a":2,}]'));
    expect(err.message).toMatch(/^bad\.json is not valid JSON at line 2, column 8/);
    expect(err.line).toBe(2);
  });

  it('loads a header-only file as an empty table with a note', async () => {
    const r = await importFile(engine, { name: 'header-only.csv', bytes: utf8('a,b,c\n') });
    expect(r.rows).toBe(0);
    expect(r.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(r.notes).toEqual(['header-only.csv has a header but no rows.']);
  });

  it('re-importing with new parse options replaces only that table', async () => {
    const text = 'a;b\n1,5;2\n3,25;4\n';
    const first = await importFile(engine, { name: 'semi.csv', bytes: utf8(text) });
    expect(first.options.delimiter).toBe(';');
    const again = await importFile(
      engine,
      { name: 'semi.csv', bytes: utf8(text) },
      { table: first.table, options: { ...first.options, decimalComma: true } },
    );
    expect(again.table).toBe('semi');
    const got = await rows('SELECT a, b FROM "semi"');
    expect(got).toEqual([
      { a: 1.5, b: 2 },
      { a: 3.25, b: 4 },
    ]);
    const [k] = await rows('SELECT count(*) AS n FROM keep');
    expect(Number(k.n)).toBe(2);
  });
});

describe('results at the engine boundary', () => {
  it('gives DECIMAL values at their scale, not as unscaled integers', async () => {
    const sql =
      'SELECT 60.0::DECIMAL(18,1) AS d, -1.5::DECIMAL(4,2) AS f, 123456789012.34::DECIMAL(38,2) AS g, sum(x) AS h FROM (VALUES (2::BIGINT), (3)) t(x)';
    expect(await rows(sql)).toEqual([{ d: 60, f: -1.5, g: 123456789012.34, h: 5 }]);
    const { arrowToRows } = await import('../../../src/state/arrowRows');
    expect(arrowToRows(await engine.query(sql)).rows).toEqual([{ d: 60, f: -1.5, g: 123456789012.34, h: 5 }]);
  });
});
