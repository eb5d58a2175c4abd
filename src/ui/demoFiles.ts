import { CANONICAL_TABLE_NAMES } from '../core/model/canonical';
import type { SourceFile } from '../state/dataStore';

// Vite copies each demo CSV into the build as an asset of this origin; fetching them
// is the same as fetching the page.
const urls = import.meta.glob('../../samples/crm-demo/*.csv', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

// The canonical model's order (DESIGN.md): customers first, as a demo is usually opened on them.
const ORDER: readonly string[] = CANONICAL_TABLE_NAMES;

function rank(path: string): number {
  const i = ORDER.indexOf(path.replace(/^.*\//, '').replace(/\.csv$/, ''));
  return i < 0 ? ORDER.length : i;
}

export function demoFiles(): SourceFile[] {
  return Object.entries(urls)
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([path, url]) => {
      const name = path.slice(path.lastIndexOf('/') + 1);
      return {
        name,
        size: 0,
        async read() {
          const res = await fetch(url);
          if (!res.ok) throw new Error(`the demo file could not be read (HTTP ${res.status})`);
          return new Uint8Array(await res.arrayBuffer());
        },
      };
    });
}

/**
 * The demo's files with every fetch started at once, for loading the demo: the engine
 * starts meanwhile, and the imports, one at a time, find their bytes there instead of
 * each fetching its file only when the one before is in.
 */
export function fetchingDemoFiles(): SourceFile[] {
  return demoFiles().map((file) => {
    const bytes = file.read();
    // A failed fetch is reported by the import that reads it, not as an unhandled rejection.
    bytes.catch(() => undefined);
    return { ...file, read: () => bytes };
  });
}

export function hasDemo(): boolean {
  return Object.keys(urls).length > 0;
}

/** Whether the tables are the demo's, untouched by the user's own files (a demo table removed still counts). */
export function isDemoWorkbook(tables: readonly { sourceName: string }[]): boolean {
  const demo = new Set(demoFiles().map((f) => f.name));
  return tables.length > 0 && tables.every((x) => demo.has(x.sourceName));
}
