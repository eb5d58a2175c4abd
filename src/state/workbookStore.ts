import { createStore, type StoreApi } from 'zustand/vanilla';
import { datasetsOf } from '../app/data/tableEntry';
import { documentHistory } from '../app/workbook/documentHistory';
import type { RenamedTable, ServedName } from '../app/workbook/servedClash';
import { servedSave } from '../app/workbook/servedSave';
import { problemText, type WorkbookProblem } from '../app/workbook/workbookProblem';
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

export type { WorkbookProblem } from '../app/workbook/workbookProblem';

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
  /** The last opened workbook's tables put in under another name, or mappings left off, `shakhes serve` holding a table of that name. */
  renamed: RenamedTable[];
  /** The tables the last Save with data left out of the file (saved by reference: name and path, or file name). */
  savedByReference: ServedName[];

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
  dismissRenamed(): void;
  dismissSavedByReference(): void;
  registerSlice(slice: DocumentSlice): () => void;
}

export type WorkbookStore = StoreApi<WorkbookState>;

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

export function createWorkbookStore(data: DataStore, initialTitle = 'Untitled workbook'): WorkbookStore {
  const slices = new Set<DocumentSlice>();
  const unsubscribers = new Map<DocumentSlice, () => void>();
  const history = documentHistory();
  let applying = false;
  // The document waiting for files, kept out of state: it may be large and is never rendered.
  let pendingDoc: AwaitingFiles | null = null;
  const service = createWorkbookService({ engine: () => data.getState().engine() });

  const store = createStore<WorkbookState>()((set, get) => {
    const compose = (): WorkbookDocument => {
      const doc = emptyDocument(get().title);
      doc.datasets = datasetsOf(data.getState().tables);
      for (const slice of slices) slice.contribute(doc);
      return doc;
    };

    const flags = () => set({ canUndo: history.canUndo, canRedo: history.canRedo });

    const adopt = (doc: WorkbookDocument) => {
      applying = true;
      try {
        set({ title: doc.title });
        for (const slice of slices) slice.adopt(doc);
      } finally {
        applying = false;
      }
    };

    /** Shows the document undo or redo stepped to. */
    const step = (doc: WorkbookDocument | null) => {
      if (doc === null) return;
      adopt(doc);
      set({ dirty: true });
      flags();
    };

    /** The open workbook's tables, which an opened one's replace in the same transaction (the server's stay). */
    const replacing = (): string[] =>
      data
        .getState()
        .tables.filter((t) => t.served === undefined)
        .map((t) => t.name);

    /** The tables `shakhes serve` holds (none in the browser): an opened workbook keeps clear of them. */
    const served = async (): Promise<ServedName[]> =>
      (await data.getState().served()).map((t) => ({
        table: t.name,
        path: t.served ?? '',
        ...(t.dropped ? { dropped: true } : {}),
      }));

    /** Puts an opened document in place once its tables are in the engine and the `replaced` ones gone. */
    const finishOpen = async (
      { doc, tables, renamed }: OpenedWorkbook,
      replaced: readonly string[],
      fileName: string | null,
      dataIds?: Readonly<Record<string, string>>,
    ) => {
      const keep = new Set(doc.datasets.map((d) => d.table.toLowerCase()));
      for (const t of data.getState().tables) {
        if (keep.has(t.name.toLowerCase()) || t.served !== undefined) continue;
        // One loaded while the workbook opened was not in the swap: it is dropped now.
        if (replaced.includes(t.name)) data.getState().takeOut(t.name);
        else await data.getState().removeTable(t.name);
      }
      // A renamed table's contents token follows it; the server's table of its old name gets its own.
      const ids = dataIds === undefined ? undefined : { ...dataIds };
      for (const r of renamed)
        if (ids !== undefined && r.as !== r.table && ids[r.table] !== undefined) {
          ids[r.as] = ids[r.table];
          delete ids[r.table];
        }
      data.getState().adoptTables(tables, ids);
      adopt(doc);
      history.reset(compose());
      pendingDoc = null;
      set({ fileName, dirty: false, pending: null, error: null, renamed });
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
      renamed: [],
      savedByReference: [],

      setTitle(title) {
        set({ title });
        get().capture();
      },

      capture() {
        if (applying) return;
        const edit = history.started;
        if (!history.record(compose())) return;
        if (edit) set({ dirty: true });
        flags();
      },

      rebase() {
        if (applying || !history.started) return;
        history.rebase(compose());
      },

      undo() {
        step(history.undo());
      },

      redo() {
        step(history.redo());
      },

      snapshot: compose,

      async save({ embedData, fileName }) {
        set({ busy: 'saving', error: null });
        try {
          const doc = compose();
          const onServer = await served();
          const bytes = await service.save(doc, embedData, onServer);
          set({
            dirty: false,
            fileName: fileName ?? get().fileName,
            // Said on Save: the file holds these by name and path (or file name) only.
            savedByReference: embedData ? servedSave(doc, embedData, onServer).byReference : [],
          });
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
          const replaced = replacing();
          const outcome = await service.open(bytes, replaced, await served());
          if (outcome.status === 'needs-files') {
            pendingDoc = outcome;
            set({ pending: { fileName, missing: outcome.missing } });
            return false;
          }
          await finishOpen(outcome, replaced, fileName);
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
        const replaced = replacing();
        await finishOpen(
          await service.restore(doc, tables, replaced, await served()),
          replaced,
          fileName,
          dataIds,
        );
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
          const replaced = replacing();
          await finishOpen(
            await service.openWithFiles(awaiting, found, replaced, await served()),
            replaced,
            pending.fileName,
          );
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

      dismissRenamed() {
        set({ renamed: [] });
      },

      dismissSavedByReference() {
        set({ savedByReference: [] });
      },

      registerSlice(slice) {
        slices.add(slice);
        // A slice joining is the workbook's starting point, not an edit to undo.
        if (!history.canUndo) history.rebase(compose());
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
    if (s.tables !== prev.tables && !applying && history.started) store.setState({ dirty: true });
  });
  return store;
}
