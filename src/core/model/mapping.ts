import {
  CANONICAL_TABLES,
  type CanonicalTable,
  type CanonicalTableName,
  type LogicalKind,
} from './canonical';
import { columnSimilarity, kindFits, normalizeHeader } from './mappingMatch';
import { MAPPING_PRESETS, type MappingPreset } from './presets';

/**
 * How one loaded table maps onto a canonical table: the same shape the workbook
 * document saves (documentSchema's MappingSchema). Raw tables stay as loaded; the
 * mapping becomes a view (mappingView.ts).
 */
export interface TableMapping {
  canonicalTable: CanonicalTableName;
  /** canonical column name → header in the user's file. */
  columns: Record<string, string>;
  /** Raw stage (or status) values that mean won or lost, for deals.won. */
  stageOutcomes?: { won: string[]; lost: string[] };
}

export type MatchKind = 'preset' | 'exact' | 'similar';

export interface ColumnMatch {
  readonly header: string;
  readonly by: MatchKind;
  /** 1 for preset and exact matches; the name similarity otherwise. */
  readonly score: number;
}

export interface MappingSuggestion {
  readonly table: CanonicalTableName;
  readonly mapping: TableMapping;
  readonly matches: Readonly<Record<string, ColumnMatch>>;
  readonly preset: { readonly id: string; readonly crm: string; readonly label: string } | null;
  /** Required canonical columns nothing was found for. */
  readonly missingRequired: string[];
  /** Headers left unmapped. */
  readonly unmapped: string[];
  /** 0..1: the required columns found, each weighted by how sure the match is. */
  readonly confidence: number;
  /** The other canonical tables in order of fit, for the picker. */
  readonly alternatives: { readonly table: CanonicalTableName; readonly confidence: number }[];
}

/** Below this a name is too unlike a canonical column to suggest. */
export const SIMILARITY_THRESHOLD = 0.75;

interface Candidate {
  table: CanonicalTable;
  matches: Record<string, ColumnMatch>;
  preset: MappingPreset | null;
  requiredFound: number;
  confidence: number;
}

function presetMatches(
  preset: MappingPreset,
  byNorm: ReadonlyMap<string, string>,
): Record<string, ColumnMatch> {
  const out: Record<string, ColumnMatch> = {};
  const used = new Set<string>();
  for (const [column, aliases] of Object.entries(preset.columns)) {
    for (const alias of aliases ?? []) {
      const header = byNorm.get(normalizeHeader(alias));
      if (header !== undefined && !used.has(header)) {
        out[column] = { header, by: 'preset', score: 1 };
        used.add(header);
        break;
      }
    }
  }
  return out;
}

function candidateFor(
  table: CanonicalTable,
  headers: readonly string[],
  kinds: Readonly<Record<string, LogicalKind>> | undefined,
): Candidate {
  const byNorm = new Map<string, string>();
  for (const h of headers) if (!byNorm.has(normalizeHeader(h))) byNorm.set(normalizeHeader(h), h);
  const required = table.columns.filter((c) => c.required);
  const countRequired = (m: Record<string, ColumnMatch>) =>
    required.filter((c) => m[c.name] !== undefined).length;

  // The preset that finds the most required columns, then the most columns.
  let preset: MappingPreset | null = null;
  let matches: Record<string, ColumnMatch> = {};
  for (const p of MAPPING_PRESETS) {
    if (p.table !== table.name) continue;
    const m = presetMatches(p, byNorm);
    const better =
      countRequired(m) > countRequired(matches) ||
      (countRequired(m) === countRequired(matches) && Object.keys(m).length > Object.keys(matches).length);
    // A preset counts only when it recognises headers of its own, not just canonical names like "Amount".
    const own = Object.entries(m).filter(([c, x]) => normalizeHeader(x.header) !== normalizeHeader(c)).length;
    if (better && own >= 2) {
      preset = p;
      matches = m;
    }
  }

  const used = new Set(Object.values(matches).map((m) => m.header));
  // Canonical names as they are (files already in the canonical shape, like the demo).
  for (const c of table.columns) {
    if (matches[c.name] !== undefined) continue;
    const header = byNorm.get(normalizeHeader(c.name));
    if (header !== undefined && !used.has(header)) {
      matches[c.name] = { header, by: 'exact', score: 1 };
      used.add(header);
    }
  }
  // Then the closest remaining name of a fitting kind, best pairs first.
  const pairs: { column: string; header: string; score: number }[] = [];
  for (const c of table.columns) {
    if (matches[c.name] !== undefined) continue;
    for (const h of headers) {
      if (used.has(h)) continue;
      const kind = kinds?.[h];
      if (kind !== undefined && !kindFits(c.kind, kind)) continue;
      const score = columnSimilarity(h, c.name);
      if (score >= SIMILARITY_THRESHOLD) pairs.push({ column: c.name, header: h, score });
    }
  }
  pairs.sort((a, b) => b.score - a.score);
  for (const p of pairs) {
    if (matches[p.column] !== undefined || used.has(p.header)) continue;
    matches[p.column] = { header: p.header, by: 'similar', score: p.score };
    used.add(p.header);
  }

  const weight = required.reduce((s, c) => s + (matches[c.name]?.score ?? 0), 0);
  return {
    table,
    matches,
    preset,
    requiredFound: countRequired(matches),
    confidence: required.length === 0 ? 0 : weight / required.length,
  };
}

function toSuggestion(c: Candidate, headers: readonly string[], others: Candidate[]): MappingSuggestion {
  const columns: Record<string, string> = {};
  for (const [column, m] of Object.entries(c.matches)) columns[column] = m.header;
  const used = new Set(Object.values(columns));
  return {
    table: c.table.name,
    mapping: { canonicalTable: c.table.name, columns },
    matches: c.matches,
    preset: c.preset === null ? null : { id: c.preset.id, crm: c.preset.crm, label: c.preset.label },
    missingRequired: c.table.columns
      .filter((x) => x.required && c.matches[x.name] === undefined)
      .map((x) => x.name),
    unmapped: headers.filter((h) => !used.has(h)),
    confidence: c.confidence,
    alternatives: others.map((o) => ({ table: o.table.name, confidence: o.confidence })),
  };
}

/** Orders candidates: surer required columns first, then more of them, then more columns found, then a preset. */
function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    b.confidence - a.confidence ||
    b.requiredFound - a.requiredFound ||
    Object.keys(b.matches).length - Object.keys(a.matches).length ||
    Number(b.preset !== null) - Number(a.preset !== null)
  );
}

/**
 * The canonical table a file's headers most likely hold, with a column map: CRM
 * presets first (HubSpot, Salesforce labels and API names, Dynamics 365,
 * Pipedrive, Zoho), then canonical names, then the most similar names. `kinds`
 * (header → how the column was read) keeps a text column out of a number slot.
 */
export function suggestMapping(
  headers: readonly string[],
  kinds?: Readonly<Record<string, LogicalKind>>,
): MappingSuggestion {
  const candidates = CANONICAL_TABLES.map((t) => candidateFor(t, headers, kinds)).sort(compareCandidates);
  return toSuggestion(candidates[0], headers, candidates.slice(1));
}

/** The same suggestion for a table the user picked. */
export function suggestMappingFor(
  table: CanonicalTableName,
  headers: readonly string[],
  kinds?: Readonly<Record<string, LogicalKind>>,
): MappingSuggestion {
  const all = CANONICAL_TABLES.map((t) => candidateFor(t, headers, kinds));
  const chosen = all.find((c) => c.table.name === table)!;
  return toSuggestion(chosen, headers, all.filter((c) => c !== chosen).sort(compareCandidates));
}
