import type { Dialect } from '../sql/dialect';
import type { TExpr } from './checked';
import { lookupFunction, paramFor, type RowSqlContext, type WindowContext } from './registry';
import { constantNumber } from './typeRules';

/** Where a checked expression's SQL is written: the table aliases, the period bounds, the KPI level. */
export interface SqlCtx {
  alias: (table: string) => string;
  row: RowSqlContext;
  kpiLevel?: { columnOf: Map<string, string>; window: WindowContext };
}

/** What expression SQL needs beyond the place it is written: the dialect and the aggregates' columns. */
interface ExprSqlContext extends SqlCtx {
  dialect: Dialect;
  /** The column (quoted) an aggregate call was computed into, or NULL when it has none. */
  aggregate(call: Extract<TExpr, { t: 'call' }>): string;
}

export function argSql(fn: string, i: number, a: TExpr, ctx: ExprSqlContext): string {
  const f = lookupFunction(fn);
  const param = f === undefined ? undefined : paramFor(f, i);
  const sql = exprSql(a, ctx);
  return param?.type === 'number' && a.type === 'boolean' ? ctx.dialect.cast(sql, 'double') : sql;
}

function numeric(e: TExpr, ctx: ExprSqlContext): string {
  const sql = exprSql(e, ctx);
  return e.type === 'boolean' ? ctx.dialect.cast(sql, 'double') : sql;
}

/**
 * SQL for a checked expression: a row expression (in a scorecard block, or a derived
 * column of a mapping view) or a KPI expression (on the stage relations). Every name
 * is quoted and every literal escaped by the dialect.
 */
export function exprSql(e: TExpr, ctx: ExprSqlContext): string {
  const d = ctx.dialect;
  switch (e.t) {
    case 'literal':
      if (typeof e.value === 'number') return d.numberLiteral(e.value);
      if (typeof e.value === 'boolean') return e.value ? 'TRUE' : 'FALSE';
      return e.type === 'date' ? d.dateLiteral(e.value) : d.stringLiteral(e.value);
    case 'column': {
      const col = `${ctx.alias(e.table)}.${d.quoteIdent(e.column)}`;
      return e.type === 'number' ? d.cast(col, 'double') : col;
    }
    case 'kpi':
      return d.quoteIdent(ctx.kpiLevel?.columnOf.get(e.id) ?? 'missing');
    case 'table':
    case 'error':
      return 'NULL';
    case 'unary':
      if (e.op === 'NOT') return `(NOT ${exprSql(e.arg, ctx)})`;
      return `(${e.op}${numeric(e.arg, ctx)})`;
    case 'binary':
      return binarySql(e, ctx);
    case 'in':
      return `(${exprSql(e.arg, ctx)} IN (${e.items.map((i) => exprSql(i, ctx)).join(', ')}))`;
    case 'call': {
      const f = lookupFunction(e.fn);
      if (f === undefined) return 'NULL';
      if (f.level === 'aggregate') return ctx.aggregate(e);
      if (f.level === 'time') {
        const kl = ctx.kpiLevel;
        if (kl === undefined) return 'NULL';
        const n = e.args[1] === undefined ? null : constantNumber(e.args[1]);
        return f.sql(d, numeric(e.args[0], ctx), n === null ? null : Math.trunc(n), kl.window);
      }
      return f.sql(
        d,
        e.args.map((a, i) => argSql(f.name, i, a, ctx)),
        ctx.row,
      );
    }
  }
}

function binarySql(e: Extract<TExpr, { t: 'binary' }>, ctx: ExprSqlContext): string {
  switch (e.op) {
    case '+':
    case '-':
    case '*':
      return `(${numeric(e.left, ctx)} ${e.op} ${numeric(e.right, ctx)})`;
    case '/':
      // Division by zero is blank, never an error or infinity.
      return `(${numeric(e.left, ctx)} / NULLIF(${numeric(e.right, ctx)}, 0))`;
    case '^':
      return `POWER(${numeric(e.left, ctx)}, ${numeric(e.right, ctx)})`;
    case '&':
      return ctx.dialect.concat([
        ctx.dialect.cast(exprSql(e.left, ctx), 'text'),
        ctx.dialect.cast(exprSql(e.right, ctx), 'text'),
      ]);
    default:
      return `(${exprSql(e.left, ctx)} ${e.op} ${exprSql(e.right, ctx)})`;
  }
}
