import { AGGREGATE_FUNCTIONS } from './aggregateFunctions';
import type { FunctionSpec, ParamSpec } from './functionSpec';
import { ROW_FUNCTIONS } from './rowFunctions';
import { TIME_FUNCTIONS } from './timeFunctions';

/**
 * The one list of functions. Checker, compiler, autocomplete, help and the
 * generated docs/formulas.md all read these entries; nothing else knows a
 * function's signature or its SQL (which each entry writes through a Dialect).
 */
export type {
  AggregateFunction,
  Category,
  FunctionSpec,
  NumberRange,
  ParamSpec,
  ParamType,
  RowFunction,
  RowSqlContext,
  WindowContext,
} from './functionSpec';

const FUNCTIONS: FunctionSpec[] = [...AGGREGATE_FUNCTIONS, ...ROW_FUNCTIONS, ...TIME_FUNCTIONS];

const BY_NAME = new Map(FUNCTIONS.map((f) => [f.name, f]));

export function lookupFunction(name: string): FunctionSpec | undefined {
  return BY_NAME.get(name.toUpperCase());
}

export function allFunctions(): readonly FunctionSpec[] {
  return FUNCTIONS;
}

export function paramRange(f: FunctionSpec): { min: number; max: number | null } {
  const min = f.params.filter((x) => !x.optional).length;
  const variadic = f.params.some((x) => x.variadic);
  return { min, max: variadic ? null : f.params.length };
}

/** The parameter that argument i is matched against (variadic parameters repeat). */
export function paramFor(f: FunctionSpec, i: number): ParamSpec | undefined {
  if (i < f.params.length) return f.params[i];
  const last = f.params[f.params.length - 1];
  return last?.variadic ? last : undefined;
}

/** Written signature for help and docs, e.g. `DIVIDE(numerator, denominator[, alternative])`. */
export function signature(f: FunctionSpec): string {
  let out = '';
  f.params.forEach((x, i) => {
    const sep = i === 0 ? '' : ', ';
    if (x.variadic) out += `${sep}${x.name}, …`;
    else if (x.optional) out += `[${sep}${x.name}]`;
    else out += `${sep}${x.name}`;
  });
  return `${f.name}(${out})`;
}
