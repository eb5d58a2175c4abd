import { z } from 'zod';
import { parseCacheSnapshot } from './scorecardCache';
import type { ScorecardResults } from './scorecardStore';

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
