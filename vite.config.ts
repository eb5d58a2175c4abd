import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

/**
 * The built page may load scripts, workers, fonts and data only from its own origin
 * (plus blob: and data: where DuckDB and downloads need them); WebAssembly may compile.
 * Styles stay inline-capable because AG Grid and ECharts inject theirs. Dev keeps the
 * loose policy in index.html, since Vite's dev server injects inline scripts. The server
 * adds what only a header can carry (frame-ancestors); docs/hosting.md lists it all.
 * Trusted Types are not required: ECharts and the DuckDB worker need policies (see there).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "worker-src 'self' blob:",
  "connect-src 'self' blob: data:",
  "font-src 'self' data:",
  "img-src 'self' blob: data:",
  "style-src 'self' 'unsafe-inline'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-src 'none'",
].join('; ');

function strictContentSecurityPolicy(): Plugin {
  return {
    name: 'shakhes-csp',
    apply: 'build',
    transformIndexHtml(html) {
      return html.replace(
        /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/,
        `$1${CONTENT_SECURITY_POLICY}$2`,
      );
    },
  };
}

/**
 * Unit and integration files run at least two at a time: on two cores Vitest's default
 * (cores minus one) ran them one by one, and a file's DuckDB-WASM works on one core. Both
 * projects need the same count, as Vitest runs them as one group. The browser tests run one
 * file at a time in a Vitest process of their own beside them (`npm test`, test/suite.ts):
 * one run cannot give two projects different worker counts.
 */
const NODE_WORKERS = Math.max(2, availableParallelism() - 1);

/**
 * The built page's stylesheets go to the end of the body: in the head they block the
 * first paint until they arrive, and index.html's skeleton carries its own inline style.
 * The app's scripts still run only once they are in (a module script waits for the
 * stylesheets before it), so nothing the app draws shows unstyled.
 */
function stylesAfterSkeleton(): Plugin {
  return {
    name: 'shakhes-styles-after-skeleton',
    apply: 'build',
    enforce: 'post',
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const links = html.match(/\s*<link rel="stylesheet"[^>]*>/g) ?? [];
        const rest = links.reduce((h, l) => h.replace(l, ''), html);
        return rest.replace('</body>', `  ${links.map((l) => l.trim()).join('\n    ')}\n  </body>`);
      },
    },
  };
}

export default defineConfig({
  plugins: [react(), strictContentSecurityPolicy(), stylesAfterSkeleton()],
  base: './',
  resolve: {
    alias: {
      // micromark's browser build of this decoder reads `&name;` through a DOM element's
      // innerHTML; the plain build looks it up in a table, so Markdown never touches HTML.
      'decode-named-character-reference': fileURLToPath(
        new URL('./node_modules/decode-named-character-reference/index.js', import.meta.url),
      ),
    },
  },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 4000,
  },
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['@duckdb/duckdb-wasm', 'parquet-wasm'] },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          maxWorkers: NODE_WORKERS,
          // Some unit files start a DuckDB engine or write thousands of batches: on a loaded
          // 2-core machine Vitest's 5 s and 10 s defaults ran out (arrowStream, scorecardStore).
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          environment: 'node',
          maxWorkers: NODE_WORKERS,
          // Budgets for a loaded 2-core machine (e2e browsers share the cores); the tests wait
          // for conditions, so a quiet machine never spends them.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 240_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
