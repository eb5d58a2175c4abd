import type { CheckedKpi, TExpr } from '../formula/checked';
import type { KpiDef } from '../formula/schema';
import { constantNumber } from '../formula/typeRules';

/**
 * Aggregates whose value over a set of rows is the sum of their values over any split
 * of those rows by segment. COUNTD is not (a customer with deals in two segments is
 * counted once in the total and once in each), nor AVERAGE, MEDIAN, MIN, MAX.
 */
const ADDITIVE = new Set(['SUM', 'SUMIF', 'COUNT', 'COUNTIF', 'COUNTROWS', 'ACTIVE']);

/**
 * How a KPI's change splits by segment:
 * - `additive`: a sum or count (or a linear mix of them: revenue − cost); each segment
 *   contributes its own change;
 * - `ratio`: one additive quantity over another (win rate, churn rate, conversion,
 *   average deal size as SUM / COUNT), possibly times a fixed scale (NPS); the change
 *   splits into mix and rate effects.
 * The parts are KPI definitions the scorecard compiler computes per segment.
 */
export type ContributionShape =
  | { readonly t: 'additive'; readonly value: KpiDef }
  | { readonly t: 'ratio'; readonly numerator: KpiDef; readonly denominator: KpiDef };

/** Ids of the parts: never a valid KPI name a workbook could hold (they start with a digit). */
export const PART_IDS = { value: '0value', numerator: '0numerator', denominator: '0denominator' } as const;

function isLinear(e: TExpr, checked: ReadonlyMap<string, CheckedKpi>, seen: Set<string>): boolean {
  switch (e.t) {
    case 'call':
      return e.source !== undefined && ADDITIVE.has(e.fn);
    case 'kpi': {
      const k = checked.get(e.id);
      if (k?.expr == null || seen.has(e.id)) return false;
      return isLinear(k.expr, checked, new Set([...seen, e.id]));
    }
    case 'unary':
      return (e.op === '-' || e.op === '+') && isLinear(e.arg, checked, seen);
    case 'binary':
      if (e.op === '+' || e.op === '-')
        return isLinear(e.left, checked, seen) && isLinear(e.right, checked, seen);
      // A fixed scale keeps a quantity additive (SUM(amount) / 1000, 100 * COUNT(id)).
      if (e.op === '*')
        return (
          (constantNumber(e.left) !== null && isLinear(e.right, checked, seen)) ||
          (constantNumber(e.right) !== null && isLinear(e.left, checked, seen))
        );
      if (e.op === '/') return constantNumber(e.right) !== null && isLinear(e.left, checked, seen);
      return false;
    default:
      return false;
  }
}

/** The numerator and denominator of `a / b` or `DIVIDE(a, b[, alt])` at the top of a formula. */
function fraction(e: TExpr): [TExpr, TExpr] | null {
  if (e.t === 'binary' && e.op === '/') return [e.left, e.right];
  if (e.t === 'call' && e.fn === 'DIVIDE' && e.args.length >= 2) return [e.args[0], e.args[1]];
  return null;
}

/**
 * The shape of a checked KPI, or null when its change cannot be split by segment (an
 * average, a distinct count, a time-intelligence formula…). The parts are cut out of
 * the KPI's own formula text by the checked tree's spans, and keep its table, date
 * column and filter, so each part counts exactly the rows the KPI counts.
 */
export function contributionShape(
  def: KpiDef,
  k: CheckedKpi,
  checked: ReadonlyMap<string, CheckedKpi>,
): ContributionShape | null {
  if (!k.ok || k.expr === null) return null;
  const text = (e: TExpr) => def.formula.slice(e.span.start, e.span.end);
  const part = (id: string, formula: string): KpiDef => ({
    id,
    label: def.label,
    formula,
    ...(k.table === null ? {} : { table: k.table }),
    ...(k.timeColumn === null ? {} : { timeColumn: `${k.timeColumn.table}.${k.timeColumn.column}` }),
    ...(def.filter === undefined ? {} : { filter: def.filter }),
  });
  const seen = new Set([k.id]);
  // A ratio times a fixed scale (NPS: … / COUNT(nps) * 100) is the ratio of the scaled numerator.
  const scale: string[] = [];
  let inner = k.expr;
  for (;;) {
    const e = inner;
    if (e.t !== 'binary' || (e.op !== '*' && e.op !== '/')) break;
    if (constantNumber(e.right) !== null) {
      scale.push(`${e.op} (${text(e.right)})`);
      inner = e.left;
    } else if (e.op === '*' && constantNumber(e.left) !== null) {
      scale.push(`* (${text(e.left)})`);
      inner = e.right;
    } else break;
  }
  const f = fraction(inner);
  if (f !== null && constantNumber(f[1]) === null) {
    if (!isLinear(f[0], checked, seen) || !isLinear(f[1], checked, seen)) return null;
    const numerator = scale.length === 0 ? text(f[0]) : `(${text(f[0])}) ${scale.join(' ')}`;
    return {
      t: 'ratio',
      numerator: part(PART_IDS.numerator, numerator),
      denominator: part(PART_IDS.denominator, text(f[1])),
    };
  }
  return isLinear(k.expr, checked, seen) ? { t: 'additive', value: part(PART_IDS.value, def.formula) } : null;
}
