import type { CalendarKind, Grain } from '../../core/sql/calendarSchema';
import type { FrameRequest } from './frames';

/**
 * What one frame of results was computed for: the data, and every setting of the query
 * other than the KPIs. Two requests with equal keys give equal numbers; any field that can
 * change a number belongs here.
 */
export interface FrameKey {
  /** Names the data (runner.ts: dataKeyOf): its contents, tables, columns and links. */
  readonly data: string;
  readonly grain: Grain;
  readonly calendar: CalendarKind;
  readonly from: string;
  readonly to: string;
  /** TODAY() in the formulas. */
  readonly today: string;
  readonly breakdown: { readonly table: string; readonly column: string } | null;
  readonly totals: boolean;
}

export function frameKeyOf(data: string, req: FrameRequest): FrameKey {
  return {
    data,
    grain: req.grain,
    calendar: req.calendar ?? 'gregorian',
    from: req.from,
    to: req.to,
    today: req.today,
    breakdown: req.breakdown == null ? null : { table: req.breakdown.table, column: req.breakdown.column },
    totals: req.totals === true,
  };
}

/** The key as text, every field in a fixed order: what the cache's map is indexed by. */
export function frameId(k: FrameKey): string {
  const by = k.breakdown === null ? null : [k.breakdown.table, k.breakdown.column];
  return JSON.stringify([k.data, k.grain, k.calendar, k.from, k.to, k.today, by, k.totals]);
}

const GRAINS: readonly string[] = ['day', 'week', 'month', 'quarter', 'year'];
const CALENDARS: readonly string[] = ['gregorian', 'jalali'];
const isText = (v: unknown): v is string => typeof v === 'string';

/** A key read back from storage, checked field by field; null when it does not fit. */
export function parseFrameKey(v: unknown): FrameKey | null {
  if (typeof v !== 'object' || v === null) return null;
  const k = v as Record<string, unknown>;
  const by = k.breakdown as Record<string, unknown> | null | undefined;
  const breakdown =
    by === null ? null : typeof by === 'object' && isText(by.table) && isText(by.column) ? by : undefined;
  if (
    !isText(k.data) ||
    !GRAINS.includes(k.grain as string) ||
    !CALENDARS.includes(k.calendar as string) ||
    !isText(k.from) ||
    !isText(k.to) ||
    !isText(k.today) ||
    breakdown === undefined ||
    typeof k.totals !== 'boolean'
  )
    return null;
  return {
    data: k.data,
    grain: k.grain as Grain,
    calendar: k.calendar as CalendarKind,
    from: k.from,
    to: k.to,
    today: k.today,
    breakdown:
      breakdown === null ? null : { table: String(breakdown.table), column: String(breakdown.column) },
    totals: k.totals,
  };
}

/**
 * A key as workbooks saved before keys were typed wrote it: the JSON text of
 * [data, grain, calendar, from, to, today, breakdown, totals]. Null when it is not one.
 */
export function parseLegacyFrameKey(text: string): FrameKey | null {
  let parts: unknown;
  try {
    parts = JSON.parse(text);
  } catch {
    return null;
  }
  if (!Array.isArray(parts) || parts.length !== 8) return null;
  const [data, grain, calendar, from, to, today, breakdown, totals] = parts;
  return parseFrameKey({ data, grain, calendar, from, to, today, breakdown, totals });
}
