import { checkKpis } from '../formula/check';
import type { CheckedKpi } from '../formula/checked';
import { compileScorecard, RESULT_COLUMNS } from '../formula/compile';
import {
  type Diagnostic,
  type DiagnosticCode,
  type DiagnosticParams,
  diagnostic,
  hasErrors,
} from '../formula/diagnostics';
import type { KpiDef, Schema } from '../formula/schema';
import type { DateSpan } from '../kpi/dateRange';
import type { Dialect } from '../sql/dialect';
import { type ContributionShape, contributionShape, PART_IDS } from './contributionShape';

export interface ContributionRequest {
  kpiId: string;
  /** Every KPI of the workbook: the one explained may be made of others. */
  kpis: readonly KpiDef[];
  schema: Schema;
  /** The dimension, on the KPI's table or one reachable through relationships. */
  by: { table: string; column: string };
  /** ISO date TODAY() stands for. */
  today?: string;
}

/** Why a change cannot be explained; the i18n catalogue words each. */
export type ContributionRefusal =
  | { readonly t: 'unknown-kpi'; readonly kpi: string }
  | { readonly t: 'not-decomposable'; readonly kpi: string }
  | { readonly t: 'formula'; readonly kpi: string; readonly diagnostics: readonly Diagnostic[] };

/** A KPI ready to be explained: its shape and the KPI definitions its parts need. */
interface ContributionPlan {
  readonly t: 'plan';
  readonly shape: 'additive' | 'ratio';
  readonly defs: readonly KpiDef[];
  readonly request: ContributionRequest;
  /** The dialect of the engine the plan's queries run on. */
  readonly dialect: Dialect;
  /** A query of one row, `hi`: the last date of the data the KPI reads, where "latest" ends. */
  readonly lastDateSql: string;
}

/** Result columns of `contributionSql`: one row per period and segment. */
export const CONTRIBUTION_COLUMNS = {
  side: 'side',
  segment: 'segment',
  numerator: 'numerator',
  denominator: 'denominator',
} as const;

/** The KPIs `id` uses, through the KPIs they use. */
function used(id: string, checked: ReadonlyMap<string, CheckedKpi>, out = new Set<string>()): Set<string> {
  for (const r of checked.get(id)?.refs ?? []) {
    if (out.has(r)) continue;
    out.add(r);
    used(r, checked, out);
  }
  return out;
}

/**
 * Checks the KPI and the dimension, and plans the parts the change splits into, in the
 * dialect `d` of the engine that will run them.
 */
export function planContribution(
  req: ContributionRequest,
  d: Dialect,
): ContributionPlan | ContributionRefusal {
  const def = req.kpis.find((k) => k.id === req.kpiId);
  if (def === undefined) return { t: 'unknown-kpi', kpi: req.kpiId };
  const { kpis: checked } = checkKpis(req.schema, req.kpis);
  const k = checked.get(def.id) as CheckedKpi;
  if (!k.ok) return { t: 'formula', kpi: def.id, diagnostics: k.diagnostics };
  const shape = contributionShape(def, k, checked);
  if (shape === null) return { t: 'not-decomposable', kpi: def.id };
  const parts = shape.t === 'additive' ? [shape.value] : [shape.numerator, shape.denominator];
  const refs = used(def.id, checked);
  const defs = [...parts, ...req.kpis.filter((x) => refs.has(x.id))];
  // The dimension's problems (unknown, unreachable) are the compiler's, worded as for a breakdown.
  const probe = compileScorecard({ ...common(req, defs, d), grain: 'month' });
  const mine = probe.diagnostics.filter((d) => d.kpiId === undefined || parts.some((p) => p.id === d.kpiId));
  if (hasErrors(mine)) return { t: 'formula', kpi: def.id, diagnostics: asKpis(mine, def, shape) };
  return { t: 'plan', shape: shape.t, defs, request: req, dialect: d, lastDateSql: probe.boundsSql };
}

/**
 * A part's diagnostics as the KPI's own: its name for the part's, its span moved to where
 * the part sits in the KPI's formula; the same problem of both parts said once.
 */
function asKpis(diagnostics: readonly Diagnostic[], def: KpiDef, shape: ContributionShape): Diagnostic[] {
  const parts = shape.t === 'additive' ? [shape.value] : [shape.numerator, shape.denominator];
  const out = new Map<string, Diagnostic>();
  for (const d of diagnostics) {
    const part = parts.find((p) => p.id === d.kpiId);
    const at = part === undefined ? 0 : def.formula.indexOf(part.formula);
    const params = Object.fromEntries(
      Object.entries(d.params).map(([k, v]) => [k, parts.some((p) => p.id === v) ? def.id : v]),
    ) as DiagnosticParams[DiagnosticCode];
    const span = { start: d.span.start + Math.max(0, at), end: d.span.end + Math.max(0, at) };
    const again = { ...d, ...diagnostic(d.code, params, span), kpiId: def.id };
    const key = `${d.code}\u0000${JSON.stringify(params)}`;
    if (!out.has(key)) out.set(key, again);
  }
  return [...out.values()];
}

function common(req: ContributionRequest, defs: readonly KpiDef[], dialect: Dialect) {
  return {
    kpis: defs,
    schema: req.schema,
    breakdown: req.by,
    dialect,
    ...(req.today === undefined ? {} : { today: req.today }),
  };
}

/**
 * ONE query giving, for period A (side 'a') and period B (side 'b') and each segment,
 * the numerator and denominator of a ratio KPI, or the value of an additive one (as
 * numerator, with a NULL denominator). Each side is the scorecard compiler's own query
 * over that range with the dimension as its breakdown (so relationships, filters, blanks
 * and empty segments are exactly the scorecard's), nested as a CTE of its own.
 */
export function contributionSql(plan: ContributionPlan, a: DateSpan, b: DateSpan): string {
  const d = plan.dialect;
  const q = (s: string) => d.quoteIdent(s);
  const side = (span: DateSpan) =>
    compileScorecard({ ...common(plan.request, plan.defs, d), grain: null, from: span.from, to: span.to });
  const [ca, cb] = [side(a), side(b)];
  const column = (id: string) => ca.outputs.find((o) => o.kpiId === id)?.column;
  const num = column(plan.shape === 'additive' ? PART_IDS.value : PART_IDS.numerator) as string;
  const den = plan.shape === 'additive' ? null : (column(PART_IDS.denominator) as string);
  const C = CONTRIBUTION_COLUMNS;
  const select = (name: 'a' | 'b') =>
    [
      `SELECT ${d.stringLiteral(name)} AS ${q(C.side)}, ${d.cast(q(RESULT_COLUMNS.by), 'text')} AS ${q(C.segment)},`,
      `  ${q(num)} AS ${q(C.numerator)}, ${d.cast(den === null ? 'NULL' : q(den), 'double')} AS ${q(C.denominator)}`,
      `FROM ${q(`side_${name}`)}`,
    ].join('\n');
  return [
    `WITH ${q('side_a')} AS (\n${ca.sql}\n),`,
    `${q('side_b')} AS (\n${cb.sql}\n)`,
    select('a'),
    'UNION ALL',
    select('b'),
  ].join('\n');
}
