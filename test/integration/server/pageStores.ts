import { importFile } from '../../../src/engine/ingest/importFile';
import { createNodeEngine } from '../../../src/engine/nodeEngine';
import { loadNodeParquet } from '../../../src/engine/parquet/nodeCodec';
import { connectRemoteEngine } from '../../../src/engine/remoteEngine';
import type { StartedServer } from '../../../src/server/startServer';
import { createDataStore } from '../../../src/state/dataStore';
import { createWorkbookStore } from '../../../src/state/workbookStore';

/** A page's data and workbook stores: served by `server`, or the plain browser app (DuckDB-WASM) when null. */
export function pageStores(server: Pick<StartedServer, 'origin' | 'token'> | null) {
  const data = createDataStore({
    createEngine: () =>
      server
        ? connectRemoteEngine({
            origin: server.origin,
            token: server.token,
            loadParquet: async () => loadNodeParquet(),
          })
        : createNodeEngine(),
    importFile,
    demoFiles: () => [],
  });
  return { data, workbook: createWorkbookStore(data) };
}
