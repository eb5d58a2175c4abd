import type {
  Completion,
  CompletionContext,
  CompletionResult,
  CompletionSource,
} from '@codemirror/autocomplete';
import type { EditorView } from '@codemirror/view';
import { lex, type Token } from '../../core/formula/lexer';
import { KEYWORDS } from '../../core/formula/parser';
import { allFunctions, signature } from '../../core/formula/registry';
import type { ColumnKind } from '../../core/model/columnKind';
import { kpiLabel } from '../../i18n/kpi';
import { t } from '../../i18n/t';

/** What a formula may name besides functions: the scorecard's tables and columns, and the workbook's KPIs. */
export interface FormulaNames {
  tables: readonly { name: string; columns: readonly { name: string; kind: ColumnKind }[] }[];
  /** The KPIs a bare name may refer to (the checker looks a bare name up as a KPI id first). */
  kpis: readonly { id: string; label: string }[];
}

/** A name as a formula must write it: bare when the lexer reads it as one name, else in brackets. */
function written(name: string): string {
  const { tokens, diagnostics } = lex(name);
  const bare =
    diagnostics.length === 0 &&
    tokens.length === 2 &&
    tokens[0].kind === 'ident' &&
    tokens[0].text === name &&
    !KEYWORDS.has(name.toUpperCase());
  return bare ? name : `[${name.replaceAll(']', ']]')}]`;
}

/** `NAME()` with the caret between the parentheses; only the name when a `(` already follows. */
function applyFunction(view: EditorView, completion: Completion, from: number, to: number): void {
  const name = completion.label;
  const hasParen = view.state.sliceDoc(to, to + 1) === '(';
  const insert = hasParen ? name : `${name}()`;
  view.dispatch({
    changes: { from, to, insert },
    selection: { anchor: from + name.length + 1 },
    userEvent: 'input.complete',
  });
}

/** Every function of the registry; built once, the registry never changes. */
const FUNCTION_OPTIONS: readonly Completion[] = allFunctions().map((f) => ({
  label: f.name,
  type: 'function',
  // The parameters after the name the list already shows: `SUM` `(value)`.
  detail: signature(f).slice(f.name.length),
  info: `${signature(f)}\n${f.help}\n${f.example.formula}`,
  apply: applyFunction,
}));

const KEYWORD_OPTIONS: readonly Completion[] = [...KEYWORDS].map((k) => ({ label: k, type: 'keyword' }));

function generalOptions(names: FormulaNames): Completion[] {
  const tableWord = t('formula.complete.table');
  return [
    ...FUNCTION_OPTIONS,
    ...KEYWORD_OPTIONS,
    ...names.tables.map((x) => ({ label: written(x.name), type: 'class', detail: tableWord })),
    ...names.kpis.map((k) => ({ label: written(k.id), type: 'variable', detail: kpiLabel(k) })),
  ];
}

function columnOptions(names: FormulaNames, table: Token): Completion[] | null {
  // Looked up as the checker does: the exact name, else the one name equal ignoring case.
  const exact = names.tables.find((x) => x.name === table.text);
  const loose = names.tables.filter((x) => x.name.toLowerCase() === table.text.toLowerCase());
  const found = exact ?? (loose.length === 1 ? loose[0] : undefined);
  if (found === undefined) return null;
  return found.columns.map((c) => ({
    label: written(c.name),
    type: 'property',
    detail: t(`kind.${c.kind}`),
  }));
}

/** Name characters as the lexer reads them, so the list keeps filtering while a name is typed. */
const NAME_SO_FAR = /^[\p{L}\p{M}\p{N}_\u200c]*$/u;

/**
 * Completion for the formula language, read with the formula lexer: after `table.` the
 * table's columns; elsewhere functions (with their signature and help), keywords, tables
 * and KPI ids. Nothing inside text or a bracketed name. `names` is read at each request,
 * so tables loaded after the editor opened are offered too.
 */
export function formulaCompletionSource(names: () => FormulaNames): CompletionSource {
  return (ctx: CompletionContext): CompletionResult | null => {
    const { tokens, diagnostics } = lex(ctx.state.sliceDoc(0, ctx.pos));
    if (diagnostics.some((d) => d.code === 'unterminated-text' || d.code === 'unterminated-name'))
      return null;
    const toks = tokens.slice(0, -1);
    let i = toks.length - 1;
    const last = toks[i];
    const word = last?.kind === 'ident' && last.span.end === ctx.pos ? last : null;
    if (word !== null) i--;
    const before = toks[i];
    // `12e` or `3x`: a name glued to a number is no name being typed.
    if (word !== null && before?.kind === 'number' && before.span.end === word.span.start) return null;
    const from = word?.span.start ?? ctx.pos;
    const table = toks[i - 1];
    if (before?.kind === '.' && before.span.end === from) {
      if (table === undefined || (table.kind !== 'ident' && table.kind !== 'bracket')) return null;
      const options = columnOptions(names(), table);
      return options === null ? null : { from, options, validFor: NAME_SO_FAR };
    }
    if (word === null && !ctx.explicit) return null;
    return { from, options: generalOptions(names()), validFor: NAME_SO_FAR };
  };
}
