/**
 * Contribution to change: how much each segment of a dimension moved a KPI from period A
 * to period B (docs/explain.md).
 *
 * Sums and counts: a segment's contribution is its value in B minus its value in A; the
 * contributions add up to the change because the KPI is the sum of its segments.
 *
 * Ratios R = Σnᵢ / Σdᵢ (win rate = won / closed): with each segment's share of the
 * denominator sᵢ = dᵢ / Σd and its own rate rᵢ = nᵢ / dᵢ, R = Σ sᵢ·rᵢ, and
 *   mixᵢ  = (sᵢᴮ − sᵢᴬ) · (r̄ᵢ − R̄)      r̄ᵢ = (rᵢᴬ + rᵢᴮ) / 2,  R̄ = (Rᴬ + Rᴮ) / 2
 *   rateᵢ = (rᵢᴮ − rᵢᴬ) · s̄ᵢ            s̄ᵢ = (sᵢᴬ + sᵢᴮ) / 2
 * This is the symmetric (Shapley, midpoint) split of sᵢ·rᵢ's change into its two
 * factors: mixᵢ + rateᵢ + Δsᵢ·R̄ = sᵢᴮrᵢᴮ − sᵢᴬrᵢᴬ exactly, with no interaction term
 * left over; and Σ Δsᵢ·R̄ = R̄·(1 − 1) = 0, so Σ (mixᵢ + rateᵢ) = Rᴮ − Rᴬ exactly. Measuring
 * the mix against the average rate R̄ makes each segment's mix say what it did: more of
 * a segment whose rate is below average pulls the KPI down.
 * A segment with no denominator in one period (new, or gone) has no rate there; its
 * rate there is taken as its rate in the other period, so all it moved is mix. (Rows
 * the numerator counts but the denominator does not, in a segment of their own, move
 * the KPI's level only; that too is counted as mix, so the parts still add up.)
 */

/** One row of the contribution query: a period side, a segment, its numerator and denominator. */
export interface ContributionRow {
  readonly side: 'a' | 'b';
  readonly segment: string | null;
  readonly numerator: number | null;
  /** Null for an additive KPI. */
  readonly denominator: number | null;
}

/** One segment's part of the change, or (others > 0) the tail of segments folded together. */
export interface SegmentEffect {
  /** Null for rows whose dimension is blank. */
  readonly segment: string | null;
  /** How many segments this row folds together: 0 for a real segment. */
  readonly others: number;
  /** The segment's value (additive) or rate (ratio) in A and B; null where it has none. */
  readonly a: number | null;
  readonly b: number | null;
  /** Ratio only: the segment's share of the denominator in A and B (0 to 1). */
  readonly shareA: number;
  readonly shareB: number;
  /** Ratio only (0 otherwise): the effect of the segment's share moving. */
  readonly mix: number;
  /** Ratio only (0 otherwise): the effect of the segment's own rate moving. */
  readonly rate: number;
  /** mix + rate for a ratio; the segment's own change for a sum or count. */
  readonly total: number;
}

export interface Contribution {
  readonly shape: 'additive' | 'ratio';
  /** The KPI in A and B; a ratio with no denominator in a period is null there. */
  readonly valueA: number | null;
  readonly valueB: number | null;
  /** valueB − valueA; the segments' totals add up to it. Null when either value is. */
  readonly change: number | null;
  /** Ranked by size (|mix| + |rate|, or |change|), largest first; the tail folded into one row. */
  readonly segments: readonly SegmentEffect[];
}

interface Pair {
  na: number;
  da: number;
  nb: number;
  db: number;
}

const num = (v: number | null) => (v === null || !Number.isFinite(v) ? 0 : v);

function pairs(rows: readonly ContributionRow[]): Map<string | null, Pair> {
  const out = new Map<string | null, Pair>();
  for (const r of rows) {
    const p = out.get(r.segment) ?? { na: 0, da: 0, nb: 0, db: 0 };
    if (r.side === 'a') {
      p.na += num(r.numerator);
      p.da += num(r.denominator);
    } else {
      p.nb += num(r.numerator);
      p.db += num(r.denominator);
    }
    out.set(r.segment, p);
  }
  // A segment with no rows in either period (a customer segment with no deals) moved nothing.
  for (const [k, p] of out) if (p.na === 0 && p.da === 0 && p.nb === 0 && p.db === 0) out.delete(k);
  return out;
}

