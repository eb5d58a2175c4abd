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
  const sql = call(own, kind, x, p);
  return filter === null ? sql : `${sql} FILTER (WHERE ${filter})`;
}

function call(own: OwnAggregates, kind: AggregateKind, x: string, p: string): string {
  switch (kind) {
    case 'countRows':
      return 'COUNT(*)';
    case 'countDistinct':
      return `COUNT(DISTINCT ${x})`;
    case 'corr':
      return `CORR(${x}, ${p})`;
    case 'stddev':
    case 'percentile':
    case 'anyValue':
      return own[kind](x, p);
    default:
      return `${STANDARD[kind]}(${x})`;
  }
}

const STANDARD = { sum: 'SUM', avg: 'AVG', count: 'COUNT', min: 'MIN', max: 'MAX' } as const;
