import { describe, expect, it } from 'vitest';
import { looksBinary } from '../../../src/core/ingest/binary.ts';
import { headerRowIndex } from '../../../src/core/ingest/headerRow.ts';
import { lineAndColumnAt } from '../../../src/core/ingest/textPosition.ts';

describe('looksBinary', () => {
  it('tells text from bytes that are not text', () => {
    expect(looksBinary(new TextEncoder().encode('a,b\n1,2\n'))).toBe(false);
    expect(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0, 8, 0]))).toBe(true); // zip header
    expect(looksBinary(new Uint8Array([0xff, 0xfe, 0x61, 0, 0x2c, 0, 0x62, 0]))).toBe(false); // UTF-16 "a,b"
    expect(looksBinary(new Uint8Array())).toBe(false);
  });

  it('tolerates a stray control character in a long text', () => {
    const text = `${'x,y\n'.repeat(100)}\u0001`;
    expect(looksBinary(new TextEncoder().encode(text))).toBe(false);
  });
});

describe('lineAndColumnAt', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumnAt('ab\ncd\r\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumnAt('ab\ncd\r\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumnAt('ab\ncd\r\nef', 8)).toEqual({ line: 3, column: 2 });
  });
});

describe('headerRowIndex', () => {
  it('skips a title row and notes above the table', () => {
    expect(headerRowIndex([['Report'], [], ['a', 'b', 'c'], [1, 2, 3]])).toBe(2);
    expect(
      headerRowIndex([
        ['a', 'b'],
        [1, 2],
      ]),
    ).toBe(0);
    expect(headerRowIndex([['only'], [1]])).toBe(0);
    expect(headerRowIndex([[], [null, '']])).toBe(-1);
  });
});
