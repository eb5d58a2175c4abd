import { dropSql, renameTableSql } from '../../core/sql/tableDdl';
import { type Engine, EngineCancelled } from '../../engine/engine';
import { engineDialect } from '../../engine/engineDialect';
import type { FileFormat, ImportProgress, ParseOptions } from '../../engine/ingest/types';
import { serverSideOf } from '../../engine/servedTables';
import { type ErrorEntry, errorEntryOf, type ImportFn, type ImportJob, isCancel } from './importJobs';
import { insertPrepared } from './preparedTable';
import { bytesFile, type KeptSource, type SourceFile } from './sourceFile';
import { entryOfImport, entryOfServed, type TableEntry } from './tableEntry';

export type EngineStatus = 'idle' | 'starting' | 'ready' | 'failed';

export interface DataDeps {
  createEngine(): Promise<Engine>;
  importFile: ImportFn;
  /** The demo CSVs; empty when the build has none. */
  demoFiles(): SourceFile[];
}

/** What the service tells whatever lists the tables and jobs (the data store), and asks of it. */
export interface DataEvents {
  engineStatus(status: EngineStatus, error?: string): void;
  /** The tables listed now: an import is told them so its own name differs. */
  tableNames(): string[];
  jobQueued(job: ImportJob): void;
  jobRunning(id: number): void;
  jobProgress(id: number, progress: ImportProgress): void;
  /** A job left the queue, after `loaded`, `failed` or `cancelled` said how. */
  jobEnded(id: number): void;
  loaded(entry: TableEntry): void;
  /** The tables `shakhes serve` holds, told once its engine has started (before it is ready). */
  served?(entries: TableEntry[]): void;
  failed(error: ErrorEntry): void;
  cancelled(notice: ErrorEntry): void;
}

interface LoadHow {
  /** The table to read into (a read again); otherwise one named after the file. */
  table?: string;
  options?: ParseOptions;
  format?: FileFormat;
}

export interface DataService {
  /** The engine, started on first use; a start that failed is tried again on the next call. */
  engine(): Promise<Engine>;
  /** Imports a file as a job: imports run one at a time, in the order asked. Null when it failed or was cancelled. */
  load(file: SourceFile, how?: LoadHow): Promise<TableEntry | null>;
  /** Reads a table again from its kept bytes with changed options; null when its bytes were not kept. */
  reimport(entry: TableEntry, options: ParseOptions): Promise<TableEntry | null>;
  demoFiles(): SourceFile[];
  /** Drops a table from the engine and forgets its bytes. */
  drop(table: string): Promise<void>;
  /** Moves a table out of the way under a name no workbook can use, for a removal that may be undone. */
  setAside(table: string): Promise<string>;
  /** Puts a table set aside back under its name. */
  bringBack(aside: string, table: string): Promise<void>;
  sourceOf(table: string): KeptSource | undefined;
  /** Forgets a table's bytes and hands them over (to put back with `keepSource`). */
  takeSource(table: string): KeptSource | undefined;
  keepSource(table: string, source: KeptSource): void;
  forgetSources(): void;
  cancel(jobId: number): void;
  cancelAll(): void;
}

/** Formats with read options the user can change after loading. */
const REREADABLE = new Set<FileFormat>(['csv', 'tsv', 'xlsx', 'pasted', 'manual']);

/**
 * The file's prepared table put in place, or null when it has none or it cannot be used
 * (not fetched, or no longer what importing the file gives): the importer reads the file then.
 */
async function preparedImport(engine: Engine, file: SourceFile, existing: string[], signal: AbortSignal) {
  if (file.prepared === undefined) return null;
  try {
    const prepared = await file.prepared();
    if (signal.aborted) throw new EngineCancelled();
    return await insertPrepared(engine, prepared, existing);
  } catch (e) {
    if (isCancel(e)) throw e;
    // Not the user's concern (the file is read instead), but a sign the build's demo is stale.
    console.warn(
      `${file.name}: not loaded from its prepared form: ${e instanceof Error ? e.message : String(e)}`,
    );
    return null;
  }
}

