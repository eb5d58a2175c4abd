import type { NotebookKpi, PeriodRow, ResultTable } from '../notebook/types';
import { numberOrNull } from './kpiSet';

/**
 * "What changed": each KPI's latest period against the one before, with the change
 * (relative for amounts; in percentage points for rates and in points for scores such as NPS,
 * which is how a reader compares them).
 */
export function latestChange(rows: readonly PeriodRow[], kpis: readonly NotebookKpi[]): ResultTable {
  const sorted = [...rows]
    .filter((r) => r.periodStart !== null)
    .sort((a, b) => String(a.periodStart).localeCompare(String(b.periodStart)));
  const last = sorted[sorted.length - 1];
  const prev = sorted[sorted.length - 2];
  const out = kpis.map((k) => {
    const now = numberOrNull(last?.values[k.id]);
    const before = numberOrNull(prev?.values[k.id]);
    // Rates and scores (NPS) change by a difference; amounts by a ratio.
    const changeKind = k.format === 'percent' ? 'pp' : k.unit === 'points' ? 'points' : 'relative';
    const change =
      now === null || before === null
        ? null
        : changeKind !== 'relative'
          ? now - before
          : before === 0
            ? null
            : (now - before) / Math.abs(before);
    return {
      kpi: k.id,
      label: k.label,
      format: k.format,
      direction: k.direction,
      period: last?.period ?? null,
      previousPeriod: prev?.period ?? null,
      value: now,
      previous: before,
      change,
      changeKind,
    };
  });
  return {
    columns: [
      { name: 'label', kind: 'text' },
      { name: 'value', kind: 'number' },
      { name: 'previous', kind: 'number' },
      { name: 'change', kind: 'number' },
    ],
    rows: out,
  };
}

/** KPI values per period, one column per KPI, for a line chart. */
export function kpiSeries(rows: readonly PeriodRow[], kpiIds: readonly string[]): ResultTable {
  const sorted = [...rows]
    .filter((r) => r.periodStart !== null)
    .sort((a, b) => String(a.periodStart).localeCompare(String(b.periodStart)));
  return {
    columns: [
      { name: 'period', kind: 'text' },
      ...kpiIds.map((id) => ({ name: id, kind: 'number' as const })),
    ],
    rows: sorted.map((r) => {
      const row: Record<string, string | number | null> = { period: r.period ?? r.periodStart };
      for (const id of kpiIds) row[id] = numberOrNull(r.values[id]);
      return row;
    }),
  };
}
