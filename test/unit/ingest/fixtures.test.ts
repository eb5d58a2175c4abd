import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { readParquet } from 'parquet-wasm/node';
import readXlsxFile, { readSheet } from 'read-excel-file/node';
import { describe, expect, it } from 'vitest';
import { looksBinary } from '../../../src/core/ingest/binary.ts';
import { detectDateOrder } from '../../../src/core/ingest/dates.ts';
import { parseDelimitedText } from '../../../src/core/ingest/delimited.ts';
import { sniffDelimiter } from '../../../src/core/ingest/delimiter.ts';
import { decodeText, detectEncoding, judgeEncoding } from '../../../src/core/ingest/encoding.ts';
import { headerRowIndex } from '../../../src/core/ingest/headerRow.ts';
import { normalizePersianLetters } from '../../../src/core/ingest/letters.ts';
import { lineAndColumnAt } from '../../../src/core/ingest/textPosition.ts';
import { coerceColumn, typeColumn } from '../../../src/core/ingest/valueKinds.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures');
const bytes = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const text = (name: string) => {
  const b = bytes(name);
  return decodeText(b, detectEncoding(b).encoding);
};
const column = (name: string, index: number, delimiter = ',') =>
  parseDelimitedText(text(name), delimiter).rows.map((r) => r[index]);

