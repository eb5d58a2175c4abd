import type { Schema } from '../../core/formula/schema';
import { type CellGraph, executionOrder, rerunAfter } from '../../core/notebook/graph';
import { inputValue } from '../../core/notebook/kinds/input';
import { type NotebookMessage, notebookMessage } from '../../core/notebook/messages';
import { CELL_REGISTRY } from '../../core/notebook/registry';
import { RunLedger } from '../../core/notebook/runs';
import { parseSqlError, type SqlErrorPosition } from '../../core/notebook/sqlError';
import type {
  InputValue,
  NotebookCell,
  NotebookContext,
  NotebookKpi,
  ResultTable,
} from '../../core/notebook/types';
import type { CalendarKind } from '../../core/sql/calendarSchema';
import { dropSql } from '../../core/sql/tableDdl';
import { type Engine, EngineCancelled, EngineTimedOut, type QueryOptions } from '../../engine/engine';
import { engineDialect } from '../../engine/engineDialect';
import type { guardWorkbookSql } from '../../engine/workbookSql';
import { executePlan } from './executePlan';
import { allCells, cellGraph, shownCells } from './runPlan';

/** How a cell's run ended. A stale run (the cell was edited, rerun or removed) reports nothing. */
export type CellOutcome =
  | { status: 'ok'; result: ResultTable | null; truncated: boolean; ms: number }
  | { status: 'error'; problems: NotebookMessage[]; errorAt: SqlErrorPosition | null };

/** What the runner tells whoever shows the cells (the notebook store). */
interface RunListener {
  queued(id: string): void;
  /** `at` is performance.now(), for the "running for N s" the UI shows. */
  started(id: string, at: number): void;
  finished(id: string, outcome: CellOutcome): void;
  /** The cell was taken out of the queue before it ran. */
  unqueued(id: string): void;
  /** True while any cell is queued or running. */
  busy(on: boolean): void;
}

interface NotebookRunnerDeps {
  engine(): Promise<Engine>;
  /** The cells as they are now: read at every step, since cells are edited while others run. */
  cells(): readonly NotebookCell[];
  /** Loaded base tables' names. */
  tables(): readonly string[];
  /** The loaded tables as the formula checker sees them, links included. */
  schema(): Schema;
  kpis(): ReadonlyMap<string, NotebookKpi>;
  calendar?(): CalendarKind;
  /** Milliseconds a cell's query may run before it is stopped; no limit when not given. */
  timeLimitMs?(): number | undefined;
  /** The guard's verdict on a SQL cell's SQL; guardWorkbookSql unless a test gives another. */
  guard?: typeof guardWorkbookSql;
  listener: RunListener;
}

interface NotebookRunner {
  /** Runs the cell, then every cell that reads it; settles when the queue is empty. */
  runCell(id: string): Promise<void>;
  runAll(): Promise<void>;
  /** Runs what a notebook shows on opening (see shownCells). */
  runShown(): Promise<void>;
  /** Stops the cell's query if it is running (it fails as cancelled), or takes it out of the queue. */
  cancel(id: string): void;
  /** Stops the running query and empties the queue. */
  cancelAll(): void;
  /** The cell is gone: its run is stale, its query stopped and, for a SQL cell, its view dropped. */
  forget(cell: NotebookCell): Promise<void>;
  /** A SQL cell was renamed: the view under its old name goes. */
  dropView(name: string): Promise<void>;
  /** Another document: every run in flight is stale and its query stopped, not waited for. */
  reset(): void;
}

interface RunningCell {
  cellId: string;
  controller: AbortController;
  /** The user pressed Cancel (a rerun also aborts the run, silently). */
  byUser: boolean;
}

const secondsSince = (started: number) => Math.max(0, Math.round((performance.now() - started) / 1000));
const failure = (problems: NotebookMessage[], errorAt: SqlErrorPosition | null = null): CellOutcome => ({
  status: 'error',
  problems,
  errorAt,
});

/**
 * Runs notebook cells on the engine, one at a time in graph order. Each run takes a fresh
 * id from a ledger and only the newest run of a cell reports; a rerun aborts the query of
 * the run it replaces, and Cancel aborts it as the user's.
 */
