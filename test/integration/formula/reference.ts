import type { Expr } from '../../../src/core/formula/ast';

/**
 * A plain TypeScript evaluator for the subset of formulas the differential test
 * generates. It is written from the language's rules (blank propagation, SQL's
 * three-valued logic, blank on division by zero), not from the compiler's SQL.
 */
export type Value = number | string | boolean | null;
export type Row = Record<string, Value>;

function num(v: Value): number | null {
  if (v === null) return null;
  if (typeof v === 'boolean') return v ? 1 : 0;
  return typeof v === 'number' ? v : null;
}

function evalRow(e: Expr, row: Row): Value {
  switch (e.kind) {
    case 'number':
      return e.value;
    case 'text':
      return e.value;
    case 'boolean':
      return e.value;
    case 'name':
      return row[e.name.text] ?? null;
    case 'unary': {
      const v = evalRow(e.arg, row);
      if (e.op === 'NOT') return v === null ? null : !v;
      const n = num(v);
      return n === null ? null : e.op === '-' ? -n : n;
    }
    case 'binary':
      return binary(
        e.op,
        () => evalRow(e.left, row),
        () => evalRow(e.right, row),
      );
    case 'in': {
      const v = evalRow(e.arg, row);
      if (v === null) return null;
      const items = e.items.map((i) => evalRow(i, row));
      if (items.some((i) => i === v)) return true;
      return items.some((i) => i === null) ? null : false;
    }
    case 'call':
      return rowCall(
        e.name,
        e.args.map((a) => () => evalRow(a, row)),
      );
    default:
      throw new Error(`reference cannot evaluate ${e.kind}`);
  }
}

function binary(op: string, l: () => Value, r: () => Value): Value {
  if (op === 'AND') {
    const a = l();
    const b = r();
    if (a === false || b === false) return false;
    return a === null || b === null ? null : true;
  }
  if (op === 'OR') {
    const a = l();
    const b = r();
    if (a === true || b === true) return true;
    return a === null || b === null ? null : false;
  }
  const a = l();
  const b = r();
  if (a === null || b === null) return null;
  switch (op) {
    case '=':
      return a === b;
    case '<>':
      return a !== b;
    case '<':
      return (a as number) < (b as number);
    case '<=':
      return (a as number) <= (b as number);
    case '>':
      return (a as number) > (b as number);
    case '>=':
      return (a as number) >= (b as number);
  }
  const x = num(a) as number;
  const y = num(b) as number;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? null : x / y;
  }
  throw new Error(`reference has no operator ${op}`);
}

function rowCall(name: string, args: (() => Value)[]): Value {
  switch (name) {
    case 'IF':
      return args[0]() === true ? args[1]() : args[2] === undefined ? null : args[2]();
    case 'COALESCE': {
      for (const a of args) {
        const v = a();
        if (v !== null) return v;
      }
      return null;
    }
    case 'ABS': {
      const v = num(args[0]());
      return v === null ? null : Math.abs(v);
    }
    case 'ISBLANK':
      return args[0]() === null;
    case 'CONTAINS': {
      const t = args[0]();
      const p = args[1]();
      if (t === null || p === null) return null;
      return String(t).toLowerCase().includes(String(p).toLowerCase());
    }
    case 'DIVIDE': {
      const a = num(args[0]());
      const b = num(args[1]());
      const alt = args[2] === undefined ? null : num(args[2]());
      if (b === null || b === 0) return alt;
      return a === null ? null : a / b;
    }
  }
  throw new Error(`reference has no function ${name}`);
}

function quantile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const pos = (sorted.length - 1) * p;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

function aggregate(name: string, args: Expr[], rows: Row[]): Value {
  const values = (e: Expr, where: (r: Row) => boolean = () => true) =>
    rows.filter(where).map((r) => evalRow(e, r));
  const nums = (e: Expr, where?: (r: Row) => boolean) =>
    values(e, where)
      .map(num)
      .filter((v): v is number => v !== null);
  const cond = (e: Expr) => (r: Row) => evalRow(e, r) === true;
  const sum = (xs: number[]) => xs.reduce((s, v) => s + v, 0);
  const mean = (xs: number[]) => (xs.length === 0 ? null : sum(xs) / xs.length);
  switch (name) {
    case 'SUM':
      return sum(nums(args[0]));
    case 'AVERAGE':
      return mean(nums(args[0]));
    case 'COUNT':
      return values(args[0]).filter((v) => v !== null).length;
    case 'COUNTD':
      return new Set(values(args[0]).filter((v) => v !== null)).size;
    case 'MIN': {
      const xs = nums(args[0]);
      return xs.length === 0 ? null : Math.min(...xs);
    }
    case 'MAX': {
      const xs = nums(args[0]);
      return xs.length === 0 ? null : Math.max(...xs);
    }
    case 'MEDIAN':
      return quantile(
        nums(args[0]).sort((a, b) => a - b),
        0.5,
      );
    case 'STDEV': {
      const xs = nums(args[0]);
      if (xs.length < 2) return null;
      const m = sum(xs) / xs.length;
      return Math.sqrt(sum(xs.map((v) => (v - m) ** 2)) / (xs.length - 1));
    }
    case 'COUNTIF':
      return rows.filter(cond(args[0])).length;
    case 'SUMIF':
      return sum(nums(args[0], cond(args[1])));
    case 'AVERAGEIF':
      return mean(nums(args[0], cond(args[1])));
    case 'COUNTROWS':
      return rows.length;
  }
  throw new Error(`reference has no aggregate ${name}`);
}

const AGGREGATES = new Set([
  'SUM',
  'AVERAGE',
  'COUNT',
  'COUNTD',
  'MIN',
  'MAX',
  'MEDIAN',
  'STDEV',
  'COUNTIF',
  'SUMIF',
  'AVERAGEIF',
  'COUNTROWS',
]);

/** A KPI-level formula over the rows of one period. */
export function evalKpi(e: Expr, rows: Row[]): Value {
  switch (e.kind) {
    case 'call':
      if (AGGREGATES.has(e.name)) return aggregate(e.name, e.args, rows);
      return rowCall(
        e.name,
        e.args.map((a) => () => evalKpi(a, rows)),
      );
    case 'binary':
      return binary(
        e.op,
        () => evalKpi(e.left, rows),
        () => evalKpi(e.right, rows),
      );
    case 'unary': {
      const n = num(evalKpi(e.arg, rows));
      return n === null ? null : e.op === '-' ? -n : n;
    }
    case 'number':
      return e.value;
    default:
      throw new Error(`reference cannot evaluate ${e.kind} at KPI level`);
  }
}
