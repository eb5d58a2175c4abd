import type { CanonicalTableName } from './canonical';
import { type Classification, classifyTable } from './classify';
import type { ColumnProfile } from './classifyProfile';
import type { ColumnKind } from './columnKind';
import type { Candidate, ColumnMatch } from './mappingCandidate';
import type { ComputedSource } from './mappingComputed';

export type { ColumnMatch } from './mappingCandidate';

/**
 * How one loaded table maps onto a canonical table: the same shape the workbook
 * document saves (documentSchema's MappingSchema). Raw tables stay as loaded; the
 * mapping becomes a view (mappingView.ts).
 */
export interface TableMapping {
  canonicalTable: CanonicalTableName;
  /** canonical column name → header in the user's file. */
  columns: Record<string, string>;
  /**
   * canonical column name → a constant or a row formula, for columns the file lacks.
   * A column also named in `columns` is read from the file: the header wins.
   */
  computed?: Record<string, ComputedSource>;
  /** Raw stage (or status) values that mean won or lost, for deals.won. */
  stageOutcomes?: { won: string[]; lost: string[] };
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
  /** 0..1: how likely the file holds `table`, from its names and values (classify.ts). */
  readonly confidence: number;
  /** True when no canonical table fits well: `table` is then only the least unlikely. */
  readonly noGoodMatch: boolean;
  /** 0..1: how likely it is that no canonical table fits. */
  readonly noneLikelihood: number;
  /** The other canonical tables in order of likelihood, for the picker. */
  readonly alternatives: { readonly table: CanonicalTableName; readonly confidence: number }[];
}

function toSuggestion(
  c: Candidate,
  headers: readonly string[],
  classification: Classification,
  noGoodMatch: boolean,
): MappingSuggestion {
  const columns: Record<string, string> = {};
  for (const [column, m] of Object.entries(c.matches)) columns[column] = m.header;
  const used = new Set(Object.values(columns));
  const likelihood = (t: CanonicalTableName) =>
    classification.ranked.find((r) => r.table === t)?.confidence ?? 0;
  return {
    table: c.table.name,
    mapping: { canonicalTable: c.table.name, columns },
    matches: c.matches,
    preset: c.preset === null ? null : { id: c.preset.id, crm: c.preset.crm, label: c.preset.label },
    missingRequired: c.table.columns
      .filter((x) => x.required && c.matches[x.name] === undefined)
      .map((x) => x.name),
    unmapped: headers.filter((h) => !used.has(h)),
    confidence: likelihood(c.table.name),
    noGoodMatch,
    noneLikelihood: classification.none,
    alternatives: classification.ranked.filter((r) => r.table !== c.table.name),
  };
}

/**
 * The canonical table a file most likely holds, with a column map, from its
 * header names and (when the state layer measured them) its values. `kinds`
 * (header → how the column was read) keeps a text column out of a number slot.
 * When nothing fits well the least unlikely table is returned with `noGoodMatch`.
 */
export function suggestMapping(
  headers: readonly string[],
  kinds?: Readonly<Record<string, ColumnKind>>,
  profiles?: readonly ColumnProfile[],
): MappingSuggestion {
  const c = classifyTable(headers, kinds, profiles);
  const table = c.table ?? c.ranked[0].table;
  return toSuggestion(c.candidates.get(table)!, headers, c, c.table === null);
}

/** The same suggestion for a table the user picked. */
export function suggestMappingFor(
  table: CanonicalTableName,
  headers: readonly string[],
  kinds?: Readonly<Record<string, ColumnKind>>,
  profiles?: readonly ColumnProfile[],
): MappingSuggestion {
  const c = classifyTable(headers, kinds, profiles);
  return toSuggestion(c.candidates.get(table)!, headers, c, c.table === null);
}
