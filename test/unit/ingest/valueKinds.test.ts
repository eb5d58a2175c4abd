import { describe, expect, it } from 'vitest';
import {
  coerceColumn,
  coerceValue,
  displayText,
  inferKind,
  typeColumn,
} from '../../../src/core/ingest/valueKinds.ts';

describe('inferKind', () => {
  it('reads numbers with blanks as a number column', () => {
    expect(inferKind([1, 2.5, null, '', undefined, 3])).toBe('number');
    expect(inferKind(['1,200', ' 7 ', '', '۱۲'])).toBe('number');
  });

  it('reads booleans and true/false text as boolean', () => {
    expect(inferKind([true, false, null])).toBe('boolean');
    expect(inferKind(['TRUE', 'false', 'True'])).toBe('boolean');
  });

  it('reads dates: Date objects, ISO text, Jalali text', () => {
    expect(inferKind([new Date(Date.UTC(2023, 2, 15)), null])).toBe('date');
    expect(inferKind(['2023-03-15', '2023-03-16'])).toBe('date');
    expect(inferKind(['1402/05/12', '۱۴۰۲/۰۱/۰۱'])).toBe('date');
  });

  it('reads dates with a time of day as timestamps', () => {
    expect(inferKind([new Date(Date.UTC(2023, 2, 15, 9, 30))])).toBe('timestamp');
    expect(inferKind(['2023-03-15 09:30', '2023-03-16'])).toBe('timestamp');
    expect(inferKind(['2023-03-15 00:00:00', '2023-03-16 00:00:00'])).toBe('date');
  });

  it('falls back to text', () => {
    expect(inferKind(['Tehran', 'Yazd'])).toBe('text');
    expect(inferKind([null, '', '  '])).toBe('text');
    expect(inferKind([])).toBe('text');
    expect(inferKind([{ a: 1 }, [1, 2]])).toBe('text');
    expect(inferKind([1, true])).toBe('text');
  });
});

describe('typeColumn: the 95% rule', () => {
  const numbers = (n: number) => Array.from({ length: n }, (_, i) => String(i + 1));

  it('keeps a column numeric when 95% of non-blank values are numbers, and lists the rest', () => {
    // 38 numbers, 2 stray texts, blanks: 38/40 = 95% exactly.
    const values = [...numbers(5), 'n/a', ...numbers(20), '', 'twelve', ...numbers(13), null];
    const typed = typeColumn(values);
    expect(typed.kind).toBe('number');
    expect(typed.problems).toEqual([
      { index: 5, text: 'n/a' },
      { index: 27, text: 'twelve' },
    ]);
    expect(typed.values[5]).toBeNull();
    expect(typed.values[26]).toBeNull();
    expect(typed.values[6]).toBe(1);
    expect(typed.values.length).toBe(values.length);
  });

  it('makes a column text when under 95% fit', () => {
    const typed = typeColumn([...numbers(37), 'n/a', 'x', 'y']); // 37/40 = 92.5%
    expect(typed.kind).toBe('text');
    expect(typed.problems).toEqual([]);
    expect(typed.values[0]).toBe('1');
  });

  it('reports the detected date order and converts Jalali text', () => {
    const typed = typeColumn(['1402/05/12', '', '۱۴۰۲/۰۱/۰۱', '1403/12/30']);
    expect(typed).toEqual({
      kind: 'date',
      dateOrder: 'jalali',
      values: ['2023-08-03', null, '2023-03-21', '2025-03-20'],
      problems: [],
    });
  });

  it('uses the given date order and reads Excel serials when asked', () => {
    expect(typeColumn(['01/02/2023', '03/04/2023'], { dateOrder: 'mdy' }).values).toEqual([
      '2023-01-02',
      '2023-03-04',
    ]);
    expect(coerceColumn([45000, '45001', 'x'], 'date', { excelSerials: true })).toEqual({
      values: ['2023-03-15', '2023-03-16', null],
      problems: [{ index: 2, text: 'x' }],
    });
  });

  it('reads decimal-comma text when asked', () => {
    expect(typeColumn(['1,5', '2,25'], { decimalComma: true })).toEqual({
      kind: 'number',
      values: [1.5, 2.25],
      problems: [],
    });
  });
});

describe('coerceValue', () => {
  it('gives blanks as null whatever the kind', () => {
    expect(coerceValue('  ', 'number')).toEqual({ ok: true, value: null });
    expect(coerceValue(Number.NaN, 'date')).toEqual({ ok: true, value: null });
  });

  it('converts or refuses per kind', () => {
    expect(coerceValue('12%', 'number')).toEqual({ ok: true, value: 0.12 });
    expect(coerceValue(10n, 'number')).toEqual({ ok: true, value: 10 });
    expect(coerceValue(true, 'number')).toEqual({ ok: false });
    expect(coerceValue(Number.POSITIVE_INFINITY, 'number')).toEqual({ ok: false });
    expect(coerceValue(' FALSE ', 'boolean')).toEqual({ ok: true, value: false });
    expect(coerceValue('yes', 'boolean')).toEqual({ ok: false });
    expect(coerceValue(new Date(Date.UTC(2023, 2, 15, 9, 30, 5, 250)), 'timestamp')).toEqual({
      ok: true,
      value: '2023-03-15 09:30:05.250',
    });
    expect(coerceValue('2023-03-15T09:30:00+03:30', 'timestamp')).toEqual({
      ok: true,
      value: '2023-03-15 06:00:00',
    });
    expect(coerceValue(12, 'text')).toEqual({ ok: true, value: '12' });
  });
});

describe('displayText', () => {
  it('shows values as the user would read them', () => {
    expect(displayText(null)).toBe('');
    expect(displayText(new Date(Date.UTC(2023, 2, 15)))).toBe('2023-03-15');
    expect(displayText({ a: 1 })).toBe('{"a":1}');
    expect(displayText(false)).toBe('false');
  });
});
