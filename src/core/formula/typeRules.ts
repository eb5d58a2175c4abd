import type { ColumnKind } from '../model/columnKind';
import type { TExpr } from './checked';
import { lookupFunction, type NumberRange, type ParamType } from './registry';
import type { Level } from './types';

/** The table a message names when a KPI has none (the UI translates it). */
export const NO_TABLE = '(no table)';

const LEVEL_ORDER: Record<Level, number> = { constant: 0, row: 1, aggregate: 2 };

/** How a value's type is named in messages (the UI translates these words). */
export const TYPE_WORDS: Readonly<Record<ColumnKind, string>> = {
  number: 'a number',
  text: 'text',
  boolean: 'a condition (true/false)',
  date: 'a date',
  timestamp: 'a date and time',
};
/** How what a parameter accepts is named in messages. */
export const PARAM_WORDS: Readonly<Record<ParamType, string>> = {
  number: 'a number',
  text: 'text',
  boolean: 'a condition (true/false)',
  datelike: 'a date',
  orderable: 'a number, text or date',
  any: 'a value',
  table: 'a table name',
};

export function accepts(param: ParamType, t: ColumnKind): boolean {
  switch (param) {
    case 'number':
      return t === 'number' || t === 'boolean';
    case 'datelike':
      return t === 'date' || t === 'timestamp';
    case 'orderable':
      return t !== 'boolean';
    case 'any':
      return true;
    case 'table':
      return false;
    default:
      return t === param;
  }
}

/** Types that compare with each other: dates with date-times, numbers with numbers. */
export function family(t: ColumnKind): string {
  return t === 'timestamp' ? 'date' : t;
}

export function unify(a: ColumnKind, b: ColumnKind): ColumnKind | null {
  if (a === b) return a;
  if (family(a) === 'date' && family(b) === 'date') return 'timestamp';
  return null;
}

/** The level of a checked node; a KPI value or an aggregate counts once per period. */
export function levelOf(e: TExpr): Level {
  switch (e.t) {
    case 'literal':
    case 'error':
    case 'table':
      return 'constant';
    case 'column':
      return 'row';
    case 'kpi':
      return 'aggregate';
    case 'call': {
      const f = lookupFunction(e.fn);
      if (f !== undefined && f.level !== 'row') return 'aggregate';
      return maxLevel(e.args.map(levelOf));
    }
    case 'unary':
      return levelOf(e.arg);
    case 'binary':
      return maxLevel([levelOf(e.left), levelOf(e.right)]);
    case 'in':
      return maxLevel([e.arg, ...e.items].map(levelOf));
  }
}

function maxLevel(levels: Level[]): Level {
  return levels.reduce<Level>((m, l) => (LEVEL_ORDER[l] > LEVEL_ORDER[m] ? l : m), 'constant');
}

/** NaN and the infinities of 1e999 fall outside every range. */
export function inRange(v: number, r: NumberRange): boolean {
  return v >= r.min && v <= r.max && (r.whole !== true || Number.isInteger(v));
}

/** The numeric value of a fixed argument such as PREV's n, or null when it is read from data. */
export function constantNumber(e: TExpr): number | null {
  if (e.t === 'literal' && typeof e.value === 'number') return e.value;
  if (e.t === 'unary' && (e.op === '-' || e.op === '+')) {
    const v = constantNumber(e.arg);
    return v === null ? null : e.op === '-' ? -v : v;
  }
  return null;
}
