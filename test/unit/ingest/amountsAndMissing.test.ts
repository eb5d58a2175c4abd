import { describe, expect, it } from 'vitest';
import { currencyMarkOf, withoutCurrencyMark } from '../../../src/core/ingest/currency.ts';
import { isMissingValueWord } from '../../../src/core/ingest/missingValues.ts';
import { parseNumberText } from '../../../src/core/ingest/numbers.ts';
import { typeColumn } from '../../../src/core/ingest/valueKinds.ts';

describe('currency marks', () => {
  it('are found before or after an amount, as written', () => {
    expect(
      ['$40,000', '€1.234,50', '1,200 USD', '۱۲٬۰۰۰ ریال', '(US$5)', '-£3', '12'].map(currencyMarkOf),
    ).toEqual(['$', '€', 'USD', 'ریال', 'US$', '£', null]);
    // A code inside a word or in the middle of text is not a mark.
    expect(currencyMarkOf('USDT 5 coins')).toBeNull();
  });

  it('come off the amount, leaving sign and parentheses', () => {
    expect(withoutCurrencyMark('(€1.234,50)')).toBe('(1.234,50)');
    expect(withoutCurrencyMark('-$ 40')).toBe('-40');
    expect(withoutCurrencyMark('1,200 USD')).toBe('1,200');
  });

  it('leave the number readable', () => {
    expect(parseNumberText('$40,000')).toBe(40000);
    expect(parseNumberText('1,200 USD')).toBe(1200);
    expect(parseNumberText('USD 1,000')).toBe(1000);
    expect(parseNumberText('۱۲٬۰۰۰ ریال')).toBe(12000);
    expect(parseNumberText('€1.234,50', { decimalComma: true })).toBe(1234.5);
    expect(parseNumberText('(1,234.50)')).toBe(-1234.5);
    expect(parseNumberText('12 kg')).toBeNull();
  });
});

describe('typeColumn with amounts and missing-value words', () => {
  it('types amounts in one currency as numbers, noting the currency', () => {
    expect(typeColumn(['$40,000', '$1,200.50', '', '$500'])).toEqual({
      kind: 'number',
      values: [40000, 1200.5, null, 500],
      problems: [],
      currency: '$',
    });
  });

  it('keeps a column of several currencies as text, naming them', () => {
    const typed = typeColumn(['$10', '€20', '£30', '40']);
    expect(typed.kind).toBe('text');
    expect(typed.values).toEqual(['$10', '€20', '£30', '40']);
    expect(typed.mixedCurrencies).toEqual(['$', '£', '€']);
  });

  it('reads missing-value words as blanks in a number or date column and counts them', () => {
    expect(typeColumn(['1', 'NA', '3', '-', 'NULL'])).toEqual({
      kind: 'number',
      values: [1, null, 3, null, null],
      problems: [],
      readAsBlank: 3,
    });
    const dates = typeColumn(['2024-01-05', 'N/A', '2024-01-07', '—']);
    expect([dates.kind, dates.values, dates.readAsBlank]).toEqual([
      'date',
      ['2024-01-05', null, '2024-01-07', null],
      2,
    ]);
  });

  it('keeps them as written in a text column, and does not take a typed "n/a" for one', () => {
    expect(typeColumn(['ok', 'NA', '-']).values).toEqual(['ok', 'NA', '-']);
    expect(isMissingValueWord(' NA ')).toBe(true);
    expect(isMissingValueWord('n/a')).toBe(false);
  });
});
