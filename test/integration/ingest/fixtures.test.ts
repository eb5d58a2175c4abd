import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importMessage } from '../../../src/core/ingest/messages';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { ImportError } from '../../../src/engine/ingest/types';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { tableToRows } from '../../../src/engine/rows';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url));

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
  // A table loaded before every bad file: each refusal must leave it as it was.
  await importFile(engine, { name: 'kept.csv', bytes: new TextEncoder().encode('k\n1\n2\n3\n') });
});
afterAll(() => engine.close());

const rows = async (sql: string) => tableToRows(await engine.query(sql));
const keptIsIntact = async () =>
  expect(await rows('SELECT sum(k) AS s, count(*) AS n FROM kept')).toEqual([{ s: 6, n: 3 }]);

/** Every refused fixture, with the message the user sees and the line it points at. */
const REFUSED: Array<[file: string, message: string | RegExp, line?: number]> = [
  ['empty.csv', 'empty.csv is empty: there is nothing to load.'],
  ['ragged.csv', 'ragged.csv could not be read: line 4 has 5 fields, but the header has 3.', 4],
  [
    'unbalanced-quote.csv',
    'unbalanced-quote.csv could not be read: a quote opened on line 3 is never closed.',
    3,
  ],
  [
    'garbage.csv',
    'garbage.csv does not look like a text file: it contains binary data. Is it really a CSV file?',
  ],
  ['invalid.json', /^invalid\.json is not valid JSON at line 3, column 28: /, 3],
  [
    'truncated.parquet',
    /^truncated\.parquet is not a readable Parquet file \(it may be truncated or corrupt\)/,
  ],
];

