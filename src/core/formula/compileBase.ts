import type { Span } from './ast';
import type { CheckedKpi, TExpr } from './checked';
import { walk } from './checked';
import { lookupFunction } from './registry';

/** Aggregates that count rows: a share of one count in another is a rate. */
export const COUNT_AGGREGATES: ReadonlySet<string> = new Set([
  'COUNT',
  'COUNTD',
  'COUNTIF',
  'COUNTROWS',
  'ACTIVE',
]);

type Call = Extract<TExpr, { t: 'call' }>;

/**
 * What a KPI's value rests on in each period (src/core/kpi/thinBase.ts), computed in
 * the same query as the value:
 * - `exprs`: these expressions' values, the smallest of them: a rate's count
 *   denominator, or the KPI's own ACTIVE() counts;
 * - `rows`: the rows of these tables in the period, the KPI's filter applied (one
 *   COUNTROWS per table, shared with any identical aggregate);
 * - `refs`: a KPI made only of other KPIs rests on the thinnest of their bases.
 */
export type BasePlan =
  | { readonly t: 'exprs'; readonly exprs: readonly TExpr[] }
  | { readonly t: 'rows'; readonly sources: readonly string[] }
  | { readonly t: 'refs' };

/** The divisor of `a / b` or `DIVIDE(a, b[, alt])` at the top of a formula. */
function denominatorOf(e: TExpr): TExpr | null {
  if (e.t === 'binary' && e.op === '/') return e.right;
  if (e.t === 'call' && e.fn === 'DIVIDE' && e.args.length >= 2) return e.args[1] ?? null;
  return null;
}

/** A count of rows: a count aggregate, or a KPI that is one. */
function isCount(e: TExpr, checked: ReadonlyMap<string, CheckedKpi>, seen = new Set<string>()): boolean {
  if (e.t === 'call') return e.source !== undefined && COUNT_AGGREGATES.has(e.fn);
  if (e.t !== 'kpi' || seen.has(e.id)) return false;
  seen.add(e.id);
  const k = checked.get(e.id);
  return k?.expr != null && isCount(k.expr, checked, seen);
}

export function planBase(k: CheckedKpi, checked: ReadonlyMap<string, CheckedKpi>): BasePlan | null {
  if (k.expr === null) return null;
  const den = denominatorOf(k.expr);
  if (den !== null && isCount(den, checked)) return { t: 'exprs', exprs: [den] };
  const calls: Call[] = [];
  walk(k.expr, (n) => {
    if (n.t !== 'call' || lookupFunction(n.fn)?.level !== 'aggregate' || n.source === undefined) return true;
    calls.push(n);
    return false;
  });
  if (calls.length === 0) return k.refs.length > 0 ? { t: 'refs' } : null;
  const others = calls.filter((c) => c.fn !== 'ACTIVE');
  // Who is active is itself the count a rate of them would divide by.
  if (others.length === 0) return { t: 'exprs', exprs: calls };
  return { t: 'rows', sources: [...new Set(others.map((c) => c.source as string))] };
}

/** COUNTROWS(source), written as the checker writes it, so an identical aggregate is shared. */
export function rowsCall(source: string, span: Span): Call {
  return {
    t: 'call',
    fn: 'COUNTROWS',
    args: [{ t: 'table', table: source, type: null, span }],
    type: 'number',
    span,
    source,
  };
}
