import { afterEach, describe, expect, it } from 'vitest';
import { formatPercent, formatValue, shortNumber } from '../../../src/i18n/format';
import { type LocaleSettings, setLocaleSettings } from '../../../src/i18n/locale';
import { formatKpiExact, formatKpiValue } from '../../../src/ui/scorecard/formatKpi';

const EN: LocaleSettings = { locale: 'en', persianDigits: true, calendar: 'gregorian', currency: 'USD' };
const FA: LocaleSettings = { locale: 'fa', persianDigits: true, calendar: 'gregorian', currency: 'USD' };
const visible = (s: string) => s.replace(/[\u200e\u200f\u00a0]/g, (c) => (c === '\u00a0' ? ' ' : ''));
const pct = { format: 'percent', unit: '%' } as const;
const money = { format: 'currency', unit: 'currency' } as const;
const count = { format: 'integer', unit: 'count' } as const;
const plain = { format: 'number', unit: 'ratio' } as const;

afterEach(() => setLocaleSettings(EN));

describe('numbers that never mislead', () => {
  it.each([
    // [language, figure, expected]
    // A count below a million keeps every digit, even in a dense cell.
    ['en', () => formatKpiValue(987_654, count), '987,654'],
    ['fa', () => formatKpiValue(987_654, count), '۹۸۷٬۶۵۴'],
    ['en', () => formatKpiValue(10_005_534, count), '10M'],
    ['en', () => formatKpiValue(123_456, money), '$123,456.00'],
    ['en', () => formatKpiValue(10_005_534, money), '$10M'],
    // The exact value is there for the tooltip and the detail panel.
    ['en', () => formatKpiExact(10_005_534, money), '$10,005,534.00'],
    ['en', () => formatKpiExact(10_005_534, count), '10,005,534'],
    ['fa', () => formatKpiExact(10_005_534, count), '۱۰٬۰۰۵٬۵۳۴'],
    ['en', () => formatKpiExact(0.641234, pct), '64.1234%'],
    // A small rate keeps two significant figures instead of reading 0%.
    ['en', () => formatKpiValue(0.000179, pct), '0.018%'],
    ['fa', () => formatKpiValue(0.000179, pct), '۰٫۰۱۸٪'],
    ['en', () => formatPercent(0.0042), '0.42%'],
    ['en', () => formatPercent(0.153), '15.3%'],
    ['en', () => formatPercent(0), '0%'],
    ['en', () => shortNumber(0.00042), '0.00042'],
    ['en', () => shortNumber(0.5), '0.5'],
    ['en', () => formatKpiValue(0.0031, plain), '0.0031'],
    // Years and ids: no thousands separators; quantities keep theirs.
    ['en', () => formatValue(1957, 'number', true), '1957'],
    ['en', () => formatValue(5524, 'number', true), '5524'],
    ['fa', () => formatValue(1402, 'number', true), '۱۴۰۲'],
    ['en', () => formatValue(5524, 'number'), '5,524'],
  ] as const)('%s: %s', (lang, fn, expected) => {
    setLocaleSettings(lang === 'en' ? EN : FA);
    expect(visible(fn())).toBe(expected);
  });
});
