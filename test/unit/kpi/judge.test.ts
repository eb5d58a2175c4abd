import { describe, expect, it } from 'vitest';
import type { BenchmarkRow } from '../../../src/core/kpi/benchmarks';
import type { PeriodValue } from '../../../src/core/kpi/evaluate';
import { judgeKpi } from '../../../src/core/kpi/judge';

/** Judging a KPI's latest period by hand-computed cases: what decides, and against what. */
type Kpi = Parameters<typeof judgeKpi>[0];

const kpi = (over: Partial<Kpi> = {}): Kpi => ({
  id: 'k',
  direction: 'up',
  kind: 'kpi',
  target: null,
  ...over,
});
const series = (...values: (number | null)[]): PeriodValue[] =>
  values.map((value, i) => ({ period: `P${i + 1}`, value }));

const userRow = (kpiId: string, value: number): BenchmarkRow => ({
  key: `user:${kpiId}`,
  kpiId,
  industry: 'all',
  scope: 'our plan',
  value,
  scale: 'fraction',
  statistic: 'median',
  year: '2024',
  source: 'user',
  secondary: false,
});

const ctx = (userBenchmarks: BenchmarkRow[] = []) => ({
  grain: 'month' as const,
  industry: 'all',
  userBenchmarks,
});

describe('judgeKpi', () => {
  it('judges by thresholds first: at or past critical is bad, past warning a warning', () => {
    const up = kpi({ thresholds: { warning: 10, critical: 5 }, target: 100 });
    expect(judgeKpi(up, series(7), ctx())).toMatchObject({
      basis: 'thresholds',
      evaluation: { status: 'warning' },
    });
    expect(judgeKpi(up, series(5), ctx()).evaluation.status).toBe('bad');
    // A target of 100 is missed by 11, but thresholds decide: 11 is past neither.
    expect(judgeKpi(up, series(11), ctx()).evaluation.status).toBe('good');
  });

  it('reads thresholds the other way for a KPI where lower is better', () => {
    const down = kpi({ direction: 'down', thresholds: { warning: 20, critical: 30 } });
    expect(judgeKpi(down, series(10), ctx()).evaluation.status).toBe('good');
    expect(judgeKpi(down, series(25), ctx()).evaluation.status).toBe('warning');
    expect(judgeKpi(down, series(30), ctx()).evaluation.status).toBe('bad');
  });

  it('judges by the target without thresholds: reached is good, missed a warning', () => {
    const down = kpi({ direction: 'down', target: 20 });
    expect(judgeKpi(down, series(15), ctx())).toMatchObject({
      basis: 'target',
      evaluation: { status: 'good' },
    });
    expect(judgeKpi(down, series(25), ctx()).evaluation.status).toBe('warning');
  });

  it('falls back to a benchmark with neither, and says so', () => {
    const rows = [userRow('k', 0.3)];
    const j = judgeKpi(kpi(), series(0.2, 0.35), ctx(rows));
    expect(j.benchmark?.value).toBe(0.3);
    expect(j.basis).toBe('benchmark');
    expect(j.evaluation.status).toBe('good');
    expect(j.evaluation.statusSign).toBe('✓');
    expect(judgeKpi(kpi(), series(0.25), ctx(rows)).evaluation.status).toBe('warning');
    // A target, even one the benchmark would judge otherwise, comes before it.
    expect(judgeKpi(kpi({ target: 0.4 }), series(0.35), ctx(rows))).toMatchObject({
      basis: 'target',
      evaluation: { status: 'warning' },
    });
  });

  it('finds a benchmark under the KPI’s benchmark key, and none without a key or rows', () => {
    expect(
      judgeKpi(kpi({ benchmarkKey: 'shared' }), series(1), ctx([userRow('shared', 2)])).benchmark?.value,
    ).toBe(2);
    const none = judgeKpi(kpi(), series(1), ctx([userRow('other', 2)]));
    expect(none).toMatchObject({ benchmark: undefined, basis: null, evaluation: { status: 'none' } });
  });

  it('gives a KRI state only to a KRI with a critical threshold', () => {
    // 2, 4, 6, 8 rises by 2 a period: the line reaches 10 one period ahead.
    const rising = series(2, 4, 6, 8);
    const kri = kpi({ kind: 'kri', direction: 'down', thresholds: { critical: 10 } });
    expect(judgeKpi(kri, rising, ctx()).kri).toMatchObject({
      breached: false,
      warning: true,
      periodsToBreach: 1,
    });
    expect(judgeKpi(kri, series(2, 4, 6, 11), ctx()).kri).toMatchObject({
      breached: true,
      periodsToBreach: 0,
    });
    expect(judgeKpi({ ...kri, kind: 'kpi' }, rising, ctx()).kri).toBeUndefined();
    expect(judgeKpi({ ...kri, thresholds: { warning: 10 } }, rising, ctx()).kri).toBeUndefined();
    expect(judgeKpi({ ...kri, direction: 'context' }, rising, ctx()).kri).toBeUndefined();
  });
});
