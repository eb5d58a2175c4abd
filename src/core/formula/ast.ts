/**
 * The formula syntax tree. Plain, JSON-able data so that parse, check and compile
 * hand each other values, never objects with behaviour (STYLE.md: Malloy's phases).
 */

/** Half-open character range [start, end) in the formula text. */
export interface Span {
  start: number;
  end: number;
}

/** One part of a name; `bracketed` remembers `[...]` so the printer writes it back. */
export interface NamePart {
  text: string;
  bracketed: boolean;
}

export type UnaryOp = '-' | '+' | 'NOT';
export type ArithmeticOp = '+' | '-' | '*' | '/' | '^';
export type ComparisonOp = '=' | '<>' | '<' | '<=' | '>' | '>=';
export type BinaryOp = ArithmeticOp | ComparisonOp | '&' | 'AND' | 'OR';

export type Expr =
  | { kind: 'number'; value: number; raw: string; span: Span }
  | { kind: 'text'; value: string; span: Span }
  | { kind: 'boolean'; value: boolean; span: Span }
  | { kind: 'date'; value: string; span: Span }
  | { kind: 'name'; table: NamePart | null; name: NamePart; span: Span }
  | { kind: 'unary'; op: UnaryOp; arg: Expr; span: Span }
  | { kind: 'binary'; op: BinaryOp; left: Expr; right: Expr; span: Span }
  | { kind: 'in'; arg: Expr; items: Expr[]; span: Span }
  | { kind: 'call'; name: string; args: Expr[]; span: Span }
  /** Stands where the parser could not read anything; checking goes on around it. */
  | { kind: 'error'; span: Span };

/** The sub-expressions of a node, for walks over a parsed formula. */
export function exprChildren(e: Expr): Expr[] {
  switch (e.kind) {
    case 'unary':
      return [e.arg];
    case 'binary':
      return [e.left, e.right];
    case 'in':
      return [e.arg, ...e.items];
    case 'call':
      return e.args;
    default:
      return [];
  }
}
