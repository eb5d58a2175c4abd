import type { Span } from './ast';
import { codePoint, type Diagnostic, diagnostic } from './diagnostics';

export type TokenKind = 'number' | 'text' | 'ident' | 'bracket' | 'op' | '(' | ')' | ',' | '.' | 'eof';

export interface Token {
  kind: TokenKind;
  /** Source text for numbers, ops and idents; the unescaped value for text and bracket names. */
  text: string;
  span: Span;
}

/** Letters and marks of any script, digits, `_` and the zero-width non-joiner Persian names use. */
const NAME_START = /[\p{L}_]/u;
const NAME_PART = /[\p{L}\p{M}\p{N}_\u200c]/u;
const NUMBER = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?%?/;
const OPS = ['<>', '<=', '>=', '+', '-', '*', '/', '^', '&', '=', '<', '>'];
const PUNCT: Record<string, TokenKind> = { '(': '(', ')': ')', ',': ',', '.': '.' };
/** What the engine refuses inside a string or a quoted name (the dialect throws on it): NUL. */
const REFUSED_IN_QUOTES = '\u0000';

export function isNameStart(ch: string): boolean {
  return NAME_START.test(ch);
}

export function isNamePart(ch: string): boolean {
  return NAME_PART.test(ch);
}

export function lex(source: string): { tokens: Token[]; diagnostics: Diagnostic[] } {
  const tokens: Token[] = [];
  const diagnostics: Diagnostic[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i];
    if (/\s/u.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    const num = NUMBER.exec(source.slice(i, i + 64));
    if (num !== null && (/\d/.test(ch) || (ch === '.' && /\d/.test(source[i + 1] ?? '')))) {
      i += num[0].length;
      tokens.push({ kind: 'number', text: num[0], span: { start, end: i } });
      continue;
    }
    if (ch === '"' || ch === '[') {
      const close = ch === '"' ? '"' : ']';
      let value = '';
      let closed = false;
      let refused = false;
      i++;
      while (i < source.length) {
        if (source[i] === close) {
          // A doubled closing character stands for itself.
          if (source[i + 1] === close) {
            value += close;
            i += 2;
            continue;
          }
          i++;
          closed = true;
          break;
        }
        if (!refused && REFUSED_IN_QUOTES.includes(source[i])) {
          // Once per literal: one invisible character is reason enough to look at it.
          refused = true;
          diagnostics.push(
            diagnostic(
              'control-character',
              { char: codePoint(source[i]), within: ch === '"' ? 'text' : 'name' },
              { start: i, end: i + 1 },
            ),
          );
        }
        value += source[i];
        i++;
      }
      if (!closed) {
        diagnostics.push(
          diagnostic(ch === '"' ? 'unterminated-text' : 'unterminated-name', {}, { start, end: i }),
        );
      }
      tokens.push({ kind: ch === '"' ? 'text' : 'bracket', text: value, span: { start, end: i } });
      continue;
    }
    if (isNameStart(ch)) {
      i++;
      while (i < source.length && isNamePart(source[i])) i++;
      tokens.push({ kind: 'ident', text: source.slice(start, i), span: { start, end: i } });
      continue;
    }
    const op = OPS.find((o) => source.startsWith(o, i));
    if (op !== undefined) {
      i += op.length;
      tokens.push({ kind: 'op', text: op, span: { start, end: i } });
      continue;
    }
    const punct = PUNCT[ch];
    if (punct !== undefined) {
      i++;
      tokens.push({ kind: punct, text: ch, span: { start, end: i } });
      continue;
    }
    const cp = String.fromCodePoint(source.codePointAt(i) ?? 0);
    i += cp.length;
    diagnostics.push(diagnostic('unexpected-character', { char: cp }, { start, end: i }));
  }
  tokens.push({ kind: 'eof', text: '', span: { start: source.length, end: source.length } });
  return { tokens, diagnostics };
}
