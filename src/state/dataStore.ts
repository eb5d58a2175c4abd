import { enableMapSet } from 'immer';
import { immer } from 'zustand/middleware/immer';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ImportMessage, ImportMessageRef } from '../core/ingest/messages';
import { duckdb } from '../core/sql/dialect';
import { type Engine, EngineCancelled } from '../engine/engine';
import {
  type ColumnInfo,
  type EncodingName,
  type FileFormat,
  ImportError,
  type ImportProgress,
  type ImportResult,
  type ParseOptions,
} from '../engine/ingest/types';

enableMapSet();

/** A file the user gave us; read lazily so a queued file costs no memory until its turn. */
export interface SourceFile {
  name: string;
  size: number;
  read(): Promise<Uint8Array>;
}

export type ImportFn = (
  engine: Engine,
  source: { name: string; bytes: Uint8Array; format?: FileFormat },
  opts?: {
    table?: string;
    options?: ParseOptions;
    existing?: string[];
    onProgress?: (p: ImportProgress) => void;
    signal?: AbortSignal;
  },
) => Promise<ImportResult>;

interface DataDeps {
  createEngine(): Promise<Engine>;
  importFile: ImportFn;
  /** The demo CSVs; empty when the build has none. */
  demoFiles(): SourceFile[];
}

export interface TableEntry {
  name: string;
  sourceName: string;
  format: FileFormat;
  rows: number;
  columns: ColumnInfo[];
  options: ParseOptions;
  encoding?: EncodingName;
  sheets?: string[];
  problems: ImportResult['problems'];
  /** Things the importer wants the reader to know (a header with no rows, a merged title row), in English. */
  notes: string[];
  /** The same notes by code and parameters, shown in the language of the page (absent for restored tables). */
  noteMessages?: ImportMessage[];
}

export interface ImportJob {
  id: number;
  fileName: string;
  totalBytes: number;
  state: 'queued' | 'running';
  progress: ImportProgress | null;
}

export interface ErrorEntry {
  id: number;
  file: string;
  /** The English sentence (tests, logs); the page writes `problem` in the language shown. */
  message: string;
  problem?: ImportMessageRef;
  line?: number;
  column?: string;
}

export type EngineStatus = 'idle' | 'starting' | 'ready' | 'failed';

export interface DataState {
  engineStatus: EngineStatus;
  engineError: string | null;
  tables: TableEntry[];
  selectedTable: string | null;
  selectedColumn: string | null;
  jobs: ImportJob[];
  errors: ErrorEntry[];
  /** Notices that are not failures (a cancelled load). */
  notices: ErrorEntry[];
  /** Bumped when a table's contents change, so views of it refetch. */
  versions: Record<string, number>;
  /**
   * A token per table naming its contents, new with each change: unlike a version it
   * survives a reload (autosave keeps it with the bytes), so results cached for it stay valid.
   */
  dataIds: Record<string, string>;

  /** The engine, started on first use. */
  engine(): Promise<Engine>;
  loadFiles(files: SourceFile[], how?: { format?: FileFormat }): Promise<TableEntry[]>;
  loadDemo(): Promise<TableEntry[]>;
  reimport(table: string, options: ParseOptions): Promise<TableEntry | null>;
  pasteTable(text: string, name?: string): Promise<TableEntry | null>;
  createManualTable(name: string, header: string[], rows: string[][]): Promise<TableEntry | null>;
  removeTable(table: string): Promise<void>;
  /** Takes a table off the list but leaves it in the engine (a removal that may be undone); null when not listed. */
  takeOut(table: string): TakenTable | null;
  /** Lists a taken-out table again, once the engine has it back under its name; its contents get a new token. */
  putBack(taken: TakenTable): void;
  /**
   * Lists tables that are already in the engine (restored from a workbook or an
   * autosave) in place of the current list. Their source bytes are not known, so
   * they cannot be read again with new options. `dataIds` are the tokens the tables'
   * contents were kept under, when known.
   */
  adoptTables(entries: TableEntry[], dataIds?: Readonly<Record<string, string>>): void;
  /** The bytes a table was read from, when kept (formats that can be read again): autosave keeps them at once. */
  sourceOf(table: string): { name: string; bytes: Uint8Array } | undefined;
  cancelJob(id: number): void;
  cancelAll(): void;
  selectTable(table: string | null): void;
  selectColumn(table: string, column: string | null): void;
  dismissError(id: number): void;
  dismissAllErrors(): void;
  dismissNotice(id: number): void;
}

export type DataStore = StoreApi<DataState>;

/** A table taken off the list with what is needed to list it again as it was. */
export interface TakenTable {
  readonly entry: TableEntry;
  /** Where it stood in the list. */
  readonly index: number;
  readonly source: { name: string; bytes: Uint8Array; format?: FileFormat } | undefined;
}

