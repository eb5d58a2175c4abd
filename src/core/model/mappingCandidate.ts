import type { CanonicalColumn, CanonicalTable } from './canonical';
import { headerWords } from './classifyEvidence';
import { type ColumnProfile, isCategorical, isDateLike, isUnique, vocabularyShare } from './classifyProfile';
import {
  LEAD_STATUS_VALUES,
  PLATFORM_VALUES,
  PRIORITY_VALUES,
  SOURCE_VALUES,
  STAGE_VALUES,
} from './classifyVocabulary';
import type { ColumnKind } from './columnKind';
import { columnSimilarity, kindFits, normalizeHeader, roleConflict } from './mappingMatch';
import { claimedPreset } from './mappingPreset';
import type { MappingPreset } from './presets';

export type MatchKind = 'preset' | 'exact' | 'similar' | 'values';

export interface ColumnMatch {
  readonly header: string;
  readonly by: MatchKind;
  /** 1 for preset and exact matches; how sure the name or value match is otherwise. */
  readonly score: number;
}

export interface Candidate {
  readonly table: CanonicalTable;
  readonly matches: Record<string, ColumnMatch>;
  readonly preset: MappingPreset | null;
  readonly requiredFound: number;
  /** 0..1: the required columns found, each weighted by how sure its match is. */
  readonly fit: number;
}

/** Below this a name is too unlike a canonical column to suggest. */
const SIMILARITY_THRESHOLD = 0.75;

/** The nouns a key of each kind is named after: "Opportunity_ID" is a deal key, "Case Number" a ticket key. */
const KEY_NOUNS: Readonly<Record<string, string>> = {
  deal_id: 'deal|opportunity|opp',
  lead_id: 'lead|contact|mql|prospect',
  ticket_id: 'ticket|case|incident|issue|request',
  response_id: 'response|submission|respondent|survey',
  employee_id: 'employee|emp|staff|worker',
  order_id: 'order|invoice|transaction',
  customer_id: 'customer|account|client|cust|company|organization|org',
};
const KEY_WORD = '(id|ids|number|no|num|key|#|code)';
/**
 * What a row of one table is about, for a reference to customers: "Account", "Company Name".
 * The party word ends the header: "Customer effort" is a score, not a customer.
 */
const REFERENCE_NAMES = / (account|company|customer|client|organization|org)( name| email)? $/;

/** The canonical columns that place a row in time and must be found for the table to count. */
const TIME_COLUMNS = new Set(['created_at', 'answered_at', 'hired_at', 'ordered_at', 'date']);
/** Dates of other events: never guessed as the day a record began. */
const OTHER_EVENT =
  / (birth|purchase|purchased|clos\w*|resol\w*|due|end|last|expir\w*|left|termination|churn\w*|won|lost|modified|updated|response|reply) /;

/** Value vocabularies that fill a canonical column when no name does. */
const BY_VALUES: Readonly<Record<string, readonly ReadonlySet<string>[]>> = {
  stage: [STAGE_VALUES],
  status: [LEAD_STATUS_VALUES],
  priority: [PRIORITY_VALUES],
  channel: [PLATFORM_VALUES, SOURCE_VALUES],
  platform: [PLATFORM_VALUES],
  source: [SOURCE_VALUES],
};

class Assignment {
  readonly matches: Record<string, ColumnMatch> = {};
  readonly used = new Set<string>();
  set(column: string, header: string, by: MatchKind, score: number) {
    this.matches[column] = { header, by, score };
    this.used.add(header);
  }
  free(column: string, header: string): boolean {
    return this.matches[column] === undefined && !this.used.has(header);
  }
}

function kindOf(
  header: string,
  kinds: Readonly<Record<string, ColumnKind>> | undefined,
  profiles: ReadonlyMap<string, ColumnProfile>,
): ColumnKind | undefined {
  return kinds?.[header] ?? profiles.get(header)?.kind;
}

/** Keys named after their table's noun: "Opportunity_ID", "Case Number", "EmpID". */
function byKeyNoun(table: CanonicalTable, headers: readonly string[], a: Assignment) {
  for (const c of table.columns) {
    const nouns = KEY_NOUNS[c.name];
    if (nouns === undefined || a.matches[c.name] !== undefined) continue;
    const named = new RegExp(` (${nouns}) ?${KEY_WORD} `);
    const glued = new RegExp(`^(${nouns})${KEY_WORD}$`);
    const isReference = c.references !== undefined && c.references.table !== table.name;
    for (const h of headers) {
      if (!a.free(c.name, h)) continue;
      if (named.test(headerWords(h)) || glued.test(normalizeHeader(h))) {
        a.set(c.name, h, 'similar', 0.95);
        break;
      }
      if (isReference && c.name === 'customer_id' && REFERENCE_NAMES.test(headerWords(h))) {
        a.set(c.name, h, 'similar', 0.8);
        break;
      }
    }
  }
}

function bySimilarNames(
  table: CanonicalTable,
  headers: readonly string[],
  kindFor: (h: string) => ColumnKind | undefined,
  a: Assignment,
) {
  const pairs: { column: string; header: string; score: number }[] = [];
  for (const c of table.columns) {
    if (a.matches[c.name] !== undefined) continue;
    for (const h of headers) {
      if (a.used.has(h) || roleConflict(h, c.name)) continue;
      const kind = kindFor(h);
      if (kind !== undefined && !kindFits(c.kind, kind)) continue;
      const score = columnSimilarity(h, c.name);
      if (score >= SIMILARITY_THRESHOLD) pairs.push({ column: c.name, header: h, score });
    }
  }
  pairs.sort((x, y) => y.score - x.score);
  for (const p of pairs) if (a.free(p.column, p.header)) a.set(p.column, p.header, 'similar', p.score);
}

