import preparedImports from '../../samples/crm-demo-prepared/imports.json';
import type { PreparedImport, PreparedTable } from '../app/data/preparedTable';
import { CANONICAL_TABLE_NAMES } from '../core/model/canonical';
import type { SourceFile } from '../state/dataStore';

// Vite copies each demo CSV into the build as an asset of this origin; fetching them
// is the same as fetching the page.
const urls = import.meta.glob('../../samples/crm-demo/*.csv', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;

// Each CSV imported ahead by samples/generate.ts (its rows as Arrow IPC, its import's
// result beside): loading the demo puts these in place and skips the importer's work.
const preparedUrls = import.meta.glob('../../samples/crm-demo-prepared/*.arrow', {
  query: '?url',
  import: 'default',
  eager: true,
}) as Record<string, string>;
// Written by the same script from the importer's own result; checked against each table when it is inserted.
const prepared = preparedImports as unknown as Readonly<Record<string, PreparedImport>>;

async function fetchBytes(url: string): Promise<Uint8Array> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`the demo file could not be read (HTTP ${res.status})`);
  return new Uint8Array(await res.arrayBuffer());
}

/** The CSV's prepared table, when the build has it. */
function preparedOf(name: string): (() => Promise<PreparedTable>) | undefined {
  const result = prepared[name];
  const url = Object.entries(preparedUrls).find(([path]) =>
    path.endsWith(`/${name.replace(/\.csv$/, '')}.arrow`),
  )?.[1];
  if (result === undefined || url === undefined) return undefined;
  return async () => ({ ipc: await fetchBytes(url), result });
}

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
      const file: SourceFile = { name, size: 0, read: () => fetchBytes(url) };
      const table = preparedOf(name);
      return table === undefined ? file : { ...file, prepared: table };
    });
}

/**
 * The demo's files with every fetch started at once (CSVs and prepared tables), for
 * loading the demo: the engine starts meanwhile, and the imports, one at a time, find
 * their bytes there instead of each fetching its file only when the one before is in.
 */
export function fetchingDemoFiles(): SourceFile[] {
  return demoFiles().map((file) => {
    const bytes = file.read();
    const table = file.prepared?.();
    // A failed fetch is reported by the import that reads it, not as an unhandled rejection.
    bytes.catch(() => undefined);
    table?.catch(() => undefined);
    return { ...file, read: () => bytes, ...(table === undefined ? {} : { prepared: () => table }) };
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
