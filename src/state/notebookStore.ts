import { castDraft } from 'immer';
import { immer } from 'zustand/middleware/immer';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { type CellOutcome, createNotebookRunner } from '../app/notebook/notebookRunner';
import { cellGraph } from '../app/notebook/runPlan';
import type { Relationship } from '../core/formula/schema';
import { type LoadedTable, scorecardSchema } from '../core/model/scorecardSchema';
import { type CellGraph, rerunAfter } from '../core/notebook/graph';
import { messagesText, type NotebookMessage } from '../core/notebook/messages';
import { cellNameProblem, createCell } from '../core/notebook/registry';
import type { CellConfig, CellKind, JsonValue, NotebookCell, NotebookKpi } from '../core/notebook/types';
import type { CalendarKind } from '../core/sql/calendarSchema';
import type { Engine } from '../engine/engine';
import type { guardWorkbookSql } from '../engine/workbookSql';
import { type CellRun, haltedRun, haltOf, idleRun } from './cellRuns';
import { asDerived } from './notebookSlice';

export type { CellRun } from './cellRuns';

export interface NotebookState {
  cells: NotebookCell[];
  runs: Record<string, CellRun>;
  /** True while any cell is queued or running. */
  busy: boolean;

  addCell(kind: CellKind, after?: string | null): string;
  removeCell(id: string): Promise<void>;
  moveCell(id: string, delta: -1 | 1): void;
  /** Renames a cell; returns why not when the name cannot be used. */
  renameCell(id: string, name: string): NotebookMessage | null;
  setSource(id: string, source: string): void;
  setConfig(id: string, patch: Record<string, JsonValue>): void;
  /** Runs the cell, then every cell that depends on it. */
  runCell(id: string): Promise<void>;
  runAll(): Promise<void>;
  /**
   * The sheet was shown: runs the cells that have not run, except those whose last run
   * stopped (halted) and the cells that read them; those wait for Run.
   */
  runShown(): Promise<void>;
  /** Stops the cell's query if it is running, or takes it out of the queue. */
  cancelCell(id: string): void;
  /** Stops the running query and empties the queue. */
  cancelAll(): void;
  /** Replaces the notebook's cells (opening a document, the demo). */
  load(cells: NotebookCell[]): void;
  graph(): CellGraph;
}

export type NotebookStore = StoreApi<NotebookState>;

export interface NotebookDeps {
  engine(): Promise<Engine>;
  tables(): readonly LoadedTable[];
  /** Links beyond the CRM model's (declared or found) that KPI cells' breakdowns follow. */
  relationships?(): readonly Relationship[];
  kpis(): ReadonlyMap<string, NotebookKpi>;
  /** Cell names other notebooks of the workbook use: SQL cells share the engine's view names. */
  reserved?(): readonly string[];
  /** The workbook's calendar, which KPI cells cut periods in; Gregorian when not given. */
  calendar?(): CalendarKind;
  /** Milliseconds a cell's query may run before it is stopped; no limit when not given. */
  timeLimitMs?(): number | undefined;
  /**
   * The guard's verdict on a SQL cell's SQL, on DuckDB's reading of it; guardWorkbookSql
   * unless a test of the store alone, with no DuckDB behind its engine, gives another.
   */
  guard?: typeof guardWorkbookSql;
}

