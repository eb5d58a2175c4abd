import type { BinaryOp, Expr, NamePart, Span } from './ast';
import { type Diagnostic, diagnostic } from './diagnostics';
import { lex, type Token } from './lexer';

interface ParseResult {
  expr: Expr;
  diagnostics: Diagnostic[];
}

/** Words with a meaning of their own; as names they must be written in brackets. */
export const KEYWORDS: ReadonlySet<string> = new Set(['AND', 'OR', 'NOT', 'IN', 'TRUE', 'FALSE']);

const COMPARISONS: ReadonlySet<string> = new Set(['=', '<>', '<', '<=', '>', '>=']);
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const span = (start: number, end: number): Span => ({ start, end });

/** How the parser names the end of the formula in messages (the UI translates it). */
export const END_OF_FORMULA = 'the end of the formula';

function describe(t: Token): string {
  if (t.kind === 'eof') return END_OF_FORMULA;
  if (t.kind === 'text') return 'text';
  return `\`${t.kind === 'bracket' ? `[${t.text}]` : t.text}\``;
}

function validDate(iso: string): boolean {
  if (!ISO_DATE.test(iso)) return false;
  const d = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === iso;
}

/**
 * Recursive descent, lowest precedence first. A part it cannot read becomes an
 * `error` node with a diagnostic, and parsing carries on so every problem shows.
 */
class Parser {
  private pos = 0;
  readonly diagnostics: Diagnostic[];

  constructor(
    private readonly tokens: Token[],
    diagnostics: Diagnostic[],
  ) {
    this.diagnostics = diagnostics;
  }

