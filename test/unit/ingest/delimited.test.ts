import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDelimitedText, splitRecords } from '../../../src/core/ingest/delimited.ts';
import { sniffDelimiter } from '../../../src/core/ingest/delimiter.ts';

describe('parseDelimitedText', () => {
  it('reads a tab-separated paste as Excel copies it', () => {
    expect(parseDelimitedText('name\tamount\r\nKian\t12\r\nSara\t7.5\r\n')).toEqual({
      header: ['name', 'amount'],
      rows: [
        ['Kian', '12'],
        ['Sara', '7.5'],
      ],
    });
  });

  it('keeps tabs, line breaks and doubled quotes inside quoted cells', () => {
    const text = 'note\tn\n"line one\nline two"\t1\n"a\tb ""quoted"""\t2\n';
    expect(parseDelimitedText(text).rows).toEqual([
      ['line one\nline two', '1'],
      ['a\tb "quoted"', '2'],
    ]);
  });

  it('pads ragged rows and the header to the widest row', () => {
    expect(parseDelimitedText('a\tb\n1\n1\t2\t3')).toEqual({
      header: ['a', 'b', ''],
      rows: [
        ['1', '', ''],
        ['1', '2', '3'],
      ],
    });
  });

  it('drops trailing empty lines but keeps an empty line inside', () => {
    expect(parseDelimitedText('a\n1\n\n2\n\n\n').rows).toEqual([['1'], [''], ['2']]);
  });

  it('reports where an unclosed quote opened', () => {
    const t = parseDelimitedText('a,b\n1,2\n3,"oops\n4,5\n', ',');
    expect(t.unclosedQuoteLine).toBe(3);
    expect(t.rows).toEqual([
      ['1', '2'],
      ['3', 'oops\n4,5\n'],
    ]);
  });

  it('reads an empty paste as an empty table', () => {
    expect(parseDelimitedText('')).toEqual({ header: [], rows: [] });
    expect(parseDelimitedText('\n\n')).toEqual({ header: [], rows: [] });
  });

  it('drops a BOM and takes other delimiters', () => {
    expect(parseDelimitedText('\ufeffx;y\n1;2', ';')).toEqual({ header: ['x', 'y'], rows: [['1', '2']] });
  });
});

describe('splitRecords', () => {
  it('stops at the record limit and handles a lone \\r line end', () => {
    expect(splitRecords('a\rb\rc', ',', 2).records).toEqual([['a'], ['b']]);
  });
});

describe('sniffDelimiter', () => {
  it.each([
    ['a,b,c\n1,2,3\n4,5,6\n', ','],
    ['a;b;c\n1,5;2;3\n4;5,5;6\n', ';'],
    ['a\tb\n1\t2\n', '\t'],
    ['a|b|c\n1|2|3\n', '|'],
    ['"x;y",b\n"1;2",3\n"4;5",6\n', ','],
    ['note,n\n"a,b\nc,d,e",1\n"x",2\n', ','],
    ['name;amount\nKian;"1,5"\nSara;"2,75"\n', ';'],
    ['just one column\nvalue\n', ','],
    ['', ','],
  ])('%j → %j', (text, d) => {
    expect(sniffDelimiter(text)).toBe(d);
  });

  it('prefers the consistent delimiter over the more frequent one', () => {
    // Commas vary from line to line (2, 4, 1 fields); semicolons give 3 fields on every line.
    expect(sniffDelimiter('a;b,c;d\n1;2,3,4;5\n6;7;8\n')).toBe(';');
  });
});

describe('parseDelimitedText round trip', () => {
  /** Writes cells as Excel puts them on the clipboard: quoted when they hold a tab, line break or quote. */
  const excelCell = (cell: string) => (/[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

  it('reads back whatever Excel-style quoting writes', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ب', ' ', '\t', '\n', '\r\n', '"', ',', '1') });
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(cell), { minLength: 1, maxLength: 5 }),
        (width, raw) => {
          // Non-empty header cells, so the table's width is never lost to a blank last row.
          const table = [
            Array.from({ length: width }, (_, i) => `h${i}`),
            ...raw.map((r) => padTo(r, width)),
          ];
          table.push(Array.from({ length: width }, (_, i) => `end${i}`));
          const text = `${table.map((r) => r.map(excelCell).join('\t')).join('\r\n')}\r\n`;
          expect(parseDelimitedText(text)).toEqual({ header: table[0], rows: table.slice(1) });
        },
      ),
    );
  });
});

function padTo(row: string[], width: number): string[] {
  return Array.from({ length: width }, (_, i) => row[i] ?? '');
}
