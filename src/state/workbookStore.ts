import { createStore, type StoreApi } from 'zustand/vanilla';
import { datasetsOf } from '../app/data/tableEntry';
import {
  type AwaitingFiles,
  createWorkbookService,
  filesFor,
  type MissingDataset,
  type OpenedWorkbook,
} from '../app/workbook/workbookService';
import { emptyDocument } from '../core/model/document';
import type { WorkbookDocument } from '../core/model/documentSchema';
import type { NameClash } from '../core/model/tableNames';
import { WorkbookError } from '../workbook/workbookError';
import type { DataStore, SourceFile } from './dataStore';
import type { DocumentSlice } from './documentSlice';

/**
 * A failure the app explains itself, written in the language shown: an open whose tables
 * the engine would not take, or a new workbook that could not be started. The engine's
 * own words never reach the page.
 */
export interface WorkbookProblem {
  code: 'open-failed' | 'new-failed';
  /** The workbook file the user opened ('' for a new workbook). */
  file: string;
}

/** A workbook saved without its data, waiting for the user to give the original files. */
export interface PendingOpen {
  fileName: string;
  missing: MissingDataset[];
}

export interface WorkbookState {
  title: string;
  /** The .shakhes file last opened or saved, if any. */
  fileName: string | null;
  /** Edits since the workbook was last opened or saved to a file. */
  dirty: boolean;
  canUndo: boolean;
  canRedo: boolean;
  busy: 'saving' | 'opening' | null;
  pending: PendingOpen | null;
  error: string | null;
  /** The name clash `error` was written from, when it was one, so the page can say it in its language. */
  errorClash: NameClash | null;
  /** The failure `error` was written from, when the app wrote it rather than the file's refusal. */
  errorProblem: WorkbookProblem | null;

  setTitle(title: string): void;
  /** Records the slices' current state as one undoable step (no-op when nothing changed). */
  capture(): void;
  /** Takes the slices' current state as the present without making an undo step (changes the app derived). */
  rebase(): void;
  undo(): void;
  redo(): void;
  snapshot(): WorkbookDocument;
  save(opts: { embedData: boolean; fileName?: string }): Promise<Uint8Array>;
  /** Opens a .shakhes file; on any refusal the open workbook is left as it was. */
  open(bytes: Uint8Array, fileName: string): Promise<boolean>;
  /** Puts back a workbook kept by autosave: its document and its tables' Parquet bytes. */
  restore(
    doc: WorkbookDocument,
    data: Map<string, Uint8Array>,
    fileName: string | null,
    /** The tables' contents tokens kept with the bytes (autosave), so cached results stay valid. */
    dataIds?: Readonly<Record<string, string>>,
  ): Promise<void>;
  /** Original files for a workbook saved without data, matched by file name. */
  provideFiles(files: SourceFile[]): Promise<boolean>;
  cancelOpen(): void;
  /** Shows a failure the app explains (`error` holds its English). */
  showProblem(problem: WorkbookProblem, cause?: unknown): void;
  dismissError(): void;
  registerSlice(slice: DocumentSlice): () => void;
}

export type WorkbookStore = StoreApi<WorkbookState>;

const HISTORY_LIMIT = 100;

/**
 * What undo steps through: the document without its datasets. Loaded data is not
 * undone (it can be large); loading or removing a table only marks the workbook changed.
 * Column mappings are edits, so the mapped datasets' table and mapping are kept.
 */
function historyKey(doc: WorkbookDocument): string {
  const mapped = doc.datasets
    .filter((d) => d.mapping !== undefined)
    .map((d) => ({ table: d.table, mapping: d.mapping }));
  return JSON.stringify({ ...doc, datasets: mapped });
}
function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The English of a failure the app explains; the page writes it from the problem in its language. */
function problemText({ code, file }: WorkbookProblem): string {
  return code === 'open-failed'
    ? `The workbook ${file} could not be opened: its tables could not be put into the database. The workbook you had is still open. Try opening it again; if it fails again, reload the page and open it first.`
    : 'A new workbook could not be started; the open one is unchanged. Reload the page to start afresh.';
}

