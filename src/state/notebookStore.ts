import { immer } from 'zustand/middleware/immer';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { buildGraph, type CellGraph, executionOrder, rerunAfter } from '../core/notebook/graph';
import { inputValue } from '../core/notebook/kinds/input';
import { SQL_PREVIEW_ROWS, sqlRefusal } from '../core/notebook/kinds/sql';
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
  ResultTable,
} from '../core/notebook/types';
import type { CalendarKind } from '../core/sql/calendarSchema';
import { duckdb } from '../core/sql/dialect';
import { type Engine, EngineCancelled } from '../engine/engine';
import { runScorecard, scorecardBounds } from '../engine/scorecardRun';
import { guardWorkbookSql } from '../engine/workbookSql';
import { arrowToRows } from './arrowRows';
import { type LoadedTable, scorecardSchema } from './scorecardSchema';

export type CellStatus = 'idle' | 'queued' | 'running' | 'ok' | 'error' | 'stale';

export interface CellRun {
  status: CellStatus;
  /** How many times the cell has finished a run: tests and the UI read it to see what reran. */
  runs: number;
  /** The English of `problems`, joined: what tests and logs read. */
  error: string | null;
  /** Why the last run failed, shown through the catalogue; empty unless it failed. */
  problems: NotebookMessage[];
  errorAt: SqlErrorPosition | null;
  result: ResultTable | null;
  /** More rows than the preview shows. */
  truncated: boolean;
  ms: number | null;
}

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
  /** Replaces the notebook's cells (opening a document, the demo). */
  load(cells: NotebookCell[]): void;
  graph(): CellGraph;
}

export type NotebookStore = StoreApi<NotebookState>;

export interface NotebookDeps {
  engine(): Promise<Engine>;
  tables(): readonly LoadedTable[];
  kpis(): ReadonlyMap<string, NotebookKpi>;
  /** Cell names other notebooks of the workbook use: SQL cells share the engine's view names. */
  reserved?(): readonly string[];
  /** The workbook's calendar, which KPI cells cut periods in; Gregorian when not given. */
  calendar?(): CalendarKind;
  /**
   * The guard's verdict on a SQL cell's SQL, on DuckDB's reading of it; guardWorkbookSql
   * unless a test of the store alone, with no DuckDB behind its engine, gives another.
   */
  guard?: typeof guardWorkbookSql;
}

const idle = (): CellRun => ({
  status: 'idle',
  runs: 0,
  error: null,
  problems: [],
  errorAt: null,
  result: null,
  truncated: false,
  ms: null,
});

export function createNotebookStore(deps: NotebookDeps): NotebookStore {
  const ledger = new RunLedger();
  let nextId = 1;
  // One worker drains `pending` in graph order; new requests join it rather than racing it.
  const pending = new Set<string>();
  let worker: Promise<void> | null = null;
  let running: { cellId: string; runId: number } | null = null;

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
          s.runs[id] = { ...(s.runs[id] ?? idle()), ...patch };
        });

      const context = (cell: NotebookCell): NotebookContext => {
        const tables = deps.tables();
        const inputs = new Map<string, InputValue>();
        for (const c of get().cells) if (c.kind === 'input') inputs.set(c.name, inputValue(c));
        return {
          tables: tables.map((t) => t.name),
          schema: scorecardSchema(tables),
          kpis: deps.kpis(),
          inputs,
          views: get()
            .cells.filter((c) => c.kind === 'sql' && c.id !== cell.id)
            .map((c) => c.name),
          calendar: deps.calendar?.() ?? 'gregorian',
        };
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
            runs: (get().runs[id]?.runs ?? 0) + 1,
          });
          return false;
        };
        if (cycle !== undefined)
          return fail([notebookMessage('cycle', { path: cycle.map((c) => cellById(c)?.name ?? c) })]);
        if (blockedBy !== undefined) return fail([notebookMessage('waiting-on', { name: blockedBy.name })]);
        const started = performance.now();
        patchRun(id, { status: 'running' });
        const planned = CELL_REGISTRY[cell.kind].plan(cell, context(cell));
        if (!planned.ok) return fail(planned.problems);
        const plan = planned.plan;
        try {
          const engine = await deps.engine();
          running = { cellId: id, runId };
          let result: ResultTable | null = null;
          let truncated = false;
          if (plan.type === 'sql') {
            if (plan.guard !== undefined) {
              const verdict = await (deps.guard ?? guardWorkbookSql)(engine, plan.guard.sql, plan.guard.tables);
              if (!verdict.ok) return fail([sqlRefusal(verdict, plan.guard.tables)]);
              if (!current()) return null;
            }
            for (const stmt of plan.setup) {
              try {
                await engine.query(stmt, { single: true });
              } catch (e) {
                if (e instanceof EngineCancelled) throw e;
                const parsed = parseSqlError(
                  e instanceof Error ? e.message : String(e),
                  plan.userLineOffset ?? 0,
                );
                return fail([notebookMessage('engine', { message: parsed.message })], parsed.at);
              }
              if (!current()) return null;
            }
            const rows = arrowToRows(await engine.query(plan.result));
            truncated = rows.rows.length > SQL_PREVIEW_ROWS;
            result = { columns: rows.columns, rows: rows.rows.slice(0, SQL_PREVIEW_ROWS) };
          } else if (plan.type === 'scorecard') {
            const rows = await runScorecard(engine, plan.compiled);
            result = plan.shape(rows, (await scorecardBounds(engine, plan.compiled)).hi);
          }
          if (!current()) return null;
          patchRun(id, {
            status: 'ok',
            error: null,
            problems: [],
            errorAt: null,
            result,
            truncated,
            ms: Math.round(performance.now() - started),
            runs: (get().runs[id]?.runs ?? 0) + 1,
          });
          return true;
        } catch (e) {
          if (e instanceof EngineCancelled || !current()) return null;
          const parsed = parseSqlError(e instanceof Error ? e.message : String(e));
          return fail([notebookMessage('engine', { message: parsed.message })], parsed.at);
        } finally {
          if (running?.runId === runId) running = null;
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
            void deps.engine().then((e) => e.cancel());
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
            s.runs[id] = idle();
          });
          return id;
        },

        async removeCell(id) {
          const cell = cellById(id);
          if (cell === undefined) return;
          ledger.invalidate(id);
          pending.delete(id);
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

        load(cells) {
          for (const c of get().cells) ledger.invalidate(c.id);
          pending.clear();
          set((s) => {
            s.cells = cells;
            s.runs = Object.fromEntries(cells.map((c) => [c.id, idle()]));
          });
        },

        graph,
      };
    }),
  );
}
