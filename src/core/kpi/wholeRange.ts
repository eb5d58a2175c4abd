import { type DateSpan, overlaps, spanOf } from './dateRange';
import { type Comparison, compare } from './evaluate';
import { thinBase } from './thinBase';
import type { KpiDirection } from './types';

/** One whole-range row of a scorecard run for one KPI. */
interface RangeValue {
  readonly range: 'total' | 'previous' | 'last_year';
  readonly from: string | null;
  readonly to: string | null;
  readonly value: number | null;
  /** What the value rests on (thinBase.ts); absent when unknown. */
  readonly base?: number | null;
}

/** A KPI over the whole selected range, with the range before it and the same range last year. */
export interface TotalFigure {
  readonly value: number | null;
  readonly range: DateSpan | null;
  readonly previous: Comparison & { readonly range: DateSpan | null };
  readonly lastYear: Comparison & { readonly range: DateSpan | null };
  /** False for a KPI over undated tables only (a snapshot): it has this figure and no periods. */
  readonly dated: boolean;
  /**
   * The dates the KPI's tables hold, when none of them falls in the range: the reason
   * the figure is blank. Null when the range has data or the KPI reads no dated table.
   */
  readonly outside: DateSpan | null;
}

const spanOfRow = (r: RangeValue | undefined): DateSpan | null =>
  r?.from != null && r.to != null ? { from: r.from, to: r.to } : null;

export function totalFigure(
  rows: readonly RangeValue[],
  o: { direction: KpiDirection; dated: boolean; spans: readonly DateSpan[] },
): TotalFigure {
  const at = (kind: RangeValue['range']) => rows.find((r) => r.range === kind);
  const total = at('total');
  const value = total?.value ?? null;
  const range = spanOfRow(total);
  const data = spanOf(o.spans);
  const outside = range !== null && data !== null && !o.spans.some((s) => overlaps(s, range)) ? data : null;
  const against = (kind: RangeValue['range']) => ({
    ...compare(value, at(kind)?.value ?? null, o.direction, thinBase(total?.base, at(kind)?.base)),
    range: spanOfRow(at(kind)),
  });
  return {
    value,
    range,
    previous: against('previous'),
    lastYear: against('last_year'),
    dated: o.dated,
    outside,
  };
}
