import { unzipSync } from 'fflate';
import readXlsxFile, { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import {
  type ExportTable,
  exportCsv,
  exportFileName,
  exportXlsx,
} from '../../../src/core/export/exportTable';
import { columnName, writeXlsx } from '../../../src/core/export/xlsx';

const day = (iso: string) => Date.parse(`${iso}T00:00:00Z`);

const TABLE: ExportTable = {
  name: 'deals',
  columns: [
    { name: 'id', kind: 'number' },
    { name: 'name', kind: 'text' },
    { name: 'closed', kind: 'date' },
    { name: 'at', kind: 'timestamp' },
    { name: 'won', kind: 'boolean' },
  ],
  rows: [
    [1, 'Acme & Co <b>', day('2024-03-31'), Date.parse('2024-03-31T13:45:10Z'), true],
    [-2.5, '=1+1', null, null, false],
    [1e6, '+SUM(A1)', day('1999-12-31'), null, null],
    [null, '@cmd', null, null, null],
    [3, 'شاخص', null, null, null],
  ],
};

describe('XLSX export', () => {
  it('opens in read-excel-file with numbers, text, dates and booleans as they were', async () => {
    const rows = await readSheet(Buffer.from(exportXlsx(TABLE)));
    expect(rows[0]).toEqual(['id', 'name', 'closed', 'at', 'won']);
    expect(rows[1]).toEqual([
      1,
      'Acme & Co <b>',
      new Date('2024-03-31T00:00:00Z'),
      new Date('2024-03-31T13:45:10Z'),
      true,
    ]);
    expect(rows[2][0]).toBe(-2.5);
    expect(rows[3][0]).toBe(1e6);
    expect(rows[3][2]).toEqual(new Date('1999-12-31T00:00:00Z'));
    expect(rows[5][1]).toBe('شاخص');
  });

  it('keeps formula-like text as text: "=1+1" is the string "=1+1", never a formula', async () => {
    const bytes = exportXlsx(TABLE);
    const rows = await readSheet(Buffer.from(bytes));
    expect(rows[2][1]).toBe('=1+1');
    expect(rows[3][1]).toBe('+SUM(A1)');
    expect(rows[4][1]).toBe('@cmd');
    const sheet = new TextDecoder().decode(unzipSync(bytes)['xl/worksheets/sheet1.xml']);
    expect(sheet).not.toContain('<f>');
  });

  it('names sheets as Excel allows and writes several', async () => {
    const bytes = writeXlsx([
      { name: 'a/b:c*d?[e]', header: ['x'], rows: [[1]] },
      { name: 'a/b:c*d?[e]', header: ['y'], rows: [['t']] },
      { name: 'x'.repeat(40), header: ['z'], rows: [] },
    ]);
    const sheets = await readXlsxFile(Buffer.from(bytes));
    expect(sheets.map((s) => s.sheet)).toEqual(['a b c d  e', 'a b c d  e (2)', 'x'.repeat(31)]);
  });

  it('drops characters XML cannot hold instead of writing a broken file', async () => {
    const bytes = writeXlsx([{ name: 's', header: ['t'], rows: [['a\u0001b\u0007c']] }]);
    expect((await readSheet(Buffer.from(bytes)))[1]).toEqual(['abc']);
  });

  it('letters columns past Z', () => {
    expect([0, 25, 26, 51, 701, 702].map(columnName)).toEqual(['A', 'Z', 'AA', 'AZ', 'ZZ', 'AAA']);
  });
});

describe('grid export to CSV', () => {
  it('writes dates as ISO text and neutralises formula-like text', () => {
    const csv = exportCsv(TABLE, { bom: false });
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('id,name,closed,at,won');
    expect(lines[1]).toBe('1,Acme & Co <b>,2024-03-31,2024-03-31 13:45:10,TRUE');
    expect(lines[2]).toBe("-2.5,'=1+1,,,FALSE");
    expect(lines[3]).toBe("1000000,'+SUM(A1),1999-12-31,,");
    expect(lines[4]).toBe(",'@cmd,,,");
  });

  it('starts with a byte-order mark by default so Excel reads Persian', () => {
    expect(exportCsv(TABLE).startsWith('\uFEFF')).toBe(true);
  });

  it('makes safe file names', () => {
    expect(exportFileName('deals/../x', 'csv')).toBe('deals .. x.csv');
    expect(exportFileName('  ', 'xlsx')).toBe('export.xlsx');
    expect(exportFileName('مشتریان', 'parquet')).toBe('مشتریان.parquet');
  });
});
