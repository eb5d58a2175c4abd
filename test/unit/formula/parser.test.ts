import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BinaryOp, Expr, NamePart } from '../../../src/core/formula/ast';
import { parseFormula } from '../../../src/core/formula/parser';
import { printFormula } from '../../../src/core/formula/print';

/** The tree without source spans, for comparing shapes. */
function shape(e: Expr): unknown {
  return JSON.parse(JSON.stringify(e, (k, v) => (k === 'span' ? undefined : v)));
}

function parseOk(src: string): Expr {
  const r = parseFormula(src);
  expect(r.diagnostics).toEqual([]);
  return r.expr;
}

describe('parser', () => {
  it('reads literals: numbers, percent, exponent, text with doubled quotes, booleans, dates', () => {
    expect(shape(parseOk('15%'))).toEqual({ kind: 'number', value: 0.15, raw: '15%' });
    expect(shape(parseOk('1e6'))).toEqual({ kind: 'number', value: 1e6, raw: '1e6' });
    expect(shape(parseOk('3.5'))).toEqual({ kind: 'number', value: 3.5, raw: '3.5' });
    expect(shape(parseOk('"say ""hi"""'))).toEqual({ kind: 'text', value: 'say "hi"' });
    expect(shape(parseOk('true'))).toEqual({ kind: 'boolean', value: true });
    expect(shape(parseOk('DATE("2024-01-31")'))).toEqual({ kind: 'date', value: '2024-01-31' });
  });

  it('reads names: table.column, brackets, Persian letters with ZWNJ', () => {
    expect(shape(parseOk('deals.[Close Date]'))).toEqual({
      kind: 'name',
      table: { text: 'deals', bracketed: false },
      name: { text: 'Close Date', bracketed: true },
    });
    expect(shape(parseOk('مشتریان.تاریخ\u200cثبت'))).toEqual({
      kind: 'name',
      table: { text: 'مشتریان', bracketed: false },
      name: { text: 'تاریخ\u200cثبت', bracketed: false },
    });
    expect(shape(parseOk('[a]]b]'))).toEqual({
      kind: 'name',
      table: null,
      name: { text: 'a]b', bracketed: true },
    });
  });

  it('gives every node a span over its own text', () => {
    const e = parseOk('SUM(deals.amount) / 2');
    expect(e.span).toEqual({ start: 0, end: 21 });
    if (e.kind !== 'binary' || e.left.kind !== 'call') throw new Error('shape');
    expect(e.left.span).toEqual({ start: 0, end: 17 });
    expect(e.left.args[0].span).toEqual({ start: 4, end: 16 });
    expect(e.right.span).toEqual({ start: 20, end: 21 });
  });

  it('follows precedence: * before +, comparison before AND, ^ before unary minus, ^ to the right', () => {
    expect(printFormula(parseOk('(1 + 2) * 3'))).toBe('(1 + 2) * 3');
    expect(printFormula(parseOk('1 + (2 * 3)'))).toBe('1 + 2 * 3');
    expect(shape(parseOk('-2^2'))).toMatchObject({
      kind: 'unary',
      op: '-',
      arg: { kind: 'binary', op: '^' },
    });
    expect(shape(parseOk('2^3^2'))).toMatchObject({
      kind: 'binary',
      op: '^',
      right: { kind: 'binary', op: '^' },
    });
    expect(shape(parseOk('a = 1 AND NOT b OR c'))).toMatchObject({
      kind: 'binary',
      op: 'OR',
      left: { kind: 'binary', op: 'AND', right: { kind: 'unary', op: 'NOT' } },
    });
    expect(shape(parseOk('x IN ("a", "b")'))).toMatchObject({
      kind: 'in',
      items: [{ value: 'a' }, { value: 'b' }],
    });
  });

  it('keeps going after an error and reports each problem once with its span', () => {
    const r = parseFormula('SUM(1 +) + @ + "open');
    expect(r.diagnostics.map((d) => [d.code, d.span])).toEqual([
      ['unexpected-character', { start: 11, end: 12 }],
      ['unterminated-text', { start: 15, end: 20 }],
      ['expected-value', { start: 7, end: 8 }],
    ]);
  });
});

const KEYWORD_SAFE = /^[a-z_][a-z0-9_]*$/;
const namePart: fc.Arbitrary<NamePart> = fc
  .oneof(
    fc.constantFrom('amount', 'stage', 'deals', 'مبلغ', 'x1', 'and', 'Close Date', 'a]b', '"q"', '--;'),
    fc.string({ minLength: 1, maxLength: 6 }),
  )
  .map((text) => ({
    text,
    bracketed: !KEYWORD_SAFE.test(text) || ['and', 'or', 'not', 'in', 'true', 'false'].includes(text),
  }));

const BIN_OPS: BinaryOp[] = ['+', '-', '*', '/', '^', '&', '=', '<>', '<', '<=', '>', '>=', 'AND', 'OR'];
const z = { start: 0, end: 0 };

const exprArb: fc.Arbitrary<Expr> = fc.letrec<{ e: Expr }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc
      .constantFrom('0', '12', '3.5', '1e6', '15%', '.5', '2.5e-3')
      .map((raw): Expr => ({ kind: 'number', raw, value: 0, span: z })),
    fc.string({ maxLength: 5 }).map((value): Expr => ({ kind: 'text', value, span: z })),
    fc.boolean().map((value): Expr => ({ kind: 'boolean', value, span: z })),
    fc.constant<Expr>({ kind: 'date', value: '2024-02-29', span: z }),
    fc
      .tuple(fc.option(namePart, { nil: null }), namePart)
      .map(([table, name]): Expr => ({ kind: 'name', table, name, span: z })),
    fc
      .tuple(fc.constantFrom<'-' | '+' | 'NOT'>('-', '+', 'NOT'), tie('e'))
      .map(([op, arg]): Expr => ({ kind: 'unary', op, arg, span: z })),
    fc
      .tuple(fc.constantFrom(...BIN_OPS), tie('e'), tie('e'))
      .map(([op, left, right]): Expr => ({ kind: 'binary', op, left, right, span: z })),
    fc
      .tuple(tie('e'), fc.array(tie('e'), { minLength: 1, maxLength: 3 }))
      .map(([arg, items]): Expr => ({ kind: 'in', arg, items, span: z })),
    fc
      .tuple(fc.constantFrom('SUM', 'If', 'PREV', 'today'), fc.array(tie('e'), { maxLength: 3 }))
      .map(([name, args]): Expr => ({ kind: 'call', name, args, span: z })),
  ),
})).e;

/** Numbers compare by raw text; values are derived from it by the parser. */
function canonical(e: Expr): unknown {
  return JSON.parse(
    JSON.stringify(e, (k, v) => (k === 'span' || (k === 'value' && typeof v === 'number') ? undefined : v)),
  );
}

describe('printer', () => {
  it('round-trips: parse(print(tree)) is the tree again', () => {
    fc.assert(
      fc.property(exprArb, (tree) => {
        const text = printFormula(tree);
        const r = parseFormula(text);
        expect(r.diagnostics).toEqual([]);
        expect(canonical(r.expr)).toEqual(canonical(tree));
      }),
      { numRuns: 1500 },
    );
  });

  it('prints what was typed, normalising only spacing and needless parentheses', () => {
    const src = 'IF(deals.[Close Date] >= DATE("2024-01-01"), SUM(x) * (1 - 15%), -y^2) & "a""b"';
    expect(printFormula(parseOk(src))).toBe(src);
    expect(printFormula(parseOk('not(a)'))).toBe('NOT a');
    expect(printFormula(parseOk('- -1'))).toBe('- -1');
  });
});