export function createNotebookRunner(deps: NotebookRunnerDeps): NotebookRunner {
  const { listener } = deps;
  const ledger = new RunLedger();
  // One worker drains `pending` in graph order; new requests join it rather than racing it.
  const pending = new Set<string>();
  let worker: Promise<void> | null = null;
  let running: RunningCell | null = null;

  const cellById = (id: string) => deps.cells().find((c) => c.id === id);

  const context = (cell: NotebookCell, engine: Engine): NotebookContext => {
    const cells = deps.cells();
    const inputs = new Map<string, InputValue>();
    for (const c of cells) if (c.kind === 'input') inputs.set(c.name, inputValue(c));
    return {
      tables: deps.tables(),
      schema: deps.schema(),
      kpis: deps.kpis(),
      inputs,
      views: cells.filter((c) => c.kind === 'sql' && c.id !== cell.id).map((c) => c.name),
      calendar: deps.calendar?.() ?? 'gregorian',
      dialect: engineDialect(engine),
    };
  };

  /** Carries out the cell's plan; null when the run went stale (or was stopped by a rerun). */
  const attempt = async (
    cell: NotebookCell,
    current: () => boolean,
    me: RunningCell,
    started: number,
  ): Promise<CellOutcome | null> => {
    const options: QueryOptions = { signal: me.controller.signal, timeLimitMs: deps.timeLimitMs?.() };
    try {
      const engine = await deps.engine();
      const planned = CELL_REGISTRY[cell.kind].plan(cell, context(cell, engine));
      if (!planned.ok) return failure([...planned.problems]);
      const outcome = await executePlan(engine, planned.plan, options, current, deps.guard);
      if (outcome === null) return null;
      if (!outcome.ok) return failure(outcome.problems, outcome.at);
      const ms = Math.round(performance.now() - started);
      return { status: 'ok', result: outcome.result, truncated: outcome.truncated, ms };
    } catch (e) {
      if (e instanceof EngineTimedOut)
        return failure([notebookMessage('timed-out', { seconds: Math.round(e.limitMs / 1000) })]);
      if (e instanceof EngineCancelled)
        return me.byUser ? failure([notebookMessage('cancelled', { seconds: secondsSince(started) })]) : null;
      const parsed = parseSqlError(e instanceof Error ? e.message : String(e));
      return failure([notebookMessage('engine', { message: parsed.message })], parsed.at);
    }
  };

  /** Runs one cell; returns whether it succeeded, or null when the run went stale. */
  const runOne = async (id: string, failed: ReadonlySet<string>, g: CellGraph): Promise<boolean | null> => {
    const cell = cellById(id);
    if (cell === undefined) return null;
    const runId = ledger.begin(id);
    const current = () => ledger.isCurrent(id, runId);
    const report = (outcome: CellOutcome | null): boolean | null => {
      // The stale-run check: a run replaced while it was in flight writes nothing.
      if (outcome === null || !current()) return null;
      listener.finished(id, outcome);
      return outcome.status === 'ok';
    };
    const cycle = g.cycles.get(id);
    if (cycle !== undefined)
      return report(failure([notebookMessage('cycle', { path: cycle.map((c) => cellById(c)?.name ?? c) })]));
    const blockedBy = (g.upstream.get(id) ?? []).map(cellById).find((u) => u && failed.has(u.id));
    if (blockedBy !== undefined)
      return report(failure([notebookMessage('waiting-on', { name: blockedBy.name })]));
    const started = performance.now();
    listener.started(id, started);
    const me: RunningCell = { cellId: id, controller: new AbortController(), byUser: false };
    running = me;
    try {
      return report(await attempt(cell, current, me, started));
    } finally {
      if (running === me) running = null;
    }
  };

  const drain = async () => {
    const failed = new Set<string>();
    while (pending.size > 0) {
      const g = cellGraph(deps.cells());
      const [next] = executionOrder(g, pending);
      // Only cycle cells are left: they run to report their error.
      const id = next ?? pending.values().next().value;
      if (id === undefined) break;
      pending.delete(id);
      if ((await runOne(id, failed, g)) === false) failed.add(id);
    }
  };

  const enqueue = (ids: readonly string[]): Promise<void> => {
    for (const id of ids) {
      pending.add(id);
      listener.queued(id);
      // The cell is being rerun: its run in flight is stale, so stop that query.
      if (running?.cellId === id) {
        ledger.invalidate(id);
        running.controller.abort();
      }
    }
    listener.busy(true);
    if (worker === null) {
      worker = drain().finally(() => {
        worker = null;
        listener.busy(false);
      });
    }
    return worker;
  };

  const unqueue = (id: string) => {
    if (pending.delete(id)) listener.unqueued(id);
  };

  const stopByUser = () => {
    if (running === null) return;
    running.byUser = true;
    running.controller.abort();
  };

  const dropView = async (name: string) => {
    const engine = await deps.engine();
    await engine.query(dropSql(engineDialect(engine), name, 'VIEW')).catch(() => undefined);
  };

  return {
    runCell: (id) => enqueue(rerunAfter(cellGraph(deps.cells()), id)),
    runAll: () => enqueue(allCells(cellGraph(deps.cells()))),
    runShown() {
      const cells = deps.cells();
      const ids = shownCells(cells, cellGraph(cells));
      return ids.length === 0 ? Promise.resolve() : enqueue(ids);
    },
    cancel(id) {
      if (running?.cellId === id) stopByUser();
      unqueue(id);
    },
    cancelAll() {
      for (const id of [...pending]) unqueue(id);
      stopByUser();
    },
    async forget(cell) {
      ledger.invalidate(cell.id);
      pending.delete(cell.id);
      if (running?.cellId === cell.id) running.controller.abort();
      if (cell.kind === 'sql') await dropView(cell.name);
    },
    dropView,
    reset() {
      for (const c of deps.cells()) ledger.invalidate(c.id);
      pending.clear();
      running?.controller.abort();
    },
  };
}
