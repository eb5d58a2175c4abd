import { describe, expect, it } from 'vitest';
import { type DialectName, dialectNamed } from '../../../src/core/sql/dialects/registry';
import { ESCAPING_CASES, REFUSED_CASES } from '../../fixtures/hostile/dialect/escapingCases';

const NAMES: DialectName[] = ['duckdb', 'postgres', 'clickhouse'];

/**
 * Reads a quoted token the way the engine's lexer does and returns its text, or throws
 * when the token ends before the input does (something after it would be SQL).
 */
function unquote(dialect: DialectName, token: string, quote: "'" | '"'): string {
  let i = 0;
  let backslashEscapes = dialect === 'clickhouse';
  if (dialect === 'postgres' && quote === "'" && token.startsWith("E'")) {
    backslashEscapes = true;
    i = 1;
  }
  if (token[i] !== quote) throw new Error(`does not start with ${quote}: ${token}`);
  i++;
  let out = '';
  for (; i < token.length; i++) {
    const c = token[i];
    if (backslashEscapes && c === '\\') {
      const next = token[i + 1];
      if (next !== '\\' && next !== "'" && next !== '"') throw new Error(`stray escape in ${token}`);
      out += next;
      i++;
    } else if (c === quote) {
      if (token[i + 1] === quote) {
        out += quote;
        i++;
      } else if (i === token.length - 1) {
        return out;
      } else {
        throw new Error(`token ends early: ${token}`);
      }
    } else {
      out += c;
    }
  }
  throw new Error(`unterminated: ${token}`);
}

describe.each(NAMES)('%s quoting', (name) => {
  const d = dialectNamed(name);
  it.each(ESCAPING_CASES)('keeps $name as one string literal', ({ text }) => {
    expect(unquote(name, d.stringLiteral(text), "'")).toBe(text);
  });
  it.each(ESCAPING_CASES)('keeps $name as one identifier', ({ text }) => {
    expect(unquote(name, d.quoteIdent(text), '"')).toBe(text);
  });
  it.each(REFUSED_CASES)('refuses $name', ({ text }) => {
    expect(() => d.stringLiteral(text)).toThrow(/NUL/);
    expect(() => d.quoteIdent(text)).toThrow(/NUL/);
  });
  it('qualifies each part on its own', () => {
    const [a, b] = d.qualify('s"1', "t'2").split('.');
    expect([unquote(name, a, '"'), unquote(name, b, '"')]).toEqual(['s"1', "t'2"]);
  });
  it('writes only checked dates and finite numbers', () => {
    expect(() => d.dateLiteral("2024-01-01'; DROP TABLE deals; --")).toThrow(/ISO date/);
    expect(d.numberLiteral(Number.NaN)).toBe('NULL');
    expect(d.numberLiteral(Number.POSITIVE_INFINITY)).toBe('NULL');
    expect(() => d.addYears('x', 1.5)).toThrow(/whole number/);
  });
});
