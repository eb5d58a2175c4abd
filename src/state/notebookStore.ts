import { immer } from 'zustand/middleware/immer';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Relationship } from '../core/formula/schema';
import { buildGraph, type CellGraph, executionOrder, rerunAfter } from '../core/notebook/graph';
import { inputValue } from '../core/notebook/kinds/input';
import { messagesText, type NotebookMessage, notebookMessage } from '../core/notebook/messages';
import { CELL_REGISTRY, cellNameProblem, createCell } from '../core/notebook/registry';
import { RunLedger } from '../core/notebook/runs';
import { parseSqlError, type SqlErrorPosition } from '../core/notebook/sqlError';
import type {
  CellConfig,
  CellKind,
  InputValue,
  JsonValue,
  NotebookCell,
  NotebookContext,
  NotebookKpi,
} from '../core/notebook/types';
import type { CalendarKind } from '../core/sql/calendarSchema';
import { duckdb } from '../core/sql/dialect';
import { type Engine, EngineCancelled, EngineTimedOut, type QueryOptions } from '../engine/engine';
import type { guardWorkbookSql } from '../engine/workbookSql';
import { type CellRun, haltedRun, haltOf, idleRun } from './cellRuns';
import { executePlan } from './executePlan';
import { asDerived } from './notebookSlice';
import { type LoadedTable, scorecardSchema } from './scorecardSchema';

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

interface RunningCell {
  cellId: string;
  runId: number;
  controller: AbortController;
  started: number;
  /** The user pressed Cancel (a rerun also aborts the run, silently). */
  byUser: boolean;
}

const secondsSince = (started: number) => Math.max(0, Math.round((performance.now() - started) / 1000));

