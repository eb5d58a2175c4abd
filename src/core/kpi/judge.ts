import type { Grain } from '../sql/calendarSchema';
import { type BenchmarkRow, comparableValue, lookupBenchmark } from './benchmarks';
import { type Evaluation, evaluate, type PeriodValue } from './evaluate';
import { type KriState, kriState } from './kri';
import { STATUS_SIGNS, statusOf } from './status';
import type { KpiDirection, KpiKind, KpiThresholds } from './types';

/** What a KPI's status was judged against; null when it has no status. */
export type StatusBasis = 'thresholds' | 'target' | 'benchmark' | null;

/** The parts of a KPI that judging reads. */
interface JudgedKpi {
  readonly id: string;
  readonly direction: KpiDirection;
  readonly kind: KpiKind;
  readonly target: number | null;
  readonly thresholds?: KpiThresholds;
  readonly benchmarkKey?: string;
}

/** Where the KPI is judged: the grain of its series and the benchmark rows it may use. */
interface JudgeContext {
  readonly grain: Grain;
  readonly industry: string;
  /** The user's own benchmark rows: they come before published ones. */
  readonly userBenchmarks: readonly BenchmarkRow[];
}

interface Judgement {
  readonly evaluation: Evaluation;
  readonly basis: StatusBasis;
  readonly benchmark: BenchmarkRow | undefined;
  /** Set only for a KRI with a critical threshold and a direction. */
  readonly kri: KriState | undefined;
}

/**
 * The benchmark a KPI is compared with. A KPI with no published key still finds the
 * user's own rows under its id; without either it has none.
 */
export function benchmarkOf(k: JudgedKpi, ctx: JudgeContext): BenchmarkRow | undefined {
  if (k.benchmarkKey === undefined && !ctx.userBenchmarks.some((r) => r.kpiId === k.id)) return undefined;
  return lookupBenchmark(k.benchmarkKey ?? k.id, ctx.industry, ctx.userBenchmarks);
}

/**
 * The latest period's comparisons and status, what the status rests on, and a KRI's
 * breach or early warning. Thresholds decide first, then a target; with neither, a
 * benchmark the value can be compared with decides.
 */
export function judgeKpi(k: JudgedKpi, series: readonly PeriodValue[], ctx: JudgeContext): Judgement {
  const benchmark = benchmarkOf(k, ctx);
  const e = evaluate(series, {
    direction: k.direction,
    grain: ctx.grain,
    thresholds: k.thresholds ?? null,
    target: k.target,
    benchmark: benchmark ?? null,
  });
  const benchValue = benchmark === undefined ? null : comparableValue(benchmark);
  const judged = k.thresholds?.critical !== undefined || k.thresholds?.warning !== undefined;
  let evaluation = e;
  let basis: StatusBasis;
  if (e.status === 'none' && !judged && k.target === null && benchValue !== null && e.value !== null) {
    const status = statusOf(e.value, k.direction, null, benchValue);
    const sign = STATUS_SIGNS[status];
    evaluation = { ...e, status, statusSign: sign.sign, statusLabel: sign.label };
    basis = status === 'none' ? null : 'benchmark';
  } else {
    basis = e.status === 'none' ? null : judged ? 'thresholds' : 'target';
  }
  const critical = k.thresholds?.critical;
  const kri =
    k.kind === 'kri' && critical !== undefined && k.direction !== 'context'
      ? kriState(series, { threshold: critical, direction: k.direction, grain: ctx.grain })
      : undefined;
  return { evaluation, basis, benchmark, kri };
}
