import { describe, expect, it } from 'vitest';
import { generateCrm } from '../../../samples/generator/crm';
import { csvChunks, csvLine, toCsv } from '../../../samples/generator/csv';
import { createRandom } from '../../../samples/generator/random';
import type { GeneratedTable } from '../../../samples/generator/table';
import { CANONICAL_TABLE_NAMES, requiredColumns } from '../../../src/core/model/canonical';

/** The generator in memory, on small scales: no files, no engine. */

function count(table: GeneratedTable): number {
  let n = 0;
  for (const _ of table.rows()) n++;
  return n;
}

describe('CSV writing', () => {
  it('quotes only fields that need it, doubling quotes, blanks for null, CRLF line ends', () => {
    expect(csvLine(['a', 3.5, true, null, 'x,y', 'say "hi"', 'two\nlines', false, 0])).toBe(
      'a,3.5,true,,"x,y","say ""hi""","two\nlines",false,0\r\n',
    );
  });

  it('streams in chunks that join to the whole file, header first', () => {
    const table: GeneratedTable = {
      name: 'expenses',
      columns: ['date', 'amount', 'category'],
      *rows() {
        for (let i = 0; i < 50; i++) yield ['2024-01-31', i, 'Office'];
      },
    };
    const chunks = [...csvChunks(table, 100)];
    expect(chunks.length).toBeGreaterThan(5);
    const text = chunks.join('');
    expect(text).toBe(toCsv(table));
    expect(text.startsWith('date,amount,category\r\n2024-01-31,0,Office\r\n')).toBe(true);
    expect(text.split('\r\n')).toHaveLength(52);
  });
});

describe('seeded randomness', () => {
  it('repeats a stream for the same seed and name, and differs across names', () => {
    const draw = (seed: number, name: string) => {
      const r = createRandom(seed, name);
      return Array.from({ length: 5 }, () => r.next());
    };
    expect(draw(1, 'deals')).toEqual(draw(1, 'deals'));
    expect(draw(1, 'deals')).not.toEqual(draw(1, 'orders'));
    expect(draw(1, 'deals')).not.toEqual(draw(2, 'deals'));
  });

  it('draws Poisson counts with the asked mean', () => {
    const r = createRandom(3, 'poisson');
    for (const lambda of [0.5, 4, 80]) {
      let sum = 0;
      for (let i = 0; i < 20_000; i++) sum += r.poisson(lambda);
      expect(sum / 20_000).toBeCloseTo(lambda, lambda < 10 ? 1 : 0);
    }
  });
});

describe('generateCrm', () => {
  it('gives identical bytes for every table when run twice with one seed', () => {
    const a = generateCrm({ seed: 7, scale: 0.05 });
    const b = generateCrm({ seed: 7, scale: 0.05 });
    for (const name of CANONICAL_TABLE_NAMES) expect(toCsv(a[name]) === toCsv(b[name]), name).toBe(true);
    // Iterating one table again (or another table first) changes nothing.
    expect(toCsv(a.deals)).toBe(toCsv(b.deals));
  });

  it('gives different data for another seed', () => {
    const a = generateCrm({ seed: 7, scale: 0.05 });
    const b = generateCrm({ seed: 8, scale: 0.05 });
    expect(toCsv(a.deals)).not.toBe(toCsv(b.deals));
  });

  it('names every table for its canonical table and includes every required column', () => {
    const crm = generateCrm({ scale: 0.02 });
    for (const name of CANONICAL_TABLE_NAMES) {
      expect(crm[name].name).toBe(name);
      for (const column of requiredColumns(name)) expect(crm[name].columns).toContain(column.name);
      for (const row of crm[name].rows()) {
        expect(row).toHaveLength(crm[name].columns.length);
        break;
      }
    }
  });

  it('scales the event tables and leaves staff and daily tables alone', () => {
    const small = generateCrm({ seed: 11, scale: 0.1 });
    const large = generateCrm({ seed: 11, scale: 0.4 });
    for (const name of ['customers', 'leads', 'deals', 'orders', 'tickets', 'surveys'] as const) {
      const ratio = count(large[name]) / count(small[name]);
      expect(ratio, name).toBeGreaterThan(3.2);
      expect(ratio, name).toBeLessThan(4.8);
    }
    for (const name of ['social', 'web', 'employees', 'attendance', 'expenses'] as const) {
      expect(count(large[name]), name).toBe(count(small[name]));
    }
  });

  it('refuses a scale that is not a positive number', () => {
    expect(() => generateCrm({ scale: 0 })).toThrow(/positive/);
    expect(() => generateCrm({ scale: Number.NaN })).toThrow(/positive/);
  });
});
