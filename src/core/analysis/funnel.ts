import type { Dialect } from '../sql/dialect';
import { duckdb } from '../sql/dialects/registry';

/**
 * Conversion funnel over leads: lead → MQL → SQL → won (became a customer). A lead
 * counts at a stage when it reached that stage or any later one, so a lead fast-tracked
 * straight to SQL is not lost from the MQL step and each step is a subset of the last.
 */
export type FunnelGroup = 'source' | 'quarter' | 'none';

interface FunnelSpec {
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

export type FunnelStage = (typeof FUNNEL_STAGES)[number];

/** One stage of one group: how many reached it, as a share of the stage before and of the first. */
export interface FunnelStep {
  stage: FunnelStage;
  count: number;
  /** Share of the previous stage that reached this one; null for the first stage or an empty previous one. */
  ofPrevious: number | null;
  /** Share of the first stage (leads); null for the first stage itself or no leads. */
  ofFirst: number | null;
}

const count = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** The stages of one funnel row (`funnelSql`'s output) with their step-to-step and overall conversion. */
export function funnelSteps(row: Readonly<Record<string, unknown>>): FunnelStep[] {
  const first = count(row[FUNNEL_STAGES[0]]);
  return FUNNEL_STAGES.map((stage, i) => {
    const n = count(row[stage]);
    if (i === 0) return { stage, count: n, ofPrevious: null, ofFirst: null };
    return {
      stage,
      count: n,
      ofPrevious: share(n, count(row[FUNNEL_STAGES[i - 1]])),
      ofFirst: share(n, first),
    };
  });
}
