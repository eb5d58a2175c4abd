import type { ColumnKind } from '../model/columnKind';
import type { Expr, Span } from './ast';
import { checkCall } from './checkCall';
import { type ExprChecker, type KpiContext, report } from './checkContext';
import type { CheckedKpi, CheckResult, TExpr } from './checked';
import { mixLevels, reportBare } from './checkLevels';
import { type Diagnostic, diagnostic } from './diagnostics';
import { kpiTable, kpiTimeColumn } from './kpiTable';
import { parseFormula } from './parser';
import { allFunctions } from './registry';
import { findColumn, findTable, type KpiDef, type Schema } from './schema';
import { closest } from './suggest';
import { textMatchProblems } from './textMatch';
import { accepts, family, levelOf, TYPE_WORDS } from './typeRules';

const ZERO_ARG = allFunctions()
  .filter((f) => f.params.length === 0)
  .map((f) => f.name);

/** Checks every KPI of a workbook against the schema; KPIs may refer to each other by id. */
export function checkKpis(schema: Schema, kpis: readonly KpiDef[]): CheckResult {
  return new Checker(schema, kpis).run();
}

class Checker implements ExprChecker {
  private readonly byId = new Map<string, KpiDef>();
  private readonly done = new Map<string, CheckedKpi>();
  private readonly stack: string[] = [];
  private readonly extra: Diagnostic[] = [];

  constructor(
    readonly schema: Schema,
    kpis: readonly KpiDef[],
  ) {
    for (const k of kpis) {
      if (this.byId.has(k.id)) {
        this.extra.push({
          ...diagnostic('duplicate-kpi', { id: k.id }, { start: 0, end: k.formula.length }),
          kpiId: k.id,
        });
      } else {
        this.byId.set(k.id, k);
      }
    }
  }

  run(): CheckResult {
    for (const k of this.byId.values()) this.checkKpi(k);
    const diagnostics = [...this.extra];
    for (const c of this.done.values()) diagnostics.push(...c.diagnostics);
    return { kpis: this.done, diagnostics };
  }

  private findKpi(name: string): KpiDef | undefined {
    const exact = this.byId.get(name);
    if (exact !== undefined) return exact;
    const lower = name.toLowerCase();
    const loose = [...this.byId.values()].filter((k) => k.id.toLowerCase() === lower);
    return loose.length === 1 ? loose[0] : undefined;
  }

  private checkKpi(kpi: KpiDef): CheckedKpi {
    const cached = this.done.get(kpi.id);
    if (cached !== undefined) return cached;
    this.stack.push(kpi.id);
    const diags: Diagnostic[] = [];
    const parsed = parseFormula(kpi.formula);
    for (const d of parsed.diagnostics) diags.push({ ...d, kpiId: kpi.id, source: 'formula' });
    const parsedFilter =
      kpi.filter !== undefined && kpi.filter.trim() !== '' ? parseFormula(kpi.filter) : null;
    for (const d of parsedFilter?.diagnostics ?? []) diags.push({ ...d, kpiId: kpi.id, source: 'filter' });

    const whole: Span = { start: 0, end: kpi.formula.length };
    const table = kpiTable(this.schema, kpi, parsed.expr, parsedFilter?.expr ?? null, diags, whole);
    const ctx: KpiContext = { kpi, table, diags, refs: new Set(), source: 'formula' };

    const expr = this.expr(parsed.expr, ctx, null);
    let level = levelOf(expr);
    if (level === 'row') {
      reportBare(expr, ctx);
      level = 'aggregate';
    }

    let filter: TExpr | null = null;
    if (parsedFilter !== null) {
      const fctx: KpiContext = { ...ctx, source: 'filter' };
      filter = this.expr(parsedFilter.expr, fctx, null);
      if (levelOf(filter) === 'aggregate') report(fctx, 'filter-aggregate', {}, filter.span);
      else if (filter.type !== null && filter.type !== 'boolean') {
        report(fctx, 'filter-not-condition', { found: TYPE_WORDS[filter.type] }, filter.span);
      }
    }

    for (const w of textMatchProblems(this.schema, expr)) report(ctx, 'text-no-match', w.params, w.span);
    for (const w of textMatchProblems(this.schema, filter))
      report({ ...ctx, source: 'filter' }, 'text-no-match', w.params, w.span);

    const timeColumn = kpiTimeColumn(this.schema, kpi, table, diags, whole);
    const checked: CheckedKpi = {
      id: kpi.id,
      expr,
      filter,
      type: expr.type,
      level,
      table,
      timeColumn,
      refs: [...ctx.refs],
      diagnostics: diags,
      ok: !diags.some((d) => d.severity === 'error'),
    };
    this.stack.pop();
    this.done.set(kpi.id, checked);
    return checked;
  }

