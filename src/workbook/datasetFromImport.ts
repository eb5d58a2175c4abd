import type { Dataset } from '../core/model/documentSchema';
import type { ImportResult } from '../engine/ingest/types';

/**
 * The document's record of a loaded file: enough to read the same file the same way
 * again when the workbook is saved without its data. Not embedded until saved with data.
 */
export function datasetFromImport(id: string, result: ImportResult): Dataset {
  return {
    id,
    table: result.table,
    sourceName: result.sourceName,
    format: result.format,
    options:
      result.encoding === undefined ? result.options : { encoding: result.encoding, ...result.options },
    columns: result.columns.map(({ name, kind, sqlType, currency }) =>
      currency === undefined ? { name, kind, sqlType } : { name, kind, sqlType, currency },
    ),
    rows: result.rows,
    embedded: false,
  };
}