  private peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
  }

  private next(): Token {
    const t = this.peek();
    if (t.kind !== 'eof') this.pos++;
    return t;
  }

  private isKeyword(word: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t.kind === 'ident' && t.text.toUpperCase() === word;
  }

  private isOp(op: string): boolean {
    const t = this.peek();
    return t.kind === 'op' && t.text === op;
  }

  parseFormula(): Expr {
    if (this.peek().kind === 'eof') {
      const end = this.peek().span.end;
      this.diagnostics.push(diagnostic('empty-formula', {}, span(0, end)));
      return { kind: 'error', span: span(0, end) };
    }
    const expr = this.parseOr();
    if (this.peek().kind !== 'eof') {
      const first = this.peek();
      this.diagnostics.push(diagnostic('unexpected-token', { found: describe(first) }, first.span));
      // Read what follows anyway so its own problems are reported too.
      while (this.peek().kind !== 'eof') {
        const before = this.pos;
        this.parseOr();
        if (this.pos === before) this.next();
      }
    }
    return expr;
  }

  private binary(op: BinaryOp, left: Expr, right: Expr): Expr {
    return { kind: 'binary', op, left, right, span: span(left.span.start, right.span.end) };
  }

  private parseOr(): Expr {
    let left = this.parseAnd();
    while (this.isKeyword('OR')) {
      this.next();
      left = this.binary('OR', left, this.parseAnd());
    }
    return left;
  }

  private parseAnd(): Expr {
    let left = this.parseNot();
    while (this.isKeyword('AND')) {
      this.next();
      left = this.binary('AND', left, this.parseNot());
    }
    return left;
  }

  private parseNot(): Expr {
    if (this.isKeyword('NOT')) {
      const t = this.next();
      const arg = this.parseNot();
      return { kind: 'unary', op: 'NOT', arg, span: span(t.span.start, arg.span.end) };
    }
    return this.parseComparison();
  }

  private parseComparison(): Expr {
    let left = this.parseConcat();
    for (;;) {
      const t = this.peek();
      if (t.kind === 'op' && COMPARISONS.has(t.text)) {
        this.next();
        left = this.binary(t.text as BinaryOp, left, this.parseConcat());
      } else if (this.isKeyword('IN')) {
        this.next();
        left = this.parseInList(left);
      } else {
        return left;
      }
    }
  }

  private parseInList(arg: Expr): Expr {
    const open = this.peek();
    if (open.kind !== '(') {
      this.diagnostics.push(diagnostic('expected-value', { found: describe(open) }, open.span));
      return { kind: 'in', arg, items: [], span: span(arg.span.start, open.span.start) };
    }
    this.next();
    const { items, end } = this.parseList(open);
    return { kind: 'in', arg, items, span: span(arg.span.start, end) };
  }

  /** Comma-separated expressions after an opening parenthesis; returns where the list ends. */
  private parseList(open: Token): { items: Expr[]; end: number } {
    const items: Expr[] = [];
    if (this.peek().kind === ')') return { items, end: this.next().span.end };
    for (;;) {
      items.push(this.parseOr());
      const t = this.peek();
      if (t.kind === ',') {
        this.next();
        continue;
      }
      if (t.kind === ')') return { items, end: this.next().span.end };
      const opened = open.kind === '(' ? '(' : open.text;
      this.diagnostics.push(diagnostic('missing-close-paren', { opened }, open.span));
      const last = items[items.length - 1];
      return { items, end: last.span.end };
    }
  }

  private parseConcat(): Expr {
    let left = this.parseAdditive();
    while (this.isOp('&')) {
      this.next();
      left = this.binary('&', left, this.parseAdditive());
    }
    return left;
  }

  private parseAdditive(): Expr {
    let left = this.parseMultiplicative();
    while (this.isOp('+') || this.isOp('-')) {
      const op = this.next().text as BinaryOp;
      left = this.binary(op, left, this.parseMultiplicative());
    }
    return left;
  }

  private parseMultiplicative(): Expr {
    let left = this.parseUnary();
    while (this.isOp('*') || this.isOp('/')) {
      const op = this.next().text as BinaryOp;
      left = this.binary(op, left, this.parseUnary());
    }
    return left;
  }

  private parseUnary(): Expr {
    if (this.isOp('-') || this.isOp('+')) {
      const t = this.next();
      const arg = this.parseUnary();
      return { kind: 'unary', op: t.text as '-' | '+', arg, span: span(t.span.start, arg.span.end) };
    }
    return this.parsePower();
  }

  /** `^` binds tighter than a leading minus and groups to the right: -2^2 is -4, 2^3^2 is 512. */
  private parsePower(): Expr {
    const base = this.parsePrimary();
    if (this.isOp('^')) {
      this.next();
      return this.binary('^', base, this.parseUnary());
    }
    return base;
  }

  private parsePrimary(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case 'number': {
        this.next();
        const percent = t.text.endsWith('%');
        const value = Number(percent ? t.text.slice(0, -1) : t.text);
        return { kind: 'number', value: percent ? value / 100 : value, raw: t.text, span: t.span };
      }
      case 'text':
        this.next();
        return { kind: 'text', value: t.text, span: t.span };
      case '(': {
        this.next();
        const inner = this.parseOr();
        if (this.peek().kind === ')') {
          this.next();
        } else {
          this.diagnostics.push(diagnostic('missing-close-paren', { opened: '(' }, t.span));
        }
        return inner;
      }
      case 'ident':
      case 'bracket':
        return this.parseNameOrCall();
      default: {
        this.diagnostics.push(diagnostic('expected-value', { found: describe(t) }, t.span));
        // Leave closers for the enclosing list so it can resynchronise.
        if (t.kind !== ')' && t.kind !== ',' && t.kind !== 'eof') this.next();
        return { kind: 'error', span: t.kind === 'eof' ? span(t.span.start, t.span.start) : t.span };
      }
    }
  }

  private parseNameOrCall(): Expr {
    const first = this.next();
    const upper = first.text.toUpperCase();
    if (first.kind === 'ident' && (upper === 'TRUE' || upper === 'FALSE') && this.peek().kind !== '(') {
      return { kind: 'boolean', value: upper === 'TRUE', span: first.span };
    }
    if (first.kind === 'ident' && KEYWORDS.has(upper) && this.peek().kind !== '(') {
      this.diagnostics.push(diagnostic('expected-value', { found: describe(first) }, first.span));
      return { kind: 'error', span: first.span };
    }
    if (first.kind === 'ident' && this.peek().kind === '(') {
      const open = this.next();
      if (upper === 'DATE' && this.peek().kind === 'text' && this.peek(1).kind === ')') {
        const text = this.next();
        const close = this.next();
        if (!validDate(text.text)) {
          this.diagnostics.push(diagnostic('bad-date', { text: text.text }, text.span));
        }
        return { kind: 'date', value: text.text, span: span(first.span.start, close.span.end) };
      }
      const { items, end } = this.parseList(open);
      return { kind: 'call', name: first.text, args: items, span: span(first.span.start, end) };
    }
    const firstPart: NamePart = { text: first.text, bracketed: first.kind === 'bracket' };
    if (this.peek().kind === '.') {
      const dot = this.next();
      const second = this.peek();
      if (second.kind === 'ident' || second.kind === 'bracket') {
        this.next();
        return {
          kind: 'name',
          table: firstPart,
          name: { text: second.text, bracketed: second.kind === 'bracket' },
          span: span(first.span.start, second.span.end),
        };
      }
      this.diagnostics.push(
        diagnostic('bad-name', { text: `${first.text}.` }, span(first.span.start, dot.span.end)),
      );
      return { kind: 'error', span: span(first.span.start, dot.span.end) };
    }
    return { kind: 'name', table: null, name: firstPart, span: first.span };
  }
}

export function parseFormula(source: string): ParseResult {
  const { tokens, diagnostics } = lex(source);
  const parser = new Parser(tokens, diagnostics);
  const expr = parser.parseFormula();
  return { expr, diagnostics: parser.diagnostics };
}
