import { describe, expect, it } from 'vitest';
import { formatForUnit, parseKpiFigure, percentFromPlain } from '../../../src/core/kpi/kpiFigure';
import { isRatioFormula, newKpiShape } from '../../../src/core/kpi/ratioFormula';
import { setLocaleSettings } from '../../../src/i18n/locale';
import { figureProblemText } from '../../../src/ui/scorecard/formatKpi';

const value = (text: string, unit: Parameters<typeof parseKpiFigure>[1]) => {
  const r = parseKpiFigure(text, unit);
  if (!r.ok) throw new Error(`refused ${text}`);
  return r.value;
};

describe('a figure typed for a % KPI', () => {
  it.each([
    ['35', 0.35],
    ['35%', 0.35],
    ['35 %', 0.35],
    ['۳۵٪', 0.35],
    ['٪۳۵', 0.35],
    ['۳۵', 0.35],
    ['٣٥', 0.35],
    ['۱۲٫۵', 0.125],
    ['12.5 %', 0.125],
    ['\u200e35\u00a0%\u200f', 0.35],
    ['-2.5', -0.025],
    ['−2.5%', -0.025],
    ['0.35', 0.0035],
    ['150', 1.5],
  ])('reads %s as the fraction %s', (text, want) => {
    expect(value(text, '%')).toBeCloseTo(want, 10);
  });

  it('reads blank as no figure (clearing it)', () => {
    expect(parseKpiFigure('  ', '%')).toEqual({ ok: true, value: null });
  });
});

describe('a figure typed for a KPI of another unit', () => {
  it.each([
    ['1200', 'count', 1200],
    ['1,200', 'count', 1200],
    ['۱٬۲۰۰', 'count', 1200],
    ['12.5', 'days', 12.5],
    ['$1,200.50', 'currency', 1200.5],
    ['15%', 'ratio', 0.15],
  ] as const)('reads %s (%s) as %s', (text, unit, want) => {
    expect(value(text, unit)).toBeCloseTo(want, 10);
  });
});

describe('text that is not a figure', () => {
  it.each(['abc', '35%%', '3.5.2', '1,20', '35-', '--3', '1e3', '%', '.', '$35'])('refuses %s', (text) => {
    expect(parseKpiFigure(text, '%')).toEqual({ ok: false, problem: 'not-a-number', text });
  });

  it('says what was refused and how to write it, in English and Persian', () => {
    const bad = parseKpiFigure(' abc ', '%');
    if (bad.ok) throw new Error('expected a refusal');
    setLocaleSettings({ locale: 'en', persianDigits: true, calendar: 'gregorian', currency: 'USD' });
    expect(figureProblemText(bad, { unit: '%', format: 'percent' })).toBe(
      '“abc” is not a percentage; type it like 35, 35 % or ۳۵٪ (each means 35 %).',
    );
    expect(figureProblemText(bad, { unit: 'count', format: 'number' })).toBe(
      '“abc” is not a number; type it like 1200 or 12.5.',
    );
    setLocaleSettings({ locale: 'fa', persianDigits: true, calendar: 'gregorian', currency: 'USD' });
    expect(figureProblemText(bad, { unit: '%', format: 'percent' })).toBe(
      '«abc» درصد نیست؛ آن را مانند ۳۵ یا ۳۵٪ بنویسید (هر دو یعنی ۳۵ درصد).',
    );
    setLocaleSettings({ locale: 'en', persianDigits: true, calendar: 'gregorian', currency: 'USD' });
  });
});

describe('the unit decides the format', () => {
  it('writes % as a percent and takes it away when the unit changes', () => {
    expect(formatForUnit('%', 'number')).toBe('percent');
    expect(formatForUnit('count', 'percent')).toBe('number');
    expect(formatForUnit('count', 'integer')).toBe('integer');
    expect(formatForUnit('currency', 'number')).toBe('currency');
    expect(formatForUnit('hours', 'number')).toBe('duration');
  });

  it('reads a figure typed on the plain scale above 1 as percent', () => {
    expect(percentFromPlain(35)).toBe(0.35);
    expect(percentFromPlain(-20)).toBe(-0.2);
    expect(percentFromPlain(0.35)).toBe(0.35);
  });
});

describe('a ratio formula', () => {
  it.each([
    'COUNTIF(deals.won) / COUNT(deals.deal_id)',
    'countif(deals.won)/countrows(deals)',
    '(COUNTIF(deals.won)) / (COUNTD(deals.customer_id))',
    'DIVIDE(COUNTIF(tickets.fcr), COUNT(tickets.ticket_id), 0)',
  ])('%s is a rate, a % KPI of the custom family', (f) => {
    expect(isRatioFormula(f)).toBe(true);
    expect(newKpiShape(f)).toEqual({ unit: '%', format: 'percent', family: 'custom' });
  });

  it.each([
    'SUM(deals.amount) / COUNT(deals.deal_id)',
    'COUNTIF(deals.won)',
    'COUNTIF(deals.won) / COUNT(deals.deal_id) * 100',
    'COUNTIF(deals.won) - COUNT(deals.deal_id)',
    'COUNTIF(deals.won) / ',
  ])('%s is not', (f) => {
    expect(isRatioFormula(f)).toBe(false);
    expect(newKpiShape(f)).toEqual({ unit: 'count', format: 'number', family: 'custom' });
  });
});