/** The table's own key: a column with every value different, named like a key if one is. */
function keyByValues(c: CanonicalColumn, profiles: readonly ColumnProfile[], a: Assignment) {
  const unique = profiles.filter((p) => isUnique(p) && !a.used.has(p.name) && !isDateLike(p));
  const named = unique.find((p) => new RegExp(` ${KEY_WORD} `).test(headerWords(p.name)));
  const text = unique.find((p) => p.kind === 'text');
  if (named !== undefined) a.set(c.name, named.name, 'values', 0.75);
  else if (unique.length > 0 && unique[0] === profiles[0]) a.set(c.name, unique[0].name, 'values', 0.6);
  // A form export (Google Forms) has no response key, but one answer per respondent: their email or name is unique.
  else if (c.name === 'response_id' && text !== undefined) a.set(c.name, text.name, 'values', 0.5);
}

/** The day a record began: the fullest date column, then the earliest, that names no other event. */
function timeByValues(c: CanonicalColumn, profiles: readonly ColumnProfile[], a: Assignment) {
  const dates = profiles
    .filter((p) => isDateLike(p) && !a.used.has(p.name) && !OTHER_EVENT.test(headerWords(p.name)))
    .sort((x, y) => y.filled - x.filled || (x.minDate ?? '').localeCompare(y.minDate ?? ''));
  if (dates.length > 0) a.set(c.name, dates[0].name, 'values', 0.6);
}

function labelsByValues(c: CanonicalColumn, profiles: readonly ColumnProfile[], a: Assignment) {
  for (const words of BY_VALUES[c.name] ?? []) {
    const p = profiles.find(
      (x) => !a.used.has(x.name) && isCategorical(x) && vocabularyShare(x, words) >= 0.5,
    );
    if (p !== undefined) {
      a.set(c.name, p.name, 'values', 0.85);
      return;
    }
  }
}

/**
 * Each score scale: the share of a column's values that are whole numbers on it, and
 * the least top value that tells it from the next smaller scale (a 1–5 column fits
 * inside 1–7, a 1–7 one inside 0–10).
 */
const SCALES: Readonly<
  Record<string, { readonly share: (p: ColumnProfile) => number; readonly top: number }>
> = {
  '0-10': { share: (p) => p.in0to10, top: 8 },
  '1-5': { share: (p) => p.in1to5, top: 4 },
  '1-7': { share: (p) => p.in1to7, top: 6 },
};

/** A score column with no telling name: whole numbers, all on the column's scale, reaching its top. */
function scoreByValues(c: CanonicalColumn, profiles: readonly ColumnProfile[], a: Assignment) {
  const scale = c.scale === undefined ? undefined : SCALES[`${c.scale.min}-${c.scale.max}`];
  if (scale === undefined) return;
  const p = profiles.find(
    (x) =>
      !a.used.has(x.name) &&
      x.kind === 'number' &&
      x.filled > 0 &&
      scale.share(x) >= 0.98 &&
      (x.max ?? 0) >= scale.top,
  );
  if (p !== undefined) a.set(c.name, p.name, 'values', 0.7);
}

function byValues(table: CanonicalTable, profiles: readonly ColumnProfile[], a: Assignment) {
  for (const c of table.columns) {
    if (a.matches[c.name] !== undefined) continue;
    const ownKey = c.required && c.name.endsWith('_id') && c.references === undefined;
    if (ownKey) keyByValues(c, profiles, a);
    else if (c.scale !== undefined) scoreByValues(c, profiles, a);
    else if (c.required && TIME_COLUMNS.has(c.name)) timeByValues(c, profiles, a);
    else labelsByValues(c, profiles, a);
  }
}

/**
 * The columns of one canonical table found in a file: a CRM preset's headers when
 * the file is clearly that CRM's export, then canonical names, keys named after
 * the table, similar names, and last what the values show (a unique column is a
 * key, the fullest date the day a record began, stage words a stage).
 */
export function mappingCandidate(
  table: CanonicalTable,
  headers: readonly string[],
  kinds?: Readonly<Record<string, ColumnKind>>,
  profiles: readonly ColumnProfile[] = [],
): Candidate {
  const byName = new Map(profiles.map((p) => [p.name, p]));
  const kindFor = (h: string) => kindOf(h, kinds, byName);
  const byNorm = new Map<string, string>();
  for (const h of headers) if (!byNorm.has(normalizeHeader(h))) byNorm.set(normalizeHeader(h), h);

  const claimed = claimedPreset(table.name, byNorm);
  const a = new Assignment();
  for (const [column, m] of Object.entries(claimed?.matches ?? {})) a.set(column, m.header, 'preset', 1);
  for (const c of table.columns) {
    const header = byNorm.get(normalizeHeader(c.name));
    // Canonical names as they are (files already in the canonical shape, like the demo).
    if (header !== undefined && a.free(c.name, header)) a.set(c.name, header, 'exact', 1);
  }
  byKeyNoun(table, headers, a);
  bySimilarNames(table, headers, kindFor, a);
  if (profiles.length > 0) byValues(table, profiles, a);

  const required = table.columns.filter((c) => c.required);
  const weight = required.reduce((s, c) => s + (a.matches[c.name]?.score ?? 0), 0);
  return {
    table,
    matches: a.matches,
    preset: claimed?.preset ?? null,
    requiredFound: required.filter((c) => a.matches[c.name] !== undefined).length,
    fit: required.length === 0 ? 0 : weight / required.length,
  };
}