export function createWorkbookStore(data: DataStore, initialTitle = 'Untitled workbook'): WorkbookStore {
  const slices = new Set<DocumentSlice>();
  const unsubscribers = new Map<DocumentSlice, () => void>();
  let past: string[] = [];
  let future: string[] = [];
  let current: string | null = null;
  let applying = false;
  // The document waiting for files, kept out of state: it may be large and is never rendered.
  let pendingDoc: AwaitingFiles | null = null;
  const service = createWorkbookService({ engine: () => data.getState().engine() });
  /** The open workbook's tables: an opened one's replace them in the same transaction. */
  const openTables = () => data.getState().tables.map((t) => t.name);

  const store = createStore<WorkbookState>()((set, get) => {
    const compose = (): WorkbookDocument => {
      const doc = emptyDocument(get().title);
      doc.datasets = datasetsOf(data.getState().tables);
      for (const slice of slices) slice.contribute(doc);
      return doc;
    };

    const flags = () => set({ canUndo: past.length > 0, canRedo: future.length > 0 });

    const adopt = (doc: WorkbookDocument) => {
      applying = true;
      try {
        set({ title: doc.title });
        for (const slice of slices) slice.adopt(doc);
      } finally {
        applying = false;
      }
    };

    /** Puts an opened document in place once its tables are in the engine (and the replaced ones gone). */
    const finishOpen = (
      { doc, tables }: OpenedWorkbook,
      fileName: string | null,
      dataIds?: Readonly<Record<string, string>>,
    ) => {
      const keep = new Set(doc.datasets.map((d) => d.table.toLowerCase()));
      for (const t of data.getState().tables)
        if (!keep.has(t.name.toLowerCase())) data.getState().takeOut(t.name);
      data.getState().adoptTables(tables, dataIds);
      adopt(doc);
      current = historyKey(compose());
      past = [];
      future = [];
      pendingDoc = null;
      set({ fileName, dirty: false, pending: null, error: null });
      flags();
    };

    return {
      title: initialTitle,
      fileName: null,
      dirty: false,
      canUndo: false,
      canRedo: false,
      busy: null,
      pending: null,
      error: null,
      errorClash: null,
      errorProblem: null,

      setTitle(title) {
        set({ title });
        get().capture();
      },

      capture() {
        if (applying) return;
        const next = historyKey(compose());
        if (next === current) return;
        if (current !== null) {
          past.push(current);
          if (past.length > HISTORY_LIMIT) past.shift();
          set({ dirty: true });
        }
        future = [];
        current = next;
        flags();
      },

      rebase() {
        if (applying || current === null) return;
        current = historyKey(compose());
      },

      undo() {
        const prev = past.pop();
        if (prev === undefined || current === null) return;
        future.push(current);
        current = prev;
        adopt(JSON.parse(prev) as WorkbookDocument);
        set({ dirty: true });
        flags();
      },

      redo() {
        const next = future.pop();
        if (next === undefined || current === null) return;
        past.push(current);
        current = next;
        adopt(JSON.parse(next) as WorkbookDocument);
        set({ dirty: true });
        flags();
      },

      snapshot: compose,

      async save({ embedData, fileName }) {
        set({ busy: 'saving', error: null });
        try {
          const bytes = await service.save(compose(), embedData);
          set({ dirty: false, fileName: fileName ?? get().fileName });
          return bytes;
        } catch (e) {
          set({ error: `The workbook could not be saved: ${messageOf(e)}` });
          throw e;
        } finally {
          set({ busy: null });
        }
      },

      async open(bytes, fileName) {
        set({ busy: 'opening', error: null });
        try {
          const outcome = await service.open(bytes, openTables());
          if (outcome.status === 'needs-files') {
            pendingDoc = outcome;
            set({ pending: { fileName, missing: outcome.missing } });
            return false;
          }
          finishOpen(outcome, fileName);
          return true;
        } catch (e) {
          if (!(e instanceof WorkbookError)) {
            // A refusal of the file says what is wrong with it; anything else is the engine's, kept off the page.
            get().showProblem({ code: 'open-failed', file: fileName }, e);
            return false;
          }
          set({ error: e.message, errorClash: e.clash ?? null, errorProblem: null });
          return false;
        } finally {
          set({ busy: null });
        }
      },

      async restore(doc, tables, fileName, dataIds) {
        finishOpen(await service.restore(doc, tables, openTables()), fileName, dataIds);
      },

      async provideFiles(files) {
        const pending = get().pending;
        const awaiting = pendingDoc;
        if (!pending || !awaiting) return false;
        const { found, absent } = filesFor(awaiting.missing, files);
        if (absent.length > 0) {
          set({ error: `Still needed: ${absent.map((m) => m.sourceName).join(', ')}.` });
          return false;
        }
        set({ busy: 'opening', error: null });
        try {
          finishOpen(await service.openWithFiles(awaiting, found, openTables()), pending.fileName);
          return true;
        } catch (e) {
          set({ error: messageOf(e) });
          return false;
        } finally {
          set({ busy: null });
        }
      },

      cancelOpen() {
        pendingDoc = null;
        set({ pending: null, error: null });
      },

      showProblem(problem, cause) {
        // The engine's words stay in the English (the CLI prints it); the page writes `errorProblem`.
        const detail = cause === undefined ? '' : ` (${messageOf(cause)})`;
        set({ error: `${problemText(problem)}${detail}`, errorClash: null, errorProblem: problem });
      },

      dismissError() {
        set({ error: null, errorProblem: null });
      },

      registerSlice(slice) {
        slices.add(slice);
        // A slice joining is the workbook's starting point, not an edit to undo.
        if (past.length === 0) current = historyKey(compose());
        unsubscribers.set(
          slice,
          slice.subscribe((kind) => (kind === 'edit' ? get().capture() : get().rebase())),
        );
        return () => {
          unsubscribers.get(slice)?.();
          unsubscribers.delete(slice);
          slices.delete(slice);
        };
      },
    };
  });

  // Loading or removing a table changes the document's datasets, though not its undo history.
  data.subscribe((s, prev) => {
    if (s.tables !== prev.tables && !applying && current !== null) store.setState({ dirty: true });
  });
  return store;
}
