import type { Span } from './ast';
import { type TExpr, walk } from './checked';
import type { DiagnosticParams } from './diagnostics';
import { findColumn, findTable, type Schema } from './schema';
import { closest } from './suggest';

/**
 * Text comparisons that can match nothing: `deals.stage = "lost"` where the column
 * holds "Lost" silently counts 0 rows. When the schema knows a text column's values
 * (it does when they are few), a literal it never holds is a warning with the value
 * the user most likely meant.
 */

/** Row functions whose result is still the column's value, changed the same way in JS. */
const TRANSFORMS: Readonly<Record<string, (s: string) => string>> = {
  LOWER: (s) => s.toLowerCase(),
  UPPER: (s) => s.toUpperCase(),
  TRIM: (s) => s.trim(),
};

interface TextComparison {
  readonly table: string;
  readonly column: string;
  /** LOWER, UPPER or TRIM around the column, or null. */
  readonly transform: string | null;
  readonly text: string;
  /** Where the literal is written. */
  readonly span: Span;
}

interface ColumnSide {
  table: string;
  column: string;
  transform: string | null;
}

function columnSide(e: TExpr): ColumnSide | null {
  if (e.t === 'column' && e.type === 'text') return { table: e.table, column: e.column, transform: null };
  if (e.t === 'call' && e.fn in TRANSFORMS && e.args.length === 1) {
    const inner = columnSide(e.args[0]);
    return inner !== null && inner.transform === null ? { ...inner, transform: e.fn } : null;
  }
  return null;
}

function textLiteral(e: TExpr): { text: string; span: Span } | null {
  return e.t === 'literal' && typeof e.value === 'string' ? { text: e.value, span: e.span } : null;
}

/** Every `column = "text"`, `"text" <> column` and `column IN ("a", "b")` in a checked formula. */
function textComparisons(expr: TExpr | null): TextComparison[] {
  const out: TextComparison[] = [];
  if (expr === null) return out;
  walk(expr, (n) => {
    if (n.t === 'binary' && (n.op === '=' || n.op === '<>')) {
      const pairs: [TExpr, TExpr][] = [
        [n.left, n.right],
        [n.right, n.left],
      ];
      for (const [a, b] of pairs) {
        const side = columnSide(a);
        const lit = textLiteral(b);
        if (side !== null && lit !== null) out.push({ ...side, ...lit });
      }
    }
    if (n.t === 'in') {
      const side = columnSide(n.arg);
      if (side !== null) {
        for (const item of n.items) {
          const lit = textLiteral(item);
          if (lit !== null) out.push({ ...side, ...lit });
        }
      }
    }
    return true;
  });
  return out;
}

/** The warnings for the comparisons of one formula, against the values the schema knows. */
export function textMatchProblems(
  schema: Schema,
  expr: TExpr | null,
): { params: DiagnosticParams['text-no-match']; span: Span }[] {
  const out: { params: DiagnosticParams['text-no-match']; span: Span }[] = [];
  for (const c of textComparisons(expr)) {
    const table = findTable(schema, c.table);
    const values = table === undefined ? undefined : findColumn(table, c.column)?.values;
    if (values === undefined) continue;
    const change = c.transform === null ? (s: string) => s : TRANSFORMS[c.transform];
    const held = new Set(values.map(change));
    if (held.has(c.text)) continue;
    const caseMatch = [...held].find((v) => v.toLowerCase() === c.text.toLowerCase()) ?? null;
    const suggestion = caseMatch ?? closest(c.text, held);
    const column = `${c.table}.${c.column}`;
    out.push({
      params: {
        column: c.transform === null ? column : `${c.transform}(${column})`,
        text: c.text,
        suggestion,
        caseOnly: caseMatch !== null,
      },
      span: c.span,
    });
  }
  return out;
}

/** Tables and columns the formulas compare with fixed text: whose values are worth knowing. */
export function comparedTextColumns(exprs: readonly (TExpr | null)[]): { table: string; column: string }[] {
  const seen = new Map<string, { table: string; column: string }>();
  for (const e of exprs) {
    for (const c of textComparisons(e))
      seen.set(JSON.stringify([c.table, c.column]), { table: c.table, column: c.column });
  }
  return [...seen.values()];
}
