import type { PeriodRow, ResultTable } from '../notebook/types';
import { numberOrNull } from './kpiSet';

/**
 * Segment comparison of one KPI: its value per breakdown value, averaged over the
 * last `periods` periods that have one (a single period is noisy for rates such as
 * churn), ranked from highest to lowest.
 */
export function compareSegments(rows: readonly PeriodRow[], kpiId: string, periods: number): ResultTable {
  const starts = [...new Set(rows.map((r) => r.periodStart).filter((s): s is string => s !== null))].sort();
  const keep = new Set(starts.slice(-Math.max(1, periods)));
  const bySegment = new Map<string, number[]>();
  for (const r of rows) {
    if (r.periodStart !== null && !keep.has(r.periodStart)) continue;
    const v = numberOrNull(r.values[kpiId]);
    const key = r.by === null ? '(blank)' : String(r.by);
    const list = bySegment.get(key) ?? [];
    if (v !== null) list.push(v);
    bySegment.set(key, list);
  }
  const out = [...bySegment]
    .map(([segment, vs]) => ({
      segment,
      value: vs.length === 0 ? null : vs.reduce((a, b) => a + b, 0) / vs.length,
      periods: vs.length,
    }))
    .sort((a, b) => (b.value ?? Number.NEGATIVE_INFINITY) - (a.value ?? Number.NEGATIVE_INFINITY));
  return {
    columns: [
      { name: 'segment', kind: 'text' },
      { name: 'value', kind: 'number' },
      { name: 'periods', kind: 'number' },
    ],
    rows: out,
  };
}
