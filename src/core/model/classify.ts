import { CANONICAL_TABLES, type CanonicalTableName } from './canonical';
import { headerEvidence, valueEvidence } from './classifyEvidence';
import type { ColumnProfile } from './classifyProfile';
import type { ColumnKind } from './columnKind';
import { type Candidate, mappingCandidate } from './mappingCandidate';

export interface TableLikelihood {
  readonly table: CanonicalTableName;
  /** 0..1, calibrated on the labelled corpus (test/fixtures/crm). */
  readonly confidence: number;
}

export interface Classification {
  /** The canonical table the file most likely holds; null when nothing fits well ("no good match"). */
  readonly table: CanonicalTableName | null;
  /** How likely `table` is; when there is no good match, how likely it is that nothing fits. */
  readonly confidence: number;
  /** How likely it is that no canonical table fits. */
  readonly none: number;
  /** Every canonical table, most likely first. */
  readonly ranked: readonly TableLikelihood[];
  readonly candidates: ReadonlyMap<CanonicalTableName, Candidate>;
}

/**
 * Weights of the evidence, set on the labelled corpus so that a guess said to be
 * 60 % sure is right about that often. Names and values are read together: a
 * header word or a value vocabulary adds to a table, a required column that
 * cannot be found takes away, a CRM preset recognised by its own headers settles it.
 */
export const CLASSIFY_WEIGHTS = {
  fit: 2.5,
  /** Added when every required column is found under its canonical (or preset) name: a file already in the model's shape. */
  exactFit: 1.5,
  missingRequired: 0.6,
  preset: 3,
  /** The score of "none of these": a table must beat it to be suggested. */
  none: 2.5,
  /** Softmax temperature: above 1 spreads the likelihoods, below 1 sharpens them. */
  temperature: 0.9,
  /** Evidence from values counts this much (0 turns the value profile off). */
  values: 1,
};

function softmax(scores: readonly number[], temperature: number): number[] {
  const max = Math.max(...scores);
  const e = scores.map((s) => Math.exp((s - max) / temperature));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

/**
 * Which canonical table a loaded table holds, from its header names and, when
 * given, a profile of each column's values. Pure: the profiles are plain data the
 * state layer (or a test) measured.
 */
export function classifyTable(
  headers: readonly string[],
  kinds?: Readonly<Record<string, ColumnKind>>,
  profiles: readonly ColumnProfile[] = [],
  weights: typeof CLASSIFY_WEIGHTS = CLASSIFY_WEIGHTS,
): Classification {
  const byHeader = headerEvidence(headers);
  const byValue = valueEvidence(profiles);
  const candidates = new Map<CanonicalTableName, Candidate>();
  const scores: number[] = [];
  for (const t of CANONICAL_TABLES) {
    const c = mappingCandidate(t, headers, kinds, profiles);
    candidates.set(t.name, c);
    const required = t.columns.filter((x) => x.required);
    const missing = required.length - c.requiredFound;
    const exact = required.filter((x) => ['exact', 'preset'].includes(c.matches[x.name]?.by ?? '')).length;
    scores.push(
      (byHeader[t.name] ?? 0) +
        weights.values * (byValue[t.name] ?? 0) +
        weights.fit * c.fit +
        (exact === required.length ? weights.exactFit : 0) -
        weights.missingRequired * missing +
        (c.preset === null ? 0 : weights.preset),
    );
  }
  const p = softmax([...scores, weights.none], weights.temperature);
  const none = p[p.length - 1];
  const ranked = CANONICAL_TABLES.map((t, i) => ({ table: t.name, confidence: p[i] })).sort(
    (a, b) => b.confidence - a.confidence,
  );
  const best = ranked[0];
  const fits = best.confidence > none;
  return {
    table: fits ? best.table : null,
    confidence: fits ? best.confidence : none,
    none,
    ranked,
    candidates,
  };
}
