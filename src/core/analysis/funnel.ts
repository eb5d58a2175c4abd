import type { Dialect } from '../sql/dialect';

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

/**
 * The funnel per group, in the dialect of the engine it runs on. The group is worked out
 * in an inner query under a name of its own, so no engine can read the outer names
 * (`leads`, `sql`…) as the table's columns of the same name.
 */
export function funnelSql(spec: FunnelSpec, d: Dialect): string {
  const q = (n: string) => d.quoteIdent(n);
  const reached = (cols: string[]) => cols.map((c) => `${q(c)} IS NOT NULL`).join(' OR ');
  const created = q(spec.created);
  const group =
    spec.groupBy === 'source'
      ? `coalesce(${d.cast(q(spec.source), 'text')}, ${d.stringLiteral('(none)')})`
      : spec.groupBy === 'quarter'
        ? d.concat([
            d.cast(d.datePart('year', created), 'text'),
            d.stringLiteral('-Q'),
            d.cast(d.datePart('quarter', created), 'text'),
          ])
        : d.stringLiteral('All leads');
  const flags = { mql: [spec.mql, spec.sql, spec.won], sql: [spec.sql, spec.won], won: [spec.won] };
  const count = (stage: keyof typeof flags) => d.aggregate('countRows', [], `f.${q(`reached_${stage}`)}`);
  const flagColumns = Object.entries(flags)
    .map(([stage, cols]) => `(${reached(cols)}) AS ${q(`reached_${stage}`)}`)
    .join(', ');
  const order = spec.groupBy === 'quarter' ? q('group') : `${q('leads')} DESC, ${q('group')}`;
  return `SELECT f.${q('funnel_group')} AS ${q('group')},
  ${d.aggregate('countRows', [], null)} AS ${q('leads')},
  ${count('mql')} AS ${q('mql')},
  ${count('sql')} AS ${q('sql')},
  ${count('won')} AS ${q('won')},
  ${d.cast(count('won'), 'double')} / ${d.aggregate('countRows', [], null)} AS ${q('lead_to_won')}
FROM (
  SELECT ${group} AS ${q('funnel_group')},
    ${flagColumns}
  FROM ${q(spec.table)}
  WHERE ${created} IS NOT NULL
) AS f
GROUP BY f.${q('funnel_group')}
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
