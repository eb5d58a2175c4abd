import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Engine } from '../engine/engine';
import { engineRoot } from '../engine/engineRoot';
import type { ServedTable, ServedWorkbook } from '../engine/servedTables';
import { engineApi } from './engineApi';
import { refusal } from './requestGuard';
import { staticSite } from './staticSite.mjs';
import { tableList } from './tableList';
import { uploadFolder } from './uploads';

/** How the page knows it was served by `shakhes serve` (src/app/browserEngine.ts reads it). */
const SERVE_MARKER = '<meta name="shakhes-serve" content="1">';

interface ServerOptions {
  /** The built app (dist/). */
  root: string;
  /** 0 picks a free port. */
  port?: number;
  /**
   * The engine to serve, locked down (createNativeEngine: the paths given to the command
   * and its own import folder, where uploads go). The server closes it.
   */
  engine: Engine;
  /** Tables already in the engine (the command's PATHs, read with importFromPath): the page lists them. */
  tables?: readonly ServedTable[];
  /** The workbook the page opens at start (`--workbook`), its tables among `tables`. */
  workbook?: ServedWorkbook;
}

export interface StartedServer {
  /** The address to open, token included (in the fragment, which the browser never sends). */
  url: string;
  origin: string;
  token: string;
  engine: Engine;
  close(): Promise<void>;
}

/**
 * `shakhes serve`'s server: the app and its engine over HTTP on 127.0.0.1 only. The app's
 * files are public (they are the build anyone can host); every /api/ call needs the
 * token, and every request must name this server in Host and, when sent, Origin.
 */
export async function startServer(options: ServerOptions): Promise<StartedServer> {
  const token = randomBytes(32).toString('hex');
  const site = await staticSite(options.root, { headExtra: SERVE_MARKER });
  const { engine } = options;
  const importDirectory = engineRoot(engine).importDirectory;
  if (importDirectory === undefined)
    throw new Error(
      'The served engine must read imported files from a real folder (Engine.importDirectory).',
    );
  const uploads = uploadFolder(importDirectory);
  const api = engineApi(engine, uploads, site.headers, {
    tables: tableList(engine, options.tables ?? []),
    workbook: options.workbook ?? null,
  });
  let port = 0;

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const path = (req.url ?? '/').split('?')[0];
    const isApi = path.startsWith('/api/');
    const refused = refusal(req, port, token, isApi);
    if (refused !== null) {
      res
        .writeHead(refused.status, { ...site.headers, 'content-type': 'application/json' })
        .end(JSON.stringify({ error: 'refused', message: refused.message }));
      return;
    }
    if (isApi) void api(req, res, path.slice('/api/'.length));
    else void site.handle(req, res);
  });
  // An idle connection is closed by the page, never here: one closed by the server (Node's
  // 5 s) just as the page sent its next request on it lost that request, as Node's fetch
  // does not send it again ("fetch failed", read ECONNRESET).
  server.keepAliveTimeout = 0;
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(options.port ?? 0, '127.0.0.1', ok);
  });
  const address = server.address();
  port = typeof address === 'object' && address !== null ? address.port : 0;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/#token=${token}`,
    origin,
    token,
    engine,
    async close() {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
      // A long query would hold the close (engine calls queue); the pages that asked for it are gone.
      await engine.cancel();
      await engine.close();
    },
  };
}