/** These pin the fixtures to what test/fixtures/README.md says they hold. */
describe('fixtures', () => {
  it('empty.csv is empty and header-only.csv has only a header', () => {
    expect(bytes('empty.csv').length).toBe(0);
    expect(parseDelimitedText(text('header-only.csv'), ',')).toEqual({
      header: ['id', 'name', 'amount'],
      rows: [],
    });
  });

  it('ragged.csv has five fields on line 4', () => {
    const lines = text('ragged.csv').split('\n');
    expect(lines[3].split(',')).toHaveLength(5);
    expect(lines.filter((l, i) => i !== 3 && l !== '').every((l) => l.split(',').length === 3)).toBe(true);
  });

  it('unbalanced-quote.csv opens a quote on line 3 that never closes', () => {
    expect(parseDelimitedText(text('unbalanced-quote.csv'), ',').unclosedQuoteLine).toBe(3);
  });

  it('mixed-types.csv: amount is numeric with n/a at row 7, twelve at row 31, blanks at 12, 25, 40', () => {
    const amounts = column('mixed-types.csv', 1);
    const typed = typeColumn(amounts);
    expect(typed.kind).toBe('number');
    expect(typed.problems.map((p) => [p.index + 1, p.text])).toEqual([
      [7, 'n/a'],
      [31, 'twelve'],
    ]);
    expect(amounts.flatMap((a, i) => (a === '' ? [i + 1] : []))).toEqual([12, 25, 40]);
    expect(typed.values[0]).toBe(10.5);
  });

  it('bom-utf8.csv decodes with its first header "Age" free of the BOM', () => {
    expect(detectEncoding(bytes('bom-utf8.csv'))).toEqual({ encoding: 'utf-8', bomLength: 3 });
    expect(parseDelimitedText(text('bom-utf8.csv'), ',').header).toEqual(['Age', 'Department', 'City']);
  });

  it('utf16le-bom.csv is tab-separated UTF-16 with Persian', () => {
    expect(detectEncoding(bytes('utf16le-bom.csv')).encoding).toBe('utf-16le');
    expect(sniffDelimiter(text('utf16le-bom.csv'))).toBe('\t');
    expect(parseDelimitedText(text('utf16le-bom.csv')).rows[0]).toEqual(['1', 'کیان', '1200']);
  });

  it('latin1-survey.csv is Windows-1252 with Windows marks and one DOS byte', () => {
    expect(judgeEncoding(bytes('latin1-survey.csv'))).toMatchObject({
      encoding: 'windows-1252',
      reason: 'latin-words',
    });
    expect([...bytes('latin1-survey.csv')].filter((b) => [0x92, 0x96, 0xe9, 0x81].includes(b)).length).toBe(
      5,
    );
    const rows = parseDelimitedText(text('latin1-survey.csv'), ',').rows;
    expect(rows.map((r) => r[3])).toEqual(['Très bien', 'don’t know', 'fast – friendly', '', 'ok']);
    expect(typeColumn(rows.map((r) => r[4])).values).toEqual([9, 7, 10, 6, 8]);
  });

  it('currency.csv holds amounts in one currency per column but the last', () => {
    const typed = (i: number, decimalComma = false) =>
      typeColumn(column('currency.csv', i), { decimalComma });
    expect([typed(1).currency, typed(1).values]).toEqual(['$', [40000, 1200.5, 500, 0.99]]);
    expect([typed(2, true).currency, typed(2, true).values]).toEqual(['€', [1234.5, 99, 2000, 0.5]]);
    expect([typed(3).currency, typed(3).values]).toEqual(['USD', [1200, 300, 1000, 50]]);
    expect([typed(4).currency, typed(4).values]).toEqual(['ریال', [12000, 300000, 5000, 100]]);
    expect(typed(5).values).toEqual([-1234.5, 250, -50.25, 1000]);
    expect(typed(6).mixedCurrencies).toEqual(['$', '£', '€']);
  });

  it('na-blanks.csv has 9 missing-value words in its number and date columns', () => {
    const [score, closed, revenue] = [1, 2, 3].map((i) => typeColumn(column('na-blanks.csv', i)));
    expect([score.kind, closed.kind, revenue.kind]).toEqual(['number', 'date', 'number']);
    expect([score.readAsBlank, closed.readAsBlank, revenue.readAsBlank]).toEqual([4, 2, 3]);
    expect((score.values as number[]).reduce((a, b) => a + (b ?? 0), 0)).toBe(160);
  });

  it('rownames.csv has an empty first header', () => {
    expect(parseDelimitedText(text('rownames.csv'), ',').header).toEqual(['', 'name', 'amount']);
  });

  it('persian-1256.csv is Windows-1256 and reads as Persian', () => {
    expect(detectEncoding(bytes('persian-1256.csv'))).toEqual({ encoding: 'windows-1256', bomLength: 0 });
    const table = parseDelimitedText(normalizePersianLetters(text('persian-1256.csv')), ',');
    expect(table.header).toEqual(['نام', 'شهر', 'مبلغ']);
    expect(table.rows[0]).toEqual(['کیان', 'تهران', '1200']);
    expect(table.rows[1]).toEqual(['سارا', 'یزد', '850']);
  });

  it('jalali-dates.csv holds Jalali dates in ASCII and Persian digits', () => {
    expect(typeColumn(column('jalali-dates.csv', 1)).values).toEqual([
      '2023-08-03',
      '2025-03-20',
      '2022-03-21',
      null,
    ]);
    expect(typeColumn(column('jalali-dates.csv', 2)).values).toEqual([
      '2023-03-21',
      '2025-03-20',
      '2022-10-07',
      '2024-01-25',
    ]);
  });

  it('decimal-comma.csv is semicolon-separated with decimal commas', () => {
    expect(sniffDelimiter(text('decimal-comma.csv'))).toBe(';');
    expect(typeColumn(column('decimal-comma.csv', 1, ';'), { decimalComma: true }).values).toEqual([
      1234.5, 850.25, -3.5,
    ]);
    expect(typeColumn(column('decimal-comma.csv', 2, ';'), { decimalComma: true }).values).toEqual([
      0.125, 0.07, 0,
    ]);
  });

  it('dates-dmy.csv reads day-first, dates-mdy.csv month-first', () => {
    expect(detectDateOrder(column('dates-dmy.csv', 1))).toBe('dmy');
    expect(typeColumn(column('dates-dmy.csv', 1)).values[0]).toBe('2023-03-15');
    expect(detectDateOrder(column('dates-mdy.csv', 1))).toBe('mdy');
    expect(typeColumn(column('dates-mdy.csv', 1)).values[2]).toBe('2023-12-31');
  });

  it('excel-serial.csv holds numbers that read as 2023–2024 dates when taken as Excel serials', () => {
    const serials = column('excel-serial.csv', 1);
    expect(typeColumn(serials).kind).toBe('number');
    expect(coerceColumn(serials, 'date', { excelSerials: true }).values).toEqual([
      '2023-03-15',
      '2023-03-16',
      '2023-01-01',
      '2024-01-01',
    ]);
    expect(coerceColumn(serials, 'timestamp', { excelSerials: true }).values[3]).toBe('2024-01-01 12:00:00');
  });

  it('garbage.csv is binary; no text fixture is', () => {
    expect(looksBinary(bytes('garbage.csv'))).toBe(true);
    for (const name of [
      'bom-utf8.csv',
      'utf16le-bom.csv',
      'persian-1256.csv',
      'jalali-dates.csv',
      'empty.csv',
    ]) {
      expect(looksBinary(bytes(name)), name).toBe(false);
    }
  });

  it('valid.parquet holds 5 rows; truncated.parquet does not read', () => {
    const table = tableFromIPC(readParquet(bytes('valid.parquet')).intoIPCStream());
    expect(table.numRows).toBe(5);
    expect(table.schema.fields.map((f) => `${f.name}:${f.type}`)).toEqual([
      'id:Int32',
      'name:Utf8',
      'amount:Float64',
    ]);
    expect(table.getChild('name')?.get(2)).toBe('کیان');
    expect(() => readParquet(bytes('truncated.parquet'))).toThrow(/Parquet/);
  });

  it('invalid.json fails at line 3, column 28', () => {
    const json = text('invalid.json');
    let offset = -1;
    try {
      JSON.parse(json);
    } catch (e) {
      offset = Number(/position (\d+)/.exec(String(e))?.[1]);
    }
    expect(lineAndColumnAt(json, offset)).toEqual({ line: 3, column: 28 });
  });

  it('array.json and records.ndjson parse', () => {
    expect(JSON.parse(text('array.json'))).toHaveLength(3);
    const records = text('records.ndjson')
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => JSON.parse(l));
    expect(records.map((r) => r.id)).toEqual([1, 2, 3]);
  });

  it('pasted.tsv has a two-line cell and a grouped number', () => {
    const table = parseDelimitedText(text('pasted.tsv'));
    expect(table.header).toEqual(['Month', 'Followers', 'Note']);
    expect(table.rows).toEqual([
      ['1402/01', '1200', 'plain'],
      ['1402/02', '1,350', 'two\r\nlines'],
      ['1402/03', '1500', ''],
    ]);
    expect(typeColumn(table.rows.map((r) => r[1])).values).toEqual([1200, 1350, 1500]);
  });

  it('two-sheets.xlsx has sheets Deals (title row over the header) and Targets', async () => {
    const file = Buffer.from(bytes('two-sheets.xlsx'));
    expect((await readXlsxFile(file)).map((s) => s.sheet)).toEqual(['Deals', 'Targets']);
    const deals = await readSheet(file, 'Deals');
    expect(deals[0]).toEqual(['Quarterly report', null, null, null]);
    expect(headerRowIndex(deals)).toBe(1);
    expect(deals[1]).toEqual(['Deal', 'Stage', 'Amount', 'Close date']);
    expect(deals.slice(2).map((r) => r[0])).toEqual([101, 102, 103]);
    expect(typeColumn(deals.slice(2).map((r) => r[3]))).toEqual({
      kind: 'date',
      values: ['2023-03-15', '2023-03-16', '2023-04-01'],
      problems: [],
    });
    const targets = await readSheet(file, 'Targets');
    expect(targets[0]).toEqual(['ماه', 'Target']);
    expect(headerRowIndex(targets)).toBe(0);
  });
});
