import { contributionShape } from '../analysis/contributionShape';
import { checkKpis } from '../formula/check';
import type { CheckedKpi, TExpr } from '../formula/checked';
import { walk } from '../formula/checked';
import type { KpiDef, Schema } from '../formula/schema';
import type { PaceMethod } from './pace';

/**
 * How each KPI's period end is projected (pace.ts): a sum or count of rows (or a linear mix
 * of them) runs on at its rate; a ratio, an average, a distinct count or a level such as
 * ACTIVE() (customers at the period start: a stock, not a flow) ends where it stands.
 */
export function paceMethods(schema: Schema, defs: readonly KpiDef[]): Map<string, PaceMethod> {
  const checked = checkKpis(schema, defs).kpis;
  const out = new Map<string, PaceMethod>();
  for (const def of defs) {
    const k = checked.get(def.id);
    const shape = k === undefined ? null : contributionShape(def, k, checked);
    const level = k?.expr != null && readsActive(k.expr, checked, new Set([def.id]));
    out.set(def.id, shape?.t === 'additive' && !level ? 'run-rate' : 'to-date');
  }
  return out;
}

/** Whether ACTIVE() is in the formula or in a KPI it uses. */
function readsActive(expr: TExpr, checked: ReadonlyMap<string, CheckedKpi>, seen: Set<string>): boolean {
  let found = false;
  walk(expr, (e) => {
    if (e.t === 'call' && e.fn === 'ACTIVE') found = true;
    const used = e.t === 'kpi' && !seen.has(e.id) ? checked.get(e.id)?.expr : null;
    if (e.t === 'kpi' && used != null) found ||= readsActive(used, checked, new Set([...seen, e.id]));
    return !found;
  });
  return found;
}
