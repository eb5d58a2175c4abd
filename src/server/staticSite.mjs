// The built app (dist/) as a static site: which file answers a path, its type and the
// security headers every response carries. Plain JavaScript so that `npm start`
// (test/e2e/serve.mjs, run by node without a compiler) and `shakhes serve` share it.
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

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
 * The site in `root`. Unknown paths without a file extension get index.html, so a reload
 * on any app URL works. `headExtra` is markup put first in index.html's <head> (how
 * `shakhes serve` tells the page it was served by it).
 * @param {string} root
 * @param {{ headExtra?: string }} [options]
 */
export async function staticSite(root, { headExtra = '' } = {}) {
  const base = resolve(root);
  const index = join(base, 'index.html');
  if (!(await fileAt(index))) throw new Error(`${index} does not exist: run \`npx vite build\` first.`);
  const html = await readFile(index, 'utf8');
  // The build writes its Content-Security-Policy into index.html.
  const headers = securityHeaders(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1]);
  const page = Buffer.from(headExtra ? html.replace('<head>', `<head>${headExtra}`) : html);

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  async function handle(req, res) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD', ...headers }).end();
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400, headers).end();
      return;
    }
    const target = normalize(join(base, pathname));
    // Never serve outside the build folder, whatever the path says.
    if (target !== base && !target.startsWith(base + sep)) {
      res.writeHead(403, headers).end();
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
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...headers }).end('Not found');
      return;
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file).toLowerCase()] ?? 'application/octet-stream',
      'Content-Length': file === index ? page.length : info.size,
      'Cache-Control': file === index ? 'no-cache' : 'public, max-age=3600',
      ...headers,
    });
    if (req.method === 'HEAD') res.end();
    else if (file === index) res.end(page);
    else createReadStream(file).pipe(res);
  }

  return { headers, handle };
}
