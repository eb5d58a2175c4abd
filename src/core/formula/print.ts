import type { BinaryOp, Expr, NamePart } from './ast';
import { isNamePart, isNameStart } from './lexer';
import { KEYWORDS } from './parser';

/** Binding strength; a child printed under a stronger parent gets parentheses. */
const PRECEDENCE: Record<BinaryOp, number> = {
  OR: 1,
  AND: 2,
  '=': 4,
  '<>': 4,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '&': 5,
  '+': 6,
  '-': 6,
  '*': 7,
  '/': 7,
  '^': 9,
};
const NOT_PREC = 3;
const IN_PREC = 4;
const UNARY_PREC = 8;
const PRIMARY = 10;

function precedence(e: Expr): number {
  switch (e.kind) {
    case 'binary':
      return PRECEDENCE[e.op];
    case 'unary':
      return e.op === 'NOT' ? NOT_PREC : UNARY_PREC;
    case 'in':
      return IN_PREC;
    default:
      return PRIMARY;
  }
}

function isBareName(text: string): boolean {
  const chars = [...text];
  return (
    chars.length > 0 && isNameStart(chars[0]) && chars.every(isNamePart) && !KEYWORDS.has(text.toUpperCase())
  );
}

function printNamePart(part: NamePart): string {
  if (!part.bracketed && isBareName(part.text)) return part.text;
  return `[${part.text.replaceAll(']', ']]')}]`;
}

function printText(value: string): string {
  return `"${value.replaceAll('"', '""')}"`;
}

function wrap(e: Expr, min: number): string {
  const s = printFormula(e);
  return precedence(e) < min ? `(${s})` : s;
}

/**
 * Writes a tree back as formula text. Parentheses appear only where precedence
 * needs them, so parse(print(t)) gives t back (spans aside).
 */
export function printFormula(e: Expr): string {
  switch (e.kind) {
    case 'number':
      return e.raw;
    case 'text':
      return printText(e.value);
    case 'boolean':
      return e.value ? 'TRUE' : 'FALSE';
    case 'date':
      return `DATE(${printText(e.value)})`;
    case 'name':
      return e.table === null ? printNamePart(e.name) : `${printNamePart(e.table)}.${printNamePart(e.name)}`;
    case 'unary': {
      if (e.op === 'NOT') return `NOT ${wrap(e.arg, NOT_PREC)}`;
      const arg = wrap(e.arg, UNARY_PREC);
      // A space keeps `- -x` from reading like a comment marker to a human.
      return e.arg.kind === 'unary' ? `${e.op} ${arg}` : `${e.op}${arg}`;
    }
    case 'binary': {
      const p = PRECEDENCE[e.op];
      if (e.op === '^') return `${wrap(e.left, PRIMARY)}^${wrap(e.right, UNARY_PREC)}`;
      return `${wrap(e.left, p)} ${e.op} ${wrap(e.right, p + 1)}`;
    }
    case 'in':
      return `${wrap(e.arg, IN_PREC)} IN (${e.items.map(printFormula).join(', ')})`;
    case 'call':
      return `${e.name}(${e.args.map(printFormula).join(', ')})`;
    case 'error':
      return '#ERROR';
  }
}