function additive(
  segments: Map<string | null, Pair>,
): Omit<Contribution, 'segments'> & { all: SegmentEffect[] } {
  let [va, vb] = [0, 0];
  const all = [...segments].map(([segment, p]) => {
    va += p.na;
    vb += p.nb;
    return {
      segment,
      others: 0,
      a: p.na,
      b: p.nb,
      shareA: 0,
      shareB: 0,
      mix: 0,
      rate: 0,
      total: p.nb - p.na,
    };
  });
  return { shape: 'additive', valueA: va, valueB: vb, change: vb - va, all };
}

function ratio(
  segments: Map<string | null, Pair>,
): Omit<Contribution, 'segments'> & { all: SegmentEffect[] } {
  let [na, da, nb, db] = [0, 0, 0, 0];
  for (const p of segments.values()) {
    na += p.na;
    da += p.da;
    nb += p.nb;
    db += p.db;
  }
  const valueA = da === 0 ? null : na / da;
  const valueB = db === 0 ? null : nb / db;
  if (valueA === null || valueB === null) {
    // No change to split: the KPI has no value in one of the periods.
    const all = [...segments].map(([segment, p]) => ({
      segment,
      others: 0,
      a: p.da === 0 ? null : p.na / p.da,
      b: p.db === 0 ? null : p.nb / p.db,
      shareA: da === 0 ? 0 : p.da / da,
      shareB: db === 0 ? 0 : p.db / db,
      mix: 0,
      rate: 0,
      total: 0,
    }));
    return { shape: 'ratio', valueA, valueB, change: null, all };
  }
  const mean = (valueA + valueB) / 2;
  const all = [...segments].map(([segment, p]) => {
    const ra = p.da === 0 ? null : p.na / p.da;
    const rb = p.db === 0 ? null : p.nb / p.db;
    const [sa, sb] = [p.da / da, p.db / db];
    // A segment absent from a period is taken at its other period's rate there (see above).
    const [ua, ub] = [ra ?? rb ?? 0, rb ?? ra ?? 0];
    const rate = (ub - ua) * ((sa + sb) / 2);
    // The segment's own part of the change, nᵢᴮ/Σdᴮ − nᵢᴬ/Σdᴬ − Δsᵢ·R̄, less its rate effect: this
    // is (sᵢᴮ − sᵢᴬ)·(r̄ᵢ − R̄), and stays exact when a numerator has no denominator beside it.
    const total = p.nb / db - p.na / da - (sb - sa) * mean;
    return { segment, others: 0, a: ra, b: rb, shareA: sa, shareB: sb, mix: total - rate, rate, total };
  });
  return { shape: 'ratio', valueA, valueB, change: valueB - valueA, all };
}

const size = (e: SegmentEffect) =>
  e.mix === 0 && e.rate === 0 ? Math.abs(e.total) : Math.abs(e.mix) + Math.abs(e.rate);

/** The tail as one row: its effects summed (so the total still adds up), its values pooled. */
function fold(
  tail: readonly SegmentEffect[],
  source: Map<string | null, Pair>,
  shape: Contribution['shape'],
) {
  const sum = (f: (e: SegmentEffect) => number) => tail.reduce((s, e) => s + f(e), 0);
  let [na, da, nb, db] = [0, 0, 0, 0];
  for (const e of tail) {
    const p = source.get(e.segment) as Pair;
    na += p.na;
    da += p.da;
    nb += p.nb;
    db += p.db;
  }
  const additiveValues = shape === 'additive';
  return {
    segment: null,
    others: tail.length,
    a: additiveValues ? na : da === 0 ? null : na / da,
    b: additiveValues ? nb : db === 0 ? null : nb / db,
    shareA: sum((e) => e.shareA),
    shareB: sum((e) => e.shareB),
    mix: sum((e) => e.mix),
    rate: sum((e) => e.rate),
    total: sum((e) => e.total),
  };
}

/**
 * Splits the change of a KPI between two periods by segment (see the top of this file),
 * ranked by size, keeping the `top` largest and folding the rest into one "other" row.
 */
export function decompose(
  rows: readonly ContributionRow[],
  shape: Contribution['shape'],
  top = 8,
): Contribution {
  const segments = pairs(rows);
  const { all, ...head } = shape === 'additive' ? additive(segments) : ratio(segments);
  const ranked = [...all].sort(
    (x, y) => size(y) - size(x) || String(x.segment ?? '').localeCompare(String(y.segment ?? '')),
  );
  const keep = Math.max(1, top);
  const tail = ranked.slice(keep);
  const shown = tail.length > 1 ? [...ranked.slice(0, keep), fold(tail, segments, shape)] : ranked;
  return { ...head, segments: shown };
}