/** Tab-separated text, as spreadsheets copy it; tabs and line breaks inside cells become spaces. */
export function toTsv(header: string[], rows: string[][]): string {
  const clean = (s: string) => s.replace(/[\t\r\n]+/g, ' ');
  return [header, ...rows].map((r) => r.map(clean).join('\t')).join('\n');
}

/** Formats with read options the user can change after loading. */
/** Random enough that two loads never share one, in a session or across reloads. */
function newDataId(): string {
  return globalThis.crypto.randomUUID();
}

const REREADABLE = new Set<FileFormat>(['csv', 'tsv', 'xlsx', 'pasted', 'manual']);

function isCancel(e: unknown): boolean {
  return (
    e instanceof EngineCancelled ||
    (e instanceof Error && e.name === 'AbortError') ||
    (typeof DOMException !== 'undefined' && e instanceof DOMException && e.name === 'AbortError')
  );
}

export function createDataStore(deps: DataDeps): DataStore {
  let enginePromise: Promise<Engine> | null = null;
  let nextId = 1;
  const controllers = new Map<number, AbortController>();
  // Source bytes are kept so "read again" with new options needs no second pick of the file.
  // They live outside the store state: large, and never rendered.
  const sources = new Map<string, { name: string; bytes: Uint8Array; format?: FileFormat }>();
  // Imports share one engine connection; a chain keeps them one at a time in arrival order.
  let chain: Promise<unknown> = Promise.resolve();

  return createStore<DataState>()(
    immer((set, get) => {
      const fail = (file: string, e: unknown) => {
        const detail = e instanceof Error ? e.message : String(e);
        const entry: ErrorEntry =
          e instanceof ImportError
            ? {
                id: nextId++,
                file: e.file || file,
                message: e.message,
                problem: e.problem,
                line: e.line,
                column: e.column,
              }
            : {
                id: nextId++,
                file,
                message: `${file}: ${detail}`,
                problem: { code: 'unexpected', params: { file, detail } },
              };
        set((s) => {
          s.errors.push(entry);
        });
      };

      const upsertTable = (result: ImportResult): TableEntry => {
        const entry: TableEntry = {
          name: result.table,
          sourceName: result.sourceName,
          format: result.format,
          rows: result.rows,
          columns: result.columns,
          options: result.options,
          encoding: result.encoding,
          sheets: result.sheets,
          problems: result.problems,
          notes: result.notes ?? [],
          ...(result.noteMessages ? { noteMessages: result.noteMessages } : {}),
        };
        set((s) => {
          const i = s.tables.findIndex((x) => x.name === entry.name);
          if (i >= 0) s.tables[i] = entry;
          else s.tables.push(entry);
          s.versions[entry.name] = (s.versions[entry.name] ?? 0) + 1;
          s.dataIds[entry.name] = newDataId();
          if (s.selectedTable === null) s.selectedTable = entry.name;
          if (s.selectedTable === entry.name && s.selectedColumn !== null) {
            if (!entry.columns.some((c) => c.name === s.selectedColumn)) s.selectedColumn = null;
          }
        });
        return entry;
      };

      /** Runs one import as a job: queued, then progress, then a table or an error. */
      const runJob = (
        file: SourceFile,
        opts: { table?: string; options?: ParseOptions; format?: FileFormat },
      ): Promise<TableEntry | null> => {
        const id = nextId++;
        const controller = new AbortController();
        controllers.set(id, controller);
        set((s) => {
          s.jobs.push({ id, fileName: file.name, totalBytes: file.size, state: 'queued', progress: null });
        });
        const finish = () => {
          controllers.delete(id);
          set((s) => {
            s.jobs = s.jobs.filter((j) => j.id !== id);
          });
        };
        const work = async (): Promise<TableEntry | null> => {
          if (controller.signal.aborted) {
            finish();
            return null;
          }
          set((s) => {
            const j = s.jobs.find((x) => x.id === id);
            if (j) j.state = 'running';
          });
          try {
            const engine = await get().engine();
            // Pasted and typed tables say so; files are recognised by the importer.
            const source = { name: file.name, bytes: await file.read(), format: opts.format };
            const result = await deps.importFile(engine, source, {
              table: opts.table,
              options: opts.options,
              existing: get()
                .tables.map((x) => x.name)
                .filter((n) => n !== opts.table),
              signal: controller.signal,
              onProgress: (p) =>
                set((s) => {
                  const j = s.jobs.find((x) => x.id === id);
                  if (j) j.progress = p;
                }),
            });
            if (REREADABLE.has(result.format)) sources.set(result.table, source);
            return upsertTable(result);
          } catch (e) {
            if (isCancel(e) || controller.signal.aborted) {
              set((s) => {
                s.notices.push({ id: nextId++, file: file.name, message: '' });
              });
            } else {
              fail(file.name, e);
            }
            return null;
          } finally {
            finish();
          }
        };
        const p = chain.then(work, work);
        chain = p;
        return p;
      };

      const textFile = (name: string, text: string): SourceFile => {
        const bytes = new TextEncoder().encode(text);
        return { name, size: bytes.byteLength, read: async () => bytes };
      };

      return {
        engineStatus: 'idle',
        engineError: null,
        tables: [],
        selectedTable: null,
        selectedColumn: null,
        jobs: [],
        errors: [],
        notices: [],
        versions: {},
        dataIds: {},

        engine() {
          if (!enginePromise) {
            set((s) => {
              s.engineStatus = 'starting';
            });
            enginePromise = deps.createEngine().then(
              (e) => {
                set((s) => {
                  s.engineStatus = 'ready';
                });
                return e;
              },
              (e: unknown) => {
                enginePromise = null;
                set((s) => {
                  s.engineStatus = 'failed';
                  s.engineError = e instanceof Error ? e.message : String(e);
                });
                throw e;
              },
            );
          }
          return enginePromise;
        },

        async loadFiles(files, how = {}) {
          const before = get().selectedTable;
          const results = await Promise.all(files.map((f) => runJob(f, { format: how.format })));
          const loaded = results.filter((r): r is TableEntry => r !== null);
          // What the user just loaded is what they want to see, unless they picked
          // another table while it loaded.
          const now = get().selectedTable;
          if (loaded.length > 0 && (now === before || loaded.some((x) => x.name === now))) {
            get().selectTable(loaded[0].name);
          }
          return loaded;
        },

        loadDemo() {
          return get().loadFiles(deps.demoFiles());
        },

        async reimport(table, options) {
          const current = get().tables.find((x) => x.name === table);
          const source = sources.get(table);
          if (!current || !source) return null;
          const merged: ParseOptions = { ...current.options, ...options };
          return runJob(
            { name: source.name, size: source.bytes.byteLength, read: async () => source.bytes },
            { table, options: merged, format: current.format },
          );
        },

        async pasteTable(text, name) {
          const base = (name ?? '').trim() || 'pasted';
          const [entry] = await get().loadFiles([textFile(`${base}.tsv`, text)], { format: 'pasted' });
          return entry ?? null;
        },

        async createManualTable(name, header, rows) {
          const base = name.trim() || 'table';
          const [entry] = await get().loadFiles([textFile(`${base}.tsv`, toTsv(header, rows))], {
            format: 'manual',
          });
          return entry ?? null;
        },

        adoptTables(entries, dataIds) {
          sources.clear();
          set((s) => {
            s.tables = entries;
            for (const e of entries) s.versions[e.name] = (s.versions[e.name] ?? 0) + 1;
            s.dataIds = {};
            for (const e of entries) s.dataIds[e.name] = dataIds?.[e.name] ?? newDataId();
            s.selectedTable = entries[0]?.name ?? null;
            s.selectedColumn = null;
          });
        },

        sourceOf(table) {
          return sources.get(table);
        },

        async removeTable(table) {
          const engine = await get().engine();
          await engine.query(`DROP TABLE IF EXISTS ${duckdb.quoteIdent(table)}`);
          get().takeOut(table);
        },

        takeOut(table) {
          const index = get().tables.findIndex((x) => x.name === table);
          if (index < 0) return null;
          const entry = get().tables[index];
          const source = sources.get(table);
          sources.delete(table);
          set((s) => {
            s.tables = s.tables.filter((x) => x.name !== table);
            delete s.versions[table];
            delete s.dataIds[table];
            if (s.selectedTable === table) {
              s.selectedTable = s.tables[0]?.name ?? null;
              s.selectedColumn = null;
            }
          });
          return { entry, index, source };
        },

        putBack({ entry, index, source }) {
          if (source) sources.set(entry.name, source);
          set((s) => {
            const rest = s.tables.filter((x) => x.name !== entry.name);
            s.tables = [...rest.slice(0, index), entry, ...rest.slice(index)];
            s.versions[entry.name] = (s.versions[entry.name] ?? 0) + 1;
            // New contents as far as autosave knows: what it kept of the table was let go at the removal.
            s.dataIds[entry.name] = newDataId();
            if (s.selectedTable === null) s.selectedTable = entry.name;
          });
        },

        cancelJob(id) {
          controllers.get(id)?.abort();
        },

        cancelAll() {
          for (const c of controllers.values()) c.abort();
        },

        selectTable(table) {
          set((s) => {
            if (s.selectedTable !== table) s.selectedColumn = null;
            s.selectedTable = table;
          });
        },

        selectColumn(table, column) {
          set((s) => {
            s.selectedTable = table;
            s.selectedColumn = column;
          });
        },

        dismissError(id) {
          set((s) => {
            s.errors = s.errors.filter((e) => e.id !== id);
          });
        },

        dismissAllErrors() {
          set((s) => {
            s.errors = [];
          });
        },

        dismissNotice(id) {
          set((s) => {
            s.notices = s.notices.filter((e) => e.id !== id);
          });
        },
      };
    }),
  );
}
