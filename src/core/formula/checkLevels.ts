import { type KpiContext, report } from './checkContext';
import type { TExpr } from './checked';
import { walk } from './checked';
import { lookupFunction } from './registry';
import { levelOf } from './typeRules';

/** Reports the row-level columns of `e` that no aggregate wraps. */
export function reportBare(e: TExpr, ctx: KpiContext): void {
  walk(e, (n) => {
    if (n.t === 'call' && lookupFunction(n.fn)?.level !== 'row') return false;
    if (n.t === 'column') report(ctx, 'bare-column', { column: n.column }, n.span);
    return true;
  });
}

/** Reports aggregates and KPI values found inside an aggregate's argument. */
export function reportNested(outer: string, e: TExpr, ctx: KpiContext): void {
  walk(e, (n) => {
    if (n.t === 'kpi') {
      report(ctx, 'nested-aggregate', { outer, inner: `KPI ${n.id}` }, n.span);
      return false;
    }
    if (n.t === 'call' && lookupFunction(n.fn)?.level !== 'row') {
      report(ctx, 'nested-aggregate', { outer, inner: n.fn }, n.span);
      return false;
    }
    return true;
  });
}

/** Joins row-level and per-period parts: the row-level columns must be wrapped in aggregates. */
export function mixLevels(parts: TExpr[], ctx: KpiContext): void {
  const levels = parts.map(levelOf);
  if (!levels.includes('aggregate')) return;
  parts.forEach((p, i) => {
    if (levels[i] === 'row') reportBare(p, ctx);
  });
}
