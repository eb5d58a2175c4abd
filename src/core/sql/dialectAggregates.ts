import type { AggregateKind } from './dialect';

/** The aggregates whose spelling differs between engines that otherwise follow the standard. */
type OwnAggregates = Record<'stddev' | 'percentile' | 'anyValue', (x: string, p: string) => string>;

/**
 * An aggregate as standard SQL spells it (DuckDB, PostgreSQL), with FILTER (WHERE …)
 * for the rows it counts; `own` spells the few the standard leaves to each engine.
 */
export function standardAggregate(
  own: OwnAggregates,
  kind: AggregateKind,
  [x, p]: readonly string[],
  filter: string | null,
): string {
  const sql =
    kind === 'countRows'
      ? 'COUNT(*)'
      : kind === 'countDistinct'
        ? `COUNT(DISTINCT ${x})`
        : kind === 'stddev' || kind === 'percentile' || kind === 'anyValue'
          ? own[kind](x, p)
          : `${STANDARD[kind]}(${x})`;
  return filter === null ? sql : `${sql} FILTER (WHERE ${filter})`;
}

const STANDARD = { sum: 'SUM', avg: 'AVG', count: 'COUNT', min: 'MIN', max: 'MAX' } as const;
