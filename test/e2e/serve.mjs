#!/usr/bin/env node
// A small static server for the production build in dist/: no dependencies, only
// this origin. `npm start` uses it; the browser tests start it on a random port.
import { createServer } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { staticSite } from '../../src/server/staticSite.mjs';

export { securityHeaders } from '../../src/server/staticSite.mjs';

/**
 * Serves `root` on localhost (src/server/staticSite.mjs: which file, which headers).
 * Resolves once listening.
 * @param {{ root?: string, port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer({ root = 'dist', port = 4173, host = '127.0.0.1' } = {}) {
  const site = await staticSite(root);
  const server = createServer(site.handle);

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(undefined));
  });
  const address = server.address();
  const actual = typeof address === 'object' && address ? address.port : port;
  return {
    url: `http://localhost:${actual}/`,
    port: actual,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections?.();
        server.close(() => ok(undefined));
      }),
  };
}

function parseArgs(argv) {
  const out = { port: 4173, root: fileURLToPath(new URL('../../dist', import.meta.url)) };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--port') out.port = Number(argv[++i]);
    else if (a.startsWith('--port=')) out.port = Number(a.slice(7));
    else if (a === '--root') out.root = argv[++i];
  }
  if (!Number.isInteger(out.port) || out.port < 0 || out.port > 65535)
    throw new Error('--port needs a number from 0 to 65535');
  return out;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const { port, root } = parseArgs(process.argv.slice(2));
  startServer({ root, port }).then(
    (s) => console.log(`Shakhes is running at ${s.url}`),
    (e) => {
      console.error(e instanceof Error ? e.message : e);
      process.exit(1);
    },
  );
}
