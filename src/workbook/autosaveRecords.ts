import type { WorkbookDocument } from '../core/model/documentSchema';

/**
 * The workbook as autosave keeps it: the document, and for each dataset the key of
 * the table record holding its contents. It only ever names table records already
 * written (they go in the same transaction or an earlier one).
 */
export interface KeptDocument {
  /** Holds only the datasets whose table is kept. */
  doc: WorkbookDocument;
  fileName: string | null;
  savedAt: string;
  /** Changed since the last .shakhes save or open (so opening another asks first). */
  dirty: boolean;
  /** Dataset table → contents token (DataState.dataIds): the table record's key. */
  tables: Record<string, string>;
  /** Tables still being kept when this was written: left out of `doc`, named on restore. */
  unsaved: string[];
  /**
   * Dataset table → where `shakhes serve` read it, for tables the server holds: kept by
   * this reference, never copied (a restore finds them on the server again, or names them gone).
   */
  served?: Record<string, string>;
  /** Of `served`, the tables dropped on the page: their path is the server's own copy, gone with it. */
  dropped?: string[];
  /**
   * Kept while the demo was still loading (a first visit closed or reloaded early): the
   * next start puts back what was kept, edits and all, and loads the demo on.
   */
  demoLoading?: true;
}

/** A workbook put aside when another was opened, restorable until the user empties the list. */
export interface ClosedWorkbook {
  id: string;
  title: string;
  closedAt: string;
  kept: KeptDocument;
  results?: unknown;
}

/**
 * One table's contents. Parquet is the lasting form; the bytes the user gave (a pasted
 * or typed table, a small file) are kept first because they are at hand at once, and
 * are read again the way the dataset says on restore.
 */
export type KeptTable =
  | { kind: 'parquet'; bytes: Uint8Array }
  | { kind: 'source'; name: string; bytes: Uint8Array };

export interface TableWrite {
  table: string;
  dataId: string;
  record: KeptTable;
}

/** What version 1 kept: everything in one record, tables keyed by dataset id. */
interface LegacyRecord {
  doc: WorkbookDocument;
  tables: Map<string, Uint8Array>;
  fileName: string | null;
  savedAt: string;
  dataIds?: Record<string, string>;
}

function isLegacy(value: unknown): value is LegacyRecord {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<LegacyRecord>;
  return typeof v.doc === 'object' && v.doc !== null && v.tables instanceof Map;
}

/** A version 1 record as a kept document and its tables (keyed "table\0dataId"), or null. */
export function legacyRecord(value: unknown): { kept: KeptDocument; tables: Map<string, KeptTable> } | null {
  if (!isLegacy(value)) return null;
  const refs: Record<string, string> = {};
  const tables = new Map<string, KeptTable>();
  const datasets = Array.isArray(value.doc.datasets) ? value.doc.datasets : [];
  for (const d of datasets) {
    const bytes = value.tables.get(d.id);
    if (bytes === undefined) continue;
    const id = value.dataIds?.[d.table] ?? `v1-${d.id}`;
    refs[d.table] = id;
    tables.set(`${d.table}\0${id}`, { kind: 'parquet', bytes });
  }
  return {
    kept: {
      doc: { ...value.doc, datasets: datasets.filter((d) => refs[d.table] !== undefined) },
      fileName: value.fileName ?? null,
      savedAt: value.savedAt,
      // Version 1 did not know; asking once too often is better than losing edits.
      dirty: true,
      tables: refs,
      unsaved: [],
    },
    tables,
  };
}
