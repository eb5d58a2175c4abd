import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { tableToRows } from '../../../src/engine/rows';

/** Real exports' encodings and number formats (issue 13, item 8), on the fixtures in test/fixtures/README.md. */

const fixture = (name: string) =>
  new Uint8Array(readFileSync(new URL(`../../fixtures/${name}`, import.meta.url)));
const utf8 = (s: string) => new TextEncoder().encode(s);

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(() => engine.close());

const rows = async (sql: string) => tableToRows(await engine.query(sql));
const codes = (r: { noteMessages?: { code: string; params: unknown }[] }) =>
  (r.noteMessages ?? []).map(({ code, params }) => ({ code, params }));

describe('a Latin-1 survey export with stray Windows and DOS bytes', () => {
  it('is read as Windows-1252, with the reason and the words that decided it', async () => {
    const r = await importFile(engine, { name: 'latin1-survey.csv', bytes: fixture('latin1-survey.csv') });
    expect(r.encoding).toBe('windows-1252');
    expect(r.options.encoding).toBe('windows-1252');
    expect(r.rows).toBe(5);
    expect(codes(r)).toEqual([
      {
        code: 'encoding-detected',
        params: {
          file: 'latin1-survey.csv',
          encoding: 'windows-1252',
          reason: 'latin-words',
          examples: ['José', 'Martín', 'Málaga'],
        },
      },
    ]);
    expect(r.notes[0]).toBe(
      'latin1-survey.csv was read as Windows-1252 (Western European, Latin-1): it is not UTF-8, and its non-ASCII bytes are accents and marks inside Latin words such as José, Martín, Málaga. Change it under “Read options” if the text looks wrong.',
    );
    const got = await rows(`SELECT name, city, comment FROM latin1_survey ORDER BY respondent_id`);
    expect(got.map((x) => x.name)).toEqual([
      'José Martín',
      'Zoë Müller',
      'Renée Dubois',
      'Ana Peña',
      'Jürgen Groß',
    ]);
    // 0x92 and 0x96 are Windows' typographic marks, not ISO-8859-1 control characters.
    expect(got[1].comment).toBe('don’t know');
    expect(got[2].comment).toBe('fast – friendly');
    // A DOS byte with no Windows-1252 character stays itself rather than stopping the load.
    expect(got[4].city).toBe('Gr\u0081nwald');
    expect(await rows('SELECT sum(nps) AS s, min(answered_at) AS d FROM latin1_survey')).toEqual([
      { s: 40, d: '2024-03-01' },
    ]);
  });

  it('is read as chosen when the user picks another encoding, saying what the bytes suggest', async () => {
    const r = await importFile(
      engine,
      { name: 'latin1-survey.csv', bytes: fixture('latin1-survey.csv') },
      { table: 'survey_1256', options: { encoding: 'windows-1256' } },
    );
    expect(r.encoding).toBe('windows-1256');
    expect(codes(r)).toEqual([
      {
        code: 'encoding-chosen',
        params: { file: 'latin1-survey.csv', encoding: 'windows-1256', detected: 'windows-1252' },
      },
    ]);
  });

  it('leaves a Persian Windows-1256 export detected as before, with its reason', async () => {
    const r = await importFile(engine, { name: 'persian-1256.csv', bytes: fixture('persian-1256.csv') });
    expect(r.encoding).toBe('windows-1256');
    expect(codes(r)).toEqual([
      {
        code: 'encoding-detected',
        params: {
          file: 'persian-1256.csv',
          encoding: 'windows-1256',
          reason: 'arabic-words',
          examples: ['نام', 'شهر', 'مبلغ'],
        },
      },
    ]);
    expect(await rows('SELECT sum("مبلغ") AS s FROM persian_1256')).toEqual([{ s: 2480 }]);
  });

  it('says nothing about the encoding of a UTF-8 file', async () => {
    const r = await importFile(engine, { name: 'plain.csv', bytes: utf8('a,b\nکیان,1\n') });
    expect(r.encoding).toBe('utf-8');
    expect(r.notes).toEqual([]);
  });
});

