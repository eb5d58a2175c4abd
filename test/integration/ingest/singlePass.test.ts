import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../../src/engine/engine';
import { importFile } from '../../../src/engine/ingest/importFile';
import { sampleVerdict } from '../../../src/engine/ingest/sampleKinds';
import { ImportError } from '../../../src/engine/ingest/types';
import { planBySql } from '../../../src/engine/ingest/typingPlan';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { tableToRows } from '../../../src/engine/rows';

/**
 * The CSV importer decides types on the first rows and reads the file once, typed.
 * These files put the trouble after everything it samples (DuckDB's 20,480-row sniff
 * and the 5,000-row typing sample), where only the single read itself sees it.
 */
const utf8 = (s: string) => new TextEncoder().encode(s);
const LATE = 30_000;

let engine: Engine;
beforeAll(async () => {
  engine = await createNodeEngine();
});
afterAll(() => engine.close());

const rows = async (sql: string) => tableToRows(await engine.query(sql));

describe('values that only turn up after the sample', () => {
  it('keep each column typed, and are blanked and reported by row', async () => {
    const lines = ['id,amount,closed,won'];
    for (let i = 1; i <= LATE; i++) {
      const amount = i === 25_001 ? 'n/a' : String(i % 100);
      const closed =
        i === 26_000
          ? 'soon'
          : i === 27_000
            ? '۲۰۲۴-۰۱-۰۲'
            : i === 28_000
              ? '2024-03-04 10:00:00'
              : i % 10 === 0
                ? ''
                : `2024-05-${String((i % 28) + 1).padStart(2, '0')}`;
      const won = i === 29_000 ? 'maybe' : i === 29_500 ? ' TRUE ' : i % 2 ? 'true' : 'false';
      lines.push(`${i},${amount},${closed},${won}`);
    }
    const r = await importFile(engine, { name: 'late.csv', bytes: utf8(lines.join('\n')) });
    expect(r.rows).toBe(LATE);
    expect(r.columns.map((c) => `${c.name}:${c.kind}`)).toEqual([
      'id:number',
      'amount:number',
      'closed:date',
      'won:boolean',
    ]);
    expect(r.problems).toEqual({
      count: 3,
      samples: [
        { column: 'amount', row: 25_001, value: 'n/a', expected: 'number' },
        { column: 'closed', row: 26_000, value: 'soon', expected: 'date' },
        { column: 'won', row: 29_000, value: 'maybe', expected: 'boolean' },
      ],
    });
    const got = await rows(
      'SELECT id, amount, closed, won FROM late WHERE id IN (1, 25001, 27000, 28000, 29500) ORDER BY id',
    );
    expect(got).toEqual([
      { id: 1, amount: 1, closed: '2024-05-02', won: true },
      { id: 25001, amount: null, closed: '2024-05-26', won: true },
      { id: 27000, amount: 0, closed: '2024-01-02', won: false },
      { id: 28000, amount: 0, closed: '2024-03-04', won: false },
      { id: 29500, amount: 0, closed: null, won: true },
    ]);
    const [order] = await rows('SELECT count(*) FILTER (WHERE id <> rowid + 1) AS moved FROM late');
    expect(order.moved).toBe(0);
    const [blanks] = await rows('SELECT count(*) - count(closed) AS n FROM late');
    // Every tenth is blank, less the three special rows among them, plus the one misfit.
    expect(blanks.n).toBe(LATE / 10 - 3 + 1);
  });

  it('grouped numbers and Jalali dates are typed, and a late misfit in each is reported', async () => {
    const lines = ['amount,signed'];
    for (let i = 1; i <= 12_000; i++) {
      const amount = i === 11_000 ? 'twelve' : (1000 + i).toLocaleString('en-US');
      const signed =
        i === 11_500 ? '1402/13/40' : `14${String(2 + (i % 2)).padStart(2, '0')}/0${(i % 9) + 1}/1${i % 10}`;
      lines.push(`"${amount}",${signed}`);
    }
    const r = await importFile(engine, { name: 'grouped.csv', bytes: utf8(lines.join('\n')) });
    expect(r.columns.map((c) => c.kind)).toEqual(['number', 'date']);
    expect(r.problems).toEqual({
      count: 2,
      samples: [
        { column: 'amount', row: 11_000, value: 'twelve', expected: 'number' },
        { column: 'signed', row: 11_500, value: '1402/13/40', expected: 'date' },
      ],
    });
    // Row 1 is 1,001 and 1403/02/11; row 10,000 is 11,000 and 1402/02/10.
    expect(await rows('SELECT amount, signed FROM grouped WHERE rowid IN (0, 9999) ORDER BY rowid')).toEqual([
      { amount: 1001, signed: '2024-04-30' },
      { amount: 11000, signed: '2023-04-30' },
    ]);
  });

  it('a ragged line after the sample is still located', async () => {
    const lines = ['a,b,c', ...Array.from({ length: LATE }, (_, i) => `${i},x,y`), '1,2,3,4'];
    const err = await importFile(engine, { name: 'late-ragged.csv', bytes: utf8(lines.join('\n')) }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ImportError);
    expect((err as ImportError).message).toBe(
      `late-ragged.csv could not be read: line ${LATE + 2} has 4 fields, but the header has 3.`,
    );
  });

  it('JSON: a misfit after the typing sample is reported at its row', async () => {
    const records = Array.from({ length: 6_000 }, (_, i) => ({ n: i === 5_500 ? 'n/a' : String(i) }));
    const r = await importFile(engine, { name: 'late.json', bytes: utf8(JSON.stringify(records)) });
    expect(r.columns.map((c) => c.kind)).toEqual(['number']);
    expect(r.problems).toEqual({
      count: 1,
      samples: [{ column: 'n', row: 5_501, value: 'n/a', expected: 'number' }],
    });
  });
});

describe('the JS reading of a sample', () => {
  /** Columns whose sample JS settles; each must get the type the SQL rules give it. */
  const COLUMNS: Record<string, (string | null)[]> = {
    words: ['Closed Won', 'Closed Lost', null, 'Referral', 'تهران'],
    flags: ['true', 'False', 'TRUE', null, 'false'],
    flagsAndWords: ['true', 'false', 'maybe', 'true', 'false'],
    isoDates: ['2024-01-31', '2023-02-28', null, '2024-02-29', '1999-12-31'],
    timestamps: ['2024-01-31 10:00:00', '2023-02-28 23:59:59', null, '2024-02-29 00:00:00', '2024-01-31'],
    empty: [null, null, null, '', ' '],
  };

  it('decides every column as the SQL statistics do', async () => {
    const names = Object.keys(COLUMNS);
    const n = COLUMNS.words.length;
    const values = Array.from(
      { length: n },
      (_, i) => `(${names.map((c) => (COLUMNS[c][i] === null ? 'NULL' : `'${COLUMNS[c][i]}'`)).join(', ')})`,
    );
    await engine.query(
      `CREATE OR REPLACE TABLE js_sample AS SELECT * FROM (VALUES ${values.join(', ')}) AS t(${names.join(', ')})`,
    );
    const sql = await planBySql(engine, 'js_sample', names, {});
    expect(sql.mappings).toEqual([]);
    for (const c of names) {
      const verdict = sampleVerdict(COLUMNS[c]);
      expect(verdict, c).toBeDefined();
      expect(verdict?.kind, c).toBe(sql.conversions.get(c)?.kind ?? 'text');
    }
  });
});