export function createDataService(deps: DataDeps, events: DataEvents): DataService {
  let enginePromise: Promise<Engine> | null = null;
  let nextId = 1;
  const controllers = new Map<number, AbortController>();
  // Source bytes are kept so "read again" with new options needs no second pick of the file.
  const sources = new Map<string, KeptSource>();
  // Imports share one engine connection; a chain keeps them one at a time in arrival order.
  let chain: Promise<unknown> = Promise.resolve();

  const engine = (): Promise<Engine> => {
    if (!enginePromise) {
      events.engineStatus('starting');
      const started = performance.now();
      enginePromise = deps.createEngine().then(
        async (e) => {
          performance.measure('engine: start', { start: started });
          const server = serverSideOf(e);
          if (server) events.served?.((await server.servedTables()).map(entryOfServed));
          events.engineStatus('ready');
          return e;
        },
        (e: unknown) => {
          enginePromise = null;
          events.engineStatus('failed', e instanceof Error ? e.message : String(e));
          throw e;
        },
      );
    }
    return enginePromise;
  };

  const run = async (id: number, file: SourceFile, how: LoadHow, signal: AbortSignal) => {
    if (signal.aborted) return null;
    events.jobRunning(id);
    try {
      const e = await engine();
      const { table, options } = how;
      const existing = events.tableNames().filter((n) => n !== table);
      const server = serverSideOf(e);
      let entry: TableEntry;
      if (server && file.blob && how.format === undefined) {
        // Served: the file goes to the server as the browser reads it from disk, and is imported there.
        const how = { name: file.name, table, options, existing, signal };
        entry = entryOfServed(await server.importUpload(file.blob, how));
      } else {
        // Pasted and typed tables say so; files are recognised by the importer.
        const started = performance.now();
        const source = { name: file.name, bytes: await file.read(), format: how.format };
        // A file imported ahead (the demo's) is put in place as it was imported, unless asked to be read otherwise.
        const plain = table === undefined && options === undefined && how.format === undefined;
        const prepared = plain ? await preparedImport(e, file, existing, signal) : null;
        const result =
          prepared ??
          (await deps.importFile(e, source, {
            table,
            options,
            existing,
            signal,
            onProgress: (p) => events.jobProgress(id, p),
          }));
        // Named for the way it went, so a trace (and the cold-start test) tells them apart.
        performance.measure(`import${prepared ? ' (prepared)' : ''}: ${file.name}`, { start: started });
        if (REREADABLE.has(result.format)) sources.set(result.table, source);
        entry = entryOfImport(result);
      }
      events.loaded(entry);
      return entry;
    } catch (e) {
      if (isCancel(e) || signal.aborted) events.cancelled({ id: nextId++, file: file.name, message: '' });
      else events.failed(errorEntryOf(nextId++, file.name, e));
      return null;
    }
  };

  const load = (file: SourceFile, how: LoadHow = {}): Promise<TableEntry | null> => {
    const id = nextId++;
    const controller = new AbortController();
    controllers.set(id, controller);
    events.jobQueued({ id, fileName: file.name, totalBytes: file.size, state: 'queued', progress: null });
    const work = () =>
      run(id, file, how, controller.signal).finally(() => {
        controllers.delete(id);
        events.jobEnded(id);
      });
    const p = chain.then(work, work);
    chain = p;
    return p;
  };

  return {
    engine,
    load,

    reimport(entry, options) {
      const source = sources.get(entry.name);
      if (!source) return Promise.resolve(null);
      return load(bytesFile(source.name, source.bytes), {
        table: entry.name,
        options: { ...entry.options, ...options },
        format: entry.format,
      });
    },

    demoFiles: () => deps.demoFiles(),

    async drop(table) {
      const e = await engine();
      await e.query(dropSql(engineDialect(e), table));
      sources.delete(table);
    },

    async setAside(table) {
      const aside = `__shakhes_removed_${globalThis.crypto.randomUUID().replace(/-/g, '')}`;
      const e = await engine();
      await e.query(renameTableSql(engineDialect(e), table, aside));
      return aside;
    },

    async bringBack(aside, table) {
      const e = await engine();
      await e.query(renameTableSql(engineDialect(e), aside, table));
    },

    sourceOf: (table) => sources.get(table),

    takeSource(table) {
      const source = sources.get(table);
      sources.delete(table);
      return source;
    },

    keepSource(table, source) {
      sources.set(table, source);
    },

    forgetSources() {
      sources.clear();
    },

    cancel(jobId) {
      controllers.get(jobId)?.abort();
    },

    cancelAll() {
      for (const c of controllers.values()) c.abort();
    },
  };
}
