import { enableMapSet } from 'immer';
import { immer } from 'zustand/middleware/immer';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { createDataService, type DataDeps, type EngineStatus } from '../app/data/dataService';
import type { ErrorEntry, ImportJob } from '../app/data/importJobs';
import { type KeptSource, manualFile, pastedFile, type SourceFile } from '../app/data/sourceFile';
import { type TableEntry, withServed } from '../app/data/tableEntry';
import { tableNameFromFile } from '../core/ingest/tableName';
import type { Engine } from '../engine/engine';
import type { FileFormat, ParseOptions } from '../engine/ingest/types';

export type { ErrorEntry, ImportFn, ImportJob } from '../app/data/importJobs';
export type { SourceFile } from '../app/data/sourceFile';
export type { TableEntry } from '../app/data/tableEntry';

enableMapSet();

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
  /** Loads the demo's files, but for those whose table is listed already (a demo loading on after a reload). */
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
  /** The tables `shakhes serve` holds (none in the browser), once the engine has started. */
  served(): Promise<TableEntry[]>;
  /** The bytes a table was read from, when kept (formats that can be read again): autosave keeps them at once. */
  sourceOf(table: string): KeptSource | undefined;
  /** Moves a listed table out of the engine's way (table removal); `bringBack` undoes it. */
  setAside(table: string): Promise<string>;
  bringBack(aside: string, table: string): Promise<void>;
  /** Drops a table the engine holds but the list does not (one set aside). */
  dropUnlisted(table: string): Promise<void>;
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
  readonly source: KeptSource | undefined;
}

/** Lists a table just read (in place of one of its name) as new contents. */
function listed(s: DataState, entry: TableEntry): void {
  const i = s.tables.findIndex((x) => x.name === entry.name);
  if (i >= 0) s.tables[i] = entry;
  else s.tables.push(entry);
  s.versions[entry.name] = (s.versions[entry.name] ?? 0) + 1;
  s.dataIds[entry.name] = newDataId();
  if (s.selectedTable === null) s.selectedTable = entry.name;
  if (s.selectedTable === entry.name && s.selectedColumn !== null) {
    if (!entry.columns.some((c) => c.name === s.selectedColumn)) s.selectedColumn = null;
  }
}

/** Random enough that two loads never share one, in a session or across reloads. */
function newDataId(): string {
  return globalThis.crypto.randomUUID();
}

export function createDataStore(deps: DataDeps): DataStore {
  return createStore<DataState>()(
    immer((set, get) => {
      const job = (id: number, change: (j: ImportJob) => void) =>
        set((s) => {
          const j = s.jobs.find((x) => x.id === id);
          if (j) change(j);
        });
      const service = createDataService(deps, {
        engineStatus: (status, error) =>
          set((s) => {
            s.engineStatus = status;
            if (error !== undefined) s.engineError = error;
          }),
        tableNames: () => get().tables.map((x) => x.name),
        jobQueued: (j) =>
          set((s) => {
            s.jobs.push(j);
          }),
        jobRunning: (id) =>
          job(id, (j) => {
            j.state = 'running';
          }),
        jobProgress: (id, p) =>
          job(id, (j) => {
            j.progress = p;
          }),
        jobEnded: (id) =>
          set((s) => {
            s.jobs = s.jobs.filter((j) => j.id !== id);
          }),
        loaded: (entry) => set((s) => listed(s, entry)),
        served: (entries) =>
          set((s) => {
            for (const entry of entries) listed(s, entry);
          }),
        failed: (e) =>
          set((s) => {
            s.errors.push(e);
          }),
        cancelled: (n) =>
          set((s) => {
            s.notices.push(n);
          }),
      });

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

        engine: service.engine,

        async loadFiles(files, how = {}) {
          const before = get().selectedTable;
          const results = await Promise.all(files.map((f) => service.load(f, { format: how.format })));
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
          const listed = new Set(get().tables.map((t) => t.name));
          return get().loadFiles(service.demoFiles().filter((f) => !listed.has(tableNameFromFile(f.name))));
        },

        async reimport(table, options) {
          const current = get().tables.find((x) => x.name === table);
          return current ? service.reimport(current, options) : null;
        },

        async pasteTable(text, name) {
          const [entry] = await get().loadFiles([pastedFile(text, name)], { format: 'pasted' });
          return entry ?? null;
        },

        async createManualTable(name, header, rows) {
          const [entry] = await get().loadFiles([manualFile(name, header, rows)], { format: 'manual' });
          return entry ?? null;
        },

        adoptTables(adopted, dataIds) {
          service.forgetSources();
          // The server's tables are not the workbook's to replace: they stay listed.
          const entries = withServed(adopted, get().tables);
          set((s) => {
            s.tables = entries;
            for (const e of entries) s.versions[e.name] = (s.versions[e.name] ?? 0) + 1;
            s.dataIds = {};
            for (const e of entries) s.dataIds[e.name] = dataIds?.[e.name] ?? newDataId();
            s.selectedTable = entries[0]?.name ?? null;
            s.selectedColumn = null;
          });
        },

        async served() {
          await service.engine();
          return get().tables.filter((t) => t.served !== undefined);
        },

        sourceOf: service.sourceOf,
        setAside: service.setAside,
        bringBack: service.bringBack,
        dropUnlisted: service.drop,

        async removeTable(table) {
          await service.drop(table);
          get().takeOut(table);
        },

        takeOut(table) {
          const index = get().tables.findIndex((x) => x.name === table);
          if (index < 0) return null;
          const entry = get().tables[index];
          const source = service.takeSource(table);
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
          if (source) service.keepSource(entry.name, source);
          set((s) => {
            const rest = s.tables.filter((x) => x.name !== entry.name);
            s.tables = [...rest.slice(0, index), entry, ...rest.slice(index)];
            s.versions[entry.name] = (s.versions[entry.name] ?? 0) + 1;
            // New contents as far as autosave knows: what it kept of the table was let go at the removal.
            s.dataIds[entry.name] = newDataId();
            if (s.selectedTable === null) s.selectedTable = entry.name;
          });
        },

        cancelJob: service.cancel,
        cancelAll: service.cancelAll,

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
