/**
 * Days as integers (days since 1970-01-01, UTC) so the generator does date
 * arithmetic with plain numbers, plus the company's rhythm over the year.
 */

const MS_PER_DAY = 86_400_000;

export function dayOf(iso: string): number {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

/** First and last day of the three years the demo covers. */
export const FIRST_DAY = dayOf('2023-01-01');
export const LAST_DAY = dayOf('2025-12-31');
/**
 * Marketing and the funnel start running here, before the window, so January 2023
 * opens with a pipeline already in flight instead of an empty one.
 */
export const WARMUP_DAY = dayOf('2022-09-01');

// Formatting dominates CSV writing at scale, so each day's fields are computed once.
const CACHE_FROM = dayOf('2014-01-01');
const CACHE_TO = dayOf('2027-12-31');
const isoCache: string[] = [];
const yearCache = new Int16Array(CACHE_TO - CACHE_FROM + 1);
const monthCache = new Int8Array(CACHE_TO - CACHE_FROM + 1);
const weekdayCache = new Int8Array(CACHE_TO - CACHE_FROM + 1);
for (let d = CACHE_FROM; d <= CACHE_TO; d++) {
  const date = new Date(d * MS_PER_DAY);
  const i = d - CACHE_FROM;
  isoCache.push(date.toISOString().slice(0, 10));
  yearCache[i] = date.getUTCFullYear();
  monthCache[i] = date.getUTCMonth() + 1;
  weekdayCache[i] = date.getUTCDay();
}

function inCache(day: number): boolean {
  return day >= CACHE_FROM && day <= CACHE_TO;
}

/** `YYYY-MM-DD`. */
export function isoDate(day: number): string {
  return inCache(day) ? isoCache[day - CACHE_FROM] : new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, '0'));

/** `YYYY-MM-DD HH:MM:SS` from seconds since 1970-01-01 (no time zone: stored as TIMESTAMP). */
export function isoTimestamp(seconds: number): string {
  const s = Math.floor(seconds);
  const day = Math.floor(s / 86_400);
  const rest = s - day * 86_400;
  const h = Math.floor(rest / 3600);
  const m = Math.floor((rest % 3600) / 60);
  return `${isoDate(day)} ${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[rest % 60]}`;
}

export function yearOf(day: number): number {
  return inCache(day) ? yearCache[day - CACHE_FROM] : new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** 1..12. */
export function monthOf(day: number): number {
  return inCache(day) ? monthCache[day - CACHE_FROM] : new Date(day * MS_PER_DAY).getUTCMonth() + 1;
}

/** 0 = Sunday .. 6 = Saturday. */
export function weekdayOf(day: number): number {
  return inCache(day) ? weekdayCache[day - CACHE_FROM] : new Date(day * MS_PER_DAY).getUTCDay();
}

export function quarterOf(day: number): number {
  return Math.ceil(monthOf(day) / 3);
}

/** First day of a month; month may run past 12 (month 13 is next January). */
function monthStart(year: number, month: number): number {
  return Math.round(Date.UTC(year, month - 1, 1) / MS_PER_DAY);
}

/** The months from the one holding `from` to the end of the window, as [first day, last day]. */
export function windowMonths(
  from = FIRST_DAY,
): Array<{ year: number; month: number; first: number; last: number }> {
  const months = [];
  for (let y = yearOf(from); y <= yearOf(LAST_DAY); y++) {
    for (let m = y === yearOf(from) ? monthOf(from) : 1; m <= 12; m++) {
      months.push({ year: y, month: m, first: monthStart(y, m), last: monthStart(y, m + 1) - 1 });
    }
  }
  return months;
}

/** B2B buying rhythm: budgets flush in Q4, summer holidays slow everything down. */
const SEASON = [0, 0.95, 1.0, 1.05, 1.0, 1.0, 0.92, 0.72, 0.68, 0.98, 1.15, 1.3, 1.38];

export function seasonFactor(day: number): number {
  return SEASON[monthOf(day)];
}

/** The company grows about a quarter a year over the window. */
export function growthFactor(day: number): number {
  return 1 + (0.27 * (day - FIRST_DAY)) / 365;
}

/** Business activity on a weekday vs the weekend. */
export function workdayFactor(day: number): number {
  const w = weekdayOf(day);
  return w === 0 || w === 6 ? 0.3 : 1.16;
}