describe('refused fixtures', () => {
  it.each(REFUSED)('%s is refused with its own message', async (file, message, line) => {
    const err = await importFile(engine, { name: file, bytes: fixture(file) }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    const e = err as ImportError;
    if (typeof message === 'string') expect(e.message).toBe(message);
    else expect(e.message).toMatch(message);
    expect(e.file).toBe(file);
    expect(e.line).toBe(line);
    // The same problem by code and parameters, from which the page writes it in its language.
    expect(e.problem?.params).toMatchObject({ file });
    expect(importMessage(e.problem!.code, e.problem!.params as never).message).toBe(e.message);
    await keptIsIntact();
  });

  it('gives each problem its code and parameters (line numbers, counts) next to the English', async () => {
    const problemOf = async (file: string) =>
      (
        (await importFile(engine, { name: file, bytes: fixture(file) }).catch(
          (e: unknown) => e,
        )) as ImportError
      ).problem;
    expect(await problemOf('ragged.csv')).toEqual({
      code: 'ragged-row',
      params: { file: 'ragged.csv', line: 4, fields: 5, expected: 3 },
    });
    expect(await problemOf('unbalanced-quote.csv')).toEqual({
      code: 'unclosed-quote',
      params: { file: 'unbalanced-quote.csv', line: 3 },
    });
    expect(await problemOf('empty.csv')).toEqual({ code: 'empty-file', params: { file: 'empty.csv' } });
    expect(await problemOf('garbage.csv')).toEqual({
      code: 'not-text',
      params: { file: 'garbage.csv', format: 'CSV' },
    });
    expect(await problemOf('invalid.json')).toMatchObject({
      code: 'invalid-json',
      params: { file: 'invalid.json', line: 3, column: 28 },
    });
    expect((await problemOf('truncated.parquet'))?.code).toBe('unreadable-parquet');
  });
});

describe('loaded fixtures', () => {
  it('header only: an empty table with its columns and a note', async () => {
    const r = await importFile(engine, { name: 'header-only.csv', bytes: fixture('header-only.csv') });
    expect([r.rows, r.columns.map((c) => c.name), r.notes]).toEqual([
      0,
      ['id', 'name', 'amount'],
      ['header-only.csv has a header but no rows.'],
    ]);
  });

  it('mixed types: numeric column, two values reported by row, blanks kept blank', async () => {
    const r = await importFile(engine, { name: 'mixed-types.csv', bytes: fixture('mixed-types.csv') });
    expect(r.columns.find((c) => c.name === 'amount')?.kind).toBe('number');
    expect(r.problems).toEqual({
      count: 2,
      samples: [
        { column: 'amount', row: 7, value: 'n/a', expected: 'number' },
        { column: 'amount', row: 31, value: 'twelve', expected: 'number' },
      ],
    });
    expect(await rows('SELECT count(*) - count(amount) AS blank FROM mixed_types')).toEqual([{ blank: 5 }]);
  });

  it('UTF-8 BOM stripped from the first header', async () => {
    const r = await importFile(engine, { name: 'bom-utf8.csv', bytes: fixture('bom-utf8.csv') });
    expect(r.columns[0].name).toBe('Age');
  });

  it('UTF-16 with BOM and Windows-1256 Persian text are transcoded', async () => {
    const u16 = await importFile(engine, { name: 'utf16le-bom.csv', bytes: fixture('utf16le-bom.csv') });
    expect(u16.encoding).toBe('utf-16le');
    expect(await rows(`SELECT * FROM "${u16.table}"`)).toEqual([
      { id: 1, نام: 'کیان', amount: 1200 },
      { id: 2, نام: 'سارا', amount: 850 },
    ]);
    const w = await importFile(engine, { name: 'persian-1256.csv', bytes: fixture('persian-1256.csv') });
    expect(w.encoding).toBe('windows-1256');
    expect(w.columns.map((c) => `${c.name}:${c.kind}`)).toEqual(['نام:text', 'شهر:text', 'مبلغ:number']);
    expect(await rows(`SELECT "شهر" AS city, "مبلغ" AS amount FROM "${w.table}" ORDER BY 2`)).toEqual([
      { city: 'کرمان', amount: 430 },
      { city: 'يزد', amount: 850 },
      { city: 'تهران', amount: 1200 },
    ]);
  });

  it('Jalali text dates, ASCII and Persian digits, become DATE', async () => {
    await importFile(engine, { name: 'jalali-dates.csv', bytes: fixture('jalali-dates.csv') });
    expect(await rows('SELECT signup, closed FROM jalali_dates')).toEqual([
      { signup: '2023-08-03', closed: '2023-03-21' },
      { signup: '2025-03-20', closed: '2025-03-20' },
      { signup: '2022-03-21', closed: '2022-10-07' },
      { signup: null, closed: '2024-01-25' },
    ]);
  });

  it('day-first and month-first dates are told apart by their values', async () => {
    await importFile(engine, { name: 'dates-dmy.csv', bytes: fixture('dates-dmy.csv') });
    await importFile(engine, { name: 'dates-mdy.csv', bytes: fixture('dates-mdy.csv') });
    expect((await rows('SELECT closed FROM dates_dmy')).map((r) => r.closed)).toEqual([
      '2023-03-15',
      '2023-02-01',
      '2023-12-31',
      '2024-06-05',
    ]);
    expect((await rows('SELECT closed FROM dates_mdy LIMIT 2')).map((r) => r.closed)).toEqual([
      '2023-03-15',
      '2023-01-02',
    ]);
  });

  it('decimal comma and percent are read as numbers', async () => {
    await importFile(engine, { name: 'decimal-comma.csv', bytes: fixture('decimal-comma.csv') });
    expect(await rows('SELECT amount, rate FROM decimal_comma')).toEqual([
      { amount: 1234.5, rate: 0.125 },
      { amount: 850.25, rate: 0.07 },
      { amount: -3.5, rate: 0 },
    ]);
  });

  it('XLSX: the title row above the header is skipped and both sheets are offered', async () => {
    const r = await importFile(engine, { name: 'two-sheets.xlsx', bytes: fixture('two-sheets.xlsx') });
    expect(r.sheets).toEqual(['Deals', 'Targets']);
    expect(r.notes).toEqual(['Skipped 1 title row above the header in sheet “Deals”.']);
    expect(r.noteMessages?.map(({ code, params }) => ({ code, params }))).toEqual([
      { code: 'title-rows-skipped', params: { count: 1, sheet: 'Deals' } },
    ]);
    expect(r.columns.map((c) => `${c.name}:${c.kind}`)).toEqual([
      'Deal:number',
      'Stage:text',
      'Amount:number',
      'Close date:date',
    ]);
    const t = await importFile(
      engine,
      { name: 'two-sheets.xlsx', bytes: fixture('two-sheets.xlsx') },
      { table: 'targets', options: { sheet: 'Targets' } },
    );
    expect(t.options.sheet).toBe('Targets');
    expect(t.table).toBe('targets');
  });

  it('Parquet, JSON array and NDJSON load with their types', async () => {
    const p = await importFile(engine, { name: 'valid.parquet', bytes: fixture('valid.parquet') });
    expect([p.rows, p.columns.map((c) => c.kind)]).toEqual([5, ['number', 'text', 'number']]);
    const j = await importFile(engine, { name: 'array.json', bytes: fixture('array.json') });
    expect(j.columns.find((c) => c.name === 'closed')?.kind).toBe('date');
    const n = await importFile(engine, { name: 'records.ndjson', bytes: fixture('records.ndjson') });
    expect(n.columns.find((c) => c.name === 'at')?.kind).toBe('timestamp');
  });

  it('a pasted table keeps a quoted cell with a line break', async () => {
    const r = await importFile(engine, {
      name: 'pasted.tsv',
      bytes: fixture('pasted.tsv'),
      format: 'pasted',
    });
    expect(await rows(`SELECT "Followers", "Note" FROM "${r.table}" WHERE "Followers" = 1350`)).toEqual([
      { Followers: 1350, Note: 'two\r\nlines' },
    ]);
  });

  it('a 1M-row CSV loads completely', async () => {
    const lines = ['deal_id,created_at,amount'];
    for (let i = 0; i < 1_000_000; i++)
      lines.push(`${i},2024-${String((i % 12) + 1).padStart(2, '0')}-15,${i % 1000}`);
    const r = await importFile(engine, {
      name: 'million.csv',
      bytes: new TextEncoder().encode(lines.join('\n')),
    });
    expect(r.rows).toBe(1_000_000);
    expect(r.columns.map((c) => c.kind)).toEqual(['number', 'date', 'number']);
    expect(await rows('SELECT sum(amount) AS s FROM million')).toEqual([{ s: 499_500_000 }]);
    await keptIsIntact();
  });
});
