import { jalaaliMonthLength, toGregorian } from 'jalaali-js';
import { toAsciiDigits } from '../ingest/digits';

/**
 * A date a person types into a field (a scorecard's range, a notebook input), read in
 * either calendar and kept as an ISO Gregorian day. The year says which calendar was
 * meant, as it does for Jalali text in imports: 1404/10/10 is Jalali, 2025-12-31 is
 * Gregorian, whichever calendar the page shows; so nobody has to switch calendars to
 * type a date they already know.
 */

export type EntryCalendar = 'gregorian' | 'jalali';

/** Why typed text is not a date, with what the message needs to point at the mistake. */
export type DateEntryProblem =
  /** Not three numbers, year first. */
  | { kind: 'shape' }
  /** A year neither calendar's data plausibly holds (a two-digit year, 3024). */
  | { kind: 'year'; year: number }
  | { kind: 'month'; calendar: EntryCalendar; month: number }
  /** A day past the end of its month: day 31 in Mehr, day 30 in Esfand of a common year. */
  | { kind: 'day'; calendar: EntryCalendar; year: number; month: number; day: number; days: number };

type DateEntry =
  | { ok: true; iso: string; calendar: EntryCalendar }
  | { ok: false; problem: DateEntryProblem };

/** Jalali years CRM data can hold; the same span the importer reads as Jalali (core/ingest/dates). */
const JALALI_YEARS = { min: 1300, max: 1499 } as const;
const GREGORIAN_YEARS = { min: 1900, max: 2199 } as const;

// Year first, then month and day, split by a slash, dash or dot (or the Arabic date separator).
const ENTRY = /^(\d{1,5})\s*[-/.\u060d]\s*(\d{1,2})\s*[-/.\u060d]\s*(\d{1,2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function gregorianMonthLength(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Reads a typed date, Persian or Latin digits, year first; the ISO Gregorian day, or what is wrong. */
export function parseDateEntry(text: string): DateEntry {
  const m = ENTRY.exec(toAsciiDigits(text).trim());
  if (!m) return { ok: false, problem: { kind: 'shape' } };
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const calendar: EntryCalendar | null =
    year >= JALALI_YEARS.min && year <= JALALI_YEARS.max
      ? 'jalali'
      : year >= GREGORIAN_YEARS.min && year <= GREGORIAN_YEARS.max
        ? 'gregorian'
        : null;
  if (calendar === null) return { ok: false, problem: { kind: 'year', year } };
  if (month < 1 || month > 12) return { ok: false, problem: { kind: 'month', calendar, month } };
  const days = calendar === 'jalali' ? jalaaliMonthLength(year, month) : gregorianMonthLength(year, month);
  if (day < 1 || day > days) return { ok: false, problem: { kind: 'day', calendar, year, month, day, days } };
  if (calendar === 'gregorian') return { ok: true, iso: `${year}-${pad(month)}-${pad(day)}`, calendar };
  const g = toGregorian(year, month, day);
  return { ok: true, iso: `${g.gy}-${pad(g.gm)}-${pad(g.gd)}`, calendar };
}
