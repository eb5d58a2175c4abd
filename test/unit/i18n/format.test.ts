import { afterEach, describe, expect, it } from 'vitest';
import {
  compareText,
  formatBytes,
  formatCount,
  formatCurrency,
  formatDate,
  formatNumber,
  formatPercent,
  formatPeriodLabel,
} from '../../../src/i18n/format';
import { type LocaleSettings, localeFromLanguages, setLocaleSettings } from '../../../src/i18n/locale';
import { editText, formatChange, formatKpiValue, readKpiFigure } from '../../../src/ui/scorecard/formatKpi';

const EN: LocaleSettings = { locale: 'en', persianDigits: true, calendar: 'gregorian', currency: 'USD' };
const FA: LocaleSettings = { locale: 'fa', persianDigits: true, calendar: 'gregorian', currency: 'USD' };
const use = (s: Partial<LocaleSettings>) => setLocaleSettings({ ...EN, ...s });
// Intl marks a sign's direction with LRM; the tables compare what a reader sees.
const visible = (s: string) => s.replace(/[\u200e\u200f]/g, '');

afterEach(() => setLocaleSettings(EN));

describe('numbers', () => {
  it.each([
    // [locale settings, fn, expected]
    ['en', () => formatNumber(1234567.5), '1,234,567.5'],
    ['fa', () => formatNumber(1234567.5), '۱٬۲۳۴٬۵۶۷٫۵'],
    ['fa-latn', () => formatNumber(1234567.5), '1,234,567.5'],
    ['en', () => formatCount(2980), '2,980'],
    ['fa', () => formatCount(2980), '۲٬۹۸۰'],
    ['en', () => formatPercent(0.153), '15.3%'],
    ['fa', () => formatPercent(0.153), '۱۵٫۳٪'],
    ['en', () => formatPercent(-0.025, 1, true), '-2.5%'],
    ['fa', () => visible(formatPercent(0.025, 1, true)), '+۲٫۵٪'],
    ['en', () => formatCurrency(1234.5, 'USD'), '$1,234.50'],
    ['en', () => formatCurrency(12.5, 'EUR'), '€12.50'],
    ['fa', () => visible(formatCurrency(1234.5, 'USD')), '$۱٬۲۳۴٫۵۰'],
    ['en', () => formatCurrency(1_250_000, 'IRR'), 'IRR 1,250,000'],
    ['fa', () => formatCurrency(1_250_000, 'IRR'), '۱٬۲۵۰٬۰۰۰ ریال'],
    ['fa', () => formatCurrency(125_000, 'IRT'), '۱۲۵٬۰۰۰ تومان'],
    ['en', () => formatCurrency(125_000, 'IRT'), '125,000 toman'],
    ['fa', () => formatCurrency(3_400_000, 'IRT', true), '۳٫۴ میلیون تومان'],
    ['en', () => formatBytes(1536), '2 KB'],
    ['fa', () => formatBytes(3 * 1024 ** 2), '۳٫۰ مگابایت'],
  ] as const)('%s: %s', (which, fn, expected) => {
    use(which === 'en' ? EN : which === 'fa' ? FA : { ...FA, persianDigits: false });
    expect(fn().replace(/\u00a0/g, ' ')).toBe(expected);
  });

  it('KPI values and changes in either language', () => {
    const pct = { format: 'percent', unit: '%' } as const;
    const money = { format: 'currency', unit: 'currency' } as const;
    use(EN);
    expect(formatKpiValue(0.431, pct)).toBe('43.1%');
    expect(formatKpiValue(1234.5, money)).toBe('$1,234.50');
    use({ ...FA, currency: 'IRT' });
    expect(formatKpiValue(0.431, pct)).toBe('۴۳٫۱٪');
    expect(formatKpiValue(1234, money)).toBe('۱٬۲۳۴ تومان');
    expect(
      visible(
        formatChange({ change: 0.2, relative: 0.1, sign: '▲', better: true, thin: null } as never, {
          format: 'number',
          unit: 'count',
        }),
      ),
    ).toBe('▲ +۱۰٪');
    // Points: the cell abbreviates the unit, the tooltip writes it out.
    const points = { change: 0.005, relative: 0.01, sign: '▲', better: true, thin: null } as never;
    expect(visible(formatChange(points, pct))).toBe('▲ +۰٫۵ واحد');
    expect(visible(formatChange(points, pct, true))).toBe('▲ +۰٫۵ واحد درصد');
    const thin = {
      change: null,
      relative: null,
      sign: '',
      better: null,
      thin: { side: 'base', count: 3, min: 20 },
    };
    expect(formatChange(thin as never, pct)).toBe('دادهٔ کم');
    use(EN);
    expect(formatChange(points, pct)).toBe('▲ +0.5 pp');
    expect(formatChange(thin as never, pct)).toBe('n/a');
  });

  it('reads targets typed with Persian digits', () => {
    const pct = { format: 'percent', unit: '%' } as const;
    const read = (text: string, k: Parameters<typeof readKpiFigure>[1]) => {
      const r = readKpiFigure(text, k);
      return r.ok ? r.value : Number.NaN;
    };
    expect(read('۱۵٪', pct)).toBeCloseTo(0.15);
    expect(read('۱۲٫۵', pct)).toBeCloseTo(0.125);
    // A target is edited in the digits shown, and what is shown reads back as the same number.
    use(FA);
    expect(editText(0.125, pct)).toBe('۱۲٫۵');
    expect(read(editText(0.125, pct), pct)).toBeCloseTo(0.125);
    use({ ...FA, persianDigits: false });
    expect(editText(0.125, pct)).toBe('12.5');
    expect(read('۱٬۲۰۰', { format: 'number', unit: 'count' })).toBe(1200);
  });
});

