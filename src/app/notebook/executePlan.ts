import { contributionTable } from '../../core/notebook/contributionTable';
import { SQL_PREVIEW_ROWS, sqlRefusal } from '../../core/notebook/kinds/sql';
import { type NotebookMessage, notebookMessage } from '../../core/notebook/messages';
import { parseSqlError, type SqlErrorPosition } from '../../core/notebook/sqlError';
import type { CellPlan, ResultTable } from '../../core/notebook/types';
import { ensureCalendar } from '../../engine/calendar';
import { type Engine, EngineCancelled, EngineTimedOut, type QueryOptions } from '../../engine/engine';
import { arrowToRows, plainColumn } from '../../engine/rows';
import { runScorecard, scorecardBounds } from '../../engine/scorecardRun';
import { guardWorkbookSql } from '../../engine/workbookSql';
import { explainChange } from '../contribution';

type PlanOutcome =
  | { ok: true; result: ResultTable | null; truncated: boolean }
  | { ok: false; problems: NotebookMessage[]; at: SqlErrorPosition | null }
  /** The run went stale (the cell was edited or rerun) before it finished. */
  | null;

/**
 * Carries out a cell's plan on the engine. A setup statement's error is located in the
 * user's SQL; a cancel or time-out is thrown for the caller, which knows who stopped it.
 */
export async function executePlan(
  engine: Engine,
  plan: CellPlan,
  options: QueryOptions,
  current: () => boolean,
  guard: typeof guardWorkbookSql = guardWorkbookSql,
): Promise<PlanOutcome> {
  if (plan.type === 'sql') {
    if (plan.guard !== undefined) {
      const verdict = await guard(engine, plan.guard.sql, plan.guard.tables);
      if (!verdict.ok) return { ok: false, problems: [sqlRefusal(verdict, plan.guard.tables)], at: null };
      if (!current()) return null;
    }
    for (const stmt of plan.setup) {
      try {
        // One statement each, as DuckDB reads it: a `;` in workbook SQL never starts a second.
        await engine.query(stmt, { ...options, single: true });
      } catch (e) {
        if (e instanceof EngineCancelled || e instanceof EngineTimedOut) throw e;
        const parsed = parseSqlError(e instanceof Error ? e.message : String(e), plan.userLineOffset ?? 0);
        return {
          ok: false,
          problems: [notebookMessage('engine', { message: parsed.message })],
          at: parsed.at,
        };
      }
      if (!current()) return null;
    }
    if (plan.calendar !== undefined) {
      // The bounds are DATEs, read as ISO text here whatever the engine's own spelling.
      const bounds = await engine.query(plan.calendar.bounds, options);
      const day = (column: string) => {
        const [v] = plainColumn(bounds, column);
        return typeof v === 'string' ? v : null;
      };
      await ensureCalendar(engine, day('lo'), day('hi'));
      if (!current()) return null;
    }
    const read = arrowToRows(await engine.query(plan.result, options));
    const rows = plan.reshape === undefined ? read : plan.reshape(read);
    return {
      ok: true,
      result: {
        columns: rows.columns,
        rows: rows.rows.slice(0, SQL_PREVIEW_ROWS),
        ...(plan.calendar !== undefined && { calendar: plan.calendar.kind }),
      },
      truncated: rows.rows.length > SQL_PREVIEW_ROWS,
    };
  }
  if (plan.type === 'contribution') {
    const result = await explainChange(engine, plan.request, options);
    if (result.t === 'formula')
      return {
        ok: false,
        problems: result.diagnostics.map((d) =>
          notebookMessage('kpi-formula', {
            kpi: result.kpi,
            message: d.message,
            diagnostic: { code: d.code, params: d.params },
          }),
        ),
        at: null,
      };
    if (result.t === 'unknown-kpi')
      return { ok: false, problems: [notebookMessage('unknown-kpis', { ids: [result.kpi] })], at: null };
    if (result.t !== 'explained')
      return { ok: false, problems: [notebookMessage(result.t, { kpi: result.kpi })], at: null };
    return { ok: true, result: contributionTable(result), truncated: false };
  }
  if (plan.type === 'scorecard') {
    const rows = await runScorecard(engine, plan.compiled, options);
    return {
      ok: true,
      result: plan.shape(rows, (await scorecardBounds(engine, plan.compiled, options)).hi),
      truncated: false,
    };
  }
  return { ok: true, result: null, truncated: false };
}