  expr(e: Expr, ctx: KpiContext, inAggregate: string | null): TExpr {
    switch (e.kind) {
      case 'number':
        return { t: 'literal', value: e.value, type: 'number', span: e.span };
      case 'text':
        return { t: 'literal', value: e.value, type: 'text', span: e.span };
      case 'boolean':
        return { t: 'literal', value: e.value, type: 'boolean', span: e.span };
      case 'date':
        return { t: 'literal', value: e.value, type: 'date', span: e.span };
      case 'error':
        return { t: 'error', type: null, span: e.span };
      case 'name':
        return this.name(e, ctx);
      case 'unary': {
        const arg = this.expr(e.arg, ctx, inAggregate);
        if (e.op === 'NOT') {
          if (arg.type !== null && arg.type !== 'boolean') {
            report(ctx, 'operator-type', { op: 'NOT', left: TYPE_WORDS[arg.type], right: null }, e.span);
          }
          return { t: 'unary', op: e.op, arg, type: 'boolean', span: e.span };
        }
        if (arg.type !== null && !accepts('number', arg.type)) {
          report(ctx, 'operator-type', { op: e.op, left: TYPE_WORDS[arg.type], right: null }, e.span);
        }
        return { t: 'unary', op: e.op, arg, type: 'number', span: e.span };
      }
      case 'binary': {
        const left = this.expr(e.left, ctx, inAggregate);
        const right = this.expr(e.right, ctx, inAggregate);
        mixLevels([left, right], ctx);
        return {
          t: 'binary',
          op: e.op,
          left,
          right,
          type: this.binaryType(e.op, left, right, e.span, ctx),
          span: e.span,
        };
      }
      case 'in': {
        const arg = this.expr(e.arg, ctx, inAggregate);
        const items = e.items.map((i) => this.expr(i, ctx, inAggregate));
        mixLevels([arg, ...items], ctx);
        for (const item of items) {
          if (arg.type !== null && item.type !== null && family(arg.type) !== family(item.type)) {
            report(
              ctx,
              'operator-type',
              { op: 'IN', left: TYPE_WORDS[arg.type], right: TYPE_WORDS[item.type] },
              item.span,
            );
          }
        }
        return { t: 'in', arg, items, type: 'boolean', span: e.span };
      }
      case 'call':
        return checkCall(this, e, ctx, inAggregate);
    }
  }

  private binaryType(op: string, left: TExpr, right: TExpr, span: Span, ctx: KpiContext): ColumnKind | null {
    const l = left.type;
    const r = right.type;
    const bad = () => {
      if (l !== null && r !== null) {
        report(ctx, 'operator-type', { op, left: TYPE_WORDS[l], right: TYPE_WORDS[r] }, span);
      }
    };
    switch (op) {
      case '&':
        return 'text';
      case 'AND':
      case 'OR':
        if ((l !== null && l !== 'boolean') || (r !== null && r !== 'boolean')) bad();
        return 'boolean';
      case '=':
      case '<>':
      case '<':
      case '<=':
      case '>':
      case '>=':
        if (l !== null && r !== null && family(l) !== family(r)) bad();
        return 'boolean';
      default:
        if ((l !== null && !accepts('number', l)) || (r !== null && !accepts('number', r))) bad();
        return 'number';
    }
  }

  private name(e: Extract<Expr, { kind: 'name' }>, ctx: KpiContext): TExpr {
    const span = e.span;
    const err: TExpr = { t: 'error', type: null, span };
    if (e.table !== null) {
      const t = findTable(this.schema, e.table.text);
      if (t === undefined) {
        const suggestion = closest(
          e.table.text,
          this.schema.tables.map((x) => x.name),
        );
        report(ctx, 'unknown-table', { table: e.table.text, suggestion }, span);
        return err;
      }
      const c = findColumn(t, e.name.text);
      if (c === undefined) {
        const suggestion = closest(
          e.name.text,
          t.columns.map((x) => x.name),
        );
        report(ctx, 'unknown-column', { table: t.name, column: e.name.text, suggestion }, span);
        return err;
      }
      return { t: 'column', table: t.name, column: c.name, type: c.kind, span };
    }
    const name = e.name.text;
    const kpi = this.findKpi(name);
    const table = ctx.table === null ? undefined : findTable(this.schema, ctx.table);
    const column = table === undefined ? undefined : findColumn(table, name);
    if (kpi !== undefined && column !== undefined && table !== undefined) {
      report(ctx, 'ambiguous-name', { name, table: table.name }, span);
      return err;
    }
    if (column !== undefined && table !== undefined) {
      return { t: 'column', table: table.name, column: column.name, type: column.kind, span };
    }
    if (kpi !== undefined) return this.kpiRef(kpi, span, ctx);
    if (!e.name.bracketed && ZERO_ARG.includes(name.toUpperCase())) {
      report(ctx, 'needs-parentheses', { name: name.toUpperCase() }, span);
      return err;
    }
    const candidates = [...this.byId.keys(), ...(table?.columns.map((c) => c.name) ?? [])];
    report(
      ctx,
      'unknown-name',
      { name, table: table?.name ?? null, suggestion: closest(name, candidates) },
      span,
    );
    return err;
  }

  private kpiRef(kpi: KpiDef, span: Span, ctx: KpiContext): TExpr {
    ctx.refs.add(kpi.id);
    const at = this.stack.indexOf(kpi.id);
    if (at !== -1) {
      report(ctx, 'kpi-cycle', { path: [...this.stack.slice(at), kpi.id] }, span);
      return { t: 'kpi', id: kpi.id, type: null, span };
    }
    const other = this.checkKpi(kpi);
    if (!other.ok) report(ctx, 'kpi-has-errors', { id: kpi.id }, span);
    return { t: 'kpi', id: kpi.id, type: other.ok ? other.type : null, span };
  }
}
