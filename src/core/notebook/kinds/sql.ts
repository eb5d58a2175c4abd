import { duckdb } from '../../sql/dialect';
import { checkWorkbookSql, type GuardRefusalRef } from '../../sql/guard';
import { notebookMessage } from '../messages';
import { substituteParams } from '../params';
import { mentionedNames, paramNames } from '../sqlNames';
import type { CellKindDef } from '../types';
import { refuse } from './shared';

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
    const sub = substituteParams(cell.source, ctx.inputs);
    if (!sub.ok) return { ok: false, message: sub.message, problems: sub.problems };
    // The view wraps the query, so a trailing semicolon would end it early.
    const sql = sub.sql.replace(/[\s;]+$/, '');
    const tables = [...ctx.tables, ...ctx.views];
    const verdict = checkWorkbookSql(sql, tables);
    if (!verdict.ok)
      return refuse(
        notebookMessage('sql-refused', {
          reason: verdict.reason,
          message: verdict.message,
          tables,
          refusal: { code: verdict.code, params: verdict.params } as GuardRefusalRef,
        }),
      );
    const view = duckdb.quoteIdent(cell.name);
    // Only after the guard accepted the query: the CREATE is ours, the SELECT is theirs.
    return {
      ok: true,
      plan: {
        type: 'sql',
        setup: [`CREATE OR REPLACE VIEW ${view} AS\n${sql}\n`],
        result: `SELECT * FROM ${view} LIMIT ${SQL_PREVIEW_ROWS + 1}`,
        userLineOffset: 1,
      },
    };
  },
};
