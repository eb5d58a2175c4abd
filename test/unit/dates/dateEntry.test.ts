import { isLeapJalaaliYear, toGregorian, toJalaali } from 'jalaali-js';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDateEntry } from '../../../src/core/dates/dateEntry';
import { formatDate } from '../../../src/i18n/format';
import { type LocaleSettings, setLocaleSettings } from '../../../src/i18n/locale';

const EN: LocaleSettings = { locale: 'en', persianDigits: true, calendar: 'gregorian', currency: 'USD' };
afterEach(() => setLocaleSettings(EN));

const iso = (text: string) => {
  const e = parseDateEntry(text);
  return e.ok ? e.iso : e.problem;
};

describe('typed dates', () => {
  it('knows its leap years from jalaali-js: 1403 is one, 1404 is not', () => {
    // The 33-year arithmetic jalaali-js uses; the tests below rely on it.
    expect(isLeapJalaaliYear(1403)).toBe(true);
    expect(isLeapJalaaliYear(1404)).toBe(false);
    expect(toGregorian(1403, 12, 30)).toEqual({ gy: 2025, gm: 3, gd: 20 });
    expect(toGregorian(1404, 1, 1)).toEqual({ gy: 2025, gm: 3, gd: 21 });
  });

  it.each([
    // Jalali, in either digit set and with any of the usual separators.
    ['1404/10/10', '2025-12-31'],
    ['۱۴۰۴/۱۰/۱۰', '2025-12-31'],
    ['١٤٠٤/١٠/١٠', '2025-12-31'],
    ['1404-10-10', '2025-12-31'],
    [' 1404 / 1 / 1 ', '2025-03-21'],
    // Esfand → Farvardin: the last day of leap 1403 and the first of 1404 are consecutive.
    ['1403/12/30', '2025-03-20'],
    ['1404/01/01', '2025-03-21'],
    // 1402 is common: its Esfand ends on the 29th, the day before 1 Farvardin 1403.
    ['1402/12/29', '2024-03-19'],
    ['1403/01/01', '2024-03-20'],
    // Gregorian, by its year.
    ['2025-12-31', '2025-12-31'],
    ['۲۰۲۵-۱۲-۳۱', '2025-12-31'],
    ['2024/2/29', '2024-02-29'],
  ])('%s is %s', (text, expected) => {
    expect(iso(text)).toBe(expected);
  });

  it.each([
    ['1404/13/01', { kind: 'month', calendar: 'jalali', month: 13 }],
    ['1404/00/10', { kind: 'month', calendar: 'jalali', month: 0 }],
    // 1404 is not leap: no 30 Esfand.
    ['1404/12/30', { kind: 'day', calendar: 'jalali', year: 1404, month: 12, day: 30, days: 29 }],
    ['۱۴۰۴/۱۲/۳۰', { kind: 'day', calendar: 'jalali', year: 1404, month: 12, day: 30, days: 29 }],
    // The second half of the Jalali year has 30-day months.
    ['1404/07/31', { kind: 'day', calendar: 'jalali', year: 1404, month: 7, day: 31, days: 30 }],
    ['1404/12/31', { kind: 'day', calendar: 'jalali', year: 1404, month: 12, day: 31, days: 29 }],
    ['2025-02-29', { kind: 'day', calendar: 'gregorian', year: 2025, month: 2, day: 29, days: 28 }],
    ['2025-13-01', { kind: 'month', calendar: 'gregorian', month: 13 }],
    ['25/12/31', { kind: 'year', year: 25 }],
    ['3025-01-01', { kind: 'year', year: 3025 }],
    // Day first is not read: the message asks for the year first.
    ['31/12/2025', { kind: 'shape' }],
    ['1404/10', { kind: 'shape' }],
    ['tomorrow', { kind: 'shape' }],
    ['', { kind: 'shape' }],
  ])('%s is refused: %o', (text, problem) => {
    expect(iso(text)).toEqual(problem);
  });

  it('agrees with jalaali-js on every day of 1402–1405', () => {
    for (let d = Date.UTC(2023, 2, 21); d <= Date.UTC(2027, 2, 20); d += 86_400_000) {
      const day = new Date(d);
      const j = toJalaali(day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate());
      expect(iso(`${j.jy}/${j.jm}/${j.jd}`)).toBe(day.toISOString().slice(0, 10));
    }
  });

  it('reads back what the page shows, in either calendar and digit set', () => {
    const shown = (s: Partial<LocaleSettings>, day: string) => {
      setLocaleSettings({ ...EN, ...s });
      return formatDate(Date.parse(`${day}T00:00:00Z`));
    };
    for (const day of ['2025-03-20', '2025-03-21', '2024-03-19', '2025-12-31']) {
      for (const s of [
        { locale: 'fa', calendar: 'jalali', persianDigits: true },
        { locale: 'fa', calendar: 'jalali', persianDigits: false },
        { locale: 'en', calendar: 'jalali' },
        { locale: 'fa', calendar: 'gregorian' },
        { locale: 'en', calendar: 'gregorian' },
      ] as const) {
        expect(iso(shown(s, day)), `${day} ${JSON.stringify(s)}`).toBe(day);
      }
    }
    expect(shown({ locale: 'fa', calendar: 'jalali' }, '2025-03-20')).toBe('۱۴۰۳/۱۲/۳۰');
  });
});
