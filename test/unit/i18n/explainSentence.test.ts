import { describe, expect, it } from 'vitest';
import { type ContributionRow, decompose } from '../../../src/core/analysis/contribution';
import { explainSentence } from '../../../src/i18n/explainSentence';
import type { LocaleSettings } from '../../../src/i18n/locale';

const en: LocaleSettings = { locale: 'en', persianDigits: true, calendar: 'gregorian', currency: 'USD' };
const fa: LocaleSettings = { ...en, locale: 'fa' };
/** Without the bidi isolation marks around names, for reading. */
const plain = (s: string) => s.replace(/[\u2066-\u2069\u200e\u200f\u061c]/g, '');

// The integration fixture's win rate: Q1 9/20, Q2 18/50 (Enterprise 4/10, SMB 9/30, Mid 5/10).
const rows: ContributionRow[] = [
  { side: 'a', segment: 'Enterprise', numerator: 6, denominator: 10 },
  { side: 'a', segment: 'SMB', numerator: 3, denominator: 10 },
  { side: 'b', segment: 'Enterprise', numerator: 4, denominator: 10 },
  { side: 'b', segment: 'SMB', numerator: 9, denominator: 30 },
  { side: 'b', segment: 'Mid', numerator: 5, denominator: 10 },
];
const input = {
  kpi: 'Win rate',
  a: '2024-Q1',
  b: '2024-Q2',
  contribution: decompose(rows, 'ratio'),
  percent: true,
};

describe('the sentence that explains a change', () => {
  it('names the largest effects in English, in percentage points', () => {
    // Enterprise's mix is −2.85 pp, held in binary as −2.8499…: it rounds down.
    expect(plain(explainSentence(input, en))).toBe(
      'Win rate fell 9.0 pp from 2024-Q1 to 2024-Q2: Enterprise’s rate −7.0 pp, fewer Enterprise in the mix −2.8 pp, more Mid in the mix +1.9 pp …',
    );
  });

  it('says it in Persian with Persian digits', () => {
    const s = plain(explainSentence(input, fa));
    expect(s).toContain('پایین آمد');
    expect(s).toContain('۹٫۰ واحد درصد');
    expect(s).toContain('نرخ خودِ Enterprise');
    expect(s).not.toMatch(/[0-9]/);
  });

  it('splits a sum by segment, and says when there is nothing to split', () => {
    const sum = decompose(
      [
        { side: 'a', segment: 'North', numerator: 100, denominator: null },
        { side: 'b', segment: 'North', numerator: 150, denominator: null },
        { side: 'b', segment: null, numerator: 20, denominator: null },
      ],
      'additive',
    );
    expect(plain(explainSentence({ ...input, kpi: 'Revenue', contribution: sum, percent: false }, en))).toBe(
      'Revenue rose 70 from 2024-Q1 to 2024-Q2: North +50, (blank) +20',
    );
    const none = decompose([{ side: 'b', segment: 'X', numerator: 1, denominator: 2 }], 'ratio');
    expect(plain(explainSentence({ ...input, contribution: none }, en))).toBe(
      'Win rate has no value in 2024-Q1, so there is no change to explain.',
    );
  });
});
