// A SQL cell is the user's own DuckDB SQL, judged by DuckDB's guard (src/engine/workbookSql.ts)
// and run as a DuckDB view: its names and parameters are DuckDB's whatever else the notebook
// runs on (.dependency-cruiser.cjs allows this one import of a concrete dialect).
import { duckdb } from '../../sql/dialects/registry';
import type { GuardRefusal, GuardRefusalRef } from '../../sql/guard';
import { workbookView } from '../../sql/workbookView';
import { type NotebookMessage, notebookMessage } from '../messages';
import { substituteParams } from '../params';
import { mentionedNames, paramNames } from '../sqlNames';
import type { CellKindDef } from '../types';

/** The notebook's message for SQL the guard refused. */
export function sqlRefusal(verdict: GuardRefusal, tables: string[]): NotebookMessage {
  return notebookMessage('sql-refused', {
    reason: verdict.reason,
    message: verdict.message,
    tables,
    refusal: { code: verdict.code, params: verdict.params } as GuardRefusalRef,
  });
}

/** Rows a SQL cell shows; the view itself is unlimited for the cells that read it. */
export const SQL_PREVIEW_ROWS = 1000;

export const sqlKind: CellKindDef = {
  kind: 'sql',
  namePrefix: 'query',
  create: () => ({ source: 'SELECT 1 AS answer', config: {} }),
  dependencies(cell, cellNames) {
    const others = new Set([...cellNames].filter((n) => n !== cell.name));
    // A cell that names itself is a cycle, which the graph reports.
    const self = mentionedNames(cell.source, new Set([cell.name]));
    return {
      cells: [...mentionedNames(cell.source, others), ...self, ...paramNames(cell.source)],
      kpis: [],
      tables: [],
    };
  },
  plan(cell, ctx) {
    const sub = substituteParams(cell.source, ctx.inputs, duckdb);
    if (!sub.ok) return { ok: false, message: sub.message, problems: sub.problems };
    // The view wraps the query, so a trailing semicolon would end it early.
    const sql = sub.sql.replace(/[\s;]+$/, '');
    const tables = [...ctx.tables, ...ctx.views];
    const view = duckdb.quoteIdent(cell.name);
    // The CREATE is ours, the query theirs; it runs alone, and only once the guard has accepted it.
    return {
      ok: true,
      plan: {
        type: 'sql',
        guard: { sql, tables },
        setup: [workbookView(view, sql)],
        result: `SELECT * FROM ${view} LIMIT ${SQL_PREVIEW_ROWS + 1}`,
        userLineOffset: 1,
      },
    };
  },
};
