import type { Relationship } from '../formula/schema';
import type { ColumnKind } from './columnKind';
import { normalizeHeader } from './mappingMatch';

interface NamedColumns {
  readonly name: string;
  readonly columns: readonly { readonly name: string; readonly kind: ColumnKind }[];
}

/**
 * Why two columns may be one link, strongest first: `key` (deals.customer_id →
 * customers.id), `singular` (a column named for a plural table: region →
 * regions.region), `same-name` (both tables have Account ID).
 */
export type LinkRule = 'key' | 'singular' | 'same-name';

export interface LinkCandidate extends Relationship {
  readonly rule: LinkRule;
}

/** What the engine measured of a candidate's values (at most a capped sample of each side). */
export interface LinkOverlap {
  /** Rows of the `from` table. */
  readonly fromRows: number;
  /** Distinct non-blank values of the `from` column. */
  readonly fromDistinct: number;
  /** How many of those are found in the `to` column. */
  readonly found: number;
  /** Non-blank rows and distinct values of the `to` column. */
  readonly toRows: number;
  readonly toDistinct: number;
}

export interface FoundLink extends LinkCandidate {
  /** Share of the `from` column's distinct values found in the `to` column. */
  readonly foundShare: number;
}

/** A link holds when this share of the pointing column's values is found in the other column… */
export const LINK_MIN_FOUND = 0.9;
/** …and that column is unique or nearly so, so a join never multiplies the rows counted. */
const LINK_MIN_UNIQUE = 0.98;
/** Candidates measured at most: each costs one query. */
const MAX_LINK_CANDIDATES = 60;

const RULE_RANK: Readonly<Record<LinkRule, number>> = { key: 0, singular: 1, 'same-name': 2 };
// Dates, times and flags are never keys; they would only add queries and false links.
const KEY_KINDS: ReadonlySet<ColumnKind> = new Set(['text', 'number']);
// Names every table may have for its own key or label: alike by name, unrelated in meaning.
const GENERIC = new Set(['id', 'name']);

/** Table names a stem may refer to: customer → customer, customers; company → companies. */
function tableNamesFor(stem: string): string[] {
  const names = [stem, `${stem}s`, `${stem}es`];
  if (stem.endsWith('y')) names.push(`${stem.slice(0, -1)}ies`);
  return names;
}

function columnNamed(t: NamedColumns, normalized: readonly string[]): string | undefined {
  for (const n of normalized) {
    const c = t.columns.find((x) => KEY_KINDS.has(x.kind) && normalizeHeader(x.name) === n);
    if (c !== undefined) return c.name;
  }
  return undefined;
}

/**
 * Pairs of columns that may link two tables, found by name alone: the engine then
 * measures their values (LinkOverlap) and chooseLinks keeps those that hold. Every
 * pair of tables is tried, in both directions for a shared name.
 */
export function linkCandidates(
  tables: readonly NamedColumns[],
  limit = MAX_LINK_CANDIDATES,
): LinkCandidate[] {
  const out: LinkCandidate[] = [];
  const seen = new Set<string>();
  const add = (
    from: NamedColumns,
    fromColumn: string,
    to: NamedColumns,
    toColumn: string,
    rule: LinkRule,
  ) => {
    const key = JSON.stringify([from.name, fromColumn, to.name, toColumn]);
    if (seen.has(key)) return;
    seen.add(key);
    out.push({ fromTable: from.name, fromColumn, toTable: to.name, toColumn, rule });
  };
  for (const from of tables) {
    for (const column of from.columns) {
      if (!KEY_KINDS.has(column.kind)) continue;
      const n = normalizeHeader(column.name);
      for (const to of tables) {
        if (to === from) continue;
        const named = new Set([normalizeHeader(to.name)]);
        const stem = n.endsWith('id') && n.length > 2 ? n.slice(0, -2) : null;
        if (stem !== null && tableNamesFor(stem).some((x) => named.has(x))) {
          const key = columnNamed(to, [n, 'id']);
          if (key !== undefined) add(from, column.name, to, key, 'key');
        }
        if (stem === null && tableNamesFor(n).some((x) => named.has(x))) {
          const key = columnNamed(to, [n, `${n}id`, 'id', 'name']);
          if (key !== undefined) add(from, column.name, to, key, 'singular');
        }
        if (!GENERIC.has(n)) {
          const same = columnNamed(to, [n]);
          if (same !== undefined) add(from, column.name, to, same, 'same-name');
        }
      }
    }
  }
  out.sort((a, b) => RULE_RANK[a.rule] - RULE_RANK[b.rule]);
  return out.slice(0, limit);
}

/**
 * Whether a column can be pointed at, from its non-blank rows and distinct values: it is
 * unique or nearly so. Measured once per column, it rules out every candidate pointing
 * there without measuring the pair.
 */
export function canBePointedAt(to: Pick<LinkOverlap, 'toRows' | 'toDistinct'>): boolean {
  return to.toRows > 0 && to.toDistinct / to.toRows >= LINK_MIN_UNIQUE;
}

/** Share of the pointing values found, or null when the values say it is no link. */
export function linkScore(o: LinkOverlap): number | null {
  // A single value found proves nothing: a constant column matches any table holding it.
  if (o.fromDistinct < 2 || !canBePointedAt(o)) return null;
  const found = o.found / o.fromDistinct;
  return found >= LINK_MIN_FOUND ? found : null;
}

/**
 * The links that hold, at most one per pair of tables: the strongest name rule,
 * then the most values found, then the larger table pointing at the smaller (a
 * one-to-one pair holds both ways; the many side is the one that points).
 */
export function chooseLinks(
  measured: readonly { readonly candidate: LinkCandidate; readonly overlap: LinkOverlap }[],
): FoundLink[] {
  const holding = measured
    .map((m) => ({ ...m, share: linkScore(m.overlap) }))
    .filter((m): m is typeof m & { share: number } => m.share !== null);
  holding.sort(
    (a, b) =>
      RULE_RANK[a.candidate.rule] - RULE_RANK[b.candidate.rule] ||
      b.share - a.share ||
      b.overlap.fromRows - a.overlap.fromRows,
  );
  const linked = new Set<string>();
  const out: FoundLink[] = [];
  for (const { candidate, share } of holding) {
    const pair = [candidate.fromTable, candidate.toTable].sort().join('\u0000');
    if (linked.has(pair)) continue;
    linked.add(pair);
    out.push({ ...candidate, foundShare: share });
  }
  return out;
}
