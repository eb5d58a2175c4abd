import type { Schema } from '../../core/formula/schema';
import type { DailyValue, PaceInput, PaceMethod } from '../../core/kpi/pace';
import { paceMethods } from '../../core/kpi/paceMethod';
import type { ScorecardRow } from '../../engine/scorecardRun';
import { frameKeyOf } from './frameKey';
import type { FrameResults, RunWork } from './frameResults';
import type { FrameRequest, FrameSettings, Period } from './frames';
import { toNumber } from './viewShape';

/** A KPI's figures in the current period, to be judged against its target (core/kpi/pace.ts). */
export type ToDateFigure = Omit<PaceInput, 'target' | 'direction'>;

/** The current period and what each KPI has done in it so far. */
export interface ToDate {
  readonly period: Period;
  /** The latest date in the data: the last day counted. */
  readonly today: string;
  readonly figures: Record<string, ToDateFigure>;
}

/** Days of daily history the weekday pattern is learnt from: eight whole weeks. */
const HISTORY_DAYS = 56;

const DAY_MS = 86_400_000;
const shift = (iso: string, days: number) =>
  new Date(Date.parse(`${iso}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
const daysFrom = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY_MS);

/** The period shown to date, the one before it and the last day counted. */
interface Unfinished {
  readonly current: Period;
  readonly previous: Period | undefined;
  readonly today: string;
}

/**
 * The period the data (or the range chosen) stops inside: with the range left to the data,
 * the one the grid leaves out (frames.ts: `completePeriods`); with an end chosen inside a
 * period, that period as of the end. Null when the range ends with a period.
 */
export function unfinishedPeriod(
  result: readonly ScorecardRow[],
  settings: FrameSettings,
  dataEnd: string,
): Unfinished | null {
  const today = settings.to !== null && settings.to < dataEnd ? settings.to : dataEnd;
  const rows = result.filter((r) => r.range === null && r.periodStart !== null && r.periodEnd !== null);
  const at = rows.findLastIndex((r) => (r.periodStart ?? '') <= today);
  const last = rows[at];
  if (last === undefined || (last.periodEnd ?? '') <= today) return null;
  const period = (r: ScorecardRow): Period => ({
    label: r.period ?? '',
    start: r.periodStart ?? '',
    end: r.periodEnd ?? '',
  });
  const before = rows[at - 1];
  return { current: period(last), previous: before === undefined ? undefined : period(before), today };
}

/**
 * The frames the current period's figures come from, each one query for all the KPIs:
 * `window` (start to today, with the same days a year earlier as its `last_year` row),
 * `previous` (as many days from the start of the previous period) and `daily` (the days
 * the weekday pattern is learnt from).
 */
function toDateFrames(
  main: FrameRequest,
  current: Period,
  previous: Period | undefined,
  today: string,
): { window: FrameRequest; previous: FrameRequest | null; daily: FrameRequest } {
  const base = { ...main, breakdown: null, totals: true };
  const days = daysFrom(current.start, today);
  const prevTo = previous === undefined ? null : shift(previous.start, days);
  return {
    window: { ...base, from: current.start, to: today },
    previous:
      previous === undefined || prevTo === null
        ? null
        : { ...base, from: previous.start, to: prevTo < previous.end ? prevTo : previous.end },
    daily: { ...base, grain: 'day', from: shift(today, 1 - HISTORY_DAYS), to: today, totals: false },
  };
}

const totalOf = (rows: readonly ScorecardRow[] | null, kind: 'total' | 'last_year', id: string) =>
  toNumber(rows?.find((r) => r.range === kind)?.values[id]);

/** Each KPI's figures in the current period from the rows of `toDateFrames`' frames. */
function toDateFigures(
  current: Period,
  today: string,
  methods: ReadonlyMap<string, PaceMethod>,
  rows: {
    window: readonly ScorecardRow[];
    previous: readonly ScorecardRow[] | null;
    daily: readonly ScorecardRow[];
  },
): Record<string, ToDateFigure> {
  const out: Record<string, ToDateFigure> = {};
  const days = rows.daily.filter((r) => r.range === null && r.periodStart !== null);
  for (const [id, method] of methods) {
    const history: DailyValue[] =
      method === 'run-rate'
        ? days.map((r) => ({ date: r.periodStart ?? '', value: toNumber(r.values[id]) }))
        : [];
    out[id] = {
      start: current.start,
      end: current.end,
      today,
      method,
      value: totalOf(rows.window, 'total', id),
      previous: totalOf(rows.previous, 'total', id),
      lastYear: totalOf(rows.window, 'last_year', id),
      history,
    };
  }
  return out;
}

/**
 * The current period's figures of every KPI the run computed: three queries at most
 * (frames through the cache, so a run that changed nothing queries nothing), and the
 * daily one only for the KPIs projected by run rate. A KPI the engine refuses is left out.
 */
export async function runToDate(
  frames: FrameResults,
  work: RunWork,
  data: string,
  o: Unfinished & { main: FrameRequest; schema: Schema },
): Promise<ToDate> {
  const f = toDateFrames(o.main, o.current, o.previous, o.today);
  const ids = work.defs.map((d) => d.id);
  const methods = paceMethods(o.schema, work.defs);
  const rowsOf = async (req: FrameRequest | null, of: readonly string[]) =>
    req === null || of.length === 0 ? null : frames.rows(work, frameKeyOf(data, req), req, of);
  const window = await rowsOf(f.window, ids);
  const previous = await rowsOf(f.previous, ids);
  const daily = await rowsOf(
    f.daily,
    ids.filter((id) => methods.get(id) === 'run-rate'),
  );
  for (const id of window?.failed.keys() ?? []) methods.delete(id);
  const figures = toDateFigures(o.current, o.today, methods, {
    window: window?.rows ?? [],
    previous: previous?.rows ?? null,
    daily: daily?.rows ?? [],
  });
  return { period: o.current, today: o.today, figures };
}
