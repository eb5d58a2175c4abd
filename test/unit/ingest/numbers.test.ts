import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseNumberText } from '../../../src/core/ingest/numbers.ts';

describe('parseNumberText', () => {
  it.each([
    ['42', 42],
    ['  -3.5 ', -3.5],
    ['+7', 7],
    ['1,234,567.89', 1234567.89],
    ['.5', 0.5],
    ['1e6', 1_000_000],
    ['2.5E-3', 0.0025],
    ['$1,200', 1200],
    ['1200 €', 1200],
    ['﷼ 5000', 5000],
    ['15%', 0.15],
    ['(1,234)', -1234],
    ['12-', -12],
    ['\u22123', -3],
    ['1 234 567', 1234567],
    ['1\u00a0234', 1234],
    ['۱۲۳', 123],
    ['۱٬۲۳۴٫۵', 1234.5],
    ['٤٥', 45],
    ['-0', 0],
  ])('reads %j as %d', (text, value) => {
    expect(parseNumberText(text)).toBe(value);
  });

  it.each([
    '',
    '   ',
    'abc',
    'n/a',
    '1,5',
    '1,2345',
    '1.2.3',
    'NaN',
    'Infinity',
    '0x10',
    '-',
    '.',
    'e5',
    '12abc',
    '1e999',
  ])('gives null for %j', (text) => {
    expect(parseNumberText(text)).toBeNull();
  });

  it('reads decimal-comma numbers when asked', () => {
    expect(parseNumberText('1.234,5', { decimalComma: true })).toBe(1234.5);
    expect(parseNumberText('1,5', { decimalComma: true })).toBe(1.5);
    expect(parseNumberText('1 234,5', { decimalComma: true })).toBe(1234.5);
    expect(parseNumberText('۱۲٫۵', { decimalComma: true })).toBe(12.5);
    expect(parseNumberText('1,234.5', { decimalComma: true })).toBeNull();
  });

  it('reads back any finite number JavaScript prints', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (x) => {
        expect(parseNumberText(String(x))).toBe(x === 0 ? 0 : x);
      }),
    );
  });

  it('reads back grouped integers', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (x) => {
        expect(parseNumberText(x.toLocaleString('en-US'))).toBe(x);
        expect(parseNumberText(x.toLocaleString('de-DE'), { decimalComma: true })).toBe(x);
      }),
    );
  });
});