export function createNotebookStore(deps: NotebookDeps): NotebookStore {
  const ledger = new RunLedger();
  let nextId = 1;
  // One worker drains `pending` in graph order; new requests join it rather than racing it.
  const pending = new Set<string>();
  let worker: Promise<void> | null = null;
  let running: RunningCell | null = null;

  return createStore<NotebookState>()(
    immer((set, get) => {
      const cellById = (id: string) => get().cells.find((c) => c.id === id);
      const names = () => new Set(get().cells.map((c) => c.name));
      const graph = () => {
        const all = names();
        return buildGraph(get().cells, (c) => CELL_REGISTRY[c.kind].dependencies(c, all));
      };
      const patchRun = (id: string, patch: Partial<CellRun>) =>
        set((s) => {
          s.runs[id] = { ...(s.runs[id] ?? idleRun()), ...patch };
        });

      const context = (cell: NotebookCell): NotebookContext => {
        const tables = deps.tables();
        const inputs = new Map<string, InputValue>();
        for (const c of get().cells) if (c.kind === 'input') inputs.set(c.name, inputValue(c));
        return {
          tables: tables.map((t) => t.name),
          schema: scorecardSchema(tables, deps.relationships?.() ?? []),
          kpis: deps.kpis(),
          inputs,
          views: get()
            .cells.filter((c) => c.kind === 'sql' && c.id !== cell.id)
            .map((c) => c.name),
          calendar: deps.calendar?.() ?? 'gregorian',
        };
      };

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

      /** Runs one cell; returns whether it succeeded (a stale run counts as neither and returns null). */
      const runOne = async (id: string, failed: Set<string>, g: CellGraph): Promise<boolean | null> => {
        const cell = cellById(id);
        if (cell === undefined) return null;
        const runId = ledger.begin(id);
        const current = () => ledger.isCurrent(id, runId);
        const cycle = g.cycles.get(id);
        const blockedBy = (g.upstream.get(id) ?? []).map(cellById).find((u) => u && failed.has(u.id));
        const fail = (problems: readonly NotebookMessage[], errorAt: SqlErrorPosition | null = null) => {
          if (!current()) return null;
          patchRun(id, {
            status: 'error',
            error: messagesText(problems),
            problems: [...problems],
            errorAt,
            result: null,
            startedAt: null,
            runs: (get().runs[id]?.runs ?? 0) + 1,
          });
          setHalted(id, haltOf(problems));
          return false;
        };
        if (cycle !== undefined)
          return fail([notebookMessage('cycle', { path: cycle.map((c) => cellById(c)?.name ?? c) })]);
        if (blockedBy !== undefined) return fail([notebookMessage('waiting-on', { name: blockedBy.name })]);
        const started = performance.now();
        patchRun(id, { status: 'running', startedAt: started });
        const controller = new AbortController();
        const me: RunningCell = { cellId: id, runId, controller, started, byUser: false };
        running = me;
        const options: QueryOptions = { signal: controller.signal, timeLimitMs: deps.timeLimitMs?.() };
        try {
          const planned = CELL_REGISTRY[cell.kind].plan(cell, context(cell));
          if (!planned.ok) return fail(planned.problems);
          const outcome = await executePlan(await deps.engine(), planned.plan, options, current, deps.guard);
          if (outcome === null) return null;
          if (!outcome.ok) return fail(outcome.problems, outcome.at);
          const { result, truncated } = outcome;
          if (!current()) return null;
          patchRun(id, {
            status: 'ok',
            error: null,
            problems: [],
            errorAt: null,
            result,
            truncated,
            startedAt: null,
            ms: Math.round(performance.now() - started),
            runs: (get().runs[id]?.runs ?? 0) + 1,
          });
          setHalted(id, undefined);
          return true;
        } catch (e) {
          if (e instanceof EngineTimedOut)
            return fail([notebookMessage('timed-out', { seconds: Math.round(e.limitMs / 1000) })]);
          if (e instanceof EngineCancelled)
            return me.byUser
              ? fail([notebookMessage('cancelled', { seconds: secondsSince(started) })])
              : null;
          if (!current()) return null;
          const parsed = parseSqlError(e instanceof Error ? e.message : String(e));
          return fail([notebookMessage('engine', { message: parsed.message })], parsed.at);
        } finally {
          if (running === me) running = null;
        }
      };

      const drain = async () => {
        const failed = new Set<string>();
        while (pending.size > 0) {
          const g = graph();
          const [next] = executionOrder(g, pending);
          // Only cycle cells are left: they run to report their error.
          const id = next ?? pending.values().next().value;
          if (id === undefined) break;
          pending.delete(id);
          const ok = await runOne(id, failed, g);
          if (ok === false) failed.add(id);
        }
      };

      const enqueue = (ids: readonly string[]): Promise<void> => {
        for (const id of ids) {
          pending.add(id);
          patchRun(id, { status: 'queued' });
          // The cell is being rerun: its run in flight is stale, so stop that query.
          if (running?.cellId === id) {
            ledger.invalidate(id);
            running.controller.abort();
          }
        }
        set((s) => {
          s.busy = true;
        });
        if (worker === null) {
          worker = drain().finally(() => {
            worker = null;
            set((s) => {
              s.busy = false;
            });
          });
        }
        return worker;
      };

      /** A queued cell taken out of the queue goes back to what it showed before, marked stale. */
      const unqueue = (id: string) => {
        if (!pending.delete(id)) return;
        const r = get().runs[id];
        patchRun(id, { status: r?.result != null ? 'stale' : r?.error != null ? 'error' : 'idle' });
      };

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
            s.runs[id] = idleRun();
          });
          return id;
        },

        async removeCell(id) {
          const cell = cellById(id);
          if (cell === undefined) return;
          ledger.invalidate(id);
          pending.delete(id);
          if (running?.cellId === id) running.controller.abort();
          const dependants = rerunAfter(graph(), id).filter((x) => x !== id);
          set((s) => {
            s.cells = s.cells.filter((c) => c.id !== id);
            delete s.runs[id];
          });
          for (const d of dependants) markStale(d);
          if (cell.kind === 'sql') {
            const engine = await deps.engine();
            await engine.query(`DROP VIEW IF EXISTS ${duckdb.quoteIdent(cell.name)}`).catch(() => undefined);
          }
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
          if (cell.kind === 'sql')
            void deps
              .engine()
              .then((e) => e.query(`DROP VIEW IF EXISTS ${duckdb.quoteIdent(old)}`))
              .catch(() => undefined);
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

        runCell(id) {
          return enqueue(rerunAfter(graph(), id));
        },

        runAll() {
          const g = graph();
          return enqueue([...executionOrder(g), ...g.cycles.keys()]);
        },

        runShown() {
          const { cells, runs, busy } = get();
          // Only a notebook nobody has run yet (a document just opened, the demo) runs on being shown.
          if (busy || cells.some((c) => (runs[c.id]?.runs ?? 0) > 0)) return Promise.resolve();
          const g = graph();
          const held = new Set(
            cells.filter((c) => c.halted !== undefined).flatMap((c) => rerunAfter(g, c.id)),
          );
          const ids = [...executionOrder(g), ...g.cycles.keys()].filter((id) => !held.has(id));
          return ids.length === 0 ? Promise.resolve() : enqueue(ids);
        },

        cancelCell(id) {
          if (running?.cellId === id) {
            running.byUser = true;
            running.controller.abort();
          }
          unqueue(id);
        },

        cancelAll() {
          for (const id of [...pending]) unqueue(id);
          if (running !== null) {
            running.byUser = true;
            running.controller.abort();
          }
        },

        load(cells) {
          for (const c of get().cells) ledger.invalidate(c.id);
          pending.clear();
          // Another document: a query still running for the old one is stopped, not waited for.
          running?.controller.abort();
          set((s) => {
            s.cells = cells;
            s.runs = Object.fromEntries(cells.map((c) => [c.id, haltedRun(c)]));
          });
        },

        graph,
      };
    }),
  );
}
