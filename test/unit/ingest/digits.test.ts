import { describe, expect, it } from 'vitest';
import { toAsciiDigits } from '../../../src/core/ingest/digits.ts';
import { normalizePersianLetters } from '../../../src/core/ingest/letters.ts';

describe('toAsciiDigits', () => {
  it('maps Persian and Arabic-Indic digits', () => {
    expect(toAsciiDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
    expect(toAsciiDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(toAsciiDigits('۱۴۰۲/۰۵/۱۲')).toBe('1402/05/12');
  });

  it('maps the Arabic decimal and thousands separators', () => {
    expect(toAsciiDigits('۱٬۲۳۴٫۵')).toBe('1,234.5');
  });

  it('leaves other text alone', () => {
    expect(toAsciiDigits('مبلغ 12 تومان')).toBe('مبلغ 12 تومان');
  });
});

describe('normalizePersianLetters', () => {
  it('folds Arabic yeh and kaf into the Persian letters', () => {
    expect(normalizePersianLetters('كيان')).toBe('کیان');
    expect(normalizePersianLetters('کیان')).toBe('کیان');
    expect(normalizePersianLetters('abc')).toBe('abc');
  });
});
