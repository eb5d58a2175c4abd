import { isValidJalaaliDate, toGregorian } from 'jalaali-js';
import { toAsciiDigits } from './digits.ts';
import type { DateOrder } from './types.ts';

/** 'iso' is year-first Gregorian (2023-03-15, also 2023/03/15); 'ymd' is read the same way. */
export type DateTextOrder = DateOrder | 'iso';

interface TimeOfDay {
  hour: number;
  minute: number;
  second: number;
  /** Fractional-second digits as written, trailing zeros dropped. */
  fraction: string;
  /** Minutes east of UTC when the text carried a zone (Z, +03:30), else null. */
  offsetMinutes: number | null;
}

interface DateText {
  first: string;
  middle: string;
  last: string;
  time: TimeOfDay | null;
}

interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

const DATE_TEXT =
  /^(\d{1,4})([-/.])(\d{1,2})\2(\d{1,4})(?:(?:T|\s+)(\d{1,2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?\s*([ap]\.?m\.?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** Solar Hijri years that CRM data can hold; a Gregorian year in this range is implausible there. */
const JALALI_YEARS = { min: 1300, max: 1499 };

function isJalaliYear(part: string): boolean {
  if (part.length !== 4) return false;
  const year = Number(part);
  return year >= JALALI_YEARS.min && year <= JALALI_YEARS.max;
}

function parseOffset(zone: string | undefined): number | null {
  if (!zone) return null;
  if (zone.toUpperCase() === 'Z') return 0;
  const digits = zone.slice(1).replace(':', '');
  const minutes = Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0');
  return zone.startsWith('-') ? -minutes : minutes;
}

function parseTime(m: RegExpExecArray): TimeOfDay | null | undefined {
  const [, , , , , h, mi, sec, frac, meridiem, zone] = m;
  if (h === undefined) return null;
  let hour = Number(h);
  const minute = Number(mi);
  const second = sec === undefined ? 0 : Number(sec);
  if (meridiem) {
    if (hour < 1 || hour > 12) return undefined;
    const pm = meridiem.toLowerCase().startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const fraction = (frac ?? '').slice(0, 6).replace(/0+$/, '');
  return { hour, minute, second, fraction, offsetMinutes: parseOffset(zone) };
}

/** Splits "1402/05/12 14:30" into its parts; undefined when it is not a date at all. */
function splitDateText(s: string): DateText | undefined {
  const m = DATE_TEXT.exec(toAsciiDigits(s).trim());
  if (!m) return undefined;
  const time = parseTime(m);
  if (time === undefined) return undefined;
  return { first: m[1], middle: m[3], last: m[4], time };
}

function expandYear(part: string): number | undefined {
  if (part.length === 4) return Number(part);
  // Two-digit years pivot as POSIX strptime does: 69–99 → 1900s, 00–68 → 2000s.
  if (part.length === 2) return Number(part) + (Number(part) >= 69 ? 1900 : 2000);
  return undefined;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  return month === 2 && isGregorianLeap(year) ? 29 : MONTH_DAYS[month - 1];
}

function isGregorianLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function gregorian(year: number | undefined, month: number, day: number): CalendarDay | null {
  if (year === undefined || year < 1 || year > 9999) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

function jalali(year: number, month: number, day: number): CalendarDay | null {
  // jalaali-js is exact (and does not throw) within its supported span.
  if (year < 1 || year > 3177 || !isValidJalaaliDate(year, month, day)) return null;
  const g = toGregorian(year, month, day);
  return { year: g.gy, month: g.gm, day: g.gd };
}

type DayReader = (t: DateText) => CalendarDay | null;

const READERS: Record<DateTextOrder, DayReader> = {
  iso: (t) => (t.first.length === 4 ? gregorian(Number(t.first), Number(t.middle), Number(t.last)) : null),
  ymd: (t) => READERS.iso(t),
  // Persian exports write year-first, but day-first Jalali (12/05/1402) turns up too.
  jalali: (t) => {
    if (t.first.length === 4 && t.last.length <= 2)
      return jalali(Number(t.first), Number(t.middle), Number(t.last));
    if (t.last.length === 4 && t.first.length <= 2)
      return jalali(Number(t.last), Number(t.middle), Number(t.first));
    return null;
  },
  dmy: (t) => (t.first.length <= 2 ? gregorian(expandYear(t.last), Number(t.middle), Number(t.first)) : null),
  mdy: (t) => (t.first.length <= 2 ? gregorian(expandYear(t.last), Number(t.first), Number(t.middle)) : null),
};

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function formatDay(d: CalendarDay): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

/** Reads a date written as text in the given order; ISO `YYYY-MM-DD`, or null if it is not a real date. */
export function parseDateText(s: string, order: DateTextOrder): string | null {
  const t = splitDateText(s);
  if (!t) return null;
  const day = READERS[order](t);
  return day ? formatDay(day) : null;
}

/**
 * Reads a date with an optional time of day; `YYYY-MM-DD HH:MM:SS` (with fractional
 * seconds when written). A time with a zone is converted to UTC, since columns are
 * stored without zones and one column must not mix them.
 */
export function parseTimestampText(s: string, order: DateTextOrder): string | null {
  const t = splitDateText(s);
  if (!t) return null;
  const day = READERS[order](t);
  if (!day) return null;
  const time = t.time ?? { hour: 0, minute: 0, second: 0, fraction: '', offsetMinutes: null };
  let { year, month, day: dom } = day;
  let { hour, minute } = time;
  if (time.offsetMinutes !== null && time.offsetMinutes !== 0) {
    const at = new Date(0);
    at.setUTCFullYear(year, month - 1, dom);
    at.setUTCHours(hour, minute - time.offsetMinutes, 0, 0);
    year = at.getUTCFullYear();
    month = at.getUTCMonth() + 1;
    dom = at.getUTCDate();
    hour = at.getUTCHours();
    minute = at.getUTCMinutes();
  }
  const fraction = time.fraction ? `.${time.fraction}` : '';
  return `${formatDay({ year, month, day: dom })} ${pad(hour)}:${pad(minute)}:${pad(time.second)}${fraction}`;
}

/** True when the text carries a time of day other than midnight. */
export function hasTimeOfDay(s: string): boolean {
  const time = splitDateText(s)?.time;
  return !!time && (time.hour !== 0 || time.minute !== 0 || time.second !== 0 || time.fraction !== '');
}

/** Orders tried in this sequence; on a tie the earlier wins, so all-ambiguous d/m vs m/d reads day-first. */
const DETECTION_ORDERS: readonly DateTextOrder[] = ['iso', 'jalali', 'dmy', 'mdy'];

/** Share of non-blank samples that must read as dates for a column to count as dates. */
const DATE_DETECTION_SHARE = 0.9;

function readsAs(t: DateText, order: DateTextOrder): boolean {
  // In CRM data a year like 1402 is Jalali and 1850 is no Jalali year, whichever order would accept it.
  const jalaliYear = isJalaliYear(t.first) || isJalaliYear(t.last);
  if (jalaliYear !== (order === 'jalali')) return false;
  return READERS[order](t) !== null;
}

/**
 * Decides how a column of date text is written. Year-first Gregorian is 'iso'; a year
 * 1300–1499 at either end is 'jalali'; otherwise day-first vs month-first is decided by
 * the parts above 12, and a column where every part fits both reads day-first (the
 * convention in Iran and most of the world). Null when fewer than 90% of the non-blank
 * samples read as dates in the best order.
 */
export function detectDateOrder(samples: readonly string[]): DateTextOrder | null {
  const texts: DateText[] = [];
  let nonBlank = 0;
  for (const s of samples) {
    if (s.trim() === '') continue;
    nonBlank++;
    const t = splitDateText(s);
    if (t) texts.push(t);
  }
  if (nonBlank === 0) return null;
  let best: DateTextOrder | null = null;
  let bestCount = 0;
  for (const order of DETECTION_ORDERS) {
    const count = texts.filter((t) => readsAs(t, order)).length;
    if (count > bestCount) {
      best = order;
      bestCount = count;
    }
  }
  return bestCount >= DATE_DETECTION_SHARE * nonBlank ? best : null;
}
