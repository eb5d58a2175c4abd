import preparedImports from '../../samples/crm-demo-prepared/imports.json';
import type { PreparedImport, PreparedTable } from '../app/data/preparedTable';
import { tableNameFromFile } from '../core/ingest/tableName';
import { CANONICAL_TABLE_NAMES } from '../core/model/canonical';
import { contentDigest } from '../core/model/contentDigest';
import type { LoadedTable } from '../core/model/scorecardSchema';
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

// The digests of the prepared tables the last demo load fetched, by file name (see demoDigests).
let digests: Promise<Record<string, string>> | null = null;

/**
 * The demo's files with every fetch started at once (CSVs and prepared tables), for
 * loading the demo: the engine starts meanwhile, and the imports, one at a time, find
 * their bytes there instead of each fetching its file only when the one before is in.
 * Each prepared table's digest is taken as its bytes arrive, before an import can hand
 * them to the engine's worker (demoDigests).
 */
export function fetchingDemoFiles(): SourceFile[] {
  const files = demoFiles().map((file) => {
    const bytes = file.read();
    const table = file.prepared?.();
    // A failed fetch is reported by the import that reads it, not as an unhandled rejection.
    bytes.catch(() => undefined);
    table?.catch(() => undefined);
    return {
      file: { ...file, read: () => bytes, ...(table === undefined ? {} : { prepared: () => table }) },
      digest: table?.then((t) => contentDigest(t.ipc)),
    };
  });
  const taken = Promise.all(
    files.map(async ({ file, digest }) => [file.name, digest === undefined ? '' : await digest] as const),
  ).then(Object.fromEntries);
  taken.catch(() => undefined);
  digests = taken;
  return files.map((f) => f.file);
}

/**
 * The SHA-256 of each prepared table the last `fetchingDemoFiles` fetched (empty for a
 * file without one), by file name: what the demo's shipped results are matched on.
 * Null before any demo load started; rejects when a prepared table could not be fetched.
 */
export function demoDigests(): Promise<Readonly<Record<string, string>>> | null {
  return digests;
}

/** The demo's tables as the app lists them once imported: names and columns, from the prepared results. */
export function demoTables(): LoadedTable[] {
  return demoFiles().flatMap((f) => {
    const result = prepared[f.name];
    return result === undefined ? [] : [{ name: tableNameFromFile(f.name), columns: result.columns }];
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
