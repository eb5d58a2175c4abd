import type { Expr } from '../formula/ast';
import { COUNT_AGGREGATES } from '../formula/compileBase';
import { parseFormula } from '../formula/parser';
import type { KpiFamily, KpiFormat, KpiUnit } from './types';

function isCount(e: Expr): boolean {
  return e.kind === 'call' && COUNT_AGGREGATES.has(e.name.toUpperCase());
}

/**
 * Whether a formula is one count divided by another (`COUNTIF(won) / COUNT(id)`,
 * `DIVIDE(COUNTIF(x), COUNTROWS(deals))`): a rate, read off the syntax tree rather
 * than the text so spacing, case and parentheses do not matter.
 */
export function isRatioFormula(formula: string): boolean {
  const { expr, diagnostics } = parseFormula(formula);
  if (diagnostics.length > 0) return false;
  if (expr.kind === 'binary' && expr.op === '/') return isCount(expr.left) && isCount(expr.right);
  if (expr.kind === 'call' && expr.name.toUpperCase() === 'DIVIDE' && expr.args.length >= 2) {
    return isCount(expr.args[0]) && isCount(expr.args[1]);
  }
  return false;
}

interface NewKpiShape {
  readonly unit: KpiUnit;
  readonly format: KpiFormat;
  readonly family: KpiFamily;
}

/**
 * What a KPI the user writes starts as: a rate is a percentage, anything else a number.
 * The direction is not guessed: the creation dialog asks it.
 */
export function newKpiShape(formula: string): NewKpiShape {
  const ratio = isRatioFormula(formula);
  return {
    unit: ratio ? '%' : 'count',
    format: ratio ? 'percent' : 'number',
    family: 'custom',
  };
}
