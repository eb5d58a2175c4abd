import type { CanonicalTableName } from './canonical';
import { normalizeHeader } from './mappingMatch';
import { MAPPING_PRESETS, type MappingPreset } from './presets';

/** Headers any export might carry: they say nothing about which CRM wrote the file. */
const GENERIC = new Set(
  ['id', 'name', 'amount', 'stage', 'status', 'owner', 'priority', 'type', 'source', 'industry', 'value'].map(
    normalizeHeader,
  ),
);

interface PresetClaim {
  readonly preset: MappingPreset;
  readonly matches: Record<string, { readonly header: string }>;
  /** Distinctive columns found, of those the preset has. */
  readonly distinctiveFound: number;
}

function presetMatches(preset: MappingPreset, byNorm: ReadonlyMap<string, string>) {
  const matches: Record<string, { header: string; distinctive: boolean }> = {};
  const used = new Set<string>();
  for (const [column, aliases] of Object.entries(preset.columns)) {
    for (const alias of aliases ?? []) {
      const header = byNorm.get(normalizeHeader(alias));
      if (header === undefined || used.has(header)) continue;
      matches[column] = { header, distinctive: !GENERIC.has(normalizeHeader(alias)) };
      used.add(header);
      break;
    }
  }
  return matches;
}

/** Columns of the preset with at least one header of the CRM's own ("Deal Stage", not "Amount"). */
function distinctiveColumns(preset: MappingPreset): number {
  return Object.values(preset.columns).filter((aliases) =>
    (aliases ?? []).some((a) => !GENERIC.has(normalizeHeader(a))),
  ).length;
}

/**
 * The CRM export a file is, for one canonical table: claimed only when more than
 * half of the preset's distinctive headers are present, so a generic pipeline
 * that happens to have "Deal Stage" and "Close Date" is not called a HubSpot
 * export. The preset that finds the most distinctive headers wins.
 */
export function claimedPreset(
  table: CanonicalTableName,
  byNorm: ReadonlyMap<string, string>,
): PresetClaim | null {
  let best: PresetClaim | null = null;
  for (const preset of MAPPING_PRESETS) {
    if (preset.table !== table) continue;
    const m = presetMatches(preset, byNorm);
    const found = Object.values(m).filter((x) => x.distinctive).length;
    if (found * 2 <= distinctiveColumns(preset) || found < 2) continue;
    if (best === null || found > best.distinctiveFound)
      best = { preset, matches: m, distinctiveFound: found };
  }
  return best;
}
