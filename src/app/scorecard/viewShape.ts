import type { ScorecardOutput } from '../../core/formula/compile';
import type { Diagnostic } from '../../core/formula/diagnostics';
import type { DateSpan } from '../../core/kpi/dateRange';
import type { KpiDirection } from '../../core/kpi/types';
import { type TotalFigure, totalFigure } from '../../core/kpi/wholeRange';
import { type ScorecardRow, spanKey } from '../../engine/scorecardRun';
import type { Period } from './frames';
import { type KpiPlan, withRefs } from './kpiPlan';

/** The latest value of a KPI for one breakdown value. */
export interface SegmentValue {
  readonly segment: string;
  readonly value: number | null;
  /** What the value rests on (thinBase.ts); absent when unknown. */
  readonly base?: number | null;
}

/** A KPI that compiled but that the engine refused while the others computed. */
export interface KpiFailure {
  /** The engine's message. */
  readonly message: string;
  /** A KPI this one uses that failed too: the likely cause. */
  readonly via: string | null;
}

type Series = Record<string, (number | null)[]>;

export function toNumber(v: unknown): number | null {
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** Period rows into periods and, per KPI, values (and bases, for a KPI that has them) aligned with them. */
export function spread(
  result: readonly ScorecardRow[],
  ids: readonly string[],
): { periods: Period[]; series: Series; bases: Series } {
  const periods: Period[] = [];
  const series: Series = {};
  const bases: Series = {};
  for (const id of ids) series[id] = [];
  for (const r of result) {
    periods.push({ label: r.period ?? '', start: r.periodStart ?? '', end: r.periodEnd ?? '' });
    for (const id of ids) {
      series[id].push(toNumber(r.values[id]));
      if (id in r.bases) {
        bases[id] = bases[id] ?? [];
        bases[id].push(toNumber(r.bases[id]));
      }
    }
  }
  return { periods, series, bases };
}

/** Each KPI's whole-range figure from the whole-range rows of a run. */
export function totalsOf(
  result: readonly ScorecardRow[],
  outputs: readonly ScorecardOutput[],
  directionOf: (id: string) => KpiDirection | undefined,
  spans: ReadonlyMap<string, DateSpan>,
): Record<string, TotalFigure> {
  const out: Record<string, TotalFigure> = {};
  const ranged = result.filter((r) => r.range !== null);
  for (const o of outputs) {
    const direction = directionOf(o.kpiId);
    if (direction === undefined) continue;
    const rows = ranged.map((r) => ({
      range: r.range ?? 'total',
      from: r.periodStart,
      to: r.periodEnd,
      value: toNumber(r.values[o.kpiId]),
      base: toNumber(r.bases[o.kpiId]),
    }));
    const found = o.times.flatMap((t) => spans.get(spanKey(t)) ?? []);
    out[o.kpiId] = totalFigure(rows, { direction, dated: o.dated, spans: found });
  }
  return out;
}

/**
 * Per KPI, the segments of the period starting at `start` (best first): the grid's latest
 * period, which the breakdown run starts at. The run may go on into a period the data has
 * not finished, which the grid leaves out and so must the segments.
 */
export function segmentsOf(
  result: readonly ScorecardRow[],
  ids: readonly string[],
  start: string,
  directionOf: (id: string) => KpiDirection | undefined,
): Record<string, SegmentValue[]> {
  const out: Record<string, SegmentValue[]> = {};
  const latest = result.filter((r) => (r.periodStart ?? '') === start);
  for (const id of ids) {
    const sign = directionOf(id) === 'down' ? 1 : -1;
    out[id] = latest
      .map((r) => ({
        segment: r.by === null ? '' : String(r.by),
        value: toNumber(r.values[id]),
        base: toNumber(r.bases[id]),
      }))
      .sort((a, b) => {
        if (a.value === null) return b.value === null ? 0 : 1;
        if (b.value === null) return -1;
        return sign * (a.value - b.value);
      });
  }
  return out;
}

export function byKpi(diagnostics: readonly Diagnostic[]): Record<string, Diagnostic[]> {
  const out: Record<string, Diagnostic[]> = {};
  for (const d of diagnostics) {
    const id = d.kpiId ?? '';
    out[id] = [...(out[id] ?? []), d];
  }
  return out;
}

/** Refusals by KPI, each naming a KPI it uses that failed as well, when there is one. */
export function failuresOf(failed: ReadonlyMap<string, string>, plan: KpiPlan): Record<string, KpiFailure> {
  const out: Record<string, KpiFailure> = {};
  for (const [id, message] of failed) {
    const via = [...withRefs([id], plan.refs)].find((r) => r !== id && failed.has(r)) ?? null;
    out[id] = { message, via };
  }
  return out;
}
