/**
 * The calendar table's contract, shared by the engine that builds it and the
 * compiler that reads it: one row per day, and for every calendar and grain the
 * period's first day, label, ordinal and year.
 */
export type Grain = 'day' | 'week' | 'month' | 'quarter' | 'year';
export type CalendarKind = 'gregorian' | 'jalali';

export const GRAINS: readonly Grain[] = ['day', 'week', 'month', 'quarter', 'year'];
export const CALENDARS: readonly CalendarKind[] = ['gregorian', 'jalali'];

export const CALENDAR_TABLE = '_calendar';
/** The day column (DATE). */
export const CALENDAR_DAY = 'd';

interface PeriodColumns {
  /** DATE: the period's first day. */
  start: string;
  /** VARCHAR: '2024-01', '2024-Q1', '2024-W05', '1402-05', … */
  label: string;
  /** INTEGER: year × 10000 + the period's number within the year, so one year back is 10000 less. */
  ord: string;
  /** INTEGER: the year the period belongs to (ISO year for Gregorian weeks). */
  year: string;
}

const PREFIX: Record<CalendarKind, string> = { gregorian: 'g', jalali: 'j' };

export function periodColumns(calendar: CalendarKind, grain: Grain): PeriodColumns {
  const p = `${PREFIX[calendar]}_${grain}`;
  return { start: `${p}_start`, label: `${p}_label`, ord: `${p}_ord`, year: `${p}_year` };
}

/** The longest a period of the grain can be, in days; used to size look-back windows. */
export const MAX_PERIOD_DAYS: Record<Grain, number> = { day: 1, week: 7, month: 31, quarter: 93, year: 366 };
