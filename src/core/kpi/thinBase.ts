/**
 * When a change between two periods means something. A period's *base* is what its
 * value rests on: for a rate, the count in its denominator (closed deals for a win
 * rate); for any other KPI, the rows of its table in the period (its filter applied).
 *
 * MIN_BASE is 20. A rate's standard error is √(p(1−p)/n), at most 0.5/√n: 11 points at
 * n = 20, 16 at n = 10, 29 at n = 3. The normal reading of a rate (what "a change of x
 * points" silently assumes) needs n·p ≥ 5 and n·(1−p) ≥ 5, which for the 25–75 % rates
 * a CRM tracks is n ≥ 20. For a count, the relative error is 1/√n: 22 % at 20, 58 % at 3,
 * so below 20 a change of a count is mostly noise too. docs/kpis.md explains the rule.
 */
export const MIN_BASE = 20;

/** Why a change is not shown: which side's base is short, and what it is. */
export interface ThinBase {
  /** 'base': the period compared with (previous, last year); 'value': the latest period itself. */
  readonly side: 'base' | 'value';
  readonly count: number;
  readonly min: number;
}

const known = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/**
 * The short side of a comparison, or null when both bases reach `min` or either is
 * unknown (a KPI with no base, such as a constant, is never held back). The period
 * compared with is named first: that is the one a huge percentage usually comes from.
 */
export function thinBase(
  valueBase: number | null | undefined,
  baseBase: number | null | undefined,
  min: number = MIN_BASE,
): ThinBase | null {
  if (known(baseBase) && baseBase < min) return { side: 'base', count: baseBase, min };
  if (known(valueBase) && valueBase < min) return { side: 'value', count: valueBase, min };
  return null;
}
