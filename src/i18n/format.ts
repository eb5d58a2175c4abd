import { toJalaali } from 'jalaali-js';
import { normalizePersianLetters } from '../core/ingest/letters';
import type { ColumnKind } from '../core/model/columnKind';
import {
  type DisplayCalendar,
  type LocaleSettings,
  localeSettings,
  localizeDigits,
  numberLocale,
} from './locale';
import { t, tIn } from './t';

/**
 * Display formats for cell values, KPI figures, dates and period labels, in the active
 * language (locale.ts): Persian digits and separators through Intl's fa-IR, Jalali dates
 * when the workbook's calendar is Jalali. Values arrive already converted from Arrow.
 */

const formats = new Map<string, Intl.NumberFormat>();

/** One Intl.NumberFormat per locale and options: building them is slow, using them is not. */
export function numberFormat(options: Intl.NumberFormatOptions = {}, s: LocaleSettings = localeSettings()) {
  const tag = numberLocale(s);
  const key = `${tag}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (f === undefined) {
    f = new Intl.NumberFormat(tag, options);
    formats.set(key, f);
  }
  return f;
}

/** Figures below this keep every digit even in a dense cell: a count under a million never loses one. */
export const COMPACT_FROM = 1_000_000;

export function formatNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return numberFormat({ maximumFractionDigits: Number.isInteger(v) ? 0 : 4 }).format(v);
}

/**
 * A number for a dense cell or a chart label: short, never 15 digits, and never rounded so
 * far that it misleads. Whole digits stay below a million; a small value keeps two
 * significant figures (0.00042) instead of reading as 0.
 */
export function shortNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  if (a >= COMPACT_FROM) return numberFormat({ notation: 'compact', maximumFractionDigits: 1 }).format(v);
  if (a >= 100) return numberFormat({ maximumFractionDigits: 0 }).format(v);
  if (a >= 10) return numberFormat({ maximumFractionDigits: 1 }).format(v);
  if (a === 0 || a >= 0.01) return numberFormat({ maximumFractionDigits: 2 }).format(v);
  return numberFormat({ maximumSignificantDigits: 2 }).format(v);
}

/** Every digit of a number, for tooltips, the detail panel and reports (exports write raw values). */
export function exactNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return numberFormat({ maximumFractionDigits: 6 }).format(v);
}

/** A whole number or code without thousands separators (a year, an id), in the page's digits. */
function plainNumber(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return numberFormat({ useGrouping: false, maximumFractionDigits: 6 }).format(v);
}

export function formatCount(n: number): string {
  return numberFormat({ maximumFractionDigits: 0 }).format(n);
}

/**
 * A fraction (0.153) as a percentage the way the language writes it: 15.3% or ۱۵٫۳٪. A rate
 * under one percent keeps two significant figures (0.018%), so a click-through rate never
 * reads as 0%.
 */
export function formatPercent(fraction: number, digits = 1, signed = false): string {
  const small = fraction !== 0 && Math.abs(fraction) < 0.01;
  return numberFormat({
    style: 'percent',
    ...(small ? { maximumSignificantDigits: 2 } : { maximumFractionDigits: digits }),
    signDisplay: signed ? 'exceptZero' : 'auto',
  }).format(fraction);
}

/** Currencies the workbook can be kept in; IRT is the toman (10 rials), which has no ISO code. */
export const CURRENCIES = ['USD', 'EUR', 'IRR', 'IRT'] as const;

/**
 * An amount in a currency. Rials and tomans have no minor unit in use, so no decimals;
 * `compact` shortens large amounts (1.2M, ۱٫۲ میلیون) for grid cells.
 */
export function formatCurrency(v: number, currency: string, compact = false): string {
  const shape: Intl.NumberFormatOptions = compact
    ? { notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 }
    : { maximumFractionDigits: currency === 'IRR' || currency === 'IRT' ? 0 : 2 };
  if (currency === 'IRT') return t('currency.tomanValue', { n: numberFormat(shape).format(v) });
  if (currency === 'IRR' && localeSettings().locale === 'fa')
    return t('currency.rialValue', { n: numberFormat(shape).format(v) });
  // Intl's short Persian amount sets the symbol apart from its figure ("$ ۲٫۳ میلیون"), which a
  // right-to-left line then scatters; Persian writes the currency's name after the amount instead.
  if (compact && localeSettings().locale === 'fa' && (currency === 'USD' || currency === 'EUR'))
    return t(currency === 'USD' ? 'currency.dollarValue' : 'currency.euroValue', {
      n: numberFormat(shape).format(v),
    });
  try {
    return numberFormat({ ...shape, style: 'currency', currency, currencyDisplay: 'narrowSymbol' }).format(v);
  } catch {
    return `${numberFormat(shape).format(v)} ${currency}`;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Epoch milliseconds to a date. DuckDB dates carry no zone, so UTC is their calendar. */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  const s = localeSettings();
  if (s.calendar === 'jalali') {
    const j = toJalaali(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    return localizeDigits(`${j.jy}/${pad(j.jm)}/${pad(j.jd)}`);
  }
  return gregorianDay(d.toISOString().slice(0, 10));
}

/**
 * An ISO day as the page writes a Gregorian day: 2025-12-31, and 2025/12/31 in Persian, as
 * a Jalali day is written. After Arabic letters the bidi algorithm breaks a number at a
 * dash but not at a slash, so 2025-12-31 in a Persian sentence reads backwards.
 */
export function gregorianDay(iso: string): string {
  return localizeDigits(localeSettings().locale === 'fa' ? iso.replaceAll('-', '/') : iso);
}

function formatTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString();
  const time = iso.slice(11, 19);
  const day = formatDate(ms);
  return time === '00:00:00' ? day : `${day} ${localizeDigits(time)}`;
}

/**
 * Blank (null) becomes the faint dash; callers style it. A column that holds codes rather
 * than quantities (`codeLike`: a year, an id) is written without thousands separators.
 */
export function formatValue(v: unknown, kind: ColumnKind, codeLike = false): string {
  if (v === null || v === undefined) return t('value.blank');
  if (kind === 'date' && typeof v === 'number') return formatDate(v);
  if (kind === 'timestamp' && typeof v === 'number') return formatTimestamp(v);
  if (typeof v === 'number') return codeLike ? plainNumber(v) : formatNumber(v);
  if (typeof v === 'boolean') return v ? t('value.true') : t('value.false');
  return String(v);
}

export function formatBytes(n: number): string {
  const f = (v: number, digits: number) =>
    numberFormat({ minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v);
  if (n < 1024) return t('bytes.b', { n: f(n, 0) });
  if (n < 1024 ** 2) return t('bytes.kb', { n: f(n / 1024, 0) });
  if (n < 1024 ** 3) return t('bytes.mb', { n: f(n / 1024 ** 2, 1) });
  return t('bytes.gb', { n: f(n / 1024 ** 3, 2) });
}

/** The Solar Hijri months, Farvardin first: the same in every Persian calendar. */
const JALALI_MONTHS_FA = [
  'فروردین',
  'اردیبهشت',
  'خرداد',
  'تیر',
  'مرداد',
  'شهریور',
  'مهر',
  'آبان',
  'آذر',
  'دی',
  'بهمن',
  'اسفند',
] as const;

/** How English texts write the Jalali months (the usual romanisation, as in Iranian English press). */
const JALALI_MONTHS_EN = [
  'Farvardin',
  'Ordibehesht',
  'Khordad',
  'Tir',
  'Mordad',
  'Shahrivar',
  'Mehr',
  'Aban',
  'Azar',
  'Dey',
  'Bahman',
  'Esfand',
] as const;

/** Jalali quarters are the seasons exactly (Farvardin–Khordad is spring), which is how Persian names them. */
const SEASONS_FA = ['بهار', 'تابستان', 'پاییز', 'زمستان'] as const;

const gregorianMonths = new Map<string, string[]>();
function gregorianMonthNames(locale: 'en' | 'fa'): string[] {
  let names = gregorianMonths.get(locale);
  if (names === undefined) {
    const f = new Intl.DateTimeFormat(locale === 'fa' ? 'fa-IR-u-ca-gregory' : 'en-US', {
      month: 'long',
      timeZone: 'UTC',
    });
    names = Array.from({ length: 12 }, (_, i) => f.format(Date.UTC(2024, i, 15)));
    gregorianMonths.set(locale, names);
  }
  return names;
}

/** A month (1–12) by name in a calendar, as the language writes it: اسفند, Esfand, فوریه, February. */
export function monthName(
  calendar: DisplayCalendar,
  month: number,
  s: LocaleSettings = localeSettings(),
): string {
  if (calendar === 'jalali')
    return (s.locale === 'fa' ? JALALI_MONTHS_FA : JALALI_MONTHS_EN)[month - 1] ?? '';
  return gregorianMonthNames(s.locale)[month - 1] ?? '';
}

/**
 * A period label as the calendar core writes it (`1403-01`, `1403-Q1`, `2024-W05`,
 * `1403-01-12`, `1403`) as a reader expects it. Jalali months always get their names
 * (فروردین ۱۴۰۳, Farvardin 1403); in Persian every label gets Persian words and digits.
 * English Gregorian labels stay as they are: sortable, and what the exports write.
 */
export function formatPeriodLabel(label: string, s: LocaleSettings = localeSettings()): string {
  const fa = s.locale === 'fa';
  const digits = (x: string | number) => localizeDigits(String(x), s);
  const jalali = s.calendar === 'jalali';
  let m = /^(\d{4})-(\d{2})$/.exec(label);
  if (m) {
    const month = Number(m[2]) - 1;
    if (month < 0 || month > 11) return digits(label);
    if (jalali) return `${(fa ? JALALI_MONTHS_FA : JALALI_MONTHS_EN)[month]} ${digits(m[1])}`;
    return fa ? `${gregorianMonthNames('fa')[month]} ${digits(m[1])}` : label;
  }
  m = /^(\d{4})-Q([1-4])$/.exec(label);
  if (m) {
    if (!fa) return label;
    return jalali
      ? `${SEASONS_FA[Number(m[2]) - 1]} ${digits(m[1])}`
      : tIn(s.locale, 'period.quarter', { q: digits(m[2]), year: digits(m[1]) });
  }
  m = /^(\d{4})-W(\d{2})$/.exec(label);
  if (m) return fa ? tIn(s.locale, 'period.week', { w: digits(Number(m[2])), year: digits(m[1]) }) : label;
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(label);
  if (m) return fa ? digits(`${m[1]}/${m[2]}/${m[3]}`) : label;
  return digits(label);
}

const collators = new Map<string, Intl.Collator>();

/**
 * Text order as a reader of the language expects. Persian collation alone puts ك after ک
 * and ي after ی, so Windows-1256 exports that mix the two forms would split a name in two
 * places; the Arabic forms are folded first.
 */
export function compareText(a: string, b: string, s: LocaleSettings = localeSettings()): number {
  const tag = s.locale === 'fa' ? 'fa' : 'en';
  let c = collators.get(tag);
  if (c === undefined) {
    c = new Intl.Collator(tag, { numeric: true, sensitivity: 'base' });
    collators.set(tag, c);
  }
  return c.compare(normalizePersianLetters(a), normalizePersianLetters(b));
}
