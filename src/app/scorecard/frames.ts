import type { ScorecardRequest } from '../../core/formula/compile';
import type { Schema } from '../../core/formula/schema';
import { type DateSpan, defaultRange, monthsBack } from '../../core/kpi/dateRange';
import type { CalendarKind, Grain } from '../../core/sql/calendarSchema';
import type { ScorecardRow } from '../../engine/scorecardRun';

/** One query's worth of a scorecard: everything but the KPIs and the dialect (the engine's, when it runs). */
export type FrameRequest = Omit<ScorecardRequest, 'kpis' | 'dialect'> & {
  grain: Grain;
  from: string;
  to: string;
  today: string;
  breakdown: ScorecardRequest['breakdown'];
};

/** The settings that decide which numbers a scorecard shows (not how they are judged). */
export interface FrameSettings {
  readonly grain: Grain;
  readonly calendar: CalendarKind;
  /** ISO dates; null means the data's own (at most the last `DEFAULT_MONTHS` months of it). */
  readonly from: string | null;
  readonly to: string | null;
  /** `table.column`, or null for none. */
  readonly breakdown: string | null;
}

export interface Period {
  readonly label: string;
  readonly start: string;
  readonly end: string;
}

const DEFAULT_MONTHS = 36;

/** The range shown for `settings`: the one chosen, else the one that fits the data. */
export function rangeFor(settings: FrameSettings, dataRange: DateSpan, today: string): DateSpan {
  const fits = defaultRange([dataRange], DEFAULT_MONTHS, today);
  const to = settings.to ?? fits.to;
  const from = settings.from ?? (settings.to === null ? fits.from : monthsBack(to, DEFAULT_MONTHS));
  return { from, to };
}

/**
 * The frames of the scorecard and its breakdown for `settings`: the breakdown's starts at
 * the grid's latest period (`byFrom`), the only one shown per segment, while its spine keeps
 * PREV's look-back.
 */
export function framesFor(
  settings: FrameSettings,
  dataRange: DateSpan,
  schema: Schema,
  today: string,
): { main: FrameRequest; byFrom: (periods: readonly Period[]) => FrameRequest | null } {
  const { from, to } = rangeFor(settings, dataRange, today);
  const main: FrameRequest = {
    schema,
    grain: settings.grain,
    calendar: settings.calendar,
    from,
    to,
    today,
    breakdown: null,
    totals: true,
  };
  const bd = settings.breakdown;
  const dot = bd === null ? -1 : bd.indexOf('.');
  const breakdown = bd === null ? null : { table: bd.slice(0, dot), column: bd.slice(dot + 1) };
  const byFrom = (periods: readonly Period[]): FrameRequest | null =>
    breakdown === null ? null : { ...main, from: periods.at(-1)?.start ?? from, breakdown, totals: false };
  return { main, byFrom };
}

/**
 * The period rows (whole-range rows left out). With the range left to the data, a last
 * period it has not finished would read as a collapse.
 */
export function completePeriods(
  result: readonly ScorecardRow[],
  settings: FrameSettings,
  dataEnd: string,
): ScorecardRow[] {
  const periods = result.filter((r) => r.range === null);
  const complete =
    settings.to === null ? periods.filter((r) => r.periodEnd === null || r.periodEnd <= dataEnd) : periods;
  return complete.length > 0 ? complete : periods;
}
