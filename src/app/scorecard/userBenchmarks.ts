import type { BenchmarkRow, BenchmarkScale } from '../../core/kpi/benchmarks';
import type { UserBenchmark } from '../../core/model/documentSchema';

/**
 * The user's own benchmark rows and their saved form (doc.benchmarks). The
 * document row keeps the KPI id in `label` and the source note in `source`; the
 * value is on the KPI's own scale (a fraction for a percentage).
 */
interface UserBenchmarkInput {
  readonly kpiId: string;
  /** An industry key, or 'all'. */
  readonly industry: string;
  readonly value: number;
  readonly note: string;
  readonly scale: BenchmarkScale;
}

/** The benchmark scale that reads like a KPI of this format. */
export function scaleForFormat(format: string): BenchmarkScale {
  switch (format) {
    case 'percent':
      return 'fraction';
    case 'currency':
      return 'currency';
    case 'duration':
      return 'days';
    default:
      return 'ratio';
  }
}

export function userBenchmarkRow(input: UserBenchmarkInput, key: string): BenchmarkRow {
  return {
    key,
    kpiId: input.kpiId,
    industry: input.industry,
    scope: input.note.trim() || 'Your own figure',
    value: input.value,
    scale: input.scale,
    statistic: 'company-reported',
    year: '',
    source: 'user',
    secondary: false,
    ...(input.note.trim() === '' ? {} : { note: input.note.trim() }),
  };
}

/** A key not yet among `rows`: `user:<kpi>:<n>`. */
export function nextUserKey(kpiId: string, rows: readonly BenchmarkRow[]): string {
  const taken = new Set(rows.map((r) => r.key));
  let n = 1;
  while (taken.has(`user:${kpiId}:${n}`)) n++;
  return `user:${kpiId}:${n}`;
}

export function toDocumentBenchmarks(rows: readonly BenchmarkRow[]): UserBenchmark[] {
  return rows.map((r) => ({
    key: r.key,
    label: r.kpiId,
    value: r.value ?? 0,
    industry: r.industry === 'all' ? null : r.industry,
    ...(r.note === undefined ? {} : { source: r.note }),
  }));
}

export function fromDocumentBenchmarks(
  rows: readonly UserBenchmark[],
  scaleOf: (kpiId: string) => BenchmarkScale,
): BenchmarkRow[] {
  return rows.map((b) =>
    userBenchmarkRow(
      {
        kpiId: b.label,
        industry: b.industry ?? 'all',
        value: b.value,
        note: b.source ?? '',
        scale: scaleOf(b.label),
      },
      b.key,
    ),
  );
}