export function createNotebookStore(deps: NotebookDeps): NotebookStore {
  let nextId = 1;

  return createStore<NotebookState>()(
    immer((set, get) => {
      const cellById = (id: string) => get().cells.find((c) => c.id === id);
      const names = () => new Set(get().cells.map((c) => c.name));
      const graph = () => cellGraph(get().cells);
      const patchRun = (id: string, patch: Partial<CellRun>) =>
        set((s) => {
          // Results are replaced whole, never edited in place: no draft of them is needed.
          s.runs[id] = castDraft({ ...(s.runs[id] ?? idleRun()), ...patch });
        });
      const finishedRuns = (id: string) => (get().runs[id]?.runs ?? 0) + 1;

      /** Records on the cell why its last run stopped, or that it did not: saved, not an undo step. */
      const setHalted = (id: string, halted: NotebookCell['halted']) => {
        const cell = cellById(id);
        if (cell === undefined || JSON.stringify(cell.halted) === JSON.stringify(halted)) return;
        asDerived(() =>
          set((s) => {
            const c = s.cells.find((x) => x.id === id);
            if (c === undefined) return;
            if (halted === undefined) delete c.halted;
            else c.halted = halted;
          }),
        );
      };

      const finished = (id: string, outcome: CellOutcome) => {
        const run: Partial<CellRun> =
          outcome.status === 'ok'
            ? { ...outcome, error: null, problems: [], errorAt: null }
            : { ...outcome, error: messagesText(outcome.problems), result: null };
        patchRun(id, { ...run, startedAt: null, runs: finishedRuns(id) });
        setHalted(id, outcome.status === 'ok' ? undefined : haltOf(outcome.problems));
      };

      const runner = createNotebookRunner({
        engine: deps.engine,
        cells: () => get().cells,
        tables: () => deps.tables().map((t) => t.name),
        schema: () => scorecardSchema(deps.tables(), deps.relationships?.() ?? []),
        kpis: deps.kpis,
        calendar: deps.calendar,
        timeLimitMs: deps.timeLimitMs,
        guard: deps.guard,
        listener: {
          queued: (id) => patchRun(id, { status: 'queued' }),
          started: (id, at) => patchRun(id, { status: 'running', startedAt: at }),
          finished,
          // A queued cell taken out of the queue goes back to what it showed before, marked stale.
          unqueued(id) {
            const r = get().runs[id];
            patchRun(id, { status: r?.result != null ? 'stale' : r?.error != null ? 'error' : 'idle' });
          },
          busy: (on) =>
            set((s) => {
              s.busy = on;
            }),
        },
      });

      /** A cell's text changed: it and what reads it show stale until they run again. */
      const markStale = (id: string) => {
        const g = graph();
        for (const x of rerunAfter(g, id)) {
          const r = get().runs[x];
          if (r !== undefined && r.status !== 'idle' && r.status !== 'queued' && r.status !== 'running')
            patchRun(x, { status: 'stale' });
        }
      };

      return {
        cells: [],
        runs: {},
        busy: false,

        addCell(kind, after = null) {
          const id = `cell-${nextId++}-${Date.now().toString(36)}`;
          const cell = createCell(kind, id, [
            ...names(),
            ...(deps.reserved?.() ?? []),
            ...deps.tables().map((t) => t.name),
          ]);
          set((s) => {
            const i = after === null ? -1 : s.cells.findIndex((c) => c.id === after);
            s.cells.splice(i === -1 ? s.cells.length : i + 1, 0, cell);
            s.runs[id] = castDraft(idleRun());
          });
          return id;
        },

        async removeCell(id) {
          const cell = cellById(id);
          if (cell === undefined) return;
          const dropped = runner.forget(cell);
          const dependants = rerunAfter(graph(), id).filter((x) => x !== id);
          set((s) => {
            s.cells = s.cells.filter((c) => c.id !== id);
            delete s.runs[id];
          });
          for (const d of dependants) markStale(d);
          await dropped;
        },

        moveCell(id, delta) {
          set((s) => {
            const i = s.cells.findIndex((c) => c.id === id);
            const j = i + delta;
            if (i < 0 || j < 0 || j >= s.cells.length) return;
            const [c] = s.cells.splice(i, 1);
            s.cells.splice(j, 0, c);
          });
        },

        renameCell(id, name) {
          const cell = cellById(id);
          if (cell === undefined || cell.name === name) return null;
          const others = get()
            .cells.filter((c) => c.id !== id)
            .map((c) => c.name)
            .concat(deps.reserved?.() ?? []);
          const problem = cellNameProblem(
            name,
            others,
            deps.tables().map((t) => t.name),
          );
          if (problem !== null) return problem;
          const old = cell.name;
          // Readers of the old name lose their source; readers of the new one gain it.
          const before = rerunAfter(graph(), id);
          set((s) => {
            const c = s.cells.find((x) => x.id === id);
            if (c) c.name = name;
          });
          for (const x of [...before, ...rerunAfter(graph(), id)]) markStale(x);
          if (cell.kind === 'sql') void runner.dropView(old);
          return null;
        },

        setSource(id, source) {
          set((s) => {
            const c = s.cells.find((x) => x.id === id);
            if (c) c.source = source;
          });
          markStale(id);
        },

        setConfig(id, patch) {
          set((s) => {
            const c = s.cells.find((x) => x.id === id);
            if (c) c.config = { ...c.config, ...patch } as CellConfig;
          });
          const cell = cellById(id);
          // Inputs are meant to be turned like knobs: what reads them reruns at once.
          if (cell?.kind === 'input') void get().runCell(id);
          else markStale(id);
        },

        runCell: (id) => runner.runCell(id),
        runAll: () => runner.runAll(),

        runShown() {
          const { cells, runs, busy } = get();
          // Only a notebook nobody has run yet (a document just opened, the demo) runs on being shown.
          if (busy || cells.some((c) => (runs[c.id]?.runs ?? 0) > 0)) return Promise.resolve();
          return runner.runShown();
        },

        cancelCell: (id) => runner.cancel(id),
        cancelAll: () => runner.cancelAll(),

        load(cells) {
          // Another document: a query still running for the old one is stopped, not waited for.
          runner.reset();
          set((s) => {
            s.cells = cells;
            s.runs = castDraft(Object.fromEntries(cells.map((c) => [c.id, haltedRun(c)])));
          });
        },

        graph,
      };
    }),
  );
}
