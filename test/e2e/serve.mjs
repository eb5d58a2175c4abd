#!/usr/bin/env node
// A small static server for the production build in dist/: no dependencies, only
// this origin. `npm start` uses it; the browser tests start it on a random port.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.cjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.csv': 'text/csv; charset=utf-8',
  '.tsv': 'text/tab-separated-values; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.shakhes': 'application/zip',
};

/**
 * The headers every response carries; docs/hosting.md lists them for any other host and
 * a test keeps the two equal. The policy is the build's own (written into index.html)
 * plus what only a header can say: `frame-ancestors` (a <meta> policy ignores it), and
 * the header, unlike the <meta>, also covers the DuckDB worker.
 * @param {string | undefined} pagePolicy
 */
export function securityHeaders(pagePolicy) {
  return {
    'Content-Security-Policy': [pagePolicy, "frame-ancestors 'none'"].filter(Boolean).join('; '),
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
  };
}

async function fileAt(path) {
  try {
    const s = await stat(path);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

/**
 * Serves `root` on localhost. Unknown paths without a file extension get index.html,
 * so a reload on any app URL works. Resolves once listening.
 * @param {{ root?: string, port?: number, host?: string }} [options]
 * @returns {Promise<{ url: string, port: number, close: () => Promise<void> }>}
 */
export async function startServer({ root = 'dist', port = 4173, host = '127.0.0.1' } = {}) {
  const base = resolve(root);
  const index = join(base, 'index.html');
  if (!(await fileAt(index))) throw new Error(`${index} does not exist: run \`npx vite build\` first.`);
  // The build writes its Content-Security-Policy into index.html.
  const headers = securityHeaders(
    /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(await readFile(index, 'utf8'))?.[1],
  );

  const server = createServer(async (req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const target = normalize(join(base, pathname));
    // Never serve outside the build folder, whatever the path says.
    if (target !== base && !target.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    let file = target;
    let info = await fileAt(file);
    if (!info && pathname.endsWith('/')) {
      file = join(target, 'index.html');
      info = await fileAt(file);
    }
    if (!info && !extname(pathname)) {
      file = index;
      info = await fileAt(file);
    }
    if (!info) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': info.size,
      'Cache-Control': file === index ? 'no-cache' : 'public, max-age=3600',
      ...headers,
    });
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    createReadStream(file).pipe(res);
  });

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
