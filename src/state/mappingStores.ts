import type { Engine } from '../engine/engine';
import { importFile } from '../engine/ingest/importFile';
import type { ImportResult } from '../engine/ingest/types';
import { createDataStore, type DataStore, type TableEntry } from './dataStore';
import { createMappingStore, type MappingStore } from './mappingStore';

/** A table the CLI imported, as the data store lists one (the same fields, named as it names them). */
function entryOf(r: ImportResult): TableEntry {
  const { table, ...rest } = r;
  return { ...rest, name: table, notes: r.notes ?? [] };
}

/**
 * The data and mapping stores the browser builds, over `engine`, with `imports` listed as
 * loaded: for a caller that still needs stores (the CLI's `run` opens workbooks through the
 * workbook store). `session` is the mapping service over the same tables, for `--map auto`.
 */
export function mappingStores(engine: Engine, imports: readonly ImportResult[] = []) {
  const data: DataStore = createDataStore({
    createEngine: async () => engine,
    importFile,
    demoFiles: () => [],
  });
  const mapping: MappingStore = createMappingStore(data);
  if (imports.length > 0) data.getState().adoptTables(imports.map(entryOf));
  const session = { mapping: mapping.service, tables: () => data.getState().tables };
  return { data, mapping, session };
}
