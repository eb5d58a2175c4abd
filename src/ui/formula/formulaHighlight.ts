import type { Range } from '@codemirror/state';
import {
  Decoration,
  type DecorationSet,
  type EditorView,
  ViewPlugin,
  type ViewUpdate,
} from '@codemirror/view';
import { lex, type Token } from '../../core/formula/lexer';
import { KEYWORDS } from '../../core/formula/parser';

type TokenStyle = 'function' | 'keyword' | 'number' | 'text' | 'table' | 'column' | 'name' | 'operator';

/**
 * How each token of a formula is coloured, read with the formula lexer itself (the editor
 * and the checker never disagree on where a name or a string ends): a name before `(` is
 * a function, before `.` a table, after `.` a column; keywords as the parser reads them.
 */
export function formulaTokenStyles(source: string): { from: number; to: number; style: TokenStyle }[] {
  const { tokens } = lex(source);
  const out: { from: number; to: number; style: TokenStyle }[] = [];
  tokens.forEach((tok, i) => {
    const style = styleOf(tok, tokens[i - 1], tokens[i + 1]);
    if (style !== null && tok.span.end > tok.span.start)
      out.push({ from: tok.span.start, to: tok.span.end, style });
  });
  return out;
}

function styleOf(tok: Token, prev: Token | undefined, next: Token | undefined): TokenStyle | null {
  switch (tok.kind) {
    case 'number':
      return 'number';
    case 'text':
      return 'text';
    case 'op':
      return 'operator';
    case 'ident':
    case 'bracket':
      if (next?.kind === '(' && tok.kind === 'ident') return 'function';
      if (tok.kind === 'ident' && KEYWORDS.has(tok.text.toUpperCase())) return 'keyword';
      if (next?.kind === '.') return 'table';
      if (prev?.kind === '.') return 'column';
      return 'name';
    default:
      return null;
  }
}

const MARKS = new Map<TokenStyle, Decoration>(
  (['function', 'keyword', 'number', 'text', 'table', 'column', 'name', 'operator'] as const).map((s) => [
    s,
    Decoration.mark({ class: `cm-fx-${s}` }),
  ]),
);

function decorations(view: EditorView): DecorationSet {
  const ranges: Range<Decoration>[] = [];
  for (const r of formulaTokenStyles(view.state.doc.toString())) {
    const mark = MARKS.get(r.style);
    if (mark !== undefined) ranges.push(mark.range(r.from, r.to));
  }
  return Decoration.set(ranges);
}

/** Colours a one-line formula; it is short, so every change re-reads all of it. */
export const formulaHighlighting = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet;
    constructor(view: EditorView) {
      this.decorations = decorations(view);
    }
    update(u: ViewUpdate) {
      if (u.docChanged) this.decorations = decorations(u.view);
    }
  },
  { decorations: (p) => p.decorations },
);
