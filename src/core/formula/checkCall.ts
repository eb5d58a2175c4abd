import type { ColumnKind } from '../model/columnKind';
import type { Expr, Span } from './ast';
import { type ExprChecker, type KpiContext, report } from './checkContext';
import type { TExpr } from './checked';
import { walk } from './checked';
import { mixLevels, reportNested } from './checkLevels';
import { allFunctions, type FunctionSpec, lookupFunction, paramFor, paramRange } from './registry';
import { findTable, rootTable, type Schema } from './schema';
import { closest } from './suggest';
import { accepts, constantNumber, inRange, levelOf, PARAM_WORDS, TYPE_WORDS, unify } from './typeRules';

/** Types a function call: its arguments, their count, types and ranges, and the rows an aggregate reads. */
export function checkCall(
  checker: ExprChecker,
  e: Extract<Expr, { kind: 'call' }>,
  ctx: KpiContext,
  inAggregate: string | null,
): TExpr {
  const f = lookupFunction(e.name);
  if (f === undefined) {
    const names = allFunctions().map((x) => x.name);
    report(
      ctx,
      'unknown-function',
      { name: e.name, suggestion: closest(e.name.toUpperCase(), names) },
      e.span,
    );
    // Check the arguments anyway so their own mistakes show.
    for (const a of e.args) checker.expr(a, ctx, inAggregate);
    return { t: 'error', type: null, span: e.span };
  }
  const { min, max } = paramRange(f);
  if (e.args.length < min || (max !== null && e.args.length > max)) {
    report(ctx, 'arg-count', { fn: f.name, min, max, found: e.args.length }, e.span);
  }
  const inner = f.level === 'aggregate' ? f.name : inAggregate;
  const args: TExpr[] = e.args.map((a, i) => {
    const param = paramFor(f, i);
    if (param?.type === 'table') return tableArg(checker.schema, f, a, ctx);
    return checker.expr(a, ctx, inner);
  });
  args.forEach((a, i) => {
    checkArg(f, i, a, ctx);
  });

  if (f.level === 'aggregate') {
    for (const a of args) if (levelOf(a) === 'aggregate') reportNested(f.name, a, ctx);
    const source = aggregateSource(checker.schema, f, args, e.span, ctx);
    return {
      t: 'call',
      fn: f.name,
      args,
      type: returnType(f, args, ctx),
      span: e.span,
      ...(source ? { source } : {}),
    };
  }
  if (f.level === 'time') {
    const value = args[0];
    if (value !== undefined) {
      const lvl = levelOf(value);
      if (lvl !== 'aggregate' && value.t !== 'error') {
        report(ctx, 'time-needs-kpi', { fn: f.name }, value.span);
      }
      walk(value, (n) => {
        if (n.t === 'call' && lookupFunction(n.fn)?.level === 'time') {
          report(ctx, 'nested-time', { outer: f.name, inner: n.fn }, n.span);
          return false;
        }
        return true;
      });
    }
    return { t: 'call', fn: f.name, args, type: 'number', span: e.span };
  }
  mixLevels(args, ctx);
  return { t: 'call', fn: f.name, args, type: returnType(f, args, ctx), span: e.span };
}

function tableArg(schema: Schema, f: FunctionSpec, a: Expr, ctx: KpiContext): TExpr {
  if (a.kind !== 'name' || a.table !== null) {
    report(ctx, 'not-a-table', { fn: f.name }, a.span);
    return { t: 'error', type: null, span: a.span };
  }
  const t = findTable(schema, a.name.text);
  if (t === undefined) {
    const suggestion = closest(
      a.name.text,
      schema.tables.map((x) => x.name),
    );
    report(ctx, 'unknown-table', { table: a.name.text, suggestion }, a.span);
    return { t: 'error', type: null, span: a.span };
  }
  return { t: 'table', table: t.name, type: null, span: a.span };
}

function checkArg(f: FunctionSpec, i: number, a: TExpr, ctx: KpiContext): void {
  const param = paramFor(f, i);
  if (param === undefined || param.type === 'table' || a.type === null) return;
  if (!accepts(param.type, a.type)) {
    report(
      ctx,
      'arg-type',
      { fn: f.name, param: param.name, expected: PARAM_WORDS[param.type], found: TYPE_WORDS[a.type] },
      a.span,
    );
  }
  const value = constantNumber(a);
  if (param.constant && value === null) {
    report(ctx, 'constant-required', { fn: f.name, param: param.name }, a.span);
  }
  const range = param.range;
  if (range !== undefined && value !== null && !inRange(value, range)) {
    const text = ctx.source === 'formula' ? ctx.kpi.formula : (ctx.kpi.filter ?? '');
    report(
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

function returnType(f: FunctionSpec, args: TExpr[], ctx: KpiContext): ColumnKind | null {
  const r = f.returns;
  if (typeof r === 'string') return r;
  if ('sameAs' in r) return args[r.sameAs]?.type ?? null;
  // Variadic tails (COALESCE's fallbacks) must agree too, though they never set the type alone.
  const last = r.commonOf[r.commonOf.length - 1];
  const tail: number[] = [];
  for (let i = last + 1; i < args.length; i++) tail.push(i);
  let result: ColumnKind | null = null;
  for (const i of [...r.commonOf, ...tail]) {
    const a = args[i];
    if (a === undefined || a.type === null) continue;
    if (result === null) {
      if (i <= last) result = a.type;
      continue;
    }
    const u = unify(result, a.type);
    if (u === null) {
      report(
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
function aggregateSource(
  schema: Schema,
  f: FunctionSpec,
  args: TExpr[],
  span: Span,
  ctx: KpiContext,
): string | null {
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
    if (!failed) report(ctx, 'no-source-table', { fn: f.name }, span);
    return null;
  }
  const root = rootTable(schema, [...tables], ctx.table !== null && tables.has(ctx.table) ? ctx.table : null);
  if (root === null) {
    report(ctx, 'unlinked-tables', { tables: [...tables] }, span);
    return null;
  }
  return root;
}
