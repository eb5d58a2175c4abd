import { MIN_BASE } from './thinBase';

/** One bar of a breakdown: its value and what it rests on (thinBase.ts), null when unknown. */
interface SpreadBar {
  readonly value: number;
  readonly base: number | null;
}

/** How many standard errors apart best and worst must be: about a 95 % two-sided test. */
const NOISE_Z = 2;

const isProportion = (b: SpreadBar) => b.value >= 0 && b.value <= 1;
const counted = (n: number | null): n is number => n !== null && Number.isFinite(n) && n > 0;

/**
 * Whether the gap between the best and the worst segment is more than chance would
 * give, so marking them green and red says something. For a rate with known bases,
 * the two-proportion test: the gap must exceed NOISE_Z standard errors, the standard
 * error from the pooled rate p̄ = (p₁n₁ + p₂n₂)/(n₁ + n₂): √(p̄(1−p̄)(1/n₁ + 1/n₂)).
 * 64 % of 120 against 62.7 % of 150 is 1.3 points against a standard error of
 * 5.9: noise. For anything else the spread of a single value is not known from the
 * data, so both must rest on at least MIN_BASE rows. docs/kpis.md states the rule.
 */
export function spreadExceedsNoise(best: SpreadBar, worst: SpreadBar, rate: boolean): boolean {
  if (!counted(best.base) || !counted(worst.base)) return false;
  if (!rate || !isProportion(best) || !isProportion(worst))
    return best.base >= MIN_BASE && worst.base >= MIN_BASE;
  const [n1, n2] = [best.base, worst.base];
  const pooled = (best.value * n1 + worst.value * n2) / (n1 + n2);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
  return Math.abs(best.value - worst.value) > NOISE_Z * se;
}
