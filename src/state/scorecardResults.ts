import { z } from 'zod';
import type { CacheSnapshot } from '../app/scorecard/resultsCache';
import { parseCacheSnapshot } from '../app/scorecard/resultsCache';
import { asDef, type WorkbookKpi } from '../app/scorecard/workbookKpis';
import type { ScorecardResults, ScorecardSettings, ScorecardState } from './scorecardTypes';

const isoOrEmpty = z.string().max(10);
const value = z.number().nullable();

/**
 * The shape kept results must have. Browser storage outlives app versions, so what
 * comes back is checked and dropped when it does not fit, never trusted as typed.
 */
const ResultsSchema = z.object({
  viewKey: z.string(),
  dataKey: z.string(),
  view: z.object({
    periods: z.array(z.object({ label: z.string(), start: isoOrEmpty, end: isoOrEmpty })),
    series: z.record(z.string(), z.array(value)),
    bases: z.record(z.string(), z.array(value)).optional(),
    segments: z.record(z.string(), z.array(z.object({ segment: z.string(), value, base: value.optional() }))),
    diagnostics: z.record(
      z.string(),
      z.array(
        z.looseObject({
          code: z.string(),
          message: z.string(),
          severity: z.string(),
          span: z.object({ start: z.number(), end: z.number() }),
        }),
      ),
    ),
    failures: z.record(z.string(), z.object({ message: z.string(), via: z.string().nullable() })).optional(),
    dataRange: z.object({ from: z.string(), to: z.string() }).nullable(),
    unavailable: z.array(z.object({ id: z.string(), reason: z.string(), missing: z.array(z.string()) })),
  }),
  cache: z.unknown(),
});

export function parseScorecardResults(v: unknown): ScorecardResults | null {
  const r = ResultsSchema.safeParse(v);
  if (!r.success || parseCacheSnapshot(r.data.cache) === null) return null;
  // Diagnostics were the store's own when kept: their parameters are not re-checked field by field.
  return r.data as unknown as ScorecardResults;
}

/** Names what the shown numbers depend on besides the data: the KPIs' definitions and the settings that query. */
export function viewKeyOf(kpis: readonly WorkbookKpi[], settings: ScorecardSettings): string {
  const { grain, calendar, from, to, breakdown } = settings;
  return JSON.stringify([kpis.map(asDef), grain, calendar, from, to, breakdown]);
}

/** What the scorecard shows, with the cached results of its data, to keep with the workbook. */
export function keptResults(
  st: ScorecardState,
  shown: { data: string; view: string },
  cache: CacheSnapshot,
): ScorecardResults {
  return {
    viewKey: shown.view,
    dataKey: shown.data,
    view: {
      periods: st.periods,
      series: st.series,
      bases: st.bases,
      segments: st.segments,
      diagnostics: st.diagnostics,
      failures: st.failures,
      dataRange: st.dataRange,
      unavailable: st.unavailable.map((u) => ({ id: u.kpi.id, reason: u.reason, missing: [...u.missing] })),
    },
    cache,
  };
}
