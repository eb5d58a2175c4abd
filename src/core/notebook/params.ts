import type { Dialect } from '../sql/dialect';
import { type NotebookMessage, notebookMessage } from './messages';
import type { InputValue } from './types';

const PARAM = /\{\{\s*([\p{L}_][\p{L}\p{N}_]*)(?:\.(from|to))?\s*\}\}/gu;

type Substitution =
  | { ok: true; sql: string }
  | { ok: false; message: string; problems: readonly NotebookMessage[] };

/** The SQL literal an input gives; a blank input is NULL so `x = {{p}}` simply matches nothing. */
function literal(
  name: string,
  value: InputValue,
  part: 'from' | 'to' | undefined,
  d: Dialect,
): string | NotebookMessage {
  if (value.type === 'dateRange') {
    if (part === undefined) return notebookMessage('range-needs-part', { name });
    const iso = part === 'from' ? value.from : value.to;
    return iso === null ? 'NULL' : d.dateLiteral(iso);
  }
  if (part !== undefined) return notebookMessage('part-needs-range', { name, part });
  if (value.value === null) return 'NULL';
  // The dialect refuses NUL by throwing; a typed or pasted one is the user's to remove.
  if (value.type === 'text' && value.value.includes('\u0000')) return notebookMessage('input-nul', { name });
  return value.type === 'number' ? d.numberLiteral(value.value) : d.stringLiteral(value.value);
}

/**
 * Puts input values into SQL as escaped literals of the dialect `d` the SQL is written in
 * (never as text the user typed), so a parameter can only ever be data. Unknown names
 * are an error that names them.
 */
export function substituteParams(
  sql: string,
  inputs: ReadonlyMap<string, InputValue>,
  d: Dialect,
): Substitution {
  const problems: NotebookMessage[] = [];
  const out = sql.replace(PARAM, (whole, name: string, part: 'from' | 'to' | undefined) => {
    const value = inputs.get(name);
    if (value === undefined) {
      problems.push(notebookMessage('unknown-param', { name }));
      return whole;
    }
    const lit = literal(name, value, part, d);
    if (typeof lit === 'string') return lit;
    problems.push(lit);
    return whole;
  });
  return problems.length === 0
    ? { ok: true, sql: out }
    : { ok: false, message: problems.map((p) => p.message).join('; '), problems };
}
