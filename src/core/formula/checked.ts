import type { ColumnKind } from '../model/columnKind';
import type { BinaryOp, Span, UnaryOp } from './ast';
import type { Diagnostic } from './diagnostics';
import type { Level } from './types';

/**
 * The checked tree: names resolved to columns or KPIs, functions to registry
 * names, every node typed (null after an error, so one mistake is reported once).
 * Plain data; the compiler reads only this.
 */
export type TExpr =
  | { t: 'literal'; value: number | string | boolean; type: ColumnKind; span: Span }
  | { t: 'column'; table: string; column: string; type: ColumnKind; span: Span }
  | { t: 'kpi'; id: string; type: ColumnKind | null; span: Span }
  | { t: 'table'; table: string; type: null; span: Span }
  | { t: 'unary'; op: UnaryOp; arg: TExpr; type: ColumnKind | null; span: Span }
  | { t: 'binary'; op: BinaryOp; left: TExpr; right: TExpr; type: ColumnKind | null; span: Span }
  | { t: 'in'; arg: TExpr; items: TExpr[]; type: 'boolean'; span: Span }
  | {
      t: 'call';
      fn: string;
      args: TExpr[];
      type: ColumnKind | null;
      span: Span;
      /** For aggregates: the table whose rows are aggregated. */
      source?: string;
    }
  | { t: 'error'; type: null; span: Span };

export interface CheckedKpi {
  id: string;
  expr: TExpr | null;
  filter: TExpr | null;
  type: ColumnKind | null;
  level: Level;
  /** The table bare names were looked up in. */
  table: string | null;
  /** The date column for aggregates over `table`, when the KPI or the schema names one. */
  timeColumn: { table: string; column: string } | null;
  /** KPIs this one refers to, directly. */
  refs: string[];
  diagnostics: Diagnostic[];
  ok: boolean;
}

export interface CheckResult {
  kpis: Map<string, CheckedKpi>;
  diagnostics: Diagnostic[];
}

/** Children of a checked node, for walks. */
function children(e: TExpr): TExpr[] {
  switch (e.t) {
    case 'unary':
      return [e.arg];
    case 'binary':
      return [e.left, e.right];
    case 'in':
      return [e.arg, ...e.items];
    case 'call':
      return e.args;
    default:
      return [];
  }
}

export function walk(e: TExpr, visit: (node: TExpr) => boolean | undefined): void {
  if (visit(e) === false) return;
  for (const c of children(e)) walk(c, visit);
}
