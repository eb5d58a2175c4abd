import { type Dialect, duckdb } from '../sql/dialect';

/**
 * Conversion funnel over leads: lead → MQL → SQL → won (became a customer). A lead
 * counts at a stage when it reached that stage or any later one, so a lead fast-tracked
 * straight to SQL is not lost from the MQL step and each step is a subset of the last.
 */
export type FunnelGroup = 'source' | 'quarter' | 'none';

export interface FunnelSpec {
  table: string;
  created: string;
  source: string;
  mql: string;
  sql: string;
  won: string;
  groupBy: FunnelGroup;
}

export const FUNNEL_DEFAULTS = {
  table: 'leads',
  created: 'created_at',
  source: 'source',
  mql: 'mql_at',
  sql: 'sql_at',
  won: 'converted_at',
  groupBy: 'source',
} as const;

export const FUNNEL_STAGES = ['leads', 'mql', 'sql', 'won'] as const;

export function funnelSql(spec: FunnelSpec, d: Dialect = duckdb): string {
  const q = (n: string) => d.quoteIdent(n);
  const reached = (cols: string[]) => cols.map((c) => `${q(c)} IS NOT NULL`).join(' OR ');
  const group =
    spec.groupBy === 'source'
      ? `coalesce(CAST(${q(spec.source)} AS VARCHAR), '(none)')`
      : spec.groupBy === 'quarter'
        ? `CAST(year(${q(spec.created)}) AS VARCHAR) || '-Q' || CAST(quarter(${q(spec.created)}) AS VARCHAR)`
        : `'All leads'`;
  const order = spec.groupBy === 'quarter' ? '"group"' : 'leads DESC, "group"';
  return `SELECT ${group} AS "group",
  count(*) AS leads,
  count(*) FILTER (WHERE ${reached([spec.mql, spec.sql, spec.won])}) AS mql,
  count(*) FILTER (WHERE ${reached([spec.sql, spec.won])}) AS sql,
  count(*) FILTER (WHERE ${reached([spec.won])}) AS won,
  count(*) FILTER (WHERE ${reached([spec.won])}) / count(*) AS lead_to_won
FROM ${q(spec.table)}
WHERE ${q(spec.created)} IS NOT NULL
GROUP BY 1
ORDER BY ${order}`;
}