describe('amounts with a currency', () => {
  it('reads each single-currency column as numbers, the currency on the column, and sums them', async () => {
    const r = await importFile(engine, { name: 'currency.csv', bytes: fixture('currency.csv') });
    const col = (name: string) => r.columns.find((c) => c.name === name);
    expect(r.columns.map((c) => [c.name, c.kind, c.currency])).toEqual([
      ['deal', 'number', undefined],
      ['amount', 'number', '$'],
      ['amount_eur', 'number', '€'],
      ['price_usd', 'number', 'USD'],
      ['amount_rial', 'number', 'ریال'],
      ['balance', 'number', undefined],
      ['mixed', 'text', undefined],
    ]);
    expect(col('amount')?.sqlType).toBe('DOUBLE');
    expect(r.problems.count).toBe(0);
    const [sums] = await rows(
      'SELECT sum(amount) AS usd, sum(amount_eur) AS eur, sum(price_usd) AS codes, sum(amount_rial) AS rial, sum(balance) AS balance FROM currency',
    );
    expect(sums.usd).toBeCloseTo(41701.49, 6);
    expect(sums.eur).toBeCloseTo(3334, 6);
    expect(sums.codes).toBe(2550);
    expect(sums.rial).toBe(317100);
    // Accounting parentheses are negatives: -1234.50 + 250 - 50.25 + 1000.
    expect(sums.balance).toBeCloseTo(-34.75, 6);
    expect(await rows('SELECT amount, amount_eur, mixed FROM currency ORDER BY deal LIMIT 1')).toEqual([
      { amount: 40000, amount_eur: 1234.5, mixed: '$10' },
    ]);
  });

  it('notes each currency read, and keeps a column that mixes currencies as text, saying why', async () => {
    const r = await importFile(engine, { name: 'currency.csv', bytes: fixture('currency.csv') });
    expect(codes(r)).toEqual([
      { code: 'currency-numbers', params: { column: 'amount', currency: '$' } },
      { code: 'currency-numbers', params: { column: 'amount_eur', currency: '€' } },
      { code: 'currency-numbers', params: { column: 'price_usd', currency: 'USD' } },
      { code: 'currency-numbers', params: { column: 'amount_rial', currency: 'ریال' } },
      { code: 'mixed-currencies', params: { column: 'mixed', currencies: ['$', '£', '€'] } },
    ]);
    expect(r.notes[4]).toBe(
      '“mixed” mixes currencies ($, £, €), so it stays text: adding them up would mean nothing.',
    );
  });

  it('reads amounts in JSON the same way', async () => {
    const json = JSON.stringify([{ v: '$1,000' }, { v: '$2,500.50' }, { v: null }]);
    const r = await importFile(engine, { name: 'amounts.json', bytes: utf8(json) });
    expect(r.columns).toEqual([{ name: 'v', kind: 'number', sqlType: 'DOUBLE', currency: '$' }]);
    expect(await rows('SELECT sum(v) AS s FROM amounts')).toEqual([{ s: 3500.5 }]);
  });
});

describe('missing-value words', () => {
  it('are blanks in number and date columns, counted in a note; text columns keep them', async () => {
    const r = await importFile(engine, { name: 'na-blanks.csv', bytes: fixture('na-blanks.csv') });
    expect(r.columns.map((c) => [c.name, c.kind])).toEqual([
      ['id', 'number'],
      ['score', 'number'],
      ['closed', 'date'],
      ['revenue', 'number'],
      ['note', 'text'],
    ]);
    expect(r.problems.count).toBe(0);
    expect(codes(r)).toEqual([
      {
        code: 'read-as-blank',
        params: {
          count: 9,
          tokens: ['#N/A', '-', 'N/A', 'NA', 'NULL', 'null', '—'],
          columns: ['score', 'closed', 'revenue'],
        },
      },
    ]);
    expect(r.notes).toEqual([
      '9 values read as blank (#N/A, -, N/A, NA, NULL, null, —) in “score”, “closed”, “revenue”.',
    ]);
    const [s] = await rows(
      `SELECT sum(score) AS score, count(score) AS scored, count(closed) AS dated, sum(revenue) AS revenue,
              count(*) FILTER (WHERE note IN ('-', 'NA')) AS words FROM na_blanks`,
    );
    expect(s).toEqual({ score: 160, scored: 35, dated: 38, revenue: 8158.5, words: 2 });
  });

  it('leave a value that is not a missing-value word reported as a problem', async () => {
    const r = await importFile(engine, { name: 'mixed-types.csv', bytes: fixture('mixed-types.csv') });
    expect(r.problems.samples.map((p) => [p.row, p.value])).toEqual([
      [7, 'n/a'],
      [31, 'twelve'],
    ]);
    expect(r.notes).toEqual([]);
  });
});

describe('an empty first header', () => {
  it('names R’s row-number column `row`, with a note', async () => {
    const r = await importFile(engine, { name: 'rownames.csv', bytes: fixture('rownames.csv') });
    expect(r.columns.map((c) => [c.name, c.kind])).toEqual([
      ['row', 'number'],
      ['name', 'text'],
      ['amount', 'number'],
    ]);
    expect(codes(r)).toEqual([{ code: 'row-number-column', params: { column: 'row' } }]);
    expect(await rows('SELECT sum("row") AS r, sum(amount) AS a FROM rownames')).toEqual([{ r: 6, a: 2480 }]);
  });

  it('names pandas’ unquoted one too, and keeps a `row` column the file already has', async () => {
    const r = await importFile(engine, { name: 'pandas.csv', bytes: utf8(',row,y\n0,a,4\n1,b,6\n') });
    expect(r.columns.map((c) => c.name)).toEqual(['row_2', 'row', 'y']);
    expect(await rows('SELECT row_2, "row" FROM pandas ORDER BY row_2')).toEqual([
      { row_2: 0, row: 'a' },
      { row_2: 1, row: 'b' },
    ]);
  });
});
