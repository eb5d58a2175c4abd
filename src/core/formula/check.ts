import type { ColumnKind } from '../model/columnKind';
import type { Expr, Span } from './ast';
import type { CheckedKpi, CheckResult, TExpr } from './checked';
import { walk } from './checked';
import { type Diagnostic, type DiagnosticCode, type DiagnosticParams, diagnostic } from './diagnostics';
import { kpiTable, kpiTimeColumn } from './kpiTable';
import { parseFormula } from './parser';
import { allFunctions, type FunctionSpec, lookupFunction, paramFor, paramRange } from './registry';
import { findColumn, findTable, type KpiDef, rootTable, type Schema } from './schema';
import { closest } from './suggest';
import { textMatchProblems } from './textMatch';
import {
  accepts,
  constantNumber,
  family,
  inRange,
  levelOf,
  PARAM_WORDS,
  TYPE_WORDS,
  unify,
} from './typeRules';

const ZERO_ARG = allFunctions()
  .filter((f) => f.params.length === 0)
  .map((f) => f.name);

interface KpiContext {
  kpi: KpiDef;
  table: string | null;
  diags: Diagnostic[];
  refs: Set<string>;
  source: 'formula' | 'filter';
}

/** Checks every KPI of a workbook against the schema; KPIs may refer to each other by id. */
export function checkKpis(schema: Schema, kpis: readonly KpiDef[]): CheckResult {
  return new Checker(schema, kpis).run();
}

class Checker {
  private readonly byId = new Map<string, KpiDef>();
  private readonly done = new Map<string, CheckedKpi>();
  private readonly stack: string[] = [];
  private readonly extra: Diagnostic[] = [];

  constructor(
    private readonly schema: Schema,
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
      this.reportBare(expr, ctx);
      level = 'aggregate';
    }

    let filter: TExpr | null = null;
    if (parsedFilter !== null) {
      const fctx: KpiContext = { ...ctx, source: 'filter' };
      filter = this.expr(parsedFilter.expr, fctx, null);
      if (levelOf(filter) === 'aggregate') this.report(fctx, 'filter-aggregate', {}, filter.span);
      else if (filter.type !== null && filter.type !== 'boolean') {
        this.report(fctx, 'filter-not-condition', { found: TYPE_WORDS[filter.type] }, filter.span);
      }
    }

    for (const w of textMatchProblems(this.schema, expr)) this.report(ctx, 'text-no-match', w.params, w.span);
    for (const w of textMatchProblems(this.schema, filter))
      this.report({ ...ctx, source: 'filter' }, 'text-no-match', w.params, w.span);

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

  private report<C extends DiagnosticCode>(
    ctx: KpiContext,
    code: C,
    params: DiagnosticParams[C],
    span: Span,
  ): void {
    ctx.diags.push({ ...diagnostic(code, params, span), kpiId: ctx.kpi.id, source: ctx.source });
  }

  private reportBare(e: TExpr, ctx: KpiContext): void {
    walk(e, (n) => {
      if (n.t === 'call' && lookupFunction(n.fn)?.level !== 'row') return false;
      if (n.t === 'column') this.report(ctx, 'bare-column', { column: n.column }, n.span);
      return true;
    });
  }

  /** Reports aggregates and KPI values found inside an aggregate's argument. */
  private reportNested(outer: string, e: TExpr, ctx: KpiContext): void {
    walk(e, (n) => {
      if (n.t === 'kpi') {
        this.report(ctx, 'nested-aggregate', { outer, inner: `KPI ${n.id}` }, n.span);
        return false;
      }
      if (n.t === 'call' && lookupFunction(n.fn)?.level !== 'row') {
        this.report(ctx, 'nested-aggregate', { outer, inner: n.fn }, n.span);
        return false;
      }
      return true;
    });
  }

  /** Joins row-level and per-period parts: the row-level columns must be wrapped in aggregates. */
  private mix(parts: TExpr[], ctx: KpiContext): void {
    const levels = parts.map(levelOf);
    if (!levels.includes('aggregate')) return;
    parts.forEach((p, i) => {
      if (levels[i] === 'row') this.reportBare(p, ctx);
    });
  }

