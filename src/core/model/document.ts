import type { z } from 'zod';
import { documentCellsProblem } from './documentLimits';
import { CURRENT_FORMAT_VERSION, DocumentSchema, type WorkbookDocument } from './documentSchema';
import { type JsonObject, MigrationError, migrateForward } from './migrations';
import { type NameClash, nameClashes } from './tableNames';

export { CURRENT_FORMAT_VERSION, type WorkbookDocument } from './documentSchema';

type ParseResult =
  | {
      ok: true;
      doc: WorkbookDocument /** Set when the file was in an older format. */;
      migratedFrom?: number;
    }
  | { ok: false; reason: 'not-a-workbook' | 'newer-version' | 'invalid' | 'too-large'; error: string }
  /** A dataset's table takes a name the app uses itself (tableNames.ts); `error` is `clash.message`. */
  | { ok: false; reason: 'name-clash'; error: string; clash: NameClash };

/** How many schema problems a refusal names before it summarises the rest. */
const SHOWN_ISSUES = 3;

function describePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `${out === '' ? '' : '.'}${String(p)}`;
  return out === '' ? 'the document' : out;
}

function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const shown = issues.slice(0, SHOWN_ISSUES).map((i) => `${describePath(i.path)}: ${i.message}`);
  const rest = issues.length - shown.length;
  return `${shown.join('; ')}${rest > 0 ? ` (and ${rest} more ${rest === 1 ? 'problem' : 'problems'})` : ''}`;
}

/**
 * Reads a workbook document from parsed JSON: checks its format version, migrates
 * it forward and validates it. Never throws; the error is a sentence for the user.
 */
export function parseDocument(json: unknown): ParseResult {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    return {
      ok: false,
      reason: 'not-a-workbook',
      error: 'This is not a Shakhes workbook: its workbook.json does not hold an object.',
    };
  const raw = json as JsonObject;
  const version = raw.formatVersion;
  if (version === undefined)
    return {
      ok: false,
      reason: 'not-a-workbook',
      error: 'This is not a Shakhes workbook: its workbook.json has no format version.',
    };
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 0)
    return {
      ok: false,
      reason: 'invalid',
      error: `This workbook has an impossible format version (${JSON.stringify(version)}).`,
    };
  if (version > CURRENT_FORMAT_VERSION)
    return {
      ok: false,
      reason: 'newer-version',
      error: `This workbook was made by a newer Shakhes (format ${version}); this version reads up to format ${CURRENT_FORMAT_VERSION}. Update Shakhes to open it.`,
    };
  const tooMany = documentCellsProblem(raw);
  if (tooMany !== null) return { ok: false, reason: 'too-large', error: tooMany };
  let migrated: JsonObject;
  try {
    migrated = migrateForward(raw, version);
  } catch (err) {
    if (err instanceof MigrationError) return { ok: false, reason: 'invalid', error: err.message };
    throw err;
  }
  const parsed = DocumentSchema.safeParse(migrated);
  if (!parsed.success)
    return {
      ok: false,
      reason: 'invalid',
      error: `This workbook's contents are not valid: ${describeIssues(parsed.error.issues)}.`,
    };
  const clash = nameClashes(parsed.data)[0];
  if (clash !== undefined) return { ok: false, reason: 'name-clash', error: clash.message, clash };
  return version < CURRENT_FORMAT_VERSION
    ? { ok: true, doc: parsed.data, migratedFrom: version }
    : { ok: true, doc: parsed.data };
}

/** A new, empty workbook in the current format. */
export function emptyDocument(title = 'Untitled workbook'): WorkbookDocument {
  return {
    formatVersion: CURRENT_FORMAT_VERSION,
    title,
    locale: 'en',
    calendar: 'gregorian',
    datasets: [],
    relationships: [],
    settings: {
      grain: 'month',
      dateRange: { from: null, to: null },
      comparisons: ['previous', 'yoy', 'target'],
      industry: null,
      currency: 'USD',
      breakdown: null,
    },
    kpis: [],
    benchmarks: [],
    sheets: [{ id: 'scorecard', name: 'Scorecard', kind: 'scorecard', cells: [] }],
  };
}
