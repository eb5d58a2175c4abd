import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { emptyDocument } from '../../../src/core/model/document';
import type { Dataset } from '../../../src/core/model/documentSchema';
import { openZip, ZIP_LIMITS } from '../../../src/workbook/safeZip';
import { WorkbookError } from '../../../src/workbook/workbookError';
import { readWorkbook, writeWorkbook } from '../../../src/workbook/workbookFile';

const dataset = (id: string): Dataset => ({
  id,
  table: id,
  sourceName: `${id}.csv`,
  format: 'csv',
  options: { delimiter: ',' },
  columns: [{ name: 'n', kind: 'number', sqlType: 'DOUBLE' }],
  rows: 2,
  embedded: false,
});
// Not real Parquet, but with its magic at both ends: the reader only checks that much.
const parquetLike = (fill: number) =>
  new Uint8Array([0x50, 0x41, 0x52, 0x31, fill, fill, 0x50, 0x41, 0x52, 0x31]);
const doc = { ...emptyDocument('Two tables'), datasets: [dataset('deals'), dataset('orders')] };

describe('writeWorkbook / readWorkbook', () => {
  it('writes workbook.json, a README and the embedded data, and reads them back', () => {
    const bytes = writeWorkbook(doc, new Map([['orders', parquetLike(7)]]));
    const entries = unzipSync(bytes);
    expect(Object.keys(entries).sort()).toEqual(['README.txt', 'data/orders.parquet', 'workbook.json']);
    expect(strFromU8(entries['README.txt'])).toMatch(/^This is a Shakhes workbook/);

    const opened = readWorkbook(bytes);
    expect(opened.doc.datasets.map((d) => [d.id, d.embedded])).toEqual([
      ['deals', false],
      ['orders', true],
    ]);
    expect(opened.doc).toEqual({
      ...doc,
      datasets: [dataset('deals'), { ...dataset('orders'), embedded: true }],
    });
    expect([...opened.data]).toEqual([['orders', parquetLike(7)]]);
  });

  it('gives the same bytes for the same workbook', () => {
    expect(writeWorkbook(doc, new Map())).toEqual(writeWorkbook(doc, new Map()));
  });

  it('will not embed data for a dataset the document lacks, or save an invalid document', () => {
    expect(() => writeWorkbook(doc, new Map([['nope', parquetLike(1)]]))).toThrow(
      'No dataset "nope" to embed data for.',
    );
    const bad = { ...doc, settings: { ...doc.settings, currency: 'usd' } };
    expect(() => writeWorkbook(bad, new Map())).toThrow(
      'The workbook cannot be saved: expected a three-letter currency code such as USD.',
    );
  });

  it('refuses embedded data that is not Parquet', () => {
    const bytes = writeWorkbook(doc, new Map([['deals', new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8, 9])]]));
    expect(() => readWorkbook(bytes)).toThrow(
      new WorkbookError('corrupt', 'The data of "deals.csv" (data/deals.parquet) is not a Parquet file.'),
    );
  });
});

describe('openZip limits', () => {
  const zip = writeWorkbook(doc, new Map([['deals', parquetLike(0)]]));

  it('counts entries and declared sizes against the limits it is given', () => {
    expect(openZip(zip).names().sort()).toEqual(['README.txt', 'data/deals.parquet', 'workbook.json']);
    expect(() => openZip(zip, { ...ZIP_LIMITS, maxEntries: 2 })).toThrow(
      /holds 3 entries; a Shakhes workbook holds at most 2/,
    );
    expect(() => openZip(zip, { ...ZIP_LIMITS, maxTotalBytes: 100 })).toThrow(
      /more than the 100 bytes a workbook may hold/,
    );
    // With the ratio check on every entry, the deflated JSON (over 2:1) is taken for a bomb.
    expect(() => openZip(zip, { ...ZIP_LIMITS, maxRatio: 2, ratioAppliesAbove: 0 })).toThrow(
      /"workbook.json" claims to unpack/,
    );
  });
});
