import type { Expr, Span } from './ast';
import type { TExpr } from './checked';
import { type Diagnostic, type DiagnosticCode, type DiagnosticParams, diagnostic } from './diagnostics';
import type { KpiDef, Schema } from './schema';

/** What the checker knows while it types one KPI's formula or filter. */
export interface KpiContext {
  kpi: KpiDef;
  table: string | null;
  diags: Diagnostic[];
  refs: Set<string>;
  source: 'formula' | 'filter';
}

/** The part of the checker a function call needs: the schema, and typing its arguments. */
export interface ExprChecker {
  readonly schema: Schema;
  expr(e: Expr, ctx: KpiContext, inAggregate: string | null): TExpr;
}

/** Files a diagnostic against the KPI and the text (formula or filter) being checked. */
export function report<C extends DiagnosticCode>(
  ctx: KpiContext,
  code: C,
  params: DiagnosticParams[C],
  span: Span,
): void {
  ctx.diags.push({ ...diagnostic(code, params, span), kpiId: ctx.kpi.id, source: ctx.source });
}
