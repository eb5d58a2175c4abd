import type { ColumnKind } from '../model/columnKind';
import type { Dialect } from '../sql/dialect';
import { checkKpis } from './check';
import { type TExpr, walk } from './checked';
import { type Diagnostic, diagnostic } from './diagnostics';
import { lookupFunction } from './registry';
import { exprSql } from './rowSql';
import type { SchemaTable } from './schema';

/**
 * A row formula: one value per row of one table, from that row's columns (a derived
 * column of a mapping, `YEAR(date)` or `IF(source = "fb", "Facebook", source)`). It is
 * the KPI language checked at row level, so it can never let raw SQL through.
 */
export interface CheckedRowFormula {
  readonly expr: TExpr | null;
  readonly type: ColumnKind | null;
  readonly diagnostics: Diagnostic[];
  readonly ok: boolean;
}

/**
 * Functions whose value depends on when or for which period the query runs: a
 * derived column is saved in a view, so it must mean the same on every day.
 */
const NOT_ROW = new Set(['PERIOD_START', 'PERIOD_END', 'TODAY']);
// No character a user can type: a bare name can only be a column of the table.
const SELF = '\u0000row';

/** Checks `source` as a row formula over `table`'s columns. */
export function checkRowFormula(source: string, table: SchemaTable): CheckedRowFormula {
  const result = checkKpis({ tables: [table], relationships: [] }, [
    { id: SELF, label: SELF, formula: source, table: table.name },
  ]);
  const checked = result.kpis.get(SELF);
  const expr = checked?.expr ?? null;
  // A KPI must aggregate its columns; a row formula must not, so the KPI's complaint is turned round.
  const diagnostics = result.diagnostics
    .filter((d) => d.code !== 'bare-column')
    .map(({ kpiId: _k, source: _s, ...d }) => d);
  if (expr !== null) {
    walk(expr, (n) => {
      const f = n.t === 'call' ? lookupFunction(n.fn) : undefined;
      const name =
        n.t === 'kpi' ? n.id : n.t === 'call' && (f?.level !== 'row' || NOT_ROW.has(n.fn)) ? n.fn : null;
      if (name === null) return true;
      diagnostics.push(diagnostic('not-row-level', { fn: name }, n.span));
      return false;
    });
  }
  return {
    expr,
    type: expr?.type ?? null,
    diagnostics,
    ok: expr !== null && !diagnostics.some((d) => d.severity === 'error'),
  };
}

/** The SQL of a checked row formula, its columns read from `alias` (a quoted table name or alias). */
export function rowFormulaSql(formula: CheckedRowFormula, dialect: Dialect, alias: string): string {
  if (!formula.ok || formula.expr === null) throw new Error('A row formula with errors has no SQL.');
  return exprSql(formula.expr, {
    dialect,
    alias: () => alias,
    row: { periodStart: 'NULL', periodEnd: 'NULL', today: 'NULL' },
    aggregate: () => 'NULL',
  });
}