  private expr(e: Expr, ctx: KpiContext, inAggregate: string | null): TExpr {
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
            this.report(ctx, 'operator-type', { op: 'NOT', left: TYPE_WORDS[arg.type], right: null }, e.span);
          }
          return { t: 'unary', op: e.op, arg, type: 'boolean', span: e.span };
        }
        if (arg.type !== null && !accepts('number', arg.type)) {
          this.report(ctx, 'operator-type', { op: e.op, left: TYPE_WORDS[arg.type], right: null }, e.span);
        }
        return { t: 'unary', op: e.op, arg, type: 'number', span: e.span };
      }
      case 'binary': {
        const left = this.expr(e.left, ctx, inAggregate);
        const right = this.expr(e.right, ctx, inAggregate);
        this.mix([left, right], ctx);
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
        this.mix([arg, ...items], ctx);
        for (const item of items) {
          if (arg.type !== null && item.type !== null && family(arg.type) !== family(item.type)) {
            this.report(
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
        return this.call(e, ctx, inAggregate);
    }
  }

  private binaryType(op: string, left: TExpr, right: TExpr, span: Span, ctx: KpiContext): ColumnKind | null {
    const l = left.type;
    const r = right.type;
    const bad = () => {
      if (l !== null && r !== null) {
        this.report(ctx, 'operator-type', { op, left: TYPE_WORDS[l], right: TYPE_WORDS[r] }, span);
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
        this.report(ctx, 'unknown-table', { table: e.table.text, suggestion }, span);
        return err;
      }
      const c = findColumn(t, e.name.text);
      if (c === undefined) {
        const suggestion = closest(
          e.name.text,
          t.columns.map((x) => x.name),
        );
        this.report(ctx, 'unknown-column', { table: t.name, column: e.name.text, suggestion }, span);
        return err;
      }
      return { t: 'column', table: t.name, column: c.name, type: c.kind, span };
    }
    const name = e.name.text;
    const kpi = this.findKpi(name);
    const table = ctx.table === null ? undefined : findTable(this.schema, ctx.table);
    const column = table === undefined ? undefined : findColumn(table, name);
    if (kpi !== undefined && column !== undefined && table !== undefined) {
      this.report(ctx, 'ambiguous-name', { name, table: table.name }, span);
      return err;
    }
    if (column !== undefined && table !== undefined) {
      return { t: 'column', table: table.name, column: column.name, type: column.kind, span };
    }
    if (kpi !== undefined) return this.kpiRef(kpi, span, ctx);
    if (!e.name.bracketed && ZERO_ARG.includes(name.toUpperCase())) {
      this.report(ctx, 'needs-parentheses', { name: name.toUpperCase() }, span);
      return err;
    }
    const candidates = [...this.byId.keys(), ...(table?.columns.map((c) => c.name) ?? [])];
    this.report(
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
      this.report(ctx, 'kpi-cycle', { path: [...this.stack.slice(at), kpi.id] }, span);
      return { t: 'kpi', id: kpi.id, type: null, span };
    }
    const other = this.checkKpi(kpi);
    if (!other.ok) this.report(ctx, 'kpi-has-errors', { id: kpi.id }, span);
    return { t: 'kpi', id: kpi.id, type: other.ok ? other.type : null, span };
  }

  private call(e: Extract<Expr, { kind: 'call' }>, ctx: KpiContext, inAggregate: string | null): TExpr {
    const f = lookupFunction(e.name);
    if (f === undefined) {
      const names = allFunctions().map((x) => x.name);
      this.report(
        ctx,
        'unknown-function',
        { name: e.name, suggestion: closest(e.name.toUpperCase(), names) },
        e.span,
      );
      // Check the arguments anyway so their own mistakes show.
      for (const a of e.args) this.expr(a, ctx, inAggregate);
      return { t: 'error', type: null, span: e.span };
    }
    const { min, max } = paramRange(f);
    if (e.args.length < min || (max !== null && e.args.length > max)) {
      this.report(ctx, 'arg-count', { fn: f.name, min, max, found: e.args.length }, e.span);
    }
    const inner = f.level === 'aggregate' ? f.name : inAggregate;
    const args: TExpr[] = e.args.map((a, i) => {
      const param = paramFor(f, i);
      if (param?.type === 'table') return this.tableArg(f, a, ctx);
      return this.expr(a, ctx, inner);
    });
    args.forEach((a, i) => {
      this.checkArg(f, i, a, ctx);
    });

    if (f.level === 'aggregate') {
      for (const a of args) if (levelOf(a) === 'aggregate') this.reportNested(f.name, a, ctx);
      const source = this.aggregateSource(f, args, e.span, ctx);
      return {
        t: 'call',
        fn: f.name,
        args,
        type: this.returnType(f, args, ctx),
        span: e.span,
        ...(source ? { source } : {}),
      };
    }
    if (f.level === 'time') {
      const value = args[0];
      if (value !== undefined) {
        const lvl = levelOf(value);
        if (lvl !== 'aggregate' && value.t !== 'error') {
          this.report(ctx, 'time-needs-kpi', { fn: f.name }, value.span);
        }
        walk(value, (n) => {
          if (n.t === 'call' && lookupFunction(n.fn)?.level === 'time') {
            this.report(ctx, 'nested-time', { outer: f.name, inner: n.fn }, n.span);
            return false;
          }
          return true;
        });
      }
      return { t: 'call', fn: f.name, args, type: 'number', span: e.span };
    }
    this.mix(args, ctx);
    return { t: 'call', fn: f.name, args, type: this.returnType(f, args, ctx), span: e.span };
  }

  private tableArg(f: FunctionSpec, a: Expr, ctx: KpiContext): TExpr {
    if (a.kind !== 'name' || a.table !== null) {
      this.report(ctx, 'not-a-table', { fn: f.name }, a.span);
      return { t: 'error', type: null, span: a.span };
    }
    const t = findTable(this.schema, a.name.text);
    if (t === undefined) {
      const suggestion = closest(
        a.name.text,
        this.schema.tables.map((x) => x.name),
      );
      this.report(ctx, 'unknown-table', { table: a.name.text, suggestion }, a.span);
      return { t: 'error', type: null, span: a.span };
    }
    return { t: 'table', table: t.name, type: null, span: a.span };
  }

  private checkArg(f: FunctionSpec, i: number, a: TExpr, ctx: KpiContext): void {
    const param = paramFor(f, i);
    if (param === undefined || param.type === 'table' || a.type === null) return;
    if (!accepts(param.type, a.type)) {
      this.report(
        ctx,
        'arg-type',
        { fn: f.name, param: param.name, expected: PARAM_WORDS[param.type], found: TYPE_WORDS[a.type] },
        a.span,
      );
    }
    const value = constantNumber(a);
    if (param.constant && value === null) {
      this.report(ctx, 'constant-required', { fn: f.name, param: param.name }, a.span);
    }
    const range = param.range;
    if (range !== undefined && value !== null && !inRange(value, range)) {
      const text = ctx.source === 'formula' ? ctx.kpi.formula : (ctx.kpi.filter ?? '');
      this.report(
        ctx,
        'arg-range',
        {
          fn: f.name,
          param: param.name,
          min: range.min,
          max: range.max,
          whole: range.whole === true,
          found: text.slice(a.span.start, a.span.end),
        },
        a.span,
      );
    }
  }

  private returnType(f: FunctionSpec, args: TExpr[], ctx: KpiContext): ColumnKind | null {
    const r = f.returns;
    if (typeof r === 'string') return r;
    if ('sameAs' in r) return args[r.sameAs]?.type ?? null;
    let result: ColumnKind | null = null;
    for (const i of r.commonOf) {
      const a = args[i];
      if (a === undefined || a.type === null) continue;
      if (result === null) {
        result = a.type;
        continue;
      }
      const u = unify(result, a.type);
      if (u === null) {
        this.report(
          ctx,
          'mixed-types',
          { fn: f.name, first: TYPE_WORDS[result], other: TYPE_WORDS[a.type] },
          a.span,
        );
        return null;
      }
      result = u;
    }
    // Variadic tails (COALESCE's fallbacks) must agree too.
    const last = r.commonOf[r.commonOf.length - 1];
    for (let i = last + 1; i < args.length; i++) {
      const a = args[i];
      if (result === null || a.type === null) continue;
      const u = unify(result, a.type);
      if (u === null) {
        this.report(
          ctx,
          'mixed-types',
          { fn: f.name, first: TYPE_WORDS[result], other: TYPE_WORDS[a.type] },
          a.span,
        );
        return null;
      }
      result = u;
    }
    return result;
  }

  /** The table whose rows an aggregate runs over: the one its columns come from, linked to the rest. */
  private aggregateSource(f: FunctionSpec, args: TExpr[], span: Span, ctx: KpiContext): string | null {
    const tables = new Set<string>();
    let failed = false;
    for (const a of args) {
      walk(a, (n) => {
        if (n.t === 'column' || n.t === 'table') tables.add(n.table);
        if (n.t === 'error') failed = true;
        return true;
      });
    }
    if (tables.size === 0) {
      if (ctx.table !== null) return ctx.table;
      if (!failed) this.report(ctx, 'no-source-table', { fn: f.name }, span);
      return null;
    }
    const root = rootTable(
      this.schema,
      [...tables],
      ctx.table !== null && tables.has(ctx.table) ? ctx.table : null,
    );
    if (root === null) {
      this.report(ctx, 'unlinked-tables', { tables: [...tables] }, span);
      return null;
    }
    return root;
  }
}