describe('dates and period labels', () => {
  it.each([
    // Jalali months by name in either language.
    ['fa', 'jalali', '1403-01', 'فروردین ۱۴۰۳'],
    ['en', 'jalali', '1403-01', 'Farvardin 1403'],
    ['fa', 'jalali', '1403-12', 'اسفند ۱۴۰۳'],
    ['en', 'jalali', '1403-12', 'Esfand 1403'],
    ['fa', 'jalali', '1404-01', 'فروردین ۱۴۰۴'],
    ['fa', 'jalali', '1403-Q1', 'بهار ۱۴۰۳'],
    ['fa', 'jalali', '1403-Q4', 'زمستان ۱۴۰۳'],
    ['en', 'jalali', '1403-Q1', '1403-Q1'],
    ['fa', 'jalali', '1403-W05', 'هفتهٔ ۵ ۱۴۰۳'],
    ['fa', 'jalali', '1403-12-30', '۱۴۰۳/۱۲/۳۰'],
    ['fa', 'jalali', '1403', '۱۴۰۳'],
    // Gregorian: English keeps the sortable label; Persian names the month.
    ['en', 'gregorian', '2024-03', '2024-03'],
    ['fa', 'gregorian', '2024-03', 'مارس ۲۰۲۴'],
    ['fa', 'gregorian', '2024-Q2', 'فصل ۲ ۲۰۲۴'],
  ] as const)('%s %s %s → %s', (locale, calendar, label, expected) => {
    expect(formatPeriodLabel(label, { ...EN, locale, calendar })).toBe(expected);
  });

  it('turns Esfand into Farvardin at the Jalali new year, and knows 1403 is leap', () => {
    use({ ...FA, calendar: 'jalali' });
    const day = (iso: string) => formatDate(Date.parse(`${iso}T00:00:00Z`));
    // 1403 is a leap year: Esfand has 30 days, and 1404 begins on 21 March 2025.
    expect(day('2025-03-19')).toBe('۱۴۰۳/۱۲/۲۹');
    expect(day('2025-03-20')).toBe('۱۴۰۳/۱۲/۳۰');
    expect(day('2025-03-21')).toBe('۱۴۰۴/۰۱/۰۱');
    // 1402 is not: its Esfand ends on the 29th, and 1403 begins on 20 March 2024.
    expect(day('2024-03-19')).toBe('۱۴۰۲/۱۲/۲۹');
    expect(day('2024-03-20')).toBe('۱۴۰۳/۰۱/۰۱');
    use({ ...EN, calendar: 'jalali' });
    expect(day('2025-03-20')).toBe('1403/12/30');
    use(EN);
    expect(day('2025-03-20')).toBe('2025-03-20');
  });
  it('writes a Gregorian day year first with slashes in Persian, dashes in English', () => {
    const day = (iso: string) => formatDate(Date.parse(`${iso}T00:00:00Z`));
    use(FA);
    expect(day('2025-12-31')).toBe('۲۰۲۵/۱۲/۳۱');
    use({ ...FA, persianDigits: false });
    expect(day('2025-12-31')).toBe('2025/12/31');
    use(EN);
    expect(day('2025-12-31')).toBe('2025-12-31');
  });
});

describe('language and text order', () => {
  it('picks Persian for any fa browser language', () => {
    expect(localeFromLanguages(['fa-IR', 'en'])).toBe('fa');
    expect(localeFromLanguages(['fa'])).toBe('fa');
    expect(localeFromLanguages(['en-US', 'fa'])).toBe('en');
    expect(localeFromLanguages(['de-DE'])).toBe('en');
  });

  it('sorts Persian as a dictionary does, with Arabic ي/ك as ی/ک', () => {
    use(FA);
    const words = ['یزد', 'پارس', 'كرج', 'بابل', 'کاشان', 'آمل', 'گرگان', 'يزد'];
    expect([...words].sort(compareText)).toEqual([
      'آمل',
      'بابل',
      'پارس',
      'کاشان',
      'كرج',
      'گرگان',
      'یزد',
      'يزد',
    ]);
    expect(compareText('يزد', 'یزد')).toBe(0);
  });
});
