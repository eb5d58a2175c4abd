import fc from 'fast-check';
import { isValidJalaaliDate, toJalaali } from 'jalaali-js';
import { describe, expect, it } from 'vitest';
import {
  detectDateOrder,
  hasTimeOfDay,
  parseDateText,
  parseTimestampText,
} from '../../../src/core/ingest/dates.ts';

describe('parseDateText', () => {
  it.each([
    ['1402/05/12', '2023-08-03'],
    ['۱۴۰۲/۰۱/۰۱', '2023-03-21'],
    ['1403/12/30', '2025-03-20'], // 1403 is a Jalali leap year
    ['1402-5-12', '2023-08-03'],
    ['12/05/1402', '2023-08-03'], // day-first Jalali
    ['1399/12/30', '2021-03-20'],
    ['1402/05/12 14:30', '2023-08-03'],
  ])('reads Jalali %j as %s', (text, iso) => {
    expect(parseDateText(text, 'jalali')).toBe(iso);
  });

  it.each(['1402/12/30', '1402/13/01', '1402/07/31', '1402/00/10', '1402/05/12/1', 'hello'])(
    'rejects the impossible Jalali date %j',
    (text) => {
      expect(parseDateText(text, 'jalali')).toBeNull();
    },
  );

  it('reads ISO and year-first Gregorian dates', () => {
    expect(parseDateText('2023-03-15', 'iso')).toBe('2023-03-15');
    expect(parseDateText('2023/3/5', 'iso')).toBe('2023-03-05');
    expect(parseDateText('2023-03-15T10:20:30Z', 'iso')).toBe('2023-03-15');
    expect(parseDateText('2024-02-29', 'ymd')).toBe('2024-02-29');
    expect(parseDateText('2023-02-29', 'iso')).toBeNull();
    expect(parseDateText('1900-02-29', 'iso')).toBeNull();
    expect(parseDateText('2000-02-29', 'iso')).toBe('2000-02-29');
    expect(parseDateText('2023-04-31', 'iso')).toBeNull();
    expect(parseDateText('2023-03/15', 'iso')).toBeNull(); // mixed separators
  });

  it('reads day-first and month-first dates', () => {
    expect(parseDateText('15/03/2023', 'dmy')).toBe('2023-03-15');
    expect(parseDateText('15.03.2023', 'dmy')).toBe('2023-03-15');
    expect(parseDateText('03/15/2023', 'mdy')).toBe('2023-03-15');
    expect(parseDateText('3/15/23', 'mdy')).toBe('2023-03-15');
    expect(parseDateText('1/2/69', 'dmy')).toBe('1969-02-01');
    expect(parseDateText('15/03/2023', 'mdy')).toBeNull();
    expect(parseDateText('2023-03-15', 'dmy')).toBeNull();
  });
});

describe('parseTimestampText', () => {
  it.each([
    ['2023-03-15 10:30', 'iso', '2023-03-15 10:30:00'],
    ['2023-03-15T10:30:05', 'iso', '2023-03-15 10:30:05'],
    ['2023-03-15T10:30:05.250Z', 'iso', '2023-03-15 10:30:05.25'],
    ['2023-03-15T01:30:00+03:30', 'iso', '2023-03-14 22:00:00'],
    ['2023-03-15T22:00:00-05:00', 'iso', '2023-03-16 03:00:00'],
    ['3/15/2023 2:05 PM', 'mdy', '2023-03-15 14:05:00'],
    ['3/15/2023 12:05 am', 'mdy', '2023-03-15 00:05:00'],
    ['1402/05/12 ۱۴:۳۰', 'jalali', '2023-08-03 14:30:00'],
    ['2023-03-15', 'iso', '2023-03-15 00:00:00'],
  ] as const)('reads %j (%s) as %s', (text, order, expected) => {
    expect(parseTimestampText(text, order)).toBe(expected);
  });

  it('rejects impossible times', () => {
    expect(parseTimestampText('2023-03-15 24:00', 'iso')).toBeNull();
    expect(parseTimestampText('2023-03-15 10:60', 'iso')).toBeNull();
    expect(parseTimestampText('2023-03-15 13:00 PM', 'iso')).toBeNull();
  });

  it('tells a time of day from midnight', () => {
    expect(hasTimeOfDay('2023-03-15 10:30')).toBe(true);
    expect(hasTimeOfDay('2023-03-15 00:00:00')).toBe(false);
    expect(hasTimeOfDay('2023-03-15')).toBe(false);
  });
});

describe('detectDateOrder', () => {
  it('finds ISO, with or without times', () => {
    expect(detectDateOrder(['2023-03-15', '2023-04-01 10:00', ''])).toBe('iso');
    expect(detectDateOrder(['2023/03/15'])).toBe('iso');
  });

  it('finds Jalali in ASCII and Persian digits', () => {
    expect(detectDateOrder(['1402/05/12', '۱۴۰۲/۰۱/۰۱', '1401-11-30'])).toBe('jalali');
  });

  it('decides day- vs month-first by a part above 12', () => {
    expect(detectDateOrder(['01/02/2023', '25/12/2023'])).toBe('dmy');
    expect(detectDateOrder(['01/02/2023', '12/25/2023'])).toBe('mdy');
  });

  it('reads an all-ambiguous column day-first', () => {
    expect(detectDateOrder(['01/02/2023', '03/04/2023'])).toBe('dmy');
  });

  it('needs 90% of the non-blank samples to read as dates', () => {
    const nine = Array.from({ length: 9 }, (_, i) => `2023-01-0${i + 1}`);
    expect(detectDateOrder([...nine, 'n/a', '', ' '])).toBe('iso');
    expect(detectDateOrder([...nine.slice(0, 8), 'n/a', 'later'])).toBeNull();
  });

  it('does not take numbers, text or nothing for dates', () => {
    expect(detectDateOrder(['45000', '12'])).toBeNull();
    expect(detectDateOrder(['Tehran', 'Yazd'])).toBeNull();
    expect(detectDateOrder(['', '  '])).toBeNull();
    expect(detectDateOrder([])).toBeNull();
  });
});

describe('Jalali round trip', () => {
  it('reads every real Jalali day 1300–1499 as the Gregorian day jalaali-js gives back', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1300, max: 1499 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 31 }),
        (jy, jm, jd) => {
          const text = `${jy}/${String(jm).padStart(2, '0')}/${String(jd).padStart(2, '0')}`;
          const iso = parseDateText(text, 'jalali');
          if (!isValidJalaaliDate(jy, jm, jd)) {
            expect(iso).toBeNull();
            return;
          }
          const [gy, gm, gd] = iso!.split('-').map(Number);
          expect(toJalaali(gy, gm, gd)).toEqual({ jy, jm, jd });
        },
      ),
    );
  });
});
