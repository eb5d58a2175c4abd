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

  // Each prefix a spreadsheet may skip or trim before it reads the first character.
  const PREFIXES: [string, string][] = [
    ['a no-break space', '\u00A0'],
    ['a narrow no-break space', '\u202F'],
    ['an ideographic space', '\u3000'],
    ['an em space', '\u2003'],
    ['a line separator', '\u2028'],
    ['a paragraph separator', '\u2029'],
    ['a byte-order mark', '\uFEFF'],
    ['a zero-width space', '\u200B'],
    ['a zero-width joiner', '\u200D'],
    ['a word joiner', '\u2060'],
    ['a right-to-left mark', '\u200F'],
    ['a soft hyphen', '\u00AD'],
    ['a Mongolian vowel separator', '\u180E'],
    ['a line feed', '\n'],
    ['a next-line control', '\u0085'],
    ['a NUL', '\u0000'],
    ['a mixed run', ' \u00A0\u200B\uFEFF\u3000 '],
  ];
  const TRIGGERS = ['=', '+', '-', '@'];

  it.each(PREFIXES)('neutralises a trigger after %s', (_, prefix) => {
    for (const trigger of TRIGGERS) {
      const text = `${prefix}${trigger}1+1`;
      const written = one(text);
      // Quoted when the prefix holds a line break; either way the apostrophe comes first.
      expect(written === `'${text}` || written === `"'${text}"`, JSON.stringify(written)).toBe(true);
    }
  });

  it.each([
    ['a small equals sign', '\uFE66'],
    ['a small plus sign', '\uFE62'],
    ['a small hyphen-minus', '\uFE63'],
    ['a small commercial at', '\uFE6B'],
    ['a superscript plus', '\u207A'],
    ['a subscript equals', '\u208C'],
  ])('neutralises %s, which folds to a trigger', (_, trigger) => {
    expect(one(`${trigger}1`)).toBe(`'${trigger}1`);
    expect(one(`\u00A0${trigger}1`)).toBe(`'\u00A0${trigger}1`);
  });

  it.each(PREFIXES)('leaves text after %s alone when no trigger follows', (_, prefix) => {
    const text = `${prefix}total=1`;
    const written = one(text);
    expect(written === text || written === `"${text}"`, JSON.stringify(written)).toBe(true);
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
