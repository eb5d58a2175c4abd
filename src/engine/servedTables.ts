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
