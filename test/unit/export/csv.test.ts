import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../src/core/export/csv';

const one = (cell: string | number | boolean | null) => toCsv(['v'], [[cell]]).split('\r\n')[1];

describe('toCsv', () => {
  it('writes RFC 4180: CRLF lines, quotes doubled, fields with commas or line breaks quoted', () => {
    expect(
      toCsv(
        ['name', 'note'],
        [
          ['Acme, Inc.', 'said "hi"\nthen left'],
          ['Plain', null],
        ],
      ),
    ).toBe('name,note\r\n"Acme, Inc.","said ""hi""\nthen left"\r\nPlain,\r\n');
  });

  it.each([
    ['=', '=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+', '+1+2', "'+1+2"],
    ['-', '-2+3', "'-2+3"],
    ['@', '@SUM(A1)', "'@SUM(A1)"],
    ['a full-width =', '＝1+1', "'＝1+1"],
    ['spaces before =', '  =1+1', "'  =1+1"],
    ['a DDE payload', "=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
  ])('neutralises a text cell starting with %s', (_, text, written) => {
    expect(one(text)).toBe(written);
  });

  it('neutralises a leading tab and a leading carriage return (quoting the latter)', () => {
    expect(one('\t=1')).toBe("'\t=1");
    expect(one('\r=1')).toBe('"\'\r=1"');
  });

  it('neutralises a quoted cell and keeps its quotes doubled', () => {
    expect(one('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
  });

  it('leaves numbers as numbers, negative ones included, and text -5 as text', () => {
    expect(toCsv(['a', 'b', 'c'], [[-5, 1.5, '-5']])).toBe("a,b,c\r\n-5,1.5,'-5\r\n");
    expect(one(Number.NaN)).toBe('');
    expect(one(true)).toBe('TRUE');
  });

  it('leaves harmless text alone, including = in the middle', () => {
    expect(one('a=b')).toBe('a=b');
    expect(one('مشتری')).toBe('مشتری');
  });

  it('neutralises header cells too', () => {
    expect(toCsv(['=evil()'], [])).toBe("'=evil()\r\n");
  });

  it('starts with a UTF-8 byte-order mark only when asked', () => {
    expect(toCsv(['a'], [], { bom: true })).toBe('\uFEFFa\r\n');
    expect(toCsv(['a'], []).charCodeAt(0)).toBe(97);
  });
});
