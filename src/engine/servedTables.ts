import type { Engine } from './engine';
import { engineRoot } from './engineRoot';
import type { ImportResult, ParseOptions } from './ingest/types';

/**
 * A table `shakhes serve` holds: a file given on its command line or dropped on the page
 * (read by path on the server), or one of the `--workbook`'s. The page lists it but never
 * copies its rows: `path` is where the server read it from.
 */
export interface ServedTable extends ImportResult {
  path: string;
  /**
   * Set for a file dropped on the page: `path` is then the server's private copy (gone with
   * the server), so a saved workbook carries its data or its file name, never that path.
   */
  dropped?: true;
}

/**
 * A workbook's table that had to keep clear of a served one (src/app/workbook/servedClash.ts):
 * put in under another name, or its mapping left off because its view would take a served
 * table's name.
 */
export interface ServedClash {
  /** The file the dataset came from, as the user knows it. */
  dataset: string;
  table: string;
  /** The name it is in under (`table` when only its mapping was left off). */
  as: string;
  /** Where the server read the table that kept the name. */
  served: string;
  /** The view its mapping would have made, when that is a served table's name: the mapping is left off. */
  view?: string;
}

/** How a file streamed to the server is imported there (the import options, minus what stays in the page). */
export interface UploadImport {
  /** The file's own name: the table and the page name it after this. */
  name: string;
  table?: string;
  options?: ParseOptions;
  existing?: string[];
  signal?: AbortSignal;
}

/** The workbook given to `shakhes serve --workbook`: its document (checked again by the page) and file name. */
export interface ServedWorkbook {
  fileName: string;
  doc: unknown;
  /** Its tables that keep clear of the PATHs' (as a page opening it would put them), for the page to say so. */
  renamed?: ServedClash[];
}

/** What only the engine of a page served by `shakhes serve` does (src/engine/remoteEngine.ts). */
export interface ServerSide {
  /** The tables the server holds now. */
  servedTables(): Promise<ServedTable[]>;
  /** Streams a file to the server (never read whole in the tab) and imports it there by path. */
  importUpload(file: Blob, how: UploadImport): Promise<ServedTable>;
  servedWorkbook(): Promise<ServedWorkbook | null>;
}

/** The served page's server side of an engine (through any wrappers), or null for any other engine. */
export function serverSideOf(engine: Engine): ServerSide | null {
  const root = engineRoot(engine) as Engine & Partial<ServerSide>;
  return typeof root.servedTables === 'function' &&
    typeof root.importUpload === 'function' &&
    typeof root.servedWorkbook === 'function'
    ? (root as Engine & ServerSide)
    : null;
}
